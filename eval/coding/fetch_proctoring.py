#!/usr/bin/env python3
"""Convert the coded survey answers of the exam-proctoring study into qualcode's
coding-evaluation format (a human-coded set with two coders).

Study: D. G. Balash, R. A. Fainchtein, E. Korkes, M. Grant, M. Sherr and A. J. Aviv,
"Educators' Perspectives of Using (or Not Using) Online Exam Proctoring", USENIX Security
2023.  Repository github.com/gwusec/2023-USENIX-Educator-Perspectives-of-Exam-Proctoring.
It has **no licence file**, so the output is not committed: it goes to
``eval/coding/external/`` (git-ignored) and only figures are reported.  See
eval/coding/PROCTORING.md for provenance, choices and the figures.

Usage (from the repository root)::

    .venv/bin/python eval/coding/fetch_proctoring.py SOURCE [--out-dir DIR]

SOURCE is the bare git directory of a snapshot of that repository (each file is read by
its git blob id with ``git cat-file``, so the branch tip does not matter) or a checkout of
it (each file is read from its path).

Steps (deterministic; standard library, PyYAML and scikit-learn only):

1. Read the six coding files ``data/qualitative-data/irr_inputs/Qualitative Responses
   ... - Q5|N3|N4 (primary|secondary).csv`` and check each one's git blob id and SHA-256
   against ``FILES``.  Any other bytes stop the script.
2. Parse each CSV: ResponseId, answer text, cells ``Code 1`` ... ``Code 8``.  The primary
   and secondary files must list the same answers in the same order.
3. Text: one level of CSV quoting left over from the survey export is undone (a text
   wrapped in ``"`` loses the outer quotes and ``""`` becomes ``"``), runs of whitespace
   become one space.  Blank answers are dropped.
4. Codes: only top-level codes are kept (the part before the first ``->``; the upstream
   README says every sub-code row also carries its top-level code).  Spelling variants and
   misspellings listed in ``SETS[..].aliases`` are mapped to one name, and the name is
   slugged to a lower-case id (``don't_know`` -> ``dont_know``).
5. ``codes`` is the primary coder's set (gold, ``[]`` when the primary gave none);
   ``codes_second`` the secondary coder's set, present only where the secondary coder
   coded the answer (about a fifth of the answers).  Codes are listed in codebook order.
6. Codebook: every code either coder used, ordered by id, with a label and a one-line
   definition from ``SETS[..].codes``.  The source has no code descriptions, so the
   definitions are neutral glosses of the code names written for qualcode; no examples,
   no keywords.  The table must match the codes in the data exactly.
7. Write ``proctoring_<set>.jsonl`` and ``proctoring_<set>_codebook.yaml`` and print a
   summary with the human-human agreement on the double-coded answers.
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
from dataclasses import dataclass
from pathlib import Path

import yaml

UPSTREAM = "github.com/gwusec/2023-USENIX-Educator-Perspectives-of-Exam-Proctoring"
UPSTREAM_COMMIT = "10b55097bd807eb0cf3e6a41b154fe4e4e235f43"
IRR_DIR = "data/qualitative-data/irr_inputs"
CODE_COLUMNS = tuple(f"Code {n}" for n in range(1, 9))
DEFAULT_OUT = Path(__file__).resolve().parent / "external"
CODEBOOK_VERSION = "1.0"


@dataclass(frozen=True)
class SourceFile:
    path: str
    blob: str
    sha256: str


@dataclass(frozen=True)
class SetSpec:
    """One output set: a survey question, its two coding files and its codebook text."""

    name: str
    question: str
    asked: str
    primary: SourceFile
    secondary: SourceFile
    aliases: dict[str, str]
    codes: dict[str, tuple[str, str]]  # id -> (label, one-line definition)


@dataclass(frozen=True)
class Row:
    response_id: str
    text: str
    codes: tuple[str, ...]


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    codes: tuple[str, ...]
    codes_second: tuple[str, ...] | None


def _irr(stem: str, role: str, blob: str, sha256: str) -> SourceFile:
    return SourceFile(f"{IRR_DIR}/Qualitative Responses {stem} ({role}).csv", blob, sha256)


Q5_CODES: dict[str, tuple[str, str]] = {
    "ai_magic": (
        "AI magic",
        "The tools are said to work through artificial intelligence, without further detail.",
    ),
    "allows_monitoring": (
        "Allows monitoring",
        "The tools are said to give access (e.g. to devices) so that students can be monitored.",
    ),
    "badly": ("Badly", "The answer says how well the tools work, and judges that they work badly."),
    "control_computer": (
        "Control computer",
        "The tools are said to take control of the student's computer.",
    ),
    "dont_know": ("Don't know", "The educator says they do not know how the tools work."),
    "dont_use": ("Don't use", "The educator says they do not use online exam proctoring tools."),
    "enforce_exam_rules": (
        "Enforce exam rules",
        "The tools are said to make students keep to the rules of the exam.",
    ),
    "enforce_time_limit": (
        "Enforce time limit",
        "The tools are said to enforce a time limit on the exam.",
    ),
    "flag_anomalies": (
        "Flag anomalies",
        "The tools are said to detect and flag unusual or suspicious behaviour for review.",
    ),
    "harms_learning": (
        "Harms learning",
        "The answer says the tools harm students' learning or well-being.",
    ),
    "monitor_computer": (
        "Monitor computer",
        "The tools are said to monitor what happens on the student's computer.",
    ),
    "monitor_students": (
        "Monitor students",
        "The tools are said to watch students during the exam (e.g. by webcam or microphone).",
    ),
    "na": ("Not applicable", "The answer does not say how the tools work (off-topic or empty)."),
    "outsource_proctoring": (
        "Outsource proctoring",
        "Proctoring is said to be handed to an outside service or person.",
    ),
    "restrict_activities": (
        "Restrict activities",
        "The tools are said to restrict what students can do, e.g. lock the browser.",
    ),
    "tools_vary": ("Tools vary", "The answer says that different tools work in different ways."),
    "well": ("Well", "The answer says how well the tools work, and judges that they work well."),
}

N3_CODES: dict[str, tuple[str, str]] = {
    "consult_outside_sources": (
        "Consult outside sources",
        "Students were allowed to consult outside sources, so proctoring was not needed.",
    ),
    "did_not_have_time": (
        "Did not have time",
        "The educator did not have the time to set up or learn the tools.",
    ),
    "difficult_to_cheat": (
        "Difficult to cheat",
        "The assessments were hard to cheat on anyway.",
    ),
    "does_not_prevent_cheating": (
        "Does not prevent cheating",
        "The tools are thought not to prevent cheating.",
    ),
    "does_not_trust_tools": (
        "Does not trust tools",
        "The educator does not trust the tools or their results.",
    ),
    "does_not_use": (
        "Does not use",
        "The educator simply does not use such tools, without a further reason.",
    ),
    "harmful_to_students": (
        "Harmful to students",
        "The tools are thought to harm students, e.g. cause stress, fear or unfair treatment.",
    ),
    "increased_bandwidth": (
        "Increased bandwidth",
        "The tools are thought to use a lot of internet bandwidth.",
    ),
    "limit_student_stress": (
        "Limit student stress",
        "The educator wanted to limit students' stress.",
    ),
    "no_exams": ("No exams", "The course has no exams, so there was nothing to proctor."),
    "none": ("None", "The answer gives no reason, or says there was no need."),
    "not_allowed": (
        "Not allowed",
        "The educator was not allowed to use the tools, or the choice was not theirs.",
    ),
    "not_feasible": ("Not feasible", "Using the tools was not feasible."),
    "not_required": ("Not required", "Using the tools was not required."),
    "open_book_exam": (
        "Open book exam",
        "The educator used open-book exams instead.",
    ),
    "performance_based_exam": (
        "Performance-based exam",
        "Assessment is by performance, so exam proctoring does not apply.",
    ),
    "poor_integration_blackboard": (
        "Poor integration with Blackboard",
        "The tools do not work well with the Blackboard learning platform.",
    ),
    "privacy_concerns": ("Privacy concerns", "The tools are thought to invade students' privacy."),
    "proctored_exam_virtually": (
        "Proctored exam virtually",
        "The educator proctored the exam themselves over video instead.",
    ),
    "project_based_exams": (
        "Project-based exams",
        "Assessment is by projects rather than exams.",
    ),
    "response_time": (
        "Response time",
        "The tools are thought to make computers or web pages respond slowly.",
    ),
    "take_home_exams": ("Take-home exams", "The educator used take-home exams instead."),
    "trusts_students": ("Trusts students", "The educator trusts students not to cheat."),
    "unaware": ("Unaware", "The educator was not aware of the tools or of how to get them."),
    "unethical": ("Unethical", "Using the tools is thought to be unethical."),
    "unsure_how_to_use": (
        "Unsure how to use",
        "The educator did not know how to use the tools.",
    ),
    "used_lockdown": (
        "Used lockdown browser",
        "The educator used a lockdown browser rather than a proctoring tool.",
    ),
    "used_more_space": (
        "Used more space",
        "The tools are thought to need extra storage space or resources on computers.",
    ),
    "used_previously": (
        "Used previously",
        "The educator has used the tools before, or uses them in other terms.",
    ),
    "written_based_exams": (
        "Written-based exams",
        "Assessment is by written work, so proctoring was not needed.",
    ),
}

N4_CODES: dict[str, tuple[str, str]] = {
    "application_based_questions": (
        "Application-based questions",
        "Questions asked students to apply knowledge rather than recall it.",
    ),
    "blackboard": ("Blackboard", "Assessments were run through the Blackboard learning platform."),
    "cheating_did_not_help": (
        "Cheating did not help",
        "The educator judged that cheating would not help students on the assessments.",
    ),
    "checked_individual_assignments": (
        "Checked individual assignments",
        "The educator checked each student's work for cheating or plagiarism.",
    ),
    "clinicals": ("Clinicals", "Students were assessed in clinical placements."),
    "completion_grading": (
        "Completion grading",
        "Work was graded for completion rather than for correctness.",
    ),
    "essay_based_exam": ("Essay-based exam", "Exams asked for essay answers."),
    "exam_over_days": ("Exam over days", "An exam was kept open over several days."),
    "harder_tests": ("Harder tests", "Tests were made harder."),
    "honor_code": ("Honor code", "Students were held to an honor code."),
    "lecture_format": (
        "Lecture format",
        "The online classes were lectures, with little or no assessment to manage.",
    ),
    "lockdown_browser": ("Lockdown browser", "A lockdown browser was used for exams."),
    "no_answer_keys": ("No answer keys", "Answer keys were not given to students."),
    "no_assessments": (
        "No assessments",
        "There were no exams or quizzes to manage, or none online.",
    ),
    "one_on_one_exam": ("One-on-one exam", "Exams were held one-on-one with each student."),
    "open_book": ("Open book", "Exams or quizzes were open book."),
    "open_internet": ("Open internet", "Students were allowed to use the internet in exams."),
    "open_note": ("Open note", "Students were allowed to use their notes in exams."),
    "oral_exams": ("Oral exams", "Students were assessed by oral exams or presentations."),
    "pop_quizzes": ("Pop quizzes", "Unannounced quizzes were used."),
    "portfolio_show": ("Portfolio show", "Students were assessed through a portfolio show."),
    "presentations": ("Presentations", "Students were assessed by presentations."),
    "proctored_exam": (
        "Proctored exam",
        "Exams were watched by a person, e.g. the educator with students' cameras on.",
    ),
    "projects": ("Projects", "Students were assessed by projects."),
    "resubmissions_allowed": (
        "Resubmissions allowed",
        "Students were allowed to resubmit their work.",
    ),
    "rp_exams": ("RP exams", "Exams were given with RP, a remote proctoring service."),
    "safe_assign": (
        "SafeAssign",
        "Work was checked for plagiarism with SafeAssign.",
    ),
    "same_as_previous": (
        "Same as previous answer",
        "The answer refers to an earlier answer in the survey.",
    ),
    "self_proctored": ("Self-proctored", "Students proctored themselves."),
    "sign_integrity_code": (
        "Sign integrity code",
        "Students signed an academic integrity statement or code.",
    ),
    "smaller_assignments": (
        "Smaller assignments",
        "Assessment was split into smaller assignments.",
    ),
    "son_policy": (
        "SON policy",
        "Academic integrity was handled by following the policy of the school (SON).",
    ),
    "standardized_tests": ("Standardized tests", "Standardized tests were used."),
    "students_designed_rubric": (
        "Students designed rubric",
        "Students took part in designing the grading rubric.",
    ),
    "take_home_exams": ("Take-home exams", "Take-home exams were used."),
    "test_versions": (
        "Test versions",
        "Different versions of a test, or randomised questions, were given to students.",
    ),
    "tests_worth_little": (
        "Tests worth little",
        "Tests counted for only a small part of the grade.",
    ),
    "timed_tests": ("Timed tests", "Tests had time limits."),
    "trust_in_students": ("Trust in students", "The educator trusted students not to cheat."),
    "turn_it_in": ("Turnitin", "Work was checked for plagiarism with Turnitin."),
    "unconcerned": (
        "Unconcerned",
        "The educator was not concerned about academic integrity in these classes.",
    ),
    "written_language_proficiency": (
        "Written language proficiency",
        "Language proficiency was tested in writing.",
    ),
    "written_papers": ("Written papers", "Students were assessed by written papers."),
    "zoom": ("Zoom", "Assessments were held or watched over Zoom or a similar video call."),
}

SETS: tuple[SetSpec, ...] = (
    SetSpec(
        name="q5",
        question="To the best of your understanding, how do online exam proctoring tools work?",
        asked="all educators (those who used online exam proctoring and those who did not)",
        primary=_irr(
            "Yes and No - Q5",
            "primary",
            "6ccf0be33bb4739d4a587898493e0eaa4c7f0c4a",
            "9f69279a55c75d0c2075a498f51b79993a58d8bf4b0f4ceca67e95bdd4695dc2",
        ),
        secondary=_irr(
            "Yes and No - Q5",
            "secondary",
            "b6c6da4fe46b01e4169e7172fbb9fb3b5b739533",
            "022eff34322bf16684dcf9e4cf3b7308bf867fe50857876e5a5162ebba3cb297",
        ),
        aliases={"flag_anomilies": "flag_anomalies"},
        codes=Q5_CODES,
    ),
    SetSpec(
        name="n3",
        question="Why did you ultimately choose not to use online exam proctoring tools?",
        asked="educators who did not use online exam proctoring",
        primary=_irr(
            "No Only - N3",
            "primary",
            "2fc1aa24d6dfad0c0ced5a32af5cc8e844585c06",
            "4403b00ff709660fb5ccd8f4d7102b1f7236704e65a81dba5dd84c60c42da024",
        ),
        secondary=_irr(
            "No Only - N3",
            "secondary",
            "88237a0bf2e4d29482a6ea4a75f5d885e2a17f6b",
            "65880386cc0055d504ba13bd2f9f78c771d4f89a64c6cb4a4ffad63970fef49f",
        ),
        aliases={
            "consult_outisde_sources": "consult_outside_sources",
            "harmful_for_students": "harmful_to_students",
            "increased_bandwith": "increased_bandwidth",
            "trust_students": "trusts_students",
        },
        codes=N3_CODES,
    ),
    SetSpec(
        name="n4",
        question=(
            "For course assessments, like exams, quizzes, etc., how did you manage student "
            "academic integrity for online classes during the 2020/2021 academic year? Please "
            "explain your decision making process"
        ),
        asked="educators who did not use online exam proctoring",
        primary=_irr(
            "No Only - N4",
            "primary",
            "1128e0cb24826ee0b76541a1e357bce6cadbf1d4",
            "2ed2d077ad2c7ddb2a1a9734010cf7bc0ddd5451518144b51576b71eebbb0272",
        ),
        secondary=_irr(
            "No Only - N4",
            "secondary",
            "a42359e365e95f8302ea856256108ef02efba290",
            "12dd5bcd4a08c38b2d3a36c918c504bac90e01d20178d12b3bfc385a5af75745",
        ),
        aliases={
            "standerdized_tests": "standardized_tests",
            "standerized_tests": "standardized_tests",
        },
        codes=N4_CODES,
    ),
)


# --- reading and checking the source ---------------------------------------------------


def git_blob_id(data: bytes) -> str:
    """The id git gives a blob with these bytes."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def is_bare_git_dir(source: Path) -> bool:
    return (source / "HEAD").is_file() and (source / "objects").is_dir()


def read_blob(source: Path, file: SourceFile) -> bytes:
    """The file's bytes: by blob id from a bare git dir, else from the checkout's path."""
    if is_bare_git_dir(source):
        cmd = ["git", "--git-dir", str(source), "cat-file", "blob", file.blob]
        done = subprocess.run(cmd, capture_output=True, check=False)
        if done.returncode != 0:
            sys.exit(f"{source}: blob {file.blob} ({file.path}) not found: {done.stderr!r}")
        return done.stdout
    path = source / file.path
    if not path.is_file():
        sys.exit(f"{path} not found; SOURCE must be a bare git dir or a checkout of {UPSTREAM}")
    return path.read_bytes()


def verified(source: Path, file: SourceFile) -> bytes:
    data = read_blob(source, file)
    blob, sha = git_blob_id(data), hashlib.sha256(data).hexdigest()
    if (blob, sha) != (file.blob, file.sha256):
        sys.exit(
            f"{file.path}: got blob {blob} / sha256 {sha}, expected {file.blob} / "
            f"{file.sha256} (upstream commit {UPSTREAM_COMMIT}); refusing to convert"
        )
    return data


# --- parsing ---------------------------------------------------------------------------


def clean_text(raw: str) -> str:
    """Undo one left-over level of CSV quoting and collapse whitespace."""
    text = raw.strip()
    if len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        text = text[1:-1].replace('""', '"')
    return " ".join(text.split())


def slug(name: str) -> str:
    """``don't_know`` -> ``dont_know``; ``SON_policy`` -> ``son_policy``."""
    text = re.sub(r"[^a-z0-9]+", "_", name.lower().replace("'", "").replace("’", ""))
    return text.strip("_")


def top_codes(cells: list[str], aliases: dict[str, str]) -> tuple[str, ...]:
    names = {cell.split("->")[0].strip() for cell in cells if cell.strip()}
    return tuple(sorted({slug(aliases.get(name, name)) for name in names}))


def parse_coding(data: bytes, path: str) -> list[Row]:
    reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    header = next(reader)
    if header[0] != "ResponseId" or tuple(header[2:]) != CODE_COLUMNS:
        sys.exit(f"{path}: unexpected header {header!r}")
    return [Row(r[0].strip(), r[1], tuple(r[2:])) for r in reader if any(c.strip() for c in r)]


# --- building a set --------------------------------------------------------------------


def build_items(spec: SetSpec, primary: list[Row], secondary: list[Row]) -> list[Item]:
    if [(r.response_id, r.text) for r in primary] != [(r.response_id, r.text) for r in secondary]:
        sys.exit(f"{spec.name}: primary and secondary files list different answers")
    items = []
    for pri, sec in zip(primary, secondary, strict=True):
        text = clean_text(pri.text)
        if text:
            # top_codes sorts by id, which is also the codebook's order
            second = top_codes(list(sec.codes), spec.aliases)
            codes = top_codes(list(pri.codes), spec.aliases)
            items.append(Item(f"{spec.name}-{pri.response_id}", text, codes, second or None))
    return items


def check_code_table(spec: SetSpec, items: list[Item]) -> None:
    """The codebook table must name exactly the codes the two coders used."""
    used = {c for item in items for c in (*item.codes, *(item.codes_second or ()))}
    missing, unused = sorted(used - set(spec.codes)), sorted(set(spec.codes) - used)
    if missing or unused:
        sys.exit(f"{spec.name}: codes without a definition {missing}; defined but unused {unused}")


def codebook_dict(spec: SetSpec) -> dict[str, object]:
    codes: list[dict[str, object]] = [
        {
            "id": code_id,
            "label": label,
            "definition": definition,
            "inclusion": "",
            "exclusion": "",
            "examples": [],
            "keywords": [],
            "parent": None,
        }
        for code_id, (label, definition) in sorted(spec.codes.items())
    ]
    description = (
        f'Codes for the open-ended survey question {spec.name.upper()} "{spec.question}", '
        f"asked of {spec.asked} in a December 2021 survey of educators at a large private U.S. "
        "university who taught online in 2020/21 (Balash et al., USENIX Security 2023). An "
        "answer may carry several codes or none. Labels are the study's code names written "
        "out; definitions are short glosses of the names written for qualcode (the source has "
        "no code descriptions)."
    )
    return {
        "name": f"Online exam proctoring, educators' answers to {spec.name.upper()}",
        "version": CODEBOOK_VERSION,
        "description": description,
        "codes": codes,
    }


# --- writing ---------------------------------------------------------------------------


def jsonl_bytes(items: list[Item]) -> bytes:
    lines = []
    for item in items:
        row: dict[str, object] = {"id": item.id, "text": item.text, "codes": list(item.codes)}
        if item.codes_second is not None:
            row["codes_second"] = list(item.codes_second)
        lines.append(json.dumps(row, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode("utf-8")


def codebook_bytes(spec: SetSpec) -> bytes:
    head = (
        f"# Written by eval/coding/fetch_proctoring.py from {UPSTREAM}\n"
        f"# at commit {UPSTREAM_COMMIT} ({spec.primary.path}).\n"
        "# The upstream repository has no licence: do not commit this file. See PROCTORING.md.\n"
    )
    body = yaml.safe_dump(
        codebook_dict(spec),
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return (head + body).encode("utf-8")


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


# --- summary ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    name: str
    answers: int
    codes: int
    codes_per_answer: float
    share_uncoded: float
    double_coded: int
    codes_compared: int
    mean_kappa: float
    macro_f1: float
    exact_match: float


def agreement(items: list[Item], code_ids: list[str]) -> tuple[int, float, float, float]:
    """Codes compared, mean per-code Cohen's kappa, macro-F1 (secondary against primary)
    and share of identical code sets, over the double-coded answers and the codes either
    coder used on them."""
    from sklearn.metrics import cohen_kappa_score, f1_score

    both = [i for i in items if i.codes_second is not None]
    used = [c for c in code_ids if any(c in i.codes or c in (i.codes_second or ()) for i in both)]
    gold = [[int(c in i.codes) for c in used] for i in both]
    second = [[int(c in (i.codes_second or ())) for c in used] for i in both]
    kappas = [
        float(cohen_kappa_score([g[j] for g in gold], [s[j] for s in second]))
        for j in range(len(used))
    ]
    f1 = float(f1_score(gold, second, average="macro", zero_division=0))
    exact = sum(set(i.codes) == set(i.codes_second or ()) for i in both) / len(both)
    return len(used), sum(kappas) / len(kappas), f1, exact


def summarise(spec: SetSpec, items: list[Item]) -> Summary:
    code_ids = sorted(spec.codes)
    compared, kappa, f1, exact = agreement(items, code_ids)
    return Summary(
        name=spec.name,
        answers=len(items),
        codes=len(code_ids),
        codes_per_answer=sum(len(i.codes) for i in items) / len(items),
        share_uncoded=sum(not i.codes for i in items) / len(items),
        double_coded=sum(i.codes_second is not None for i in items),
        codes_compared=compared,
        mean_kappa=kappa,
        macro_f1=f1,
        exact_match=exact,
    )


def format_summary(rows: list[Summary]) -> str:
    head = (
        f"{'set':<5}{'answers':>8}{'codes':>7}{'codes/ans':>10}{'uncoded':>9}"
        f"{'2-coded':>9}{'compared':>9}{'kappa':>7}{'macroF1':>9}{'exact':>7}"
    )
    lines = [head]
    for s in rows:
        lines.append(
            f"{s.name:<5}{s.answers:>8}{s.codes:>7}{s.codes_per_answer:>10.2f}"
            f"{s.share_uncoded:>9.3f}{s.double_coded:>9}{s.codes_compared:>9}"
            f"{s.mean_kappa:>7.3f}{s.macro_f1:>9.3f}{s.exact_match:>7.3f}"
        )
    lines.append(
        "codes/ans and uncoded: primary coder, all answers. kappa (mean over codes of Cohen's "
        "kappa, binary per code), macroF1 (secondary vs primary) and exact (identical code "
        "sets): the double-coded answers, over the codes either coder used on them."
    )
    return "\n".join(lines)


# --- main ------------------------------------------------------------------------------


def validate_codebook(path: Path, items: list[Item]) -> None:
    """Load the written codebook with qualcode (when importable) and check the ids."""
    try:
        from qualcode.codebook.load import load_codebook
    except ImportError:
        print("note: qualcode not importable; codebook not validated", file=sys.stderr)
        return
    ids = {c.id for c in load_codebook(path).codes}
    stray = {c for i in items for c in (*i.codes, *(i.codes_second or ())) if c not in ids}
    if stray:
        sys.exit(f"{path}: codes not in the codebook: {sorted(stray)}")


def read_sets(source: Path) -> list[tuple[SetSpec, list[Row], list[Row]]]:
    """Every source file, checked before anything is written."""
    return [
        (
            spec,
            parse_coding(verified(source, spec.primary), spec.primary.path),
            parse_coding(verified(source, spec.secondary), spec.secondary.path),
        )
        for spec in SETS
    ]


def convert(source: Path, out_dir: Path) -> list[Summary]:
    summaries = []
    for spec, primary, secondary in read_sets(source):
        items = build_items(spec, primary, secondary)
        check_code_table(spec, items)
        codebook_path = out_dir / f"proctoring_{spec.name}_codebook.yaml"
        write(out_dir / f"proctoring_{spec.name}.jsonl", jsonl_bytes(items))
        write(codebook_path, codebook_bytes(spec))
        validate_codebook(codebook_path, items)
        summaries.append(summarise(spec, items))
    return summaries


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Convert the exam-proctoring coded answers to qualcode evaluation sets."
    )
    parser.add_argument("source", type=Path, help="bare git dir or checkout of the upstream repo")
    parser.add_argument(
        "--out-dir",
        type=Path,
        default=DEFAULT_OUT,
        help=f"output folder (default {DEFAULT_OUT}; git-ignored, never commit the output)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    summaries = convert(args.source, args.out_dir)
    print(f"wrote {2 * len(summaries)} files to {args.out_dir}")
    print(format_summary(summaries))


if __name__ == "__main__":
    main()
