"""Keep-words (never gold), speaker-role labels, place names and number formats.

``KEEP[ctx][kind]`` lists the ordinary words that a redactor must leave alone.  The
builder marks every occurrence of these strings in the *literal* template text (never
inside a name or other gold value) as a ``keep`` span.  Kinds:

- ``common``: ordinary capitalised words, mostly sentence-initial, plus holidays,
  God, and large companies;
- ``role``: speaker-role labels, kinship terms and official posts without a name;
- ``institution``: generic institutions (lower- or upper-case first letter);
- ``region``: regions, countries, capitals and big cities, with case forms.

Place names are real, common names (makhallas, villages, streets, districts),
combined at random; they are gold PLACE, unlike the regions.
"""
from __future__ import annotations

from .names import ky_suffix, uz_suffix, uz_to_cyr


def _w(s: str) -> list[str]:
    """Entries are separated by '|', so an entry may contain spaces."""
    return [x.strip() for x in s.split("|") if x.strip()]


KEEP: dict[str, dict[str, list[str]]] = {
    "ru": {
        "common": _w(
            "Многие|Вчера|Когда|Раньше|Сейчас|Потом|Тогда|Никто|Конечно|Честно|Здесь|Там|"
            "Наши|Моя|Мой|Мои|Если|Даже|Однажды|Поэтому|Например|Женщины|Мужчины|Дети|"
            "Молодёжь|Родители|Люди|Соседи|Учительница|Врач|Психолог|Юрист|Бывает|Говорят|"
            "Лично|После|Сначала|Только|Зимой|Меня|Спасибо|Хорошо|Давайте|Здравствуйте|"
            "Добрый|Скажите|Расскажите|Почему|Ну|Вот|Ещё|Всё|Многие|Кто-то|Деньги|Работы|"
            "Свадьба|Свадьбы|Каждый|Никого|Сегодня|Кстати|Слава Богу|Аллах|Бог|Навруз|"
            "Рамазан|Курбан-хайит|Телеграм|Ватсап|Яндекс|Вайлдберриз|Понимаете|Представьте|"
            "Знаете|Согласна|Согласен|Правда|Недавно|Обычно|Иногда|Законы|Закон|"
            "Девушки|Парни|Старшие|Хотя|Зато|Видите|Честно говоря|Короче|Мы|Ночью|Да|Можно"),
        "role": _w(
            "Ведущая|Ведущий|Модератор|Участник|Участница|Респондент|Свекровь|Свёкор|Муж|"
            "Жена|Невестка|Сноха|Золовка|Сын|Дочь|Брат|Сестра|Соседка|Сосед|Участковый|"
            "Хоким|Председатель|Председатель махалли|Имам|Следователь|Судья|Инспектор|"
            "Прокурор|Директор|Аксакал|Раис|Вербовщик|Отец|Мама|Тёща|Зять"),
        "institution": _w(
            "Кризисный центр|Кризисного центра|кризисный центр|кризисного центра|"
            "кризисном центре|кризисный центр|махаллинский комитет|махаллинского комитета|"
            "махаллинском комитете|Прокуратура|прокуратуру|прокуратуре|Суд|суд|суде|"
            "ЗАГС|ЗАГСе|Хокимият|хокимият|хокимияте|хокимията|ОВД|РОВД|милицию|милиции|"
            "Миграционная служба|миграционную службу|центр занятости|Центр занятости|"
            "женский комитет|Женский комитет|поликлиника|поликлинику|поликлинике|собес|айыл окмоту|"
            "Айыл окмоту|джамоат|Джамоат|Омбудсмен|омбудсмена|бесплатной юридической помощи|"
            "Полиция|полиция|полицию|Милиция|милиция|Бюро бесплатной юридической помощи"),
        "region": _w(
            "Наманган|Намангане|Намангана|Ташкент|Ташкенте|Ташкента|Фергана|Фергане|Ферганы|"
            "Самарканд|Самарканде|Андижан|Андижане|Бухара|Бухаре|Джизак|Джизаке|Хорезм|"
            "Хорезме|Сурхандарье|Кашкадарье|Душанбе|Хатлон|Хатлоне|Согд|Согде|Худжанд|"
            "Худжанде|Куляб|Кулябе|Бохтар|Ош|Оше|Оша|Жалал-Абад|Жалал-Абаде|Бишкек|Бишкеке|"
            "Баткен|Баткене|Нарын|Россия|России|Россию|Москва|Москве|Москву|Москвы|Сирия|"
            "Сирии|Ирак|Ираке|Ирака|Казахстан|Казахстане|Турция|Турции|Корея|Корее|"
            "Санкт-Петербург|Питер|Питере|Екатеринбург|Екатеринбурге|Узбекистан|Узбекистане|"
            "Таджикистан|Таджикистане|Кыргызстан|Кыргызстане|Подмосковье|Ферганской долине|"
            "Андижана|Самарканда|Худжанда|Хатлона|Согда|Куляба|Жалал-Абада|Бишкека|Баткена|Корею|"
            "Дубай|Дубае"),
    },
    "uz": {
        "common": _w(
            "Bizning|Ko'pchilik|Ko'p|Kecha|Hozir|Oldin|Keyin|Shunda|Hech kim|Albatta|Rostini|"
            "Bu yerda|Mening|Agar|Hatto|Bir kuni|Shuning uchun|Masalan|Ayollar|Erkaklar|"
            "Bolalar|Yoshlar|Ota-onalar|Odamlar|Qo'shnilar|O'qituvchi|Shifokor|Psixolog|"
            "Aytishadi|Menimcha|Avval|Faqat|Qishda|Ha|Yo'q|Rahmat|Xo'p|Assalomu alaykum|"
            "Yaxshi|Aytingchi|Qani|Nega|Endi|Hamma|Hammasi|Bitta|Pul|Ish|To'y|To'ylar|Har|"
            "Bugun|Aslida|Afsuski|Xudoga shukur|Xudo|Alloh|Navro'z|Ramazon|Qurbon hayit|"
            "Telegram|Yandex|Wildberries|Bilasizmi|Tasavvur qiling|To'g'ri|Ba'zan|Odatda|"
            "Yaqinda|Qonun|Qonunlar|Qizlar|Yigitlar|Kattalar|Lekin|Ammo|Advokat|Uzum|Instagram|"
            "Salom|Biz"),
        "role": _w(
            "Boshlovchi|Moderator|Ishtirokchi|Respondent|Qaynona|Qaynonam|Qaynota|Kelin|"
            "Kelinim|Erim|Er|Xotinim|Onam|Otam|O'g'lim|Qizim|Akam|Opam|Ukam|Singlim|"
            "Qo'shnim|Qo'shni|Rais|Mahalla raisi|Hokim|Uchastkavoy|Inspektor|Imom|Tergovchi|"
            "Sudya|Prokuror|Direktor|Oqsoqol|Yollovchi|Profilaktika inspektori"),
        "institution": _w(
            "Hokimiyat|hokimiyat|hokimiyatga|hokimiyatda|hokimlik|Mahalla|mahalla|mahallaga|"
            "mahalla fuqarolar yig'ini|Ichki ishlar bo'limi|ichki ishlar bo'limiga|IIB|"
            "Prokuratura|prokuratura|prokuraturaga|Sud|sud|sudga|sudda|FHDYO|ZAGS|"
            "Xotin-qizlar qo'mitasi|xotin-qizlar qo'mitasi|Inqiroz markazi|inqiroz markazi|"
            "inqiroz markaziga|Bandlik markazi|bandlik markazi|bandlik markaziga|"
            "Migratsiya agentligi|migratsiya agentligi|Yoshlar agentligi|yoshlar ittifoqi|"
            "Ombudsman|poliklinika|poliklinikaga|bepul yuridik yordam markazi|militsiya|"
            "Militsiya|militsiyaga|mahallada|Mahallada|mahalla komissiyasi"),
        "region": _w(
            "Toshkent|Samarqand|Farg'ona|Namangan|Andijon|Buxoro|Qashqadaryo|Surxondaryo|"
            "Xorazm|Jizzax|Sirdaryo|Qoraqalpog'iston|Rossiya|Qozog'iston|Turkiya|Koreya|"
            "Suriya|Iroq|Moskva|Sankt-Peterburg|Piter|O'zbekiston|Tojikiston|Qirg'iziston|"
            "Yekaterinburg|Dubay"),
    },
    "tg": {
        "common": _w(
            "Ҳама|Бисёриҳо|Дирӯз|Ҳозир|Пеш|Баъд|Он вақт|Ҳеҷ кас|Албатта|Рости гап|Дар ин ҷо|"
            "Мо|Агар|Ҳатто|Як рӯз|Барои ҳамин|Масалан|Занон|Мардон|Кӯдакон|Ҷавонон|"
            "Падару модарон|Мардум|Ҳамсояҳо|Муаллима|Духтур|Мегӯянд|Ба фикри ман|Аввал|"
            "Фақат|Зимистон|Ҳа|Не|Ташаккур|Хуб|Бигӯед|Чаро|Ҳоло|Акнун|Пул|Кор|Тӯй|Тӯйҳо|"
            "Имрӯз|Афсӯс|Шукри Худо|Худо|Наврӯз|Рамазон|Идди Қурбон|Телеграм|Медонед|"
            "Дуруст|Баъзан|Одатан|Наздикӣ|Қонун|Қонунҳо|Духтарон|Писарон|Калонсолон|"
            "Вале|Аммо|Ассалому алайкум|Хайр|Ман|Дар деҳаи мо|Ҳуқуқшинос|Ана|Тасаввур кунед"),
        "role": _w(
            "Модератор|Баранда|Иштирокчӣ|Хушдоман|Хушдоманам|Хусур|Келин|Шавҳарам|Шавҳар|"
            "Занам|Модарам|Падарам|Писарам|Духтарам|Бародарам|Хоҳарам|Ҳамсоя|Раис|"
            "Раиси ҷамоат|Раиси маҳалла|Нозири участка|Участковый|Имом|Муфаттиш|Судя|"
            "Прокурор|Директор|Мӯйсафед|Даллол|Шавҳараш|Ҳамсояам"),
        "institution": _w(
            "Ҷамоат|ҷамоат|ҷамоати деҳот|Ҳукумат|ҳукумат|ҳукумати ноҳия|Прокуратура|"
            "прокуратура|Суд|суд|ШВКД|ЗАГС|САҲШ|Кумитаи кор бо занон ва оила|"
            "кумитаи занон|маркази бӯҳронӣ|Маркази бӯҳронӣ|Хадамоти муҳоҷират|"
            "хадамоти муҳоҷират|маркази шуғл|Маркази шуғл|Ваколатдор оид ба ҳуқуқи инсон|"
            "милитсия|Милитсия|поликлиника|маҳалла|Маҳалла"),
        "region": _w(
            "Хатлон|Суғд|Душанбе|Хуҷанд|Кӯлоб|Бохтар|Русия|Маскав|Сурия|Ироқ|Қазоқистон|"
            "Туркия|Тоҷикистон|Ӯзбекистон|Россия|Санкт-Петербург|Помир|Рашт|Вилояти Хатлон|"
            "вилояти Хатлон|вилояти Суғд|Екатеринбург|Корея|Дубай"),
    },
    "ky": {
        "common": _w(
            "Баары|Көпчүлүк|Кечээ|Азыр|Мурун|Анан|Ошондо|Эч ким|Албетте|Чынын айтсам|"
            "Бул жерде|Биздин|Менин|Эгер|Ал тургай|Бир күнү|Ошон үчүн|Мисалы|Аялдар|"
            "Эркектер|Балдар|Жаштар|Ата-энелер|Эл|Коңшулар|Мугалим|Дарыгер|Айтышат|"
            "Менимче|Адегенде|Кышында|Ооба|Жок|Рахмат|Жакшы|Айтыңызчы|Эмнеге|Эми|Бүгүн|"
            "Акча|Жумуш|Той|Тойлор|Тилекке каршы|Кудайга шүгүр|Кудай|Нооруз|Орозо айт|"
            "Курман айт|Телеграм|Билесизби|Туура|Кээде|Көбүнчө|Жакында|Мыйзам|Мыйзамдар|"
            "Кыздар|Жигиттер|Улуулар|Бирок|Саламатсыздарбы|Мен|Биз|Мына|Кош келиңиздер|Юрист"),
        "role": _w(
            "Модератор|Алып баруучу|Катышуучу|Кайнене|Кайненем|Кайната|Келин|Күйөөм|Күйөө|"
            "Аялым|Апам|Атам|Уулум|Кызым|Агам|Эжем|Иним|Карындашым|Коңшум|Коңшу|"
            "Айыл башчысы|Аким|Участковый|Инспектор|Молдо|Тергөөчү|Судья|Прокурор|Директор|"
            "Аксакал|Жалдоочу|Күйөөсү"),
        "institution": _w(
            "Айыл өкмөтү|айыл өкмөтү|айыл өкмөтүнө|айыл өкмөтүндө|Айыл кеңеши|айыл кеңеши|"
            "Милиция|милиция|милицияга|Ички иштер бөлүмү|ички иштер бөлүмүнө|ИИБ|Прокуратура|"
            "прокуратура|прокуратурага|Сот|сот|сотко|сотто|ЗАГС|Аялдар кеңеши|аялдар кеңеши|"
            "Кризистик борбор|кризистик борбор|кризистик борборго|кризистик борбордо|"
            "Миграция кызматы|миграция кызматы|Акыйкатчы|Социалдык фонд|социалдык фонд|"
            "Жумуш менен камсыз кылуу борбору|бейтапкана|бейтапканага|ооруканага"),
        "region": _w(
            "Ош|Жалал-Абад|Баткен|Бишкек|Нарын|Талас|Чүй|Ысык-Көл|Орусия|Россия|Москва|"
            "Казакстан|Сирия|Ирак|Түркия|Кыргызстан|Өзбекстан|Санкт-Петербург|Екатеринбург|"
            "Корея|Дубай"),
    },
    "en": {
        "common": _w(
            "Honestly|Actually|Yesterday|Everyone|Nobody|Women|Men|People|Sometimes|Of course|"
            "When|Because|After|Before|Now|Later|Also|Maybe|Okay|Thank you|Yes|So|My|Our|"
            "Teachers|Parents|Money|Work|Weddings|Navruz|Ramadan|Telegram|Yandex|WhatsApp|"
            "Wildberries|Really|Right|Listen|Like|Anyway|Basically|God|Hi|Doctor|Laws"),
        "role": _w(
            "Moderator|Facilitator|Participant|Respondent|Mother-in-law|Husband|Inspector|"
            "Chairman|Recruiter|Imam|Judge|Investigator|Prosecutor|Khokim"),
        "institution": _w(
            "Crisis Centre|crisis centre|Police|police|Court|court|Prosecutor's Office|"
            "prosecutor's office|Migration Agency|migration agency|Employment Centre|"
            "employment centre|Ombudsman|registry office|mahalla committee"),
        "region": _w(
            "Russia|Moscow|Tashkent|Namangan|Fergana|Samarkand|Syria|Iraq|Kazakhstan|Turkey|"
            "Korea|Uzbekistan|St Petersburg|Andijan|Bukhara|Dubai"),
    },
}
KINDS = ("common", "role", "institution", "region")


def _derive() -> None:
    """Add case forms (Uzbek and Kyrgyz regions) and the Uzbek Cyrillic lists."""
    uz = KEEP["uz"]["region"]
    uz += [uz_suffix(r, s) for r in list(uz) for s in ("ga", "da", "dan", "ning")]
    uz += [r + "dagi" for r in ("Rossiya", "Moskva", "Toshkent", "Suriya", "Iroq")]
    ky = KEEP["ky"]["region"]
    ky += [ky_suffix(r, s) for r in list(ky) for s in ("kdat", "kloc", "kabl", "kgen")]
    KEEP["uzc"] = {k: [uz_to_cyr(w) for w in v] for k, v in KEEP["uz"].items()}
    KEEP["mixed"] = {k: KEEP["ru"][k] + KEEP["uz"][k] + KEEP["en"][k] for k in KINDS}
    for lang in KEEP.values():
        inst = lang["institution"]
        inst += [w[0].upper() + w[1:] for w in inst if w[0].islower()]
        for k in KINDS:
            lang[k] = sorted(set(lang[k]), key=lambda w: (-len(w), w))


_derive()

# Speaker labels: facilitator (by gender) and participant base word (by gender).
LABELS = {
    "ru": {"fac": {"f": ["Ведущая", "Модератор"], "m": ["Ведущий", "Модератор"]},
           "part": {"f": ["Участница", "Респондент"], "m": ["Участник", "Респондент"]}},
    "uz": {"fac": {"f": ["Boshlovchi", "Moderator"], "m": ["Boshlovchi", "Moderator"]},
           "part": {"f": ["Ishtirokchi"], "m": ["Ishtirokchi"]}},
    "uzc": {"fac": {"f": ["Бошловчи", "Модератор"], "m": ["Бошловчи", "Модератор"]},
            "part": {"f": ["Иштирокчи"], "m": ["Иштирокчи"]}},
    "tg": {"fac": {"f": ["Модератор", "Баранда"], "m": ["Модератор", "Баранда"]},
           "part": {"f": ["Иштирокчӣ"], "m": ["Иштирокчӣ"]}},
    "ky": {"fac": {"f": ["Модератор", "Алып баруучу"], "m": ["Модератор", "Алып баруучу"]},
           "part": {"f": ["Катышуучу"], "m": ["Катышуучу"]}},
    "en": {"fac": {"f": ["Moderator", "Facilitator"], "m": ["Moderator", "Facilitator"]},
           "part": {"f": ["Participant"], "m": ["Participant"]}},
}

# Home regions (never gold) per country: Russian (nom, pre, gen) and native forms.
REGIONS = {
    "uz": {"ru": [("Наманган", "Намангане", "Намангана"), ("Фергана", "Фергане", "Ферганы"),
                  ("Ташкент", "Ташкенте", "Ташкента"), ("Андижан", "Андижане", "Андижана"),
                  ("Самарканд", "Самарканде", "Самарканда")],
           "uz": ["Namangan", "Farg'ona", "Toshkent", "Andijon", "Samarqand", "Jizzax"]},
    "tj": {"ru": [("Худжанд", "Худжанде", "Худжанда"), ("Хатлон", "Хатлоне", "Хатлона"),
                  ("Согд", "Согде", "Согда"), ("Куляб", "Кулябе", "Куляба")],
           "tg": ["Хатлон", "Суғд", "Хуҷанд", "Кӯлоб", "Бохтар"]},
    "kg": {"ru": [("Ош", "Оше", "Оша"), ("Жалал-Абад", "Жалал-Абаде", "Жалал-Абада"),
                  ("Бишкек", "Бишкеке", "Бишкека"), ("Баткен", "Баткене", "Баткена")],
           "ky": ["Ош", "Жалал-Абад", "Баткен", "Бишкек", "Нарын"]},
}

# Gold PLACE names per country (stored in the culture's script) and how each kind is
# written per context.  In Uzbek the suffix is glued to the place word (mahallasida);
# the whole "name + place word" is one PLACE span.
PLACE_NAMES = {
    "uz": {"MAHALLA": "Navbahor|Yangiobod|Bog'ishamol|Guliston|Istiqlol|Chinor|Bodomzor|Oqtepa|"
                      "Mehnatobod|Qoratepa|Ko'kterak|Sohibkor|Ipakchi",
           "STREET": "Navoiy|Bobur|Mustaqillik|Yoshlik|Furqat|Muqimiy|Beruniy|Gulzor|Nurafshon",
           "VILLAGE": "Uchtepa|Sarmich|Yangiqishloq|Qoraqamish|Chorbog'|Oqtosh|Kattabog'",
           "DISTRICT": "Chust|Pop|Kosonsoy|Uchqo'rg'on|Zomin|Forish|Baxmal|Quva|Rishton"},
    "tj": {"MAHALLA": "Гулистон|Навобод|Даҳана|Сомониён|Зарафшон|Чоргул|Меҳнатобод|Яккатут",
           "STREET": "Рӯдакӣ|Айнӣ|Сомонӣ|Фирдавсӣ|Сино|Лоҳутӣ",
           "VILLAGE": "Сарбанд|Чорбоғ|Деҳмулло|Лангар|Хушёрӣ|Саёд|Қаротош",
           "DISTRICT": "Восеъ|Ҳамадонӣ|Исфара|Кӯшониён|Спитамен|Мӯминобод|Фархор|Ҷайҳун|Ёвон"},
    "kg": {"MAHALLA": "Ак-Таш|Кызыл-Кыштак|Сары-Булак|Көк-Жар|Жаңы-Арык|Кенеш|Ак-Сай|Жийде",
           "STREET": "Ленин|Масалиев|Гагарин|Навои|Алымбеков|Курманжан Датка",
           "VILLAGE": "Кара-Добо|Ак-Жар|Кызыл-Бел|Таш-Булак|Көк-Бел|Жаңы-Жол",
           "DISTRICT": "Кара-Суу|Ноокат|Араван|Өзгөн|Сузак|Базар-Коргон|Сокулук|Лейлек"},
}
COUNTRY_CULT = {"uz": "uz", "tj": "tg", "kg": "ky"}

# {n} = name, {k} = school number.  Russian has one entry per case.
PLACE_PAT = {
    "ru": {"MAHALLA": {"nom": "махалля {n}", "gen": "махалли {n}", "dat": "махалле {n}",
                       "pre": "махалле {n}", "ins": "махаллей {n}", "acc": "махаллю {n}"},
           "STREET": {"nom": "улица {n}", "gen": "улицы {n}", "dat": "улице {n}",
                      "pre": "улице {n}", "acc": "улицу {n}", "ins": "улицей {n}"},
           "VILLAGE": {"nom": "село {n}", "gen": "села {n}", "dat": "селу {n}",
                       "pre": "селе {n}", "acc": "село {n}", "ins": "селом {n}"},
           "SCHOOL": {"nom": "школа № {k}", "gen": "школы № {k}", "dat": "школе № {k}",
                      "pre": "школе № {k}", "acc": "школу № {k}", "ins": "школой № {k}"}},
    "uz": {"MAHALLA": "{n} mahallasi", "STREET": "{n} ko'chasi", "VILLAGE": "{n} qishlog'i",
           "SCHOOL": "{k}-maktab", "DISTRICT": "{n} tumani"},
    "tg": {"MAHALLA": "маҳаллаи {n}", "STREET": "кӯчаи {n}", "VILLAGE": "деҳаи {n}",
           "SCHOOL": "мактаби № {k}", "DISTRICT": "ноҳияи {n}", "JAMOAT": "ҷамоати {n}"},
    "ky": {"MAHALLA": {"nom": "{n} айылы", "kloc": "{n} айылында", "kabl": "{n} айылынан",
                       "kdat": "{n} айылына", "kgen": "{n} айылынын"},
           "STREET": {"nom": "{n} көчөсү", "kloc": "{n} көчөсүндө", "kabl": "{n} көчөсүнөн",
                      "kdat": "{n} көчөсүнө", "kgen": "{n} көчөсүнүн"},
           "VILLAGE": {"nom": "{n} кыштагы", "kloc": "{n} кыштагында", "kabl": "{n} кыштагынан",
                       "kdat": "{n} кыштагына", "kgen": "{n} кыштагынын"},
           "SCHOOL": {"nom": "№{k} мектеп", "kloc": "№{k} мектепте", "kabl": "№{k} мектептен",
                      "kdat": "№{k} мектепке", "kgen": "№{k} мектептин"},
           "DISTRICT": {"nom": "{n} району", "kloc": "{n} районунда", "kabl": "{n} районунан",
                        "kdat": "{n} районуна", "kgen": "{n} районунун"}},
    "en": {"MAHALLA": "{n} mahalla", "STREET": "{n} street", "VILLAGE": "{n} village",
           "SCHOOL": "school No. {k}", "DISTRICT": "{n} district"},
}
ADDRESS_PAT = {"ru": ["ул. {s}, д. {h}, кв. {a}", "улица {s}, дом {h}, квартира {a}"],
               "uz": ["{s} ko'chasi, {h}-uy, {a}-xonadon", "{s} ko'chasi {h}-uy"],
               "tg": ["кӯчаи {s}, хонаи {h}, ҳуҷраи {a}", "кӯчаи {s} {h}"],
               "ky": ["{s} көчөсү, {h}-үй, {a}-батир", "{s} көчөсү {h}"],
               "en": ["{h} {s} street, flat {a}"]}
PHONE_PAT = {"uz": ["+998 {o} {3} {2} {2}", "+998 ({o}) {3}-{2}-{2}", "+998{o}{7}",
                    "{o} {3} {2} {2}"],
             "tj": ["+992 {o} {3} {4}", "+992 ({o}) {3}-{2}-{2}", "+992{o}{7}"],
             "kg": ["+996 {o} {3} {3}", "+996 ({o}) {2}-{2}-{2}", "0{o} {3} {3}"],
             "ru": ["8 ({o}) {3}-{2}-{2}", "+7 {o} {3}-{2}-{2}", "+7 ({o}) {3} {2} {2}"]}
PHONE_OP = {"uz": "90 91 93 94 95 97 98 99 33 88".split(), "tj": "90 91 92 93 98 88 55".split(),
            "kg": "555 550 700 705 770 777 999 221".split(),
            "ru": "903 915 916 925 926 965 977 999".split()}
