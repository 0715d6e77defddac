"""Persistence: the only package that holds SQL.  See ``Store``."""

from qualcode.store.analysis import Store
from qualcode.store.db import DB_NAME, project_db_path

__all__ = ["DB_NAME", "Store", "project_db_path"]
