"""Segment: split each stored transcript into segments (exact offsets, never across speakers)."""
