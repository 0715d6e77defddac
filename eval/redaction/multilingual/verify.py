"""Checks on one record, and the summary counts.  Standard library only."""
from __future__ import annotations

import itertools
import re
from collections import Counter

LABELS = ("PERSON", "PLACE", "ADDRESS", "PHONE", "EMAIL", "URL", "ID", "CARD", "DOB", "AGE",
          "ORG")
KINDS = ("common", "role", "institution", "region")
LANGS = ("ru", "uz", "tg", "ky", "mixed")
_WORD = r"[\w'’ʼ-]"
SENT_START = re.compile(r"(?:^|[.!?…:—«\"„(]\s*)$")


def sentence_initial(text: str, start: int) -> bool:
    return bool(SENT_START.search(text[:start].rstrip()) or not text[:start].strip())


def verify_doc(rec: dict) -> list[str]:
    """Return a list of problems (empty when the record is fine)."""
    p: list[str] = []
    rid = rec.get("id", "?")
    need = {"id", "set", "language", "participants", "facilitator", "turns", "spans", "keep"}
    if set(rec) != need:
        return [f"{rid}: keys {sorted(set(rec) ^ need)}"]
    if rec["set"] != "multilingual" or rec["language"] not in LANGS:
        p.append(f"{rid}: set/language")
    turns = rec["turns"]
    if not 12 <= len(turns) <= 25:
        p.append(f"{rid}: {len(turns)} turns")
    for t in turns:
        if set(t) != {"speaker", "text"} or not t["speaker"] or not t["text"]:
            p.append(f"{rid}: bad turn {t}")
        elif re.search(r"[{}\x00\x01]", t["speaker"] + t["text"]):
            p.append(f"{rid}: unfilled slot in {t}")
    if not all(isinstance(x, str) and x for x in rec["participants"]):
        p.append(f"{rid}: participants")
    if p:
        return p
    used: dict[tuple, list[tuple[int, int, str]]] = {}
    for what, items, tag, allowed in (("span", rec["spans"], "label", LABELS),
                                      ("keep", rec["keep"], "kind", KINDS)):
        for s in items:
            if set(s) != {"turn", "field", "start", "end", tag} or s[tag] not in allowed:
                p.append(f"{rid}: bad {what} {s}")
                continue
            if not 0 <= s["turn"] < len(turns) or s["field"] not in ("speaker", "text"):
                p.append(f"{rid}: {what} out of range {s}")
                continue
            txt = turns[s["turn"]][s["field"]]
            piece = txt[s["start"]:s["end"]]
            if not 0 <= s["start"] < s["end"] <= len(txt) or piece != piece.strip():
                p.append(f"{rid}: {what} offsets/whitespace {s} {piece!r}")
                continue
            if re.match(_WORD, txt[s["end"]:s["end"] + 1]) and s[tag] != "PERSON":
                p.append(f"{rid}: {what} ends inside a word {piece!r}")
            if s["start"] and re.match(_WORD, txt[s["start"] - 1]):
                p.append(f"{rid}: {what} starts inside a word {piece!r}")
            used.setdefault((s["turn"], s["field"]), []).append((s["start"], s["end"], what))
    for key, iv in used.items():
        iv.sort()
        for (_a1, b1, w1), (a2, _b2, w2) in itertools.pairwise(iv):
            if a2 < b1:
                p.append(f"{rid}: overlap {w1}/{w2} at turn {key}")
    p += _consistency(rec)
    return p


def _consistency(rec: dict) -> list[str]:
    """Gold is never self-contradictory: each name token is labelled wherever it occurs,
    no keep span contains a name token, AGE is digits, PHONE has 7+ digits."""
    p, turns, rid = [], rec["turns"], rec["id"]
    gold = {}
    tokens: set[str] = set()
    for s in rec["spans"]:
        piece = turns[s["turn"]][s["field"]][s["start"]:s["end"]]
        gold.setdefault((s["turn"], s["field"]), []).append((s["start"], s["end"]))
        if s["label"] == "PERSON":
            tokens |= {w for w in piece.split() if len(w) >= 3 and w[0].isupper()}
        if s["label"] == "AGE" and not piece.isdigit():
            p.append(f"{rid}: AGE {piece!r}")
        if s["label"] == "PHONE" and sum(c.isdigit() for c in piece) < 7:
            p.append(f"{rid}: PHONE {piece!r}")
    for tok in tokens:
        rx = re.compile(rf"(?<![\w'’ʼ-]){re.escape(tok)}(?![\w'’ʼ-])")
        for ti, t in enumerate(turns):
            for field in ("speaker", "text"):
                for m in rx.finditer(t[field]):
                    if not any(a <= m.start() and m.end() <= b
                               for a, b in gold.get((ti, field), [])):
                        p.append(f"{rid}: name token {tok!r} unlabelled in turn {ti}")
    for k in rec["keep"]:
        piece = turns[k["turn"]][k["field"]][k["start"]:k["end"]]
        if set(piece.split()) & tokens:
            p.append(f"{rid}: keep {piece!r} contains a name token")
    return p


def stats(records: list[dict]) -> dict:
    langs = Counter(r["language"] for r in records)
    cyr = sum(1 for r in records if r["id"].startswith("ml-uz-cyrl"))
    labels, kinds = Counter(), Counter()
    speaker_labels, speaker_kinds, initial = Counter(), Counter(), 0
    for r in records:
        for s in r["spans"]:
            labels[s["label"]] += 1
            speaker_labels[s["label"]] += s["field"] == "speaker"
        for k in r["keep"]:
            kinds[k["kind"]] += 1
            speaker_kinds[k["kind"]] += k["field"] == "speaker"
            txt = r["turns"][k["turn"]][k["field"]]
            if k["kind"] == "common" and k["field"] == "text" and sentence_initial(txt, k["start"]):
                initial += 1
    turns = [len(r["turns"]) for r in records]
    words = sum(len(t["text"].split()) for r in records for t in r["turns"])
    return {"documents": len(records), "languages": dict(langs), "uz_cyrillic": cyr,
            "turns": sum(turns), "turns_min": min(turns), "turns_max": max(turns),
            "words": words, "spans": dict(labels.most_common()),
            "spans_in_speaker": dict(speaker_labels), "keep": dict(kinds.most_common()),
            "keep_in_speaker": dict(speaker_kinds), "keep_common_sentence_initial": initial,
            "keep_total": sum(kinds.values()), "span_total": sum(labels.values())}
