"""``python -m qualcode``: the command line."""

from qualcode.cli import app

app(prog_name="qualcode")
