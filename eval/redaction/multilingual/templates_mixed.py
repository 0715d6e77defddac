# ruff: noqa: E501  (long hand-written template strings)
"""Code-switched turn templates: Russian / Uzbek (Latin) / English within one sentence
(hand-written for this set).  Mixed documents also draw whole sentences from
templates_ru.py and templates_uz.py, so languages switch between sentences and turns.

Names default to Uzbek Latin spelling; a Russian case form (_gen _dat _acc _ins _pre)
or the _ru form gives the Russian Cyrillic spelling (Гульнору, с Рустамом), _en the
Latin one.  Places: {MAHALLA_da} (Uzbek), {STREET_ru_pre} (Russian), {VILLAGE_en}.
"""

OPEN = [
    "Assalomu alaykum, всем добрый день. Today we talk about safety in your mahalla. Ismlar hisobotga yozilmaydi.",
    "Здравствуйте. Меня зовут {F_full_ru}, I work for a women's organisation. Keling, tanishamiz.",
    "Rahmat, что пришли. You can speak Uzbek, Russian, whatever is easier for you.",
    "Okay, начинаем. Hamma gaplar shu xonada qoladi, nothing leaves this room.",
]

INTRO = [
    "Меня зовут {ME_ru}, {ME_age} yoshdaman, {MAHALLA_da} yashayman.",
    "Hi, I'm {ME_full}, {ME_age}. Я работаю в {SCHOOL_ru_pre}.",
    "Men {ME}, {g:taksida ishlayman|uyda tikuvchilik qilaman}, живу на {STREET_ru_pre}.",
    "{ME_full}. I'm from {VILLAGE_en}, hozir shaharda yashayman.",
    "Ismim {ME}, мне {ME_age}, но все зовут меня {ME_ru_dim}.",
    "Salom, I'm {ME}. {g:Uylanganman|Turmushga chiqqanman}, двое детей.",
]

QUESTIONS = {
    "dv": ["Keling, oiladagi zo'ravonlik haqida gaplashamiz. К кому женщины идут за помощью?",
           "{NEXT}, what happens in your mahalla if a woman leaves her husband? Odamlar nima deydi?"],
    "mig": ["Многие уезжают в Россию. What happens to the families who stay? Uyda kim qoladi?",
            "{NEXT}, yaqinlaringizdan kimdir за границей работает?"],
    "wed": ["Why are weddings so expensive? Кто решает, qancha sarflash kerak?",
            "{NEXT}, вы говорили про qarz после свадьбы. Can you tell us more?"],
    "job": ["Yoshlar ishni qanday topadi? Does the employment centre help?",
            "{NEXT}, а у женщин как с работой?",
            "{NEXT_ru_dim}, what about you? Ish topdingizmi?"],
    "ret": ["Suriya yoki Iroqdan qaytganlar bormi? How did the neighbours react?",
            "{NEXT}, mahalla им как-то помогает?"],
    "law": ["Do people know their rights? Куда идут за юридической помощью?",
            "{NEXT}, siz sudga borgansiz, right? Как это было?"],
    "pol": ["Uchastkavoyning ishini qanday baholaysiz? Do you trust the police?",
            "{NEXT}, вы бы позвонили в милицию, agar biror narsa bo'lsa?"],
    "serv": ["What services are close to you? Поликлиника, maktab, avtobus?",
             "{NEXT}, с документами, с ZAGS, qiyinchilik bormi?"],
}

SAY = {
    "dv": [
        "F|Ну, bilasizmi, {HUSBAND} ichib kelsa, я беру детей и ухожу к {SISTER_dat}.",
        "F|Моя свекровь, {MIL_hon_ru}, always says: sabr qil, все так живут.",
        "Honestly, mahallada hech kim yordam bermaydi, все молчат.",
        "Я ходила в кризисный центр, lekin u yerda joy yo'q edi, they sent me home.",
        "Участковый {INSPECTOR_ru} keldi, gaplashdi va ketdi, that's all.",
        "Qo'shnim {NEIGHBOUR} three times went to the mahalla committee, и ничего.",
        "Psixolog {LAWYER_full} gave us her number, {PHONE}, можете записать.",
        "Мы с {P_ins} вместе ходили к юристу, but the lawyer {LAWYER_en} was on leave.",
        "F|{HUSBAND_ning} onasi har kuni urishadi, and he just watches.",
        "Дети всё видят. {NEIGHBOUR_hon_ning} o'g'li maktabga bormay qo'ydi.",
    ],
    "mig": [
        "F|Мой муж {HUSBAND_full_ru} уже четыре года в Москве, pul kam yuboradi.",
        "Akam {BROTHER} Rossiyada работает на стройке, without a patent.",
        "The recruiter, {RECRUITER_en}, обещал работу в Екатеринбурге, keyin yo'qoldi.",
        "Если что-то случится в России, kimga qo'ng'iroq qilamiz? They gave us {PHONE_ru}.",
        "My son {SON_en} is {SON_age}, and he already wants to go to Russia.",
        "Короче, half of the boys from {VILLAGE_en} are in Russia or Kazakhstan.",
        "{P_ning} o'g'li после школы сразу уехал, he is in Moscow now.",
        "Раньше все ехали в Россию, hozir ko'pchilik Koreyaga ketyapti.",
    ],
    "wed": [
        "Короче, to'y uchun кредит взяли, hali ham to'layapmiz.",
        "The wedding for {SON_en} cost more than our house, честно.",
        "Hokim says kamtarona to'y qiling, но родня не слушает.",
        "{P} правильно {g:сказал|сказала}, nobody wants to be worse than the neighbours.",
        "Qizim {DAUGHTER_ni} uzatganimizda пятьсот человек пришло, I didn't know half of them.",
        "Многие берут у ростовщиков, then they pay for years.",
        "Свадьба у {NEIGHBOUR_gen} была три дня, and now they sell the cow.",
    ],
    "job": [
        "Yoshlar just sit at home, ищут работу через Telegram.",
        "My son {SON_full} finished college, но работает таксистом в {REG_ru_pre}.",
        "Ish yo'q, работы нет, there is simply no work.",
        "Hozir ko'pchilik Yandex orqali ishlaydi, or they deliver for Wildberries.",
        "F|Моя подруга {FRIEND_full_ru} opened a small workshop, u yerda olti ayol ishlaydi.",
        "Bandlik markazi gives courses, но после курсов всё равно ничего.",
        "Директор {SCHOOL_ru_gen} took my daughter only after we paid, tushunyapsizmi.",
    ],
    "ret": [
        "Suriyadan {RETURNEE_ning} oilasi qaytdi, they live with relatives on {STREET_en}.",
        "Сначала люди боялись, bolalar ularning qizi bilan o'tirmasdi.",
        "Rais {CHAIR} сам ходил к ним, helped with the documents.",
        "Говорят, {RETURNEE} went to Iraq through Turkey, va yolg'iz qaytdi.",
        "The teacher, {TEACHER_hon}, занималась с их детьми бесплатно.",
        "Hokimiyat promised work, но пока ничего нет.",
    ],
    "law": [
        "Многие не знают about free legal aid, bepul yuridik yordam borligini bilishmaydi.",
        "Advokat {LAWYER_full} принимает по пятницам, her number is {PHONE}.",
        "F|Когда я подала на алименты, sud sakkiz oy davom etdi.",
        "Prokuratura {P_ning} arizasini qaytardi, сказали, справок не хватает.",
        "{NEIGHBOUR} lived at {ADDRESS}, но муж её и там нашёл.",
        "Laws are good, lekin odamlar bilmaydi, никто не объясняет.",
    ],
    "pol": [
        "Участковый у нас новый, {INSPECTOR_full}. At least he comes when you call.",
        "We called the police, они сказали: o'zingiz hal qiling.",
        "Ночью на {STREET_ru_pre} темно, qizlar qo'rqadi, no street lights.",
        "Akam {BROTHER} ikki kun IIBda o'tirdi, then they let him go without explanation.",
        "Следователь позвонил {P_dat} only after a month.",
        "F|We live at {ADDRESS_en}, {HUSBAND} bilan, и там тоже страшно ночью.",
        "If you need help with the pension, {NEIGHBOUR_ga} qo'ng'iroq qiling, номер {PHONE}.",
    ],
    "serv": [
        "Poliklinika bitta, for three mahallas, очередь с шести утра.",
        "Doctor {DOCTOR_full} only works until lunch, потом уезжает.",
        "В {SCHOOL_ru_pre} сорок детей в классе, o'qituvchi yetishmaydi.",
        "Qaynonam {MIL_full} can't get her pension for half a year, документы теряют.",
        "Xotin-qizlar qo'mitasi helped {P_en} get the child benefit, слава Богу.",
    ],
}

FILL = [
    "Да, exactly. Xuddi shunday.",
    "To'g'ri, и у нас так же.",
    "Honestly, не знаю, что сказать.",
    "Ну, bilasizmi, people are just tired.",
    "I agree with {P_en}. Полностью.",
    "{P_ru_dim}, ты же помнишь? Bu haqida hamma biladi.",
    "Как {P_ru_dim} {g:сказал|сказала}, it is the same everywhere.",
    "Можно я добавлю? It's not only about women.",
]

CLOSE = [
    "Thank you all. Hammaga rahmat. Если хотите поговорить отдельно, my number is on the sheet.",
    "Rahmat, спасибо за откровенность. That's all for today.",
    "Okay, на этом всё. Kelganingiz uchun rahmat.",
]
