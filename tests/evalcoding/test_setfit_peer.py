"""SetFitPeer with the real all-MiniLM-L6-v2: a tiny separable set and the edge cases."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from qualcode.coding.evaluate.setfit_peer import SetFitPeer

TRAIN = [
    "The bus to the city comes only twice a day and is always late.",
    "There is no road to our village, the minibus does not come in winter.",
    "The trains are crowded and the taxi is too expensive for us.",
    "Our street has no transport at all, we walk to the market.",
    "The rent for our flat went up again and we cannot pay it.",
    "We live with my husband's parents because we cannot afford a house.",
    "The landlord threw the family out of the apartment.",
    "Houses here are very expensive, young people cannot buy one.",
    "My sister makes dresses and sells them at the bazaar.",
    "We celebrated my son's wedding last summer.",
]
# codes: transport, housing, unused
Y = np.array([[1, 0, 0]] * 4 + [[0, 1, 0]] * 4 + [[0, 0, 0]] * 2, dtype=np.int8)


@pytest.fixture
def one_thread() -> Iterator[None]:
    """Fine-tuning with torch's two threads is many times slower on a busy 2-core box."""
    import torch

    n = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(n)


@pytest.mark.slow
@pytest.mark.usefixtures("one_thread")
def test_learns_separable_codes_and_never_predicts_an_unused_code() -> None:
    peer = SetFitPeer(num_iterations=1, batch_size=8).fit(TRAIN, np.zeros((10, 4)), Y)
    unseen = [
        "The minibus to town broke down and nobody came to fix the road.",
        "Our landlord wants more money for the rent of the apartment.",
    ]
    pred = peer.predict(unseen, np.zeros((2, 4)))
    assert pred.dtype == np.int8
    assert pred.tolist() == [[1, 0, 0], [0, 1, 0]]


@pytest.mark.slow
@pytest.mark.usefixtures("one_thread")
def test_no_negative_pairs_trains_only_the_head() -> None:
    # every segment has code 0, so SetFit's sampler has no negative pair to draw
    peer = SetFitPeer().fit(TRAIN[:3], np.zeros((3, 4)), np.array([[1, 0], [1, 1], [1, 0]]))
    assert peer.predict(TRAIN[4:6], np.zeros((2, 4)))[:, 0].tolist() == [1, 1]


def test_no_texts_or_no_positives_predict_zeros() -> None:
    peer = SetFitPeer().fit([], np.zeros((0, 4)), np.zeros((0, 3), dtype=np.int8))
    assert peer.model_ is None
    pred = peer.predict(["anything", "else"], np.zeros((2, 4)))
    assert pred.shape == (2, 3) and pred.dtype == np.int8 and not pred.any()

    peer = SetFitPeer().fit(TRAIN[:2], np.zeros((2, 4)), np.zeros((2, 3), dtype=np.int8))
    assert peer.model_ is None and not peer.predict(TRAIN, np.zeros((10, 4))).any()
    assert peer.predict([], np.zeros((0, 4))).shape == (0, 3)
