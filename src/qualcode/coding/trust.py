"""Model as a coder: how far the code suggestions agree with each human coder, and how
far coders agree with each other, so a team can see when suggestions are trustworthy.

How codings are derived (only from the store: the review log and the suggestions):

* A human coder's coding is the fold of that coder's own review entries (latest entry
  per segment and code wins; an ``undo`` entry, by whoever, removes the entry it names):
  accepted or added -> 1, rejected -> 0.  A segment on which the coder has any decision
  left counts as coded by that coder, and every code the coder did not accept or add
  there counts as 0: coders are expected to add what is missing, so silence is "no".
* The model's coding of a segment is 1 for each code suggested on it, else 0.
* Cohen's kappa per code is taken over the segments both sides coded.  A code neither
  side used on those segments has no kappa (``None``): agreeing on "absent" everywhere
  says nothing.  Codes nobody (model or coder) used on any coded segment are listed as
  unused and left out of every figure.
* Krippendorff's alpha treats each (segment, code) pair as a unit; a coder's pairs on
  segments that coder did not code are missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from itertools import combinations
from typing import Any

import numpy as np

from qualcode.coding.agreement import alpha, kappa
from qualcode.errors import ConflictError
from qualcode.review.decisions import ACTIONS, fold
from qualcode.store import Store

MODEL = "model"
TOLERANCE = 0.05  # model kappa this close to the coders' own counts as "as good"

Decisions = dict[tuple[int, str], int]


@dataclass(frozen=True)
class PairAgreement:
    """Agreement of two coders (``first`` may be the model) over the segments both coded."""

    first: str
    second: str
    n_segments: int
    kappa: dict[str, float | None]  # per code; None where neither used the code
    mean_kappa: float | None  # mean over codes with a kappa
    percent: dict[str, float | None] = field(default_factory=dict)  # share of segments agreed


@dataclass(frozen=True)
class TrustReport:
    coders: list[str]  # human coders with at least one decision left after undos
    segments_coded: dict[str, int]  # per human coder
    n_segments: int  # segments coded by at least one human
    codes: list[str]  # codes used by the model or a coder on coded segments
    unused_codes: list[str]
    model_vs_coders: list[PairAgreement]
    between_coders: list[PairAgreement]  # empty with a single coder
    alpha_humans: float | None  # None with fewer than two coders sharing a segment
    alpha_with_model: float | None
    has_suggestions: bool


def coder_decisions(events: Iterable[Mapping[str, Any]]) -> dict[str, Decisions]:
    """Per human coder, the folded 0/1 decision on each (segment, code) pair."""
    rows = list(events)
    undos = [e for e in rows if e["action"] == "undo"]
    coders = sorted({e["coder"] for e in rows if e["action"] in ACTIONS})
    result = {}
    for coder in coders:
        own = fold([e for e in rows if e["coder"] == coder and e["action"] != "undo"] + undos)
        if own:
            result[coder] = {pair: int(e["action"] != "reject") for pair, e in own.items()}
    return result


def trust_report(store: Store) -> TrustReport:
    humans = coder_decisions(store.review.review_events())
    if not humans:
        raise ConflictError(
            "No review decisions yet, so there is nothing to compare.",
            hint="Accept, reject or add codes on some segments first, ideally with two coders.",
        )
    coded = {c: {seg for seg, _ in d} for c, d in humans.items()}
    reviewed: set[int] = set().union(*coded.values())
    units = sorted(reviewed)
    all_suggested = {(s.segment_id, s.code_id) for s in store.analysis.suggestions()}
    suggested = {pair: 1 for pair in all_suggested if pair[0] in reviewed}
    codings = [*humans.values(), suggested]
    codes = sorted({code for d in codings for (_, code), v in d.items() if v})
    universe = store.codebook.code_ids() | {code for d in codings for _, code in d}
    mats = {c: _matrix(d, coded[c], units, codes) for c, d in humans.items()}
    model = _matrix(suggested, reviewed, units, codes)
    names = sorted(humans)
    return TrustReport(
        coders=names,
        segments_coded={c: len(coded[c]) for c in names},
        n_segments=len(units),
        codes=codes,
        unused_codes=sorted(universe - set(codes)),
        model_vs_coders=[_pair(MODEL, model, c, mats[c], codes) for c in names],
        between_coders=[_pair(a, mats[a], b, mats[b], codes) for a, b in combinations(names, 2)],
        alpha_humans=_alpha(mats),
        alpha_with_model=_alpha({**{f"coder:{c}": m for c, m in mats.items()}, MODEL: model}),
        has_suggestions=bool(all_suggested),
    )


def _matrix(decided: Decisions, segs: set[int], units: list[int], codes: list[str]) -> np.ndarray:
    """(units, 1 + codes) matrix: column 0 is 1 where this coder coded the segment; the
    code columns are 0/1 there and NaN on segments the coder did not code."""
    m = np.full((len(units), 1 + len(codes)), np.nan)
    m[:, 0] = 0
    for i, seg in enumerate(units):
        if seg in segs:
            m[i] = [1, *(decided.get((seg, code), 0) for code in codes)]
    return m


def _pair(first: str, a: np.ndarray, second: str, b: np.ndarray, codes: list[str]) -> PairAgreement:
    both = (a[:, 0] == 1) & (b[:, 0] == 1)
    x, y = a[both, 1:], b[both, 1:]
    per_code: dict[str, float | None] = {
        code: kappa(x[:, j], y[:, j]) if x[:, j].any() or y[:, j].any() else None
        for j, code in enumerate(codes)
    }
    percent: dict[str, float | None] = {
        code: float((x[:, j] == y[:, j]).mean()) if len(x) else None for j, code in enumerate(codes)
    }
    n = int(both.sum())
    return PairAgreement(first, second, n, per_code, _mean(per_code.values()), percent)


def _alpha(codings: Mapping[str, np.ndarray]) -> float | None:
    """Krippendorff's alpha over the code columns, or None unless some segment is coded
    by two of ``codings`` and some code is used."""
    if len(codings) < 2 or next(iter(codings.values())).shape[1] < 2:
        return None
    coders_per_row = sum(m[:, 0] for m in codings.values())
    if not (np.asarray(coders_per_row) >= 2).any():
        return None
    return alpha({c: m[:, 1:] for c, m in codings.items()})


def _mean(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return float(np.mean(known)) if known else None


def reading(report: TrustReport) -> str:
    """One line on whether the suggestions can be trusted like a colleague's coding."""
    model = _mean(p.mean_kappa for p in report.model_vs_coders)
    human = _mean(p.mean_kappa for p in report.between_coders)
    if not report.has_suggestions:
        return (
            "No code suggestions are stored yet (run `qualcode process`), so the model "
            "cannot be compared with the coders."
        )
    if len(report.coders) == 1:
        return (
            f"Only one coder ({report.coders[0]}) has reviewed segments, so there is no "
            f"coder-to-coder baseline (model vs coder mean kappa {_fmt(model)}); have a "
            "second coder review some of the same segments."
        )
    if human is None:
        return (
            "The coders have no coded segments (or used codes) in common, so there is no "
            "coder-to-coder baseline; have them review some of the same segments."
        )
    if model is None:
        return "Too little coded data to compare the model with the coders."
    figures = f"(mean kappa model~coder {model:.2f}, coder~coder {human:.2f})"
    if model >= human - TOLERANCE:
        verdict = "about as well as coders agree with each other"
        return f"The model agrees with coders {verdict} {figures}."
    return (
        f"The model agrees with coders less well than coders agree with each other {figures}: "
        "its suggestions are less reliable than a colleague's coding."
    )


def format_trust(report: TrustReport) -> str:
    """Plain-text table: codes as rows, coder pairs as columns, then alpha and a reading."""
    pairs = report.model_vs_coders + report.between_coders
    heads = [f"{p.first}~{p.second}" for p in pairs]
    widths = [max(len(h), 6) for h in heads]
    label_w = max([len(c) for c in report.codes] + [len("n segments")])

    def line(label: str, cells: list[str]) -> str:
        padded = [f"{c:>{w}}" for c, w in zip(cells, widths, strict=True)]
        return " | ".join([f"{label:<{label_w}}", *padded])

    lines = ["Cohen's kappa per code (model~coder and coder~coder)", line("code", heads)]
    lines += [line(c, [_fmt(p.kappa[c]) for p in pairs]) for c in report.codes]
    lines.append(line("mean", [_fmt(p.mean_kappa) for p in pairs]))
    lines.append(line("n segments", [str(p.n_segments) for p in pairs]))
    lines.append("")
    lines.append(f"Krippendorff's alpha, coders only: {_fmt(report.alpha_humans)}")
    lines.append(f"Krippendorff's alpha, coders and model: {_fmt(report.alpha_with_model)}")
    if not report.between_coders:
        lines.append("Only one coder: no coder-to-coder agreement to compare with.")
    if report.unused_codes:
        lines.append("Codes never used on coded segments: " + ", ".join(report.unused_codes))
    lines += ["", reading(report)]
    return "\n".join(lines)


def report_dict(report: TrustReport) -> dict[str, Any]:
    """The report as JSON-ready data, with the one-line reading."""
    return {**asdict(report), "reading": reading(report)}


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"
