"""``qualcode demo``: the main job on the bundled demo corpus.

init -> ingest (with redaction) -> process (segment, embed, topics, suggest) -> every
export (CSV and XLSX tables, JSON, REFI-QDA .qdc and .qdpx, the briefing report as HTML
and DOCX), then the summary.  Re-running reuses the project in ``OUT/demo-project``: files already
ingested are recognised by content hash and finished stages are skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from qualcode.errors import InputError
from qualcode.exports.outputs import FORMATS, write_exports
from qualcode.exports.summary import render_summary, summarise
from qualcode.pipeline.ingest import ingest_paths
from qualcode.pipeline.run import process
from qualcode.progress import ProgressLike
from qualcode.store import Store

REPO_ROOT = Path(__file__).resolve().parents[3]


def default_corpus() -> Path:
    return REPO_ROOT / "demo" / "corpus"


def run_demo(
    corpus: Path | None,
    out: Path,
    *,
    progress: ProgressLike = None,
    log: Callable[[Path], None] | None = None,
) -> str:
    corpus = corpus or default_corpus()
    if not corpus.is_dir():
        raise InputError(
            f"Demo corpus folder {corpus} not found.",
            hint="Pass --corpus with the folder of transcripts.",
        )
    store = Store(out / "demo-project", create=True)
    if log:
        log(store.path.parent / "qualcode.log")
    ingested = ingest_paths(store, [corpus], progress=progress)
    if ingested.errors:
        raise InputError("Some demo transcripts could not be read: " + "; ".join(ingested.errors))
    report = process(store, progress=progress)
    written = write_exports(store, FORMATS, out, progress=progress)
    lines = [
        f"Ingested {len(ingested.added)} new transcripts "
        f"({len(ingested.duplicates)} already present).",
        f"Segmented {report.segmented}, embedded {report.embedded}, "
        f"topics: {report.topics}, suggestions: {report.suggestions}.",
        "Stage seconds: " + ", ".join(f"{k} {v}" for k, v in report.seconds.items()),
        *(f"Warning: {w}" for w in report.warnings),
        f"Exported to {out}: " + ", ".join(p.name for p in written) + ".",
        "",
        render_summary(summarise(store)),
        "",
        *_candidates(store),
    ]
    return "\n".join(lines)


def _candidates(store: Store) -> list[str]:
    """Emergent themes no code covers: candidate new codes for the researcher."""
    from qualcode.topics.themes import candidates

    found = candidates(store)
    lines = [f"Candidate new codes (themes no code covers): {len(found)}"]
    lines += [f"  topic {c.topic_id:>3}  {c.code_id}: {c.label}" for c in found]
    if found:
        lines.append(f"Adopt one with `qualcode themes adopt TOPIC_ID -p {store.path.parent}`.")
    return lines
