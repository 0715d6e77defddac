"""Persistence: the only package that holds SQL, in parts per concern.  See ``Store``."""

from qualcode.store.db import DB_NAME, project_db_path
from qualcode.store.project import Store

__all__ = ["DB_NAME", "Store", "project_db_path"]
