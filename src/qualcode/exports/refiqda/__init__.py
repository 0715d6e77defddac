"""REFI-QDA interchange (QDA-XML 1.0): the format NVivo, ATLAS.ti, MAXQDA and others
exchange projects (``.qdpx``) and codebooks (``.qdc``) in.

- :func:`export_qdc`: the project's codebook as a ``.qdc``.
- :func:`export_qdpx`: the project (redacted transcripts, codes, codings, review memos,
  metadata) as a ``.qdpx``.
- :func:`read_qdc` / :func:`import_qdc`: a ``.qdc`` from another tool as a qualcode
  codebook, or added to a project's codebook.
- :func:`validate`: check a file against the vendored schemas (``schemas/``).
"""

from qualcode.exports.refiqda.qdc import export_qdc, import_qdc, read_qdc
from qualcode.exports.refiqda.qdpx import ExportCounts, export_qdpx
from qualcode.exports.refiqda.validate import MAX_INPUT_BYTES, validate

__all__ = [
    "MAX_INPUT_BYTES",
    "ExportCounts",
    "export_qdc",
    "export_qdpx",
    "import_qdc",
    "read_qdc",
    "validate",
]
