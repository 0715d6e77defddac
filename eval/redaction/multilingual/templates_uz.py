# ruff: noqa: E501  (long hand-written template strings)
"""Uzbek turn templates, written in Latin script (hand-written for this set).

The builder transliterates the literal text to Uzbek Cyrillic for the Cyrillic
documents, and spells the names and places for that script.  Slots as in
templates_ru.py; Uzbek case endings are slot forms (_ga _ning _ni _da _dan _lar _jon),
so "{HUSBAND_ning}" gives "Bahodirning" (all gold) and "{MIL_hon_ning}" gives
"Gulnora opaning" (only "Gulnora" gold).  Places: {MAHALLA_da} -> "Navbahor mahallasida".
"""

OPEN = [
    "Assalomu alaykum. Bugun xavfsizlik haqida gaplashamiz. Ismlaringiz hisobotda yozilmaydi.",
    "Xush kelibsiz. Mening ismim {F_full}, men jamoat tashkilotidanman. Keling, tanishib olamiz.",
    "Rahmat, vaqt topib kelganingiz uchun. Avval har biringiz o'zingiz haqingizda qisqacha aytib bering.",
    "Yaxshi, boshlaymiz. Bu yerda aytilgan gaplar shu xonada qoladi. Ruscha gapirsangiz ham bo'ladi.",
]

INTRO = [
    "Mening ismim {ME_full}, {ME_age} yoshdaman. {MAHALLA_da} yashayman, {g:qurilishda ishlayman|bog'chada ishlayman}.",
    "Men {ME}, {ME_age} yoshdaman. Oldin {SCHOOL_da} ishlaganman, hozir uydaman.",
    "Assalomu alaykum, men {ME_full}. {STREET_da} turamiz, hamma bir-birini taniydi.",
    "{ME}. Asli {VILLAGE_dan}, hozir shu yerda yashayman. {g:Uylanganman, uchta bolam bor|Turmushga chiqqanman, uchta bolam bor}.",
    "Ismim {ME}, {ME_age} yoshdaman, hamma meni {ME_dim} deydi. {g:Bozorda savdo qilaman|Uyda tikuvchilik qilaman}.",
    "Men {ME_pato}, {REG_da} tug'ilganman, hozir {MAHALLA_da} yashayman.",
]

QUESTIONS = {
    "dv": ["Oiladagi zo'ravonlik haqida gaplashsak. Ayollar yordam so'rab kimga murojaat qiladi?",
           "{NEXT}, sizning mahallangizda xotin eridan ketsa, odamlar nima deydi?",
           "Aytingchi, inqiroz markazi yoki xotin-qizlar qo'mitasi kimgadir yordam berdimi?"],
    "mig": ["Ko'pchilik Rossiyaga ishlashga ketadi. Uyda qolgan oilalarga qanday?",
            "{NEXT}, yaqinlaringizdan kimdir chet elda ishlaydimi?"],
    "wed": ["Nega to'ylar bunchalik qimmat? Qancha sarflashni kim hal qiladi?",
            "{NEXT}, siz to'ydan keyingi qarzlar haqida aytdingiz. Batafsilroq gapirib bering."],
    "job": ["Yoshlar ishni qanday topadi? Bandlik markazi yordam beradimi?",
            "{NEXT}, ayollarning ishi bilan ahvol qanday?"],
    "ret": ["Suriya yoki Iroqdan qaytgan oilalar bormi? Qo'shnilar ularni qanday qabul qildi?",
            "{NEXT}, mahalla qaytganlarga qanday yordam beryapti?"],
    "law": ["Odamlar o'z huquqlarini biladimi? Yuridik yordam uchun qayerga borishadi?",
            "{NEXT}, siz sudga borganingizni aytdingiz. Qanday bo'ldi?"],
    "pol": ["Uchastkavoy va militsiyaning ishini qanday baholaysiz?",
            "{NEXT}, siz militsiyaga ishonasizmi?"],
    "serv": ["Yaqin atrofda qanday xizmatlar bor: poliklinika, maktab, transport?",
             "{NEXT}, hujjatlar, FHDYO, nafaqa bilan qiyinchilik bormi?"],
}

SAY = {
    "dv": [
        "Erim {HUSBAND} mast bo'lib kelsa, bolalarni olib {SISTER_ning} uyiga ketaman.",
        "Qaynonam, {MIL_hon}, doim aytadi: sabr qil, hamma shunday yashaydi.",
        "Ko'pchilik ayollar {MAHALLA_da} indamaydi, chunki boradigan joyi yo'q.",
        "Qo'shnim {NEIGHBOUR} uch marta mahallaga bordi, hech narsa o'zgarmadi.",
        "Inqiroz markazi faqat {REG_da} bor, u yerga borish uchun ikki soat kerak.",
        "Rostini aytsam, o'zim ham qo'rqdim. {HUSBAND} pasportim va telefonimni olib qo'ydi.",
        "Uchastkavoy {INSPECTOR} keldi, eri bilan o'n daqiqa gaplashdi va ketdi.",
        "Inqiroz markazidagi psixolog {LAWYER_full} bizga telefon raqamini berdi: {PHONE}.",
        "Bolalar hammasini ko'radi. {NEIGHBOUR_hon_ning} o'g'li maktabga bormay qo'ydi.",
        "F|Onam aytdi: ajrashish uyat. Lekin {SISTER} meni qo'llab-quvvatladi.",
        "O'sha voqeadan keyin {NEIGHBOUR} {STREET_da} ota-onasinikida yashayapti.",
        "Mahalla raisi {CHAIR_pat} bu oilaviy ish, aralashmayman dedi.",
        "Aytishadi, o'tgan yili {P_ning} mahallasida bir qiz uydan ketib qolgan, hech kim izlamagan.",
        "{P} bilan birga advokatga bordik, {LAWYER_jon} hammasini tekinga tushuntirdi.",
    ],
    "mig": [
        "Erim {HUSBAND_full} to'rt yildan beri Moskvada. Pulni kam yuboradi.",
        "Akam {BROTHER} Rossiyada qurilishda ishlaydi, patentsiz.",
        "Ukam {BROTHER} Moskvada, u yerdagi raqami {PHONE_ru}, haftada bir marta gaplashamiz.",
        "Yollovchi {RECRUITER} Yekaterinburgda ish va'da qildi, keyin pulimiz bilan yo'qoldi.",
        "Agar Rossiyada biror narsa bo'lsa, kimga qo'ng'iroq qilamiz? Menga {PHONE_ru} raqamini berishdi, lekin hech kim javob bermaydi.",
        "M|O'zim uch yil Moskvada ishladim. Qaytib kelsam, bu yerda ish yo'q edi.",
        "{HUSBAND} ketganidan keyin qaynonam va uchta bola bilan qoldim.",
        "{P_ning} o'g'li o'n yetti yoshida Rossiyaga ketgan.",
        "Yigitlar {VILLAGE_dan} maktabni bitirishi bilan Rossiya yoki Qozog'istonga ketadi.",
        "O'g'lim {SON} Sankt-Peterburgga ketdi. {SON} endi {SON_age} yoshda, butun oilani boqyapti.",
        "Migrantlarning xotinlari yillab qaynonasi bilan yashaydi, hech kim ahvolini so'ramaydi.",
        "Yaqinda {FRIEND} Turkiyadan qaytdi, u yerda hech bo'lmasa oylik o'z vaqtida beriladi, deydi.",
        "Oldin Rossiyaga ketishardi, hozir ko'pchilik Koreyaga yoki Dubayga ketyapti.",
        "Migratsiya agentligi kurslar ochgan, lekin {REG_da} faqat bitta.",
    ],
    "wed": [
        "To'y bizda uyning narxiday turadi. {SON_ning} to'yi uchun haligacha kredit to'layapmiz.",
        "Hokim kamtarona to'y qiling, deydi. Lekin qarindoshlar baribir talab qiladi.",
        "Qizim {DAUGHTER_ni} uzatganimizda besh yuz kishi keldi, yarmini tanimayman.",
        "Ko'pchilik sudxo'rlardan qarz oladi, keyin yillab to'laydi.",
        "Qo'shnilarimiz, {NEIGHBOUR_lar}, o'g'lining to'yi uchun sigirini sotishdi.",
        "Qaynona birinchi kuniyoq kelin qancha sep olib kelganini sanaydi.",
        "{P} to'g'ri aytdi: hech kim qo'shnidan kam bo'lishni xohlamaydi.",
        "Hatto mahallada to'ylarni cheklash kerak deyishadi, lekin o'zlari uch kun to'y qilishadi.",
        "Qizim {DAUGHTER} maktabdan keyinoq turmushga chiqdi, men qarshi edim, lekin meni hech kim eshitmadi.",
        "Mana {P} biladi, {P_ning} akasi to'y qarzi uchun Moskvaga ketgan.",
    ],
    "job": [
        "Ish yo'q. O'g'lim {SON_full} kollejni bitirdi, lekin {REG_da} taksichilik qilyapti.",
        "Bandlik markazi kurslar taklif qiladi, lekin kursdan keyin ham ish yo'q.",
        "Ayollar uyda tikuvchilik qiladi yoki bozorda savdo qiladi, boshqa hech narsa yo'q.",
        "Yoshlar telefonda o'tiradi, Telegram, Instagram, Rossiyaga chaqirishlarini kutadi.",
        "Hech bo'lmasa {P_ning} issiqxonasi bor, bizda esa yer ham yo'q.",
        "Hozir ko'pchilik Yandex orqali ishlaydi yoki Uzum buyurtmalarini tashiydi.",
        "Direktor qizimni {SCHOOL_ga} ishga faqat pul bergandan keyin oldi.",
        "Odatda ishni qarindoshlar orqali topishadi. Tanish-bilishsiz hech qayerga kirolmaysan.",
        "F|Dugonam {FRIEND_full} kichik sex ochdi, hozir u yerda {MAHALLA_dan} olti ayol ishlaydi.",
    ],
    "ret": [
        "Suriyadan {RETURNEE_ning} oilasi qaytdi, ularni {STREET_da} qarindoshlari uyiga joylashtirishdi.",
        "Avval odamlar qo'rqdi, maktabda bolalar ularning qizi bilan o'tirishni xohlamadi.",
        "Rais {CHAIR} o'zi ularning uyiga borib, hujjatlarga yordam berdi.",
        "Aytishlaricha, {RETURNEE} Turkiya orqali Iroqqa ketgan, qaytib yolg'iz keldi.",
        "Hech kim ularga nima tegishli ekanini aniq bilmaydi. Hokimiyat ish va'da qildi, lekin hali hech narsa yo'q.",
        "O'qituvchi {TEACHER_hon} ularning bolalari bilan tekin shug'ullandi.",
        "Qaytib kelgan ayollar ko'pincha uyda o'tiradi. Tashqariga chiqishga uyalishadi.",
        "Imom masjidda aytdi: bular bizning odamlarimiz, qabul qilishimiz kerak.",
    ],
    "law": [
        "Ko'pchilik bepul yuridik yordam olish mumkinligini bilmaydi.",
        "Advokat {LAWYER_full} juma kunlari qabul qiladi, telefoni {PHONE}.",
        "F|Aliment uchun ariza berganimda sud sakkiz oy cho'zildi.",
        "Prokuratura {P_ning} arizasini qaytardi, ma'lumotnomalar yetishmaydi deyishdi.",
        "Qonunlar yaxshi, lekin odamlar ularni bilmaydi, hech kim tushuntirmaydi.",
        "FHDYO qizimni ro'yxatga olmadi, chunki otasining hujjatlari yo'q.",
        "Ombudsmanga yozdik, yarim yildan beri javob yo'q.",
        "{NEIGHBOUR} {ADDRESS} manzilida ijarada turardi, lekin eri uni u yerda ham topdi.",
        "{NEIGHBOUR_hon} haqida aytay: uy bo'yicha sudga berdi va yutdi.",
    ],
    "pol": [
        "Uchastkavoyimiz yangi, {INSPECTOR_full}. Hech bo'lmasa chaqirsang keladi.",
        "Militsiyaga qo'ng'iroq qilsak, o'zingiz hal qiling, deyishdi.",
        "Militsiya faqat kimdir qattiq jabrlansa keladi.",
        "Tergovchi {P_ga} arizadan bir oy o'tib qo'ng'iroq qildi.",
        "Kechasi {STREET_da} qorong'i, chiroq yo'q, qizlar yurishga qo'rqadi.",
        "F|Erim {HUSBAND} bilan {ADDRESS} manzilida turamiz, u yerda ham kechasi qo'rqinchli.",
        "Profilaktika inspektori {MAHALLA_dagi} hamma qiyin o'smirlarni taniydi.",
        "Akam {BROTHER} ikki kun IIBda o'tirdi, keyin hech narsa tushuntirmasdan qo'yib yuborishdi.",
        "Oldin uchastkavoy {INSPECTOR_hon} edi, u bilan gaplashsa bo'lardi.",
    ],
    "serv": [
        "Poliklinika uchta mahallaga bitta, navbat ertalab oltidan boshlanadi.",
        "Shifokor {DOCTOR_full} faqat tushgacha qabul qiladi, o'zi {REG_da} yashaydi.",
        "{SCHOOL_da} bir sinfda qirqta bola, o'qituvchi yetishmaydi.",
        "Avtobus kuniga ikki marta yuradi, {REG_ga} borish qariyb ikki soat.",
        "Qaynonam {MIL_full} yarim yildan beri nafaqasini rasmiylashtira olmayapti.",
        "Xotin-qizlar qo'mitasi {P_ga} bolalar nafaqasini olishga yordam berdi.",
        "Qishda gaz yo'q, suvni payshanba kunlari olib kelishadi.",
        "Nafaqa bo'yicha yordam kerak bo'lsa, {NEIGHBOUR_ga} qo'ng'iroq qiling, raqami {PHONE}.",
        "Bizning {VILLAGE_da} dorixona ham yo'q.",
    ],
}

FILL = [
    "To'g'ri. Xuddi shunday.",
    "Ha, bizda ham shunday.",
    "Endi, hamma joyda ham emas. Bizning {MAHALLA_da} boshqacha.",
    "Qo'shimcha qilsam maylimi? Bu faqat ayollarga tegishli emas.",
    "Rostini aytsam, nima deyishni bilmayman. Xudoga shukur, bu meni chetlab o'tdi.",
    "Mana shunaqa. Hamma indamaydi, chunki uyat.",
    "Bilasizmi, odamlar shunchaki charchagan.",
    "Men {P} bilan roziman.",
    "Tasavvur qiling, bolalar bilan yolg'iz, pulsiz qoldingiz. Qayerga borasiz?",
]

CLOSE = [
    "Hammaga rahmat. Kimdir alohida gaplashmoqchi bo'lsa, raqamim sizlarda bor.",
    "Ochiq gapirganingiz uchun rahmat. Shu bilan yakunlaymiz.",
    "Yaxshi, shu yerda to'xtaymiz. Kelganingiz uchun rahmat.",
]
