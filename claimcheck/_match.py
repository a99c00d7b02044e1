"""Array maths for candidate pairs and paraphrase clusters.

Nothing here calls a model: everything takes embeddings as arrays, so
it can be tested with hand-made vectors.

Candidate search has two paths with one contract:

* ``"exact"``: every row against every row, a block of rows at a time
  (quadratic time, memory bounded by the block);
* ``"ann"``: an inverted file over a two-level spherical k-means
  partition (leaves of about 125 rows), each row searched exactly, with
  integer scores of quantised rows, against the rows of its 128 best
  leaves, the hits re-scored with exact cosines (fixed work per row, so
  time linear in ``n``; see :func:`_ann_neighbours`).

``"auto"`` takes the exact path below :data:`ANN_MIN_ROWS` rows.
Pairs are returned as arrays by :func:`candidate_pair_arrays`, so a
million claims with ``top_k=20`` fit in memory; :func:`candidate_pairs`
is the list-of-tuples wrapper the pipeline uses.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from .errors import ConfigError, InputError

__all__ = [
    "ANN_MIN_ROWS",
    "SEARCH_MODES",
    "PairArrays",
    "candidate_pair_arrays",
    "candidate_pairs",
    "check_search_mode",
    "connected_groups",
    "exact_neighbours",
]

#: ``search="auto"`` uses the ANN index from this many rows up.  Below it
#: the exact search is fast enough (about 10 s for 50,000 rows of 384
#: dimensions on 2 cores) and exact results are worth having.
ANN_MIN_ROWS = 50_000

#: The values ``search=`` accepts.
SEARCH_MODES = ("auto", "exact", "ann")

# Elements of one block of similarities (float64): 2**23 is 64 MB.
_BLOCK_ELEMENTS = 1 << 23

# Partition search settings (benchmarks/scaling.py measures their recall;
# see _ann_neighbours).  Leaves of about _LEAF_ROWS rows; a row is searched
# exactly against the rows of its _LEAF_PROBE best leaves, chosen among the
# leaves of its _TOP_PROBE best top cells.  Fixed, so the work per row does
# not depend on the number of rows.
_LEAF_ROWS = 125
_LEAF_PROBE = 128
_TOP_PROBE = 16
# Spherical k-means: iterations, and sampled rows per centroid.
_KMEANS_ITERS = 12
_KMEANS_SAMPLE = 64
# Integer scale of the quantised rows: scores of two quantised unit rows are
# integers below 2**24, so float32 BLAS computes them exactly, in any order.
_QSCALE = 2048.0
# Query rows per block of the search, rows per block of the leaf scoring.
_QUERY_BLOCK = 1 << 17
_ASSIGN_BLOCK = 1 << 13

Int = npt.NDArray[np.int64]
Float = npt.NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class PairArrays:
    """Candidate pairs as three aligned arrays, sorted by ``(i, j)``.

    ``i[k] < j[k]`` and ``cosine[k]`` is their cosine rounded to 6 places.

    >>> e = np.array([[1, 0], [1, 0], [0, 1]], dtype=np.float32)
    >>> p = candidate_pair_arrays(e, ["a", "b", "b"], threshold=0.5, top_k=5)
    >>> len(p), p.to_list()
    (1, [(0, 1, 1.0)])
    """

    i: Int
    j: Int
    cosine: Float

    def __len__(self) -> int:
        return int(self.i.shape[0])

    def to_list(self) -> list[tuple[int, int, float]]:
        """The pairs as ``(i, j, cosine)`` tuples (Python ints and floats)."""
        return list(zip(self.i.tolist(), self.j.tolist(), self.cosine.tolist()))


def _group_ids(groups: Sequence[object]) -> Int:
    """Dense integer codes for ``groups``; equal ``repr`` means same group."""
    names = [repr(g) for g in groups]
    codes = {g: k for k, g in enumerate(sorted(set(names)))}
    return np.fromiter((codes[g] for g in names), dtype=np.int64, count=len(names))


def _check(emb: Any, groups: Sequence[object], threshold: float, top_k: int) -> npt.NDArray[np.float32]:
    if not isinstance(top_k, int | np.integer) or top_k < 1:
        raise ConfigError(f"top_k must be an integer of at least 1, got {top_k!r}")
    if not isinstance(threshold, int | float | np.floating) or np.isnan(threshold):
        raise ConfigError(f"threshold must be a number, got {threshold!r}")
    arr = np.asarray(emb)
    if arr.ndim != 2:
        raise InputError(f"embeddings must be a 2-d array, got shape {arr.shape}")
    if arr.shape[0] != len(groups):
        raise InputError(f"{arr.shape[0]} embedding rows but {len(groups)} groups")
    arr = np.ascontiguousarray(arr, dtype=np.float32)
    if arr.size and not np.isfinite(arr).all():
        raise InputError("embeddings contain NaN or infinite values")
    return arr


def _pick(rows: Int, cols: Int, sims: Float, k: int, threshold: float) -> tuple[Int, Int, Float]:
    """Each row's first ``k`` entries by (similarity desc, column asc), kept
    when finite and >= ``threshold``.  Inputs are flat, one entry per hit."""
    order = np.lexsort((cols, -sims, rows))
    rows, cols, sims = rows[order], cols[order], sims[order]
    start = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]]) if rows.size else np.zeros(0, np.int64)
    lengths = np.diff(np.r_[start, rows.size])
    rank = np.arange(rows.size) - np.repeat(start, lengths)
    keep = (rank < k) & np.isfinite(sims) & (sims >= threshold)
    return rows[keep], cols[keep], sims[keep]


def exact_neighbours(
    emb: npt.NDArray[np.float32],
    gid: Int,
    rows: Int,
    *,
    top_k: int,
    threshold: float = -np.inf,
    block: int = 2048,
) -> tuple[Int, Int, Float]:
    """Exact ``top_k`` nearest rows from other groups for each row in ``rows``.

    Returns flat arrays ``(row, neighbour, cosine)``: cosines are rounded to
    6 places, ties go to the lower index, only finite cosines >=
    ``threshold`` are kept.  ``gid`` holds one integer group code per row.
    Used by the exact search and to measure the recall of the ANN search.

    >>> e = np.array([[1, 0], [0.8, 0.6], [0, 1]], dtype=np.float32)
    >>> r, n, s = exact_neighbours(e, np.array([0, 1, 2]), np.array([0]), top_k=1)
    >>> r.tolist(), n.tolist(), s.tolist()
    ([0], [1], [0.8])
    """
    n = emb.shape[0]
    k = min(top_k, n - 1)
    out_r: list[Int] = []
    out_c: list[Int] = []
    out_s: list[Float] = []
    if k < 1 or rows.size == 0:
        empty = np.zeros(0, np.int64)
        return empty, empty.copy(), np.zeros(0, np.float64)
    step = max(1, min(block, _BLOCK_ELEMENTS // n))
    for lo in range(0, rows.size, step):
        q = rows[lo:lo + step]
        sims: Float = (emb[q] @ emb.T).astype(np.float64)
        np.round(sims, 6, out=sims)
        sims[gid[q][:, None] == gid[None, :]] = -np.inf
        # k-th largest value per row; everything above it is in, ties at it
        # are resolved by index in _pick
        kth = np.partition(sims, n - k, axis=1)[:, n - k]
        r, c = np.nonzero((sims >= kth[:, None]) & (sims >= threshold) & np.isfinite(sims))
        picked = _pick(q[r], c.astype(np.int64), sims[r, c], k, threshold)
        out_r.append(picked[0])
        out_c.append(picked[1])
        out_s.append(picked[2])
    return np.concatenate(out_r), np.concatenate(out_c), np.concatenate(out_s)


def _top_columns(scores: npt.NDArray[np.float32], p: int, *, ordered: bool) -> Int:
    """Column indices of each row's ``p`` largest scores (all columns when
    there are fewer); with ``ordered``, best first and ties to the lower
    column.  Deterministic: no step depends on threads or timing."""
    m = scores.shape[1]
    if p >= m:
        idx: Int = np.broadcast_to(np.arange(m, dtype=np.int64), scores.shape).copy()
    else:
        idx = np.argpartition(-scores, p - 1, axis=1)[:, :p].astype(np.int64)
    if ordered:
        order = np.lexsort((idx, -np.take_along_axis(scores, idx, 1)), axis=1)
        idx = np.take_along_axis(idx, order, 1)
    return idx


def _kmeans(xq: npt.NDArray[np.float32], x: npt.NDArray[np.float32], k: int,
            rng: np.random.Generator) -> npt.NDArray[np.float32]:
    """Spherical k-means of the rows ``x``: ``k`` unit centroids (float32).

    ``xq`` holds the same rows quantised (integer-valued float32, see
    :data:`_QSCALE`), so the assignment scores are exact and every step is
    deterministic.  Starts from ``k`` distinct rows drawn with ``rng``; the
    means are exact sums of the quantised rows; a centroid left without rows
    keeps its place."""
    m = x.shape[0]
    k = max(1, min(k, m))
    cent = x[np.sort(rng.choice(m, size=k, replace=False))].astype(np.float32)
    xq64 = xq.astype(np.float64)
    for _ in range(_KMEANS_ITERS):
        label = np.argmax(xq @ np.rint(cent * _QSCALE).T, axis=1)
        # sums of the quantised rows per label: integers well below 2**53, so
        # the float64 product is exact whatever order BLAS adds in
        onehot = np.zeros((k, m))
        onehot[label, np.arange(m)] = 1.0
        sums = onehot @ xq64
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        ok = norms[:, 0] > 0
        cent[ok] = (sums[ok] / norms[ok]).astype(np.float32)
    return cent


class _Partition:
    """Two-level spherical k-means over quantised rows.

    About ``sqrt(n / _LEAF_ROWS)`` top cells are trained on a sample; each
    top cell's rows (those whose best top cell it is) are split into leaves
    of about :data:`_LEAF_ROWS` rows, trained on a sample of them.  A row's
    leaves are ranked among the leaves of its :data:`_TOP_PROBE` best top
    cells, so placing a row costs ``O((k1 + 16 * k2) * dim)`` with
    ``k1 * k2`` leaves, not ``O(leaves * dim)``.  Seeded and exact
    (integer scores), so the same rows always give the same partition.
    """

    def __init__(self, emb: npt.NDArray[np.float32], scale: float) -> None:
        n = emb.shape[0]
        rng = np.random.default_rng(0)

        def quantised(rows: Int) -> npt.NDArray[np.float32]:
            out: npt.NDArray[np.float32] = np.rint(emb[rows] * scale).astype(np.float32)
            return out

        k1 = max(1, round(float(np.sqrt(max(1, round(n / _LEAF_ROWS))))))
        sample = np.sort(rng.choice(n, size=min(n, _KMEANS_SAMPLE * 4 * k1), replace=False))
        top = _kmeans(quantised(sample), emb[sample], k1, rng)
        self.top_q = np.rint(top * _QSCALE).astype(np.float32)
        first = np.empty(n, np.int64)
        for lo in range(0, n, _QUERY_BLOCK):
            chunk = np.arange(lo, min(n, lo + _QUERY_BLOCK))
            first[chunk] = np.argmax(quantised(chunk) @ self.top_q.T, axis=1)
        cents: list[npt.NDArray[np.float32]] = []
        for t in range(top.shape[0]):
            members = np.flatnonzero(first == t)
            if members.size == 0:  # an empty top cell keeps one leaf: its own centroid
                cents.append(top[t:t + 1])
                continue
            k2 = max(1, round(members.size / _LEAF_ROWS))
            if members.size > _KMEANS_SAMPLE * k2:
                members = np.sort(rng.choice(members, size=_KMEANS_SAMPLE * k2, replace=False))
            cents.append(_kmeans(quantised(members), emb[members], k2, rng))
        self.leaf_q = np.rint(np.concatenate(cents) * _QSCALE).astype(np.float32)
        #: leaves of top cell t: start[t] to start[t + 1]
        self.start = np.cumsum([0] + [c.shape[0] for c in cents]).astype(np.int64)
        self.leaves = int(self.start[-1])

    def place(self, xq: npt.NDArray[np.float32], p: int) -> tuple[Int, npt.NDArray[np.int32]]:
        """Each quantised row's leaf (its best) and its ``p`` best leaves, as
        an unordered set that holds the leaf; -1 pads rows that see fewer."""
        k1 = self.top_q.shape[0]
        q1 = min(_TOP_PROBE, k1)
        size = np.diff(self.start)
        width = int(size.max())
        home = np.empty(xq.shape[0], np.int64)
        out = np.full((xq.shape[0], p), -1, np.int32)
        for lo in range(0, xq.shape[0], _ASSIGN_BLOCK):
            x = xq[lo:lo + _ASSIGN_BLOCK]
            b = x.shape[0]
            tops = _top_columns(x @ self.top_q.T, q1, ordered=True)
            # scores of each row against the leaves of its q1 top cells, in a
            # (row, top rank, leaf) table padded with -inf
            table = np.full((b * q1, width), -np.inf, np.float32)
            flat = tops.ravel()
            order = np.argsort(flat, kind="stable")
            bounds = np.searchsorted(flat[order], np.arange(k1 + 1))
            for t in np.flatnonzero(np.diff(bounds)):
                f = order[bounds[t]:bounds[t + 1]]
                table[f, :size[t]] = x[f // q1] @ self.leaf_q[self.start[t]:self.start[t + 1]].T
            table = table.reshape(b, q1 * width)
            col = np.sort(_top_columns(table, p, ordered=False), axis=1)
            val = np.take_along_axis(table, col, 1)
            leaf = self.start[np.take_along_axis(tops, col // width, 1)] + col % width
            home[lo:lo + b] = leaf[np.arange(b), np.argmax(val, axis=1)]  # ties: the lower column
            leaf[~np.isfinite(val)] = -1
            out[lo:lo + b, :leaf.shape[1]] = leaf
        return home, out


def _ann_neighbours(emb: npt.NDArray[np.float32], gid: Int, *, top_k: int,
                    threshold: float) -> tuple[Int, Int, Float]:
    """Approximate ``top_k`` nearest rows from other groups, for every row.

    Method: an inverted file over a two-level spherical k-means partition
    (:class:`_Partition`): leaves of about :data:`_LEAF_ROWS` rows, each
    row in one leaf, and each row searched exactly against the rows of its
    :data:`_LEAF_PROBE` best leaves.  The work per row is fixed (about
    16,000 candidate rows plus placing the row), so the time is linear in
    the number of rows; what grows with it is the number of leaves a true
    neighbour can fall into, so recall falls slowly with size (the probe
    count is set so that it stays >= 0.95 at 1M news-like synthetic claims,
    ``benchmarks/scaling.py``).  Below ``_LEAF_PROBE * _LEAF_ROWS`` (about
    16,000) rows every leaf is probed and the result is the exact search's.

    Exact and deterministic: rows are quantised to integers (``_QSCALE``)
    whose products and sums stay below 2**24, so float32 BLAS gives the
    same integer scores whatever its thread count, order or kernel; the
    partition is seeded; candidates are every probed row of another group
    whose integer score is within the quantisation bound of ``threshold``
    and of the row's ``top_k``-th score in that leaf, and they are
    re-scored with exact float32 cosines before the top ``top_k`` are
    picked with the exact search's tie rule.  So a pair is missed only when
    neither row probes the other's leaf.

    Alternatives measured on 100,000 / 1M news-like claims and rejected:
    usearch HNSW (connectivity 16, insert expansion 32; single-threaded
    build for determinism): recall 0.987 at 100k but 0.86 at 1M, and its
    cost per row grew 3x from 100k to 1M once the graph outgrew the cache
    (exponent 1.49); a denser graph (32 / 64) gave 0.976 at 1M for 3.5x
    the build.  Partition shapes at a fixed 16,000 candidates per row
    (share of the exact pairs whose leaves are probed, 1M news-like claims,
    8 top cells ranked): leaves of 1,000 rows (probe 16) 0.89, of 500 (32)
    0.92, of 250 (64) 0.94, of 125 (128) 0.95 (16 top cells: a little
    more); searching each leaf's rows against the union of their probes,
    or storing each row in its top leaves, cost more for the same recall.
    Probing is what the time buys: at 100k claims 10 probed leaves of 250
    rows found 0.97, at 300k 0.91, because the number of leaves a
    neighbour can fall into grows with ``n``.
    """
    n, dim = emb.shape
    norm = float(np.sqrt(np.einsum("ij,ij->i", emb, emb).max()))
    scale = _QSCALE / max(1.0, norm)
    # |integer score - scale**2 * cosine| <= err: rounding moves each
    # coordinate by at most 1/2
    err = scale * float(np.abs(emb).sum(axis=1).max()) + dim / 4.0 + 1.0
    lowest = threshold * scale * scale - err if np.isfinite(threshold) else -np.inf
    part = _Partition(emb, scale)
    home = np.empty(n, np.int64)  # each row's leaf
    probes = np.empty((n, _LEAF_PROBE), np.int32)  # the leaves it is searched in
    for lo in range(0, n, _QUERY_BLOCK):
        chunk = np.rint(emb[lo:lo + _QUERY_BLOCK] * scale).astype(np.float32)
        home[lo:lo + _QUERY_BLOCK], probes[lo:lo + _QUERY_BLOCK] = part.place(chunk, _LEAF_PROBE)
    by_leaf = np.argsort(home, kind="stable")
    bounds = np.searchsorted(home[by_leaf], np.arange(part.leaves + 1))
    xs = np.empty((n, dim), np.float32)  # quantised rows, leaf by leaf: a leaf is a slice
    for lo in range(0, n, _QUERY_BLOCK):
        xs[lo:lo + _QUERY_BLOCK] = np.rint(emb[by_leaf[lo:lo + _QUERY_BLOCK]] * scale)
    gs = gid[by_leaf]
    out_r: list[npt.NDArray[np.int32]] = []
    out_c: list[npt.NDArray[np.int32]] = []
    for lo in range(0, n, _QUERY_BLOCK):
        # a block of rows in leaf order (so their probes overlap), grouped by probed leaf
        block = np.arange(lo, min(n, lo + _QUERY_BLOCK), dtype=np.int64)
        probe = probes[by_leaf[block]]
        flat = probe.ravel()
        order = np.argsort(flat, kind="stable")
        qb = np.searchsorted(flat[order], np.arange(part.leaves + 1))
        asker = block[order // probe.shape[1]]
        del probe, flat, order
        for c in np.flatnonzero(np.diff(qb)):
            qs = asker[qb[c]:qb[c + 1]]
            a0, a1 = int(bounds[c]), int(bounds[c + 1])
            width = a1 - a0
            if width == 0:
                continue
            s = xs[qs] @ xs[a0:a1].T
            a, b = np.divmod(np.flatnonzero(s >= lowest), width)
            other = gs[qs[a]] != gs[a0 + b]
            a, b = a[other], b[other]
            if a.size > top_k:
                count = np.bincount(a, minlength=qs.size)
                over = np.flatnonzero(count > top_k)
                if over.size:
                    # rows with more than top_k hits here: keep those within
                    # 2 * err of the top_k-th other-group score
                    so = s[over]
                    so[gs[qs[over]][:, None] == gs[a0:a1][None, :]] = -np.inf
                    floor = np.full(qs.size, -np.inf, np.float32)
                    floor[over] = np.partition(so, width - top_k, axis=1)[:, width - top_k] - 2 * err
                    keep = s[a, b] >= floor[a]
                    a, b = a[keep], b[keep]
            out_r.append(qs[a].astype(np.int32))  # positions < n < 2**31; half the memory
            out_c.append((a0 + b).astype(np.int32))
    del xs, probes, gs  # 1.9 GB at 1M rows: free them before re-scoring
    rows = by_leaf[np.concatenate(out_r)] if out_r else np.zeros(0, np.int64)
    del out_r
    cols = by_leaf[np.concatenate(out_c)] if out_c else np.zeros(0, np.int64)
    del out_c
    sims = np.empty(rows.size, np.float64)
    step = 1 << 16
    for a0 in range(0, rows.size, step):
        sims[a0:a0 + step] = np.einsum("bd,bd->b", emb[rows[a0:a0 + step]], emb[cols[a0:a0 + step]])
    np.round(sims, 6, out=sims)
    return _pick(rows, cols, sims, top_k, threshold)


def _merge(n: int, rows: Int, cols: Int, sims: Float) -> PairArrays:
    """Undirected, de-duplicated pairs sorted by ``(i, j)``; when both
    directions were found the larger row's cosine is kept."""
    i = np.minimum(rows, cols)
    j = np.maximum(rows, cols)
    key = i * n + j
    order = np.lexsort((-rows, key))
    key = key[order]
    first = np.r_[True, key[1:] != key[:-1]] if key.size else np.zeros(0, bool)
    pick = order[first]
    return PairArrays(i=i[pick], j=j[pick], cosine=sims[pick])


def check_search_mode(_inst: object, _attr: object, value: object) -> None:
    """attrs validator: ``value`` must be one of :data:`SEARCH_MODES`.

    >>> check_search_mode(None, None, "ann")
    >>> check_search_mode(None, None, "fast")
    Traceback (most recent call last):
    ...
    claimcheck.errors.ConfigError: search must be one of auto, exact, ann, got 'fast'
    """
    if value not in SEARCH_MODES:
        raise ConfigError(f"search must be one of {', '.join(SEARCH_MODES)}, got {value!r}")


def candidate_pair_arrays(
    emb: npt.NDArray[np.float32],
    groups: Sequence[object],
    *,
    threshold: float,
    top_k: int,
    search: str = "exact",
    block: int = 2048,
) -> PairArrays:
    """Candidate pairs as :class:`PairArrays` (see :func:`candidate_pairs`).

    ``search`` is ``"exact"``, ``"ann"`` (approximate nearest neighbours,
    for large inputs) or ``"auto"`` (ANN from :data:`ANN_MIN_ROWS` rows).
    The ANN path keeps the contract (``i < j``, different groups,
    cosine >= ``threshold``, at most ``top_k`` per row before the union)
    but may miss a few pairs the exact search finds (a pair is missed when
    neither row searches the other's leaf); it is deterministic for
    identical input, on any number of BLAS threads.

    >>> e = np.array([[1, 0], [0.6, 0.8], [0, 1]], dtype=np.float32)
    >>> p = candidate_pair_arrays(e, ["a", "b", "c"], threshold=0.5, top_k=1, search="ann")
    >>> p.i.tolist(), p.j.tolist(), p.cosine.tolist()
    ([0, 1], [1, 2], [0.6, 0.8])
    """
    check_search_mode(None, None, search)
    arr = _check(emb, groups, threshold, top_k)
    n = arr.shape[0]
    if n < 2:
        empty = np.zeros(0, np.int64)
        return PairArrays(i=empty, j=empty.copy(), cosine=np.zeros(0, np.float64))
    gid = _group_ids(groups)
    if search == "ann" or (search == "auto" and n >= ANN_MIN_ROWS):
        rows, cols, sims = _ann_neighbours(arr, gid, top_k=top_k, threshold=threshold)
    else:
        rows, cols, sims = exact_neighbours(arr, gid, np.arange(n, dtype=np.int64), top_k=top_k,
                                            threshold=threshold, block=max(1, block))
    return _merge(n, rows, cols, sims)


def candidate_pairs(
    emb: npt.NDArray[np.float32],
    groups: Sequence[object],
    *,
    threshold: float,
    top_k: int,
    block: int = 2048,
    search: str = "exact",
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, cosine)`` with ``i < j`` from different groups.

    Rows of ``emb`` must be L2-normalised.  A pair is kept when its
    cosine is at least ``threshold`` and ``j`` is among ``i``'s ``top_k``
    nearest rows from other groups, or ``i`` among ``j``'s.  Ties are
    broken by index, so the result is deterministic.  ``search`` picks
    the exact or the approximate search (see :func:`candidate_pair_arrays`,
    which returns the same pairs as arrays).

    >>> e = np.array([[1, 0], [1, 0], [0, 1]], dtype=np.float32)
    >>> candidate_pairs(e, ["a", "b", "b"], threshold=0.5, top_k=5)
    [(0, 1, 1.0)]
    """
    return candidate_pair_arrays(emb, groups, threshold=threshold, top_k=top_k,
                                 search=search, block=block).to_list()


def _merge_edges(ei: list[int], ej: list[int], find: Callable[[int], int], parent: list[int], size: list[int],
                 blocked: dict[int, set[int]], marked: dict[int, set[int]]) -> None:
    """Union-find merges along edges in order (see :func:`connected_groups`)."""
    for i, j in zip(ei, ej):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        if size[ri] < size[rj]:
            ri, rj = rj, ri
        mi, mj = marked.get(ri), marked.get(rj)
        if mi and mj:
            small, big = (mi, mj) if len(mi) <= len(mj) else (mj, mi)
            if any(not blocked[x].isdisjoint(big) for x in small):
                continue
            big |= small
            marked[ri] = big
            marked.pop(rj, None)
        elif mj:
            marked[ri] = marked.pop(rj)
        parent[rj] = ri
        size[ri] += size[rj]


def connected_groups(
    n: int,
    edges: Sequence[tuple[int, int, float]] | PairArrays,
    cannot_link: Collection[tuple[int, int]],
) -> list[list[int]]:
    """Merge items along ``edges`` (strongest first) unless a merge would
    put a ``cannot_link`` pair in one group.  Returns sorted groups.

    ``edges`` may be ``(i, j, score)`` tuples or :class:`PairArrays`.
    Union-find with union by size; only the members that have a
    cannot-link are tracked per group, so a million items with millions
    of edges fit in memory.

    >>> connected_groups(4, [(0, 1, 0.9), (1, 2, 0.8), (2, 3, 0.7)], {(0, 3)})
    [[0, 1, 2], [3]]
    """
    if isinstance(edges, PairArrays):
        ei, ej, es = edges.i, edges.j, edges.cosine.astype(np.float64)
    elif len(edges):
        table = np.asarray([(e[0], e[1], e[2]) for e in edges], dtype=np.float64)
        ei, ej, es = table[:, 0].astype(np.int64), table[:, 1].astype(np.int64), table[:, 2]
    else:
        ei = ej = np.zeros(0, np.int64)
        es = np.zeros(0, np.float64)
    order = np.lexsort((ej, ei, -es))
    parent = list(range(n))
    size = [1] * n

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    blocked: dict[int, set[int]] = {}
    for a, b in cannot_link:
        blocked.setdefault(a, set()).add(b)
        blocked.setdefault(b, set()).add(a)
    # per root: its members that have a cannot-link partner
    marked: dict[int, set[int]] = {x: {x} for x in blocked}
    for lo in range(0, order.size, 1 << 20):  # a chunk at a time: Python ints cost 36 bytes each
        chunk = order[lo:lo + (1 << 20)]
        _merge_edges(ei[chunk].tolist(), ej[chunk].tolist(), find, parent, size, blocked, marked)
    if n == 0:
        return []
    roots = np.fromiter((find(x) for x in range(n)), dtype=np.int64, count=n)
    by_root = np.argsort(roots, kind="stable")
    cuts = np.flatnonzero(np.diff(roots[by_root])) + 1
    groups = [g.tolist() for g in np.split(by_root, cuts)]
    return sorted(groups, key=lambda g: g[0])
