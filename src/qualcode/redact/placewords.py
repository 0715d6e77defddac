"""Sub-regional places named with a place word: 'Navbahor makhalla', 'Zomin district',
'Ak-Tash aiyl', 'Eski shahar bazaar', and numbered institutions: 'school No. 12',
'polyclinic 4', '12-maktab'.  The span covers the place word too: 'Zomin district'
becomes one ``[PLACE_n]``.  Region-level names on the keep-list are never redacted
('Jizzakh region', 'Tashkent city')."""

from __future__ import annotations

import re

from qualcode.redact import scan
from qualcode.redact.names import fold
from qualcode.redact.patterns import DIGIT
from qualcode.redact.words import KEEP, Candidate, zipf

PLACE_WORDS = (
    r"makhalla|mahalla|mahallasi|makhallasi|mfy|district|tumani|tuman|raion|rayon|rayoni|rayonu|"
    r"street|ko['’ʻ‘`]?chasi|avenue|prospekti|village|qishloq|qishlog['’ʻ‘`]?i|kishlak|aiyl|"
    r"ayil|auyl|aul|jamoat|posyolok|settlement|bazaar|bozor|bozori|market|lane|quarter|"
    r"kvartal|massiv|massivi|mavze|mavzesi|guzar|shaharcha|school|maktabi|college|lyceum|"
    r"polyclinic|hospital|clinic|factory|fabrikasi|zavodi|farm|fermer|mosque|masjid|masjidi|"
    r"kindergarten|cafe|restaurant|workshop|sexi|cluster|kiln|nohiya|nohiyai|audany|audan|"
    r"auyly|auyldy|selo|posyolok"
)
CONNECTORS = (
    r"shahar|bozor|eski|yangi|tor|berk|textile|sewing|brick|cotton|garment|central|city|"
    r"khan|xon|bi|ota|bobo|hayot|yo['’ʻ‘`]?li|[a-z]{1,8}"
)
CASE_ENDINGS = r"da|dan|ga|ning|ni|dagi"  # Uzbek: 'Ko'kterak mahallasida' (in the makhalla)
NAME = r"[A-ZА-ЯЁЎҚҒҲ][\w'’ʻ‘`]*(?:-[\w'’ʻ‘`]+)*"
NAMED_PLACE = re.compile(
    rf"(?<![\w'’ʻ‘`-])({NAME}(?:[\s-]+(?:{NAME}|(?:{CONNECTORS}))){{0,2}})\s+"
    rf"(?i:{PLACE_WORDS})(?:{CASE_ENDINGS})?(?!\w)"
)
NUMBERED = re.compile(
    r"(?i:\b(?:school|maktab|polyclinic|poliklinika|hospital|kasalxona|kindergarten|"
    r"bog['’ʻ‘`]?cha|lyceum|litsey|college|kollej|colony|koloniya|prison|camp|clinic)"
    r"\s*(?:No\.?|number|num\.?|№|#)?\s*\d+\b|\b\d+-(?:maktab|maktabi|son|bog['’ʻ‘`]?cha)\b"
    r"|\b\d+(?:st|nd|rd|th)\s+(?:school|polyclinic|hospital|kindergarten|lyceum))"
)
NUMBERED_WORDS = scan.literals(  # one of them in every NUMBERED match
    "school|maktab|polyclinic|poliklinika|hospital|kasalxona|kindergarten|bog|lyceum|"
    "litsey|college|kollej|colony|koloniya|prison|camp|clinic|-son"
)
PLACE_WORD_LITERALS = scan.literals(PLACE_WORDS)  # one of them in every NAMED_PLACE match
NON_SPACE = re.compile(r"\S+")
_PLACE_WORD = re.compile(rf"^(?:{PLACE_WORDS})$", re.IGNORECASE)


class PlaceWords:
    """Finds places by their place word or number (see the module docstring)."""

    def __init__(self, keep: frozenset[str] = KEEP) -> None:
        self.keep = keep

    def find(self, text: str) -> list[Candidate]:
        out = []
        if DIGIT.search(text) and scan.has_any(text, NUMBERED_WORDS):
            out += [
                Candidate(m.start(), m.end(), "PLACE", fold(m.group(0)), 0.9)
                for m in NUMBERED.finditer(text)
            ]
        if not scan.has_any(text, PLACE_WORD_LITERALS):
            return out
        for m in NAMED_PLACE.finditer(text):
            start = self._name_start(m.group(1))
            if start is not None:
                s = m.start(1) + start
                out.append(Candidate(s, m.end(), "PLACE", fold(text[s : m.end()]), 0.9))
        return out

    def _name_start(self, names: str) -> int | None:
        """Offset of the first name word after leading common words ('The', 'Our');
        None if nothing identifying is left (common words, keep-list, place words)."""
        words = list(NON_SPACE.finditer(names))
        while words and zipf(fold(words[0].group(0))) >= 4.0:
            words.pop(0)
        rest = [fold(w.group(0)) for w in words]
        if not rest or all(w in self.keep or _PLACE_WORD.match(w) for w in rest):
            return None
        if all(zipf(w) >= 3.5 for w in rest):
            return None
        return words[0].start()
