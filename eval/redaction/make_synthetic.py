#!/usr/bin/env python3
"""Deterministic generator of synthetic focus-group transcripts with gold
redaction spans (qualcode redaction evaluation set).

Usage (from the repository root):
    .venv/bin/python eval/redaction/make_synthetic.py            # writes eval/redaction/synthetic.jsonl
    .venv/bin/python eval/redaction/make_synthetic.py --check    # also re-reads and re-verifies the file

Everything is synthetic.  Names come from
  * Faker (MIT licence) locales uz_UZ and ru_RU (Faker has no kk_KZ, ky_KG or tg_TJ locale), and
  * small HAND-WRITTEN lists in this file of common given names and surname roots
    (Uzbek adult generation, Tajik, Kyrgyz, Kazakh, Korean-Uzbek).  These lists were
    typed by hand from general knowledge of common names; they are NOT taken from any
    leaked, scraped or real personal records.
Place names (districts, villages, makhalla names, streets) are real, common toponyms or
generic words used in the region; they are combined at random and identify nobody.
Phone numbers, e-mails, URLs, IDs and card numbers are random and fictitious.

Gold offsets are computed by construction: every text is assembled piece by piece and
each sensitive piece records its offsets; at the end every span is re-checked
(text[start:end] == the inserted string), spans must not overlap, and the transcript
size rules (8-25 turns, 300-700 words) are asserted.

Output format: /work/notes/evalformat.md (summarised in eval/redaction/README.md).
"""
# ruff: noqa: E501  (template and list lines are prose)
import argparse
import collections
import contextlib
import itertools
import json
import random
import re
import sys
from pathlib import Path

from faker import Faker

SEED = 20240611
N_DOCS = 150
OUT_DEFAULT = Path(__file__).resolve().parent / "synthetic.jsonl"

# ---------------------------------------------------------------------------
# HAND-WRITTEN name lists (common names typed from general knowledge; not from any
# personal records).  Uzbek names use the Uzbek Latin alphabet with a plain ASCII
# apostrophe as the canonical o'/g' mark; rendering swaps in other apostrophe
# variants and Russian-style transliterations.
# ---------------------------------------------------------------------------
UZ_F = """Dilnoza Gulnora Malika Mohira Sevara Nargiza Shahlo Dilfuza Zulfiya Nodira Feruza
Munisa Mavluda Gulchehra Dilbar Barno Shahnoza Nilufar Lola Bahor Oydin Umida Kamola Zarina
Madina Xurshida Mo'tabar Go'zal Ma'mura Yulduz Saodat Muattar Robiya Hilola Nasiba Matluba
Mahliyo Dildora Zebo Gavhar Oygul Sayyora Muhabbat Iroda Maftuna Charos Ozoda Malohat Mukaddas
Xosiyat Gulbahor Nazokat Shoira Dilorom Tamara Zuhra Mastura""".split()
UZ_M = """Bahodir Rustam Akbar Sardor Jasur Sherzod Dilshod Jamshid Otabek Ulug'bek O'tkir
G'ayrat To'lqin Sanjar Farrux Javlon Botir Alisher Bekzod Shuhrat Ravshan Nodir Umid Zafar
Murod Anvar Ilhom Oybek Sirojiddin Ne'mat Sa'dulla Xurshid Hamid Abdulla Karim Akmal Doniyor
Elyor Islom Mansur Olim Po'lat Qodir Temur Yusuf Baxtiyor Erkin Hasan Husan Shavkat Rahim
Nurali Zokir G'ofur Mirzo Xayrullo""".split()
# surname roots: -ov/-ova after consonants, -yev/-yeva after vowels
UZ_SUR = """Karim Toshmat Rahim Yusup Xolmat Sattor Mirza Tojiboy Ergash Abdulla Ali Qodir
Nazar Yo'ldosh To'xta G'ani Qo'chqor Bo'ri O'rinboy Jo'ra Rajab Usmon Haydar Sobir Hamro
Normat Ismoil Umar Salim Xudoyberdi Egamberdi Mamat Rashid Tursun Sharip Hakim Mahmud Abdurahmon
Rasul Nurmat Ortiq Sultan Yoqub Aminjon Zokir Eshmat""".split()
UZ_SUR_IY = "Buxoriy Termiziy Samarqandiy Farg'oniy Marg'iloniy Namangoniy Rajabiy Ahmadiy".split()

TJ_F = """Manizha Farangis Zarina Nigora Mehrangez Gulnoza Sitora Shabnam Tahmina Parvina
Dilorom Firuza Mavjuda Zulaykho Nilufar Malohat Gulbahor Rukhshona Munira Sadbarg Nozanin
Khursheda Mohinav Shahnoza Gulchehra""".split()
TJ_M = """Farrukh Firdavs Bakhtiyor Jamshed Rustam Suhrob Dilovar Faridun Behruz Umed Shuhrat
Karomatullo Nurullo Siyovush Daler Khurshed Manuchehr Parviz Zafar Saidjon Abdurahim Sharifjon
Bahrom Komron Ilhom Navruz Qurbonali""".split()
TJ_SUR = "Rahmon Sharip Nazar Safar Davlat Qurbon Ismoil Saidmurod Kholmat Mirzo Boboev Sodiq Odin Jurab Amin Rahim Saidov".split()
TJ_ZODA = "Rahim Karim Said Nazar Sharif Qodir Mirzo Davlat Hakim Jalol Safar Qurbon Ashur".split()

KG_F = """Aizada Gulzat Cholpon Aida Begimai Jyldyz Kanykei Elmira Asel Aisuluu Nazgul Meerim
Aijamal Burul Gulmira Saltanat Zhazgul Aigul Nurgul Mairam Venera Baktygul""".split()
KG_M = """Aibek Bakyt Nurlan Azamat Ermek Talant Kubanychbek Almazbek Taalaibek Emil Bolot Mirlan
Ulan Tilek Kanat Daniyar Marat Adilet Zhyrgalbek Nurbek Erlan Bektur Chyngyz""".split()
KG_SUR = """Toktogul Osmon Asan Mamyt Sadyk Abdyldaev Zhumabaev Usen Sydyk Beishenaliev Temir
Kasym Turdubaev Esenaliev Omurbek Alymkul Ibraim Karabaev Dzhumabek Musa Toktosun""".split()

KZ_F = """Aigerim Dana Aruzhan Madina Zhanar Gulnar Saule Ainur Dinara Asel Zhuldyz Aliya Kamila
Akmaral Bota Togzhan Aizhan Laura Moldir Gaukhar Dariga Zhansaya""".split()
KZ_M = """Nurlan Yerlan Askar Daniyar Serik Arman Bauyrzhan Yerzhan Marat Timur Aibek Dauren
Zhanibek Kairat Talgat Yerbol Almas Azamat Kanat Berik Nurbolat Samat""".split()
KZ_SUR = """Serikbayev Zhumabayev Akhmetov Bekov Nurlanov Tulegenov Sarsenbayev Abenov Omarov
Kassymov Iskakov Baimukhanov Yesenov Dzhaksybekov Kenzhebekov Mukhametov Zhakupov Utegenov
Suleimenov Temirbekov Abdrakhmanov Sadykov""".split()

KOR_SUR = "Pak Kim Li Tsoy Ten Nam Khan Kan Shin Ogay".split()  # Koryo-saram surnames (hand-written)

# names that are also ordinary words (flower, spring, hope, faith...) - used on purpose
WORDLIKE = {"Lola", "Bahor", "Nilufar", "Oydin", "Umid", "Umida", "Zafar", "Erkin", "Vera",
            "Roza", "Sitora", "Bota", "Laura", "Venera"}

# spelling variants seen in transcripts (hand-written)
SPELLING_PAIRS = {"Gulnora": "Gulnara", "Nodira": "Nadira", "Feruza": "Firuza", "Zulfiya": "Zulfia",
                  "Mohira": "Mokhira", "Shahnoza": "Shakhnoza",
                  "Xurshida": "Khurshida", "Dilorom": "Dilarom", "Gulchehra": "Gulchekhra",
                  "Farrux": "Farrukh", "Baxtiyor": "Bakhtiyor", "Yusup": "Yusuf", "Ravshan": "Rovshan",
                  "Manizha": "Manija", "Farangis": "Farangiz", "Aigerim": "Aygerim", "Zhanar": "Janar",
                  "Jyldyz": "Dzhyldyz", "Asel": "Assel", "Cholpon": "Chulpan", "Madina": "Medina", "Sardor": "Sardar"}

# ---------------------------------------------------------------------------
# Places.  Sub-regional ones (gold PLACE) and region-level ones (never gold).
# ---------------------------------------------------------------------------
DISTRICTS = {
    "uz": """Zomin Zarbdor G'allaorol Baxmal Forish Arnasoy Do'stlik Mirzacho'l Paxtakor Chust Pop
Uychi Kosonsoy To'raqo'rg'on Chortoq Yangiqo'rg'on Mingbuloq Norin Yangiyo'l Chinoz Bo'ka Parkent
Ohangaron Zangiota Qibray Piskent Oqqo'rg'on Urgut Pastdarg'om Ishtixon Chilonzor Yunusobod
Sergeli Yashnobod""".split(),
    "tj": "Vose Rasht Spitamen Asht Isfara Panjakent Farkhor Shahrinav Hisor Rudaki Varzob Muminobod Danghara Jaloliddin-Balkhi Kanibadam Mastchoh".split(),
    "kg": "Kara-Suu Nookat Aravan Uzgen Kadamjai Alai Bazar-Korgon Suzak Ak-Talaa Kemin Issyk-Ata Sokuluk Alamudun Chatkal".split(),
    "kz": "Sairam Tolebi Kazygurt Maktaaral Sozak Baidibek Ordabasy Enbekshikazakh Talgar Karasai Zhetysai Saryagash".split(),
}
COMMUNITIES = {  # makhalla / jamoat / aiyl / auyl names
    "uz": ["Navbahor", "Navro'z", "Guliston", "Do'stlik", "Yangi hayot", "Bog'bon", "Mustaqillik",
           "Istiqlol", "Tinchlik", "Obod", "Oqtepa", "Qo'rg'oncha", "Ko'kterak", "Bunyodkor", "Ittifoq",
           "Ziyokor", "Nurafshon", "Oltin vodiy", "Yangiobod", "Chinor", "Gulzor", "Bog'ishamol",
           "Yoshlik", "Sohibkor"],
    "tj": "Navobod Guliston Chorbog Sarband Dusti Istiqlol Zarafshon Obshoron Navkoram Somoniyon".split(),
    "kg": "Papan Kyzyl-Kyshtak Zhany-Aryk Kashkar-Kyshtak Ak-Terek Mady Kurshab Tepe-Korgon Zhanyzhol Kyzyl-Bairak".split(),
    "kz": "Aksukent Kaskasu Shayan Kazygurt Karabulak Kyzylzhar Koksaray Tortkol Zhibek-Zholy Sholakkorgan".split(),
}
VILLAGES = {
    "uz": "Uchtepa Qoraqamish Sayram Oqsoy Ko'ksaroy Chimqo'rg'on Qo'shtepa Yangiariq Olmazor Tepaqo'rg'on Qizilqiya Beshbuloq Toshloq Karvon".split(),
    "tj": "Chorkuh Vorukh Samarqandi Khojai Alo Ovchi Kalacha Kulkand Navgilem Somoniyon Sharora".split(),
    "kg": "Kyzyl-Kiya Gulcha Kochkor-Ata Kara-Darya Ak-Tash Zhalal-Kuduk Toolos Boston Kyzyl-Too".split(),
    "kz": "Kaskasu Shayan Turbat Kentau Sastobe Zhuldyz Karamurt Manankent Yntymak".split(),
}
STREETS = {
    "uz": ["Amir Temur", "Mustaqillik", "Navoiy", "Bunyodkor", "Bog'bon", "Yoshlik", "Ipak yo'li",
           "Bobur", "Paxtakor", "Olmazor", "Istiqlol", "Guliston", "Do'stlik", "Ulug'bek", "Mirzo Ulug'bek"],
    "tj": ["Rudaki", "Ismoili Somoni", "Firdavsi", "Lohuti", "Sino", "Bokhtar", "Nissor Muhammad", "Ayni"],
    "kg": ["Lenin", "Kurmanjan Datka", "Masaliev", "Toktogul", "Zhibek-Zholu", "Navoi", "Alymbek Datka"],
    "kz": ["Abay", "Tole bi", "Baitursynov", "Kazybek bi", "Zheltoksan", "Auezov", "Tauke khan"],
}
RU_STREETS = ["Ленина", "Гагарина", "Советская", "Мира", "Садовая", "Школьная", "Лесная", "Заводская"]
BAZAARS = {"uz": ["Oqtepa", "Siyob", "Dehqonobod", "Eski shahar", "Yangi bozor", "Jome"],
           "tj": ["Korvon", "Mehrgon", "Panjshanbe", "Shohmansur"],
           "kg": ["Kara-Suu", "Jayma", "Dordoi", "Madina"],
           "kz": ["Samal", "Ordabasy", "Tulpar", "Asyl"]}
REGIONS = {  # region-level: NEVER gold
    "uz": ["Tashkent", "Jizzakh", "Namangan", "Samarkand", "Fergana", "Andijan", "Bukhara", "Kashkadarya",
           "Surkhandarya", "Khorezm", "Navoi", "Syrdarya", "Karakalpakstan"],
    "tj": ["Sughd", "Khatlon", "Dushanbe", "Khujand"],
    "kg": ["Osh", "Jalal-Abad", "Batken", "Chui", "Bishkek", "Naryn", "Talas"],
    "kz": ["Turkestan region", "Almaty", "Astana", "Shymkent", "Zhambyl region"],
}
CAPITAL = {"uz": "Tashkent", "tj": "Dushanbe", "kg": "Bishkek", "kz": "Astana"}
NATION = {"uz": "Uzbekistan", "tj": "Tajikistan", "kg": "Kyrgyzstan", "kz": "Kazakhstan"}
LANGUAGE = {"uz": "Uzbek", "tj": "Tajik", "kg": "Kyrgyz", "kz": "Kazakh"}
DESTS = ["Russia", "Russia", "Russia", "Kazakhstan", "Turkey", "South Korea", "the Emirates", "Poland"]
RUCITIES = ["Moscow", "Moscow", "St Petersburg", "the Moscow region"]
CURRENCY = {"uz": "soums", "tj": "somoni", "kg": "som", "kz": "tenge"}
ORG_W1 = ["Barakat", "Oltin Vodiy", "Zarafshon", "Nur", "Ishonch", "Sifat", "Mehnat", "Yangi Avlod",
          "Samo", "Orient", "Vostok", "Ruslan", "Sever", "Baraka", "Ipak", "Umid", "Kamalak", "Ak-Nur",
          "Tulpar", "Asyl", "Somon", "Navruz", "Bereke"]
ORG_W2 = ["Tekstil", "Qurilish", "Servis", "Agro", "Trans", "Invest", "Stroy", "Savdo", "Plast",
          "Group", "Logistic", "Tikuv", "Food", "Med"]

NUMWORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "fifteen sixteen seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def num_words(n):
    if n < 20:
        return NUMWORDS[n]
    t, u = divmod(n, 10)
    return TENS[t] + ("" if u == 0 else "-" + NUMWORDS[u])


# ---------------------------------------------------------------------------
# Transliteration helpers
# ---------------------------------------------------------------------------
LAT2CYR_MULTI = [("o'", "у"), ("O'", "У"), ("g'", "г"), ("G'", "Г"), ("sh", "ш"), ("Sh", "Ш"),
                 ("ch", "ч"), ("Ch", "Ч"), ("kh", "х"), ("Kh", "Х"), ("zh", "ж"), ("Zh", "Ж"),
                 ("yo", "ё"), ("Yo", "Ё"), ("yu", "ю"), ("Yu", "Ю"), ("ya", "я"), ("Ya", "Я"),
                 ("ye", "е"), ("Ye", "Е"), ("ts", "ц")]
LAT2CYR = dict(zip("abdefghijklmnopqrstuvxyzABDEFGHIJKLMNOPQRSTUVXYZ",
                   "абдефгхижклмнопкрстувхйзАБДЭФГХИЖКЛМНОПКРСТУВХЙЗ", strict=True))


def to_cyr(s):
    # Russian-style soft l in the common Gul- prefix: Gulnora -> Гульнора
    s = re.sub(r"^Gul(?=[bcdfghjkmnpqrstvxz])", "Gulь", s)
    out, i = [], 0
    while i < len(s):
        for a, b in LAT2CYR_MULTI:
            if s.startswith(a, i):
                out.append(b)
                i += len(a)
                break
        else:
            ch = s[i]
            if ch == "'":
                pass
            elif ch == "e" and (i == 0 or not s[i - 1].isalpha()):
                out.append("э")
            elif ch == "E":
                out.append("Э")
            elif (ch == "i" and i > 0 and s[i - 1] in "aeAE" and s[:i + 2] not in ("Aid", "Said")
                  and (i + 1 == len(s) or s[i + 1] in "bcdfghjklmnpqrstvxz ")):
                out.append("й")  # Aigerim -> Айгерим, Begimai -> Бегимай (but Aida -> Аида, Saidov -> Саидов)
            elif ch == "y" and i > 0 and s[i - 1].lower() in "bcdfghjklmnpqrstvxz":
                out.append("ы")  # Zhuldyz -> Жулдыз (after a vowel y stays й: Oybek -> Ойбек)
            else:
                out.append(LAT2CYR.get(ch, ch))
            i += 1
    return "".join(out)


CYR2LAT = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
           "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
           "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
           "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya"}


def ru_to_lat(s):
    out = []
    for ch in s:
        low = ch.lower()
        if low in CYR2LAT:
            t = CYR2LAT[low]
            out.append(t.capitalize() if ch != low else t)
        else:
            out.append(ch)
    return "".join(out)


def ru_style(s):
    """Russian-style transliteration of an Uzbek Latin name: O'tkir->Utkir, Qodirov->Kodirov,
    Xolmatov->Kholmatov, Rahimova->Rakhimova."""
    s = re.sub(r"o'", "u", s)
    s = re.sub(r"O'", "U", s)
    s = re.sub(r"([gG])'", r"\1", s)
    s = s.replace("q", "k").replace("Q", "K")
    s = re.sub(r"(?<![sSzZcCkK])h", "kh", s)
    s = re.sub(r"^H", "Kh", s)
    s = re.sub(r"(?<= )H", "Kh", s)
    s = s.replace("x", "kh").replace("X", "Kh")
    s = s.replace("'", "")
    s = s.replace("yev", "ev")
    return s


APOS_STYLES = ["'", "ʻ", "‘", "’", "`"]
APOS_WEIGHTS = [45, 25, 15, 10, 5]


def apos(s, style):
    if "'" not in s:
        return s
    s = re.sub(r"(?<=[oOgG])'", style, s)  # o' g' letters
    tutuq = "ʼ" if style == "ʻ" else style  # tutuq belgisi: Ma'mura, Ne'mat
    return s.replace("'", tutuq)


def luhn_complete(prefix, length, rng):
    digits = [int(c) for c in prefix] + [rng.randrange(10) for _ in range(length - len(prefix) - 1)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    digits.append((10 - total % 10) % 10)
    return "".join(map(str, digits))


# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------
class Person:
    def __init__(self, kind, gender, given, surname, father, age, role, cyr_given=None,
                 cyr_surname=None, cyr_middle=None):
        self.kind, self.gender, self.given, self.surname = kind, gender, given, surname
        self.father, self.age, self.role = father, age, role
        self.cyr_given, self.cyr_surname, self.cyr_middle = cyr_given, cyr_surname, cyr_middle

    def key(self):
        return (self.given, self.surname)


def feminize(sur):
    if sur.endswith(("ov", "ev")):
        return sur + "a"
    if sur.endswith(("zoda", "iy", "uulu")) or sur in KOR_SUR:
        return sur
    return sur


class NameFactory:
    def __init__(self, rng):
        self.rng = rng
        self.fk_uz = Faker("uz_UZ")
        self.fk_ru = Faker("ru_RU")
        self.fk_uz.seed_instance(SEED)
        self.fk_ru.seed_instance(SEED + 1)

    @staticmethod
    def _clean(s):
        return s.replace("’", "'").replace("‘", "'")

    def uz_surname(self, gender):
        r = self.rng.random()
        if r < 0.70:
            root = self.rng.choice(UZ_SUR)
            sur = root + ("yev" if root[-1] in "aeiouy" else "ov")
        elif r < 0.90:
            sur = self._clean(self.fk_uz.last_name_male())
        else:
            return self.rng.choice(UZ_SUR_IY)
        return feminize(sur) if gender == "F" else sur

    def make(self, kind, gender, role):
        rng = self.rng
        age = {"child": rng.randint(3, 17), "young": rng.randint(16, 29), "old": rng.randint(60, 84),
               "official": rng.randint(32, 62)}.get(role, rng.randint(22, 58))
        father_pool = UZ_M
        cg = cs = cm = None
        if kind == "uz":
            if role in ("child", "young") and rng.random() < 0.7:
                given = self._clean(self.fk_uz.first_name_female() if gender == "F" else self.fk_uz.first_name_male())
            else:
                given = rng.choice(UZ_F if gender == "F" else UZ_M)
            sur = self.uz_surname(gender)
        elif kind == "tj":
            given = rng.choice(TJ_F if gender == "F" else TJ_M)
            father_pool = TJ_M
            r = rng.random()
            if r < 0.45:
                sur = rng.choice(TJ_ZODA) + "zoda"
            elif r < 0.92:
                root = rng.choice(TJ_SUR)
                sur = root if root.endswith(("ov", "ev")) else root + ("ev" if root[-1] in "aeiou" else "ov")
                sur = feminize(sur) if gender == "F" else sur
            else:
                sur = rng.choice(["Rahmoniy", "Sharifiy", "Nazariy", "Safariy"])
        elif kind == "kg":
            given = rng.choice(KG_F if gender == "F" else KG_M)
            father_pool = KG_M
            root = rng.choice(KG_SUR)
            sur = root if root.endswith(("ov", "ev")) else root + "ov"
            sur = feminize(sur) if gender == "F" else sur
        elif kind == "kz":
            given = rng.choice(KZ_F if gender == "F" else KZ_M)
            father_pool = KZ_M
            sur = rng.choice(KZ_SUR)
            sur = feminize(sur) if gender == "F" else sur
        elif kind == "kor":
            cg = self.fk_ru.first_name_female() if gender == "F" else self.fk_ru.first_name_male()
            given = ru_to_lat(cg)
            sur = rng.choice(KOR_SUR)
            cs = to_cyr(sur)
        else:  # ru
            if gender == "F":
                cg, cs, cm = self.fk_ru.first_name_female(), self.fk_ru.last_name_female(), self.fk_ru.middle_name_female()
            else:
                cg, cs, cm = self.fk_ru.first_name_male(), self.fk_ru.last_name_male(), self.fk_ru.middle_name_male()
            given, sur = ru_to_lat(cg), ru_to_lat(cs)
        father = rng.choice(father_pool)
        return Person(kind, gender, given, sur, father, age, role, cg, cs, cm)


# ---------------------------------------------------------------------------
# Templates.  Line format:  topic | countries | text
#   countries: * or a comma list of uz,tj,kg,kz
# Slots:
#   persons  {F1} {M2} {X1} (mentioned, non-participant), {PF1} {PM1} {PX1} (other participants),
#            {SELF} (speaker), {FAC} (facilitator).  Optional ~role (child young old official) on
#            the first use, optional .form:
#            given full sur poss ini aff addr addrgen patr uzpatr cyr cyrfull cyrpatr cyrgen
#            gen dat abl acc loc nikida nikiga lar (Uzbek glued case endings), tjacc (Tajik -ro)
#            age agew agewc ageyo ruage (AGE spans attached to that person)
#   places   {DISTRICT} {COMMUNITY} {VILLAGE} {STREET} {SCHOOL} {WORKPLACE} {ADDRESS} {ADDRESS_RU} {ORG} {ORG_RU}
#   contacts {PHONE} {PHONE_RU} {EMAIL} {EMAIL:F1} {URL} {URL:F1} {PASSPORT} {PINFL} {IDNUM} {CARD} {DOB}
#   not gold {REGION} {CAPITAL} {NATION} {LANG} {DEST} {RUCITY} {RUCITY_PREP} {MONEY} {YEAR} {DATE} {NUM} {CUR}
# ---------------------------------------------------------------------------
PARTICIPANT_TEMPLATES = r"""
wed|*|{F1.poss} wedding last autumn cost more than {MONEY}, and her father is still paying the debt.
wed|uz,tj|My neighbour {F1} took a bank credit just for the sarpo, the clothes and gifts for the groom's side.
wed|*|When {M1} married, his brother {M2} sent everything he earned in {RUCITY} for two years.
wed|uz,tj|"Without a proper to'y people will laugh at us," that is what {F1~old} told her son.
wed|*|{M1}, {M2} and {M3} all went to {DEST} after their weddings, to pay back the money.
wed|uz|The committee said no more than two hundred guests, but {F1.poss} family invited five hundred.
wed|*|I remember {PF1.addr} saying that the dowry list is longer than the bride's school certificate. [laughter]
wed|uz|The kelin of {F1~old.full} was only eighteen; she finished {SCHOOL} in spring and was married in autumn.
wed|*|{F1} sews dresses for weddings, and she told me some families order three dresses for one bride.
wed|uz|Everyone says "{F1.gen} to'yi zo'r bo'ldi", her wedding was great, but they are in debt now.
wed|*|My cousin {F1}, {F1.age}, still isn't married and her mother is ashamed to go to weddings.
wed|uz,tj|The deputy khokim promised to limit wedding costs, but {M1~official.sur} himself had six hundred guests.
wed|kg,kz|The deputy akim promised to limit wedding costs, but {M1~official.sur} himself had six hundred guests.
wed|*|They only did the nikoh, no registration, so when {M1} left for {RUCITY}, {F1} had no paper at all.
wed|*|{M1~official}, the imam in {COMMUNITY}, says a wedding should be modest, and people nod and do the opposite.
wed|*|The restaurant owner, {M1.full}, takes bookings for next year already.
wed|*|For my son {M1~young} we borrowed from everybody, even from {F1~old.addr}.
mig|*|<F>My husband {M1} has been in {RUCITY} for four years; he works on a construction site and calls on Fridays.
mig|*|{M1} went with a recruiter, and the company, {ORG}, kept his passport the whole season.
mig|*|From {VILLAGE} almost every second man is in {DEST} now.
mig|*|My son {M1~young} is {M1.age} and he already talks only about going to {RUCITY}.
mig|*|{F1.poss} husband was deported last year, and now he cannot enter Russia for five years.
mig|*|He sends money to my card, {CARD}, but the last three months nothing came.
mig|*|When {M1} got sick in {RUCITY}, the boys from {DISTRICT} collected money for his ticket.
mig|*|The recruiter's phone was {PHONE}; after the boys paid, it was switched off.
mig|*|My brother {M1} calls from {PHONE_RU}, you can see on the screen it's a Russian number.
mig|*|There is a channel, {URL}, where they post jobs in Russia, and half of them are fake.
mig|*|Women whose husbands are away, like {F1} and {F2}, live with the mother-in-law and have no say in anything.
mig|*|{PM1} knows better, he worked in {RUCITY} himself.
mig|*|{M1} came back from {RUCITY} in a coffin in {YEAR}, and his wife {F1} was left with three children.
mig|*|Everybody in {COMMUNITY} knows that {M1.sur} takes money to arrange the patent.
mig|*|<F>My husband's passport, {PASSPORT}, stayed with the employer, so he couldn't even come for his father's funeral.
mig|*|The patent number was {IDNUM}; I remember it because I paid for it every month.
mig|uz|His mother told me, "{M1.dat} ayt, pulni yuborsin", tell him to send the money.
mig|*|A {M1~young.ageyo} boy from {STREET}, {M1}, was beaten in {RUCITY} and nobody was punished.
mig|*|{M1.poss} employer in {RUCITY} was a man called {M2.full}; he paid half and then disappeared.
mig|*|{F1} went to {DEST} herself, to clean houses, and left the children with {F2~old.addr}.
mig|*|They said the ticket and the work permit would be arranged by {ORG}, for {MONEY}.
dv|*|My neighbour {F1} came to me at night with her children; her husband had beaten her again.
dv|*|{F1} told me, "If I go to the police, {M1} will kill me."
dv|*|We all know about {F1}; everyone hears it through the wall, but nobody says anything.
dv|uz,tj|{F1.poss} mother-in-law decides everything, even what the kelin eats.
dv|*|When {F1} went back to her parents, her father sent her back and said, "Be patient, this is a woman's fate."
dv|*|The woman lives at {ADDRESS}, the house with the blue gate, you can ask anyone.
dv|*|{F1}, {F1.age}, three children, and the husband drinks every day since he came back from {RUCITY}.
dv|*|The nurse at {WORKPLACE}, {F1}, says women come with bruises and say they fell.
dv|*|A {F1~young.ageyo} girl from {VILLAGE}, {F1}, tried to burn herself last year.
dv|uz|I went straight to the rais: "{M1.abl} so'rang", ask him what he did to his wife.
dv|uz|Her mother only says "{M1.acc} kechir", forgive him, and sends her back.
dv|uz|The neighbours just say "{F1.lar} uyida yana janjal", there is a fight in that house again.
dv|*|The lawyer, {F1~official.full}, sits at {ADDRESS} and helps women for free on Tuesdays.
dv|*|If someone needs her, the lawyer's number is {PHONE}.
dv|*|{F1.poss} brother {M1} said the family would be shamed if she got a divorce.
dv|*|Women like {F1} do not even know what a protection order is.
dv|*|My sister {F1} lives in {COMMUNITY}; her husband {M1} takes her phone so she can't call anyone.
dv|*|Last winter {F1} ran to the shelter in {CAPITAL}, and after a week {M1} came and took her home.
dv|*|The shelter's psychologist, {F1~official.addr}, told her, "You are not guilty of anything."
dv|*|I said to {F1}: "Write it down, every time, with the date."
dv|*|{M1.full} is a respected man, he sits in the mosque every Friday, and at home he beats his wife.
dv|*|{F1}'s daughter {F2~child}, only {F2.age}, saw everything and now she doesn't speak at school.
pol|*|The prevention inspector, {M1~official}, came once, wrote a paper, and left.
pol|*|Our inspector is {M1~official.full}; he is a good man, but he has eleven makhallas.
pol|*|When {F1} called 102, they said it was a family matter.
pol|*|The district police chief, {M1~official.patr}, told us at the meeting that there are no such cases in {DISTRICT}.
pol|*|{M1~official.addr} at least gives his number to everyone: {PHONE}.
pol|*|After {M1} was detained, his wife waited two days at the police station in {DISTRICT}.
pol|*|Young boys from {STREET} are stopped and their phones are checked every week.
pol|*|When they wrote the protocol, they wrote everything: {F1.full}, born {DOB:F1}, passport {PASSPORT}.
pol|uz|The inspector wrote "{F1.loc} hech qanday shikoyat yo'q", she has no complaint, and went away.
pol|*|{PX1} is right, the police only come when somebody is already in hospital.
pol|*|<F>My husband's cousin {M1~official.ini} works in the police, so people come to us for advice.
pol|*|The woman inspector, {F1~official}, is new; the women talk to her more easily.
mak|uz,tj|Our rais, {M1~official}, knows every family in {COMMUNITY}.
mak|uz|The women's activist, {F1~official.addr}, keeps the Ayollar daftari and she came to see {F2} three times.
mak|uz|{F1} was put in the Ayollar daftari, and she got a sewing machine from the khokimiyat.
mak|*|In {COMMUNITY} the meeting is every Thursday, in the room next to {SCHOOL}.
mak|uz,tj|The rais said to {F1.poss} father, "Take her back, don't shame the makhalla."
mak|*|The community group on Telegram, {URL}, has four hundred people; everything is posted there.
mak|uz,tj|If you have a problem you go to {F1~official.addr}, the women's activist; her phone is {PHONE}.
mak|uz|The youth leader, {M1~young}, organised football for the boys in {COMMUNITY}, and it helped.
mak|uz|In the form they wrote: name {F1.full}, date of birth {DOB:F1}, address {ADDRESS}.
mak|uz|For the Ayollar daftari they took my passport number, {PASSPORT}, and my PINFL, {PINFL}, and I still don't know why.
mak|uz|The new rais is {M1~official.uzpatr}; before that he taught at {SCHOOL}.
mak|uz|"{F1~old.nikida} yig'ilamiz," we say, we gather at her place, because she has the biggest courtyard.
mak|kg|Our aiyl okmotu head, {M1~official.uzpatr}, promised a new road to {VILLAGE}.
mak|kz|The akim of the rural district, {M1~official.uzpatr}, came only once, before the elections.
mak|kg,kz|The council of elders, the aksakals, called {M1} and his father-in-law {M2~old.addr} and made them talk.
ret|*|{F1} came back from Syria with three children in {YEAR}; the youngest doesn't speak {LANG}.
ret|*|Nobody wants to give work to {F1}, because everyone knows where she was.
ret|*|{F1.poss} husband died in Iraq, and now she lives with her parents in {VILLAGE}.
ret|*|My neighbour's son {M1~young} went to Turkey to work, and from there, they say, to Syria.
ret|*|When the women came back, the children had no documents, only a paper with the number {IDNUM}.
ret|*|The children of {F1} go to {SCHOOL}, and at first the other parents complained.
ret|*|{F1}, {F1.age}, came back from the camps in Syria; now she works at {WORKPLACE}.
ret|*|They say {M1~young} was recruited online, through {URL}, by a man who called himself {M2}.
ret|*|The psychologist, {F1~official.full}, comes from {CAPITAL} once a month to see them.
ret|*|At first people said, "Don't go near {F1.poss} house," but now the women visit her.
ret|*|{F1~old.addr} took her grandchildren from the camp; the boy, {M1~child}, is {M1.age} and goes to {SCHOOL} now.
ret|*|The returnees get a social worker; ours is {F1~official}, and her email is {EMAIL:F1}.
job|*|{M1~young} finished college and sells phone cards at {WORKPLACE} because there is nothing else.
job|*|My daughter works at {ORG}; they sew uniforms, forty dollars a week.
job|*|{F1} opened a small shop on {STREET}: groceries, top-ups, everything.
job|*|The only big employer is {ORG}, and you need to know somebody to get in.
job|*|{F1} sells dresses on Instagram, {URL:F1}, and everyone in {COMMUNITY} orders from her.
job|*|My son {M1~young}, {M1.age}, works at the brick kiln in {VILLAGE} for a hundred thousand a day.
job|*|{M1.full} from {DISTRICT} promised jobs in Korea and took money from twenty families.
job|*|You can write to the project at {EMAIL}; they answer in a week.
job|*|{F1.full} runs sewing courses for women at {WORKPLACE}; her email is {EMAIL:F1}.
job|*|{PF1} and I applied for the subsidy together, and only I got it. [laughs]
job|*|{M1} drives a taxi between {DISTRICT} and {CAPITAL}; his number is {PHONE}, everybody uses him.
job|*|There were thirty women at the job fair and {ORG} took only two, {F1} and {F2}.
job|*|<F>My husband {M1}, {M1.agew} years old, and no work since the factory closed.
leg|*|I didn't know about the protection order until {F1~official} explained it to us.
leg|*|The lawyer, {F1~official.ini}, says alimony is the child's right, but how do you get it when the husband is in {RUCITY}?
leg|*|{F1} went to court for alimony, and it took eleven months.
leg|uz,tj|When {F1.poss} husband divorced her by talaq, just three words, she didn't know she had any rights.
leg|*|The free legal clinic is at {ADDRESS}; {F1~official} works there on Mondays.
leg|*|{F1} got the house registered in her name only because {M1~official.addr} at the notary helped.
leg|*|If you want, you can send questions to {EMAIL}, that's the lawyer's address.
leg|*|They have a page, {URL}, with the laws in simple words, but who reads it?
leg|*|{F1~old.addr} signed papers she couldn't read and lost half of her land.
leg|*|When {F1} asked for the divorce certificate, the clerk said, "Bring your husband."
you|*|Boys from {SCHOOL} sit in the internet club until midnight.
you|*|{M1~young} from our street met some people online, and his mother found out too late.
you|*|My son {M1~child} is only {M1.age}, but he already has a phone and watches everything.
you|*|{F1~young} wanted to study in {CAPITAL}, but her father said no, she will marry.
you|*|{M1~young}, {M2~young} and {M3~young} play football behind {SCHOOL} every evening.
you|*|The girls from {SCHOOL} are afraid to walk along {STREET} after dark.
you|*|{F1~young.poss} page, {URL:F1}, was hacked and someone wrote to all her contacts.
you|*|<F>My daughter {F1~child}, she is {F1.agew}, asked me what "kelin" really means. [laughter]
you|*|The teacher, {F1~official.addr}, noticed that {M1~child} came to school with bruises.
ser|*|The water on {STREET} comes twice a week, at night.
ser|*|There is one kindergarten, {SCHOOL}, for three communities, and there is a queue.
ser|*|The gynaecologist at {WORKPLACE} comes only on Tuesdays.
ser|*|{F1.full}, the head doctor, said there is no money for a second doctor.
ser|*|The road from {VILLAGE} to the centre has no light at all.
ser|*|The electricity on {STREET} goes off exactly when the children do homework.
gen|*|{PF1} is right, it starts with money.
gen|*|Like {PX1} said, nobody talks about it openly.
gen|*|I agree with {PX1.addr}.
gen|*|{PX1}, you know this family better than me.
gen|*|{F1.full} from {COMMUNITY} can tell you more, she saw it herself.
gen|*|Ask {F1}, she knows everything that happens on our street.
gen|*|I want to add to what {PX1} was saying.
gen|*|"{F1.given}, don't tell anyone," her mother said, and that was the end of it.
gen|*|My aunt {F1~old.addr} always says, "What will people say?"
gen|*|In the WhatsApp group she writes her name in Russian letters, {F1.cyr}.
gen|*|The paper from the Russian court said {M1.cyrfull}, so nobody here could even read it.
gen|*|There was a case on {STREET}, near {SCHOOL}; I won't say the name.
gen|uz|{PF1.addrgen} gapi to'g'ri, she is right.
gen|*|{F1}, {F2}, {F3}: all of them went through this, and all of them kept silent.
gen|uz,tj|Even {M1~official.sur}, the deputy khokim, admitted it at the meeting.
gen|kg,kz|Even {M1~official.sur}, the deputy akim, admitted it at the meeting.
gen|*|{PX1.aff}, tell them what happened to your neighbour.
gen|*|{F1.aff} always helps, she is like a sister to everyone.
gen|*|Everyone in {DISTRICT} knows {M1.full}; you can't hide anything there.
gen|*|{SELF.given} is my name, I can say it, I am not afraid. [laughs]
gen|*|My grandmother {F1~old.addr} is {F1.agew} and she still remembers when it was different.
gen|*|Our family lives at {ADDRESS}, everybody knows the house.
gen|uz|As the old women say, "{F1.gen} boshiga tushgan", it fell on her head, poor thing.
dv|uz|Everybody in the makhalla knows about "{M1.gen} ichkilikbozligi", his drinking, but nobody says a word.
mak|uz|The rais told me, "{F1.dat} yordam beramiz", we will help her, and then nothing happened.
mig|uz|"{M1.abl} xabar yo'q," she says, there is no news from him for half a year.
wed|uz|The mother-in-law said "{F1.acc} olib kelinglar", bring her, and the girl was married within a week.
leg|uz|The lawyer said, "{F1.dat} aliment tayinlanadi", she will get alimony, but she never saw the money.
pol|uz|The inspector only wrote "{M1.acc} ogohlantirdim", I warned him, and went away.
ret|uz|People whisper "{F1.lar} Suriyadan qaytgan", they came back from Syria, and turn away.
gen|uz|On Fridays the women go {F1~old.nikiga}, to her house, for the osh.
job|uz|"{M1.abl} qarz oldim," my husband said, I borrowed from him, and now we pay interest.
dv|tj|Her father only says "{M1.tjacc} bubakhsh", forgive him, and sends her back.
gen|tj|"{F1.tjacc} dar bozor didam," I saw her at the bazaar, she looked very thin.
mig|tj|"{M1.tjacc} ba Rossiya firistodand," they sent him to Russia when he was seventeen.
mig|*|My sister-in-law's card, {CARD}, is the one he uses, because mine was blocked.
dv|*|She collected money for the lawyer through a card, {CARD}, and the neighbours helped.
job|*|{F1} takes orders and you pay to her card, {CARD}, before she sews anything.
ret|*|People sent money for {F1.poss} children to the card {CARD}; the rais announced it at the meeting.
gen|*|Scammers called {F1~old.addr} and asked for the numbers on her card, {CARD}, and she gave them.
leg|*|I wrote a complaint to {EMAIL} and nobody answered.
you|*|{F1~young} made a new e-mail, {EMAIL:F1}, so that her brothers wouldn't read her messages.
mig|*|The agency asked us to send the documents to {EMAIL}, and after that they disappeared.
mig|*|His ID card, {PASSPORT}, was kept by the police in {RUCITY} for a week.
ret|*|The new passports came, mine is {PASSPORT}, but the children's are still in process.
job|uz|For the subsidy you need the PINFL, mine is {PINFL}, and a paper from the makhalla.
leg|*|The clerk wrote {F1~old.poss} date of birth wrong, {DOB:F1} instead of the real one, and now she can't get her pension.
wed|*|{F1~young} was born {DOB:F1}; she was still a schoolgirl at the nikoh.
you|*|{M1~young.poss} date of birth, {DOB:M1}, was changed in the papers so that he could go to Russia earlier.
ret|*|{F1} rents a room at {ADDRESS} now, with her two children.
job|*|The sewing workshop is at {ADDRESS}, behind the bazaar.
gen|*|If anybody needs help, call me, {PHONE}, any time.
you|*|Strangers wrote to my daughter from {PHONE} and offered her work in {DEST}.
job|*|{M1} was a guard at {ORG} until they closed.
dv|*|She wrote everything on her page, {URL:F1}, and then the family made her delete it.
leg|*|The social worker, {F1~official.full}, gave us her number, {PHONE}, and her e-mail, {EMAIL:F1}.
mig|*|My son sends money through {ORG}, they take three percent.
leg|*|My passport says I was born {DOB:SELF}, but in the village they wrote any date, my real birthday is in spring.
"""

FILLER_TEMPLATES = r"""
wed|*|A wedding here costs like a house, {MONEY} at least.
wed|*|If you don't invite the whole street, they will talk about you for years.
wed|uz,tj|The sarpo, the gifts, the restaurant, the second day, the kelin salom, everything costs money.
wed|*|Girls of seventeen, eighteen are already married; the parents are afraid she will stay at home.
wed|*|In {YEAR} they made a rule about the number of guests, but nobody checks it.
wed|*|People take loans for weddings and then the son goes to {RUCITY} for three years.
wed|*|At Navro'z, at Ramazon, every holiday there are costs, but the wedding is the biggest.
mig|*|Without migration, honestly, half of the families here would not survive.
mig|*|In bahor, in spring, the men leave; in winter some of them come back.
mig|*|The money from {DEST} goes to the house, the wedding, the car, and nothing is left for business.
mig|*|When the husband is away for years, the wife is under the control of his family.
mig|*|The patent costs almost {MONEY} a month now, and the police still stop them.
mig|*|Some men make a second family there and stop sending anything.
mig|*|They go at nineteen, twenty, and come back at forty with nothing and with bad health.
dv|*|Nobody says it out loud, but the bigger danger is inside the house.
dv|*|The woman is always told to be patient, to think of the children.
dv|*|If she goes to the police, the whole family will say she shamed them.
dv|*|There is the 1146 hotline, but in the villages nobody knows the number.
dv|*|The protection order is for thirty days, and the court can extend it.
dv|*|She has nowhere to go: her parents will not take her back with the children.
dv|*|A divorced woman here is, how to say, like a stain on the family.
pol|*|The police come, they talk to the husband, they write a paper, they leave.
pol|*|People don't trust the police; they go to the makhalla first, or to the elders.
pol|*|The inspector has too many families, he cannot know everything.
pol|*|Since {YEAR} it is a bit better, there is the women's inspector now.
pol|*|The number 102 works, but they come after two hours.
pol|*|The last meeting with the inspector was on {DATE}, and since then nothing has changed.
mig|*|Many boys drive for Yandex Taxi in Moscow or work in the Wildberries warehouses.
leg|*|The new rules came into force on {DATE}, but nobody explained them to us.
mak|uz,tj|The makhalla committee knows everything, but it doesn't always act.
mak|kg,kz|The aksakals' court can talk to the family, but it has no real power.
mak|*|Our community office has no heating in winter, so meetings are short. [laughter]
mak|*|The women's notebook helped some families with money and with work.
mak|*|Decisions are made by the men; women sit separately and listen.
ret|*|People are afraid of them at first, they think they will bring something bad.
ret|*|The children are not guilty; they didn't choose to go there.
ret|*|The state helped with documents and with some money, but work is the big problem.
ret|*|There is a rehabilitation centre, but the women don't want to be seen going there.
job|*|There is no work here except the bazaar and the fields.
job|*|The cotton season is a month and a half, and then again nothing.
job|*|Women could sew or bake at home, but you need a start, some money.
job|*|<F>My husband earns maybe {MONEY} a month, and the rent alone is half of that.
job|*|The young ones don't want to work for that salary, and I understand them.
leg|*|Most women don't know that the house should be registered in both names.
leg|*|Alimony exists on paper; getting it is another story.
leg|*|The free lawyers come once a month, and there is a line of fifty people.
leg|*|The law on protection of women from harassment and violence came in {YEAR}.
you|*|The youth sit on their phones all day; they see Dubai and want the same life.
you|*|Recruiters look for boys who have no work and feel nobody needs them.
you|*|Girls are told to stay at home after the ninth grade.
ser|*|The water comes twice a week, at night, and we stay up to fill the tanks.
ser|*|One gynaecologist for the whole district, can you imagine?
ser|*|The bus to the centre runs until six; after that you walk in the dark.
gen|*|That's true, that's true. [crosstalk]
gen|*|I don't know how to say it. [pause] It is complicated.
gen|*|Everything starts from money, honestly.
gen|*|It is connected, one thing leads to another.
gen|*|Yes, exactly, I wanted to say the same.
gen|*|Well... [pause] maybe in other places it is different, but here it is like this.
gen|*|People here are good, but they are tired.
gen|*|Twenty, thirty years ago it was not like this.
gen|*|We have {NUM} families on our street and I know all of them.
gen|*|In {REGION} it is the same, my sister says.
gen|*|[inaudible] ... that is what I wanted to say.
gen|*|Sorry, sorry, I'll be short.
"""

MOD_QUESTIONS = r"""
wed|*|Let's talk about weddings. How much does a wedding cost here, and who pays?
wed|*|Do wedding costs cause conflicts in families?
wed|*|At what age do girls get married here, and who decides?
mig|*|Many men go abroad for work. How does that affect the families who stay?
mig|*|What happens to the wives of migrants while the husbands are away?
mig|*|How do people find work in Russia? Through whom?
dv|*|Where do women feel unsafe: at home, on the street, online?
dv|*|If a woman is beaten at home, where can she go? Who helps?
dv|*|Can you say more about that? Without names, please.
pol|*|How do people see the police here? Do they trust the inspector?
pol|*|What happens when somebody calls the police about a family conflict?
mak|uz,tj|What does the makhalla committee do in such cases?
mak|kg,kz|What do the local council and the elders do in such cases?
mak|*|Who solves conflicts in your community: the committee, the elders, the police?
ret|*|Some families have relatives who came back from Syria or Iraq. How does the community treat them?
ret|*|What would help the returnees to live normally again?
job|*|What about work? What do young people do here after school?
job|*|What kind of work can women find here?
leg|*|Do people know their rights, for example about divorce, alimony, property?
leg|*|Who do you go to for legal advice?
you|*|What are the problems of young people here?
you|*|Let's talk about the internet and phones. Is that a risk for young people?
ser|*|What are the main problems of daily life here: water, electricity, roads?
gen|*|What else? Anybody?
gen|*|Does anyone see it differently?
gen|*|Let's hold that, I want to come back to it. {PX1}, you wanted to say something?
gen|*|{PX1.addr}, what do you think?
gen|*|Thank you, {PX1}. Who else?
gen|*|So the problem is connected with money. What can be done about it?
gen|*|Okay. And what has changed in the last two or three years?
gen|*|{PX1}, you mentioned your neighbour earlier. Can you say more, without names?
"""

INTRO_TEMPLATES = r"""
F|adult|*|I'm {SELF.given}, {SELF.full}. {SELF.agewc}. I have three children, I'm at home, sometimes I sew for people.
*|*|*|My name is {SELF.full}, I am {SELF.agew}, I work at {WORKPLACE}.
*|adult|*|{SELF.full}, {SELF.age}. I sell clothes at {WORKPLACE}.
*|*|*|I am {SELF.given}. I live on {STREET}, near {SCHOOL}.
F|adult|*|{SELF.given}. I'm from {VILLAGE}, I have four children and my husband is in {DEST}.
F|young|*|I am {SELF.given}, {SELF.agew}. I worked in the kindergarten before, now I'm at home with my second.
*|old|*|{SELF.full}. I'm {SELF.agew}, the oldest here I think. I taught at {SCHOOL} for twenty-two years.
M|adult|*|My name is {SELF.given}, I'm {SELF.age}, I drive a taxi, and I worked in {RUCITY} for six years.
*|adult|*|{SELF.given}, {SELF.given} {SELF.sur}. I work at {ORG}, in the office.
F|adult|uz,tj|Assalomu alaykum. I'm {SELF.given}, I'm the women's activist in {COMMUNITY}.
*|adult|*|I am {SELF.full}, I have a small shop on {STREET}, groceries and phone top-ups.
F|*|*|{SELF.given}. Just {SELF.given}. I'm a housewife.
*|young|*|Hello, I'm {SELF.given}, I study at college, I'm {SELF.agew}.
M|young|*|I'm {SELF.given}, {SELF.age}. I came back from {RUCITY} last year, now I help my father in the fields.
M|old|*|{SELF.full}. I am a pensioner, {SELF.agew}, I sit in the council of elders.
M|adult|*|{SELF.given} {SELF.sur}, from {VILLAGE}. I'm a builder, when there is work.
*|*|*|I'm {SELF.given}. I live in {COMMUNITY}, I was born here.
F|old|*|I'm {SELF.given}, I'm {SELF.agew}, I have eleven grandchildren, thank God.
"""

OPENINGS = r"""
Assalomu alaykum, welcome, everyone. Thank you for coming, I know it's a busy time. My name is {FAC.full}, I work with the community security working group. Today we want to hear about safety in your community: what worries you, what helps. There are no right or wrong answers. Names will be taken out before anyone reads this.
Good afternoon and thank you for coming. I am {FAC.given}, and this is {F1}, she will take notes. We are recording only so that we don't lose your words.
Welcome, everyone. As you know, we are from the working group for the district. We want to talk about what makes life safe or unsafe here. Please speak freely, there are no right or wrong answers.
Assalomu alaykum. Thank you for coming out in this heat. My name is {FAC.full}. We will talk for about an hour. Everything stays confidential.
Hello, everyone. Let's begin. The discussion is about security in your community, about families, work, the police. Speak {LANG} or Russian, as you like.
Thank you all for coming. I'm {FAC.given} {FAC.sur}, from the project. Today's topic is community safety. Who would like to start?
"""

CLOSINGS = r"""
Thank you very much, everyone. This was very useful. If you want to add something later, you can call me.
We are almost out of time. Thank you for being so open. Names will be removed from the transcript.
Thank you. Last question: if you had one wish for your community, what would it be?
Okay, let's stop here. Thank you, and please take some tea before you go.
"""

RUSSIAN_TEMPLATES = r"""
Вот, например, у моей соседки, {F1.cyr}, муж уже третий год в {RUCITY_PREP}, денег не присылает.
{M1.cyrfull} работает на стройке, ему {M1.ruage}, а он уже весь больной.
Его телефон {PHONE_RU}, можете записать, он всем помогает с патентом.
Участковый, {M1~official.cyrpatr}, сказал: «Это семейное дело, разбирайтесь сами».
Она живёт по адресу {ADDRESS_RU}, там все знают.
Он работает в {ORG_RU}, на складе, без договора.
Я ей сказала: «{F1.cyr}, не терпи, иди в милицию».
У {F1.cyrgen} трое детей, а помощи никакой.
Мне звонила {F1.cyrfull}, сказала, что её муж вернулся из Сирии.
{M1.cyr} говорит, что в {RUCITY_PREP} без патента вообще нельзя выйти на улицу.
Денег нет, работы нет, вот и уезжают все в Россию.
Свадьба стоит очень дорого, а потом сын на три года уезжает на заработки.
Паспорт у него забрали, номер {PASSPORT}, до сих пор не вернули.
Адвокат, {F1~official.cyrfull}, принимает по вторникам, бесплатно.
В анкете записали: {F1.cyrfull}, {DOB:F1} г.р., и номер телефона.
Честно говоря, женщины боятся говорить, потому что потом будет хуже.
"""


def parse_templates(block, with_topic=True):
    out = []
    for line in block.strip().splitlines():
        line = line.strip()
        if not line:
            continue
        if with_topic:
            topic, countries, text = line.split("|", 2)
            out.append((topic, None if countries == "*" else countries.split(","), text))
        else:
            countries, text = line.split("|", 1)
            out.append((None, None if countries == "*" else countries.split(","), text))
    return out


PART_T = parse_templates(PARTICIPANT_TEMPLATES)
FILL_T = parse_templates(FILLER_TEMPLATES)
MODQ_T = parse_templates(MOD_QUESTIONS)
INTRO_T = [tuple(ln.strip().split("|", 3)) for ln in INTRO_TEMPLATES.strip().splitlines() if ln.strip()]
OPEN_T = [ln.strip() for ln in OPENINGS.strip().splitlines() if ln.strip()]
CLOSE_T = [ln.strip() for ln in CLOSINGS.strip().splitlines() if ln.strip()]
RU_T = [ln.strip() for ln in RUSSIAN_TEMPLATES.strip().splitlines() if ln.strip()]
RARE_LABELS = ["PHONE", "EMAIL", "URL", "ID", "CARD", "DOB", "ADDRESS", "ORG"]
RARE_SLOT_RE = {"PHONE": re.compile(r"\{PHONE"), "EMAIL": re.compile(r"\{EMAIL"), "URL": re.compile(r"\{URL"),
                "ID": re.compile(r"\{(PASSPORT|PINFL|IDNUM)"), "CARD": re.compile(r"\{CARD"),
                "DOB": re.compile(r"\{DOB"), "ADDRESS": re.compile(r"\{ADDRESS"), "ORG": re.compile(r"\{ORG")}
_ANY_RARE = re.compile(r"\{(PHONE|EMAIL|URL|PASSPORT|PINFL|IDNUM|CARD|DOB|ADDRESS|ORG)")
PART_PLAIN = [t for t in PART_T if not _ANY_RARE.search(t[2])]
TOPICS = ["wed", "mig", "dv", "pol", "mak", "ret", "job", "leg", "you", "ser"]

SLOT_RE = re.compile(r"\{([^{}]+)\}")
PERSON_REF_RE = re.compile(r"^(?P<ref>P?[FMX]\d|SELF|FAC)(?:~(?P<role>\w+))?(?:\.(?P<form>\w+))?$")


class TemplateReject(Exception):
    pass


# ---------------------------------------------------------------------------
# Transcript generator
# ---------------------------------------------------------------------------
class Doc:
    def __init__(self, idx, rng, names):
        self.idx, self.rng, self.names = idx, rng, names
        r = rng.random()
        self.country = "uz" if r < 0.55 else "tj" if r < 0.70 else "kg" if r < 0.85 else "kz"
        self.convention = "uz" if rng.random() < 0.6 else "ru"  # transliteration habit of the transcriber
        self.apos = rng.choices(APOS_STYLES, APOS_WEIGHTS)[0]
        g = rng.random()
        self.group = "women" if g < 0.45 else "men" if g < 0.75 else "youth"
        m = idx % 3
        self.label_mode = ["named", "neutral", "mixed"][m]
        self.russian = False
        self.mentioned = []
        self.turns = []  # list of (speaker_frags, text_frags)
        self.used_templates = set()
        self.verbosity = rng.choice([[45, 35, 15, 5, 0, 0], [25, 40, 25, 10, 0, 0], [10, 30, 35, 25, 0, 0],
                                     [0, 5, 20, 30, 25, 20]])

    # -- people -------------------------------------------------------------
    def person_kind(self):
        r = self.rng.random()
        c = self.country
        if r < 0.05:
            return "ru"
        if r < 0.08 and c in ("uz", "kz", "kg"):
            return "kor"
        if r < 0.22 and c != "uz":
            return "uz"  # Uzbek minority in Sughd, Osh, Turkestan
        return c

    def new_person(self, gender, role, taken, kind=None):
        cast = [q.given for q in getattr(self, "participants", [])]
        if getattr(self, "facilitator", None):
            cast.append(self.facilitator.given)
        for _ in range(100):
            p = self.names.make(kind or self.person_kind(), gender, role)
            if p.key() not in taken and p.given not in cast:
                return p
        raise RuntimeError("could not make a unique person")

    def all_keys(self):
        keys = {p.key() for p in self.mentioned}
        keys |= {p.key() for p in self.participants}
        if self.facilitator:
            keys.add(self.facilitator.key())
        return keys

    def mentioned_person(self, gender, role, exclude):
        pool = [p for p in self.mentioned if p.gender == gender and p not in exclude
                and (role is None or p.role == role)]
        if pool and self.rng.random() < 0.35:
            return self.rng.choice(pool)
        p = self.new_person(gender, role or "adult", self.all_keys())
        self.mentioned.append(p)
        return p

    # -- rendering of names ----------------------------------------------------
    def style(self, s, kind):
        if kind == "uz":
            conv = self.convention if self.rng.random() > 0.08 else ("ru" if self.convention == "uz" else "uz")
            if conv == "ru":
                s = ru_style(s)
        if self.rng.random() < 0.08:
            for a, b in SPELLING_PAIRS.items():
                if a in s:
                    s = s.replace(a, b)
                    break
        style = self.apos if self.rng.random() > 0.1 else self.rng.choice(APOS_STYLES)
        return apos(s, style)

    def given(self, p):
        return self.style(p.given, p.kind)

    def full(self, p):
        if p.kind in ("uz", "tj") and self.rng.random() < 0.1:
            return self.style(p.surname + " " + p.given, p.kind)  # official order
        return self.style(p.given + " " + p.surname, p.kind)

    def patronymic(self, p):
        if p.kind == "ru":
            return ru_to_lat(p.cyr_middle)
        f = p.father
        base = f + ("yev" if f[-1] in "aeiou" else "ov")
        return base + ("ich" if p.gender == "M" else "na")

    def addr_term(self, p):
        c, g, role = p.kind, p.gender, p.role
        if c in ("ru", "kor"):
            return None
        if c in ("uz", "tj"):
            if role == "old":
                return "buvi" if g == "F" else self.rng.choice(["bobo", "ota"])
            if role == "official" and self.rng.random() < 0.4:
                return "domla"
            if role in ("child", "young") and g == "M":
                return "uka"
            if g == "F":
                return self.rng.choice(["opa", "opa", "xola"] if c == "uz" else ["opa", "apa"])
            return "aka"
        if c == "kg":
            if role == "old":
                return "apa" if g == "F" else "ata"
            return "eje" if g == "F" else "baike"
        if role == "old":
            return "apa" if g == "F" else "ata"
        return "apai" if g == "F" else "aga"

    def person_frags(self, p, form):
        """Return fragments [(text, label_or_None), ...] for a person in a given form."""
        rng = self.rng
        if form in (None, "any"):
            opts = ["given"] * 45 + ["full"] * 14 + ["addr"] * 12 + ["aff"] * 8 + ["sur"] * 5 + \
                ["ini"] * 3 + ["patr"] * (4 if p.role == "official" else 1) + ["uzpatr"] * 2
            if p.role == "official":
                opts += ["full"] * 10 + ["sur"] * 5 + ["addr"] * 6
            if p.role == "child":
                opts = ["given"] * 8 + ["aff"] * 2
            form = rng.choice(opts)
        P = "PERSON"
        if form == "given":
            return [(self.given(p), P)]
        if form == "full":
            return [(self.full(p), P)]
        if form == "sur":
            return [(self.style(p.surname, p.kind), P)]
        if form == "poss":
            name = self.full(p) if rng.random() < 0.2 else self.given(p)
            return [(name, P), ("'s", None)]
        if form == "ini":
            g, s = self.style(p.given, p.kind), self.style(p.surname, p.kind)
            g0 = g[0] if not g.startswith(("Sh", "Ch", "Kh", "Zh")) else g[:2]
            return [(rng.choice([f"{g0}. {s}", f"{s} {g0}.", f"{s} {g0}.{self.style(p.father, p.kind)[0]}."]), P)]
        if form == "aff":
            if p.kind in ("uz", "tj"):
                if p.gender == "F":
                    suf = rng.choice(["jon", "xon"]) if p.kind == "uz" else "jon"
                else:
                    suf = rng.choice(["jon", "bek"]) if not p.given.endswith("bek") else "jon"
                    if p.kind == "tj" or p.given.endswith("jon"):
                        suf = "jon" if not p.given.endswith("jon") else ""
                s = self.given(p) + suf
                if self.convention == "ru":
                    s = s.replace("xon", "khon")
                return [(s, P)]
            return [(self.given(p), P)]
        if form in ("addr", "addrgen"):
            term = self.addr_term(p)
            if term is None:
                return [(self.given(p), P)] if form == "addr" else [(self.given(p), P), (" xonimning", None)]
            if form == "addrgen":
                return [(self.given(p), P), (" " + term + "ning", None)]
            return [(self.given(p), P), (" " + term, None)]
        if form == "patr":
            return [(self.given(p) + " " + self.style(self.patronymic(p), p.kind), P)]
        if form == "uzpatr":
            f = self.style(p.father, p.kind)
            if p.kind == "uz":
                tail = " " + apos("o'g'li" if p.gender == "M" else "qizi", self.apos)
                return [(self.given(p) + " " + f + tail, P)]
            if p.kind == "kg":
                return [(self.given(p) + " " + f + (" uulu" if p.gender == "M" else " kyzy"), P)]
            if p.kind == "kz":
                return [(self.given(p) + " " + f + ("uly" if p.gender == "M" else "kyzy"), P)]
            return self.person_frags(p, "patr")
        if form in ("cyr", "cyrfull", "cyrpatr", "cyrgen"):
            cg = p.cyr_given or to_cyr(p.given)
            cs = p.cyr_surname or to_cyr(p.surname)
            if form == "cyr":
                return [(cg, P)]
            if form == "cyrfull":
                if p.kind == "ru" and rng.random() < 0.4:
                    return [(f"{cs} {cg} {p.cyr_middle}", P)]
                return [(f"{cg} {cs}", P)]
            if form == "cyrpatr":
                cm = p.cyr_middle or to_cyr(self.patronymic(p).replace("yev", "ev"))
                return [(f"{cg} {cm}", P)]
            # genitive of the given name
            if cg.endswith(("а", "я")):
                stem, end = cg[:-1], cg[-1]
                gen = stem + ("и" if end == "я" or stem[-1] in "гкхжчшщ" else "ы")
            elif p.gender == "M" and cg[-1] not in "аеёиоуыэюяь":
                gen = cg + "а"
            else:
                gen = cg
            return [(gen, P)]
        if form == "tjacc":  # Tajik accusative -ro glued on
            return [(self.given(p) + ("jonro" if rng.random() < 0.2 else "ro"), P)]
        if form in ("gen", "dat", "abl", "acc", "loc", "nikida", "nikiga", "lar"):
            name = self.given(p) if rng.random() < 0.8 else self.given(p) + rng.choice(["jon", "jon"])
            low = name[-1].lower()
            suf = {"gen": "ning", "abl": "dan", "acc": "ni", "loc": "da", "nikida": "nikida",
                   "lar": "lar", "nikiga": "nikiga"}.get(form)
            if form == "dat":
                suf = "ka" if low == "k" else "qa" if low == "q" else "ga"
            return [(name + suf, P)]
        if form in ("age", "agew", "agewc", "ageyo", "ruage"):
            a = p.age
            if form == "age":
                return [(str(a), "AGE")]
            if form == "agew":
                return [(num_words(a), "AGE")]
            if form == "agewc":
                return [(num_words(a).capitalize(), "AGE")]
            if form == "ageyo":
                return [(str(a), "AGE"), ("-year-old", None)]
            word = "год" if a % 10 == 1 and a % 100 != 11 else \
                "года" if a % 10 in (2, 3, 4) and a % 100 not in (12, 13, 14) else "лет"
            return [(str(a), "AGE"), (" " + word, None)]
        raise ValueError(form)

    # -- other slots ---------------------------------------------------------
    def phone(self, country=None):
        rng = self.rng
        c = country or self.country
        d = lambda n: "".join(str(rng.randrange(10)) for _ in range(n))  # noqa: E731
        if c == "uz":
            op = rng.choice(["90", "91", "93", "94", "95", "97", "98", "99", "33", "88", "77", "50"])
            a, b, e = d(3), d(2), d(2)
            fmts = [f"+998 {op} {a} {b} {e}", f"+998{op}{a}{b}{e}", f"998-{op}-{a}-{b}-{e}",
                    f"({op}) {a}-{b}-{e}", f"{op} {a} {b} {e}", f"+998 ({op}) {a}-{b}-{e}",
                    f"71 2{d(2)} {b} {e}", f"(71) 2{d(2)}-{b}-{e}", f"{op}{a}{b}{e}"]
            return rng.choice(fmts)
        if c == "tj":
            op = rng.choice(["93", "90", "91", "92", "98", "50", "55", "88"])
            a, b = d(3), d(4)
            return rng.choice([f"+992 {op} {a} {b}", f"+992{op}{a}{b}", f"({op}) {a}-{b[:2]}-{b[2:]}",
                               f"+992 {op} {a} {b[:2]} {b[2:]}", f"{op} {a} {b}"])
        if c == "kg":
            op = rng.choice(["555", "700", "770", "550", "220", "707", "999"])
            a, b = d(3), d(3)
            return rng.choice([f"+996 {op} {a} {b}", f"+996{op}{a}{b}", f"0{op} {a} {b}", f"0 ({op}) {a}-{b}",
                               f"+996 ({op}) {a}-{b}"])
        if c == "kz":
            op = rng.choice(["701", "702", "705", "707", "747", "771", "777", "775"])
            a, b, e = d(3), d(2), d(2)
            return rng.choice([f"+7 {op} {a} {b} {e}", f"8 ({op}) {a} {b} {e}", f"+7{op}{a}{b}{e}",
                               f"8 {op} {a}-{b}-{e}"])
        op = "9" + d(2)
        a, b, e = d(3), d(2), d(2)
        return rng.choice([f"+7 {op} {a}-{b}-{e}", f"8 ({op}) {a} {b} {e}", f"+7{op}{a}{b}{e}",
                           f"8-{op}-{a}-{b}-{e}", f"+7 ({op}) {a}-{b}-{e}"])

    def email(self, p=None):
        rng = self.rng
        if p is None:
            p = self.names.make(self.person_kind(), rng.choice("FM"), "adult")
        g = ru_style(p.given).lower().replace("'", "")
        s = ru_style(p.surname).lower().replace("'", "")
        g = re.sub(r"[^a-z]", "", ru_to_lat(g))
        s = re.sub(r"[^a-z]", "", ru_to_lat(s))
        yr = str(rng.randint(1965, 2005))
        local = rng.choice([f"{g}.{s}", f"{g}_{s}", f"{g}{yr}", f"{g[0]}{s}", f"{s}.{g}{yr[2:]}",
                            f"{g}.{s}{rng.randint(1, 99)}", f"{g}_{yr[2:]}"])
        dom = rng.choice(["gmail.com", "mail.ru", "yandex.ru", "inbox.ru", "bk.ru", "list.ru",
                          "umail.uz", "yahoo.com", "rambler.ru", "inbox.uz"])
        return f"{local}@{dom}"

    def url(self, p=None):
        rng = self.rng
        if p is not None:
            g = re.sub(r"[^a-z]", "", ru_to_lat(ru_style(p.given).lower()))
            s = re.sub(r"[^a-z]", "", ru_to_lat(ru_style(p.surname).lower()))
            h = rng.choice([f"{g}_{s[:1]}", f"{g}.{s}", f"{g}{rng.randint(10, 99)}", f"{g}_{rng.choice(['tikuv', 'dress', 'shop', 'style'])}"])
            return rng.choice([f"https://www.instagram.com/{h}", f"instagram.com/{h}", f"https://t.me/{h.replace('.', '_')}",
                               f"https://www.facebook.com/{g}.{s}", f"https://vk.com/id{rng.randint(10**6, 10**9)}",
                               f"https://ok.ru/profile/{rng.randint(10**8, 10**12)}"])
        place = re.sub(r"[^a-z]", "", ru_style(rng.choice(COMMUNITIES[self.country] + DISTRICTS[self.country])).lower())
        h = rng.choice([f"{place}_mfy", f"{place}_ish", f"{place}_news", f"{place}ayollari", f"ish_{place}", f"{place}_online"])
        return rng.choice([f"https://t.me/{h}", f"t.me/{h}", f"www.t.me/{h}", f"https://t.me/joinchat/{''.join(rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz0123456789') for _ in range(16))}",
                           f"https://www.facebook.com/groups/{h}", f"www.{h.replace('_', '-')}.uz"])

    def passport(self):
        rng = self.rng
        d7 = "".join(str(rng.randrange(10)) for _ in range(7))
        c = self.country
        if c == "uz":
            ser = rng.choice(["AA", "AB", "AC", "AD", "FA", "KA"])
        elif c == "tj":
            ser = rng.choice(["A", "B"]) + str(rng.randrange(10))
        elif c == "kg":
            ser = rng.choice(["AC", "AN", "ID"])
        else:
            ser = rng.choice(["N", "N0"])
        return rng.choice([f"{ser}{d7}", f"{ser} {d7}", f"{ser}{d7}", f"{ser}-{d7}"])

    def pinfl(self):
        rng = self.rng
        return str(rng.choice([3, 4, 5, 6])) + "".join(str(rng.randrange(10)) for _ in range(13))

    def idnum(self):
        rng = self.rng
        c = self.country
        opts = [f"77 {rng.randint(10**9, 10**10 - 1)}",  # Russian labour patent (series + number)
                f"{rng.randint(100, 999)}-{rng.randint(100, 999)}-{rng.randint(100, 999)} {rng.randint(10, 99)}"]  # SNILS
        if c == "uz":
            opts.append(self.pinfl())
        elif c == "kz":
            opts.append("".join(str(rng.randrange(10)) for _ in range(12)))  # IIN
        elif c == "kg":
            opts.append(str(rng.choice([1, 2])) + "".join(str(rng.randrange(10)) for _ in range(13)))  # PIN
        else:
            opts.append("".join(str(rng.randrange(10)) for _ in range(9)))  # INN
        return rng.choice(opts)

    def card(self):
        rng = self.rng
        prefix = rng.choice(["8600", "9860", "4278", "5614", "2202", "4400", "9762", "4169"])
        n = luhn_complete(prefix, 16, rng)
        return rng.choice([" ".join(n[i:i + 4] for i in range(0, 16, 4)), n,
                           "-".join(n[i:i + 4] for i in range(0, 16, 4)), " ".join(n[i:i + 4] for i in range(0, 16, 4))])

    def dob(self, ru=False, person=None):
        rng = self.rng
        y, m, dd = rng.randint(1958, 2006), rng.randint(1, 12), rng.randint(1, 28)
        if person is not None:  # consistent with the person's age (transcripts are set in 2022)
            y = 2022 - person.age - rng.randint(0, 1)
        if ru:
            return f"{dd:02d}.{m:02d}.{y}"
        months = "January February March April May June July August September October November December".split()
        uzm = "yanvar fevral mart aprel may iyun iyul avgust sentabr oktabr noyabr dekabr".split()
        return rng.choice([f"{dd:02d}.{m:02d}.{y}", f"{y}-{m:02d}-{dd:02d}", f"{dd:02d}/{m:02d}/{y}",
                           f"{dd} {months[m - 1]} {y}", f"{months[m - 1]} {dd}, {y}",
                           f"{y}-yil {dd}-{uzm[m - 1]}" if self.country == "uz" else f"{dd}.{m:02d}.{y}"])

    def place_frags(self, kind):
        rng = self.rng
        c = self.country
        st = lambda s: apos(ru_style(s) if self.convention == "ru" and c == "uz" and rng.random() < 0.5 else s, self.apos)  # noqa: E731
        PL = "PLACE"
        if kind == "DISTRICT":
            n = st(rng.choice(DISTRICTS[c]))
            word = {"uz": ["district", "district", "tumani"], "tj": ["district", "district", "nohiya"],
                    "kg": ["district", "raion", "rayon"], "kz": ["district", "district", "audany"]}[c]
            r = rng.random()
            if r < 0.15:
                return [(n, PL)]
            if r < 0.3:
                return [("the ", None), (n + " district", PL)]
            if c == "tj" and r < 0.4:
                return [("nohiyai " + n, PL)]
            return [(n + " " + rng.choice(word), PL)]
        if kind == "COMMUNITY":
            n = st(rng.choice(COMMUNITIES[c]))
            if c == "uz":
                word = rng.choice(["makhalla", "mahalla", "mahallasi", "MFY", "makhalla", ""])
            elif c == "tj":
                word = rng.choice(["mahalla", "jamoat", "", "mahalla"])
            elif c == "kg":
                word = rng.choice(["aiyl okmotu", "village", "aiyl", ""])
            else:
                word = rng.choice(["auyl", "village", "rural district", ""])
            if c == "tj" and rng.random() < 0.2:
                return [("mahallai " + n, PL)]
            if word and rng.random() < 0.2:
                return [("the ", None), (n + " " + word, PL)]
            return [((n + " " + word).strip(), PL)]
        if kind == "VILLAGE":
            n = st(rng.choice(VILLAGES[c]))
            r = rng.random()
            if r < 0.2:
                return [("the village of ", None), (n, PL)]
            if r < 0.35:
                return [(n, PL)]
            word = {"uz": ["village", "qishlog'i", "qishloq"], "tj": ["village", "village", "qishloq"],
                    "kg": ["village", "aiyl"], "kz": ["village", "auyly"]}[c]
            return [(n + " " + apos(rng.choice(word), self.apos), PL)]
        if kind == "STREET":
            n = st(rng.choice(STREETS[c]))
            if c == "uz":
                w = rng.choice(["ko'chasi", "street", "street", "ko'chasi"])
            elif c == "tj":
                if rng.random() < 0.25:
                    return [("kuchai " + n, PL)]
                w = "street"
            else:
                if rng.random() < 0.2:
                    return [("ulitsa " + n, PL)]
                w = "street"
            return [(n + " " + apos(w, self.apos), PL)]
        if kind == "SCHOOL":
            k = rng.randint(1, 64)
            r = rng.random()
            suff = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
            if r < 0.3:
                return [(f"school No. {k}", PL)]
            if r < 0.45:
                return [(f"school number {k}", PL)]
            if r < 0.55:
                return [("the ", None), (f"{k}{suff} school", PL)]
            if r < 0.65 and c == "uz":
                return [(f"{k}-maktab", PL)]
            if r < 0.8:
                return [(f"kindergarten No. {rng.randint(1, 40)}", PL)]
            if r < 0.9:
                return [(f"school No. {k}", PL), (" in ", None), *self.place_frags("VILLAGE")]
            return [(f"college No. {rng.randint(1, 9)}", PL)]
        if kind == "WORKPLACE":
            r = rng.random()
            if r < 0.3:
                return [("the ", None), (apos(rng.choice(BAZAARS[c]), self.apos) + " bazaar", PL)]
            if r < 0.45:
                return [(f"polyclinic No. {rng.randint(1, 12)}", PL)]
            if r < 0.55:
                return [("the family polyclinic in ", None), *self.place_frags("COMMUNITY")]
            if r < 0.65:
                return [(f"hospital No. {rng.randint(1, 9)}", PL)]
            if r < 0.8:
                return [("the ", None), (st(rng.choice(VILLAGES[c])) + " brick kiln", PL)]
            if r < 0.9:
                return [("the sewing workshop on ", None), *self.place_frags("STREET")]
            return [("the ", None), (st(rng.choice(DISTRICTS[c])) + " cotton cluster", PL)]
        raise ValueError(kind)

    def address(self):
        rng = self.rng
        c = self.country
        n = apos(rng.choice(STREETS[c]), self.apos)
        h, a = rng.randint(1, 120), rng.randint(1, 80)
        if c == "uz":
            ko = apos("ko'chasi", self.apos)
            opts = [f"{n} {ko}, {h}-uy", f"{n} {ko} {h}", f"{h} {n} street", f"{n} street {h}, apartment {a}",
                    f"house {h} on {n} street", f"{n} {ko}, {h}-uy, {a}-xonadon",
                    f"{apos(rng.choice(COMMUNITIES[c]), self.apos)} MFY, {n} {ko}, {h}-uy"]
        elif c == "tj":
            opts = [f"kuchai {n} {h}", f"{n} street {h}", f"{h} {n} street, flat {a}", f"house {h}, {n} street"]
        else:
            opts = [f"{n} street {h}", f"{h} {n} street", f"{n} street {h}, apartment {a}",
                    f"ulitsa {n}, {h}", f"house {h} on {n} street"]
        return rng.choice(opts)

    def address_ru(self):
        rng = self.rng
        s = rng.choice(RU_STREETS)
        h, a = rng.randint(1, 90), rng.randint(1, 200)
        return rng.choice([f"ул. {s}, д. {h}, кв. {a}", f"улица {s}, дом {h}", f"ул. {s}, {h}-{a}"])

    def org(self):
        rng = self.rng
        name = rng.choice(ORG_W1) + " " + rng.choice(ORG_W2)
        if rng.random() < 0.3:
            name = name.replace(" ", "-")
        r = rng.random()
        if r < 0.25:
            return f"{name} LLC"
        if r < 0.4:
            return f"\"{name}\" MChJ" if self.country == "uz" else f"{name} Ltd"
        if r < 0.5:
            return f"OOO \"{name}\""
        return name

    def org_ru(self):
        rng = self.rng
        w = rng.choice(["Стройинвест", "Ромашка", "Вектор", "Гранит", "Альфа-Строй", "СеверТранс", "Логистик-М"])
        return rng.choice([f"ООО «{w}»", f"ООО \"{w}\"", f"«{w}»"])

    def money(self):
        rng = self.rng
        return rng.choice([f"{rng.choice([20, 30, 40, 50, 80, 100])} million {CURRENCY[self.country]}" if self.country == "uz"
                           else f"{rng.choice([30, 50, 80, 100])} thousand {CURRENCY[self.country]}",
                           f"{rng.choice([3, 5, 8, 10, 15])} thousand dollars", f"{rng.choice([300, 400, 500, 600])} dollars"])

    # -- template filling -----------------------------------------------------
    def fill(self, template, speaker=None, ctx=None):
        """Fill a template; return fragment list.  Raises TemplateReject if not applicable."""
        rng = self.rng
        ctx = {} if ctx is None else ctx
        if speaker is not None:
            ctx["SELF"] = speaker
        frags = []
        pos = 0
        for m in SLOT_RE.finditer(template):
            if m.start() > pos:
                frags.append((template[pos:m.start()], None))
            pos = m.end()
            slot = m.group(1)
            pm = PERSON_REF_RE.match(slot)
            if pm:
                ref, role, form = pm.group("ref"), pm.group("role"), pm.group("form")
                if ref not in ctx:
                    if ref == "SELF":
                        if speaker is None:
                            raise TemplateReject("no speaker")
                        ctx[ref] = speaker
                    elif ref == "FAC":
                        if self.facilitator is None:
                            raise TemplateReject("no facilitator")
                        ctx[ref] = self.facilitator
                    elif ref.startswith("P"):
                        g = ref[1]
                        pool = [p for p in self.participants if p is not speaker and p not in ctx.values()
                                and (g == "X" or p.gender == g)]
                        if not pool:
                            raise TemplateReject("no participant")
                        ctx[ref] = rng.choice(pool)
                    else:
                        g = ref[0] if ref[0] != "X" else rng.choice("FM")
                        ctx[ref] = self.mentioned_person(g, role, list(ctx.values()))
                frags.extend(self.person_frags(ctx[ref], form))
                continue
            name, _, arg = slot.partition(":")
            if name in ("DISTRICT", "COMMUNITY", "VILLAGE", "STREET", "SCHOOL", "WORKPLACE"):
                frags.extend(self.place_frags(name))
            elif name == "ADDRESS":
                frags.append((self.address(), "ADDRESS"))
            elif name == "ADDRESS_RU":
                frags.append((self.address_ru(), "ADDRESS"))
            elif name == "ORG":
                frags.append((self.org(), "ORG"))
            elif name == "ORG_RU":
                frags.append((self.org_ru(), "ORG"))
            elif name == "PHONE":
                frags.append((self.phone(), "PHONE"))
            elif name == "PHONE_RU":
                frags.append((self.phone("ru"), "PHONE"))
            elif name == "EMAIL":
                frags.append((self.email(ctx.get(arg) if arg else None), "EMAIL"))
            elif name == "URL":
                frags.append((self.url(ctx.get(arg) if arg else None), "URL"))
            elif name == "PASSPORT":
                frags.append((self.passport(), "ID"))
            elif name == "PINFL":
                frags.append((self.pinfl(), "ID"))
            elif name == "IDNUM":
                frags.append((self.idnum(), "ID"))
            elif name == "CARD":
                frags.append((self.card(), "CARD"))
            elif name == "DOB":
                frags.append((self.dob(ru=self._in_russian, person=ctx.get(arg) if arg else None), "DOB"))
            elif name == "REGION":
                frags.append((rng.choice(REGIONS[self.country]), None))
            elif name == "CAPITAL":
                frags.append((CAPITAL[self.country], None))
            elif name == "NATION":
                frags.append((NATION[self.country], None))
            elif name == "LANG":
                frags.append((LANGUAGE[self.country], None))
            elif name == "DEST":
                frags.append((rng.choice(DESTS), None))
            elif name == "RUCITY":
                frags.append((rng.choice(RUCITIES), None))
            elif name == "RUCITY_PREP":
                frags.append((rng.choice(["Москве", "Москве", "Питере", "Подмосковье"]), None))
            elif name == "MONEY":
                frags.append((self.money(), None))
            elif name == "YEAR":
                frags.append((str(rng.randint(2015, 2023)), None))
            elif name == "DATE":  # not a birth date: never gold
                y, mo, dd = rng.randint(2018, 2022), rng.randint(1, 12), rng.randint(1, 28)
                months = "January February March April May June July August September October November December".split()
                frags.append((rng.choice([f"{dd:02d}.{mo:02d}.{y}", f"{dd} {months[mo - 1]} {y}", f"{y}-{mo:02d}-{dd:02d}"]), None))
            elif name == "NUM":
                frags.append((str(rng.randint(12, 60)), None))
            else:
                raise ValueError(f"unknown slot {slot!r} in {template!r}")
        if pos < len(template):
            frags.append((template[pos:], None))
        return frags

    _in_russian = False

    def usable(self, tpl, topic, speaker):
        t_topic, countries, text = tpl
        if text in self.used_templates:
            return False
        if topic is not None and t_topic not in (topic, "gen"):
            return False
        if countries and self.country not in countries:
            return False
        if text.startswith("<F>") and (speaker is None or speaker.gender != "F"):
            return False
        return not (text.startswith("<M>") and (speaker is None or speaker.gender != "M"))

    def sentence(self, pool, topic, speaker, tries=60):
        cands = [t for t in pool if self.usable(t, topic, speaker)]
        self.rng.shuffle(cands)
        for tpl in cands[:tries]:
            text = tpl[2]
            try:
                frags = self.fill(text[3:] if text.startswith(("<F>", "<M>")) else text, speaker)
            except TemplateReject:
                continue
            self.used_templates.add(text)
            return frags
        raise TemplateReject("no template")

    def participant_sentence(self, topic, speaker):
        """Ordinary template sentence; with probability 0.12 a sentence built around one
        less frequent identifier (label chosen uniformly) to keep label counts balanced."""
        rng = self.rng
        r = rng.random()
        if r < 0.12:
            label = rng.choice(RARE_LABELS)
            pool = [t for t in PART_T if RARE_SLOT_RE[label].search(t[2])]
            for tp in (topic, None):
                try:
                    return self.sentence(pool, tp, speaker)
                except TemplateReject:
                    pass
        if r < 0.65:
            try:
                return self.sentence(PART_PLAIN, topic, speaker)
            except TemplateReject:
                pass
        return self.sentence(FILL_T, topic, speaker)

    # -- speakers --------------------------------------------------------------
    def speaker_frags(self, p):
        return self.speaker_labels[id(p)]

    def setup_cast(self):
        rng = self.rng
        n = rng.randint(4, 8)
        self.participants = []
        self.facilitator = None
        self.turn_cap = rng.randint(8, 23)
        if self.turn_cap < 15:
            self.verbosity = [0, 5, 20, 30, 25, 20]
        for _ in range(n):
            if self.group == "women":
                g = "F"
            elif self.group == "men":
                g = "M"
            else:
                g = rng.choice("FM")
            role = "young" if self.group == "youth" else ("old" if rng.random() < 0.1 else "adult")
            for _ in range(100):
                p = self.new_person(g, role, {q.key() for q in self.participants})
                if p.given not in {q.given for q in self.participants} and (p.kind not in ("ru", "kor") or rng.random() < 0.4):
                    break
            if self.group == "youth":
                p.age = rng.randint(16, 29)
            self.participants.append(p)
        if rng.random() < 0.65:
            self.facilitator = self.new_person(rng.choice("FFM"), "official", {q.key() for q in self.participants},
                                               kind=self.country if rng.random() < 0.85 else None)
        # speaker labels
        self.speaker_labels = {}
        neutral_style = rng.choice(["P{}", "Participant {}", "Respondent {}", "R{}", "Speaker {}", "GENDER"])
        counters = collections.Counter()
        named_flags = []
        for i, p in enumerate(self.participants, 1):
            if self.label_mode == "named":
                named = True
            elif self.label_mode == "neutral":
                named = False
            else:
                named = rng.random() < 0.5
            named_flags.append(named)
            if named:
                r = rng.random()
                if r < 0.5:
                    lab = [(self.given(p), "PERSON")]
                elif r < 0.7:
                    lab = [(self.full(p), "PERSON")]
                elif r < 0.8 and self.addr_term(p):
                    lab = [(self.given(p), "PERSON"), (" " + self.addr_term(p), None)]
                elif r < 0.86:
                    lab = [(self.given(p), "PERSON"), (", ", None), (str(p.age), "AGE")]
                else:
                    lab = [(f"Participant {i} (", None), (self.given(p), "PERSON"), (")", None)]
            else:
                if neutral_style == "GENDER":
                    word = "Woman" if p.gender == "F" else "Man"
                    counters[word] += 1
                    lab = [(f"{word} {counters[word]}", None)]
                else:
                    lab = [(neutral_style.format(i), None)]
            self.speaker_labels[id(p)] = lab
        self.named_flags = named_flags
        mod_label = rng.choice(["Moderator", "Moderator", "Facilitator", "Interviewer", "M"])
        if self.facilitator and self.label_mode != "neutral" and rng.random() < 0.3:
            mod_label_frags = [(self.given(self.facilitator), "PERSON"), (" (moderator)", None)]
        else:
            mod_label_frags = [(mod_label, None)]
        self.mod_label = mod_label_frags
        # participants list supplied at upload
        full_names = [apos(p.given + " " + p.surname, "'") if p.kind != "ru" else p.given + " " + p.surname
                      for p in self.participants]
        if self.label_mode == "named":
            self.participant_list = full_names
        elif self.label_mode == "mixed":
            self.participant_list = [nm for nm, f in zip(full_names, named_flags, strict=True) if f or rng.random() < 0.3]
        else:
            self.participant_list = [] if rng.random() < 0.5 else rng.sample(full_names, rng.randint(1, 3))

    # -- transcript ------------------------------------------------------------
    def add_turn(self, speaker_frags, text_frags):
        self.turns.append((list(speaker_frags), text_frags))

    def words(self):
        return sum(len("".join(t for t, _ in tf).split()) for _, tf in self.turns)

    def build(self):
        rng = self.rng
        self.setup_cast()
        target = rng.randint(320, 680)
        intros = rng.random() < 0.7
        # opening
        for _ in range(20):
            try:
                op = rng.choice(OPEN_T)
                frags = self.fill(op, None)
                if intros:
                    frags.append((" " + rng.choice(["Let's go around: your name and what you do.",
                                                    "Let's start with introductions, please.",
                                                    "Please introduce yourselves: name, age, what you do."]), None))
                self.add_turn(self.mod_label, frags)
                break
            except TemplateReject:
                continue
        # introductions
        if intros:
            k = rng.randint(2, min(6, len(self.participants)))
            for p in self.participants[:k]:
                agegrp = {"*"} | ({"young"} if p.age <= 30 else set()) | ({"old"} if p.age >= 55 else set()) \
                    | ({"adult"} if 25 <= p.age <= 60 else set())
                pool = [(None, None if c == "*" else c.split(","), t) for g, a, c, t in INTRO_T
                        if g in ("*", p.gender) and a in agegrp]
                frags = self.sentence(pool, None, p)
                self.add_turn(self.speaker_frags(p), frags)
        topics = rng.sample(TOPICS, 4)
        russian_at = None
        if self.idx % 7 == 3:  # ~15% of transcripts (21 of 150)
            self.russian = True
            russian_at = rng.randint(0, 2)
        ti = 0
        while self.words() < target and len(self.turns) < self.turn_cap:
            topic = topics[ti % len(topics)]
            try:
                pool = MODQ_T if ti else [t for t in MODQ_T if t[0] == topic]  # first question: on topic
                q = self.sentence(pool, topic, None)
            except TemplateReject:
                q = [("What else? Anybody?", None)]
            self.add_turn(self.mod_label, q)
            for j in range(rng.randint(1, 4)):
                if len(self.turns) >= self.turn_cap + 1 or self.words() >= target:
                    break
                sp = rng.choice(self.participants)
                frags = []
                nsent = rng.choices([1, 2, 3, 4, 5, 6], self.verbosity)[0]
                for s in range(nsent):
                    if s:
                        frags.append((" ", None))
                    try:
                        frags.extend(self.participant_sentence(topic, sp))
                    except TemplateReject:
                        frags.extend(self.sentence(FILL_T, None, sp))
                if russian_at is not None and ti == russian_at and j == 0:
                    frags.extend(self.russian_passage(sp))
                    russian_at = None
                if self.words() + len("".join(t for t, _ in frags).split()) > 690:
                    break
                self.add_turn(self.speaker_frags(sp), frags)
            ti += 1
        if russian_at is not None:  # not placed yet
            sp = rng.choice(self.participants)
            frags = self.sentence(FILL_T, None, sp, ) + self.russian_passage(sp)
            self.add_turn(self.speaker_frags(sp), frags)
        self.add_turn(self.mod_label, [(rng.choice(CLOSE_T), None)])
        if rng.random() < 0.5:
            sp = rng.choice(self.participants)
            with contextlib.suppress(TemplateReject):
                self.add_turn(self.speaker_frags(sp), self.sentence(FILL_T, "gen", sp))

    def russian_passage(self, speaker):
        rng = self.rng
        self._in_russian = True
        frags = [(rng.choice([" Let me say it in Russian. ", " [switches to Russian] ", " (in Russian) ",
                              " I'll say it in Russian, it's easier. "]), None)]
        for k, t in enumerate(rng.sample(RU_T, rng.randint(2, 3))):
            if k:
                frags.append((" ", None))
            frags.extend(self.fill(t, speaker))
        self._in_russian = False
        return frags

    # -- output --------------------------------------------------------------
    def to_json(self):
        turns, spans = [], []
        for ti, (spk, txt) in enumerate(self.turns):
            out = {}
            for field, frags in (("speaker", spk), ("text", txt)):
                frags = [f for f in frags if f[0]]
                # capitalise the very first character of a text (sentence start)
                if field == "text" and frags and frags[0][0][:1].islower():
                    frags[0] = (frags[0][0][0].upper() + frags[0][0][1:], frags[0][1])
                s, pos = [], 0
                for text, label in frags:
                    if label:
                        spans.append({"turn": ti, "field": field, "start": pos, "end": pos + len(text),
                                      "label": label, "_expect": text})
                    s.append(text)
                    pos += len(text)
                out[field] = "".join(s)
            turns.append({"speaker": out["speaker"], "text": out["text"]})
        # verification by construction
        for sp in spans:
            got = turns[sp["turn"]][sp["field"]][sp["start"]:sp["end"]]
            assert got == sp.pop("_expect"), (self.idx, sp, got)
        spans.sort(key=lambda s: (s["turn"], s["field"] != "speaker", s["start"]))
        for a, b in itertools.pairwise(spans):
            if a["turn"] == b["turn"] and a["field"] == b["field"]:
                assert a["end"] <= b["start"], ("overlap", self.idx, a, b)
        for sp in spans:
            txt = turns[sp["turn"]][sp["field"]]
            assert txt[sp["start"]:sp["end"]].strip() == txt[sp["start"]:sp["end"]], ("whitespace", sp)
        return {"id": f"synth-{self.country}-{self.idx:03d}", "set": "synthetic", "language": "en",
                "participants": self.participant_list,
                "facilitator": (self.facilitator.given + " " + self.facilitator.surname) if self.facilitator else None,
                "turns": turns, "spans": spans}


def generate(n=N_DOCS, seed=SEED):
    rng = random.Random(seed)
    names = NameFactory(rng)
    docs = []
    idx = 0
    attempts = 0
    while len(docs) < n:
        attempts += 1
        assert attempts < n * 5, "too many rejected transcripts"
        d = Doc(idx, rng, names)
        d.build()
        nturns, nwords = len(d.turns), d.words()
        if not (8 <= nturns <= 25 and 300 <= nwords <= 700):
            continue  # deterministic retry with the next random state
        js = d.to_json()
        # people who are only mentioned never appear in the participants list
        plist = set(js["participants"])
        for p in d.mentioned:
            assert apos(p.given + " " + p.surname, "'") not in plist
            assert (p.given + " " + p.surname) not in plist
        docs.append(js)
        idx += 1
    return docs


def check_file(path):
    with open(path, encoding="utf-8") as fh:
        docs = [json.loads(ln) for ln in fh]
    for d in docs:
        assert set(d) == {"id", "set", "language", "participants", "facilitator", "turns", "spans"}
        assert 8 <= len(d["turns"]) <= 25, d["id"]
        words = sum(len(t["text"].split()) for t in d["turns"])
        assert 300 <= words <= 700, (d["id"], words)
        for s in d["spans"]:
            t = d["turns"][s["turn"]][s.get("field", "text")]
            assert 0 <= s["start"] < s["end"] <= len(t)
    return docs


def stats(docs):
    c = collections.Counter(s["label"] for d in docs for s in d["spans"])
    sp = collections.Counter(s["label"] for d in docs for s in d["spans"] if s["field"] == "speaker")
    return c, sp


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("-o", "--output", default=str(OUT_DEFAULT))
    ap.add_argument("-n", type=int, default=N_DOCS)
    ap.add_argument("--check", action="store_true", help="re-read the written file and verify it")
    args = ap.parse_args(argv)
    docs = generate(args.n)
    with open(args.output, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    if args.check:
        check_file(args.output)
    c, sp = stats(docs)
    words = [sum(len(t["text"].split()) for t in d["turns"]) for d in docs]
    turns = [len(d["turns"]) for d in docs]
    countries = collections.Counter(d["id"].split("-")[1] for d in docs)
    cyr = sum(1 for d in docs if any(re.search(r"[А-Яа-яЁё,«»]+ [а-яё,]+ [а-яё,]+ [а-яё,]+ [а-яё]+", t["text"]) for t in d["turns"]))
    print(f"wrote {len(docs)} transcripts to {args.output}")
    print(f"countries: {dict(sorted(countries.items()))}; with a Russian (Cyrillic) passage: {cyr}")
    print(f"turns {min(turns)}-{max(turns)} (mean {sum(turns) / len(turns):.1f}); "
          f"words {min(words)}-{max(words)} (mean {sum(words) / len(words):.0f})")
    print(f"participants list: named={sum(1 for d in docs if d['participants'])} empty={sum(1 for d in docs if not d['participants'])}")
    print("per-label span counts (of which in speaker field):")
    for label in sorted(c):
        print(f"  {label:8s} {c[label]:5d}  ({sp.get(label, 0)})")
    print(f"  {'total':8s} {sum(c.values()):5d}")
    print(f"distinct templates: participant={len(PART_T)} filler={len(FILL_T)} moderator={len(MODQ_T)} "
          f"intro={len(INTRO_T)} opening={len(OPEN_T)} closing={len(CLOSE_T)} russian={len(RU_T)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
