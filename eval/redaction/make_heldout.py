#!/usr/bin/env python3
# ruff: noqa: E501  (long hand-written template strings)
"""Generate ``heldout.jsonl``: a held-out redaction evaluation set.

Independent of ``make_synthetic.py`` (written without reading it, the redactor or
the other synthetic set).  100 synthetic Central Asian transcripts (one-on-one
interviews, focus groups, facilitator field notes embedded as turns) with gold
spans recorded at construction time and checked by assertions.

Usage (from the repository root)::

    .venv/bin/python eval/redaction/make_heldout.py            # writes eval/redaction/heldout.jsonl
    .venv/bin/python eval/redaction/make_heldout.py --check    # also re-reads and re-verifies the file

Randomness: ``random.Random(777)`` and Faker instances seeded with 777.
Faker locales used: ``uz_UZ`` and ``ru_RU``.  Faker has no ``kk_KZ``, ``ky_KG`` or
``tg_TJ`` person provider, so Kazakh, Kyrgyz and Tajik names (and adult-generation
Uzbek names) come from the small HAND-WRITTEN lists below, typed from general
knowledge of common names -- not from any real records.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
from collections import Counter

from faker import Faker

SEED = 777
N_DOCS = 100
N_RUSSIAN = 15
MIN_WORDS, MAX_WORDS = 300, 800
LABELS = ("PERSON", "PLACE", "ADDRESS", "PHONE", "EMAIL", "URL", "ID", "CARD",
          "DOB", "AGE", "ORG")

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "heldout.jsonl")

# ---------------------------------------------------------------------------
# Faker (names only)
# ---------------------------------------------------------------------------
FK_UZ = Faker("uz_UZ")
FK_UZ.seed_instance(SEED)
FK_RU = Faker("ru_RU")
FK_RU.seed_instance(SEED)
try:  # not available in Faker 40.x; kept so a later Faker can be used if present
    FK_KK = Faker("kk_KZ")
    FK_KK.seed_instance(SEED)
except Exception:
    FK_KK = None


def _canon(s: str) -> str:
    """Faker uz_UZ uses ‘ and ’; store names with a plain ASCII apostrophe."""
    return s.replace("‘", "'").replace("’", "'").replace("ʻ", "'").replace("ʼ", "'")


# Hand-written: common Russian given names, used only to filter Faker ru_RU's many
# archaic names (Faker still supplies the draw, surnames and patronymics).
RU_COMMON = set("""Александр Алексей Андрей Антон Артём Борис Вадим Валерий Василий Виктор
Виталий Владимир Владислав Геннадий Георгий Григорий Денис Дмитрий Евгений Егор Иван Игорь
Илья Кирилл Константин Максим Михаил Никита Николай Олег Павел Роман Руслан Сергей Станислав
Степан Тимур Фёдор Юрий Ярослав Анастасия Анна Алина Алла Валентина Валерия Вера Вероника
Виктория Галина Дарья Евгения Екатерина Елена Елизавета Жанна Зоя Инна Ирина Карина Кристина
Ксения Лариса Любовь Людмила Маргарита Марина Мария Надежда Наталья Нина Оксана Ольга Полина
Светлана София Татьяна Ульяна Юлия Яна""".split())

# ---------------------------------------------------------------------------
# Hand-written name lists (typed from general knowledge; not real records)
# ---------------------------------------------------------------------------
# Uzbek, adult generation (Faker uz_UZ lists are recent baby names).
UZ_ADULT_M = ("Bahodir Rustam Akmal Anvar Botir Dilshod Farhod G'ayrat Ilhom Jamshid Komil "
              "Nodir O'tkir Odil Qahramon Rahim Sanjar Shavkat Sherzod To'lqin Ulug'bek "
              "Xurshid Zafar Erkin Umid Abdulla Sa'dulla Shuhrat Alisher Bekzod Otabek "
              "Sardor Mirjalol Hamid Nurmat Ravshan Jasur Ixtiyor Mansur Baxtiyor").split()
UZ_ADULT_F = ("Dilnoza Gulnora Malika Mohira Nodira Feruza Zulfiya Mastura Ma'mura Xurshida "
              "Shahlo Dildora Gulchehra Barno Lola Bahor Nilufar Oydin Umida Sitora Muhabbat "
              "Saodat Munisa Zarina Dilfuza Kamola Sevara Ra'no Muxlisa Go'zal O'g'iloy Hilola "
              "Mavluda Nargiza Yulduz Mahliyo Gulbahor Dilorom Xosiyat").split()
UZ_SUR = ("Karimov Toshmatov Yusupov Rahimov Qodirov Xolmatov Ergashev Nazarov Mirzayev "
          "Abdullayev Tursunov Sobirov Yo'ldoshev Ismoilov Jo'rayev Qo'chqorov G'aniyev "
          "Xudoyberdiyev Normatov Sultonov Umarov Hasanov Fayzullayev Olimov Saidov "
          "Mamatqulov Eshonqulov Raxmonberdiyev Po'latov Shukurov").split()
# Tajik.
TJ_M = ("Farrukh Firdavs Jamshed Bahrom Davlat Umed Suhrob Parviz Dilovar Mahmadali Nurullo "
        "Khurshed Sharif Faridun Siyovush Manuchehr Behruz Daler Saidmurod Zafar Rustam "
        "Shodmon Alijon Karomatullo").split()
TJ_F = ("Mehrangez Manizha Nigina Tahmina Firuza Shabnam Gulnoza Madina Sitora Mavjuda "
        "Farzona Zebo Parvina Dilafruz Munira Nilufar Rukhshona Gulrukhsor Sadbarg Marhabo "
        "Zarrina Tojinisso Bunafsha").split()
TJ_SUR = ("Rahmonov Saidov Nazarov Sharipov Karimzoda Rahimzoda Davlatov Qurbonov Sangov "
          "Mirzoev Safarov Ismoilzoda Hakimov Jalolov Boboev Odinaev Kholov Nematzoda "
          "Sultonzoda Ashurov Fayzulloev Zuhurov").split()
# Kyrgyz.
KG_M = ("Aibek Nurlan Bakyt Talant Azamat Ermek Kubanychbek Almazbek Bolot Chyngyz Emil "
        "Adilet Nurbek Tilek Kanybek Urmat Mirlan Daniyar Temirlan Maksat Eldiyar "
        "Zhyrgalbek Bektur").split()
KG_F = ("Aizada Nurgul Aigul Cholpon Gulzat Ainura Begimai Kanykei Aida Jyldyz Meerim Asel "
        "Elnura Gulmira Nazgul Aijamal Burul Saltanat Mairam Kalipa Umutai Baktygul").split()
KG_SUR = ("Asanov Usenov Sadykov Mamytov Abdyldaev Kasymov Osmonov Baitikov Jumabaev "
          "Temirov Sydykov Alymkulov Bekmuratov Duishenbiev Kurmanbekov Turdubaev "
          "Zhusupov Myrzakulov Orozbekov Tashiev").split()
# Kazakh.
KZ_M = ("Nurlan Serik Yerlan Askar Daulet Arman Bauyrzhan Zhandos Marat Aidos Yerzhan "
        "Kairat Talgat Almas Dauren Berik Galym Sanzhar Timur Yerbol Nurzhan Olzhas").split()
KZ_F = ("Aigerim Zhanar Gulnar Aizhan Dana Saule Madina Aliya Ainur Dinara Zhuldyz Assel "
        "Laura Karlygash Akmaral Bota Gaukhar Togzhan Dariga Symbat Moldir Anel").split()
KZ_SUR = ("Abenov Zhaksylykov Bekov Omarov Akhmetov Ismailov Zhumabekov Sarsenbayev "
          "Kassymov Utepov Baimukhanov Yesimov Kenzhebekov Mukanov Tulegenov Orazbayev "
          "Amanov Seitkali Nurpeisov Dzhaksybekov").split()
# Koryo-saram (Korean-Uzbek/Kazakh): Korean surnames with Russian given names (Latin).
KO_SUR = "Kim Pak Tsoi Li Shin Ten Ogai Tyan Khan Ni".split()
KO_M = "Vladimir Sergei Eduard Stanislav Vitaliy Aleksandr Valeriy Roman Gennadiy Igor".split()
KO_F = "Marina Olga Viktoria Alla Irina Svetlana Lyudmila Elena Zhanna Larisa".split()

# Hand-written spelling variants (applied to a few mentions).
SPELLING = {"Gulnora": "Gulnara", "Nodira": "Nadira", "Feruza": "Firuza", "Dilshod": "Dilshad",
            "Yusupov": "Yusufov", "Zhanar": "Janar", "Aigerim": "Aygerim", "Asel": "Assel",
            "Assel": "Asel", "Aibek": "Aybek", "Mehrangez": "Mehrangiz", "Jyldyz": "Zhyldyz",
            "Zhuldyz": "Juldyz", "Umed": "Umid", "Khurshed": "Khurshid", "Nurgul": "Nurgyul",
            "Dilnoza": "Dilnaza", "Zarina": "Zareena", "Mohira": "Mokhira", "Shahlo": "Shakhlo",
            "Saule": "Sauleh", "Abdulla": "Abdullah", "Yerlan": "Erlan", "Yerzhan": "Erzhan",
            "Bauyrzhan": "Baurzhan", "Firdavs": "Firdaus"}

# ---------------------------------------------------------------------------
# Hand-written place lists (real, common names combined at random)
# ---------------------------------------------------------------------------
PLACES = {
    "uz": {
        "district": ("Zomin Chust Pop Kosonsoy Uchqo'rg'on Baxmal G'allaorol Forish Do'stlik "
                     "Arnasoy Paxtakor Chilonzor Yunusobod Sergeli Olmazor Yakkasaroy Bektemir "
                     "Mirobod Yashnobod Shayxontohur Bog'ot Quvasoy Mingbuloq To'raqo'rg'on").split(),
        "community": ("Navbahor Yangiobod Bog'ishamol Guliston Istiqlol Obod Mehnatobod Qoratepa "
                      "Ko'kterak Oqoltin Bodomzor Tinchlik Yangihayot Chinor Ipakchi Beshyog'och "
                      "Sohibkor Qo'shchinor Bunyodkor Oqtepa").split(),
        "village": ("Uchtepa Sarmich Yangiqishloq Qoraqamish Bo'ston Chorbog' Oqtosh Karvon "
                    "Tepaqo'rg'on Soybuyi Kattabog' Qizilravot Jarqo'rg'on Ko'kdala").split(),
        "street": ["Yoshlik", "Navoiy", "Mustaqillik", "Bobur", "Bunyodkor", "Cho'lpon", "Furqat",
                   "Muqimiy", "Beruniy", "Ipak yo'li", "Nurafshon", "Gulzor", "Sharof Rashidov",
                   "Amir Temur", "Istiqbol"],
        "bazaar": ["Oqtepa", "Qo'yliq", "Farhod", "Yangiobod", "Abu Sahiy", "Hippodrom", "Mirobod",
                   "Kattabog'"],
    },
    "tj": {
        "district": ("Vose Hamadoni Isfara Kushoniyon Vahdat Rudaki Spitamen Muminobod Farkhor "
                     "Jaihun Yovon Ghonchi Asht Zafarobod Shahrinav").split(),
        "community": ("Guliston Navobod Dahana Somoniyon Zarafshon Tugalang Chorgul Navruz "
                      "Sarikamar Qaratosh Mehnatobod Pakhtakor Yakkatut").split(),
        "village": ["Sarband", "Chorbog", "Poi Mazor", "Dehmullo", "Kulobod", "Langar", "Khushyori",
                    "Sayod"],
        "street": ["Rudaki", "Ayni", "Somoni", "Firdavsi", "Sino", "Bukhoro", "Lohuti",
                   "Mirzo Tursunzoda"],
        "bazaar": "Korvon Sakhovat Mehrgon Panjshanbe Shohmansur Farovon".split(),
    },
    "kg": {
        "district": ("Kara-Suu Nookat Aravan Uzgen Alai Kara-Kulja Suzak Bazar-Korgon Ak-Suu "
                     "Issyk-Ata Sokuluk Alamudun Leilek Kadamjai").split(),
        "community": ("Ak-Tash Kyzyl-Kyshtak Sary-Bulak Kok-Jar Jany-Aryk Madaniyat Toolos "
                      "Kashgar-Kyshtak Ak-Say Jiyde Kenesh Kyzyl-Too").split(),
        "village": "Kara-Dobo Ak-Jar Kyzyl-Bel Tash-Bulak Kok-Bel Jangy-Jol Ak-Bulak".split(),
        "street": ["Lenin", "Kurmanjan Datka", "Masaliev", "Gagarin", "Navoi", "Alymbekov", "Chui",
                   "Toktogul"],
        "bazaar": "Jayma Kara-Suu Dordoi Madina Orto-Sai Alamedin".split(),
    },
    "kz": {
        "district": ("Saryagash Sairam Kazygurt Ordabasy Maktaaral Zhetysai Karasai Talgar "
                     "Enbekshikazakh Ili Baidibek Tolebi Kerbulak").split(),
        "community": ("Zhanatalap Akzhar Karabulak Shamalgan Tasbulak Koksu Boralday Besagash "
                      "Kainar Kyzylzhar Aksukent Manas").split(),
        "village": "Kaskasu Akbulak Zhuldyz Birlik Kemer Turgen Koktobe Zhanaturmys".split(),
        "street": ["Abay", "Kabanbay batyr", "Tole bi", "Baiturshynuly", "Zheltoksan", "Seifullin",
                   "Kunaev"],
        "bazaar": ["Barakholka", "Kaisar", "Altyn Orda", "Zelyony", "Samal", "Kolkhozny"],
    },
}

# Region-level names: appear in text, NEVER gold.
REGIONS = {
    "uz": ["Tashkent", "Samarkand", "Fergana", "Jizzakh", "Namangan", "Andijan", "Bukhara",
           "Kashkadarya", "Surkhandarya", "Khorezm", "the Navoi region", "Syrdarya"],
    "tj": ["Dushanbe", "Sughd", "Khatlon", "Khujand", "the Sughd region", "Bokhtar"],
    "kg": ["Bishkek", "Osh", "Jalal-Abad", "Batken", "the Chui region", "Naryn", "Talas"],
    "kz": ["Almaty", "Shymkent", "Astana", "the Turkestan region", "Taraz", "the Zhambyl region"],
}
ABROAD = ["Russia", "Moscow", "St Petersburg", "Yekaterinburg", "Novosibirsk", "Kazan",
          "the Moscow region", "Turkey", "Istanbul", "Korea", "Dubai", "Surgut"]

ORG_A = ("Baraka Nur Oltin Zamin Sharq Ipak Barqaror Diyor Mehnat Tadbirkor Silk Orient "
         "Asia Navro Zarhal Mega Kamalak Yulduz Ala-Too Nurly Altyn Sitora Bunyod").split()
ORG_B = "Tekstil Stroy Servis Trans Agro Invest Logistics Build Plus Group Savdo Qurilish Market".split()

COUNTRY_CULT = {"uz": "uz", "tj": "tj", "kg": "kg", "kz": "kz"}
MINORITY = {"uz": ["ru", "ko", "ko", "tj", "kz"], "tj": ["uz", "ru"], "kg": ["uz", "ru", "kz", "ko"],
            "kz": ["ru", "ru", "ko", "ko", "uz", "kg"]}

# ---------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n: int) -> str:
    if n < 20:
        return ONES[n]
    t, o = divmod(n, 10)
    return TENS[t] + ("-" + ONES[o] if o else "")


LAT2CYR = [("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"), ("yo", "ё"), ("yu", "ю"),
           ("ya", "я"), ("ye", "е"), ("ts", "ц"), ("o'", "у"), ("g'", "г"), ("a", "а"),
           ("b", "б"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "х"), ("i", "и"),
           ("j", "дж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
           ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("x", "х"),
           ("y", "й"), ("z", "з"), ("'", "ъ"), ("-", "-")]


CYR_EXCEPT = {"Aida": "Аида", "Aliya": "Алия", "Nurgul": "Нургуль", "Aigul": "Айгуль",
              "Baktygul": "Бактыгуль", "Jyldyz": "Жылдыз", "Zhuldyz": "Жулдыз"}


def to_cyr(s: str, turkic: bool = False) -> str:
    """Approximate Cyrillic spelling. turkic=True for Kyrgyz/Kazakh Latin, where 'y' is ы
    and 'i' after a vowel is й (Aigerim -> Айгерим, Sydykov -> Сыдыков)."""
    if s in CYR_EXCEPT:
        return CYR_EXCEPT[s]
    out, i, low = [], 0, s.lower()
    vow = "aeiouy"
    while i < len(s):
        if turkic and low[i] in "yi" and not low.startswith(("ya", "yu", "ye", "yo"), i):
            prev = low[i - 1] if i else ""
            nxt = low[i + 1] if i + 1 < len(s) else ""
            if low[i] == "y":
                b = "й" if (prev in vow and prev and (not nxt or nxt not in vow)) and nxt == "" else "ы"
                if prev == "" or prev in " -":
                    b = "й"
            else:
                b = "й" if prev in "aoue" and prev and (not nxt or nxt not in vow) else "и"
            out.append(b.upper() if s[i].isupper() else b)
            i += 1
            continue
        for a, b in LAT2CYR:
            if low.startswith(a, i):
                if i == 0 or s[i - 1] in " -":
                    if a == "e":
                        b = "э"
                    if a == "j":
                        b = "ж"
                if s[i].isupper():
                    b = b[0].upper() + b[1:]
                out.append(b)
                i += len(a)
                break
        else:
            out.append(s[i])
            i += 1
    return "".join(out).replace("ъъ", "ъ")


CYR2LAT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                   ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n",
                    "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y",
                    "", "e", "yu", "ya"], strict=False))


def to_lat(s: str) -> str:
    out = []
    for ch in s:
        lo = ch.lower()
        if lo in CYR2LAT:
            t = CYR2LAT[lo]
            out.append(t[:1].upper() + t[1:] if ch.isupper() and t else t)
        else:
            out.append(ch)
    return "".join(out)


def ru_style(s: str) -> str:
    """Uzbek Latin -> Russian-style romanisation (Xurshida -> Khurshida, O'tkir -> Utkir)."""
    s = s.replace("O'", "U").replace("o'", "u").replace("G'", "Gh").replace("g'", "gh")
    s = re.sub(r"(?<![sScCkKzZgG])h", "kh", s)
    s = re.sub(r"^H", "Kh", s)
    s = re.sub(r"(?<= )H", "Kh", s)
    s = s.replace("X", "Kh").replace("x", "kh").replace("Q", "K").replace("q", "k")
    s = s.replace("'", "")
    return s


def luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    digits = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return digits + str((10 - total % 10) % 10)


def luhn_ok(num: str) -> bool:
    ds = [int(c) for c in num if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(ds)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
UZ_MONTHS = ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avgust", "sentyabr",
             "oktyabr", "noyabr", "dekabr"]
RU_MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                 "сентября", "октября", "ноября", "декабря"]

ELDER_ROLES = {"mil", "fil", "grandma", "grandpa", "chair", "imam", "aunt", "uncle", "lender",
               "bridemother", "elder"}
YOUNG_ROLES = {"son", "son2", "daughter", "daughter2", "bully", "grandchild", "classmate",
               "bride", "groom"}
OFFICIAL_ROLES = {"insp", "investigator", "judge", "judgef", "official", "officer", "director"}
FAMILY_A = {"husband", "son", "son2", "daughter", "daughter2", "mil", "fil", "bil", "grandchild", "returnee"}
FAMILY_B = {"brother", "sister", "grandpa", "aunt"}
PERSONAL_ROLES = FAMILY_A | FAMILY_B | {"wife", "grandma", "uncle", "cousin", "cousin2", "friend",
                                        "friendm", "returnee", "retwife", "bride", "groom",
                                        "bridemother", "lender", "landlord", "lawyer", "psych"}
ROLE_GENDER = {
    "husband": "m", "wife": "f", "mil": "f", "fil": "m", "bil": "m", "son": "m", "son2": "m",
    "daughter": "f", "daughter2": "f", "brother": "m", "sister": "f", "nbr": "f", "nbrm": "m",
    "chair": "m", "activist": "f", "insp": "m", "recruiter": "m", "broker": "f",
    "teacher": "f", "director": "m", "lawyer": "f", "judge": "m", "judgef": "f",
    "investigator": "m", "cousin": "m", "cousin2": "m", "friend": "f", "friendm": "m", "returnee": "m",
    "retwife": "f", "imam": "m", "doctor": "f", "boss": "m", "bully": "m", "uncle": "m",
    "aunt": "f", "groom": "m", "bride": "f", "psych": "f", "grandma": "f", "grandpa": "m",
    "lender": "m", "official": "m", "officer": "m", "grandchild": "m", "classmate": "f",
    "bridemother": "f", "landlord": "m", "notetaker": "f", "elder": "m",
}
AGE_RANGE = {"son": (6, 26), "son2": (4, 22), "daughter": (5, 27), "daughter2": (3, 20),
             "bully": (12, 17), "grandchild": (3, 12), "classmate": (12, 17), "bride": (18, 24),
             "groom": (19, 28), "husband": (26, 58), "wife": (24, 55), "mil": (52, 78),
             "fil": (55, 80), "returnee": (19, 44), "retwife": (18, 38), "cousin": (19, 45),
             "brother": (18, 55), "sister": (17, 55), "grandma": (60, 88), "grandpa": (62, 90),
             "aunt": (45, 80), "uncle": (45, 80), "friend": (20, 55), "friendm": (20, 55),
             "nbr": (25, 75), "nbrm": (25, 75), "bil": (22, 55)}


class Person:
    def __init__(self, culture, gender, given, surname, father, role):
        self.culture, self.gender, self.given, self.surname = culture, gender, given, surname
        self.father, self.role, self.age = father, role, None


# ---------------------------------------------------------------------------
# TEMPLATES (all hand-written for this file)
#   {role} / {role:form}  person slot (forms: n g f sf sur i a d pat off s voc cyr
#                          ga ning ni da dan lar niki ro dat gen age agew)
#   {@kind}               sensitive value (gold)
#   {#kind}               distractor value (never gold)
#   "F|" / "M|" prefix    only for female / male speakers
# ---------------------------------------------------------------------------
TOPICS = {}

TOPICS["dv"] = [
    "F|After the wedding I lived with {husband:s} parents in {@community}. The first year was quiet, then he started hitting me every time he came back from {#abroad}.",
    "F|The first time {husband} hit me was in {#year}, when I was pregnant with {daughter:g}.",
    "uz|F|My mother-in-law, {mil:a}, told me a good kelin is patient. 'Sabr qil,' she said, every family has this.",
    "{nbr} heard the shouting through the wall and called 102, but the police only came the next morning.",
    "The district inspector, {insp}, wrote something in his notebook and told my husband to behave. That was all.",
    "F|I went to the crisis centre in {#region} with my two children. {psych:a} met us at the door and gave us a room with two beds.",
    "At the centre they helped me write the application for a protection order. {lawyer} from the legal clinic checked every line.",
    "F|My sister {sister:g} gave me her card to receive money, {@card}, because my husband kept mine.",
    "The psychologist gave me her own mobile, {@phone}, and said I can pass it to other women who need her.",
    "{daughter:g} is {daughter:age} now, and she still remembers that night.",
    "uz|Nobody in {@village} talks about it openly. They say 'uyning gapi uyda qoladi', what happens at home stays at home.",
    "F|My husband's brother, {bil:f}, came to the centre twice and demanded that I go back.",
    "The centre keeps women up to {#days} days, but after that where do you go? I rented a room on {@street} for {#money} a month.",
    "F|I filed the complaint on {#edate}; the hearing was postponed three times.",
    "The doctor at {@clinic}, {doctor:a}, wrote down the bruises. She said she sees women like me every week.",
    "F|He took my passport, {@passport}, and hid it at his mother's, so I could not leave.",
    "F|Only when {activist} from the women's committee came with the inspector did he give the documents back.",
    "F|{husband:f} got fifteen days of administrative arrest and a fine of {#money}. After that he was worse, not better.",
    "F|In our group at the centre there were {#count} women, some from {@district}, some from the city.",
    "F|Now I live with my mother at {@addr}, and he knows the address, so I am still afraid.",
    "F|My husband, {husband:g}, he is {husband:age}, never had a permanent job. He drinks since he came back from {#abroad}.",
    "One woman, {nbr:a}, said to me: go back, think of the children. Many women think like that here.",
    "M|My sister {sister:g} was beaten by her husband {bil:g} for years and we did not know. She hid it from our mother.",
    "The psychologist, {psych:g}, still writes to me on Telegram; her profile is {@url_tgp}.",
    "F|My son {son:g} tried to stand between us. He was only {son:agew@7-13} then.",
    "F|When I came back from the centre, {mil:s} first words were 'you shamed us in the whole makhalla'.",
    "There is the hotline {#hotline}, but if the phone is his phone, how do you call?",
    "F|The lawyer said I can claim alimony, {#pct} of his income, but he has no official income.",
    "M|I am ashamed to say it, but my father beat my mother and nobody, not even {uncle:a}, said a word.",
    "F|{friend:g}, my friend from school, took me in for a week; her husband was against it but she insisted.",
    "F|At the centre, {psych:s} advice was simple: write everything down, with dates.",
    "F|I was born {@dob}, and married at nineteen. By twenty-three I had three children and no profession.",
]

TOPICS["returnee"] = [
    "My son {returnee:g} left for Turkey in {#year} to work, and from there they took him to Syria.",
    "When {returnee:g} came back with his wife {retwife:g} and three children, the committee called a meeting the same week.",
    "{chair:a}, the chairman of our {@community}, visited us every week at first. He was strict but fair.",
    "To get the children's documents we went to {@district} four times; every time another paper was missing.",
    "The eldest grandson, {grandchild:g}, was born {@dob} in Raqqa, that is what the papers say now.",
    "{retwife:s} new passport is {@passport}; it took eight months.",
    "For the child allowance they asked for {retwife:s} PINFL, {@pinfl}, and I did not even know what that was.",
    "At {@school} some parents did not want our grandson in the same class as their children.",
    "The neighbours are different. {nbr:a} brings bread, but {nbrm:g} does not even greet my husband.",
    "uz|People call them 'Suriyadan qaytganlar', those who came back from Syria. It is like a second name.",
    "The youth leader of the district, {official}, found {returnee:g} a job at {@org}.",
    "In {#year} about {#cnt_b} women and children came back to our region on the special flights.",
    "{retwife:g} wears a headscarf and some people say things on the street. She stays home most days.",
    "The imam, {imam:a}, talked with him many times. It helped more than the police did.",
    "{returnee:g} has to report every month to the inspector, {insp}, who also comes to check the house.",
    "Our address is in all the lists now, {@addr}. Even journalists came once.",
    "They paid us {#money} of rehabilitation support, for three months only.",
    "{retwife:g} is {retwife:age}; she was a child herself when her family took her there.",
    "The psychologist from the rehabilitation centre, {psych:g}, comes on Thursdays and plays with the children.",
    "Nobody wants to rent a shop to a returnee. {returnee:g} sells vegetables at {@bazaar} from a cart.",
    "{grandchild:g} did not speak {#lang} at all when they came, only Arabic and a little Russian.",
    "When the {@community} committee wrote the character reference, they spelled his name {returnee:cyr}, like in the old passport.",
    "The khokimiyat promised a plot of land in {#year}; we are still waiting.",
    "My daughter-in-law's sister, {sister:f}, cut all contact with her. 'You brought shame,' she said.",
    "{returnee:s} phone is always with him, {@phone}, because the inspector can call any time.",
    "We are {#cnt_s} people in one house now, with the returnees, and only my husband has a salary.",
    "uz|At first the children of {@community} threw stones at {grandchild:ga}, and I went to every family myself.",
]

TOPICS["migration"] = [
    "My brother {brother:g} went to Moscow through a man called {recruiter}; he promised construction work at {#money_ru} a month.",
    "The recruiter's number was {@phone}, and he posted vacancies in a Telegram channel, {@url_tgp}.",
    "When they arrived in {#abroad}, the boss, {boss}, took all their passports 'for registration'.",
    "M|My patent number is {@patent}; I paid for it every month, about {#money_patent}, even when there was no work.",
    "{friendm:g} worked for {@org} in the Moscow region; they did not pay him for four months.",
    "We send money through the card, my card is {@card}, and the commission is about {#pct}.",
    "{cousin2:f} came back in a coffin in {#year}. They said heart attack; he was {cousin2:age@24-41}.",
    "Women go too now. {nbr:g} works in a café in Yekaterinburg and sends {#money_ru} a month.",
    "He is banned from entering Russia for five years because of one fine in the metro.",
    "My son {son:g} is {son:age@15-18}; he says after the army he will go too. What else is there here?",
    "The agency in {#region} was called {@org}; they took {#money} from each boy for the tickets and disappeared.",
    "uz|{recruiter:g} kept saying: 'Pasport kerak, boshqa hech narsa kerak emas' - just bring your passport.",
    "In {@village} almost every house has someone in Russia; in winter maybe {#count} men come back.",
    "F|The wives stay with the husband's parents and wait. {sister:a} has not seen her husband for three years.",
    "You can write to {recruiter:g} at {@email}, but he never answers now.",
    "His registration was at {@addr_ru}, a flat where twenty people were registered.",
    "F|My husband, {husband:g}, works on a construction site near Kazan. He calls on Sundays, from {@phone}.",
    "The foreman, {boss:g}, is from our district, that is why the boys trusted him.",
    "M|In Russia they write my name as {me:cyr} and at home as {me:g}; at the border it is always a problem.",
    "{friendm:a} paid {#money_ru} for a fake medical certificate and was deported after two weeks.",
    "Before he left, {son:g} registered at the migration agency, with his ID {@pinfl}, but they never called.",
    "The money from Russia builds houses here, but the men come back sick or not at all.",
    "A woman from {@community}, {broker:f}, sends girls to Turkey to work as nannies. Nobody knows what really happens there.",
    "F|{husband:s} employer was {@org}; when he broke his leg they paid nothing.",
    "The brigade lived in a container, {#count} men, and paid {#money_ru} each for it.",
    "{brother:g} sends us the photos on Instagram, his page is {@url_ig}, so mother can see he is alive.",
    "Last year {cousin:g} was stopped {#cnt_s} times by the police in one month, always asking for the patent.",
    "When {brother:g} came back he was {brother:age@25-40} and had nothing: no money, no health, no wife.",
    "uz|'{recruiter:ga} ishonmang' - don't trust him - I told everyone, but they went anyway.",
]

TOPICS["wedding"] = [
    "For {daughter:s} wedding we spent {#money_big}; half of it was borrowed.",
    "{lender} gave us {#money} at interest; every month we pay him {#money_s}.",
    "They wanted 300 guests in the restaurant and a car for the couple; it is shameful if you do less.",
    "My son {son:g} went to Russia right after the wedding to pay the debt. His wife, {bride:g}, stayed with us.",
    "The law limits the number of guests, but people find ways. {chair:a} came himself and ate the plov.",
    "We sold two cows and took a loan from the bank, {#money}, at {#pct} a year.",
    "{nbr:f} told everyone that the bride's dowry was poor. My daughter cried for a week.",
    "To pay the bank I transfer to card {@card} every month, on the tenth.",
    "uz|'{lender:ga} qarzimiz bor' - we owe him - and everybody in {@community} knows it.",
    "Our daughter {daughter:g} was {daughter:age@17-20} at her wedding; she did not finish college.",
    "The bride's mother, {bridemother:a}, asked for {#money} in cash before the nikoh.",
    "The groom, {groom:f}, works at {@org}, so they thought he was rich. He is not.",
    "In {#year} a wedding cost maybe {#money_big}; now it is double, because of Instagram.",
    "{groom:g} is {groom:age} and already owes more than his father earned in ten years.",
    "The photographer posted everything, the whole wedding is on {@url}, even the bride's face.",
    "The wedding hall on {@street} takes {#money} for one evening, without food.",
    "If you do not invite the whole {@community}, they will not come to your funeral, that is what {grandma:a} says.",
    "{bride:g} was born {@dob}; they changed the papers so she looks eighteen.",
    "We made a small wedding, only {#cnt_b} guests, and {mil:a} did not speak to me for a month.",
    "The money {lender:f} lent us, we still return it, two years after the wedding.",
    "uz|For the 'kelin salom' alone we bought {#cnt_s} dresses. Who needs that?",
    "The debt is on my name; the bank calls {@phone} every day, my own number.",
    "uz|Some families now ask for the 'toy' money through Click or Payme, to card {@card}.",
]

TOPICS["school"] = [
    "My son {son:g} is in the 7th grade at {@school}. Older boys took his phone and beat him behind the gym.",
    "The class teacher, {teacher:a}, said boys fight, it is normal.",
    "The director, {director}, called both fathers; {bully:s} father is in Russia, so his grandmother came.",
    "The parents' chat on Telegram, {@url_tg}, was full of videos of the fight.",
    "{bully:f} is {bully:age}; he was already registered with the juvenile inspector.",
    "Girls are pressured too. {daughter:s} classmate {classmate:g} was taken out of school in the 9th grade to marry.",
    "The school psychologist, {psych:g}, is one person for 1,200 pupils.",
    "They ask us for {#money_s} for 'repairs' every quarter; if you do not pay, your child is scolded in class.",
    "I wrote to the district education department, to {official:s} address {@email}, and nobody replied.",
    "The teacher gave us her number, {@phone}, and said call only after six.",
    "uz|'{teacher:ga} aytdim, lekin hech narsa o'zgarmadi' - I told her, but nothing changed.",
    "After the fight we moved {son:g} to {@school}, which is farther but calmer.",
    "{daughter:g} is {daughter:agew@12-16} and wants to be a lawyer. Her father says a girl does not need that.",
    "In the 11th grade there are 28 pupils and only {#cnt_s} are girls, the rest were married off or sent to work.",
    "The inspector for minors, {insp:sur}, came to the class once, talked about knives and left.",
    "The other mother, {nbr:a}, came to our gate and shouted that {son:g} started it.",
    "My daughter's teacher, {teacher:f}, takes money for extra lessons from the same children she teaches.",
    "At {@kg} they do not accept children without a 'propiska', so {grandchild:g} stays home.",
    "The girl in the video, {classmate:g}, changed school after that.",
    "The parents' committee is {#cnt_s} mothers; no father ever came.",
    "When {son:g} was {son:agew@9-13}, he already went to the bazaar after school to carry bags.",
    "uz|'{director:ning} o'g'li' - the director's son - nobody touches him, of course.",
]

TOPICS["property"] = [
    "F|When my father {grandpa:g} died, the house on {@street} went to my brothers; daughters get nothing, that is the custom.",
    "F|The notary in {@district} said by law I have a share, but my brother {brother:f} said I would shame the family.",
    "F|The house is at {@addr}, and it is still registered in my mother-in-law's name.",
    "F|After the divorce {husband:g} kept the house and I went back to my parents with the children.",
    "F|My husband's nephew {cousin:g} moved in and now says the land is his.",
    "The cadastre office asked for {husband:s} passport and PINFL, {@pinfl}.",
    "F|The court in {@district} gave me one third. The judge was {judgef}, a young woman, and she listened.",
    "We paid the lawyer {#money}; {lawyer:g} said the case is strong.",
    "uz|Our plot is {#cnt_s} sotix, and the family has used it since {#year}.",
    "uz|'{brother:ning} uyi' - my brother's house - that is what everyone calls our father's house now.",
    "My aunt {aunt:a} was born {@dob} and lived there all her life; now they want to push her out.",
    "{aunt:g} is {aunt:age} and has nowhere else to go.",
    "The youngest son inherits the father's house, that is the tradition. {brother:g} is the youngest.",
    "Land documents are with {uncle:f}, who says he will 'keep them safe'.",
    "Since {#year} the new rules say women can register property, but who will go against her brothers?",
    "The house was valued at {#money_big}, and they offered me {#money} to sign a refusal.",
    "The land inspector, {official:sur}, asked for a 'gift' to measure the plot again.",
    "My mother kept the deed in a box with {grandma:s} jewellery. That is all she had.",
    "{cousin:s} wife says I have no right even to come to the house for funerals.",
    "We live in a rented flat at {@addr}; the landlord, {landlord}, raises the rent every spring.",
    "At the khokimiyat the clerk said the registry number is on the paper and sent me away.",
]

TOPICS["police"] = [
    "When I went to the police department in {@district}, the duty officer laughed and told me to go home.",
    "The investigator, {investigator:f}, asked me the same questions for three hours.",
    "In the statement they wrote: applicant {me:off}, born {@dob}, living at {@addr}.",
    "The hearing was on {#edate} at 10:00, and it lasted twenty minutes.",
    "F|The judge, {judge}, asked me if I wanted to reconcile. In front of him!",
    "The free legal aid lawyer, {lawyer:a}, her phone is {@phone}; she helps many women.",
    "The inspector of our {@community}, {insp:g}, is a good man, but he has {#cnt_b} households.",
    "F|They fined him {#money}, and he paid it from our family money, so I was punished too.",
    "My son was stopped in the Moscow metro; they checked his passport, {@passport}, and kept him all night.",
    "Captain {officer:sur} took the money and let him go, no protocol.",
    "F|The protection order is for thirty days; then you can ask to extend it.",
    "In the court papers my name is written wrong, {me:sf}, with a mistake in the surname.",
    "The prosecutor's office replied after {#count} days that there is 'no crime'.",
    "F|{investigator:g} gave me his card with the number {@phone} and said to call if he came again.",
    "When the police came to {@village}, the whole street came out to watch. That is why women do not call.",
    "The lawyer wrote to the court from {@email}, and they answered only after a second letter.",
    "The court is in {@district}, forty kilometres away; the bus costs {#money_s} one way.",
    "{judgef} explained everything slowly, that was the first time someone at court was polite to me.",
    "My ID card number, {@natid}, is on every paper, and still they asked me to prove who I am.",
    "The district inspector, {insp:pat}, said: 'Family matters are solved in the family.'",
    "At the police station they told me to bring {husband:s} date of birth and address; I said, you know them better than me.",
    "F|There were {#cnt_s} of us in the corridor at {#time}, all women, all waiting for the same investigator.",
]

GENERIC = [
    "Most women do not know that a protection order exists, maybe {#pct} of them.",
    "Unemployment is the main problem. In our district there is one factory for five thousand people.",
    "Young people sit on their phones all day; there is no work, so they go to Russia.",
    "uz|Since {#year} things have changed a little; there is the 'Ayollar daftari' now and some help.",
    "Salaries here are {#money} a month; in Moscow the same work pays {#money_ru}.",
    "On Navro'z the makhalla makes sumalak and everyone comes, even the families who quarrel.",
    "In bahor, when the fields open, the men work as day labourers for {#money_s} a day.",
    "uz|Umid qilamiz, things will get better - we hope.",
    "There are {#cnt_b} households in our makhalla, and in winter most of them have a man at home.",
    "The bus to the district centre costs {#money_s} and takes an hour.",
    "The hotline {#hotline} works day and night, but many women do not have their own phone.",
    "Girls of seventeen, eighteen are married off, and the families say that is 'our tradition'.",
    "In our family there were {#cnt_s} children; I was the fourth.",
    "About {#pct} of the young men in our street are in Russia.",
    "After Ramazon there are many weddings, and many debts.",
    "The electricity goes off at {#time_eve} every evening in winter.",
    "The new law was adopted in {#year}, but nobody explained it to us.",
    "Boys of 16 or 17 already work at the bazaar, carrying bags.",
    "We got the training on legal literacy in {#edate2}, there were {#count} of us.",
    "People trust the elders more than the police; the police come and go.",
    "It is not only money. It is what the neighbours will say.",
    "uz|Erkin bo'lish kerak, they say on television: be free. But in the village it is different.",
    "For a woman alone with children the rent is impossible: {#money} for two rooms.",
    "Women's committees meet once a month, on Fridays, at the makhalla office.",
    "My grandmother married at fifteen, my mother at eighteen, me at twenty-two. Things change slowly.",
    "A kilo of meat is {#money_s} now; last year it was much less.",
    "We have Wildberries and Uzum delivery now, but no work for women except sewing at home.",
    "Many families took loans for phones and cars; at {#pct} a year, they will never repay.",
    "The Red Crescent gave flour and oil in {#year}, once.",
    "Our makhalla has {#count} families receiving social benefits.",
    "In the 1990s it was worse, honestly.",
    "I have a question for you too: what happens with what we say today?",
    "The bus No. 45 goes to the district centre only twice a day.",
    "Article 126 of the Administrative Code is about family violence; the lawyer showed it to us.",
    "We waited in room 14 on the second floor of the khokimiyat for three hours.",
    "In 2019 maybe {#pct} of the girls in the 9th grade went on to college; now fewer.",
    "At the meeting were {chair:f}, {insp:f}, {activist:f} and two teachers from the school.",
    "{nbr:g}, {friend:g} and {sister:g} - all three were married before twenty.",
    "The committee sent {activist:g} and {insp:g}, but not the psychologist.",
    "My children are {son:g}, {daughter:g} and {son2:g}; the youngest, {son2:g}, is {son2:age}.",
    "From our street {friendm:g}, {cousin:g} and {nbrm:g} all went to Russia in the same year.",
    "'Call {activist:g},' my mother said, 'she knows what to do.'",
    "{nbr:g} told me that {insp:g} takes money from both sides.",
    "My grandmother {grandma:a} always says that patience is a woman's gold.",
]

IDENT = [  # balance rare labels
    "My daughter's phone is {@phone}, if you need to call her for the survey.",
    "Write it down: {@phone}. That is {nbr:s} number, she asked me to give it.",
    "You can write to me at {@email}, my son set it up.",
    "{friend:s} email is {@email}; she writes better than she talks.",
    "She has a page, {@url_ig}, where she sells cakes; that is her only income.",
    "They made a Telegram group for the mothers, {@url_tg}.",
    "My passport is {@passport}, they wrote it on the form at the khokimiyat.",
    "For the benefit you need the PINFL, mine is {@pinfl}, fourteen digits, I know it by heart now.",
    "His ID number was {@natid}; the officer read it aloud in front of everyone.",
    "Send it to my card, {@card}, my husband does not know about this card.",
    "The money went to card {@card}, in {nbr:s} name.",
    "{son:g} was born on {@dob}, in the maternity hospital in the district centre.",
    "My date of birth is {@dob}, but in the passport it is different, they made a mistake.",
    "We live at {@addr}, near the mosque.",
    "{sister:s} address is {@addr}; she said you can come.",
    "{brother:g} works at {@org}, as a driver.",
    "I sew at home for {@org}; they pay per piece.",
    "{nbr:g} is {nbr:age}, and she still works in the fields.",
    "{cousin:g}, he is {cousin:agew}, already has three children.",
    "Her husband's number in Russia is {@phone_ru}.",
    "{nbrm:s} Humo card is {@card}; people send him money for the mosque repairs.",
    "Her son's card, {@card}, is the one we use for everything now.",
    "The activist's email, {@email}, is on the notice board at the makhalla office.",
    "Write to {friendm:g} on {@email}, he checks it in the evenings.",
]

FIELD_NOTES = [
    "[The respondent's daughter, {daughter:g}, came into the room and sat next to her mother. Recording paused for three minutes.]",
    "F|[Interview held at the respondent's home in {@community}; husband absent. Started at {#time}.]",
    "[{oth:g} left early, at about {#time}, to collect the children from school.]",
    "[Respondent showed a photo of the protection order on her phone; the order number was not recorded.]",
    "[Noise from the street. Two participants arrived late.]",
    "[The respondent gave her phone, {@phone}, for the follow-up call.]",
    "[Tea break of fifteen minutes.]",
    "[The respondent switched to Russian for a moment; translated below.]",
    "[A neighbour, {nbr:a}, looked in through the door; the respondent waited until she left.]",
    "[Meeting room provided by the {@community} committee; {chair:g} stayed outside during the discussion.]",
    "[Respondent became emotional; the interviewer offered to stop. She chose to continue.]",
    "[{oth:a} brought a small child, who slept through most of the session.]",
    "[Audio unclear for about 20 seconds.]",
    "[Respondent asked that her husband's name not be used; it was said anyway - {husband:g}.]",
    "[Session held at {@school} after classes; {#cnt_s} participants present.]",
    "[Respondent consulted a document; the passport number {@passport} was read aloud and is redacted in the public version.]",
]

RUSSIAN = [
    "Участковый {rinsp:ruoff} сказал мне: «Это ваше семейное дело, разбирайтесь сами».",
    "Мы жили у {lpf:cgen}, в одной комнате, восемь человек.",
    "Бригадир {rboss:rufio} забрал у всех паспорта и сказал, что вернёт после регистрации.",
    "Зарплату обещали 60 тысяч рублей, а платили тридцать, и то не каждый месяц.",
    "Мой номер {@phone_ru}, пишите в WhatsApp, звонить не надо.",
    "Работали мы в {@org_ru}, в Подмосковье, это было в 2021 году.",
    "Я позвонила {lpf:cdat}, но она не взяла трубку.",
    "В протоколе написали: {lpm:coff}, {@dob_ru} г.р., проживает по адресу {@addr_cyr}.",
    "{rboss:rug} говорил: «Кто будет жаловаться, того депортируем».",
    "Паспорт {@passport_ru}, всё правильно, я его помню наизусть.",
    "Когда {lpm:cg} уехал в Москву, ему было {lpm:ruage}.",
    "С {lpm:cins} мы договорились встретиться на вокзале, но его задержала полиция.",
    "{lpf:cf}, {lpf:ruage}, работала у них без выходных, а деньги получал муж.",
    "Телефон {lpf:cgen} был выключен три дня, мы уже думали самое плохое.",
    "Патент стоил 7 тысяч рублей в месяц, плюс регистрация.",
    "Хозяйка квартиры, {rland:rufio}, сказала, что больше двадцати человек прописать не может.",
    "Адвокат {rlaw:ruinit} помогла бесплатно, дай бог ей здоровья.",
    "В Москве нас было человек двадцать из одного района.",
]
RUSSIAN_LEADINS = [
    "He said it in Russian, I remember every word:",
    "I will say it how it was said, in Russian:",
    "In Russian it went like this:",
    "Let me tell it in Russian, it is easier:",
]

QUESTIONS = {
    "dv": ["What happens in your community when a woman is beaten at home?",
           "Where can a woman go for help, and who actually helps?",
           "How did the crisis centre treat you?",
           "What did the makhalla or the inspector do?",
           "Have you heard of the protection order? Did anyone use it?",
           "What keeps women from leaving?"],
    "returnee": ["How did the community receive the families who came back from Syria and Iraq?",
                 "What did the committee do for the returnees?",
                 "What do the children of returnees need most?",
                 "How do the neighbours behave toward the family now?",
                 "Which documents were the hardest to get?"],
    "migration": ["How do young men find work in Russia?",
                  "Tell me about the recruiters. How do people find them?",
                  "What happens to the families who stay behind?",
                  "Have you or your relatives had problems with documents abroad?",
                  "How does the money come home?"],
    "wedding": ["How much does a wedding cost now in your area?",
                "Where do families get the money for weddings?",
                "What happens when a family cannot pay back the wedding debt?",
                "Do the new rules on weddings change anything?"],
    "school": ["Tell me about the conflict at the school.",
               "How did the school respond?",
               "Do girls finish school in your community?",
               "What do parents pay for at school?"],
    "property": ["Who inherits the house in your families?",
                 "Can a woman claim her share of property?",
                 "What happened with the house after the divorce?",
                 "Did anyone go to the notary or to court about land?"],
    "police": ["Have you been to the police station or to court? How were you treated?",
               "Do people trust the district inspector?",
               "What happened at the hearing?",
               "How long did the case take?"],
}
FOLLOWUPS = ["Can you say more about that?", "What happened next?", "How did you feel then?",
             "Who else was there?", "Could you repeat that slowly? I want to be sure I understood.",
             "You do not have to answer if it is difficult.",
             "Let me just check the recording. Okay, please go on.", "And then?",
             "Is it the same for everyone, or only some families?"]

INTROS_NAMED = [
    "My name is {me:g}, I am {me:age}. I have {#kids} children and I work at home.",
    "I am {me:f}, from {@village}. I am {me:agew}.",
    "{me:g}. I am {me:age}, I was a teacher before, now I sell at the bazaar.",
    "My name is {me:f}, I live in {@community}, I have {#kids} children.",
    "F|I am {me:g}, {me:age} years old, my husband is in Russia.",
    "M|I am {me:g}, I am {me:age}, I drive a taxi, Yandex Taxi.",
    "Call me {me:g}. I am {me:agew}, I work as a cleaner at {@clinic}.",
    "F|I'm {me:g} from {@community}, {me:age}, a housewife.",
    "M|My name is {me:f}. I am {me:age}, I worked in Russia for {#nyears} years.",
]
INTROS_ANON = [
    "F|I am a housewife, I have {#kids} children, we live near the school.",
    "I am in my forties, I worked in the cotton fields most of my life.",
    "M|I came back from Russia {#nyears} years ago; now I do whatever work there is.",
    "F|I am a widow, I live with my son and his family.",
    "I work at the bazaar, selling clothes, since {#year}.",
    "I am a nurse, I have worked in the district for many years.",
]
OPENINGS_FG = [
    "Assalomu alaykum, good afternoon everyone. My name is {fac:f}, and I work with a local women's organisation. Today is {#edate}; we will talk for about an hour and a half. Everything stays confidential.",
    "Good morning. I am {fac:g}, I will moderate today. We are recording, but names will be removed before anything is written. Let us start with a short round of introductions.",
    "Thank you for coming. We are here in the {@community} office; the session started at {#time}. Please introduce yourselves briefly.",
    "Good afternoon. Before we start: you can stop at any time, and we will not use your names. Let us go around the table.",
]
OPENINGS_IV = [
    "Thank you for agreeing to meet. I am {fac:g} from the project team. We are recording; is that still all right?",
    "Good afternoon. My name is {fac:f}. This interview is part of a community safety study; you can stop whenever you want.",
    "Thank you. The recorder is on. Could you tell me a little about yourself first?",
    "We are in {@community} today, on {#edate}. Thank you for inviting me into your home.",
]
CLOSINGS_FAC = [
    "Thank you all. If you want to talk to someone, the hotline {#hotline} is free, and you can call me directly on {@phone}.",
    "Thank you very much. We will share the summary with the committee, without names.",
    "That is all my questions. Thank you for your trust.",
    "Thank you. The session ended at {#time}.",
]
CLOSINGS_P = [
    "Rahmat, {fac:a}. It was good to speak.",
    "Thank you. Please tell them at the top what we said.",
    "Thank you, {fac:g}. Come again.",
    "It is the first time someone asked us. Thank you.",
]
CS = {  # code-switched sentences with glued case endings
    "uz": [
        "In the makhalla they say '{nbr:ning} qizi' - {nbr:s} daughter - as if the girl has no name of her own.",
        "My mother-in-law told me: 'Bor, {husband:ni} chaqir' - go and call him.",
        "'{lender:dan} qarz oldik' - we took a loan from him - and the interest doubles every year.",
        "'{sister:lar} kelishdi' - my sister and her family came - and only then I could breathe.",
        "I said, '{son:da} ayb yo'q' - it is not his fault.",
        "At {nbr:ning} to'yi there were four hundred guests.",
        "He shouted, '{daughter:ni} maktabga yubormayman!' - I will not send her to school.",
        "Everyone says '{chair:ga} boring', go to him, but he sends you back home.",
        "'{insp:ning} telefoni o'chiq' - the inspector's phone was switched off the whole week.",
        "We stayed at {aunt:niki} for a month, 'xolamnikida', as we say.",
        "'{activist:ga} rahmat' - thanks to her - we got the protection order.",
    ],
    "tj": [
        "I told them, '{son:ro} ba Rusiya firistodem' - we sent him to Russia.",
        "'Man {insp:ro} nadidam' - I did not see the inspector at all that month.",
        "My mother-in-law said, '{husband:ro} jeg zan' - call your husband.",
        "'{lender:ro} qarzdorem' - we are in debt to him.",
        "The elders said, '{daughter:ro} ba shavhar dihed' - give her in marriage.",
    ],
    "kg": [
        "'{husband:dat} aittym, al ukkan jok' - I told my husband, he did not listen.",
        "'{chair:gen} uyu' - the aiyl head's house - is the only one with a gas line.",
        "They said, '{nbr:dat} barba' - don't go to her.",
        "'{son:gen} jumushu jok' - my son has no work.",
    ],
    "kz": [
        "'{son:dat} aitamyn' - I will tell him myself.",
        "'{nbr:gen} kyzy' - the neighbour's daughter - was taken away for marriage.",
        "The akim said, '{insp:dat} baryndar' - go to the inspector.",
        "'{husband:gen} anasy' - his mother - decides everything in that house.",
    ],
}
GREET_REACT = [  # participants referring to another participant
    "As {oth:g} said, it is the same in our street.",
    "{oth:a} is right. I want to add something.",
    "I agree with {oth:g}, but for men it is different.",
    "What {oth:s} sister went through, many of us went through.",
    "{oth:voc}, you know this better, you worked there.",
]


# ---------------------------------------------------------------------------
# Transcript context
# ---------------------------------------------------------------------------
class Ctx:
    def __init__(self, rng: random.Random, country: str):
        self.rng = rng
        self.country = country
        self.cult = COUNTRY_CULT[country]
        self.apos = rng.choice(["'", "'", "ʻ", "‘", "’", "`"]) if country == "uz" else \
            rng.choice(["'", "'", "’"])
        self.tutuq = rng.choice(["'", "ʼ", "’"])
        self.rutr = (country == "uz" and rng.random() < 0.35) or (country == "tj" and rng.random() < 0.2)
        self.poss = "'s" if rng.random() < 0.75 else "’s"
        self.people: dict[str, Person] = {}
        self.used_given: set[str] = set()
        self.used_sur: set[str] = set()
        self.cache: dict[str, str] = {}
        self.participants: list[Person] = []
        self.fac: Person | None = None
        self.mentioned: list[Person] = []
        self.fam = {}
        self.last_person = None
        self.topic = None

    # -------------------------- names
    def pick_given(self, culture, gender, young=False):
        r = self.rng
        for attempt in range(400):
            if attempt == 200:  # small hand-written list used up: Uzbek minority name
                culture, young = "uz", True
            if culture == "uz":
                if young or r.random() < 0.35:
                    g = _canon(FK_UZ.first_name_male() if gender == "m" else FK_UZ.first_name_female())
                else:
                    g = r.choice(UZ_ADULT_M if gender == "m" else UZ_ADULT_F)
            elif culture == "tj":
                g = r.choice(TJ_M if gender == "m" else TJ_F)
            elif culture == "kg":
                g = r.choice(KG_M if gender == "m" else KG_F)
            elif culture == "kz":
                if FK_KK is not None and r.random() < 0.5:
                    g = FK_KK.first_name_male() if gender == "m" else FK_KK.first_name_female()
                else:
                    g = r.choice(KZ_M if gender == "m" else KZ_F)
            elif culture == "ko":
                g = r.choice(KO_M if gender == "m" else KO_F)
            else:  # ru: Faker draw, filtered to common names
                g = FK_RU.first_name_male() if gender == "m" else FK_RU.first_name_female()
                if g not in RU_COMMON:
                    continue
            key = g if culture != "ru" else to_lat(g)
            if key not in self.used_given and SPELLING.get(key, key) not in self.used_given:
                self.used_given.add(key)
                self.used_given.add(SPELLING.get(key, key))
                return g
        raise RuntimeError("ran out of names")

    def pick_sur_base(self, culture):
        r = self.rng
        for attempt in range(200):
            if culture == "uz":
                s = _canon(FK_UZ.last_name_male()) if r.random() < 0.35 else r.choice(UZ_SUR)
            elif culture == "tj":
                s = r.choice(TJ_SUR)
            elif culture == "kg":
                s = r.choice(KG_SUR)
            elif culture == "kz":
                s = r.choice(KZ_SUR)
            elif culture == "ko":
                s = r.choice(KO_SUR)
            else:
                s = FK_RU.last_name_male()
            if s not in self.used_sur or attempt > 60:  # common surnames may repeat
                self.used_sur.add(s)
                return s
        raise RuntimeError("ran out of surnames")

    @staticmethod
    def gender_sur(base, culture, gender):
        if gender == "m" or culture == "ko":
            return base
        if culture == "ru":
            if base.endswith(("ов", "ев", "ин", "ын")):
                return base + "а"
            if base.endswith("ий"):
                return base[:-2] + "ая"
            return base
        if base.endswith(("ov", "ev", "yev", "in")):
            return base + "a"
        return base  # -zoda, -uly, Seitkali

    def new_person(self, role, culture=None, gender=None, sur_base=None):
        r = self.rng
        gender = gender or ROLE_GENDER.get(role, r.choice("mf"))
        if culture is None:
            culture = self.cult
            p_min = 0.25 if role in ("boss", "landlord", "recruiter") else 0.1
            if r.random() < p_min:
                culture = r.choice(MINORITY[self.country])
        young = role in YOUNG_ROLES
        given = self.pick_given(culture, gender, young)
        if sur_base is None or culture != self.cult:
            sur_base = self.pick_sur_base(culture)
        surname = self.gender_sur(sur_base, culture, gender)
        if culture == "ru":
            father = FK_RU.middle_name_male() if gender == "m" else FK_RU.middle_name_female()
        else:
            father = self.pick_father(culture)
        p = Person(culture, gender, given, surname, father, role)
        p.sur_base = sur_base
        return p

    def pick_father(self, culture):
        pool = {"uz": UZ_ADULT_M, "tj": TJ_M, "kg": KG_M, "kz": KZ_M, "ko": KO_M}[culture]
        return self.rng.choice(pool)

    def role(self, role, me=None):
        """Community roles (neighbour, inspector...) are shared by the whole transcript;
        family roles (husband, son...) belong to the speaker who mentions them."""
        owner = id(me) if (me is not None and role in PERSONAL_ROLES) else None
        key = (role, owner)
        if key not in self.people:
            sb = None
            fam = "A" if role in FAMILY_A else "B" if role in FAMILY_B else None
            if fam:
                fk = (fam, owner)
                if fk not in self.fam:
                    self.fam[fk] = self.pick_sur_base(self.cult)
                sb = self.fam[fk]
            cult = self.cult if sb else None
            p = self.new_person(role, culture=cult, sur_base=sb)
            self.people[key] = p
            self.mentioned.append(p)
        return self.people[key]

    def age_of(self, p):
        if p.age is None:
            lo, hi = AGE_RANGE.get(p.role, (25, 60))
            if p.role in ("son", "daughter") and self.topic in ("wedding", "migration", "returnee"):
                lo, hi = 17, 32
            elif p.role in ("son", "daughter") and self.topic == "school":
                lo, hi = 8, 17
            p.age = self.rng.randint(lo, hi)
        return p.age

    # -------------------------- styling
    def style(self, s, culture, allow_variant=True):
        r = self.rng
        if culture == "ru":
            return to_lat(s)
        if allow_variant and s in SPELLING and r.random() < 0.12:
            s = SPELLING[s]
        if culture in ("uz", "tj"):
            rutr = self.rutr if r.random() > 0.08 else not self.rutr
            if rutr and culture == "uz":
                s = ru_style(s)
        return self.apply_apos(s)

    def apply_apos(self, s):
        r = self.rng
        ap = self.apos if r.random() > 0.1 else r.choice(["'", "ʻ", "‘", "’"])
        s = re.sub(r"(?<=[oOgG])'", ap, s)
        s = re.sub(r"(?<=[aeiuAEIU])'", self.tutuq, s)
        return s

    def lit(self, s):
        """Apostrophe style for Uzbek words inside literal template text; local word for
        the community unit outside Uzbekistan/Tajikistan."""
        if self.country in ("kg", "kz"):
            w = "aiyl" if self.country == "kg" else "auyl"
            s = s.replace("makhalla", w).replace("Makhalla", w.capitalize())
        if self.apos == "'":
            return s
        return re.sub(r"(?<=[oOgG])'(?!s\b)(?=[a-z])", self.apos, s)

    def g(self, p):
        return self.style(p.given, p.culture)

    def sur(self, p):
        return self.style(p.surname, p.culture, allow_variant=False)

    def address_word(self, p):
        r = self.rng
        c, gd = p.culture, p.gender
        elder = p.role in ELDER_ROLES
        if p.role == "imam" and c in ("uz", "tj") and r.random() < 0.6:
            return "domla" if c == "uz" else "domullo"
        if p.role == "teacher" and c == "uz" and r.random() < 0.5:
            return r.choice(["domla", "ustoz"])
        if p.role == "teacher" and c == "tj" and r.random() < 0.5:
            return "muallima"
        table = {
            "uz": {"m": ["aka"], "f": ["opa"], "em": ["bobo", "aka"], "ef": ["buvi", "opa"]},
            "tj": {"m": ["ako", "aka"], "f": ["apa", "khola"], "em": ["bobo"], "ef": ["bibi", "khola"]},
            "kg": {"m": ["baike", "ake"], "f": ["eje", "apa"], "em": ["ata"], "ef": ["apa", "ene"]},
            "kz": {"m": ["aga", "agai"], "f": ["apai", "apa", "tate"], "em": ["ata"], "ef": ["apa", "aje"]},
        }
        if c not in table:
            return None
        key = ("e" if elder else "") + gd
        w = r.choice(table[c][key])
        return self.lit(w)

    def patronymic(self, p, russian_style=None):
        r = self.rng
        if p.culture == "ru":
            return to_lat(p.father)
        f = self.style(p.father, p.culture, allow_variant=False)
        if russian_style is None:
            russian_style = r.random() < 0.5
        if p.culture == "ko":
            russian_style = True
        if russian_style:
            stem = f
            if stem.endswith(("a", "o")):
                stem = stem[:-1]
            end = "ovich" if p.gender == "m" else "ovna"
            if stem.endswith(("y", "i")):
                end = "evich" if p.gender == "m" else "evna"
            return stem + end
        if p.culture in ("uz", "tj"):
            return f + " " + self.lit("o'g'li" if p.gender == "m" else "qizi")
        if p.culture == "kg":
            return f + (" uulu" if p.gender == "m" else " kyzy")
        if p.culture == "kz":
            return f + ("uly" if p.gender == "m" else "qyzy")
        return f

    def dim(self, p):
        g = self.g(p)
        if p.culture == "uz":
            if p.gender == "f" and self.rng.random() < 0.5:
                return g + ("khon" if self.rutr else "xon")
            return g + "jon"
        if p.culture == "tj":
            return g + "jon"
        return None

    # -------------------------- case endings
    def uz_case(self, name, suf):
        last = name[-1].lower()
        if suf == "ga":
            if last == "k":
                return name + "ka"
            if last == "q":
                return name + "qa"
            if last == "g":
                return name + "ka"
            return name + "ga"
        if suf == "niki":
            return name + "nikida"
        return name + suf

    @staticmethod
    def tk_case(name, suf, kazakh):
        vowels = [c for c in name.lower() if c in "aeiouy"]
        back = not vowels or vowels[-1] in "aouy"
        last = name[-1].lower()
        voiceless = last in "kpstfqhc"
        vowel_end = last in "aeiouy"
        if suf == "dat":
            if voiceless:
                return name + ("ka" if back else "ke")
            return name + ("ga" if back else "ge")
        # genitive
        if vowel_end or (kazakh and last in "mn"):
            return name + ("nyn" if back else "nin")
        if voiceless:
            return name + ("tyn" if back else "tin")
        return name + ("dyn" if back else "din")

    # -------------------------- person rendering
    def person(self, p, form):
        r = self.rng
        L = "PERSON"
        if not form.startswith("age"):
            self.last_person = p
        if form == "n":
            opts = ["g"] * 40 + ["f"] * 12 + ["sf"] * 4 + ["i"] * 4 + ["cyr"] * 1
            if p.culture not in ("ru", "ko") and p.role not in YOUNG_ROLES:
                opts += ["a"] * 14
            if p.role in YOUNG_ROLES and p.culture in ("uz", "tj"):
                opts += ["d"] * 10
            elif p.role not in ELDER_ROLES and p.culture in ("uz", "tj"):
                opts += ["d"] * 4
            if p.role in OFFICIAL_ROLES:
                opts += ["pat"] * 6 + ["off"] * 3 + ["sur"] * 4 + ["i"] * 4
            if p.culture == "ru":
                opts += ["pat"] * 5
            form = r.choice(opts)
        if form == "voc":
            form = r.choice(["g", "g", "a", "d"] if p.culture in ("uz", "tj") else ["g", "g", "a"])
        if form == "d":
            d = self.dim(p)
            return [(d, L)] if d else [(self.g(p), L)]
        if form == "a":
            w = self.address_word(p)
            if not w:
                if p.culture == "ru":
                    return [(self.g(p) + " " + self.patronymic(p), L)]
                return [(self.g(p), L)]
            return [(self.g(p), L), (" " + w, None)]
        if form == "g":
            return [(self.g(p), L)]
        if form == "f":
            return [(self.g(p) + " " + self.sur(p), L)]
        if form == "sf":
            return [(self.sur(p) + " " + self.g(p), L)]
        if form == "sur":
            return [(self.sur(p), L)]
        if form == "i":
            g = self.g(p)
            if r.random() < 0.5:
                return [(g[0] + ". " + self.sur(p), L)]
            f = self.patronymic(p, russian_style=True)
            return [(self.sur(p) + " " + g[0] + "." + f[0] + ".", L)]
        if form == "pat":
            return [(self.g(p) + " " + self.patronymic(p), L)]
        if form == "off":
            return [(self.sur(p) + " " + self.g(p) + " " + self.patronymic(p, russian_style=r.random() < 0.7), L)]
        if form == "cyr":
            if p.culture == "ru":
                return [(p.given if r.random() < 0.6 else p.given + " " + p.surname, L)]
            cg = to_cyr(ru_style(p.given)) if p.culture in ("uz", "tj") else to_cyr(p.given, p.culture in ("kg", "kz"))
            if r.random() < 0.5:
                cs = to_cyr(ru_style(p.surname)) if p.culture in ("uz", "tj") else to_cyr(p.surname, p.culture in ("kg", "kz"))
                return [(cs + " " + cg, L)]
            return [(cg, L)]
        if form == "s":
            base = self.person(p, r.choice(["g", "g", "g", "f", "a"]))
            return [*base, (self.poss, None)]
        if form in ("ga", "ning", "ni", "da", "dan", "lar", "niki"):
            w = (self.address_word(p) if p.role in ELDER_ROLES
                 or (p.role not in YOUNG_ROLES and r.random() < 0.2) else None)
            if w and r.random() < 0.5:
                return [(self.g(p), L), (" " + self.uz_case(w, form), None)]
            base = self.dim(p) if (p.role in YOUNG_ROLES and r.random() < 0.3) else self.g(p)
            return [(self.uz_case(base or self.g(p), form), L)]
        if form == "ro":
            base = (self.dim(p) if r.random() < 0.3 else None) or self.g(p)
            return [(base + "ro", L)]
        if form in ("dat", "gen"):
            return [(self.tk_case(self.g(p), form, self.country == "kz"), L)]
        if form.startswith(("age@", "agew@")):  # an age at some past moment
            lo, hi = map(int, form.split("@")[1].split("-"))
            a = r.randint(lo, hi)
            return [(words(a) if form.startswith("agew") else str(a), "AGE")]
        if form == "age":
            return [(str(self.age_of(p)), "AGE")]
        if form == "agew":
            return [(words(self.age_of(p)), "AGE")]
        # --- Cyrillic forms for Russian passages
        if form in ("cg", "cgen", "cdat", "cins", "coff", "cf"):
            if p.culture == "ru":
                cg, cs, cp = p.given, p.surname, p.father
            else:
                cg = to_cyr(ru_style(p.given)) if p.culture in ("uz", "tj") else to_cyr(p.given, p.culture in ("kg", "kz"))
                cs = to_cyr(ru_style(p.surname)) if p.culture in ("uz", "tj") else to_cyr(p.surname, p.culture in ("kg", "kz"))
                fa = ru_style(p.father) if p.culture in ("uz", "tj") else p.father
                cp = to_cyr(fa.rstrip("ao"), p.culture in ("kg", "kz")) + ("ович" if p.gender == "m" else "овна")
            if form == "cg":
                return [(cg, L)]
            if form == "cf":
                return [(cg + " " + cs, L)]
            if form == "coff":
                return [(cs + " " + cg + " " + cp, L)]
            return [(ru_decline(cg, p.gender, form[1:]), L)]
        if form in ("ruoff", "rufio", "rug", "ruinit"):
            if form == "ruoff":
                return [(p.surname + " " + p.given + " " + p.father, L)]
            if form == "rufio":
                return [(p.given + " " + p.surname, L)]
            if form == "rug":
                return [(p.given, L)]
            return [(p.surname + " " + p.given[0] + "." + p.father[0] + ".", L)]
        if form == "ruage":
            a = self.age_of(p)
            return [(str(a), "AGE"), (" " + ru_years(a), None)]
        raise ValueError(form)

    # -------------------------- slots
    def slot(self, key, me, nxt):
        if key.startswith("@"):
            return self.sensitive(key[1:])
        if key.startswith("#"):
            return [(self.distractor(key[1:]), None)]
        role, _, form = key.partition(":")
        form = form or "n"
        if role == "me":
            p = me
        elif role == "fac":
            p = self.fac
        elif role == "oth":
            others = [q for q in self.participants if q is not me]
            p = self.rng.choice(others)
        elif role == "next":
            p = nxt
        elif role in ("rinsp", "rboss", "rland", "rlaw"):
            if role not in self.people:
                g = {"rinsp": "m", "rboss": "m", "rland": "f", "rlaw": "f"}[role]
                pp = self.new_person(role, culture="ru", gender=g)
                self.people[role] = pp
                self.mentioned.append(pp)
            p = self.people[role]
        elif role in ("lpm", "lpf"):
            if role not in self.people:
                pp = self.new_person(role, culture=self.cult, gender=role[-1])
                self.people[role] = pp
                self.mentioned.append(pp)
            p = self.people[role]
        else:
            p = self.role(role, me)
        return self.person(p, form)

    # -------------------------- places
    def place_name(self, kind):
        key = "place_" + kind
        if key in self.cache and self.rng.random() < 0.75:
            return self.cache[key]
        name = self.rng.choice(PLACES[self.country][kind])
        self.cache.setdefault(key, name)
        return name

    def place(self, kind):
        r, c = self.rng, self.country
        P = "PLACE"
        def st(name):
            return self.style(name, "uz", allow_variant=False) if c == "uz" else name
        if kind == "district":
            x = st(self.place_name("district"))
            fm = {"uz": ["{} district", "{} tumani", "{} District"],
                  "tj": ["{} district", "nohiyai {}", "{} District"],
                  "kg": ["{} district", "{} raion", "{} rayonu"],
                  "kz": ["{} district", "{} audany", "{} District"]}[c]
            f = r.choice(fm)
            segs = [(f.format(x), P)]
            if f in ("{} district", "{} District") and r.random() < 0.3:
                segs = [("the ", None), *segs]
            return segs
        if kind == "community":
            x = st(self.place_name("community"))
            fm = {"uz": ["{} makhalla", "{} mahalla", "{} mahallasi", "{} MFY", "{} makhalla"],
                  "tj": ["{} jamoat", "jamoati {}", "{} jamoat"],
                  "kg": ["{} aiyl", "{} aiyl okmotu", "{} aiyl"],
                  "kz": ["{} auyl", "{} auyly", "{} village"]}[c]
            f = r.choice(fm)
            segs = [(self.lit(f.format(x)), P)]
            if f in ("{} makhalla", "{} mahalla", "{} jamoat", "{} aiyl", "{} village") and r.random() < 0.35:
                segs = [("the ", None), *segs]
            return segs
        if kind == "village":
            x = st(self.place_name("village"))
            m = r.random()
            if m < 0.35:
                return [("the village of ", None), (x, P)]
            if m < 0.7:
                return [(x + " village", P)]
            if c == "uz":
                return [(self.lit(x + " qishlog'i"), P)]
            if c == "kz":
                return [(x + " auyly", P)]
            return [(x, P)]
        if kind == "street":
            x = st(self.place_name("street"))
            fm = {"uz": ["{} ko'chasi", "{} street", "{} Street", "ulitsa {}"],
                  "tj": ["kuchai {}", "{} street", "{} Street"],
                  "kg": ["{} street", "ulitsa {}", "{} kochosu"],
                  "kz": ["{} street", "ulitsa {}", "{} koshesi"]}[c]
            return [(self.lit(r.choice(fm).format(x)), P)]
        if kind == "school":
            n = r.randint(1, 64)
            fm = ["school No. {}", "school No. {}", "school number {}", "{}th school" if n % 10 > 3 or n in (11, 12, 13) or n % 10 == 0 else "school No. {}",
                  "school-gymnasium No. {}"]
            if c == "uz":
                fm += ["{}-maktab", "{}-maktab"]
            if c == "tj":
                fm += ["maktabi №{}"]
            f = r.choice(fm)
            segs = [(f.format(n), P)]
            if f.startswith("{}th"):
                segs = [("the ", None), *segs]
            return segs
        if kind == "kg":
            n = r.randint(1, 150)
            fm = ["kindergarten No. {}", "kindergarten No. {}"] + (["{}-bog'cha"] if c == "uz" else [])
            return [(self.lit(r.choice(fm).format(n)), P)]
        if kind == "clinic":
            n = r.randint(1, 60)
            fm = ["polyclinic No. {}", "family polyclinic No. {}", "maternity complex No. {}"]
            if c == "uz":
                fm += ["{}-poliklinika", "{}-oilaviy poliklinika"]
            return [(r.choice(fm).format(n), P)]
        if kind == "bazaar":
            x = st(self.place_name("bazaar"))
            fm = ["{} bazaar", "{} bazaar", "{} market"] + (["{} bozori", "{} dehqon bozori"] if c == "uz" else [])
            f = r.choice(fm)
            segs = [(self.lit(f.format(x)), P)]
            if r.random() < 0.6:
                segs = [("the ", None), *segs]
            return segs
        raise ValueError(kind)

    # -------------------------- sensitive values
    def phone(self, kind=None):
        r = self.rng
        d = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))  # noqa: E731
        kind = kind or (self.country if r.random() < 0.8 else "ru")  # (phones: random digits)
        if kind == "uz":
            op = r.choice(["90", "91", "93", "94", "95", "97", "98", "99", "33", "88", "77", "50"])
            a, b, cc = d(3), d(2), d(2)
            fm = [f"+998 {op} {a} {b} {cc}", f"+998{op}{a}{b}{cc}", f"998{op}{a}{b}{cc}",
                  f"{op}-{a}-{b}-{cc}", f"{op} {a} {b} {cc}", f"({op}) {a}-{b}-{cc}",
                  f"+998 ({op}) {a}-{b}-{cc}", f"(71) {d(3)}-{d(2)}-{d(2)}", f"8 {op} {a}{b}{cc}"]
        elif kind == "tj":
            op = r.choice(["90", "91", "92", "93", "98", "50", "55", "88", "00"])
            fm = [f"+992 {op} {d(3)} {d(4)}", f"+992 ({op}) {d(3)}-{d(2)}-{d(2)}",
                  f"992{op}{d(7)}", f"{op} {d(3)} {d(2)} {d(2)}", f"+992{op}{d(7)}"]
        elif kind == "kg":
            op = r.choice(["555", "550", "700", "701", "770", "777", "999", "220", "505"])
            fm = [f"+996 {op} {d(3)} {d(3)}", f"0{op} {d(3)} {d(3)}", f"+996 ({op}) {d(2)}-{d(2)}-{d(2)}",
                  f"0{op} {d(2)} {d(2)} {d(2)}", f"+996{op}{d(6)}"]
        elif kind == "kz":
            op = r.choice(["701", "702", "705", "707", "747", "771", "775", "777", "778"])
            fm = [f"+7 {op} {d(3)} {d(4)}", f"8 {op} {d(3)} {d(2)} {d(2)}", f"+7 ({op}) {d(3)}-{d(2)}-{d(2)}",
                  f"8{op}{d(7)}", f"+7{op}{d(7)}"]
        else:
            op = r.choice(["912", "916", "926", "903", "905", "915", "925", "965", "977", "999"])
            fm = [f"+7 {op} {d(3)}-{d(2)}-{d(2)}", f"8 {op} {d(3)} {d(2)} {d(2)}", f"+7{op}{d(7)}",
                  f"8-{op}-{d(3)}-{d(2)}-{d(2)}", f"+7 ({op}) {d(3)}-{d(2)}-{d(2)}", f"8 ({op}) {d(3)}-{d(2)}-{d(2)}"]
        return r.choice(fm)

    def email(self):
        r = self.rng
        p = self.last_person
        if p is None and (self.mentioned or self.participants):
            p = r.choice(self.mentioned + self.participants)
        if p is not None and r.random() < 0.8:
            g = re.sub(r"[^a-z]", "", (to_lat(p.given) if p.culture == "ru" else ru_style(p.given)).lower())
            s = re.sub(r"[^a-z]", "", (to_lat(p.surname) if p.culture == "ru" else ru_style(p.surname)).lower())
            local = r.choice([f"{g}.{s}", f"{g}_{s[:1]}", f"{s}{g[:1]}", f"{g}{r.randint(70, 99)}",
                              f"{g}.{s}{r.randint(1, 99)}", f"{s}.{g}"])
        else:
            local = r.choice(["mehr", "umid", "oila", "baxt", "nur", "dil", "sabr"]) + \
                r.choice(["_", ".", ""]) + str(r.randint(1, 2005))
        dom = r.choice(["gmail.com", "mail.ru", "yandex.ru", "inbox.ru", "list.ru", "bk.ru",
                        "umail.uz", "inbox.uz", "yahoo.com", "outlook.com", "mail.kz", "mail.tj"])
        return f"{local}@{dom}"

    def url(self, kind=None):
        r = self.rng
        h = lambda n: "".join(r.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") for _ in range(n))  # noqa: E731
        nm = r.choice(["dilya", "aziz", "zara", "nurik", "mama", "ustoz", "kelin", "bek", "gulya",
                       "aika", "asik", "farik", "shoxa", "tort", "ish"]) + r.choice(["_", ".", ""]) + \
            r.choice(["style", "uz", "kz", "kg", "tj", "777", "2024", "cakes", "moskva", "official", str(r.randint(1, 99))])
        nm_u = nm.replace(".", "_")
        fm = [f"t.me/{nm_u}", f"https://t.me/{nm_u}", f"https://t.me/+{h(16)}", f"t.me/joinchat/{h(22)}",
              f"www.instagram.com/{nm}", f"instagram.com/{nm}", f"https://www.instagram.com/{nm}/",
              f"https://www.facebook.com/{nm}.{r.randint(1, 9)}", f"https://vk.com/id{r.randint(10**7, 10**9)}",
              f"https://ok.ru/profile/{r.randint(10**11, 10**12)}", f"www.tiktok.com/@{nm}",
              f"https://www.youtube.com/@{nm_u}"]
        if kind == "tg":
            fm = [*fm[2:4], f"https://t.me/{nm_u}_chat", f"t.me/+{h(16)}"]
        elif kind == "tgp":
            fm = [*fm[0:2], f"@{nm_u}".replace("@", "t.me/"), f"https://t.me/{nm_u}"]
        elif kind == "ig":
            fm = [*fm[4:7], f"https://instagram.com/{nm}"]
        return r.choice(fm)

    def passport(self):
        r = self.rng
        d = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))  # noqa: E731
        c = self.country
        if c == "uz":
            s = r.choice(["AA", "AB", "AC", "AD", "AE", "FA", "KA"])
            return r.choice([f"{s}{d(7)}", f"{s} {d(7)}", f"{s}{d(7)}"])
        if c == "tj":
            return r.choice([f"A{d(8)}", f"{d(9)}", f"A {d(8)}"])
        if c == "kg":
            s = r.choice(["AN", "AC", "ID"])
            return r.choice([f"{s}{d(7)}", f"{s} {d(7)}"])
        return r.choice([f"N{d(8)}", f"0{d(8)}"])

    def natid(self):
        r = self.rng
        d = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))  # noqa: E731
        c = self.country
        if c == "uz":
            return r.choice([self.pinfl(), f"AD{d(7)}", f"AE {d(7)}"])
        if c == "tj":
            return d(9)  # INN
        if c == "kg":
            return r.choice([f"ID{d(7)}", self.pinfl()])
        return self.iin()

    def pinfl(self):
        r = self.rng
        day, mon, yr = r.randint(1, 28), r.randint(1, 12), r.randint(1955, 2005)
        first = ("3" if yr < 2000 else "5") if r.random() < 0.5 else ("4" if yr < 2000 else "6")
        if self.country == "kg":
            first = r.choice("12")
            return f"{first}{day:02d}{mon:02d}{yr}{r.randint(0, 99999):05d}"
        return f"{first}{day:02d}{mon:02d}{yr % 100:02d}{r.randint(0, 9999999):07d}"

    def iin(self):
        r = self.rng
        return f"{r.randint(55, 99):02d}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.choice('3456')}{r.randint(0, 99999):05d}"

    def card(self):
        r = self.rng
        pre = r.choice(["8600", "8600", "9860", "9860", "4169", "5614", "2200", "4400"])
        if self.country == "kz":
            pre = r.choice(["4400", "5169", "4405"])
        num = luhn_complete(pre, 16, r)
        assert luhn_ok(num)
        g = [num[i:i + 4] for i in range(0, 16, 4)]
        return r.choice([" ".join(g), " ".join(g), num, "-".join(g)])

    def dob(self, cyr=False):
        r = self.rng
        y, m, dd = r.randint(1950, 2018), r.randint(1, 12), r.randint(1, 28)
        if cyr:
            return r.choice([f"{dd:02d}.{m:02d}.{y}", f"{dd} {RU_MONTHS_GEN[m - 1]} {y}"])
        fm = [f"{dd:02d}.{m:02d}.{y}", f"{dd:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{dd:02d}",
              f"{dd} {MONTHS[m - 1]} {y}", f"{MONTHS[m - 1]} {dd}, {y}"]
        if self.country == "uz":
            fm.append(f"{y}-yil {dd}-{UZ_MONTHS[m - 1]}")
        return r.choice(fm)

    def addr(self, ru_latin=False):
        r, c = self.rng, self.country
        h, fl = r.randint(1, 120), r.randint(1, 90)
        if ru_latin:
            st = r.choice(["Lenina", "Sadovaya", "Mira", "Gagarina", "Sovetskaya", "Molodezhnaya", "Tsentralnaya"])
            return r.choice([f"ulitsa {st} {h}, kv. {fl}", f"ul. {st}, d. {h}, kv. {fl}", f"{st} street {h}, flat {fl}"])
        st = self.place_name("street")
        if c == "uz":
            st = self.style(st, "uz", allow_variant=False)
            fm = [f"{st} ko'chasi, {h}-uy, {fl}-xonadon", f"{st} ko'chasi {h}-uy", f"house {h} on {st} street",
                  f"{st} street {h}, apartment {fl}",
                  f"{self.style(self.place_name('district'), 'uz', allow_variant=False)} {r.randint(1, 20)}-kvartal, {h}-uy, {fl}-xonadon",
                  f"{st} ko'chasi, {h}-uy"]
            return self.lit(r.choice(fm))
        if c == "tj":
            fm = [f"kuchai {st} {h}, kv. {fl}", f"house {h}, {st} street", f"{st} street {h}, apartment {fl}",
                  f"{r.randint(12, 104)} mkr, house {h}, flat {fl}"]
        elif c == "kg":
            fm = [f"{st} street {h}, apartment {fl}", f"ul. {st} {h}", f"microdistrict {r.randint(1, 12)}, building {h}, flat {fl}",
                  f"house {h} on {st} street"]
        else:
            fm = [f"{st} street {h}, apartment {fl}", f"mkr. Samal-{r.randint(1, 3)}, d. {h}, kv. {fl}",
                  f"ulitsa {st} {h}", f"{st} street {h}, flat {fl}"]
        return r.choice(fm)

    def org(self, ru=False):
        r, c = self.rng, self.country
        a, b = r.choice(ORG_A), r.choice(ORG_B)
        if ru:
            a2 = r.choice(["Строй", "Техно", "Мега", "Гранит", "Альфа", "Вектор", "Союз"])
            b2 = r.choice(["Инвест", "Монтаж", "Сервис", "Групп", "Плюс", "Трейд"])
            return r.choice([f"ООО «{a2}{b2.lower()}»", f"ООО «{a2}-{b2}»", f"ООО «{a2}{b2}»"])
        if c == "uz":
            fm = [f"OOO «{a} {b}»", f"{a} {b} MChJ", f"{a} {b} LLC", f"OOO {a}{b.lower()}", f"\"{a} {b}\" MChJ"]
        elif c == "tj":
            fm = [f"LLC {a} {b}", f"{a} {b} LLC", f"JDM «{a} {b}»"]
        elif c == "kg":
            fm = [f"OsOO «{a} {b}»", f"{a} {b} LLC", f"OsOO {a}-{b}"]
        else:
            fm = [f"TOO «{a} {b}»", f"{a} {b} LLP", f"TOO {a}{b}"]
        if r.random() < 0.2:
            return f"OOO «{r.choice(['Stroy', 'Tekh', 'Grand', 'Alfa', 'Vektor'])}{r.choice(['Invest', 'Montazh', 'Servis', 'Trade'])}»"
        return r.choice(fm)

    def patent(self):
        r = self.rng
        d = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))  # noqa: E731
        return r.choice([f"{r.choice(['77', '50', '78', '66'])} № {d(10)}", f"{r.choice(['77', '50', '78'])}{d(10)}",
                         f"{r.choice(['77', '50'])} {d(10)}"])

    def sensitive(self, kind):
        r = self.rng
        if kind in ("district", "community", "village", "street", "school", "clinic", "bazaar", "kg"):
            return self.place(kind)
        if kind == "phone":
            return [(self.phone(), "PHONE")]
        if kind == "phone_ru":
            return [(self.phone("ru"), "PHONE")]
        if kind == "email":
            return [(self.email(), "EMAIL")]
        if kind.startswith("url"):
            return [(self.url(kind[4:] or None), "URL")]
        if kind == "passport":
            return [(self.passport(), "ID")]
        if kind == "passport_ru":
            return [(f"{r.randint(10, 99)} {r.randint(10, 99)} {r.randint(100000, 999999)}", "ID")]
        if kind == "pinfl":
            v = self.iin() if self.country == "kz" else self.pinfl()
            return [(v, "ID")]
        if kind == "natid":
            return [(self.natid(), "ID")]
        if kind == "patent":
            return [(self.patent(), "ID")]
        if kind == "card":
            return [(self.card(), "CARD")]
        if kind == "dob":
            return [(self.dob(), "DOB")]
        if kind == "dob_ru":
            return [(self.dob(cyr=True), "DOB")]
        if kind == "addr":
            return [(self.addr(), "ADDRESS")]
        if kind == "addr_ru":
            return [(self.addr(ru_latin=True), "ADDRESS")]
        if kind == "addr_cyr":
            st = r.choice(["Ленина", "Садовая", "Мира", "Гагарина", "Советская", "Молодёжная"])
            pre = r.choice(["ул.", "ул.", "пр-т", "пер."])
            return [(f"{pre} {st}, д. {r.randint(1, 150)}, кв. {r.randint(1, 99)}", "ADDRESS")]
        if kind == "org":
            return [(self.org(), "ORG")]
        if kind == "org_ru":
            return [(self.org(ru=True), "ORG")]
        raise ValueError(kind)

    # -------------------------- distractors (never gold)
    def distractor(self, kind):
        r, c = self.rng, self.country
        if kind == "money_s":  # fares, day wages, prices
            if c == "uz":
                return self.lit(r.choice([f"{r.choice([5, 8, 20, 35, 50, 80, 120, 150])} 000 so'm",
                                          f"{r.choice([5, 8, 20, 50, 100])},000 som",
                                          f"{r.choice([10, 30, 70])} thousand sum"]))
            if c == "tj":
                return f"{r.choice([5, 10, 30, 60, 100, 150])} somoni"
            if c == "kg":
                return r.choice([f"{r.choice([50, 100, 300, 700])} som", f"{r.choice([1, 2])},000 soms"])
            return r.choice([f"{r.choice([2, 3, 5, 8, 12])} 000 tenge", f"{r.choice([500, 700])} tenge"])
        if kind == "money":  # salaries, rents, fines, loans
            if c == "uz":
                fm = [f"{r.choice([1, 2, 3, 4, 5, 6])} million so'm", f"{r.choice([2, 3, 5])} 000 000 som",
                      f"{r.choice(['800', '1 500', '2 500'])} 000 sum", f"{r.choice([200, 300, 500, 1000])} dollars",
                      "$" + r.choice(["150", "300", "700", "1,500"])]
            elif c == "tj":
                fm = [f"{r.choice([800, 1500, 2000, 4000])} somoni", f"{r.choice([1, 2, 5])} 000 somoni",
                      f"{r.choice([200, 300, 500])} dollars"]
            elif c == "kg":
                fm = [f"{r.choice([10, 15, 25, 40])} 000 som", f"{r.choice([15, 30])},000 soms",
                      f"{r.choice([200, 300, 500])} dollars"]
            else:
                fm = [f"{r.choice([80, 150, 250, 400])} 000 tenge", f"{r.choice([100, 200])} thousand tenge",
                      f"{r.choice([200, 500, 1000])} dollars", "$" + r.choice(["300", "1,200"])]
            return self.lit(r.choice(fm))
        if kind == "money_big":
            return self.lit(r.choice(["150 000 000 so'm", "120 million som", "40,000 dollars", "25 thousand dollars",
                                      "$18,000", "200 million", "15 000 dollars"] if c == "uz" else
                                     ["30,000 dollars", "$20,000", "12 000 dollars", "25 thousand dollars"]))
        if kind == "money_ru":
            n = r.choice([30, 40, 45, 50, 60, 70, 80, 90, 120])
            return r.choice([f"{n} 000 rubles", f"{n} thousand roubles", f"{n},000 rubles", f"{n} thousand rubles"])
        if kind == "money_patent":
            return r.choice(["7 000 rubles", "7,500 roubles", "eight thousand rubles", "6 900 rubles"])
        if kind == "year":
            return str(r.randint(2008, 2024))
        if kind == "pct":
            return r.choice([f"{r.randint(2, 9) * 10} percent", f"{r.randint(2, 15)}%", f"{r.randint(3, 9) * 10}%", "half"])
        if kind == "count":
            n = r.choice([3, 4, 5, 6, 7, 8, 12, 15, 20, 25, 30, 40, 60, 120, 250, 400])
            return words(n) if n < 20 and r.random() < 0.6 else str(n)
        if kind == "cnt_s":
            n = r.randint(4, 9)
            return words(n) if r.random() < 0.6 else str(n)
        if kind == "cnt_b":
            return str(r.choice([40, 60, 80, 120, 150, 200, 250, 300, 400, 450]))
        if kind == "kids":
            return r.choice(["two", "three", "four", "five", "2", "3", "4"])
        if kind == "nyears":
            return r.choice(["two", "three", "five", "2", "4"])
        if kind == "days":
            return r.choice(["30", "thirty", "45", "60"])
        if kind in ("edate", "edate2"):
            y = r.randint(2019, 2024)
            m, dd = r.randint(1, 12), r.randint(1, 28)
            fm = [f"{dd} {MONTHS[m - 1]}", f"{dd} {MONTHS[m - 1]} {y}", f"{dd:02d}.{m:02d}.{y}",
                  f"the {dd}th of {MONTHS[m - 1]}" if dd not in (1, 2, 3, 21, 22, 23) else f"{dd} {MONTHS[m - 1]}",
                  f"{MONTHS[m - 1]} {dd}, {y}"]
            return r.choice(fm)
        if kind == "time_eve":
            return r.choice([f"{r.randint(18, 21)}:00", f"{r.randint(6, 9)} pm"])
        if kind == "time":
            return r.choice([f"{r.randint(8, 18)}:{r.choice(['00', '15', '30', '40', '45'])}", f"{r.randint(1, 6)} pm",
                             f"{r.randint(8, 11)} am", f"half past {words(r.randint(2, 6))}"])
        if kind == "hotline":
            return {"uz": r.choice(["1146", "1146", "102"]), "tj": r.choice(["1313", "102"]),
                    "kg": r.choice(["112", "102", "1212"]), "kz": r.choice(["150", "111", "102"])}[c]
        if kind == "region":
            return r.choice(REGIONS[c])
        if kind == "abroad":
            return r.choice(ABROAD)
        if kind == "lang":
            return {"uz": "Uzbek", "tj": "Tajik", "kg": "Kyrgyz", "kz": "Kazakh"}[c]
        raise ValueError(kind)


def ru_decline(name, gender, case):
    """Very small Russian declension for given names (gen/dat/ins)."""
    soft = "гкхжшчщ"
    if name.endswith(("а", "я")):
        stem = name[:-1]
        if case == "gen":
            return stem + ("и" if name.endswith("я") or stem[-1] in soft else "ы")
        if case == "dat":
            return stem + "е"
        return stem + ("ей" if name.endswith("я") or stem[-1] in "жшчщц" else "ой")
    if gender == "f" or name[-1] in "оиуеэыю":
        return name  # Айгерим, Нурулло: indeclinable
    if name.endswith(("й", "ь")):
        stem = name[:-1]
        return stem + {"gen": "я", "dat": "ю", "ins": "ем"}[case]
    return name + {"gen": "а", "dat": "у", "ins": ("ем" if name[-1] in "жшчщц" else "ом")}[case]


def ru_years(n):
    if 11 <= n % 100 <= 14:
        return "лет"
    return {1: "год", 2: "года", 3: "года", 4: "года"}.get(n % 10, "лет")


# ---------------------------------------------------------------------------
# assembly
# ---------------------------------------------------------------------------
SLOT = re.compile(r"\{([^{}]+)\}")


PREFIX = re.compile(r"(F|M|uz|tj|kg|kz)\|")


def parse_tpl(tpl):
    """Strip "F|", "M|" (speaker gender) and "uz|"... (country) prefixes."""
    gender, countries = None, set()
    while True:
        m = PREFIX.match(tpl)
        if not m:
            return gender, countries, tpl
        tag = m.group(1)
        tpl = tpl[m.end():]
        if tag in ("F", "M"):
            gender = tag.lower()
        else:
            countries.add(tag)


def needs_ok(tpl, ctx, me):
    """Filter templates that need a second participant / facilitator / gender / country."""
    gender, countries, tpl = parse_tpl(tpl)
    if countries and ctx.country not in countries:
        return False
    if gender and me is not None and me.gender != gender:
        return False
    if "{oth" in tpl and len(ctx.participants) < 2:
        return False
    if "{fac" in tpl and ctx.fac is None:
        return False
    if me is not None:
        # a speaker cannot have both a husband and a wife; keep roles coherent with gender
        if me.gender == "m" and any(k in tpl for k in ("{husband", "{mil", "{bil")):
            return False
        if me.gender == "f" and "{wife" in tpl:
            return False
    return True


def render(tpl, ctx, me=None, nxt=None):
    tpl = parse_tpl(tpl)[2]
    segs = []
    pos = 0
    for m in SLOT.finditer(tpl):
        if m.start() > pos:
            segs.append((ctx.lit(tpl[pos:m.start()]), None))
        segs.extend(ctx.slot(m.group(1), me, nxt))
        pos = m.end()
    if pos < len(tpl):
        segs.append((ctx.lit(tpl[pos:]), None))
    if segs and segs[0][1] is None and segs[0][0][:1].islower():
        segs[0] = (segs[0][0][0].upper() + segs[0][0][1:], None)
    return segs


class Turn:
    def __init__(self, speaker_segs):
        self.speaker_segs = speaker_segs
        self.text_segs = []

    def add_sentence(self, segs):
        if self.text_segs:
            self.text_segs.append((" ", None))
        self.text_segs.extend(segs)


def flatten(segs):
    text, spans, pos = [], [], 0
    for s, lab in segs:
        if lab:
            spans.append((pos, pos + len(s), lab, s))
        text.append(s)
        pos += len(s)
    return "".join(text), spans


def word_count(turns):
    return sum(len(flatten(t.text_segs)[0].split()) for t in turns)


def build_doc(idx, rng, country, russian):
    ctx = Ctx(rng, country)
    fmt = "iv" if rng.random() < 0.42 else "fg"
    notes_heavy = rng.random() < 0.3
    topics = list(TOPICS)
    primary = topics[idx % len(topics)]
    secondary = rng.sample([t for t in topics if t != primary], rng.choice([1, 2]))
    if primary == "dv":
        group = "f"
    elif primary in ("migration", "police", "property"):
        group = rng.choice(["f", "m", "mixed"])
    else:
        group = rng.choice(["f", "f", "mixed", "m"])

    ctx.topic = primary
    # ---- cast
    n_part = 1 if fmt == "iv" else rng.randint(4, 7)
    for _ in range(n_part):
        gd = group if group in "fm" else rng.choice("fm")
        cult = ctx.cult if rng.random() > 0.12 else rng.choice(MINORITY[country])
        p = ctx.new_person("participant", culture=cult, gender=gd)
        p.age = rng.randint(40, 70) if primary in ("returnee", "wedding", "property") else rng.randint(24, 66)
        ctx.participants.append(p)
    if rng.random() < 0.7:
        ctx.fac = ctx.new_person("fac", culture=ctx.cult if rng.random() > 0.2 else rng.choice(MINORITY[country]),
                                 gender="f" if rng.random() < 0.75 else "m")

    # ---- speaker labels
    mode = rng.choice(["named", "paren", "neutral", "mixed"] if fmt == "fg" else
                      ["named", "paren", "neutral", "full"])
    labels = {}
    named_flags = {}
    for i, p in enumerate(ctx.participants):
        k = i + 1
        named = mode in ("named", "paren", "full") or (mode == "mixed" and rng.random() < 0.5)
        named_flags[id(p)] = named
        if not named:
            lab = [(rng.choice([f"P{k}", f"Participant {k}", f"Respondent {k}", f"R{k}",
                                f"{'Woman' if p.gender == 'f' else 'Man'} {k}"]) if fmt == "fg"
                    else rng.choice(["Respondent", "R", "Interviewee"]), None)]
        elif mode == "paren":
            pre = f"Participant {k}" if fmt == "fg" else "Respondent"
            if rng.random() < 0.5:
                lab = [(pre + " (", None), (ctx.g(p), "PERSON"), (", ", None), (str(p.age), "AGE"), (")", None)]
            else:
                lab = [(pre + " (", None), (ctx.g(p), "PERSON"), (")", None)]
        elif mode == "full":
            lab = [(rng.choice([ctx.g(p) + " " + ctx.sur(p), ctx.sur(p) + " " + ctx.g(p)]), "PERSON")]
        else:
            m = rng.random()
            if m < 0.2 and p.culture not in ("ru", "ko"):
                lab = ctx.person(p, "a")
            elif m < 0.3:
                lab = [(ctx.g(p), "PERSON"), (", ", None), (str(p.age), "AGE")]
            else:
                lab = [(ctx.g(p), "PERSON")]
        labels[id(p)] = lab
    fac_label = [("Moderator" if fmt == "fg" else rng.choice(["Interviewer", "I", "Int."]), None)]
    if ctx.fac is not None and rng.random() < 0.3:
        fac_label = [(ctx.g(ctx.fac), "PERSON"), (" (moderator)" if fmt == "fg" else " (interviewer)", None)]
    note_label = [(rng.choice(["Field note", "Note-taker", "[Observer]", "Facilitator's note", "Note"]), None)]
    if rng.random() < 0.15:
        nt = ctx.new_person("notetaker", culture=ctx.cult, gender="f")
        ctx.mentioned.append(nt)
        note_label = [("Note-taker (", None), (ctx.g(nt), "PERSON"), (")", None)]

    if mode in ("named", "paren", "full"):
        plist = [p for p in ctx.participants]
        if rng.random() < 0.2 and len(plist) > 1:
            plist = rng.sample(plist, len(plist) - 1)
    elif mode == "mixed":
        plist = [p for p in ctx.participants if named_flags[id(p)] or rng.random() < 0.3]
    else:
        plist = [] if rng.random() < 0.5 else [p for p in ctx.participants if rng.random() < 0.5]
    participants = [(to_lat(p.given) if p.culture == "ru" else ctx.apply_apos(p.given)) + " " +
                    (to_lat(p.surname) if p.culture == "ru" else ctx.apply_apos(p.surname)) for p in plist]

    used = set()

    def pick(pool, me):
        cands = [t for t in pool if t not in used and needs_ok(t, ctx, me)]
        if not cands:
            return None
        t = rng.choice(cands)
        used.add(t)
        return t

    turns: list[Turn] = []

    def fac_turn(tpl, nxt=None):
        t = Turn(fac_label)
        t.add_sentence(render(tpl, ctx, None, nxt))
        turns.append(t)
        return t

    def p_turn(p, n_sent, topic_pool):
        t = Turn(labels[id(p)])
        for s in range(n_sent):
            x = rng.random() if s > 0 else 1.0
            if s == 0 and fmt == "fg" and rng.random() < 0.08:
                tpl = pick(GREET_REACT, p)
            elif x < 0.12:
                tpl = pick(IDENT, p)
            elif x < 0.20:
                tpl = pick(GENERIC, p)
            elif x < 0.26 and CS[country]:
                tpl = pick(CS[country], p)
            else:
                tpl = pick(topic_pool, p)
            if tpl is None:
                tpl = pick(GENERIC, p) or pick(IDENT, p)
            if tpl is None:
                continue
            t.add_sentence(render(tpl, ctx, p))
        turns.append(t)
        return t

    def note_turn():
        pool = [x for x in FIELD_NOTES if (fmt == "iv") == ("espondent" in x or "{husband" in x
                                                            or "{daughter" in x)
                or ("espondent" not in x and "articipant" not in x and "{oth" not in x
                    and "{husband" not in x and "{daughter" not in x)]
        tpl = pick(pool, ctx.participants[0] if fmt == "iv" else None)
        if tpl is None:
            return
        t = Turn(note_label)
        t.add_sentence(render(tpl, ctx, ctx.participants[0] if fmt == "iv" else None))
        turns.append(t)

    # ---- opening
    op = pick([o for o in (OPENINGS_FG if fmt == "fg" else OPENINGS_IV)], None)
    fac_turn(op)
    if notes_heavy:
        note_turn()
    # ---- introductions
    for p in ctx.participants:
        t = Turn(labels[id(p)])
        named_intro = named_flags[id(p)] or rng.random() < 0.5
        pool = INTROS_NAMED if named_intro else INTROS_ANON
        tpl = pick(pool, p) or pick(INTROS_ANON, p) or pick(INTROS_NAMED, p)
        if tpl is None:
            used.difference_update(INTROS_NAMED + INTROS_ANON)
            tpl = pick(pool, p)
        t.add_sentence(render(tpl, ctx, p))
        turns.append(t)
    # ---- body
    target = rng.randint(360, 720)
    topic_order = [primary, *secondary]
    russian_done = not russian
    ti = 0
    guard = 0
    while word_count(turns) < target and guard < 40:
        guard += 1
        topic = topic_order[min(ti // 3, len(topic_order) - 1)] if rng.random() < 0.8 else rng.choice(topic_order)
        ti += 1
        pool = TOPICS[topic]
        speaker_pool = ctx.participants
        nxt = rng.choice(speaker_pool)
        q = pick(QUESTIONS[topic], None)
        is_topic_q = q is not None
        q = q or pick(FOLLOWUPS, None) or "Please go on."
        if fmt == "fg" and is_topic_q and named_flags[id(nxt)] and rng.random() < 0.45:
            pre = rng.choice(["{next:voc}, ", "And you, {next:voc}? ", "{next:voc}, your turn. "])
            if pre == "{next:voc}, " and not q.startswith("I "):
                q = q[0].lower() + q[1:]
            q = pre + q
        fac_turn(q, nxt)
        answerers = [nxt]
        if fmt == "fg":
            for _ in range(rng.choice([0, 1, 1, 2])):
                c = rng.choice([p for p in ctx.participants if p is not answerers[-1]])
                answerers.append(c)
        for a in answerers:
            n_sent = rng.randint(2, 4) if fmt == "iv" else rng.randint(1, 3)
            t = p_turn(a, n_sent, pool)
            if not russian_done and rng.random() < 0.5:
                t.add_sentence([(rng.choice(RUSSIAN_LEADINS), None)])
                for tpl in rng.sample(RUSSIAN, rng.randint(2, 3)):
                    t.add_sentence(render(tpl, ctx, a))
                russian_done = True
            if fmt == "iv" and rng.random() < 0.3:
                fac_turn(pick(FOLLOWUPS, None) or "I see.")
                p_turn(a, rng.randint(1, 2), pool)
        if rng.random() < (0.35 if notes_heavy else 0.1):
            note_turn()
    if not russian_done:
        a = rng.choice(ctx.participants)
        t = Turn(labels[id(a)])
        t.add_sentence([(rng.choice(RUSSIAN_LEADINS), None)])
        for tpl in rng.sample(RUSSIAN, rng.randint(2, 3)):
            t.add_sentence(render(tpl, ctx, a))
        turns.append(t)
    # ---- closing
    fac_turn(pick(CLOSINGS_FAC, None))
    closer = rng.choice(ctx.participants)
    tpl = pick(CLOSINGS_P, closer)
    if tpl:
        t = Turn(labels[id(closer)])
        t.add_sentence(render(tpl, ctx, closer))
        turns.append(t)

    # ---- serialise
    out_turns, spans = [], []
    for ti_, t in enumerate(turns):
        sp_text, sp_spans = flatten(t.speaker_segs)
        tx_text, tx_spans = flatten(t.text_segs)
        out_turns.append({"speaker": sp_text, "text": tx_text})
        for field, text, ss in (("speaker", sp_text, sp_spans), ("text", tx_text, tx_spans)):
            for s, e, lab, val in ss:
                assert text[s:e] == val, (text[s:e], val)
                spans.append({"turn": ti_, "field": field, "start": s, "end": e, "label": lab})
    doc = {
        "id": f"heldout-{country}-{idx + 1:03d}",
        "set": "synthetic",
        "language": "en",
        "participants": participants,
        "facilitator": (ctx.apply_apos(ctx.fac.given) + " " + ctx.apply_apos(ctx.fac.surname)
                        if ctx.fac is not None and ctx.fac.culture != "ru" else
                        (to_lat(ctx.fac.given) + " " + to_lat(ctx.fac.surname) if ctx.fac else None)),
        "turns": out_turns,
        "spans": spans,
    }
    meta = {"fmt": fmt, "mode": mode, "russian": russian, "primary": primary,
            "mentioned": ctx.mentioned, "participants_p": ctx.participants}
    return doc, meta


# ---------------------------------------------------------------------------
# verification
# ---------------------------------------------------------------------------
REGION_WORDS = {w for v in REGIONS.values() for w in v} | set(ABROAD) | {
    "Tashkent", "Dushanbe", "Bishkek", "Osh", "Almaty", "Shymkent", "Moscow", "Russia", "Turkey",
    "Syria", "Iraq", "Samarkand", "Fergana", "Jizzakh", "Namangan", "Sughd", "Khatlon"}


def verify_doc(doc, strict_words=True):
    assert set(doc) == {"id", "set", "language", "participants", "facilitator", "turns", "spans"}
    assert doc["language"] == "en" and doc["set"] == "synthetic"
    assert isinstance(doc["participants"], list)
    assert doc["facilitator"] is None or isinstance(doc["facilitator"], str)
    turns = doc["turns"]
    assert 8 <= len(turns) <= 60, len(turns)
    n_words = sum(len(t["text"].split()) for t in turns)
    if strict_words:
        assert MIN_WORDS <= n_words <= MAX_WORDS, (doc["id"], n_words)
    by_field = {}
    for sp in doc["spans"]:
        assert sp["label"] in LABELS
        assert sp["field"] in ("text", "speaker")
        s = turns[sp["turn"]][sp["field"]]
        val = s[sp["start"]:sp["end"]]
        assert val and val == val.strip(), (doc["id"], val)
        assert 0 <= sp["start"] < sp["end"] <= len(s)
        if sp["label"] == "PLACE":
            assert val not in REGION_WORDS, val
        if sp["label"] == "CARD":
            assert luhn_ok(val), val
        if sp["label"] == "PERSON":
            assert not val.endswith(("'s", "’s")), val
        by_field.setdefault((sp["turn"], sp["field"]), []).append((sp["start"], sp["end"]))
    for k, lst in by_field.items():
        lst.sort()
        for (_a, b), (c, _d) in itertools.pairwise(lst):
            assert b <= c, (doc["id"], k, lst)
    for t in turns:
        assert "{" not in t["text"] and "}" not in t["text"], t["text"]
    return n_words


def unlabeled_name_leak(doc):
    """A single-token PERSON/PLACE string that also occurs unlabeled elsewhere would make
    the gold inconsistent; report such cases so the document is regenerated."""
    gold = set()
    for sp in doc["spans"]:
        if sp["label"] in ("PERSON",):
            v = doc["turns"][sp["turn"]][sp["field"]][sp["start"]:sp["end"]]
            for tok in re.findall(r"\w[\w'ʻ‘’`ʼ-]*", v):
                if len(tok) > 2 and tok[0].isupper():
                    gold.add(tok)
    covered = {}
    for sp in doc["spans"]:
        covered.setdefault((sp["turn"], sp["field"]), []).append((sp["start"], sp["end"]))
    for ti, t in enumerate(doc["turns"]):
        for field in ("speaker", "text"):
            s = t[field]
            for m in re.finditer(r"\w[\w'ʻ‘’`ʼ-]*", s):
                if m.group(0) in gold:
                    cov = covered.get((ti, field), [])
                    if not any(a <= m.start() and m.end() <= b for a, b in cov):
                        return m.group(0)
    return None


def generate(n=N_DOCS):
    rng = random.Random(SEED)
    countries = ["uz"] * 46 + ["tj"] * 19 + ["kg"] * 18 + ["kz"] * 17
    countries = countries[:n] if n <= len(countries) else (countries * (n // len(countries) + 1))[:n]
    rng.shuffle(countries)
    russian_idx = set(rng.sample(range(n), max(1, round(n * N_RUSSIAN / N_DOCS))))
    docs, metas = [], []
    for i in range(n):
        for _attempt in range(30):
            doc, meta = build_doc(i, rng, countries[i], i in russian_idx)
            nw = verify_doc(doc, strict_words=False)
            if not (MIN_WORDS <= nw <= MAX_WORDS):
                continue
            if unlabeled_name_leak(doc):
                continue
            # participants list never contains people who are only mentioned
            ment = {(m.given, m.surname) for m in meta["mentioned"]}
            part = {(p.given, p.surname) for p in meta["participants_p"]}
            assert not (ment & part)
            break
        else:
            raise RuntimeError(f"could not build doc {i}")
        verify_doc(doc)
        docs.append(doc)
        metas.append(meta)
    return docs, metas


def stats(docs, metas=None):
    lab = Counter()
    lab_sp = Counter()
    lab_docs = Counter()
    for d in docs:
        seen = set()
        for sp in d["spans"]:
            lab[sp["label"]] += 1
            if sp["field"] == "speaker":
                lab_sp[sp["label"]] += 1
            seen.add(sp["label"])
        for l_ in seen:
            lab_docs[l_] += 1
    nw = [sum(len(t["text"].split()) for t in d["turns"]) for d in docs]
    nt = [len(d["turns"]) for d in docs]
    cyr = sum(1 for d in docs if any(re.search("[А-Яа-я]{3}", t["text"]) for t in d["turns"]))
    rus = sum(1 for d in docs if any(lead in t["text"] for t in d["turns"] for lead in RUSSIAN_LEADINS))
    print(f"documents: {len(docs)}  countries: {dict(Counter(d['id'].split('-')[1] for d in docs))}")
    if metas:
        print(f"formats: {dict(Counter(m['fmt'] for m in metas))}  label modes: {dict(Counter(m['mode'] for m in metas))}")
    print(f"turns: {sum(nt)} ({min(nt)}-{max(nt)})  words: {sum(nw)} ({min(nw)}-{max(nw)}, mean {sum(nw) / len(nw):.0f})")
    print(f"with a Russian passage: {rus}  with any Cyrillic: {cyr}")
    print("| label | spans | of which in `speaker` | transcripts with >=1 |")
    print("|---|---:|---:|---:|")
    for l_ in sorted(lab, key=lambda x: -lab[x]):
        print(f"| {l_} | {lab[l_]} | {lab_sp[l_]} | {lab_docs[l_]} |")
    print(f"| **total** | **{sum(lab.values())}** | {sum(lab_sp.values())} | |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--out", default=DEFAULT_OUT)
    ap.add_argument("-n", type=int, default=N_DOCS)
    ap.add_argument("--check", action="store_true", help="re-read the written file and verify it")
    args = ap.parse_args()
    docs, metas = generate(args.n)
    with open(args.out, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    stats(docs, metas)
    if args.check:
        with open(args.out, encoding="utf-8") as f:
            back = [json.loads(line) for line in f]
        assert back == docs
        ids = [d["id"] for d in back]
        assert len(set(ids)) == len(ids)
        for d in back:
            verify_doc(d)
        print(f"check: OK ({len(back)} documents re-read and verified)")


if __name__ == "__main__":
    main()
