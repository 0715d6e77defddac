"""Review: coders' decisions in an append-only log, their current state, browsing and
search, and the selection of coded segments that every export counts."""
