"""Evaluate a redactor against gold spans: precision, recall and F2 per entity type, and
the share of transcripts that leak any person name.

The evaluation set is JSON Lines (``eval/redaction/README.md``): one transcript per line
with turns, the participant list and gold spans.  A gold span counts as found when all of
its letters and digits are covered by predicted spans of any type (redacted is
redacted); a predicted span is correct when it overlaps some gold span.  Recall is what
protects people, so F2 weighs it four times as much as precision.  A document may also
list ``keep`` spans, ordinary words that must stay (``kind``: common, role,
institution, region); one is wrongly redacted when any predicted span overlaps it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qualcode.errors import InputError
from qualcode.records import RawTranscript, TranscriptMeta, Turn


@dataclass(frozen=True)
class GoldSpan:
    turn: int
    field: str
    start: int
    end: int
    label: str


Predicted = GoldSpan  # the same shape; ``label`` is the detector's type


@dataclass(frozen=True)
class EvalDoc:
    id: str
    set: str
    language: str
    participants: tuple[str, ...]
    facilitator: str | None
    turns: tuple[Turn, ...]
    spans: tuple[GoldSpan, ...]
    keep: tuple[GoldSpan, ...] = ()  # ``label`` is the keep kind

    def raw(self) -> RawTranscript:
        meta = TranscriptMeta(
            title=self.id, participants=self.participants, facilitator=self.facilitator
        )
        return RawTranscript(f"{self.id}.txt", "text", self.id, self.turns, meta)

    def field_text(self, turn: int, name: str) -> str:
        t = self.turns[turn]
        return t.speaker if name == "speaker" else t.text

    def words(self) -> int:
        return sum(len(t.text.split()) for t in self.turns)


Detector = Callable[[EvalDoc], list[GoldSpan]]


@dataclass
class LabelScore:
    tp: int = 0
    fn: int = 0
    fp: int = 0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class EvalReport:
    gold: dict[str, LabelScore] = field(default_factory=dict)
    predicted: dict[str, list[int]] = field(default_factory=dict)  # label -> [correct, all]
    docs: int = 0
    leaking_docs: list[str] = field(default_factory=list)
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # doc, label, text
    words: int = 0
    seconds: float = 0.0
    keep: dict[str, list[int]] = field(default_factory=dict)  # kind -> [redacted, all]

    def recall(self, label: str) -> float:
        return self.gold[label].recall

    def precision(self, label: str) -> float:
        correct, total = self.predicted.get(label, [0, 0])
        return correct / total if total else 1.0

    def overall_precision(self) -> float:
        correct = sum(c for c, _ in self.predicted.values())
        total = sum(t for _, t in self.predicted.values())
        return correct / total if total else 1.0

    def keep_redacted(self) -> tuple[int, int]:
        """Keep spans wrongly redacted, and all keep spans."""
        return sum(r for r, _ in self.keep.values()), sum(n for _, n in self.keep.values())

    @property
    def leak_rate(self) -> float:
        return len(self.leaking_docs) / self.docs if self.docs else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else float("inf")


def f2(precision: float, recall: float) -> float:
    return 5 * precision * recall / (4 * precision + recall) if precision + recall else 0.0


def load_eval_set(path: Path) -> list[EvalDoc]:
    docs = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                docs.append(_parse(json.loads(line), path, n))
    return docs


def _parse(row: dict, path: Path, line: int) -> EvalDoc:
    try:
        turns = tuple(Turn(t["speaker"], t["text"]) for t in row["turns"])
        spans = tuple(
            GoldSpan(s["turn"], s.get("field", "text"), s["start"], s["end"], s["label"])
            for s in row["spans"]
        )
        keep = tuple(
            GoldSpan(k["turn"], k.get("field", "text"), k["start"], k["end"], k["kind"])
            for k in row.get("keep") or ()
        )
        for g in spans + keep:
            text = turns[g.turn].speaker if g.field == "speaker" else turns[g.turn].text
            if not 0 <= g.start < g.end <= len(text):
                raise IndexError(f"span {g.start}-{g.end} outside turn {g.turn}")
        return EvalDoc(
            id=str(row["id"]),
            set=row.get("set", path.stem),
            language=row.get("language", "en"),
            participants=tuple(row.get("participants") or ()),
            facilitator=row.get("facilitator"),
            turns=turns,
            spans=spans,
            keep=keep,
        )
    except (KeyError, TypeError, IndexError) as err:
        raise InputError(
            f"{path.name}, line {line}: not an evaluation record (missing or bad {err}).",
            hint="Each line needs id, turns [{speaker, text}], spans [{turn, start, end, label}].",
        ) from None


def qualcode_detector(redactor: object | None = None) -> Detector:
    """Adapt a ``RuleRedactor`` (default settings if None) to the ``Detector`` interface."""
    from qualcode.redact.redactor import RuleRedactor

    red = redactor if isinstance(redactor, RuleRedactor) else RuleRedactor()

    def detect(doc: EvalDoc) -> list[GoldSpan]:
        return [
            GoldSpan(f.turn, f.field, f.span.start, f.span.end, f.span.kind)
            for f in red.find_spans(doc.raw())
        ]

    return detect


def evaluate(docs: Sequence[EvalDoc], detector: Detector) -> EvalReport:
    report = EvalReport(docs=len(docs))
    for doc in docs:
        t0 = time.perf_counter()
        predicted = detector(doc)
        report.seconds += time.perf_counter() - t0
        report.words += doc.words()
        _score(doc, predicted, report)
    return report


def _score(doc: EvalDoc, predicted: list[GoldSpan], report: EvalReport) -> None:
    covered: dict[tuple[int, str], set[int]] = {}
    for p in predicted:
        covered.setdefault((p.turn, p.field), set()).update(range(p.start, p.end))
    leaked = False
    for g in doc.spans:
        text = doc.field_text(g.turn, g.field)
        need = {i for i in range(g.start, g.end) if text[i].isalnum()}
        found = need <= covered.get((g.turn, g.field), set())
        score = report.gold.setdefault(g.label, LabelScore())
        if found:
            score.tp += 1
        else:
            score.fn += 1
            report.missed.append((doc.id, g.label, text[g.start : g.end]))
            leaked = leaked or g.label == "PERSON"
    if leaked:
        report.leaking_docs.append(doc.id)
    for p in predicted:
        hit = any(
            g.turn == p.turn and g.field == p.field and g.start < p.end and p.start < g.end
            for g in doc.spans
        )
        counts = report.predicted.setdefault(p.label, [0, 0])
        counts[0] += int(hit)
        counts[1] += 1
    _score_keep(doc, predicted, report)


def _score_keep(doc: EvalDoc, predicted: list[GoldSpan], report: EvalReport) -> None:
    for k in doc.keep:
        hit = any(
            p.turn == k.turn and p.field == k.field and p.start < k.end and k.start < p.end
            for p in predicted
        )
        counts = report.keep.setdefault(k.label, [0, 0])
        counts[0] += int(hit)
        counts[1] += 1


def format_report(report: EvalReport, name: str = "qualcode") -> str:
    labels = sorted(report.gold, key=lambda k: (-report.gold[k].tp - report.gold[k].fn, k))
    lines = [f"{name}: {report.docs} transcripts, {report.words} words", ""]
    lines.append(f"{'type':<9}{'gold':>6}{'found':>7}{'recall':>8}{'precision':>11}{'F2':>7}")
    for label in labels:
        s = report.gold[label]
        p, r = report.precision(label), s.recall
        lines.append(f"{label:<9}{s.tp + s.fn:>6}{s.tp:>7}{r:>8.3f}{p:>11.3f}{f2(p, r):>7.3f}")
    extra = sorted(set(report.predicted) - set(report.gold))
    for label in extra:
        lines.append(f"{label:<9}{0:>6}{0:>7}{'-':>8}{report.precision(label):>11.3f}{'-':>7}")
    lines += [
        "",
        f"overall precision {report.overall_precision():.3f}",
        f"transcripts leaking a person name: {len(report.leaking_docs)} of {report.docs} "
        f"({report.leak_rate:.1%})",
        f"speed: {report.words_per_second:,.0f} words/s ({report.seconds:.2f} s)",
    ]
    if report.keep:
        wrong, total = report.keep_redacted()
        kinds = ", ".join(f"{k} {r} of {n}" for k, (r, n) in sorted(report.keep.items()))
        lines.append(f"keep spans wrongly redacted: {wrong} of {total} ({kinds})")
    return "\n".join(lines)


def evaluation_text(
    paths: Sequence[Path], layers: str | None, ablation: bool, show_missed: int = 0
) -> str:
    """The ``qualcode eval-redaction`` report: one block per evaluation file."""
    from qualcode.redact.redactor import RuleRedactor
    from qualcode.settings import DEFAULT_LAYERS, check_layers

    chosen = check_layers(layers.split(",") if layers else DEFAULT_LAYERS)
    blocks = []
    for path in paths:
        if not path.is_file():
            raise InputError(f"Evaluation set {path} not found.", hint="Give a .jsonl file.")
        docs = load_eval_set(path)
        report = evaluate(docs, qualcode_detector(RuleRedactor(layers=chosen)))
        block = [f"== {path.name} ==", format_report(report, "+".join(chosen))]
        if ablation:
            block += ["", ablation_table(docs, chosen)]
        block += [
            f"missed {label}: {text!r} ({doc})" for doc, label, text in report.missed[:show_missed]
        ]
        blocks.append("\n".join(block))
    return "\n\n".join(blocks)


def ablation_table(docs: Sequence[EvalDoc], layers: Sequence[str]) -> str:
    """Recall and precision as each layer is added, to show what each one contributes."""
    from qualcode.redact.redactor import RuleRedactor

    keep = any(d.keep for d in docs)
    lines = [
        f"{'layers added':<14}{'PERSON R':>9}{'PLACE R':>9}{'contact R':>10}"
        f"{'precision':>10}{'leak':>7}{'words/s':>10}" + (f"{'keep lost':>10}" if keep else "")
    ]
    for i in range(len(layers)):
        r = evaluate(docs, qualcode_detector(RuleRedactor(layers=layers[: i + 1])))
        contact = [r.gold[k] for k in ("PHONE", "EMAIL", "URL", "ID", "CARD") if k in r.gold]
        tp, total = sum(c.tp for c in contact), sum(c.tp + c.fn for c in contact)
        lines.append(
            f"{'+' + layers[i]:<14}{_rec(r, 'PERSON'):>9}{_rec(r, 'PLACE'):>9}"
            f"{(tp / total if total else 1.0):>10.3f}{r.overall_precision():>10.3f}"
            f"{r.leak_rate:>7.1%}{r.words_per_second:>10,.0f}"
            + (f"{r.keep_redacted()[0]:>10}" if keep else "")
        )
    return "\n".join(lines)


def _rec(report: EvalReport, label: str) -> str:
    return f"{report.recall(label):.3f}" if label in report.gold else "-"
