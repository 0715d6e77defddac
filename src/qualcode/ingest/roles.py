"""Speaker labels that name a role, not a person: one definition for ingest and redaction.

``is_role_label``: a label ingest accepts in the dash form (``MODERATOR - text``):
a role word with an optional number, or a code such as ``P3``.  ``names_nobody``: a
label the redactor keeps as it is because it identifies nobody; it also accepts group
words ("All", "Woman 2"), single letters ("M", "R") and ``PROSE_LABEL`` ("Text"), the
speaker ingest gives to the paragraphs of a file without speaker labels.

Role words come in English, Russian, Uzbek (Latin and Cyrillic), Tajik, Kyrgyz and
Kazakh, in the forms transcribers write them: "Ведущая", "Участница 2", "Boshlovchi",
"Ishtirokchi 3", "Иштирокчӣ", "Катышуучу 4", "Алып баруучу".
"""

from __future__ import annotations

import re

_EN_ROLES = (
    r"moderator|co-moderator|facilitator|interviewer|interviewee|int|resp|mod|fac|respondent"
    r"|participant|speaker|note[- ]?taker|translator|interpreter|observer"
    r"|(?:(?:facilitator|moderator|observer|interviewer)['’]s\s+|field\s+)?notes?"
)
# Russian: host (m/f), moderator, facilitator, participant (m/f), respondent (m/f),
# interviewer, observer, interpreter, note-taker, speaker
_RU_ROLES = (
    r"ведущ(?:ая|ий)|со-?ведущ(?:ая|ий)|модератор|фасилитатор|участни(?:к|ца)"
    r"|респондент(?:ка)?|интервьюер|наблюдатель|переводчи(?:к|ца)|протоколист(?:ка)?"
    r"|спикер|секретарь"
)
# Uzbek (Latin, Cyrillic), Tajik, Kyrgyz, Kazakh: host, participant, respondent,
# interviewer, observer, interpreter
_CA_ROLES = (
    r"boshlovchi|ishtirokchi|suhbatdosh|kuzatuvchi|tarjimon|fasilitator|moderator"
    r"|бошловчи|иштирокчи|иштирокчӣ|суҳбатдош|сухбатдош|кузатувчи|таржимон|тарҷумон"
    r"|баранда|мусоҳибагир|пурсишкунанда|катышуучу|алып\s+баруучу|котормочу|байкоочу"
    r"|қатысушы|жүргізуші|аудармашы|модератор|фасилитатор|респондент"
)
ROLE_WORDS = rf"{_EN_ROLES}|{_RU_ROLES}|{_CA_ROLES}"
GROUP_WORDS = (
    r"all|several|group|unknown|unidentified|voice|woman|man|female|male|youth"
    r"|все|вместе|голос|голоса|женщина|мужчина|hammasi|hamma|barcha|ayol|erkak"
    r"|ҳама|ҳамма|хамма|баары|баарысы|бардығы|аёл|эркак|зан|мард|аял|эркек"
)
PROSE_LABEL = "Text"
"""Speaker of every paragraph of a file without speaker labels (notes, summaries)."""
NUMBER = r"(?:\s*[#№]?\s*\d+[a-zа-я]?)?"
CODE = r"[a-z]{1,2}\d+|[а-я]{1,2}\d+"

ROLE_LABEL = re.compile(rf"(?:{ROLE_WORDS}){NUMBER}|{CODE}", re.IGNORECASE)
NAMES_NOBODY = re.compile(
    rf"(?:{ROLE_WORDS}|{GROUP_WORDS}|{PROSE_LABEL}|[a-zа-я]){NUMBER}(?:\s*\(.*\))?|{CODE}",
    re.IGNORECASE,
)


def is_role_label(label: str) -> bool:
    return bool(ROLE_LABEL.fullmatch(" ".join(label.split())))


def names_nobody(label: str) -> bool:
    return bool(NAMES_NOBODY.fullmatch(label.strip()))
