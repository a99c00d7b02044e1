"""The on-disk embedding cache: hits, misses, corrupt entries, model separation."""

from __future__ import annotations

import pickle
import threading
from pathlib import Path

import numpy as np
import pytest

from claimcheck import HashingEncoder
from claimcheck._cache import CachedEncoder, model_identity
from claimcheck.errors import ConfigError


class Counting:
    """A HashingEncoder that records every text it is asked to encode."""

    def __init__(self, dim: int = 32, name: str = "counting") -> None:
        self.inner = HashingEncoder(dim=dim)
        self.name = name
        self.seen: list[str] = []

    def encode(self, texts):  # type: ignore[no-untyped-def]
        self.seen.extend(texts)
        return self.inner.encode(texts)


TEXTS = ["Forty people died in the flood.", "Twelve people died in the flood.", "Rain fell."]


def entries(root: Path) -> list[Path]:
    return sorted(root.rglob("*.npy"))


def test_miss_then_hit_gives_the_same_rows(tmp_path: Path) -> None:
    inner = Counting()
    enc = CachedEncoder(inner, tmp_path)
    first = enc.encode([*TEXTS, TEXTS[0]])
    assert inner.seen == TEXTS  # duplicates encoded once
    assert (enc.stats.hits, enc.stats.misses) == (0, 3)
    assert len(entries(tmp_path)) == 3

    again = CachedEncoder(Counting(), tmp_path)
    second = again.encode([TEXTS[2], TEXTS[0], "New text here."])
    assert again.encoder.seen == ["New text here."]  # type: ignore[attr-defined]
    assert (again.stats.hits, again.stats.misses) == (2, 1)
    assert np.array_equal(second[0], first[2]) and np.array_equal(second[1], first[0])
    assert np.array_equal(second, HashingEncoder(dim=32).encode([TEXTS[2], TEXTS[0], "New text here."]))
    assert second.dtype == np.float32


def test_empty_input_keeps_the_width(tmp_path: Path) -> None:
    assert CachedEncoder(HashingEncoder(dim=16), tmp_path).encode([]).shape == (0, 16)


def test_reports_the_inner_name(tmp_path: Path) -> None:
    enc = CachedEncoder(HashingEncoder(dim=16), tmp_path)
    assert enc.name == "hashing"
    assert model_identity(enc) == "hashing|dim=16"


def _corrupt(path: Path, how: str) -> None:
    if how == "truncated":
        path.write_bytes(path.read_bytes()[:40])
    elif how == "garbage":
        path.write_bytes(b"\x00\xffnot numpy at all" * 10)
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "pickle":
        path.write_bytes(pickle.dumps(Boom()))
    elif how == "object-array":
        with open(path, "wb") as f:
            np.save(f, np.array([Boom()], dtype=object), allow_pickle=True)
    elif how == "float64":
        np.save(path, np.ones(32, dtype=np.float64))
    elif how == "int32":
        np.save(path, np.ones(32, dtype=np.int32))
    elif how == "wrong-shape":
        np.save(path, np.ones((2, 16), dtype=np.float32))
    elif how == "wrong-width":
        np.save(path, np.ones(31, dtype=np.float32) / np.sqrt(31))
    elif how == "nan":
        np.save(path, np.full(32, np.nan, dtype=np.float32))
    else:  # pragma: no cover
        raise AssertionError(how)


class Boom:
    """Unpickling this would raise: the cache must never unpickle."""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (_explode, ())


def _explode() -> None:
    raise AssertionError("the cache unpickled an entry")


@pytest.mark.parametrize("how", ["truncated", "garbage", "empty", "pickle", "object-array", "float64", "int32",
                                 "wrong-shape", "wrong-width", "nan"])
def test_corrupt_entries_are_rebuilt(tmp_path: Path, how: str) -> None:
    good = CachedEncoder(Counting(), tmp_path).encode(TEXTS)
    enc = CachedEncoder(Counting(), tmp_path)
    _corrupt(enc.entry(TEXTS[1]), how)
    got = enc.encode(TEXTS)
    assert np.array_equal(got, good)
    assert enc.encoder.seen == [TEXTS[1]]  # type: ignore[attr-defined]
    assert (enc.stats.hits, enc.stats.misses, enc.stats.rebuilt) == (2, 1, 1)
    # the entry was rewritten and is good again
    third = CachedEncoder(Counting(), tmp_path)
    assert np.array_equal(third.encode(TEXTS), good)
    assert third.encoder.seen == [] and third.stats.rebuilt == 0  # type: ignore[attr-defined]


def test_every_entry_of_another_width_is_rebuilt_when_the_width_is_lost(tmp_path: Path) -> None:
    enc = CachedEncoder(Counting(dim=32), tmp_path)
    enc.encode(TEXTS)
    for t in TEXTS:
        _corrupt(enc.entry(t), "wrong-width")
    (enc.folder / "dim.txt").write_text("garbage", encoding="ascii")
    fresh = CachedEncoder(Counting(dim=32), tmp_path)
    assert np.array_equal(fresh.encode(TEXTS), HashingEncoder(dim=32).encode(TEXTS))
    assert fresh.stats.rebuilt == 3


def test_different_models_never_share_entries(tmp_path: Path) -> None:
    a = CachedEncoder(HashingEncoder(dim=32), tmp_path)
    b = CachedEncoder(HashingEncoder(dim=32, name="other-model"), tmp_path)
    c = CachedEncoder(HashingEncoder(dim=64), tmp_path)
    a.encode(TEXTS)
    b.encode(TEXTS)
    c.encode(TEXTS)
    assert len({a.folder, b.folder, c.folder}) == 3
    assert b.stats.hits == 0 and c.stats.hits == 0
    assert c.encode(TEXTS).shape == (3, 64)
    assert (a.folder / "model.txt").read_text(encoding="utf-8").strip() == "hashing|dim=32"
    assert (b.folder / "model.txt").read_text(encoding="utf-8").strip() == "other-model|dim=32"


def test_sentence_transformer_backends_have_distinct_identities() -> None:
    from claimcheck import SentenceTransformerEncoder

    keys = {model_identity(SentenceTransformerEncoder(backend=b)) for b in ("torch", "onnx", "onnx-int8")}
    keys.add(model_identity(SentenceTransformerEncoder(model="/models/other")))
    assert len(keys) == 4


def test_concurrent_writers_leave_valid_entries_and_no_temp_files(tmp_path: Path) -> None:
    texts = [f"Claim number {k} about the flood." for k in range(40)]
    want = HashingEncoder(dim=32).encode(texts)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(3):
                got = CachedEncoder(HashingEncoder(dim=32), tmp_path).encode(texts)
                assert np.array_equal(got, want)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(entries(tmp_path)) == 40
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


def test_unwritable_cache_is_a_config_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot use the folder"):
        CachedEncoder(HashingEncoder(), blocker / "cache").encode(["Rain fell."])


def test_pipeline_with_a_cache_gives_the_same_report(tmp_path: Path) -> None:
    import claimcheck

    arts = [{"id": "a", "source": "Wire", "text": "Officials said 40 people died in the flood."},
            {"id": "b", "source": "Herald", "text": "Officials said 12 people died in the flood."}]
    plain = claimcheck.Pipeline(encoder=HashingEncoder(), splitter=claimcheck.SpacySplitter()).run(arts)
    cached = CachedEncoder(HashingEncoder(), tmp_path)
    p = claimcheck.Pipeline(encoder=cached, splitter=claimcheck.SpacySplitter())
    assert p.run(arts).to_json() == plain.to_json()
    assert p.run(arts).to_json() == plain.to_json()
    assert cached.stats.hits >= 2


def test_cached_encoder_passes_the_encoder_contract(tmp_path: Path) -> None:
    from claimcheck.testing import check_encoder

    enc = CachedEncoder(HashingEncoder(dim=64), tmp_path)
    check_encoder(enc)
    check_encoder(enc)  # again, now from the cache
    assert enc.stats.hits > 0
