"""Words that make no topic label, in every language of the transcripts: English
(scikit-learn's list), Russian (stopwords-iso, MIT), transcript fillers, and short lists
of Uzbek (Latin and Cyrillic), Tajik and Kyrgyz function words written for qualcode
(no maintained list covers these languages)."""

from __future__ import annotations

from functools import cache

FILLERS = frozenset(
    "um uh er eh mm hmm yes yeah yep ok okay right well like just really know say said "
    "says think thing things people come came let lets thank thanks opa aka dont didnt "
    "doesnt thats theres im ive youre isnt wasnt cant wont laughter crosstalk inaudible "
    "pause don didn doesn isn wasn aren weren couldn wouldn shouldn hasn haven hadn "
    "ну вот как сказать значит короче типа ладно хорошо спасибо здравствуйте конечно "
    "ha yo'q xo'p rahmat assalomu alaykum mayli".split()
)
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


@cache
def stop_words() -> frozenset[str]:
    import stopwordsiso
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    russian = frozenset(stopwordsiso.stopwords("ru"))
    return frozenset(ENGLISH_STOP_WORDS) | russian | FILLERS | UZBEK | TAJIK | KYRGYZ
