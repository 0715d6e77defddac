"""Render templates for one document; gold spans are recorded as each slot is filled.

Template mini-language (all template files):
  {ROLE} or {ROLE_mod_mod}   a person (gold PERSON).  ROLE: ME NEXT P P2 F, family roles
                             (per speaker) HUSBAND WIFE SON DAUGHTER MIL SISTER BROTHER
                             NEIGHBOUR FRIEND, community roles (per document) INSPECTOR
                             CHAIR LAWYER TEACHER DOCTOR RETURNEE RECRUITER.
      mods: form  full sfull sur pat fio pato dim hon (hon: honorific outside the span)
            case  gen dat acc ins pre (Russian) | ga ning ni da dan lar jon (Uzbek)
                  | ro (Tajik) | kdat kgen kacc kabl kloc (Kyrgyz)
            script ru en uz;  age -> the person's age (gold AGE);  yrs -> год/года/лет
  {MAHALLA} {STREET} {VILLAGE} {SCHOOL} {DISTRICT} {JAMOAT} + case/script mods: PLACE
  {PHONE} {PHONE_ru}: PHONE;  {ADDRESS}: ADDRESS;  {REG...}: the home region (never gold)
  {g:male|female}            chosen by the speaker's gender
  leading "F|" / "M|"        template only for female / male speakers
"""
from __future__ import annotations

import random
import re

from . import lexicon as L
from .names import (
    KY_SUF,
    LISTS,
    RU_CASES,
    TG_SUF,
    UZ_SUF,
    convert,
    ky_suffix,
    ru_surname,
    uz_suffix,
    uz_to_cyr,
)
from .people import BASES, Person

FAMILY = {"HUSBAND": ("m", 24, 62), "WIFE": ("f", 20, 58), "SON": ("m", 16, 34),
          "DAUGHTER": ("f", 15, 30), "MIL": ("f", 50, 82), "SISTER": ("f", 17, 55),
          "BROTHER": ("m", 17, 55), "NEIGHBOUR": ("f", 25, 70), "FRIEND": ("f", 20, 55)}
COMMUNITY = {"INSPECTOR": ("m", 27, 55), "CHAIR": ("m", 45, 72), "LAWYER": ("f", 27, 55),
             "TEACHER": ("f", 25, 60), "DOCTOR": ("f", 28, 62), "RETURNEE": ("m", 20, 42),
             "RECRUITER": ("m", 25, 50)}
REQUIRE = {"HUSBAND": "f", "WIFE": "m", "MIL": "f"}
PLACE_KINDS = ("MAHALLA", "STREET", "VILLAGE", "SCHOOL", "DISTRICT", "JAMOAT")
SLOT = re.compile(r"\{([^{}]*)\}")
PEOPLE = ("ME", "F", "NEXT", "P", "P2")


class Skip(Exception):
    """The template cannot be used with this speaker or document."""


def ru_years(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "год"
    return "года" if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else "лет"


class Doc:
    def __init__(self, rng: random.Random, lang: str, ctx: str, country: str, doc_id: str,
                 mode: str):
        self.rng, self.lang, self.ctx, self.country, self.id = rng, lang, ctx, country, doc_id
        self.mode, self.cult = mode, L.COUNTRY_CULT[country]
        self.group = "f" if rng.random() < 0.65 else "m"
        self.taken: set[str] = set()
        self.mentioned: dict[tuple, Person] = {}
        self.parts = [self.new_person(self.cult, self.group, 20, 64, "participant")
                      for _ in range(rng.randint(3, 6))]
        self.fac = self.new_person(self.cult, rng.choice("fm"), 26, 55, "facilitator")
        self.places = {k: rng.sample(v.split("|"), 2)
                       for k, v in L.PLACE_NAMES[country].items()}
        self.school = rng.randint(1, 64)
        self.reg = rng.randrange(len(L.REGIONS[country]["ru"]))
        self.label_ctx = rng.choice(["ru", "uz", "en"]) if lang == "mixed" else ctx
        self.turns: list[dict] = []
        self.spans: list[dict] = []
        self.keep: list[dict] = []

    # ------------------------------------------------------------------ people
    def new_person(self, cult: str, gender: str, lo: int, hi: int, role: str,
                   surname: str | None = None, father: str | None = None) -> Person:
        fem, mal, sur = LISTS[cult]
        pool = [n for n in (fem if gender == "f" else mal) if n not in self.taken]
        if not pool:
            raise Skip("no unused given name left")
        given = self.rng.choice(pool)
        self.taken.add(given)
        fathers = [n for n in mal if n[-1] not in "aeiouаеёиоуыэюяӣӯ" and n != given]
        father = father or self.rng.choice(fathers)
        surnames = [s for s in sur if s not in self.taken] or list(sur)
        sur_base = surname or self.rng.choice(surnames)
        self.taken.add(sur_base)
        p = Person(cult, gender, given, sur_base, father, self.rng.randint(lo, max(lo, hi)), role)
        p.sur_base = sur_base
        return p

    def mention(self, head: str, spk: Person | None) -> Person:
        if head in COMMUNITY:
            key: tuple = ("doc", head)
            gender, lo, hi = COMMUNITY[head]
        else:
            if spk is None or spk is self.fac:
                raise Skip(head)
            key = (id(spk), head)
            gender, lo, hi = FAMILY[head]
        if key not in self.mentioned:
            cult = self.cult
            if head in COMMUNITY and self.lang in ("ru", "mixed") and self.rng.random() < 0.25:
                cult = "ru"
            sur = father = None
            if spk is not None and head in ("SON", "DAUGHTER"):
                hi = min(hi, spk.age - 18)
                if hi < lo:
                    raise Skip("speaker too young for a grown child")
                sur = spk.sur_base
                if spk.gender == "m":
                    father = spk.given
                elif (id(spk), "HUSBAND") in self.mentioned:
                    father = self.mentioned[(id(spk), "HUSBAND")].given
            if spk is not None and head == "HUSBAND":
                sur, lo, hi = spk.sur_base, max(lo, spk.age - 3), spk.age + 8
            if spk is not None and head == "MIL":
                lo = max(lo, spk.age + 20)
                hi = max(hi, lo)
                if lo > 88:
                    raise Skip("speaker too old for a living mother-in-law")
            self.mentioned[key] = self.new_person(cult, gender, lo, hi, head.lower(), sur, father)
        return self.mentioned[key]

    # ------------------------------------------------------------------ slots
    def person_slot(self, p: Person, mods: list[str], ctx: str) -> tuple[str, str, str]:
        base = next((m for m in mods if m in BASES), "")
        infl = next((m for m in mods if m in RU_CASES + UZ_SUF + KY_SUF + TG_SUF), "")
        sctx = next((m for m in mods if m in ("ru", "en", "uz")), ctx)
        if "age" in mods:
            return "AGE", str(p.age), ""
        if "yrs" in mods:
            return "", ru_years(p.age), ""
        if base == "dim" and sctx == "ru" and p.render("ru", "dim", "")[0] == p.render(
                "ru", "", "")[0]:
            raise Skip("no Russian diminutive")
        span, after = p.render(sctx, base, infl)
        return "PERSON", span, after

    def place_slot(self, kind: str, mods: list[str], ctx: str) -> str:
        sctx = next((m for m in mods if m in ("ru", "en", "uz")), ctx)
        infl = next((m for m in mods if m not in ("ru", "en", "uz")), "nom")
        base_ctx = "uz" if sctx == "uzc" else sctx
        pats = L.PLACE_PAT[base_ctx]
        if kind not in pats:
            raise Skip(kind)
        pat = pats[kind]
        if isinstance(pat, dict):
            pat = pat[infl]
        name = self.rng.choice(self.places[kind]) if kind in self.places else ""
        if kind == "JAMOAT":
            name = self.rng.choice(self.places["MAHALLA"])
        n = convert(name, self.cult, sctx) if name else ""
        if sctx == "ru" and kind == "STREET":
            n = ru_surname(n, "gen")
        if sctx == "uzc":
            pat = uz_to_cyr(pat.replace("{n}", "\x00").replace("{k}", "\x01"))
            pat = pat.replace("\x00", "{n}").replace("\x01", "{k}")
        text = pat.format(n=n, k=self.school)
        if base_ctx == "uz" and infl != "nom":
            text = uz_suffix(text, infl, sctx == "uzc")
        return text

    def region_slot(self, mods: list[str], ctx: str) -> str:
        sctx = next((m for m in mods if m in ("ru", "uz")), ctx)
        infl = next((m for m in mods if m not in ("ru", "uz")), "")
        if sctx == "ru" or infl in ("pre", "gen"):
            nom, pre, gen = L.REGIONS[self.country]["ru"][self.reg]
            return {"": nom, "pre": pre, "gen": gen}[infl]
        native = L.REGIONS[self.country]["uz" if sctx == "uzc" else sctx]
        r = native[self.reg % len(native)]
        if sctx == "uzc":
            r = uz_to_cyr(r)
        if infl in UZ_SUF:
            return uz_suffix(r, infl, sctx == "uzc")
        return ky_suffix(r, infl) if infl in KY_SUF else r

    def phone(self, country: str) -> str:
        pat = self.rng.choice(L.PHONE_PAT[country])
        op = self.rng.choice(L.PHONE_OP[country])

        def digits(m: re.Match) -> str:
            if m.group(1) == "o":
                return op
            return "".join(str(self.rng.randint(0, 9)) for _ in range(int(m.group(1))))
        return re.sub(r"\{(o|\d)\}", digits, pat)

    def address(self, ctx: str) -> str:
        base_ctx = "uz" if ctx == "uzc" else ctx
        pat = self.rng.choice(L.ADDRESS_PAT[base_ctx])
        s = convert(self.rng.choice(self.places["STREET"]), self.cult, ctx)
        if ctx == "ru":
            s = ru_surname(s, "gen")
        text = pat.format(s="\x00", h=self.rng.randint(1, 140), a=self.rng.randint(1, 90))
        if ctx == "uzc":
            text = uz_to_cyr(text)
        return text.replace("\x00", s)

    # ------------------------------------------------------------------ rendering
    def render(self, tpl: str, pool: str, spk: Person | None,
               nxt: Person | None = None) -> tuple[str, list[tuple[int, int, str]]]:
        gender = spk.gender if spk else self.fac.gender
        if tpl[:2] in ("F|", "M|"):
            if tpl[0].lower() != gender:
                raise Skip("gender")
            tpl = tpl[2:]
        ctx = {"ru": "ru", "tg": "tg", "ky": "ky"}.get(pool, "uzc" if self.ctx == "uzc" else "uz")
        others = [p for p in self.parts if p is not spk]
        self.rng.shuffle(others)
        bound = {"ME": spk or self.fac, "F": self.fac, "NEXT": nxt}
        if others:
            bound["P"] = others[0]
        if len(others) > 1:
            bound["P2"] = others[1]
        out, spans, named, aged = "", [], set(), set()
        pos = 0

        def lit(s: str) -> str:
            return uz_to_cyr(s) if ctx == "uzc" else s
        for m in SLOT.finditer(tpl):
            out += lit(tpl[pos:m.start()])
            pos = m.end()
            inner = m.group(1)
            if inner.startswith("g:"):
                male, female = inner[2:].split("|")
                out += lit(male if gender == "m" else female)
                continue
            head, *mods = inner.split("_")
            label, after = "", ""
            if head in REQUIRE and gender != REQUIRE[head]:
                raise Skip(head)
            if head in PEOPLE or head in FAMILY or head in COMMUNITY:
                p = bound.get(head) if head in PEOPLE else self.mention(head, spk)
                if p is None:
                    raise Skip(head)
                label, text, after = self.person_slot(p, mods, ctx)
                (aged if label == "AGE" else named).add(id(p))
            elif head in PLACE_KINDS:
                label, text = "PLACE", self.place_slot(head, mods, ctx)
            elif head == "PHONE":
                label, text = "PHONE", self.phone("ru" if "ru" in mods else self.country)
            elif head == "ADDRESS":
                label, text = "ADDRESS", self.address(
                    next((m for m in mods if m in ("ru", "en", "uz")), ctx))
            elif head == "REG":
                text = self.region_slot(mods, ctx)
                if text not in L.KEEP[self.lang if self.ctx != "uzc" else "uzc"]["region"]:
                    raise AssertionError(f"region {text!r} missing from the lexicon")
            else:
                raise AssertionError(f"unknown slot {inner!r} in {tpl!r}")
            if label:
                spans.append((len(out), len(out) + len(text), label))
            out += text + after
            assert not label or out[spans[-1][0]:spans[-1][1]] == text
        out += lit(tpl[pos:])
        assert aged <= named, f"AGE without the person's name in {tpl!r}"
        assert "{" not in out and "}" not in out, out
        return out, spans
