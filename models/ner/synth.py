"""Synthetic focus-group sentences with PERSON / LOC / ORG spans.

Names come from Faker (uz_UZ, ru_RU; MIT licence; Faker has no kk_KZ, ky_KG or tg_TJ
locale) and the hand-written lists in synth_lexicon.py; sentences from the hand-written
templates in synth_templates.py.  Given names, surname stems and sub-regional places are
partitioned by a stable hash: one fifth is reserved for the test split, so test
sentences carry names and places the model never saw, in held-out templates, generated
with a different seed.
"""

from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass, field

import synth_lexicon as lex
from synth_templates import templates

Part = tuple[str, str | None]  # (text, label or None)
SLOT = re.compile(r"\{([a-z]+|[PMF])(?:\.([a-z]+))?\}")
KEPT_LOC = set(lex.REGIONS) | set(lex.COUNTRIES) | set(lex.RU_CITIES)
KEPT_LOC_RU = {form for forms in lex.RU_CITY_FORMS for form in forms}
LITERAL_LOC = re.compile(
    r"(?<![\w'])(" + "|".join(sorted(map(re.escape, KEPT_LOC | KEPT_LOC_RU), key=len, reverse=True))
    + r")(?![\w'])"
)


def held_out(word: str) -> bool:
    """Stable one-in-five partition: True for names and places reserved for the test split."""
    return zlib.crc32(word.casefold().encode()) % 5 == 0


def _pool(words: list[str], split: str) -> list[str]:
    words = sorted(set(words))
    return [w for w in words if held_out(w) == (split == "test")]


# --- transliteration ------------------------------------------------------------------
_LAT2CYR = [
    ("o'", "ў"), ("o‘", "ў"), ("g'", "ғ"), ("g‘", "ғ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"),
    ("kh", "х"), ("yo", "ё"), ("yu", "ю"), ("ya", "я"), ("ye", "е"), ("ts", "ц"), ("'", "ъ"),
    ("a", "а"), ("b", "б"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "ҳ"),
    ("i", "и"), ("j", "ж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"),
    ("p", "п"), ("q", "қ"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"),
    ("x", "х"), ("y", "й"), ("z", "з"), ("w", "в"), ("c", "к"), ("-", "-"),
]
_RU2LAT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
        strict=True,
    )
)


def to_cyrillic(word: str, lang: str) -> str:
    """Latin Uzbek/Tajik/Kyrgyz/Kazakh spelling -> a plausible Cyrillic one."""
    out, i, low = [], 0, word.lower()
    while i < len(low):
        for lat, cyr in _LAT2CYR:
            if low.startswith(lat, i):
                if lang in ("kg", "kz"):
                    cyr = {"ҳ": "х", "қ": "к", "й": "ы"}.get(cyr, cyr)
                    if lat == "y" and (i + 1 == len(low) or low[i + 1] in "aeiou"):
                        cyr = "й"
                if lang == "tj" and lat == "j":
                    cyr = "ҷ"
                out.append(cyr.upper() if word[i].isupper() else cyr)
                i += len(lat)
                break
        else:
            out.append(word[i])
            i += 1
    return "".join(out)


def ru_to_latin(word: str) -> str:
    out = []
    for ch in word:
        lat = _RU2LAT.get(ch.lower(), ch)
        lat = "" if lat == "_" else lat
        out.append(lat.capitalize() if ch.isupper() else lat)
    return "".join(out)


def ru_inflect(word: str, case: str, female: bool, surname: bool) -> str:
    """Rough Russian declension (gen / dat / ins) of a Cyrillic name."""
    if surname and re.search(r"(ов|ев|ин)а$", word):
        return word[:-1] + "ой"
    if surname and re.search(r"(ов|ев|ин)$", word):
        return word + {"gen": "а", "dat": "у", "ins": "ым"}[case]
    if word.endswith("а"):
        soft = word[-2:-1] in "гкхжшчщ"
        return word[:-1] + {"gen": "и" if soft else "ы", "dat": "е", "ins": "ой"}[case]
    if word.endswith("я"):
        return word[:-1] + {"gen": "и", "dat": "е", "ins": "ей"}[case]
    if female or word[-1] in "оеиуюэы":
        return word
    if word[-1] in "йь":
        return word[:-1] + {"gen": "я", "dat": "ю", "ins": "ем"}[case]
    return word + {"gen": "а", "dat": "у", "ins": "ом"}[case]


# --- people -----------------------------------------------------------------------------
@dataclass
class Person:
    given: str
    surname: str
    patronymic: str  # "" or a full patronymic phrase
    lang: str  # uz tj kg kz ru
    female: bool
    words_cyr: bool = False


@dataclass
class Names:
    split: str
    rng: random.Random
    given: dict[tuple[str, bool], list[str]] = field(default_factory=dict)
    stems: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        from faker.providers.person.ru_RU import Provider as RuP
        from faker.providers.person.uz_UZ import Provider as UzP

        lists = {
            ("uz", False): lex.UZ_MALE + list(UzP.first_names_male),
            ("uz", True): lex.UZ_FEMALE + list(UzP.first_names_female),
            ("tj", False): lex.TJ_MALE, ("tj", True): lex.TJ_FEMALE,
            ("kg", False): lex.KG_MALE, ("kg", True): lex.KG_FEMALE,
            ("kz", False): lex.KZ_MALE, ("kz", True): lex.KZ_FEMALE,
            ("ru", False): list(RuP.first_names_male), ("ru", True): list(RuP.first_names_female),
        }
        self.given = {k: _pool(v, self.split) for k, v in lists.items()}
        uz_stems = [re.sub(r"(ov|ev|yev)$", "", s) for s in UzP.last_names_male]
        self.stems = {
            "uz": _pool(lex.UZ_MALE + uz_stems, self.split),
            "tj": _pool(lex.TJ_SURNAME_STEMS + lex.TJ_MALE, self.split),
            "kg": _pool(lex.KG_SURNAME_STEMS + lex.KG_MALE, self.split),
            "kz": _pool(lex.KZ_SURNAME_STEMS + lex.KZ_MALE, self.split),
            "ru": _pool([re.sub(r"(ов|ев|ин)$", "", s) for s in RuP.last_names_male], self.split),
        }
        self.ru_mid = _pool(list(RuP.middle_names_male), self.split)

    def surname(self, lang: str, female: bool) -> str:
        r, stem = self.rng, self.rng.choice(self.stems[lang])
        if lang == "ru":
            return stem + ("ова" if female else "ов")
        stem = stem[:-3] if stem.endswith("jon") and r.random() < 0.5 else stem
        if lang == "tj" and r.random() < 0.55:
            return stem + r.choice(["zoda", "zoda", "iyon", "pur"])
        if lang == "kz" and r.random() < 0.25:
            return stem + ("kyzy" if female else "uly")
        if lang == "kg" and r.random() < 0.3:
            stem += r.choice(["bek", "ali"])
        vowel = stem[-1] in "aeiou"
        if lang in ("kg", "kz") and r.random() < 0.3:
            suf = "baev" if not vowel else "ev"
        else:
            suf = ("yev" if lang == "uz" else "ev") if vowel else r.choice(["ov"] * 9 + ["ev"])
        return stem + suf + ("a" if female else "")

    def person(self, female: bool | None = None) -> Person:
        r = self.rng
        female = r.random() < 0.5 if female is None else female
        lang = r.choices(["uz", "tj", "kg", "kz", "ru"], [0.5, 0.15, 0.12, 0.12, 0.06])[0]
        given = r.choice(self.given[(lang, female)])
        surname = self.surname(lang, female)
        father = r.choice(self.given[(lang, False)])
        if lang == "ru":
            mid = r.choice(self.ru_mid)
            patr = re.sub(r"(ов|ев)ич$", r"\1на", mid) if female else mid
        elif lang == "uz" and r.random() < 0.5:
            patr = father + (" qizi" if female else " o'g'li")
        elif lang in ("kg", "kz") and r.random() < 0.6:
            patr = f"{father} {'kyzy' if female else 'uulu'}"
        else:
            base = father + ("" if father[-1] not in "aeiou" else "y")
            patr = base + ("ovna" if female else "ovich")
        return Person(given, surname, patr, lang, female)


# --- rendering ----------------------------------------------------------------------------
CASES = ["ga", "dan", "ni", "niki", "nikiga", "nikida", "da", "lar", "ning", "ga", "dan"]
TITLES_M = ["Mr", "Mr.", "Inspector", "Captain", "Major", "Dr", "teacher", "domla", "Doctor"]
TITLES_F = ["Mrs", "Ms", "Mrs.", "Dr", "teacher", "Doctor", "nurse", "Inspector"]
FORMS = ["given", "affect", "full", "surfirst", "patr", "sur", "title", "addr", "lower"]
FORM_P = [0.37, 0.08, 0.17, 0.04, 0.04, 0.07, 0.05, 0.16, 0.02]


class Generator:
    def __init__(self, split: str, seed: int) -> None:
        self.split, self.rng = split, random.Random(seed)
        self.names = Names("test" if split == "test" else "train", self.rng)
        pool = self.names.split
        self.places = {
            "district": _pool(lex.DISTRICTS, pool), "mahalla": _pool(lex.MAHALLAS, pool),
            "street": _pool(lex.STREETS, pool), "village": _pool(lex.VILLAGES, pool),
            "town": _pool(lex.TOWNS, pool),
        }
        self.templates = templates("test" if split == "test" else "train")

    # names
    def _cyr(self, p: Person, word: str) -> str:
        if p.lang == "ru":
            return word
        return to_cyrillic(word, p.lang)

    def _latin(self, p: Person, word: str) -> str:
        return ru_to_latin(word) if p.lang == "ru" else word

    def render_person(self, kind: str, form: str | None, russian: bool) -> list[Part]:
        r = self.rng
        p = self.names.person(None if kind == "P" else kind == "F")
        cyr = russian or (p.lang == "ru" and r.random() < 0.5) or r.random() < 0.08
        w = (lambda s: self._cyr(p, s)) if cyr else (lambda s: self._latin(p, s))
        given, sur = w(p.given), w(p.surname)
        patr = " ".join(w(x) for x in p.patronymic.split())
        if form in ("dat", "rgen", "ins"):
            case = {"rgen": "gen"}.get(form, form)
            given = ru_inflect(given, case, p.female, False)
            sur = ru_inflect(sur, case, p.female, True)
            form = r.choice(["given", "given", "full", "sur"])
        if form is None or (russian and form in ("gen", "case", "addr")):
            form = r.choices(FORMS, FORM_P)[0]
            if russian and form in ("affect", "addr", "lower"):
                form = "given"
        if form == "gen":
            sub = r.choices(["given", "full", "addr", "affect"], [0.6, 0.15, 0.15, 0.1])[0]
            parts = self.render_form(p, sub, given, sur, patr)
            end = r.choices(["'s", "ning", "’s", "ning"], [0.45, 0.4, 0.05, 0.1])[0]
            return _glue(parts, end)
        if form == "case":
            sub = r.choices(["given", "addr", "affect", "sur"], [0.55, 0.25, 0.1, 0.1])[0]
            parts = self.render_form(p, sub, given, sur, patr)
            end = r.choice(CASES)
            if end == "ga" and parts[-1][0][-1:] in ("k", "q", "к", "қ"):
                end = "ka" if parts[-1][0][-1] in "kк" else "qa"
            return _glue(parts, end)
        return self.render_form(p, form, given, sur, patr)

    def render_form(self, p: Person, form: str, given: str, sur: str, patr: str) -> list[Part]:
        r = self.rng
        cyr = bool(re.search("[а-яёўқғҳҷ]", given.lower()))
        if form == "affect":
            suf = r.choice(lex.AFFECTION)
            return [(given + (to_cyrillic(suf, p.lang) if cyr else suf), "PERSON")]
        if form == "full":
            return [(f"{given} {sur}", "PERSON")]
        if form == "surfirst":
            return [(f"{sur} {given}", "PERSON")]
        if form == "patr":
            if r.random() < 0.5 and not patr.endswith(("uulu", "kyzy", "қизи", "ўғли")):
                return [(f"{sur} {given} {patr}", "PERSON")]
            return [(f"{given} {patr}", "PERSON")]
        if form == "sur":
            return [(sur, "PERSON")]
        if form == "title":
            title = r.choice(TITLES_F if p.female else TITLES_M)
            if cyr:
                title = r.choice(lex.TITLES_RU_F if p.female else lex.TITLES_RU_M)
            return [(title + " ", None), (r.choice([sur, sur, given]), "PERSON")]
        if form == "addr":
            word = r.choice(lex.ADDRESS[("uz" if p.lang == "ru" else p.lang, p.female)])
            word = to_cyrillic(word, p.lang) if cyr else word
            if word == "jon":
                return [(given + "jon", "PERSON")]
            sep = r.choices([" ", "-"], [0.9, 0.1])[0]
            return [(given, "PERSON"), (sep + word, None)]
        if form == "lower":
            return [(given.lower(), "PERSON")]
        return [(given, "PERSON")]

    def render_place(self, slot: str, form: str | None, russian: bool) -> list[Part]:
        r = self.rng
        if slot == "rucity":
            if russian:
                forms = r.choice(lex.RU_CITY_FORMS)
                return [(forms[{"gen": 1, "prep": 2, "acc": 3}.get(form or "", 0)], "LOC")]
            return [(r.choice(lex.RU_CITIES), "LOC")]
        if slot == "region":
            return [(r.choice(lex.REGIONS), "LOC")]
        if slot == "country":
            return [(r.choice(lex.COUNTRIES), "LOC")]
        if slot == "org":
            return [(r.choice(lex.ORGS), "ORG")]
        if slot == "money":
            return [(r.choice(lex.MONEY), None)]
        name = r.choice(self.places[slot])
        if russian:
            return [(to_cyrillic(name, "uz"), "LOC")]
        if slot == "street":
            return [(name, "LOC"), (" " + r.choice(lex.STREET_WORDS), None)]
        if slot == "village" and r.random() < 0.6:
            word = r.choice(lex.VILLAGE_WORDS)
            if r.random() < 0.3:
                return [("the village of ", None), (name, "LOC")]
            return [(name, "LOC"), (" " + word, None)]
        if slot == "town" and r.random() < 0.1:
            return [(name + r.choice(["da", "dan", "ning"]), "LOC")]
        return [(name, "LOC")]

    def sentence(self, topic: str) -> list[Part]:
        template = self.rng.choice(self.templates[topic])
        russian = template.startswith("ru|")
        template = template.removeprefix("ru|")
        if template.startswith(("{P", "{M", "{F")) and self.rng.random() < 0.2:
            template = self.rng.choice(lex.OPENERS_RU if russian else lex.OPENERS) + template
        parts: list[Part] = []
        pos = 0
        for m in SLOT.finditer(template):
            parts.extend(_literal(template[pos : m.start()]))
            slot, form = m.group(1), m.group(2)
            if slot in "PMF":
                parts.extend(self.render_person(slot, form, russian))
            else:
                parts.extend(self.render_place(slot, form, russian))
            pos = m.end()
        parts.extend(_literal(template[pos:]))
        return parts

    def doc(self) -> list[Part]:
        """One turn: one to three sentences, sometimes with a speaker prefix."""
        r = self.rng
        topics = list(self.templates)
        weights = [0.25 if t == "negative" else 0.07 if t == "russian" else 0.11 for t in topics]
        parts: list[Part] = []
        if r.random() < 0.12:
            speaker = r.choice(["P1: ", "P3: ", "R2: ", "Moderator: ", "Participant 4: "])
            parts.append((speaker, None))
        for i in range(r.choices([1, 2, 3], [0.55, 0.3, 0.15])[0]):
            if i:
                parts.append((" ", None))
            parts.extend(self.sentence(r.choices(topics, weights)[0]))
        return parts


def _glue(parts: list[Part], end: str) -> list[Part]:
    text, label = parts[-1]
    if re.search("[а-яёўқғҳҷ]", text.lower()):
        end = to_cyrillic(end, "uz") if end[0] not in "'’" else end
    if label is None:  # "Akbar aka" + ning -> "Akbar akaning"
        return [*parts[:-1], (text + end, None)]
    if end in ("'s", "’s"):
        return [*parts, (end, None)]
    return [*parts[:-1], (text + end, label)]


def _literal(text: str) -> list[Part]:
    """Template text; region, country and city names in it are tagged LOC."""
    out: list[Part] = []
    pos = 0
    for m in LITERAL_LOC.finditer(text):
        out.append((text[pos : m.start()], None))
        out.append((m.group(0), "LOC"))
        pos = m.end()
    out.append((text[pos:], None))
    return [p for p in out if p[0]]


def to_text(parts: list[Part]) -> tuple[str, list[tuple[int, int, str]]]:
    text, spans = "", []
    for chunk, label in parts:
        if label:
            spans.append((len(text), len(text) + len(chunk), label))
        text += chunk
    return text, spans
