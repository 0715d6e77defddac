"""sqlite-utils, imported without pandas.

sqlite-utils imports pandas, when it is installed, only to store ``pandas.Timestamp``
values as TEXT columns.  The store never writes pandas values, yet that import cost
about 0.44 s of every command's start on a 2-core machine (``python -X importtime``),
more than a third of a small ``process``.  So the store imports sqlite-utils with
pandas marked missing (``qualcode.imports.without``), unless pandas is loaded already;
pandas imports as usual afterwards, for whoever needs it (BERTopic).
"""

from __future__ import annotations

from qualcode.imports import without

with without(["pandas"], unless_loaded=["sqlite_utils"]):
    from sqlite_utils import Database, Migrations

__all__ = ["Database", "Migrations"]
