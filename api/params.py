"""Bounded integer parameters, shared by the routes.

SQLite stores integers in 64 bits: an id past ``2**63 - 1`` cannot exist, and binding it
raises ``OverflowError`` (a 500).  Every integer a request carries is declared with one
of these types instead of a bare ``int``, so such a value is refused with the usual 422
body before any route runs, and the OpenAPI schema states each bound.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query
from pydantic import Field

from qualcode.codebook.load import ID_PATTERN
from qualcode.review.browse import MAX_CONTEXT, MAX_LIMIT

MAX_ID = 2**63 - 1  # SQLite's largest INTEGER

# a row id (segment, transcript, job, decision): SQLite numbers them from 1
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
QueryId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
# a topic: the topic model numbers them from 0
TopicPath = Annotated[int, Path(ge=0, le=MAX_ID)]
TopicQuery = Annotated[int | None, Query(ge=0, le=MAX_ID)]
Offset = Annotated[int, Query(ge=0, le=MAX_ID, description="items to skip")]
PageLimit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")]
Around = Annotated[int, Query(ge=0, le=MAX_CONTEXT, description="neighbouring segments")]
# in a request body: an id that may be 0 for "none", and a version (from 1)
BodyId = Annotated[int, Field(ge=0, le=MAX_ID)]
Version = Annotated[int, Field(ge=1, le=MAX_ID)]

# a code id, as the codebook loader requires it (``qualcode.codebook.load.ID_PATTERN``)
CodePath = Annotated[str, Path(pattern=ID_PATTERN, description="a code id")]
CodeId = Annotated[str, Field(pattern=ID_PATTERN, description="a code id")]
# text the library strips and then requires: at least one non-space character
Text = Annotated[str, Field(min_length=1, pattern=r"\S")]
