"""Invented people and how their names are spelled and inflected in each context."""
from __future__ import annotations

from .names import (
    KY_SUF,
    RU_CASES,
    RU_DIM,
    TG_SUF,
    UZ_SUF,
    convert,
    cyr_to_lat,
    female_surname,
    ky_suffix,
    patronymic,
    ru_given,
    ru_patronymic,
    ru_surname,
    uz_suffix,
    uz_to_cyr,
)

HONORIFIC = {("uz", "m"): "aka", ("uz", "f"): "opa", ("tg", "m"): "ака", ("tg", "f"): "апа",
             ("ky", "m"): "байке", ("ky", "f"): "эже"}
PATO = {"uz": ("o'g'li", "qizi"), "uzc": ("ўғли", "қизи"), "ky": ("уулу", "кызы")}
BASES = ("full", "sfull", "sur", "pat", "fio", "pato", "dim", "hon")


class Person:
    """An invented person.  ``given``/``surname``/``father`` are stored in the culture's
    own script (Uzbek Latin for ``uz``); ``render`` spells and inflects them."""

    def __init__(self, cult: str, gender: str, given: str, surname: str, father: str,
                 age: int, role: str):
        self.cult, self.gender, self.given, self.father = cult, gender, given, father
        self.surname = surname if gender == "m" else female_surname(surname, cult)
        self.age, self.role = age, role

    def canonical(self, ctx: str) -> str:
        """Full name as it would be typed into the participants list."""
        return f"{convert(self.given, self.cult, ctx)} {convert(self.surname, self.cult, ctx)}"

    def _honorific(self, ctx: str) -> str:
        word = HONORIFIC[(self.cult, self.gender)]
        if self.cult == "uz":
            return uz_to_cyr(word) if ctx in ("uzc", "ru") else word
        return cyr_to_lat(word) if ctx in ("uz", "en") else word

    def _dim(self, g: str, ctx: str) -> str:
        if ctx == "ru":
            return RU_DIM.get(g, g)
        return g + {"uz": "jon", "en": "jon", "uzc": "жон", "tg": "ҷон", "ky": "жан"}[ctx]

    def render(self, ctx: str, base: str, infl: str) -> tuple[str, str]:
        """Return (span, after): the gold PERSON text and any honorific after it
        (outside the span).  ``infl`` is a Russian case, an Uzbek/Tajik/Kyrgyz suffix,
        or ``""``."""
        if infl in RU_CASES:
            ctx = "ru"
        elif infl in UZ_SUF and ctx not in ("uz", "uzc"):
            ctx = "uz"
        elif infl in KY_SUF or infl in TG_SUF:
            ctx = "ky" if infl in KY_SUF else "tg"
        g = convert(self.given, self.cult, ctx)
        s = convert(self.surname, self.cult, ctx)
        f = convert(self.father, self.cult, ctx)
        if base == "hon" and self.cult == "ru":
            base = "pat" if ctx == "ru" else ""
        if base == "pato" and ctx not in PATO:
            base = "pat"
        pat = patronymic(f, self.gender, ctx)
        words: list[tuple[str, str]] = {
            "": [(g, "g")], "dim": [(self._dim(g, ctx), "g")], "hon": [(g, "g")],
            "full": [(g, "g"), (s, "s")], "sfull": [(s, "s"), (g, "g")], "sur": [(s, "s")],
            "pat": [(g, "g"), (pat, "p")], "fio": [(s, "s"), (g, "g"), (pat, "p")],
            "pato": [(g, "g"), (f, "x"), (PATO.get(ctx, ("", ""))[self.gender == "f"], "x")],
        }[base]
        after = " " + self._honorific(ctx) if base == "hon" else ""
        if infl in RU_CASES:
            dec = {"g": lambda w: ru_given(w, self.gender, infl),
                   "s": lambda w: ru_surname(w, infl),
                   "p": lambda w: ru_patronymic(w, infl), "x": lambda w: w}
            words = [(dec[k](w), k) for w, k in words]
        elif infl:
            fn = {"ro": lambda w: w + "ро"}.get(infl)
            if infl in KY_SUF:
                fn = lambda w: ky_suffix(w, infl)  # noqa: E731
            elif infl in UZ_SUF:
                fn = lambda w: uz_suffix(w, infl, ctx == "uzc")  # noqa: E731
            if fn is None:
                raise ValueError(f"unknown inflection {infl!r}")
            if after:
                after = fn(after)
            else:
                words[-1] = (fn(words[-1][0]), words[-1][1])
        return " ".join(w for w, _ in words), after
