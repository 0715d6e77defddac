"""Coding: suggest codes for segments (zero-shot, keywords), learn from coders' decisions,
order the review queue, and measure the model as a coder (agreement, evaluation)."""
