"""``file_digest``: the same SHA-256 as reading the file, remembered only while the file
is unchanged and settled."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import time
from pathlib import Path

import pytest

from qualcode.embed import modelfiles
from qualcode.embed.modelfiles import file_digest


def settled(path: Path, data: bytes, age_s: float = 60.0) -> Path:
    path.write_bytes(data)
    past = time.time() - age_s
    os.utime(path, (past, past))
    return path


def no_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path, prefix: bytes) -> str:
        raise AssertionError("hashed again")

    monkeypatch.setattr(modelfiles, "_sha256", refuse)


def test_the_digest_is_the_sha256_of_prefix_and_file(tmp_path: Path) -> None:
    weights = settled(tmp_path / "model.safetensors", b"weights" * 1000)
    expected = hashlib.sha256(b"fp32|" + b"weights" * 1000).hexdigest()
    assert file_digest(weights, b"fp32|", tmp_path / "memo.json") == expected


def test_a_settled_file_is_hashed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    weights, memo = settled(tmp_path / "w.bin", b"abc"), tmp_path / "memo.json"
    first = file_digest(weights, b"p", memo)
    no_hashing(monkeypatch)
    assert file_digest(weights, b"p", memo) == first
    with pytest.raises(AssertionError):  # another prefix is another digest
        file_digest(weights, b"q", memo)


def test_a_changed_file_is_hashed_again(tmp_path: Path) -> None:
    weights, memo = settled(tmp_path / "w.bin", b"abc"), tmp_path / "memo.json"
    file_digest(weights, b"", memo)
    settled(weights, b"abd", age_s=30)  # same size, other content and time
    assert file_digest(weights, b"", memo) == hashlib.sha256(b"abd").hexdigest()
    assert len(json.loads(memo.read_text())) == 1  # the old state is forgotten


def test_a_file_just_written_is_not_remembered(tmp_path: Path) -> None:
    weights, memo = tmp_path / "w.bin", tmp_path / "memo.json"
    weights.write_bytes(b"abc")  # a rewrite within the same clock tick would look unchanged
    assert file_digest(weights, b"", memo) == hashlib.sha256(b"abc").hexdigest()
    assert not memo.exists()


def test_a_corrupt_memo_is_ignored_and_replaced(tmp_path: Path) -> None:
    weights, memo = settled(tmp_path / "w.bin", b"abc"), tmp_path / "memo.json"
    memo.write_text('{"half": ')
    assert file_digest(weights, b"", memo) == hashlib.sha256(b"abc").hexdigest()
    assert list(json.loads(memo.read_text()).values()) == [hashlib.sha256(b"abc").hexdigest()]


def test_a_memo_that_cannot_be_written_only_costs_the_hash(tmp_path: Path) -> None:
    weights = settled(tmp_path / "w.bin", b"abc")
    blocker = settled(tmp_path / "file", b"")  # a file where the memo's folder would be
    assert file_digest(weights, b"", blocker / "memo.json") == hashlib.sha256(b"abc").hexdigest()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "w.bin"]


def test_the_model_key_is_what_it_was_before_the_memo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openvino

    from qualcode.embed.ovbuild import model_key

    monkeypatch.setenv("QUALCODE_CACHE", str(tmp_path / "cache"))
    settled(tmp_path / "model.safetensors", b"weights")
    old = hashlib.sha256(f"fp32||{openvino.__version__}|".encode())  # built models keep
    old.update(importlib.metadata.version("nncf").encode() + b"weights")  # their names
    for _ in range(2):  # computed, then remembered
        assert model_key(tmp_path, "fp32") == f"{tmp_path.name[:40]}-fp32-{old.hexdigest()[:16]}"
    assert (tmp_path / "cache" / modelfiles.MEMO).is_file()
