"""Review of redactions, per transcript: list what was redacted (uncertain detections
first), add a string the redactor missed, release a false positive.

A change applies to every occurrence in the transcript: turns, segments, title and
metadata are rewritten (``rewrite``), cached embeddings of changed segments are dropped,
and ``pipeline.process`` then re-embeds them and refreshes topics and suggestions.  Each
change is appended to ``redaction_log`` with its pseudonym and count, never the string.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qualcode.errors import ConflictError, InputError, NotFoundError
from qualcode.progress import ProgressLike, tracker
from qualcode.redact.names import SUFFIX
from qualcode.redact.rewrite import Substitution, plan_rewrite
from qualcode.redact.vault import seal, unseal
from qualcode.store import Store

if TYPE_CHECKING:
    from cryptography.fernet import Fernet

KINDS = ("PERSON", "PLACE", "ORG", "PHONE", "EMAIL", "URL", "ID", "CARD", "DOB", "ADDRESS", "AGE")
SURE = frozenset({"pattern", "known-name", "review"})
FLAG_BELOW = 0.9
PSEUDONYM = re.compile(r"^\[([A-Z]+)_(\d+)\]$")


@dataclass(frozen=True)
class RedactionItem:
    kind: str
    pseudonym: str
    count: int
    confidence: float
    source: str
    status: str

    @property
    def flagged(self) -> bool:
        """Uncertain: found by a detector, not a pattern, known name or reviewer."""
        return self.source not in SURE or self.confidence < FLAG_BELOW


@dataclass(frozen=True)
class Change:
    transcript_id: int
    action: str  # "add" or "release"
    kind: str
    pseudonym: str
    count: int


def list_redactions(store: Store, tid: int) -> list[RedactionItem]:
    store.transcripts.transcript(tid)  # NotFoundError for a bad id
    items = [RedactionItem(**r) for r in store.transcripts.redactions(tid)]
    return sorted(
        items,
        key=lambda i: (
            not i.flagged,
            i.status != "active",
            i.confidence,
            i.kind,
            _number(i.pseudonym),
        ),
    )


def add_redaction(
    store: Store,
    tid: int,
    text: str,
    kind: str = "PERSON",
    *,
    pseudonym: str | None = None,
    actor: str = "researcher",
    key: Fernet | None = None,
) -> Change:
    """Redact every occurrence of ``text`` in transcript ``tid`` (case-insensitive, any
    apostrophe, with Uzbek case endings for names) as ``pseudonym`` or a new one."""
    kind = _check_kind(kind)
    if len(text.strip()) < 2:
        raise InputError("The text to redact is empty or one character.", hint="Give the word.")
    pseudo = pseudonym or _next_pseudonym(store, tid, kind)
    if pseudonym and (not PSEUDONYM.match(pseudonym) or pseudonym[1:].split("_")[0] != kind):
        raise InputError(f"'{pseudonym}' is not a {kind} pseudonym.", hint=f"e.g. [{kind}_2].")
    seen: list[str] = []

    def repl(m: re.Match[str]) -> str:
        seen.append(m.group(0))
        return pseudo

    sub = Substitution(_pattern(text, kind), repl)
    apply = plan_rewrite(store, tid, sub)
    if sub.count == 0:
        raise NotFoundError(
            f"The text you gave does not occur in transcript {tid}.",
            hint="Check the spelling against `qualcode show` output; nothing was changed.",
        )
    with store.atomic():
        apply()
        prior = _active_count(store, tid, pseudo)
        store.redactions.add_redaction_row(tid, kind, pseudo, prior + sub.count)
        store.redactions.log_redaction(tid, "add", kind, pseudo, sub.count, actor)
        if key is not None:
            old = store.redactions.key_tokens(tid).get(pseudo)
            store.redactions.put_key_tokens(
                tid, seal(key, {pseudo: (unseal(key, old) if old else []) + seen})
            )
    return Change(tid, "add", kind, pseudo, sub.count)


def release_redaction(
    store: Store,
    tid: int,
    pseudonym: str,
    *,
    original: str | None = None,
    key: Fernet | None = None,
    actor: str = "researcher",
    progress: ProgressLike = None,
) -> Change:
    """Put the original text back for every occurrence of ``pseudonym`` (a false
    positive): from ``original`` as given, or decrypted with the project key.
    ``progress``: stage "release" while the transcript is rewritten."""
    with tracker(progress).stage("release"):
        return _release(store, tid, pseudonym, original, key, actor)


def _release(
    store: Store, tid: int, pseudonym: str, original: str | None, key: Fernet | None, actor: str
) -> Change:
    row = store.redactions.redaction(tid, pseudonym)
    if row["status"] != "active":
        raise ConflictError(f"{pseudonym} in transcript {tid} is already released.")
    forms = _originals(store, tid, pseudonym, original, key)
    common = Counter(forms).most_common(1)[0][0]
    order = iter(forms)
    sub = Substitution(re.compile(re.escape(pseudonym)), lambda m: next(order, common))
    apply = plan_rewrite(store, tid, sub, topics=False)
    with store.atomic():
        apply()
        store.redactions.set_redaction(tid, pseudonym, status="released", count=0)
        store.redactions.log_redaction(tid, "release", row["kind"], pseudonym, sub.count, actor)
        store.redactions.drop_key_token(tid, pseudonym)
    return Change(tid, "release", row["kind"], pseudonym, sub.count)


def reveal(store: Store, tid: int, key: Fernet) -> dict[str, list[str]]:
    """Authorised re-identification: pseudonym -> distinct original strings."""
    store.transcripts.transcript(tid)
    return {p: sorted(set(unseal(key, t))) for p, t in store.redactions.key_tokens(tid).items()}


def _originals(
    store: Store, tid: int, pseudonym: str, original: str | None, key: Fernet | None
) -> list[str]:
    if original is not None and original.strip():
        return [original]
    token = store.redactions.key_tokens(tid).get(pseudonym)
    if key is not None and token is not None:
        return unseal(key, token)
    raise InputError(
        f"qualcode kept no original for {pseudonym} that it can open.",
        hint="Give the original text (--as TEXT), or the key given at ingest (--key-file).",
    )


def _pattern(text: str, kind: str) -> re.Pattern[str]:
    words = [re.escape(w).replace("'", "['’ʻ‘`]") for w in re.sub(r"['’ʻ‘`]", "'", text).split()]
    body = r"\s+".join(words)
    tail = SUFFIX if kind in ("PERSON", "PLACE", "ORG") else ""
    return re.compile(rf"(?<![\w\[]){body}{tail}(?![\w\]])", re.IGNORECASE)


def _check_kind(kind: str) -> str:
    if kind.upper() not in KINDS:
        raise InputError(
            f"Unknown redaction type '{kind}'.", hint=f"Use one of {', '.join(KINDS)}."
        )
    return kind.upper()


def _number(pseudonym: str) -> int:
    m = PSEUDONYM.match(pseudonym)
    return int(m.group(2)) if m else 0


def _next_pseudonym(store: Store, tid: int, kind: str) -> str:
    used = [_number(r["pseudonym"]) for r in store.transcripts.redactions(tid) if r["kind"] == kind]
    return f"[{kind}_{max(used, default=0) + 1}]"


def _active_count(store: Store, tid: int, pseudonym: str) -> int:
    try:
        row = store.redactions.redaction(tid, pseudonym)
    except NotFoundError:
        return 0
    return int(row["count"]) if row["status"] == "active" else 0
