"""Put any model's cosine similarities on one scale, so thresholds mean the same thing
whichever embedding model a project uses.

Models differ wildly in how similar unrelated texts look: about 0.1 for
all-MiniLM-L6-v2, about 0.8 for multilingual-e5-small.  A model's scale is measured on a
fixed set of unrelated sentences (``NEUTRAL``, the same twenty in English, Russian and
Uzbek): the mean and spread of the similarities of different sentences, for a pair of
languages, since a Russian segment set against an English codebook looks less similar
to it than an English one would, whatever it says.  ``to_reference`` maps a similarity
linearly so that the model's mean and spread land on those of all-MiniLM-L6-v2
(``REFERENCE``), the scale on which qualcode's default thresholds were chosen; for that
model the map is the identity.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from qualcode.embed.encoder import Embedder

NEUTRAL: dict[str, tuple[str, ...]] = {
    "en": (
        "The train to the capital leaves at seven in the morning.",
        "She planted tomatoes and peppers behind the house this spring.",
        "The football match was cancelled because of the heavy rain.",
        "Bread prices went up again at the bazaar last week.",
        "My grandfather repairs old radios in his spare time.",
        "The new bridge over the river took three years to build.",
        "Children learn to read faster when their parents read aloud to them.",
        "The hospital opened a second floor for outpatients.",
        "He bought a used car from a neighbour in the next village.",
        "Snow closed the mountain pass for most of January.",
        "The library lends books, films and board games.",
        "Our cow gave less milk during the hot summer months.",
        "The mobile network is weak on the far side of the hill.",
        "A famous singer gave a concert in the city park.",
        "The teacher asked the pupils to write an essay about autumn.",
        "Cotton picking starts at the end of September.",
        "The bus driver stopped to help an old woman with her bags.",
        "Electricity cuts are common in the evenings in winter.",
        "The museum shows carpets woven more than a century ago.",
        "They celebrated the holiday with plov and green tea.",
    ),
    "ru": (
        "Поезд в столицу отправляется в семь утра.",
        "Этой весной она посадила помидоры и перец за домом.",
        "Футбольный матч отменили из-за сильного дождя.",
        "На прошлой неделе на базаре снова подорожал хлеб.",
        "Мой дедушка в свободное время чинит старые радиоприёмники.",
        "Новый мост через реку строили три года.",
        "Дети быстрее учатся читать, когда родители читают им вслух.",
        "В больнице открыли второй этаж для амбулаторных больных.",
        "Он купил подержанную машину у соседа из соседнего села.",
        "Снег закрыл горный перевал почти на весь январь.",
        "Библиотека выдаёт книги, фильмы и настольные игры.",
        "Жарким летом наша корова давала меньше молока.",
        "За холмом мобильная связь совсем слабая.",
        "Известная певица дала концерт в городском парке.",
        "Учительница попросила учеников написать сочинение об осени.",
        "Сбор хлопка начинается в конце сентября.",
        "Водитель автобуса остановился, чтобы помочь пожилой женщине с сумками.",
        "Зимой по вечерам часто отключают электричество.",
        "В музее показывают ковры, сотканные больше века назад.",
        "Праздник отметили пловом и зелёным чаем.",
    ),
    "uz": (
        "Poytaxtga poyezd ertalab soat yettida jo'naydi.",
        "Bu bahor u uy orqasiga pomidor va qalampir ekdi.",
        "Kuchli yomg'ir tufayli futbol o'yini bekor qilindi.",
        "O'tgan hafta bozorda non yana qimmatladi.",
        "Bobom bo'sh vaqtida eski radiolarni tuzatadi.",
        "Daryo ustidagi yangi ko'prik uch yilda qurildi.",
        "Ota-onasi ovoz chiqarib kitob o'qib bersa, bolalar tezroq o'qishni o'rganadi.",
        "Kasalxonada ambulator bemorlar uchun ikkinchi qavat ochildi.",
        "U qo'shni qishloqdagi qo'shnisidan ishlatilgan mashina sotib oldi.",
        "Qor tog' dovonini deyarli butun yanvar davomida yopib qo'ydi.",
        "Kutubxona kitoblar, filmlar va stol o'yinlarini berib turadi.",
        "Issiq yoz oylarida sigirimiz kamroq sut berdi.",
        "Tepalikning narigi tomonida mobil aloqa juda kuchsiz.",
        "Mashhur qo'shiqchi shahar bog'ida konsert berdi.",
        "O'qituvchi o'quvchilardan kuz haqida insho yozishni so'radi.",
        "Paxta terimi sentyabr oxirida boshlanadi.",
        "Avtobus haydovchisi sumkali keksa ayolga yordam berish uchun to'xtadi.",
        "Qishda kechqurunlari elektr tez-tez o'chib turadi.",
        "Muzeyda bir asrdan ko'proq oldin to'qilgan gilamlar ko'rsatiladi.",
        "Bayramni osh va ko'k choy bilan nishonlashdi.",
    ),
}


class Scale(NamedTuple):
    mean: float  # mean cosine of unrelated sentence pairs
    spread: float  # their standard deviation


# all-MiniLM-L6-v2 on NEUTRAL (tests/test_scale.py measures it with the real model)
REFERENCE = Scale(mean=0.074656, spread=0.081506)

_CACHE: dict[str, Scale] = {}


def similarity_scale(embedder: Embedder, text_language: str = "en", other: str = "en") -> Scale:
    """The model's scale for texts in ``text_language`` set against texts in ``other``
    (computed once per model and pair).  A language without neutral sentences, or one the
    model does not cover, is measured as English."""
    declared = getattr(embedder, "scale", None)
    if isinstance(declared, Scale):  # an embedder that knows its own scale says so
        return declared
    a, b = _known(embedder, text_language), _known(embedder, other)
    key = f"{embedder.model_id}|{a}|{b}"
    if key not in _CACHE:
        left, right = _neutral_vectors(embedder, a), _neutral_vectors(embedder, b)
        sims = (left @ right.T)[~np.eye(len(left), dtype=bool)]
        _CACHE[key] = Scale(float(sims.mean()), max(float(sims.std()), 1e-6))
    return _CACHE[key]


def _known(embedder: Embedder, language: str) -> str:
    covered = getattr(embedder, "languages", None)
    usable = language in NEUTRAL and (covered is None or language in covered)
    return language if usable else "en"


def _neutral_vectors(embedder: Embedder, language: str) -> np.ndarray:
    return np.asarray(embedder.encode(list(NEUTRAL[language])), dtype=np.float64)


def to_reference(similarity: np.ndarray, scale: Scale) -> np.ndarray:
    """``similarity`` (cosines under a model with ``scale``) on the reference scale."""
    return REFERENCE.mean + (similarity - scale.mean) * (REFERENCE.spread / scale.spread)
