"""The pseudonymised text around each redaction, so a researcher can judge an uncertain
one without the original: ``[PERSON_3] opa came back from Kazan`` tells a name from a
word the detector mistook for one.  Only stored (redacted) text is read."""

from __future__ import annotations

import re

from qualcode.store import Store

TURN_BREAK = " ⏎ "


def snippets(text: str, pseudonym: str, limit: int = 3, width: int = 60) -> list[str]:
    """Up to ``limit`` passages of ``text`` around ``pseudonym``, about ``width``
    characters each side, cut at word boundaries."""
    found = []
    for match in re.finditer(re.escape(pseudonym), text):
        start, end = match.start(), match.end()
        left = _word_start(text, max(0, start - width))
        right = _word_end(text, min(len(text), end + width))
        passage = text[left:right].replace("\n", TURN_BREAK).strip()
        found.append(f"{'…' if left > 0 else ''}{passage}{'…' if right < len(text) else ''}")
        if len(found) == limit:
            break
    return found


def redaction_contexts(
    store: Store, tid: int, pseudonyms: list[str], limit: int = 3, width: int = 60
) -> dict[str, list[str]]:
    """Each pseudonym's passages in transcript ``tid``."""
    text = store.transcripts.transcript(tid)["text"] or ""
    return {p: snippets(text, p, limit, width) for p in pseudonyms}


def _word_start(text: str, at: int) -> int:
    while 0 < at < len(text) and not text[at - 1].isspace():
        at -= 1
    return at


def _word_end(text: str, at: int) -> int:
    while at < len(text) and not text[at].isspace():
        at += 1
    return at
