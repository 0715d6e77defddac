#!/usr/bin/env python3
"""Convert a public set of human-coded CI evidence claims into qualcode's evaluation format.

Dataset: the replication package "Confidence-Aware HITL Deductive Coding for Software
Engineering Evidence Claims" (GitHub ``moaathalshaikh/llm-confidence-routing-for-deductive-
coding``, MIT).  It holds 113 single-label evidence claims about Continuous Integration (CI)
taken from the systematic review of Soares et al. (2022, EMSE 27(3):78; Zenodo
10.5281/zenodo.4545623), each with the review's own code (31 codes in 6 themes), and the
codes that two further human annotators gave the same claims.  See eval/coding/CLAIMS.md for
provenance, licence and oddities.

Usage (from the repository root)::

    .venv/bin/python eval/coding/fetch_claims.py SOURCE [--out-dir eval/coding/external]

SOURCE is the bare git directory of a snapshot of that repository (files are read with
``git show <rev>:<path>``) or a checkout of it (files are read from disk).

Steps (deterministic; standard library, PyYAML and scikit-learn only):

1. Read the five source files and check their git blob ids against ``EXPECTED_BLOBS``
   (``--allow-other-version`` converts a different copy anyway).
2. Parse the codebook from the ``=== CODEBOOK ===`` section of ``prompts/prompt_L1.txt``
   (theme headers and code labels) and check it matches ``CODES`` below, which gives each
   source label a stable id and a one-line definition taken from the label and, where the
   prompt has one, its disambiguation rule.
3. Read the gold file ``data/02_dataset_gold_CI.json`` (claim, study title, method,
   variables, gold code, gold theme) and the two annotation sheets
   ``data/human_annotator_{1,2}.csv`` (theme header rows are skipped; each sheet's claim
   text must equal the gold claim text; every code must be in the codebook).
4. Write two sets, each a JSONL file plus a codebook:

   * ``claims_code.jsonl`` / ``claims_code_codebook.yaml``: the 31 codes;
   * ``claims_theme.jsonl`` / ``claims_theme_codebook.yaml``: the 6 themes (an annotator's
     theme is the theme of the code they chose, grouped as in the gold file, which
     differs from the prompt for one code: ``GOLD_THEME_OVERRIDES``).

   Each line is ``{"id", "text", "codes", "codes_second", "codes_third", "context"}``:
   ``codes`` is the gold (the review's label), ``codes_second`` annotator 1 and
   ``codes_third`` annotator 2.  ``text`` is the claim with runs of whitespace collapsed;
   ``context`` is the study title, research method and measured variables (the upstream
   "L5" context).  Lines are in claim-number order.
5. Validate each codebook with ``qualcode.codebook.load.load_codebook`` when qualcode is
   importable, and print a summary with agreement figures for every pair of coders:
   raw agreement, multi-class Cohen's kappa, the mean over codes of binary Cohen's kappa
   and macro F1 (the first coder of the pair as the reference), computed as qualcode's
   ``eval-coding`` does.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from sklearn.metrics import cohen_kappa_score, f1_score

UPSTREAM_COMMIT = "0350a1240e3de94edb6bcc5d61198724f5560c8d"
GOLD_PATH = "data/02_dataset_gold_CI.json"
SHEET_PATHS = ("data/human_annotator_1.csv", "data/human_annotator_2.csv")
PROMPT_PATH = "prompts/prompt_L1.txt"
LICENSE_PATH = "LICENSE"
EXPECTED_BLOBS = {
    GOLD_PATH: "93d51ba06efed27eca6ada5f700abe822f0ea080",
    SHEET_PATHS[0]: "e24dfe3218027eb17dcd556bbea65737d726869d",
    SHEET_PATHS[1]: "dc0a6593b5dfd07020d116e3f4068ac8aad34f48",
    PROMPT_PATH: "fce4cc8f9218954e51f812204582c40d59a4758c",
    LICENSE_PATH: "6b3f90ea537dfa00245d53963e7108866b1f671b",
}
DEFAULT_OUT = Path(__file__).resolve().parent / "external"
SHEET_HEADER_ROWS = 3
# The gold file and the prompt group the codes into themes identically except here:
# code label -> (theme in the prompt, theme in the gold file).  The theme set follows the
# gold file, whose code numbering (code_id 18, among the other development-activity codes)
# agrees with it.
GOLD_THEME_OVERRIDES = {
    "CI IS ASSOCIATED WITH ORGANIZATIONAL CHALLENGES": (
        "SOFTWARE PROCESS",
        "DEVELOPMENT ACTIVITIES",
    ),
}
THEME_ROW_MARK = "▸"

# Theme name in the source -> (id, label, definition).  The source gives no theme
# definitions: each definition is a gloss written for qualcode from the labels of the
# theme's codes (grouped as in the gold file, see GOLD_THEME_OVERRIDES).
THEMES: dict[str, tuple[str, str, str]] = {
    "BUILD PATTERNS": (
        "build_patterns",
        "Build patterns",
        "Effects of CI on builds: build health (pass/fail status, stability) or build time.",
    ),
    "QUALITY ASSURANCE": (
        "quality_assurance",
        "Quality assurance",
        "Effects of CI on quality assurance: test practice, quality assessment, continuous "
        "refactoring or multi-environment tests.",
    ),
    "INTEGRATION PATTERNS": (
        "integration_patterns",
        "Integration patterns",
        "Effects of CI on integrating changes: the pull-request life-cycle, integration "
        "practice or commit patterns.",
    ),
    "ISSUES AND DEFECTS": (
        "issues_and_defects",
        "Issues and defects",
        "Effects of CI on defects and issues: fewer defects, fewer issues or less time to "
        "lead defects.",
    ),
    "DEVELOPMENT ACTIVITIES": (
        "development_activities",
        "Development activities",
        "Effects of CI on developers and their work: confidence (real or false), productivity "
        "and its perception, complexity, workload, satisfaction, organizational and human "
        "challenges, magnetism and retention.",
    ),
    "SOFTWARE PROCESS": (
        "software_process",
        "Software process",
        "Effects of CI on the software process: release cycle, cooperation, process "
        "reliability and automation, feedback frequency, technical challenges, the "
        "transition to agile, or general development benefits.",
    ),
}


@dataclass(frozen=True)
class CodeSpec:
    """One source code: stable id, definition line, and the prompt's guidance, if any."""

    id: str
    definition: str
    inclusion: str = ""
    exclusion: str = ""


# Source code label (exact) -> spec.  Definitions restate the label; where the prompt's
# disambiguation rules say what a code covers, that rule completes the definition and the
# other side of the rule becomes the exclusion.  Nothing here was tuned against the data.
CODES: dict[str, CodeSpec] = {
    "CI IS ASSOCIATED WITH BUILD HEALTH": CodeSpec(
        "build_health",
        "CI is associated with build health: pass/fail status, stability, or flakiness.",
        exclusion="Speed or duration of builds: build_time_decrease.",
    ),
    "CI IS ASSOCIATED WITH A DECREASING IN BUILD TIME": CodeSpec(
        "build_time_decrease",
        "CI is associated with a decrease in build time: speed or duration of builds.",
        exclusion="Pass/fail status, stability or flakiness of builds: build_health.",
    ),
    "CI IS RELATED TO POSITIVE IMPACTS ON TEST PRACTICE": CodeSpec(
        "test_practice_positive", "CI is related to positive impacts on test practice."
    ),
    "CI IS RELATED TO AN INCREASE QUALITY ASSESSMENT": CodeSpec(
        "quality_assessment_increase", "CI is related to an increase in quality assessment."
    ),
    "CI IS ASSOCIATED WITH TO FAVOR CONTINUOUS REFACTORING": CodeSpec(
        "continuous_refactoring", "CI is associated with favouring continuous refactoring."
    ),
    "CI IS ASSOCIATED TO MULTI-ENVIRONMENT TESTS": CodeSpec(
        "multi_environment_tests", "CI is associated with multi-environment tests."
    ),
    "CI IS RELATED TO POSITIVE IMPACTS ON PULL REQUESTS LIFE-CYCLE": CodeSpec(
        "pull_request_lifecycle_positive",
        "CI is related to positive impacts on the pull-request life-cycle.",
    ),
    "CI IS RELATED TO NEGATIVE IMPACTS ON PULL REQUESTS LIFE-CYCLE": CodeSpec(
        "pull_request_lifecycle_negative",
        "CI is related to negative impacts on the pull-request life-cycle.",
    ),
    "CI IS ASSOCIATED WITH A POSITIVE IMPACT ON INTEGRATION PRACTICE": CodeSpec(
        "integration_practice_positive",
        "CI is associated with a positive impact on integration practice.",
    ),
    "CI IS ASSOCIATED WITH A COMMIT PATTERN CHANGE": CodeSpec(
        "commit_pattern_change", "CI is associated with a change in commit patterns."
    ),
    "CI IS ASSOCIATED WITH DEFECTS REDUCTION": CodeSpec(
        "defects_reduction",
        "CI is associated with a reduction of defects: bugs or errors found in the code.",
        exclusion="Reported problems in issue trackers or tickets: issues_reduction.",
    ),
    "CI IS ASSOCIATED WITH ISSUES REDUCTION": CodeSpec(
        "issues_reduction",
        "CI is associated with a reduction of issues: reported problems in issue trackers or "
        "tickets.",
        exclusion="Bugs or errors found in the code: defects_reduction.",
    ),
    "CI IS ASSOCIATED WITH A DECREASE IN TIME TO LEAD DEFECTS": CodeSpec(
        "defect_lead_time_decrease", "CI is associated with a decrease in time to lead defects."
    ),
    "CI MAY GENERATE A FALSE SENSE OF CONFIDENCE": CodeSpec(
        "false_sense_of_confidence",
        "CI may generate a false sense of confidence: CI misleads (a green build does not "
        "mean correct code).",
        exclusion="CI genuinely and correctly increases trust: confidence_improvement.",
    ),
    "CI IS ASSOCIATED WITH CONFIDENCE IMPROVEMENT": CodeSpec(
        "confidence_improvement",
        "CI is associated with confidence improvement: CI genuinely and correctly increases trust.",
        exclusion="CI misleads (a green build does not mean correct code): "
        "false_sense_of_confidence.",
    ),
    "CI IS RELATED TO PRODUCTIVITY AND EFFICIENCY INCREASING": CodeSpec(
        "productivity_increase",
        "CI is related to increasing productivity and efficiency: objective output or "
        "throughput improvements.",
        exclusion="Subjective feelings of being less productive: productivity_perception_decrease.",
    ),
    "CI IS ASSOCIATED WITH ADDING EXTRA COMPLEXITY": CodeSpec(
        "extra_complexity", "CI is associated with adding extra complexity."
    ),
    "CI IS ASSOCIATED WITH A WORKLOAD REDUCTION": CodeSpec(
        "workload_reduction", "CI is associated with a workload reduction."
    ),
    "CI IS ASSOCIATED WITH A DECREASED PERCEPTION OF PRODUCTIVITY": CodeSpec(
        "productivity_perception_decrease",
        "CI is associated with a decreased perception of productivity: subjective feelings "
        "of being less productive.",
        exclusion="Objective output or throughput improvements: productivity_increase.",
    ),
    "CI IS ASSOCIATED WITH AN IMPROVEMENT IN SATISFACTION": CodeSpec(
        "satisfaction_improvement", "CI is associated with an improvement in satisfaction."
    ),
    "CI IS ASSOCIATED WITH HUMAN CHALLENGES": CodeSpec(
        "human_challenges",
        "CI is associated with human challenges: mindset, skills, or individual resistance.",
        exclusion="Tools, infrastructure or configuration: technical_challenges; processes, "
        "culture or management: organizational_challenges.",
    ),
    "CI IS ASSOCIATED WITH A DECREASE IN MAGNETISM AND RETENTION": CodeSpec(
        "magnetism_retention_decrease",
        "CI is associated with a decrease in magnetism and retention.",
    ),
    "CI IS RELATED TO POSITIVE IMPACTS ON RELEASE CYCLE": CodeSpec(
        "release_cycle_positive", "CI is related to positive impacts on the release cycle."
    ),
    "CI IS ASSOCIATED WITH AN INCREASE IN COOPERATION": CodeSpec(
        "cooperation_increase", "CI is associated with an increase in cooperation."
    ),
    "CI IS ASSOCIATED WITH AN IMPROVEMENT IN PROCESS RELIABILITY": CodeSpec(
        "process_reliability",
        "CI is associated with an improvement in process reliability: consistency, "
        "predictability, or stability.",
        exclusion="Automation of steps, pipelines or deployments: process_automation.",
    ),
    "CI IS ASSOCIATED WITH AN IMPROVEMENT IN PROCESS AUTOMATION": CodeSpec(
        "process_automation",
        "CI is associated with an improvement in process automation: automation of steps, "
        "pipelines, or deployments.",
        exclusion="Consistency, predictability or stability: process_reliability.",
    ),
    "CI IS ASSOCIATED WITH TECHNICAL CHALLENGES": CodeSpec(
        "technical_challenges",
        "CI is associated with technical challenges: tools, infrastructure, or configuration.",
        exclusion="Mindset, skills or individual resistance: human_challenges; processes, "
        "culture or management: organizational_challenges.",
    ),
    "CI IS ASSOCIATED WITH SOFTWARE DEVELOPMENT BENEFITS": CodeSpec(
        "software_development_benefits",
        "CI is associated with software development benefits in general.",
        inclusion="Use only for broad general claims that fit no more specific code.",
    ),
    "CI IS ASSOCIATED WITH A FEED BACK FREQUENCY INCREASE": CodeSpec(
        "feedback_frequency_increase", "CI is associated with an increase in feedback frequency."
    ),
    "CI IS ASSOCIATED WITH ORGANIZATIONAL CHALLENGES": CodeSpec(
        "organizational_challenges",
        "CI is associated with organizational challenges: processes, culture, or management.",
        exclusion="Tools, infrastructure or configuration: technical_challenges; mindset, "
        "skills or individual resistance: human_challenges.",
    ),
    "CI FACILITATES THE TRANSITION TO AGILE": CodeSpec(
        "agile_transition", "CI facilitates the transition to agile."
    ),
}

CODER_FIELDS = ("codes", "codes_second", "codes_third")
CODER_NAMES = {"codes": "gold", "codes_second": "annotator 1", "codes_third": "annotator 2"}
PAIRS = (("codes_second", "codes_third"), ("codes", "codes_second"), ("codes", "codes_third"))

CODE_BOOK_NAME = "CI evidence claims: effects of continuous integration (31 codes)"
THEME_BOOK_NAME = "CI evidence claims: effects of continuous integration (6 themes)"
CODE_BOOK_DESCRIPTION = (
    "Deductive codes for the effects of continuous integration (CI) reported by empirical "
    "studies, from the systematic review of Soares et al. (2022). Each text is one evidence "
    "claim (upper-case, as extracted by the review) and carries exactly one code. "
    "Labels are the source's code names; definitions restate them and add the source "
    "prompt's disambiguation rules."
)
THEME_BOOK_DESCRIPTION = (
    "The six themes that group the 31 CI-effect codes of Soares et al. (2022). Each text is "
    "one evidence claim and carries exactly one theme. The source gives no theme "
    "definitions: they are glosses written for qualcode from the names of each theme's codes."
)
YAML_HEADER = (
    "# Written by eval/coding/fetch_claims.py; regenerate rather than edit.\n"
    "# Source: github.com/moaathalshaikh/llm-confidence-routing-for-deductive-coding\n"
    f"# commit {UPSTREAM_COMMIT}, {PROMPT_PATH}\n"
    "# (taxonomy of Soares et al. 2022, Zenodo 10.5281/zenodo.4545623).\n"
    "# No examples are taken from the coded texts.\n"
    "# See eval/coding/CLAIMS.md.\n"
)


# --- reading and checking the source -------------------------------------------------


def git_blob_id(data: bytes) -> str:
    """The id git gives a blob with these bytes."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def is_git_dir(source: Path) -> bool:
    return (source / "HEAD").is_file() and (source / "objects").is_dir()


def read_file(source: Path, rev: str, path: str) -> bytes:
    """A file of the snapshot: from a bare git dir at ``rev``, or from a checkout."""
    if is_git_dir(source):
        cmd = ["git", "--git-dir", str(source), "show", f"{rev}:{path}"]
        return subprocess.run(cmd, check=True, capture_output=True).stdout
    return (source / path).read_bytes()


def source_commit(source: Path, rev: str) -> str | None:
    git = ["git", "--git-dir", str(source)] if is_git_dir(source) else ["git", "-C", str(source)]
    done = subprocess.run([*git, "rev-parse", rev], capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else None


def read_sources(source: Path, rev: str, allow_other: bool) -> dict[str, bytes]:
    """Read every file in ``EXPECTED_BLOBS`` and check its blob id."""
    files = {path: read_file(source, rev, path) for path in EXPECTED_BLOBS}
    for path, data in files.items():
        got, want = git_blob_id(data), EXPECTED_BLOBS[path]
        if got != want and not allow_other:
            raise SystemExit(
                f"{path}: git blob {got}, expected {want} (commit {UPSTREAM_COMMIT}).\n"
                "Pass --allow-other-version to convert this copy anyway."
            )
    return files


def collapse(text: str) -> str:
    return " ".join(text.split())


# --- the codebook from the prompt --------------------------------------------------------


def parse_prompt_codebook(prompt: str) -> dict[str, str]:
    """Code label -> theme name, from the prompt's ``=== CODEBOOK ===`` section, in order."""
    section = prompt.split("=== CODEBOOK ===", 1)[1].split("\n=== ", 1)[0]
    code_theme: dict[str, str] = {}
    theme = ""
    for line in section.splitlines():
        header = re.fullmatch(r"-- THEME: (.+) --", line.strip())
        if header:
            theme = header.group(1)
        elif line.startswith("- "):
            code_theme[line[2:].strip()] = theme
    return code_theme


def check_codebook(code_theme: dict[str, str]) -> None:
    """The prompt's codes and themes must be exactly those this script knows."""
    if list(code_theme) != list(CODES):
        missing = set(code_theme) ^ set(CODES)
        raise SystemExit(f"{PROMPT_PATH}: codebook differs from CODES: {sorted(missing)}")
    unknown = set(code_theme.values()) - set(THEMES)
    if unknown:
        raise SystemExit(f"{PROMPT_PATH}: unknown themes {sorted(unknown)}")


def sentence_case(label: str) -> str:
    """'CI IS ASSOCIATED WITH ...' -> 'CI is associated with ...'."""
    words = label.lower().split()
    return " ".join("CI" if w == "ci" else w for w in words)


def code_entry(code_id: str, label: str, definition: str, spec: CodeSpec | None) -> dict:
    return {
        "id": code_id,
        "label": label,
        "definition": definition,
        "inclusion": spec.inclusion if spec else "",
        "exclusion": spec.exclusion if spec else "",
        "examples": [],
        "keywords": [],
        "parent": None,
    }


def code_codebook() -> dict:
    codes = [code_entry(s.id, sentence_case(lab), s.definition, s) for lab, s in CODES.items()]
    return {
        "name": CODE_BOOK_NAME,
        "version": "1.0",
        "description": CODE_BOOK_DESCRIPTION,
        "codes": codes,
    }


def theme_codebook() -> dict:
    codes = [code_entry(i, lab, d, None) for i, lab, d in THEMES.values()]
    return {
        "name": THEME_BOOK_NAME,
        "version": "1.0",
        "description": THEME_BOOK_DESCRIPTION,
        "codes": codes,
    }


# --- the coded claims --------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    context: str
    gold_code: str
    gold_theme: str


def context_of(fields: dict[str, Any]) -> str:
    """Study title, research method and variables, as in the upstream L5 prompt."""
    lines = [
        f"Study title: {collapse(str(fields['study_title']))}",
        f"Research method: {collapse(str(fields['kind']))}",
    ]
    variables = collapse(str(fields.get("variables") or ""))
    if variables:
        lines.append(f"Variables / measured constructs: {variables}")
    return "\n".join(lines)


def load_gold(raw: bytes) -> list[Claim]:
    claims = []
    for row in json.loads(raw.decode("utf-8")):
        labels, fields = row["labels"], row["input"]
        text = collapse(fields["claim"])
        claims.append(
            Claim(row["paper_id"], text, context_of(fields), labels["code"], labels["theme"])
        )
    ids = [c.id for c in claims]
    if len(set(ids)) != len(ids):
        raise SystemExit(f"{GOLD_PATH}: duplicate claim ids")
    unknown = {c.gold_code for c in claims} - set(CODES)
    if unknown:
        raise SystemExit(f"{GOLD_PATH}: codes not in the codebook: {sorted(unknown)}")
    return sorted(claims, key=lambda c: int(c.id.lstrip("C")))


def gold_themes(claims: list[Claim], prompt_theme: dict[str, str]) -> dict[str, str]:
    """Code label -> theme as the gold file assigns it; it must give every code one theme
    and differ from the prompt's grouping only as ``GOLD_THEME_OVERRIDES`` says."""
    expected = dict(prompt_theme)
    expected.update({code: gold for code, (_, gold) in GOLD_THEME_OVERRIDES.items()})
    for claim in claims:
        if expected[claim.gold_code] != claim.gold_theme:
            raise SystemExit(
                f"{GOLD_PATH}: {claim.id}: theme {claim.gold_theme!r} for "
                f"{claim.gold_code!r}, expected {expected[claim.gold_code]!r}"
            )
    return expected


def load_sheet(raw: bytes, name: str) -> dict[str, tuple[str, str]]:
    """Claim id -> (claim text, code) from one annotation sheet."""
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"))))[SHEET_HEADER_ROWS:]
    coded: dict[str, tuple[str, str]] = {}
    for row in rows:
        if not row or row[0].startswith(THEME_ROW_MARK):
            continue
        claim_id, text, code = row[1].strip(), row[2], row[3].strip()
        if code not in CODES:
            raise SystemExit(f"{name}: {claim_id}: code {code!r} is not in the codebook")
        if claim_id in coded:
            raise SystemExit(f"{name}: {claim_id} coded twice")
        coded[claim_id] = (collapse(text), code)
    return coded


def check_sheet(claims: list[Claim], sheet: dict[str, tuple[str, str]], name: str) -> None:
    if set(sheet) != {c.id for c in claims}:
        raise SystemExit(f"{name}: claim ids differ from the gold file")
    for claim in claims:
        if sheet[claim.id][0] != claim.text:
            raise SystemExit(f"{name}: {claim.id}: claim text differs from the gold file")


def records(
    claims: list[Claim],
    sheets: Sequence[dict[str, tuple[str, str]]],
    to_id: dict[str, str],
    gold_of: dict[str, str],
) -> list[dict]:
    """One record per claim; ``to_id`` maps a source code label to this set's id and
    ``gold_of`` gives the gold source label of each claim."""
    out = []
    for claim in claims:
        first, second = (sheet[claim.id][1] for sheet in sheets)
        out.append(
            {
                "id": claim.id,
                "text": claim.text,
                "codes": [gold_of[claim.id]],
                "codes_second": [to_id[first]],
                "codes_third": [to_id[second]],
                "context": claim.context,
            }
        )
    return out


# --- writing -----------------------------------------------------------------------------


def write_jsonl(path: Path, items: list[dict]) -> None:
    lines = [json.dumps(item, ensure_ascii=False) for item in items]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_codebook(path: Path, book: dict) -> None:
    body = yaml.safe_dump(book, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(YAML_HEADER + body, encoding="utf-8")


def validate(book_path: Path, items: list[dict]) -> str:
    """Load the codebook with qualcode and check every coder's ids are in it."""
    try:
        from qualcode.codebook.load import load_codebook
    except ImportError:
        return "not checked with qualcode (not importable; set PYTHONPATH=src)"
    ids = {c.id for c in load_codebook(book_path).codes}
    used = {c for item in items for f in CODER_FIELDS for c in item[f]}
    if not used <= ids:
        raise SystemExit(f"{book_path}: ids not in the codebook: {sorted(used - ids)}")
    return f"loads with qualcode ({len(ids)} codes)"


# --- agreement ---------------------------------------------------------------------------


def matrix(items: list[dict], field: str, code_ids: list[str]) -> np.ndarray:
    index = {c: j for j, c in enumerate(code_ids)}
    out = np.zeros((len(items), len(code_ids)), dtype=np.int8)
    for i, item in enumerate(items):
        for code in item[field]:
            out[i, index[code]] = 1
    return out


def binary_kappa(a: np.ndarray, b: np.ndarray) -> float:
    """Cohen's kappa of two 0/1 columns; 1.0 if both constant and equal, 0.0 if constant
    and different (the convention of ``qualcode.coding.agreement.kappa``)."""
    if len(set(a.tolist()) | set(b.tolist())) < 2:
        return 1.0 if np.array_equal(a, b) else 0.0
    return float(cohen_kappa_score(a, b))


def agreement(items: list[dict], ref: str, other: str, code_ids: list[str]) -> dict[str, float]:
    """Agreement of coder ``other`` with coder ``ref`` over single-label items."""
    a, b = matrix(items, ref, code_ids), matrix(items, other, code_ids)
    first_a = [item[ref][0] for item in items]
    first_b = [item[other][0] for item in items]
    return {
        "agree": float(np.mean([x == y for x, y in zip(first_a, first_b, strict=True)])),
        "kappa": float(cohen_kappa_score(first_a, first_b)),
        "mean_binary_kappa": float(
            np.mean([binary_kappa(a[:, j], b[:, j]) for j in range(len(code_ids))])
        ),
        "macro_f1": float(f1_score(a, b, average="macro", zero_division=0)),
    }


def summary(name: str, items: list[dict], code_ids: list[str]) -> list[str]:
    per_text = [len(item["codes"]) for item in items]
    gold = Counter(c for item in items for c in item["codes"])
    lines = [
        f"== {name}: {len(items)} texts, {len(code_ids)} codes "
        f"({len(gold)} used by the gold, {min(gold.values())}-{max(gold.values())} texts each)",
        f"   codes per text {np.mean(per_text):.2f}; "
        f"share with no code {sum(n == 0 for n in per_text) / len(items):.3f}",
    ]
    for ref, other in PAIRS:
        m = agreement(items, ref, other, code_ids)
        lines.append(
            f"   {CODER_NAMES[other]} vs {CODER_NAMES[ref]}: agreement {m['agree']:.3f}, "
            f"kappa {m['kappa']:.3f}, mean binary kappa {m['mean_binary_kappa']:.3f}, "
            f"macro F1 {m['macro_f1']:.3f}"
        )
    return lines


# --- main --------------------------------------------------------------------------------


def build_sets(files: dict[str, bytes]) -> dict[str, tuple[dict, list[dict]]]:
    """Set name -> (codebook, records)."""
    prompt_theme = parse_prompt_codebook(files[PROMPT_PATH].decode("utf-8"))
    check_codebook(prompt_theme)
    claims = load_gold(files[GOLD_PATH])
    code_theme = gold_themes(claims, prompt_theme)
    sheets = [load_sheet(files[p], p) for p in SHEET_PATHS]
    for path, sheet in zip(SHEET_PATHS, sheets, strict=True):
        check_sheet(claims, sheet, path)
    code_ids = {label: spec.id for label, spec in CODES.items()}
    theme_ids = {label: THEMES[theme][0] for label, theme in code_theme.items()}
    by_code = {c.id: code_ids[c.gold_code] for c in claims}
    by_theme = {c.id: THEMES[c.gold_theme][0] for c in claims}
    return {
        "claims_code": (code_codebook(), records(claims, sheets, code_ids, by_code)),
        "claims_theme": (theme_codebook(), records(claims, sheets, theme_ids, by_theme)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="bare git dir or checkout of the repository")
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--rev", default="HEAD", help="revision to read from a git dir")
    parser.add_argument("--allow-other-version", action="store_true")
    args = parser.parse_args(argv)

    files = read_sources(args.source, args.rev, args.allow_other_version)
    commit = source_commit(args.source, args.rev)
    print(f"source: {args.source} (commit {commit or 'unknown'})")
    if commit not in (None, UPSTREAM_COMMIT):
        print(f"note: expected commit {UPSTREAM_COMMIT}; the files' blob ids were checked")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for name, (book, items) in build_sets(files).items():
        book_path = args.out_dir / f"{name}_codebook.yaml"
        write_jsonl(args.out_dir / f"{name}.jsonl", items)
        write_codebook(book_path, book)
        print("\n".join(summary(name, items, [c["id"] for c in book["codes"]])))
        print(f"   {book_path.name}: {validate(book_path, items)}")
    print(f"wrote {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
