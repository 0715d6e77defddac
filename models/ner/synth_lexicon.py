"""Hand-written lexicons for the synthetic Central Asian training sentences.

Names and places are common, publicly known given names, surname patterns and
place names of Uzbekistan, Tajikistan, Kyrgyzstan and Kazakhstan, written for this
project.  They identify nobody.  Faker (MIT) adds its uz_UZ and ru_RU name lists at
generation time (see synth.py).
"""

from __future__ import annotations

UZ_MALE = """
Akbar Bahodir Rustam Sardor Jasur Ulug'bek Otabek Sherzod Shuhrat Alisher Anvar Farhod
Jahongir Ilhom Botir Tohir Zafar Olim Nodir Murod Erkin Abdulla Abduvali Ravshan Akmal
Dilshod Jamshid Mansur Islom O'tkir G'ayrat Sanjar Xurshid Nurbek Qodir Yo'ldosh To'lqin
Hamid Komil Baxtiyor Shavkat Ergash Karim Sobir Toshpo'lat Mirzo Hasan Husan Oybek Bekzod
Elyor Doston Sarvar Ibrohim Muzaffar Rahim Salim Umid Asqar Baxrom Nozim Azamat Fazliddin
Kamoliddin Jaloliddin Shamsiddin Nuriddin Zokir Habib Xolmat Tursun Sodiq Obid Ziyod
Valijon Lochin Rasul Ikrom Ilyos Abdurahmon Abdug'ani Shokir Mahmud Anvarjon Ne'mat
""".split()

UZ_FEMALE = """
Dilnoza Malohat Shahnoza Gulnora Nodira Feruza Zulfiya Mavluda Dilfuza Muhabbat Oysha
Xurshida Barno Gulchehra Sanobar Yulduz Umida Nargiza Shoira Mahliyo Lobar Go'zal O'g'iloy
Malika Madina Nilufar Zarina Sevara Kamola Dildora Mohira Munira Saodat Hilola Maftuna
Gulbahor Gulshan Ra'no Nasiba Muqaddas Zebo Hulkar Iroda Mukhlisa Dilorom Sitora Mehriniso
Gavhar Oydin Xosiyat Robiya Zuhra Shohista Nigora Nazokat Gulhayo Charos Durdona Mohinur
Manzura Tamara Karomat Xadicha Fotima Zamira Rayhon Bahor Saida Nafisa Ozoda Zilola Marhabo
""".split()

TJ_MALE = """
Firuz Farrukh Parviz Dilshod Jamshed Bahrom Firdavs Suhrob Ismoil Khurshed Safar Umed
Davlat Rustam Sino Siyovush Mehrubon Anushervon Faridun Daler Shohin Jahongir Khusrav
Nozimjon Sorbon Manuchehr Behruz Komron Zafar Saidmurod Abdurahim Qurbon Nurullo Ilhomjon
Abdullo Alijon Amirkhon Bakhtiyor Dalerjon Hakim Ibrohimjon Jonibek Kamol Loiq Mahmadali
Nasim Pirmurod Rahim Sharif Tohir Umar Vohid Yusuf Zoir Ravshan Sohib Shuhrat Hikmatullo
Saidali Muhammadali
""".split()

TJ_FEMALE = """
Manizha Zarina Nilufar Shahlo Sitora Mehrangez Tahmina Gulnora Gulchehra Firuza Malika
Parvina Nigina Zebunniso Farangis Shabnam Sadbarg Munisa Mohira Dilafruz Tojinisso Rukhshona
Mastura Sarvinoz Nargis Madina Khurshedabonu Muattar
Anisa Bonu Farzona Gulru Hosiyat Jamila Lola Mehrona Nodira Orzu Parvona Ruhsora Sabohat
Sanavbar Tabassum Zulaikho Zuhro Guldasta Oyisha Sitorabonu Firangiz Shahnoza
""".split()

KG_MALE = """
Aibek Azamat Bakyt Nurlan Kanat Talant Emil Kubanychbek Almazbek Nurbek Tilek Ulan Adilet
Erlan Bolot Chyngyz Maksat Nursultan Ruslan Tynchtyk Bektur Medet Eldiyar Kylychbek Zhanybek
Asylbek Taalai Kalybek Temirlan Sultan Dastan Marat Zhoomart Ilyaz
Aman Bakai Baktybek Beishen Duishen Esenbek Jyrgalbek Kurmanbek Mirlan Nurdin Sagyn Samat
Sooronbai Tologon Turat Urmat Zhenish Zhyrgal Aidar Kubat
""".split()

KG_FEMALE = """
Chynara Aizhan Gulnara Cholpon Aida Meerim Aigerim Bermet Zhyldyz Elmira Asel Nazgul Aisuluu
Kanykei Begimai Aibiike Nurzhamal Altynai Saikal Mairam Zhazgul Tolgonai Gulzat Burul Umut
Aiperi Elnura Kunduz Dinara Zarema
Aijamal Ainura Akylai Anara Baktygul Jamilya Kalima Kyial Mahabat Mira Nurgul Roza Sezim
Tattybubu Uulkan Venera Zhibek Gulmira Aigul Cholpon
""".split()

KZ_MALE = """
Daulet Yerlan Askar Serik Arman Bauyrzhan Yerzhan Timur Dias Nurlan Kairat Marat Yerbol
Dauren Zhandos Aslan Berik Samat Nurzhan Olzhas Rustem Abai Bolat Madi Aidos Galym Ertai
Zhanibek Ermek Sanzhar Talgat Kuanysh Azamat Didar
Almas Asylkhan Azat Baglan Beibit Daniyar Erbolat Erkebulan Kanat Miras Nurassyl Rauan Sabit
Serikbol Temirkhan Ualikhan Yerkin Zhassulan Zhomart Nurbol
""".split()

KZ_FEMALE = """
Dinara Aigul Aliya Saule Zhanar Madina Gulmira Asem Aruzhan Ainur Dana Akmaral Zhuldyz
Kamila Aigerim Botagoz Gaukhar Saltanat Moldir Zarina Laura Nazerke Symbat Dariga Aisulu
Tomiris Balzhan Zhansaya Indira Raushan
Aiganym Akbota Ardak Assel Bibigul Dilnaz Gulnaz Karlygash Kuralai Lazzat Meruert Nazira
Sandugash Togzhan Ulzhan Zhanna Zere Aknur Aida Zhibek
""".split()

# Surname stems (given names of fathers and grandfathers); suffixes are added by rule.
TJ_SURNAME_STEMS = """
Rahmon Nazar Said Karim Davlat Qurbon Sharif Mirzo Sultan Safar Sodiq Ismoil Nur Amir Fayz
Hasan Rajab Ashur Jalol Olim Shams Hamro Yusuf Ibrohim Sangin Bobo Zarif Kamol Rizo
""".split()
KG_SURNAME_STEMS = """
Asan Osmonali Zhapar Toktogul Abdylda Mamat Sadyr Atamba Baki Isak Tash Kadyr Abdyrakhman
Usen Tokon Sariev Zhumabek Nazarali Kurmanbek Turdu Omurbek Akmat Esen Myrza Bekboso
""".split()
KZ_SURNAME_STEMS = """
Nurlan Zhakup Seitkali Tokay Omar Aben Baimukhan Kairat Serik Akhmet Suleimen Ermek Ospan
Zhumabay Kasym Temir Sarsen Mukhtar Bekmukhamb Shaimerden Dosym Aitkul Nurgali Yessen
""".split()

# Address forms (entity = the name before them) and affectionate suffixes.
ADDRESS = {  # (language, female) -> forms of address that follow the name
    ("uz", False): ["aka", "aka", "akajon", "domla", "amaki", "hoji", "ota", "bobo"],
    ("uz", True): ["opa", "opa", "opajon", "xola", "buvi", "domla", "ona", "kelin"],
    ("tj", False): ["aka", "ako", "bobo", "jon", "domla"],
    ("tj", True): ["opa", "xola", "momo", "jon", "apa"],
    ("kg", False): ["baike", "agai", "ata", "aka"],
    ("kg", True): ["eje", "apa", "tate", "apa"],
    ("kz", False): ["aga", "agai", "ata", "baike"],
    ("kz", True): ["apai", "apa", "tate", "eje"],
}
AFFECTION = ["jon", "xon", "khon", "jon", "oy"]

# Sub-regional places: redacted by qualcode, so PLACE/LOC in training.
DISTRICTS = """
Chilonzor Yunusobod Sergeli Yakkasaroy Shayxontohur Olmazor Uchtepa Bektemir Yashnobod
Zangiota Qibray Parkent Bo'stonliq Zafarobod Do'stlik Forish Baxmal G'allaorol Arnasoy Zomin
Paxtakor Mirzacho'l Yangiobod Kosonsoy Chust Pop Uychi Chortoq To'raqo'rg'on Mingbuloq Norin
Quva Rishton Oltiariq Beshariq Bog'dod Dang'ara Urgut Payariq Ishtixon Nurobod Jomboy
Pastdarg'om G'ijduvon Vobkent Qorako'l Kitob Denov Sherobod Gurlan Beruniy Chimboy Asaka
Izboskan Baliqchi Shahrixon Xo'jaobod Bulung'ur Oqdaryo Narpay Koson Muborak Angor Boysun
Rudaki Hisor Vahdat Vose Danghara Shahrinav Spitamen Ghafurov Asht Mastchoh Ayni Farkhor
Hamadoni Yovon Norak Jabbor-Rasulov Bobojon-Ghafurov Aravan Nookat Kadamjai Uzgen Suzak
Bazar-Korgon Alamedin Sokuluk Issyk-Ata Sairam Saryagash Tulkubas Kazygurt Talgar Karasai
Ordabasy Kelles Maktaaral Zhetysai Toktogul Chatkal Ala-Buka Leilek Kara-Kulja
""".split()

MAHALLAS = """
Navbahor Bog'ishamol Mustaqillik Guliston Obod Tinchlik Istiqlol Oqtepa Chorsu Qo'rg'ontepa
Ko'kcha Beshyog'och Sebzor Qatortol Qoraqamish Ittifoq Bunyodkor Nurafshon Oltintepa
Yangihayot Bog'bon Sag'bon Bodomzor Chinor Olmazor Gulzor Navro'z Sohil Yangiobod Mehnatobod
Shodlik Do'stlik Yoshlik Bahoriston Xonobod Ulug'bek Tepaqo'rg'on Mirobod Qumariq Sarikamish
Zarafshon Ipakyo'li Uzumzor Qo'shariq Ketmontepa Kamolon Degrez Chorbog' Anhor Yakkatut
Tolzor Beshbola Ko'hna-Qal'a Xiyobon Qalandar Nayman Qipchoq Jar-Bo'yi Sayilgoh Ko'ktepa
""".split()

STREETS = [
    "Amir Temur", "Navoiy", "Bobur", "Mustaqillik", "Istiqlol", "Furqat", "Muqimiy", "Ogahiy",
    "Bunyodkor", "Qatortol", "Lutfiy", "Shota Rustaveli", "Chilonzor", "Beshyog'och",
    "Nukus", "Kichik Xalqa", "Katta Darxon", "Sebzor", "Abdulla Qodiriy", "Cho'lpon",
    "Zahiriddin", "Yangi Sergeli", "Bog'ishamol", "Mirzo Ulug'bek", "Rudaki", "Somoni",
    "Ayni", "Lenin", "Gagarin", "Frunze", "Toktogul", "Manas", "Abai", "Dostyk", "Tole Bi",
    "Zhibek Zholy", "Kabanbai Batyr", "Ibn Sino", "Alisher Navoiy", "Hamza", "Oybek",
    "Usmon Nosir", "Zarqaynar", "Taxtapul", "Qorasaroy", "Nurafshon", "Farobiy", "Beruniy",
]
STREET_WORDS = ["street", "ko'chasi", "street", "ko'chasi", "ko‘chasi", "avenue", "lane"]

VILLAGES = """
Oqqo'rg'on Qizilqishloq Chordara Sayxun Beshkapa Ko'kterak Jarqo'rg'on Qorabuloq Oqsuv
Toshbuloq Yangiqishloq Qo'shtepa Sariqamish Chimqo'rg'on Kattabog' Kichikbog' Ko'kbuloq
Qumqishloq Olmaliq-Say Tolmozor Bo'ka Nurota-Bo'yi Uchqizil Qoraqum Arabxona Shirinsoy
Khojai-Ghor Sarband Kalininobod Chorkuh Vorukh Ovchi Somoniyon Ravshan Gulakandoz Chashma
Kara-Bulak Kyzyl-Jar Ak-Tash Kok-Jar Bash-Kaindy Arslanbob Kochkor-Ata Zhana-Aryk Kemin
Kaskasu Kyzylzhar Akbulak Shamalgan Koktal Zhanaturmys Besaryk Tassay Abai-Auyl
""".split()
VILLAGE_WORDS = ["village", "qishlog'i", "village", "qishloq", "kishlak", "aul", "village"]

# Towns and small cities below region level.
TOWNS = """
Qo'qon Marg'ilon Chirchiq Olmaliq Angren Bekobod Yangiyo'l Guliston Yangiyer Shirin Zarafshon
Kattaqo'rg'on Shahrisabz Qarshi Termiz Denov Urganch Xiva Nukus Kogon Chust Kosonsoy
Asaka Xonobod Quvasoy Rishton Namangan-Shahar Uchqo'rg'on To'rtko'l Gazli Nurota Jarqo'rg'on
Kulob Bokhtar Vahdat Isfara Konibodom Panjakent Istaravshan Tursunzoda Hisor Norak Khorog
Rasht Murghob Buston Guliston-TJ Karakol Naryn Talas Batken Kara-Suu Uzgen Kara-Balta Tokmok
Kant Balykchy Cholpon-Ata Kyzyl-Kiya Jalal-Abad Turkestan Kentau Arys Zhetysai Saryagash
Kaskelen Talgar Esik Taraz Kyzylorda Aktobe Atyrau Aktau Semey Oskemen Pavlodar Karaganda
Zhezkazgan Ekibastuz Kapshagai Lenger Shardara
""".split()
TOWNS = [t.replace("-Shahar", "").replace("-TJ", "") for t in TOWNS]

# Region-level places, capitals and countries: kept by qualcode, still LOC in training.
REGIONS = """
Tashkent Samarkand Bukhara Jizzakh Namangan Fergana Andijan Khorezm Navoi Kashkadarya
Surkhandarya Sirdarya Karakalpakstan Samarqand Buxoro Farg'ona Andijon Xorazm Sughd Khatlon
Dushanbe Khujand Bishkek Osh Almaty Astana Shymkent Chui
""".split()
COUNTRIES = """
Russia Kazakhstan Uzbekistan Tajikistan Kyrgyzstan Turkey Korea Poland Germany Dubai China
Syria Afghanistan Britain America Japan Latvia Lithuania Moldova Belarus
""".split()
RU_CITIES = """
Moscow Kazan Samara Yekaterinburg Novosibirsk Krasnodar Podolsk Balashikha Khimki Lyubertsy
Mytishchi Tyumen Surgut Omsk Chelyabinsk Irkutsk Krasnoyarsk Petersburg Voronezh Rostov
Kaluga Tula Vladimir Yaroslavl Ryazan Tver Perm Ufa Orenburg Saratov Volgograd Sochi
""".split()
# Russian case forms for Russian-language sentences: nom, gen, prep, acc
RU_CITY_FORMS = [
    ("Москва", "Москвы", "Москве", "Москву"),
    ("Казань", "Казани", "Казани", "Казань"),
    ("Самара", "Самары", "Самаре", "Самару"),
    ("Екатеринбург", "Екатеринбурга", "Екатеринбурге", "Екатеринбург"),
    ("Новосибирск", "Новосибирска", "Новосибирске", "Новосибирск"),
    ("Подольск", "Подольска", "Подольске", "Подольск"),
    ("Санкт-Петербург", "Санкт-Петербурга", "Санкт-Петербурге", "Санкт-Петербург"),
    ("Краснодар", "Краснодара", "Краснодаре", "Краснодар"),
    ("Тюмень", "Тюмени", "Тюмени", "Тюмень"),
    ("Сургут", "Сургута", "Сургуте", "Сургут"),
    ("Ташкент", "Ташкента", "Ташкенте", "Ташкент"),
    ("Самарканд", "Самарканда", "Самарканде", "Самарканд"),
    ("Фергана", "Ферганы", "Фергане", "Фергану"),
    ("Наманган", "Намангана", "Намангане", "Наманган"),
    ("Душанбе", "Душанбе", "Душанбе", "Душанбе"),
    ("Бишкек", "Бишкека", "Бишкеке", "Бишкек"),
    ("Алматы", "Алматы", "Алматы", "Алматы"),
    ("Россия", "России", "России", "Россию"),
    ("Казахстан", "Казахстана", "Казахстане", "Казахстан"),
    ("Турция", "Турции", "Турции", "Турцию"),
]

ORGS = [
    "Uzum Market", "Korzinka", "Artel", "Wildberries", "Ozon", "Yandex", "Sberbank",
    "Ipoteka Bank", "Hamkorbank", "Kapitalbank", "Agrobank", "Xalq Banki", "UzAuto Motors",
    "Beeline", "Ucell", "Mobiuz", "Tcell", "Megafon", "Kaspi", "Halyk Bank", "Magnit",
    "Pyaterochka", "Lukoil", "Gazprom", "Eskhata Bank", "Amonatbonk", "Alif Bank", "Humo Bank",
    "Uzbekneftegaz", "Makro", "Havas", "Samsung", "Hyundai", "Coca-Cola", "Orient Group",
    "Akfa", "Ziraat Bank", "Mahalla Foundation", "Red Crescent", "Caritas", "Ishonch Centre",
    "Oila Centre", "Vodokanal", "Toshshahartranskhizmat", "Mir Credit", "Kolesa", "Avon",
]

MONEY = [
    "20 million soum", "fifty million", "3,000 dollars", "two thousand dollars", "100 million",
    "ten thousand roubles", "5,000 somoni", "30 million soum", "a million tenge", "$4,000",
]

# Capitalised words that are not entities (kept O), for negative sentences and fillers.
NON_ENTITY_CAPS = [
    "God", "Allah", "Ramadan", "Ramazan", "Eid", "Navruz", "Hayit", "Quran", "Telegram",
    "WhatsApp", "Instagram", "Imo", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "March", "September", "Uzbek", "Russian", "Tajik",
    "Kyrgyz", "Kazakh", "English", "Islam", "Soviet", "Covid", "Inshallah", "Hajj",
]

# Sentence openers put before a sentence that starts with a name ("During Ramadan Azamat ...")
OPENERS = [
    "Last year ", "Then ", "Yesterday ", "In 2019 ", "After Eid ", "During Ramadan ", "On Friday ",
    "In {rucity} ", "In {town} ", "Back in Soviet times ", "Honestly, ", "Well, ", "So ", "And ",
    "But ", "You know, ", "Before Navruz ", "In the summer ", "In March ", "Now ", "Of course ",
    "At the wedding ", "At that time ", "In {region}, ", "Later ", "Thank God, ", "Every Sunday ",
]
OPENERS_RU = [
    "В прошлом году ", "Потом ", "Вчера ", "В {rucity.prep} ", "Летом ", "Честно, ", "Тогда ",
    "В {rucity.prep}, ",
]
TITLES_RU_M = [
    "Инспектор", "Участковый", "Капитан", "Майор", "Доктор", "Домла", "Товарищ", "Господин",
    "Брат",
]
TITLES_RU_F = ["Доктор", "Учительница", "Медсестра", "Госпожа", "Инспектор", "Сестра", "Опа"]
