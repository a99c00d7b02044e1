"""SentenceTransformerEncoder: batching, progress, backends and their errors."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from claimcheck import HashingEncoder, SentenceTransformerEncoder
from claimcheck._encode import BACKENDS, encode_with_progress
from claimcheck.errors import ConfigError, ModelError

TEXTS = [
    "Officials said 40 people died in the flood.",
    "Rain fell.",
    "Officials said 40 people died in the flood.",
    "The central bank raised interest rates by half a point on Thursday, its governor told reporters.",
    "Markets fell.",
    "Twelve people died.",
]


def test_unknown_backend_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="backend must be one of"):
        SentenceTransformerEncoder(backend="tensorflow")


def test_bad_batch_size_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="batch_size"):
        SentenceTransformerEncoder(batch_size=0)


def test_cache_key_names_model_and_backend() -> None:
    assert BACKENDS == ("torch", "onnx", "onnx-int8")
    assert SentenceTransformerEncoder().cache_key == "all-MiniLM-L6-v2|torch"
    assert SentenceTransformerEncoder(model="m", backend="onnx").cache_key == "m|onnx"


def test_missing_onnxruntime_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails
    enc = SentenceTransformerEncoder(backend="onnx", onnx_dir=str(tmp_path))
    with pytest.raises(ModelError, match=r"claimcheck\[onnx\]"):
        enc.encode(["Rain fell."])
    assert not any(tmp_path.iterdir())


def test_progress_for_encoders_without_the_keyword() -> None:
    done: list[int] = []
    out = encode_with_progress(HashingEncoder(dim=8), TEXTS, done.append)
    assert out.shape == (6, 8) and done == [5]  # distinct texts


@pytest.fixture(scope="module")
def torch_encoder(st_encoder: SentenceTransformerEncoder) -> SentenceTransformerEncoder:
    enc = SentenceTransformerEncoder(batch_size=2)
    enc._st = st_encoder._load()  # the session's model, loaded once
    return enc


def test_batched_torch_encoding_matches_sentence_transformers(torch_encoder: SentenceTransformerEncoder) -> None:
    done: list[int] = []
    got = torch_encoder.encode(TEXTS, progress=done.append)
    assert done == [2, 2, 1]  # five distinct texts in batches of two
    want = torch_encoder._load().encode(TEXTS, convert_to_numpy=True, normalize_embeddings=True)
    assert got.shape == (6, 384) and got.dtype == np.float32
    assert np.allclose(got, want, atol=1e-5)
    assert np.array_equal(got[0], got[2])
    assert torch_encoder.encode([]).shape == (0, 384)


@pytest.mark.slow
@pytest.mark.parametrize(("backend", "min_cos"), [("onnx", 0.9999), ("onnx-int8", 0.9)])
def test_onnx_backends_agree_with_torch(backend: str, min_cos: float, tmp_path_factory: pytest.TempPathFactory,
                                        torch_encoder: SentenceTransformerEncoder) -> None:
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    folder = tmp_path_factory.getbasetemp() / "onnx-exports"  # shared by both backends
    enc = SentenceTransformerEncoder(backend=backend, onnx_dir=str(folder), batch_size=4)
    got = enc.encode(TEXTS)
    want = torch_encoder.encode(TEXTS)
    assert got.shape == want.shape and got.dtype == np.float32
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert float((got * want).sum(axis=1).min()) >= min_cos
    assert enc.encode([]).shape == (0, 384)
    # one text's vector does not depend on the batch it was encoded in
    from claimcheck.testing import check_encoder

    check_encoder(enc, atol=1e-5)
    exported = sorted(p.name for p in folder.rglob("*.onnx"))
    assert "model.onnx" in exported and (backend != "onnx-int8" or "model-int8.onnx" in exported)
    assert not [p for p in folder.rglob("*") if p.name.startswith(".")]  # no temp files left
    # a second encoder reuses the export
    again = SentenceTransformerEncoder(backend=backend, onnx_dir=str(folder)).encode(TEXTS[:2])
    assert np.allclose(again, got[:2], atol=1e-5)


def _bench():  # type: ignore[no-untyped-def]
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "encoders.py"
    spec = importlib.util.spec_from_file_location("claimcheck_bench_encoders", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def test_encoder_benchmark_reader_spearman_and_skip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench = _bench()
    sts = tmp_path / "sts.csv"
    sts.write_text("g\tf\ty\t1\t2.500\tA girl styles hair.\tA girl brushes hair.\n"
                   "g\tf\ty\t2\tnot-a-score\tx\ty\n"
                   "g\tf\ty\t3\t5.0\tOne.\tTwo.\textra\tcolumns\n", encoding="utf-8")
    pairs = bench.read_sts(sts)
    assert [(p.a, p.gold) for p in pairs] == [("A girl styles hair.", 2.5), ("One.", 5.0)]
    assert bench.spearman([1, 2, 2, 3], [1, 2, 2, 3]) == pytest.approx(1.0)
    assert bench.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert bench.main(["--sts", str(tmp_path / "absent.csv")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_batches_hold_texts_of_similar_token_length() -> None:
    """Texts go to the model longest first by *token* count (ties in input
    order), so a batch is padded little; a text short in characters but long
    in tokens ("12,345,678") is batched with the long ones."""

    class Tokenizer:
        def __call__(self, texts: list[str], truncation: bool, max_length: int) -> dict[str, list[list[int]]]:
            # one token per character class run: digits and punctuation split finely
            return {"input_ids": [[0] * min(max_length, len(t.replace(" ", "")) if any(ch.isdigit() for ch in t)
                                            else len(t.split())) for t in texts]}

    class Runner:
        tokenizer = Tokenizer()
        max_seq_length = 256
        batches: list[list[str]] = []

        def encode(self, batch: list[str], **_kw: object) -> np.ndarray:
            self.batches.append(list(batch))
            return np.ones((len(batch), 3), dtype=np.float32)

    enc = SentenceTransformerEncoder(batch_size=2)
    enc._st = Runner()
    texts = ["one two three four five six", "12,345,678", "a b", "c d", "seven words are in this short line"]
    out = enc.encode(texts)
    assert out.shape == (5, 3)
    assert Runner.batches == [["12,345,678", "seven words are in this short line"],
                              ["one two three four five six", "a b"], ["c d"]]
