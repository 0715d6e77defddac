"""Words that make no topic label, in every language of the transcripts: English
(scikit-learn's list), Russian (stopwords-iso, MIT), transcript fillers, and the Uzbek,
Tajik and Kyrgyz function words of ``qualcode.function_words``."""

from __future__ import annotations

from functools import cache

from qualcode.function_words import KYRGYZ, TAJIK, UZBEK

FILLERS = frozenset(
    "um uh er eh mm hmm yes yeah yep ok okay right well like just really know say said "
    "says think thing things people come came let lets thank thanks opa aka dont didnt "
    "doesnt thats theres im ive youre isnt wasnt cant wont laughter crosstalk inaudible "
    "pause don didn doesn isn wasn aren weren couldn wouldn shouldn hasn haven hadn "
    "ну вот как сказать значит короче типа ладно хорошо спасибо здравствуйте конечно "
    "ha yo'q xo'p rahmat assalomu alaykum mayli".split()
)


@cache
def stop_words() -> frozenset[str]:
    import stopwordsiso
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    russian = frozenset(stopwordsiso.stopwords("ru"))
    return frozenset(ENGLISH_STOP_WORDS) | russian | FILLERS | UZBEK | TAJIK | KYRGYZ
