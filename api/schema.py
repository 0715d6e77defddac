"""Write the app's OpenAPI schema to ``api/openapi.json`` (committed; a test fails when
the app drifts from it): ``python -m api.schema``."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

SCHEMA = Path(__file__).with_name("openapi.json")


def current() -> str:
    from api import create_app

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Path(tmp), run_jobs=False)
        return json.dumps(app.openapi(), indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    SCHEMA.write_text(current(), encoding="utf-8")
    sys.stdout.write(f"wrote {SCHEMA}\n")
