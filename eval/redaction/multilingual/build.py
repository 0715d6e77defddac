"""Assemble the multilingual documents: speaker labels, turns, keep spans, records.

Gold spans come from ``render.Doc.render`` (recorded as each slot is filled).  Keep
spans are every occurrence, outside gold spans, of a ``lexicon.KEEP`` string in the
turn text, plus the role part of each speaker label.  ``verify.verify_doc`` checks
every record; a document that fails is rebuilt from the same random stream.
"""
from __future__ import annotations

import random
import re

from . import lexicon as L
from . import templates_ky, templates_mixed, templates_ru, templates_tg, templates_uz
from .render import Doc, Skip
from .verify import verify_doc

SEED = 4242
POOLS = {"ru": templates_ru, "uz": templates_uz, "tg": templates_tg, "ky": templates_ky,
         "mixed": templates_mixed}
# (language, script context, country or None = rotate, number of documents, id stem)
PLAN = [("ru", "ru", None, 15, "ml-ru"), ("uz", "uz", "uz", 11, "ml-uz"),
        ("uz", "uzc", "uz", 4, "ml-uz-cyrl"), ("tg", "tg", "tj", 8, "ml-tg"),
        ("ky", "ky", "kg", 8, "ml-ky"), ("mixed", "uz", "uz", 14, "ml-mixed")]
RU_COUNTRIES = ("uz", "uz", "tj", "kg")
MODES = ("role", "paren", "name", "paren_age")
_KEEP_RX: dict[str, tuple[re.Pattern, dict[str, str]]] = {}


def keep_matcher(key: str) -> tuple[re.Pattern, dict[str, str]]:
    if key not in _KEEP_RX:
        kind_of: dict[str, str] = {}
        for kind in L.KINDS:
            for w in L.KEEP[key][kind]:
                assert kind_of.setdefault(w, kind) == kind, f"{w!r} has two kinds ({key})"
        alt = "|".join(re.escape(w) for w in sorted(kind_of, key=lambda w: (-len(w), w)))
        _KEEP_RX[key] = (re.compile(rf"(?<![\w'’ʼ-])(?:{alt})(?![\w'’ʼ-])"), kind_of)
    return _KEEP_RX[key]


class Builder(Doc):
    def setup_labels(self) -> None:
        words = L.LABELS[self.label_ctx]
        self.fac_word = self.rng.choice(words["fac"][self.fac.gender])
        self.part_word = self.rng.choice(words["part"][self.group])
        self.labels = {id(self.fac): self.label(self.fac, 0)}
        for k, p in enumerate(self.parts, 1):
            self.labels[id(p)] = self.label(p, k)

    def label(self, p, k: int) -> tuple[str, list, list]:
        base = self.fac_word if k == 0 else f"{self.part_word} {k}"
        name = p.render(self.label_ctx, "", "")[0]
        if self.mode == "role":
            return base, [], [(0, len(base), "role")]
        if self.mode == "name":
            return name, [(0, len(name), "PERSON")], []
        text = f"{base} ({name})"
        spans = [(len(base) + 2, len(base) + 2 + len(name), "PERSON")]
        if self.mode == "paren_age" and k:
            text = f"{base} ({name}, {p.age})"
            spans.append((len(text) - 1 - len(str(p.age)), len(text) - 1, "AGE"))
        return text, spans, [(0, len(base), "role")]

    def pick(self, section: str, topic: str | None, spk, nxt=None) -> tuple[str, list]:
        pools = ["mixed", "ru", "uz"] if self.lang == "mixed" else [self.lang]
        weights = [2, 1, 1] if self.lang == "mixed" else [1]
        for _ in range(3):
            pool = self.rng.choices(pools, weights)[0]
            cands = getattr(POOLS[pool], section)
            cands = list(cands[topic] if topic else cands)
            self.rng.shuffle(cands)
            for reuse in (False, True):
                for tpl in cands:
                    if (pool, tpl) in self.used and not reuse:
                        continue
                    try:
                        out = self.render(tpl, pool, spk, nxt)
                    except Skip:
                        continue
                    self.used.add((pool, tpl))
                    return out
        raise AssertionError(f"no usable template for {section}/{topic} in {self.id}")

    def add_turn(self, who, sentences: list[tuple[str, list]]) -> None:
        text, spans = "", []
        for s, sp in sentences:
            off = len(text) + (1 if text else 0)
            text = f"{text} {s}" if text else s
            spans += [(a + off, b + off, lab) for a, b, lab in sp]
        t = len(self.turns)
        label, lspans, lkeep = self.labels[id(who)]
        self.turns.append({"speaker": label, "text": text})
        for a, b, lab in lspans:
            self.spans.append({"turn": t, "field": "speaker", "start": a, "end": b, "label": lab})
        for a, b, kind in lkeep:
            self.keep.append({"turn": t, "field": "speaker", "start": a, "end": b, "kind": kind})
        for a, b, lab in spans:
            self.spans.append({"turn": t, "field": "text", "start": a, "end": b, "label": lab})
        rx, kind_of = keep_matcher("uzc" if self.ctx == "uzc" else self.lang)
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b, _ in spans):
                continue
            self.keep.append({"turn": t, "field": "text", "start": m.start(), "end": m.end(),
                              "kind": kind_of[m.group()]})

    def assemble(self) -> None:
        rng, t = self.rng, self.rng.randint(13, 25)
        self.used: set = set()
        self.setup_labels()
        self.add_turn(self.fac, [self.pick("OPEN", None, self.fac)])
        if rng.random() < 0.7 and len(self.parts) + 4 <= t:
            for p in self.parts:
                self.add_turn(p, [self.pick("INTRO", None, p)])
        topics = list(templates_ru.QUESTIONS)
        rng.shuffle(topics)
        prev = None
        while len(self.turns) < t - 2:
            topic = topics[len(self.turns) % len(topics)]
            nxt = rng.choice([p for p in self.parts if p is not prev])
            q = self.pick("QUESTIONS", topic, self.fac, nxt)
            self.add_turn(self.fac, [q])
            for i in range(min(rng.randint(1, 3), t - 1 - len(self.turns))):
                spk = nxt if i == 0 else rng.choice([p for p in self.parts if p is not prev])
                sents = [self.pick("SAY", topic, spk)]
                if rng.random() < 0.45:
                    sents.append(self.pick("SAY", topic, spk))
                if rng.random() < 0.25:
                    sents.insert(0, self.pick("FILL", None, spk))
                self.add_turn(spk, sents)
                prev = spk
        self.add_turn(self.fac, [self.pick("CLOSE", None, self.fac)])

    def record(self) -> dict:
        lctx = "uz" if self.label_ctx == "en" else self.label_ctx
        names = [p.canonical(lctx) for p in self.parts]
        if self.mode == "role":
            names = self.rng.sample(names, self.rng.randint(0, len(names) - 1))
        mentioned = {p.canonical(c) for p in self.mentioned.values() for c in ("ru", "uz", lctx)}
        assert not mentioned & set(names), "a mentioned person is in participants"
        fac = self.fac.canonical(lctx) if self.rng.random() < 0.67 else None
        order = {"speaker": 0, "text": 1}
        key = lambda s: (s["turn"], order[s["field"]], s["start"])  # noqa: E731
        return {"id": self.id, "set": "multilingual", "language": self.lang,
                "participants": names, "facilitator": fac, "turns": self.turns,
                "spans": sorted(self.spans, key=key), "keep": sorted(self.keep, key=key)}


def generate() -> list[dict]:
    rng = random.Random(SEED)
    records = []
    for lang, ctx, country, n, stem in PLAN:
        for i in range(n):
            c = country or RU_COUNTRIES[i % len(RU_COUNTRIES)]
            for _attempt in range(50):
                b = Builder(rng, lang, ctx, c, f"{stem}-{i + 1:03d}", MODES[i % len(MODES)])
                b.assemble()
                rec = b.record()
                if not verify_doc(rec):
                    break
            else:
                raise AssertionError(f"{b.id}: {verify_doc(rec)[:5]}")
            records.append(rec)
    return records
