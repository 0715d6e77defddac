"""Hand-written name lists and the small functions that inflect them.

All names were typed from general knowledge of common given names and surnames in
Uzbekistan, Tajikistan, Kyrgyzstan and Russia.  They are combined at random and are
not taken from any records; every person in the set is invented.

Cultures: ``uz`` (stored in Uzbek Latin), ``tg`` (Tajik Cyrillic), ``ky`` (Kyrgyz
Cyrillic), ``ru`` (Russian Cyrillic).  A person is rendered in a *script context*:
``ru`` (Russian Cyrillic spelling, Russian cases), ``uz`` (Uzbek Latin), ``uzc``
(Uzbek Cyrillic), ``tg``, ``ky`` or ``en`` (Latin).
"""
from __future__ import annotations

import re

# --------------------------------------------------------------------------- lists
UZ_F = ("Dilnoza Gulnora Malika Mohira Nodira Feruza Zulfiya Mastura Xurshida Shahlo Dildora "
        "Gulchehra Barno Sevara Kamola Nargiza Mavluda Hilola Munisa Zarina Dilfuza Yulduz "
        "Gulbahor Shoira Madina Nasiba Dilorom Muqaddas Oygul Ziyoda").split()
UZ_M = ("Bahodir Rustam Akmal Anvar Botir Dilshod Farhod Jamshid Nodir O'tkir Sanjar Sherzod "
        "Ulug'bek Xurshid Otabek Sardor Jasur Bekzod Alisher Shuhrat Ravshan Timur Aziz "
        "Sarvar Ilhom Baxtiyor Abdulla Mansur Zafar Komil").split()
UZ_SUR = ("Toshmatov Yusupov Rahimov Qodirov Xolmatov Ergashev Nazarov Mirzayev Abdullayev "
          "Tursunov Sobirov Ismoilov Qo'chqorov Normatov Sultonov Umarov Hasanov Olimov "
          "Saidov Po'latov Shukurov Hamroyev Rasulov Murodov Ahmedov Jo'rayev").split()

TG_F = ("Фирӯза Манижа Нигина Таҳмина Шабнам Гулноза Мадина Мавҷуда Фарзона Зебо Парвина "
        "Дилафрӯз Мунира Рухшона Гулрухсор Марҳабо Заррина Меҳрангез Шаҳноза Сарвиноз").split()
TG_M = ("Фаррух Фирдавс Ҷамшед Баҳром Суҳроб Парвиз Диловар Нурулло Хуршед Шариф "
        "Фаридун Сиёвуш Манучеҳр Беҳруз Далер Саидмурод Рустам Шодмон Алиҷон Исмоил Комрон").split()
TG_SUR = ("Саидов Назаров Шарипов Каримзода Раҳимзода Давлатов Қурбонов Сангов Мирзоев Сафаров "
          "Исмоилзода Ҳакимов Ҷалолов Бобоев Одинаев Холов Неъматзода Султонзода Ашуров "
          "Зуҳуров").split()

KY_F = ("Айзада Нургүл Айгүл Чолпон Гүлзат Айнура Бегимай Каныкей Аида Жылдыз Мээрим Элнура "
        "Гүлмира Назгүл Айжамал Бурул Салтанат Майрам Калыйпа Динара").split()
KY_M = ("Айбек Нурлан Талант Азамат Эрмек Алмазбек Болот Чыңгыз Адилет Нурбек Канат "
        "Урмат Мирлан Данияр Темирлан Максат Элдияр Бекболот Жолдошбек Самат").split()
KY_SUR = ("Асанов Үсөнов Садыков Мамытов Абдылдаев Касымов Осмонов Байтиков Жумабаев Темиров "
          "Сыдыков Алымкулов Бекмуратов Дүйшөнбиев Курманбеков Турдубаев Жусупов Мырзакулов "
          "Орозбеков Сатыбалдиев").split()

RU_F = "Елена Наталья Татьяна Светлана Ольга Ирина Людмила Галина Екатерина Марина".split()
RU_M = "Александр Сергей Дмитрий Андрей Игорь Николай Михаил Владимир Олег Виктор".split()
RU_SUR = ("Кузнецов Смирнов Морозов Волков Соколов Лебедев Новиков Козлов Павлов Семёнов "
          "Голубев Виноградов Богданов Никитин Ильин Зимин").split()

LISTS = {"uz": (UZ_F, UZ_M, UZ_SUR), "tg": (TG_F, TG_M, TG_SUR),
         "ky": (KY_F, KY_M, KY_SUR), "ru": (RU_F, RU_M, RU_SUR)}

# Russian diminutives (used in a Russian-language context only).
RU_DIM = {"Александр": "Саша", "Елена": "Лена", "Наталья": "Наташа", "Татьяна": "Таня",
          "Светлана": "Света", "Ольга": "Оля", "Ирина": "Ира", "Людмила": "Люда",
          "Галина": "Галя", "Екатерина": "Катя", "Сергей": "Серёжа", "Дмитрий": "Дима",
          "Андрей": "Андрюша", "Николай": "Коля", "Михаил": "Миша", "Владимир": "Вова",
          "Гульнора": "Гуля", "Гульчехра": "Гуля", "Гульбахор": "Гуля", "Дилноза": "Диля",
          "Дильфуза": "Диля", "Дилором": "Диля", "Фируза": "Фира", "Алишер": "Алик",
          "Гульноза": "Гуля", "Гульрухсор": "Гуля", "Гульзат": "Гуля", "Гульмира": "Гуля",
          "Зарина": "Зара", "Зульфия": "Зуля", "Тимур": "Тима", "Нурлан": "Нурик",
          "Нурбек": "Нурик", "Данияр": "Даник", "Бекзод": "Бека", "Бекболот": "Бека",
          "Алмазбек": "Алмаз", "Элнура": "Эля", "Дилафруз": "Диля", "Заррина": "Зара",
          "Дилдора": "Диля", "Нодира": "Надя", "Феруза": "Фира", "Динара": "Дина",
          "Мехрангез": "Мехри"}
# Russian spellings that the transliterator would not produce.
UZ_RU_FIX = {"Zulfiya": "Зульфия", "Dilfuza": "Дильфуза", "Muqaddas": "Мукаддас",
             "Baxtiyor": "Бахтиёр", "O'tkir": "Уткир", "Ulug'bek": "Улугбек",
             "Navoiy": "Навои", "Muqimiy": "Мукими", "Beruniy": "Беруни"}

# --------------------------------------------------------------------------- scripts
_UZ_CYR = [("yo'", "йў"), ("o'", "ў"), ("g'", "ғ"), ("sh", "ш"), ("ch", "ч"), ("yo", "ё"),
           ("yu", "ю"), ("ya", "я"), ("ye", "е"), ("tsiya", "ция"), ("a", "а"), ("b", "б"),
           ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "ҳ"), ("i", "и"), ("j", "ж"),
           ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "қ"),
           ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("x", "х"), ("y", "й"),
           ("z", "з"), ("'", "ъ"), ("ʼ", "ъ")]
_UZ_RU = dict(_UZ_CYR)
_UZ_RU.update({"yo'": "ю", "o'": "у", "g'": "г", "h": "х", "q": "к", "j": "дж", "'": "",
               "ʼ": ""})
_UZ_RU_LIST = [(k, _UZ_RU[k]) for k, _ in _UZ_CYR]
_VOW_LAT = "aeiou"


def _translit(s: str, table: list[tuple[str, str]], e_initial: str) -> str:
    out, i, low = [], 0, s.lower()
    while i < len(s):
        for a, b in table:
            if low.startswith(a, i):
                start = i == 0 or (not s[i - 1].isalpha() and s[i - 1] != "'")
                if a == "e" and (start or low[i - 1] in _VOW_LAT):
                    b = e_initial
                if s[i].isupper() and b:
                    j = i
                    while j < len(s) and (s[j].isalpha() or s[j] == "'"):
                        j += 1
                    word = s[i:j].replace("'", "")
                    b = b.upper() if len(word) > 1 and word.isupper() else b[0].upper() + b[1:]
                out.append(b)
                i += len(a)
                break
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


_UZ_CYR_FIX = {"Yandex": "Яндекс", "Wildberries": "Wildberries"}


def uz_to_cyr(s: str) -> str:
    """Uzbek Latin -> Uzbek Cyrillic (O'tkir -> Ўткир, ma'lum -> маълум)."""
    parts = re.split(r"\b(Yandex|Wildberries)\b", s)
    return "".join(_UZ_CYR_FIX.get(x) or _translit(x, _UZ_CYR, "э") for x in parts)


def uz_to_ru(s: str) -> str:
    """Uzbek Latin -> Russian spelling (Gulnora -> Гульнора, Jasur -> Джасур)."""
    if s in UZ_RU_FIX:
        return UZ_RU_FIX[s]
    out = _translit(s, _UZ_RU_LIST, "э")
    return _gul(out)


_TG_RU = str.maketrans({"ӣ": "и", "ӯ": "у", "ҳ": "х", "қ": "к", "ғ": "г", "ъ": "",
                        "Ӣ": "И", "Ӯ": "У", "Ҳ": "Х", "Қ": "К", "Ғ": "Г"})
_KY_RU = str.maketrans({"ө": "о", "ү": "у", "ң": "н", "Ө": "О", "Ү": "У", "Ң": "Н"})


def _gul(s: str) -> str:
    """Russian writes the soft sign in гуль- names: Айгуль, Гульзат, Гульноза."""
    return re.sub(r"([Гг])ул(?=[бвгджзклмнпрстфхцчшщ]|$)", r"\1уль", s)


def tg_to_ru(s: str) -> str:
    return _gul(s.translate(_TG_RU).replace("ҷ", "дж").replace("Ҷ", "Дж"))


def ky_to_ru(s: str) -> str:
    return _gul(s.translate(_KY_RU))


_CYR_LAT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                    "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya"
                    .split(), strict=True))


def cyr_to_lat(s: str) -> str:
    """Russian-style romanisation (Елена -> Yelena, Чолпон -> Cholpon)."""
    s = ky_to_ru(tg_to_ru(s))
    out = []
    for i, ch in enumerate(s):
        lo = ch.lower()
        t = _CYR_LAT.get(lo, ch).replace("_", "")
        if lo == "е" and (i == 0 or s[i - 1].lower() in "аеёиоуыэюя"):
            t = "ye"
        out.append(t[:1].upper() + t[1:] if ch.isupper() and t else t)
    return "".join(out)


def convert(word: str, cult: str, ctx: str) -> str:
    """Spell a name stored in culture ``cult`` for script context ``ctx``."""
    if cult == "uz":
        return {"uz": word, "en": word, "uzc": uz_to_cyr(word)}.get(ctx) or uz_to_ru(word)
    if cult == ctx or (cult == "ru" and ctx in ("uzc", "tg", "ky")):
        return word
    ru = {"tg": tg_to_ru, "ky": ky_to_ru, "ru": str}[cult](word)
    return cyr_to_lat(ru) if ctx in ("uz", "en") else ru


# --------------------------------------------------------------------------- Russian cases
RU_CASES = ("gen", "dat", "acc", "ins", "pre")
_HUSH = "гкхжшчщ"


def ru_given(w: str, gender: str, case: str) -> str:
    if case == "nom":
        return w
    last, stem = w[-1], w[:-1]
    if last == "а":
        ins = stem + ("ей" if stem[-1] in "жшчщц" else "ой")
        return {"gen": stem + ("и" if stem[-1] in _HUSH else "ы"), "dat": stem + "е",
                "acc": stem + "у", "ins": ins, "pre": stem + "е"}[case]
    if last == "я":
        e = "и" if stem.endswith("и") else "е"
        return {"gen": stem + "и", "dat": stem + e, "acc": stem + "ю", "ins": stem + "ей",
                "pre": stem + e}[case]
    if gender == "f" or last in "аеёиоуыэюяӣӯ":
        return w  # female names ending in a consonant do not decline
    if last in "йь":
        return {"gen": stem + "я", "dat": stem + "ю", "acc": stem + "я", "ins": stem + "ем",
                "pre": stem + "е"}[case]
    ins = w + ("ем" if last in "жшчщц" else "ом")
    return {"gen": w + "а", "dat": w + "у", "acc": w + "а", "ins": ins, "pre": w + "е"}[case]


def ru_surname(w: str, case: str) -> str:
    if case == "nom":
        return w
    if w.endswith(("ов", "ев", "ёв", "ин")):
        return {"gen": w + "а", "dat": w + "у", "acc": w + "а", "ins": w + "ым",
                "pre": w + "е"}[case]
    if w.endswith(("ова", "ева", "ёва", "ина")):
        return w[:-1] + ("у" if case == "acc" else "ой")
    return w  # -зода and the like do not decline


def ru_patronymic(w: str, case: str) -> str:
    if case == "nom" or not w.endswith(("ич", "на")):
        return w
    if w.endswith("ич"):
        return {"gen": w + "а", "dat": w + "у", "acc": w + "а", "ins": w + "ем",
                "pre": w + "е"}[case]
    return ru_given(w, "f", case)


_PAT_FIX = {"Михаил": "Михайл", "Mikhail": "Mikhayl"}
_PAT_SOFT = {"Sergey", "Nikolay", "Andrey", "Igor"}


def patronymic(father: str, gender: str, ctx: str) -> str:
    """Russian-style patronymic from a father's name already spelled for ``ctx``."""
    father = _PAT_FIX.get(father, father)
    if ctx in ("uz", "en"):
        soft = father.endswith(("y", "r")) and father in _PAT_SOFT
        end = "vich" if gender == "m" else "vna"
        return father.replace("'", "") + ("e" if soft else "o") + end
    if father[-1] in "йь":
        return father[:-1] + ("евич" if gender == "m" else "евна")
    return father + ("ович" if gender == "m" else "овна")


def female_surname(sur: str, cult: str) -> str:
    return sur if sur.endswith(("zoda", "зода")) else sur + ("a" if cult == "uz" else "а")


# --------------------------------------------------------------------------- suffixes
UZ_SUF = ("ga", "ning", "ni", "da", "dan", "lar", "jon")
KY_SUF = ("kdat", "kgen", "kacc", "kabl", "kloc")
TG_SUF = ("ro",)
_UZC_SUF = {"ning": "нинг", "ni": "ни", "da": "да", "dan": "дан", "lar": "лар", "jon": "жон",
            "dagi": "даги"}


def uz_suffix(w: str, suf: str, cyr: bool = False) -> str:
    if suf == "ga":
        last = w[-1].lower()
        if cyr:
            return w + {"к": "ка", "қ": "қа"}.get(last, "га")
        return w + {"k": "ka", "q": "qa"}.get(last, "ga")
    return w + (_UZC_SUF[suf] if cyr else suf)


_KY_VOICELESS = "кпстфхчшщц"


def ky_suffix(w: str, suf: str) -> str:
    """Kyrgyz case endings with vowel harmony (Айбекке, Нурландын, Айгүлдү, Айзададан)."""
    vowels = [c for c in w.lower() if c in "аыоуөүеиэюяё"]
    v = {"я": "а", "ю": "у", "ё": "о", "э": "е"}.get(vowels[-1], vowels[-1]) if vowels else "а"
    low = {"а": "а", "ы": "а", "у": "а", "о": "о", "е": "е", "и": "е", "ө": "ө", "ү": "ө"}[v]
    high = {"а": "ы", "ы": "ы", "о": "у", "у": "у", "е": "и", "и": "и", "ө": "ү", "ү": "ү"}[v]
    last = w[-1].lower()
    after_vowel = last in "аыоуөүеиэюяё"
    hard = last in _KY_VOICELESS
    if suf == "kdat":
        return w + ("к" if hard else "г") + low
    if suf in ("kgen", "kacc"):
        c = "н" if after_vowel else "т" if hard else "д"
        return w + c + high + ("н" if suf == "kgen" else "")
    c = "т" if hard else "д"
    return w + c + low + ("н" if suf == "kabl" else "")
