"""Function words of Uzbek (Latin and Cyrillic), Tajik and Kyrgyz, written for qualcode:
no maintained stop-word list covers these languages.  Topic labels leave them out, and
the redactor never takes one for a name, even capitalised at the start of a sentence."""

from __future__ import annotations

UZBEK = frozenset(
    "va bilan uchun ham bu shu u ular biz men sen siz bor yo'q emas edi ekan lekin ammo "
    "yoki agar chunki qanday nima nega qachon qayerda kim har hamma juda bir ikki endi "
    "keyin oldin hali faqat yana o'z bizning mening sizning ularning uning shunday "
    "bo'ladi bo'lgan bo'lsa qiladi qilib kerak mumkin deb degan dedi "
    "ва билан учун ҳам бу шу у улар биз мен сен сиз бор йўқ эмас эди экан лекин аммо "
    "ёки агар чунки қандай нима нега қачон ким ҳар ҳамма жуда бир энди кейин олдин ҳали "
    "фақат яна ўз бизнинг менинг уларнинг шундай бўлади бўлган керак мумкин деб деди".split()
)
TAJIK = frozenset(
    "ва бо барои аз дар ба ки ин он мо ман ту шумо онҳо вай ҳам не нест ҳаст буд аст "
    "агар чунки чӣ чаро кай ки ҳар ҳама хеле як ду акнун баъд пеш боз танҳо худ мисли "
    "мешавад шуд кард мекунад лозим мумкин гуфт".split()
)
KYRGYZ = frozenset(
    "жана менен үчүн да бул ошол ал алар биз мен сен сиз бар жок эмес эле экен бирок "
    "же эгер анткени кандай эмне эмнеге качан ким ар баары абдан бир эки эми кийин "
    "мурун дагы гана өз биздин менин алардын болот болгон керек мүмкүн деп деди".split()
)

ALL = UZBEK | TAJIK | KYRGYZ
