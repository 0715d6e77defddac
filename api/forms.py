"""Multipart uploads read only after the route's dependencies have authorised the caller.

FastAPI reads a ``File()``/``Form()`` body before it runs the dependencies, so an
upload by someone without the right role would be spooled to disk before the 403.
Upload routes therefore declare no body parameters: they take the ``Request``, let the
access dependency decide, then call ``read_form``, whose body ``api.guard`` counts
against the upload limit while it streams.  ``multipart_body`` documents the form in
the OpenAPI schema, since FastAPI can no longer see it.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from qualcode.errors import InputError

FIELD_LIMIT = 20_000  # characters in one text field (metadata, participants)
PART_LIMIT = 1 << 20  # what starlette reads of a text part before refusing the form


async def read_form(
    request: Request, texts: tuple[str, ...] = ()
) -> tuple[UploadFile, dict[str, str]]:
    """The uploaded ``file`` and the text fields named in ``texts`` (absent ones left out)."""
    try:
        form = await request.form(max_files=1, max_fields=len(texts) + 1, max_part_size=PART_LIMIT)
    except HTTPException:  # starlette's word for a malformed or over-full form
        raise InputError(
            "The upload is not a well-formed multipart form.",
            hint=f"Send one 'file' part and at most these fields: {', '.join(texts) or 'none'}, "
            f"each under {FIELD_LIMIT:,} characters.",
        ) from None
    file = form.get("file")
    if not isinstance(file, UploadFile):
        raise InputError(
            "The upload has no 'file' part.",
            hint="Send the file as the 'file' part of a multipart/form-data body.",
        )
    fields = {k: v for k in texts if isinstance(v := form.get(k), str)}
    for name, value in fields.items():
        if len(value) > FIELD_LIMIT:
            raise InputError(
                f"The field '{name}' is over {FIELD_LIMIT:,} characters.",
                hint="Metadata and participant lists are short; is the right value there?",
            )
    return file, fields


def multipart_body(**fields: str) -> dict[str, Any]:
    """``openapi_extra`` for a route taking a ``file`` and the text ``fields`` (name:
    description)."""
    properties: dict[str, Any] = {"file": {"type": "string", "format": "binary"}}
    for name, about in fields.items():
        properties[name] = {"type": "string", "maxLength": FIELD_LIMIT, "description": about}
    schema = {"type": "object", "required": ["file"], "properties": properties}
    return {
        "requestBody": {
            "required": True,
            "content": {"multipart/form-data": {"schema": schema}},
        }
    }
