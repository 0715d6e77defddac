"""Names and places nobody declared: recall-first detection from capitalisation,
English word frequency (wordfreq), Cyrillic script and Uzbek/Russian morphology.

A capitalised word is a name candidate when it is not a common English word and not on
the keep-list (regions, countries, institutions, registries, religious and calendar
words that the analysis needs).  Confidence is lower at the start of a sentence, where
English capitalises anyway; such detections are flagged for review.  A candidate
followed by a place word (makhalla, district, street, ko'chasi ...) is a PLACE.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from qualcode.redact.names import HONORIFICS, fold

WORD = re.compile(r"[^\W\d_]+(?:['’ʻ‘`\-][^\W\d_]+)*", re.UNICODE)
# A word starting with a capital letter (any script): the only words detectors look at.
CAP_WORD = regex.compile(r"(?<![\p{L}\-])(?<!\p{L}['’ʻ‘`])\p{Lu}\p{L}*(?:['’ʻ‘`\-]\p{L}+)*")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
SENTENCE_END = re.compile(r"(?:^|[.!?…:;\"“”]\s*|\n\s*|[-–—]\s+)$")
SURNAME = re.compile(
    r"(?:ov|ova|ev|eva|yev|yeva|iyev|iyeva|zoda|zade|ovich|ovna|evich|evna|jonov|jonova|"
    r"boyev|boyeva|qulov|qulova|murodov|murodova)$",
    re.IGNORECASE,
)
GIVEN = re.compile(r"(?:jon|xon|khon|bek|oy|gul|nisa|niso|mirzo)$", re.IGNORECASE)
# Endings glued to names: Uzbek (-ning, -ga, -dan ...), Kazakh/Kyrgyz (-nyn, -ge, -ke,
# -dyn, -tan), Tajik (-ro), affectionate forms (-jon, -xon) and the English possessive.
SUFFIXES = re.compile(
    r"(?:['’]s|lar|ning|nikiga|niki|ni|ga|ka|qa|ge|ke|dan|den|tan|ten|da|de|ta|te|day|dek|"
    r"nyn|nin|dyn|din|tyn|tin|ny|dy|ro|ham|mi|chi|jon|xon|khon)+$",
    re.IGNORECASE,
)
PLACE_WORDS = {
    "makhalla",
    "mahalla",
    "mahallasi",
    "makhallasi",
    "district",
    "tumani",
    "tuman",
    "street",
    "ko'chasi",
    "ko‘chasi",
    "koʻchasi",
    "kochasi",
    "avenue",
    "village",
    "qishloq",
    "qishlog'i",
    "kishlak",
    "school",
    "maktab",
    "bazaar",
    "bozor",
    "lane",
    "quarter",
}
RARE_ZIPF = 3.0
# Words that introduce a name: "I'm Kira", "my name is Yusuf", "a man called Navruz".
NAME_CUE = re.compile(
    r"(?:\bI['’]m|\bI am|\bname is|\bnamed|\bcalled(?: himself| herself)?|\bthis is|"
    r"\bours is|\bask|\buntil|\bafter|\bwith|\bcall me)\s+$",
    re.IGNORECASE,
)  # wordfreq: below this a capitalised word is not common English

# Words the analysis needs and that identify nobody.  Casefolded.
KEEP = frozenset(
    """
i i'm i've i'd i'll ok okay mr mrs ms dr moderator facilitator participant participants
speaker interviewer respondent note notes question answer yes no god allah islam muslim
muslims quran koran ramadan ramazan eid hayit navruz nowruz friday monday tuesday
wednesday thursday saturday sunday january february march april may june july august
september october november december uzbekistan uzbek uzbeks tajikistan tajik tajiks
kyrgyzstan kyrgyz kazakhstan kazakh russia russian russians moscow petersburg
turkey turkish korea korean syria syrian iraq iraqi afghanistan afghan china chinese
dubai emirates europe european america american ukraine tashkent jizzakh jizzax namangan
samarkand samarqand bukhara buxoro fergana farg'ona andijan andijon khorezm xorazm
navoi navoiy kashkadarya qashqadaryo surkhandarya surxondaryo sirdarya sirdaryo
karakalpakstan qoraqalpog'iston dushanbe khujand sughd khatlon bishkek almaty astana
makhalla mahalla khokimiyat hokimiyat khokim hokim ayollar yoshlar temir daftar daftari
telegram instagram facebook whatsapp youtube tiktok imo odnoklassniki google sberbank
humo uzcard payme click zags agency ministry centre center committee council
internal affairs prosecutor court police militsiya profilaktika inspektor inspector
patent soviet covid corona english russian arabic ielts sat ngo un unicef saferworld
usaid eu women youth pinfl jshshir inn stir sms id passport
assalomu alaykum salom rahmat xayr cyrillic latin
kazan samara yekaterinburg novosibirsk krasnodar podolsk shymkent petersburg istanbul
seoul omsk tyumen surgut chelyabinsk ufa perm nizhny vladivostok irkutsk krasnoyarsk
rostov volgograd voronezh kaliningrad sochi tomsk barnaul raqqa idlib mosul aleppo
damascus baghdad homs al-hol roj turkiye
navro'z navroz ramazon ramadan hayit qurbon kurban ro'za ruza iftar nikoh nikah
suriya rossiya moskva turkiya qozog'iston qirg'iziston tojikiston o'zbekiston
yandex wildberries ozon uber avito taxi olx uzum korzinka alif dushanbe-city
syrdarya zhambyl turkestan talas chui naryn issyk-kul jalal-abad batken osh
karaganda pavlodar aktobe atyrau mangystau kostanay akmola almaty-region
gbao badakhshan bokhtar
""".split()
)  # the last lines: greetings and the big cities labour migrants go to


# Region-level places and other words kept in Russian passages (prefixes, any case form).
RU_KEEP = tuple(
    """москв росси россий питер петербург ташкент самарканд бухар ферган андижан наманган
    джизак навои хорезм кашкадар сурхандар сырдар каракалпак узбекистан узбек таджикистан
    таджик кыргызстан киргиз казахстан казах душанбе худжанд бишкек алмат астан сири ирак
    турци европ америк бог аллах рамадан рамазан навруз телеграм ватсап инстаграм мвд
    махалл хоким ссср""".split()
)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    kind: str  # PERSON or PLACE
    key: str  # folded stem: the same person across case endings
    confidence: float


@lru_cache(maxsize=50_000)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


@lru_cache(maxsize=50_000)
def _zipf_ru(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.casefold(), "ru"))


def stem(word: str) -> str:
    """Strip case endings, possessives and affectionate suffixes: Dilnozaning -> dilnoza."""
    folded = fold(word)
    base = SUFFIXES.sub("", folded)
    return base if len(base) >= 3 else folded


def _russian_given_name(word: str) -> bool:
    from qualcode.redact.givennames import given_names

    return word.casefold() in given_names()


def _is_common(word: str, keep: frozenset[str]) -> bool:
    folded = fold(word)
    return folded in keep or stem(word) in keep or zipf(folded) >= RARE_ZIPF


def sentence_initial(text: str, start: int) -> bool:
    return bool(SENTENCE_END.search(text[max(0, start - 3) : start]))


def _next_word(text: str, end: int, fold_it: bool = True) -> str:
    m = WORD.search(text, end)
    if not m or text[end : m.start()].strip():
        return ""
    return fold(m.group(0)) if fold_it else m.group(0)


def _starts_full_name(text: str, start: int, word: str, nxt: str, keep: frozenset[str]) -> bool:
    """'Faina Yefremova said': a rare-ish word opening a sentence before a surname."""
    if not (nxt[:1].isupper() and sentence_initial(text, start)):
        return False
    if fold(word) in keep or zipf(fold(word)) >= RARE_ZIPF:
        return False
    return zipf(fold(nxt)) < RARE_ZIPF and fold(nxt) not in keep and fold(nxt) not in PLACE_WORDS


def find_unknown(
    text: str, skip: Iterable[tuple[int, int]] = (), keep: frozenset[str] = KEEP
) -> Iterator[Candidate]:
    """Capitalised, non-common words outside ``skip`` spans, as PERSON or PLACE.
    ``keep``: casefolded words never redacted (default ``KEEP``; projects extend it)."""
    taken = list(skip)
    for m in CAP_WORD.finditer(text):
        word = m.group(0)
        folded = fold(word)
        if zipf(folded) >= 5.0 or folded in keep:  # 'The', 'We', 'Tashkent': the fast path
            continue
        if taken and any(s < m.end() and m.start() < e for s, e in taken):
            continue
        conf = _confidence(text, m.start(), word, keep)
        nxt = _next_word(text, m.end(), fold_it=False)
        if conf == 0.0 and _starts_full_name(text, m.start(), word, nxt, keep):
            conf = 0.7
        if conf == 0.0 and NAME_CUE.search(text, max(0, m.start() - 24), m.start()):
            conf = 0.8
        if conf == 0.0:
            continue
        kind = "PLACE" if fold(nxt) in PLACE_WORDS else "PERSON"
        yield Candidate(m.start(), m.end(), kind, stem(word), conf)


def _confidence(text: str, start: int, word: str, keep: frozenset[str]) -> float:
    if fold(word) in HONORIFICS or fold(word) in keep:
        return 0.0
    if CYRILLIC.search(word):  # in Russian passages, common Russian words are no names
        if len(word) < 2 or word.casefold().startswith(RU_KEEP):
            return 0.0
        if sentence_initial(text, start):
            return 0.6 if _zipf_ru(word) < 3.5 else 0.0
        return 0.9 if _zipf_ru(word) < 4.5 or _russian_given_name(word) else 0.0
    morph = bool(SURNAME.search(word) or GIVEN.search(word))
    if _is_common(word, keep) and not (morph and zipf(fold(word)) < 4.0):
        return 0.0
    if sentence_initial(text, start):  # English capitalises here anyway: flag for review
        return 0.7 if (morph or zipf(stem(word)) < 1.0) else 0.6
    return 0.9 if morph else 0.8


ADDRESS_WORDS = (
    "aka",
    "opa",
    "domla",
    "xola",
    "buvi",
    "amaki",
    "hoji",
    "apa",
    "eje",
    "ota",
    "akajon",
    "opajon",
    "akaxon",
    "opaxon",
)
_ADDRESSED = re.compile(
    r"(?<![\w'’])([A-ZА-ЯЁЎҚҒҲ][^\W\d_]+(?:['’ʻ‘`][^\W\d_]+)*)\s+(?:"
    + "|".join(ADDRESS_WORDS)
    + r")(?:[^\W\d_]{0,6})(?!\w)"
)


def addressed_names(texts: Iterable[str], keep: frozenset[str] = KEEP) -> list[str]:
    """Words used with a form of address ('Akbar aka', 'Malohat opa'): names for sure,
    even when also an English word.  Common function words ('Our opa') are skipped."""
    found: dict[str, None] = {}
    for text in texts:
        for m in _ADDRESSED.finditer(text):
            word = m.group(1)
            if fold(word) not in keep and zipf(fold(word)) < 5.0:
                found[word] = None
    return list(found)
