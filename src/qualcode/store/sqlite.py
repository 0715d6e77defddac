"""sqlite-utils, imported without pandas.

sqlite-utils imports pandas, when it is installed, only to store ``pandas.Timestamp``
values as TEXT columns.  The store never writes pandas values, yet that import cost
about 0.44 s of every command's start on a 2-core machine (``python -X importtime``),
more than a third of a small ``process``.  So the store imports sqlite-utils with
pandas marked missing, unless pandas is loaded already; pandas imports as usual
afterwards, for whoever needs it (BERTopic).  Like ``topics.backend.import_bertopic``,
this runs at import time, under Python's import lock.
"""

from __future__ import annotations

import sys

_hide = "pandas" not in sys.modules and "sqlite_utils" not in sys.modules
if _hide:
    sys.modules["pandas"] = None  # type: ignore[assignment]  # "import pandas" fails
try:
    from sqlite_utils import Database, Migrations
finally:
    if _hide and sys.modules.get("pandas", 0) is None:
        del sys.modules["pandas"]

__all__ = ["Database", "Migrations"]
