"""Exports and the briefing report as downloads, filtered like the CLI's ``export``.

Filters are query parameters, repeatable or comma-separated: ``transcript``,
``region``, ``district``, ``group``, ``language``, ``code`` (sub-codes come too),
``status``, ``from`` and ``to`` (ISO dates).  Each download is audited.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi import Path as PathParam
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from api.context import ExportAccess
from api.openapi_docs import failure
from qualcode.exports.outputs import DOWNLOADS, write_one
from qualcode.project import auth
from qualcode.review.selection import Selection

router = APIRouter(prefix="/api/projects", tags=["exports"])
ListQ = Annotated[list[str] | None, Query()]
Kind = Annotated[str, PathParam(json_schema_extra={"enum": list(DOWNLOADS)})]
# what each file is, by its suffix (the .qdc codebook is XML, the .qdpx project a zip)
MEDIA = {
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".json": "application/json",
    ".qdc": "application/xml",
    ".qdpx": "application/zip",
    ".html": "text/html",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
FILE = {"schema": {"type": "string", "format": "binary"}}
PROJECT_JSON = {"schema": {"type": "object", "description": "format: qualcode-project"}}
DOWNLOAD: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The file",
        "content": {m: PROJECT_JSON if m == MEDIA[".json"] else FILE for m in MEDIA.values()},
    }
}


@router.get(
    "/{project}/exports/{kind}",
    response_class=FileResponse,
    responses={**DOWNLOAD, **failure("The export failed its own validation")},
)
def export(
    kind: Kind,
    access: ExportAccess,
    transcript: ListQ = None,
    region: ListQ = None,
    district: ListQ = None,
    group: ListQ = None,
    language: ListQ = None,
    code: ListQ = None,
    status: ListQ = None,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
) -> FileResponse:
    """Kinds: csv, matrix-csv, region-csv, group-csv, xlsx, json, qdc, qdpx, html, docx."""
    selection = Selection.parse(
        {
            "transcripts": transcript,
            "regions": region,
            "districts": district,
            "groups": group,
            "languages": language,
            "codes": code,
            "statuses": status,
            "date_from": date_from,
            "date_to": date_to,
        }
    )
    out = Path(tempfile.mkdtemp(prefix="qualcode-export-"))
    try:
        path = write_one(access.store, kind, out, selection)
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)
        raise
    auth.audit(access.store, access.user, "export", f"export:{kind}")
    return FileResponse(
        path,
        filename=f"{access.project}-{path.name}",
        media_type=MEDIA[path.suffix],
        background=BackgroundTask(shutil.rmtree, out, ignore_errors=True),
    )
