"""Word-level evidence shared by the redaction layers: word patterns, the keep-list,
English and Russian word frequency, Uzbek/Russian suffix stripping, the given-name list
and the ``Candidate`` every layer returns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import regex

from qualcode.redact.names import fold

WORD = re.compile(r"[^\W\d_]+(?:['’ʻ‘`\-][^\W\d_]+)*", re.UNICODE)
# A word starting with a capital letter (any script): the only words detectors look at.
CAP_WORD = regex.compile(r"(?<![\p{L}\-])(?<!\p{L}['’ʻ‘`])\p{Lu}\p{L}*(?:['’ʻ‘`\-]\p{L}+)*")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# A sentence starts after its end, a line break, a dash, a bracketed note ('[laughs] So')
# or an opening quote ("«Мы", "'Qiz bola").
SENTENCE_END = re.compile(r"(?:^|[.!?…:;\"“”«„\]]\s*|\s['‘]|\n\s*|[-–—]\s+)$")
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
qozon toshkent rais raisi раис jamoat ishtirokchi boshlovchi
""".split()
)  # the last lines: greetings and the big cities labour migrants go to


# Region-level places and other words kept in Russian passages (prefixes, any case form).
RU_KEEP = tuple(
    """москв росси россий питер петербург ташкент самарканд бухар ферган андижан наманган
    джизак навои хорезм кашкадар сурхандар сырдар каракалпак узбекистан узбек таджикистан
    таджик кыргызстан киргиз казахстан казах душанбе худжанд бишкек алмат астан сири ирак
    турци европ америк бог аллах рамадан рамазан навруз телеграм ватсап инстаграм мвд
    махалл хоким ссср раис ҷамоат ҳукумат маҳалл ассалом алейкум иштирокч бошловч
    катышуучу қатысушы өкмө""".split()
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


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """Strip case endings, possessives and affectionate suffixes: Dilnozaning -> dilnoza."""
    folded = fold(word)
    base = SUFFIXES.sub("", folded)
    return base if len(base) >= 3 else folded


def sentence_initial(text: str, start: int) -> bool:
    return _ends_sentence(text[max(0, start - 3) : start])


@lru_cache(maxsize=4096)
def _ends_sentence(before: str) -> bool:
    """Whether the (up to) three characters before a word end a sentence."""
    return bool(SENTENCE_END.search(before))


@cache
def given_names() -> frozenset[str]:
    text = (resources.files("qualcode.redact") / "data" / "given_names.txt").read_text("utf-8")
    return frozenset(w for w in text.splitlines() if w and not w.startswith("#"))
