"""An on-disk embedding cache for any :class:`~claimcheck.Encoder`.

Entries are plain ``.npy`` files (written with :func:`numpy.save`, read
with ``allow_pickle=False``), one per distinct text, under a folder per
model identity::

    DIR/<model digest>/model.txt          the identity, for people
    DIR/<model digest>/<ab>/<text digest>.npy

A model's identity is its encoder's ``cache_key`` when it has one
(:class:`~claimcheck.SentenceTransformerEncoder` includes the backend),
otherwise its ``name``; two models never share a folder.  Every write goes
to a uniquely named temporary file in the same folder and is then renamed
over the entry (:func:`os.replace`), so concurrent runs and crashes never
leave a half-written entry under the final name.  An entry that cannot be
read, or holds the wrong dtype, shape or non-finite values, is ignored,
encoded again and rewritten; :attr:`CachedEncoder.stats` counts them.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np

from ._encode import Encoder, Matrix, encode_with_progress
from .errors import ConfigError

__all__ = ["CacheStats", "CachedEncoder", "model_identity"]


def model_identity(encoder: object) -> str:
    """The string that names ``encoder``'s vectors in a cache.

    >>> from claimcheck import HashingEncoder
    >>> model_identity(HashingEncoder(dim=64))
    'hashing|dim=64'
    """
    key = getattr(encoder, "cache_key", None)
    if isinstance(key, str) and key:
        return key
    name = getattr(encoder, "name", None)
    return name if isinstance(name, str) and name else type(encoder).__qualname__


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@attrs.define
class CacheStats:
    """What the cache did, summed over every ``encode`` call.

    ``hits`` texts were read from disk, ``misses`` were encoded (and
    written), and ``rebuilt`` of the misses had an unreadable or invalid
    entry that was replaced.
    """

    hits: int = 0
    misses: int = 0
    rebuilt: int = 0


@attrs.define
class CachedEncoder:
    """Wrap any encoder with an on-disk cache of its vectors.

    Only texts not yet in ``path`` are passed to ``encoder``; the rows
    returned are the same as the wrapped encoder's (entries are stored as
    float32, exactly as the encoder returned them).

    >>> import tempfile
    >>> from claimcheck import HashingEncoder
    >>> enc = CachedEncoder(HashingEncoder(dim=32), tempfile.mkdtemp())
    >>> a = enc.encode(["Rain fell.", "Rain fell.", "Snow fell."])
    >>> b = enc.encode(["Snow fell."])
    >>> enc.stats.misses, enc.stats.hits, bool((a[2] == b[0]).all())
    (2, 1, True)
    """

    encoder: Encoder
    path: Path = attrs.field(converter=Path)
    stats: CacheStats = attrs.field(factory=CacheStats, init=False)
    _folder: Path | None = attrs.field(default=None, init=False, repr=False)

    @property
    def name(self) -> str:
        """The wrapped encoder's name (reports show the model, not the cache)."""
        name = getattr(self.encoder, "name", None)
        return name if isinstance(name, str) else type(self.encoder).__name__

    @property
    def cache_key(self) -> str:
        """The wrapped encoder's identity."""
        return model_identity(self.encoder)

    @property
    def folder(self) -> Path:
        """This model's folder in the cache, created on first use."""
        if self._folder is None:
            ident = model_identity(self.encoder)
            folder = self.path / hashlib.sha256(ident.encode("utf-8")).hexdigest()[:24]
            try:
                folder.mkdir(parents=True, exist_ok=True)
                label = folder / "model.txt"
                if not label.is_file():
                    _write_atomic(label, lambda f: f.write(ident.encode("utf-8") + b"\n"))
            except OSError as exc:
                raise ConfigError(f"embedding cache {self.path}: cannot use the folder: "
                                  f"{exc.strerror or exc}") from None
            self._folder = folder
        return self._folder

    def entry(self, text: str) -> Path:
        """The file that holds (or would hold) ``text``'s vector."""
        d = _digest(text)
        return self.folder / d[:2] / f"{d}.npy"

    def encode(self, texts: Sequence[str], *, progress: Callable[[int], object] | None = None) -> Matrix:
        """Vectors for ``texts``: cached ones read, the others encoded and stored.

        ``progress``, when given, is called with the number of texts done
        as they are read or encoded.
        """
        if not texts:
            return np.asarray(self.encoder.encode([]), dtype=np.float32)
        unique = list(dict.fromkeys(texts))
        found: dict[str, np.ndarray[Any, Any]] = {}
        rebuilt = 0
        for t in unique:
            entry = self.entry(t)
            vec = _read(entry)
            if vec is not None:
                found[t] = vec
            elif entry.exists():
                rebuilt += 1
        dim = self._dim()
        if dim is None and found:
            # the width is not on record: ask the encoder for one vector
            probe = np.asarray(self.encoder.encode([unique[0]]), dtype=np.float32)
            dim = int(probe.shape[1]) if probe.ndim == 2 else None
        # cached vectors of another width are stale: encode those again
        for t in [t for t, v in found.items() if v.shape != (dim,)]:
            del found[t]
            rebuilt += 1
        if progress is not None and found:
            progress(len(found))
        todo = [t for t in unique if t not in found]
        if todo:
            fresh = np.asarray(encode_with_progress(self.encoder, todo, progress))
            if fresh.ndim != 2 or fresh.shape[0] != len(todo) or fresh.dtype != np.float32:
                return self._uncached(texts)
            if dim != fresh.shape[1]:
                self._set_dim(int(fresh.shape[1]))
            for t, vec in zip(todo, fresh):
                found[t] = vec
                self._write(self.entry(t), vec)
        self.stats.hits += len(unique) - len(todo)
        self.stats.misses += len(todo)
        self.stats.rebuilt += rebuilt
        out: Matrix = np.stack([found[t] for t in texts]).astype(np.float32, copy=False)
        return out

    def _uncached(self, texts: Sequence[str]) -> Matrix:
        """Hand the call to the encoder unchanged: its output is not cacheable
        (the pipeline's own checks will say what is wrong with it)."""
        out: Matrix = np.asarray(self.encoder.encode(texts))
        return out

    def _dim(self) -> int | None:
        try:
            text = (self.folder / "dim.txt").read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return int(text) if text.isdigit() and 0 < int(text) < 1_000_000 else None

    def _set_dim(self, dim: int) -> None:
        try:
            _write_atomic(self.folder / "dim.txt", lambda f: f.write(f"{dim}\n".encode("ascii")))
        except OSError:
            pass

    def _write(self, target: Path, vec: np.ndarray[Any, Any]) -> None:
        arr = np.ascontiguousarray(vec, dtype=np.float32)
        try:
            target.parent.mkdir(exist_ok=True)
            _write_atomic(target, lambda f: np.save(f, arr, allow_pickle=False))
        except OSError:
            pass  # a cache that cannot be written only costs time


def _write_atomic(target: Path, write: Callable[[Any], object]) -> None:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    try:
        with open(tmp, "wb") as f:
            write(f)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink(missing_ok=True)


def _read(path: Path) -> np.ndarray[Any, Any] | None:
    """A valid cached vector, or None (missing, unreadable, pickled, wrong dtype or shape)."""
    try:
        arr = np.load(path, allow_pickle=False)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(arr, np.ndarray) or arr.dtype != np.float32 or arr.ndim != 1 or arr.size == 0:
        return None
    if not np.all(np.isfinite(arr)):
        return None
    return arr
