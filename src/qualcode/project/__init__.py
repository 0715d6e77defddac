"""Project services: users, roles and tokens, the workspace of projects, background jobs,
and the live per-project model a server holds."""
