"""Decisions become labels, and retraining runs in the background."""

from __future__ import annotations

import threading
import time

from qualcode.coding.feedback import BackgroundTrainer, decision_labels
from qualcode.coding.learn import UNKNOWN


def _event(i: int, seg: int, code: str, action: str, undoes: int | None = None) -> dict:
    return {"id": i, "segment_id": seg, "code_id": code, "action": action, "undoes": undoes}


def test_decisions_fold_into_labels_with_undo_and_rejections_as_negatives() -> None:
    events = [
        _event(1, 10, "a", "accept"),
        _event(2, 11, "b", "reject"),
        _event(3, 12, "a", "add"),
        _event(4, 12, "b", "add"),
        _event(5, 12, "b", "undo", undoes=4),
        _event(6, 99, "a", "accept"),  # a segment not in this set: ignored
    ]
    rows, Y = decision_labels(events, [10, 11, 12, 13], ["a", "b"])
    assert rows.tolist() == [0, 1, 2]
    assert Y.tolist() == [[1, 0], [0, 0], [1, 0]]
    assert UNKNOWN not in Y


def test_no_decisions_give_no_rows() -> None:
    rows, Y = decision_labels([], [1, 2], ["a"])
    assert len(rows) == 0 and Y.shape == (0, 1)


def test_requests_return_at_once_and_bursts_coalesce_into_the_latest() -> None:
    gate, started = threading.Event(), threading.Event()
    seen: list[int] = []
    labels = [0]

    def train() -> int:
        started.set()
        gate.wait(5)
        seen.append(labels[0])
        return labels[0]

    trainer: BackgroundTrainer[int] = BackgroundTrainer(train, initial=-1)
    trainer.request()  # starts, blocks on the gate
    assert started.wait(5)
    for n in range(1, 6):  # five decisions arrive during that training
        labels[0] = n
        trainer.request()
    assert trainer.current == -1  # still serving the old model, nothing blocked
    gate.set()
    assert trainer.wait(5)
    assert trainer.current == 5 and seen[-1] == 5
    assert len(seen) == 2  # the burst became one more run, not five


def test_a_failed_training_keeps_the_previous_model() -> None:
    def train() -> int:
        raise ValueError("boom")

    trainer: BackgroundTrainer[int] = BackgroundTrainer(train, initial=7)
    trainer.request()
    assert trainer.wait(5)
    assert trainer.current == 7 and isinstance(trainer.last_error, ValueError)


def test_a_stream_of_requests_retrains_at_most_every_min_interval() -> None:
    seen: list[int] = []
    labels = [0]

    def train() -> int:
        seen.append(labels[0])
        return labels[0]

    trainer: BackgroundTrainer[int] = BackgroundTrainer(train, min_interval=0.2)
    for n in range(1, 41):  # a decision every 10 ms for 0.4 s
        labels[0] = n
        trainer.request()
        time.sleep(0.01)
    assert trainer.wait(5)
    assert trainer.current == 40 and seen[-1] == 40  # the last decision is learned
    assert len(seen) <= 4  # 0.4 s at one training per 0.2 s, plus the one that follows
