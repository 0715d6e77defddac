"""Exports: tables (CSV, XLSX), JSON, REFI-QDA (.qdc, .qdpx) and the briefing report, each
for a ``Selection``; files are written atomically."""
