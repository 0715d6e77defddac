"""Pipeline: sequences the stages (ingest -> redact -> store; segment -> embed -> topics ->
suggest) and builds each stage's default component from the project's settings."""
