"""Array maths for candidate pairs and paraphrase clusters.

Nothing here calls a model: everything takes embeddings as arrays, so
it can be tested with hand-made vectors.

Candidate search has two paths with one contract:

* ``"exact"``: every row against every row, a block of rows at a time
  (quadratic time, memory bounded by the block);
* ``"ann"``: an approximate nearest-neighbour index (usearch HNSW) built
  once, each row queried for a few more neighbours than ``top_k``, and
  the hits re-scored with exact cosines (time about ``n log n``).

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

# HNSW settings (benchmarks/scaling.py measures their recall).  The build
# is single-threaded, so it dominates: expansion 32 on insert builds ~4x
# faster than 64 (and inner product on int8 ~1.5x faster than cosine, the
# same ranking for unit rows); the search beam stays at 64.
_HNSW_CONNECTIVITY = 16
_HNSW_EXPANSION_ADD = 32
_HNSW_EXPANSION_SEARCH = 64
# Rows queried per index call (bounds the (rows, count) result arrays).
_QUERY_BATCH = 1 << 15
# First pass: rows per index call in graph order, and the recent hits kept
# to draw the next batches from (see _ann_neighbours).
_WALK_BATCH = 512
_WALK_FRONTIER = 16 * _WALK_BATCH
# Search threads (0: all cores).  A built index gives the same answers on
# any thread count; tests/test_match_ann.py checks 1 against 2.
_SEARCH_THREADS = 0

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


def _ann_neighbours(emb: npt.NDArray[np.float32], gid: Int, *, top_k: int,
                    threshold: float) -> tuple[Int, Int, Float]:
    """Approximate ``top_k`` nearest rows from other groups, for every row.

    Library choice: usearch rather than faiss-cpu.  Both build the same
    HNSW graph deterministically when built single-threaded (checked: the
    same keys and distances across processes and search thread counts),
    but usearch takes the thread count per call (faiss needs the
    process-wide ``omp_set_num_threads``, which would leak into the
    caller's process), its wheel is about 2 MB against faiss-cpu's 19 MB,
    and with int8 storage it built and searched 1.5-2x faster than faiss's
    float32 HNSW here.  The index stores int8 vectors (a quarter of the
    memory); quantisation only decides which rows are found, because every
    hit is re-scored with the exact float32 cosine.

    Over-fetch: a row is queried for ``2 * top_k`` neighbours (at least
    16) because hits from its own group are dropped.  A row left with
    fewer than ``top_k`` other-group hits although its last hit is still
    above ``threshold`` is queried again with 4x the count, up to 1024
    (or every row).  Recall consequence: a row with more than that many
    near neighbours in its own group, or a true neighbour the graph does
    not reach, can miss other-group neighbours the exact search finds.

    Query order: the first pass asks about the rows in batches of
    :data:`_WALK_BATCH` drawn from the hits of the batches before (a walk
    over the neighbour graph), not in row order.  Once the index is larger
    than the CPU cache, a search is mostly waiting for memory; searches of
    nearby rows visit the same nodes, so the walk keeps them in cache
    (100,000 synthetic claims: 105.6 -> 76.9 CPU s for the whole call, the
    same pairs).  Each row's answer does not depend on its batch, so the
    order changes the time, never the result.

    Where the time goes (100,000 synthetic claims, CPU s): building the
    index ~30 (single-threaded), searching ~42, re-scoring and picking ~5,
    :func:`_merge` ~0.6.  Build and search cost per row grow with ``n``
    (135 -> 262 microseconds per insert from 30,000 to 100,000 rows)
    because each step of the graph walk is a cache miss once the index
    outgrows the cache.  Alternative measured and rejected: an inverted
    file (k-means cells of 1,024 rows, 8 probed, exact integer scores by
    BLAS; linear time, 2x faster) had recall 0.80 at 100,000 synthetic
    claims, whose 5,000 unrelated topics no partition into cells follows.
    """
    try:
        from usearch.index import Index
    except ImportError as exc:  # pragma: no cover - usearch is a declared dependency
        raise ConfigError(f"the approximate search needs usearch (pip install usearch): {exc}") from exc

    n, dim = emb.shape
    index = Index(ndim=dim, metric="ip", dtype="i8", connectivity=_HNSW_CONNECTIVITY,
                  expansion_add=_HNSW_EXPANSION_ADD, expansion_search=_HNSW_EXPANSION_SEARCH)
    # single-threaded build: HNSW insertion order decides the graph, so
    # this is what makes the index (and every result) deterministic
    index.add(np.arange(n, dtype=np.uint64), emb, threads=1)
    count = min(n, max(2 * top_k, 16))
    cap = min(n, max(count, 1024))
    out_r: list[Int] = []
    out_c: list[Int] = []
    out_s: list[Float] = []

    def query(q: Int, count: int) -> tuple[Int, Int]:
        """Search rows ``q``, keep the finished ones in ``out_*``; return the
        rows short of other-group hits (to ask again) and every hit key."""
        found = index.search(emb[q], count, threads=_SEARCH_THREADS)  # same answers on any thread count
        keys = np.asarray(found.keys).astype(np.int64, copy=False).reshape(q.size, -1)
        counts = np.asarray(getattr(found, "counts", keys.shape[1])).reshape(-1, 1)
        hits = np.arange(keys.shape[1])[None, :] < counts
        keys = np.where(hits, keys, 0)
        sims = np.empty(keys.shape, np.float64)
        step = max(1, _BLOCK_ELEMENTS // (keys.shape[1] * dim))
        for a in range(0, q.size, step):
            sims[a:a + step] = np.einsum("bd,bcd->bc", emb[q[a:a + step]], emb[keys[a:a + step]])
        np.round(sims, 6, out=sims)
        last = np.where(hits, sims, np.inf).min(axis=1)
        sims[~hits | (gid[keys] == gid[q][:, None])] = -np.inf
        short = (np.isfinite(sims).sum(axis=1) < top_k) & hits.all(axis=1) & (last >= threshold)
        if count >= cap:
            short[:] = False
        r = np.repeat(q[~short], keys.shape[1])
        r, c, s = _pick(r, keys[~short].ravel(), sims[~short].ravel(), top_k, threshold)
        out_r.append(r)
        out_c.append(c)
        out_s.append(s)
        return q[short], keys[hits]

    # First pass over every row, in an order that follows the neighbour
    # graph: each batch is made of the hits of the batches just before it,
    # so consecutive searches walk the same part of the index and find it
    # in cache.  Each row's answer does not depend on the batch it is in,
    # so the order changes the time, never the result.
    seen = np.zeros(n, dtype=bool)
    frontier = np.zeros(0, np.int64)
    again: list[Int] = []
    nxt = 0
    while True:
        batch = frontier[~seen[frontier]]
        _u, first = np.unique(batch, return_index=True)
        batch = batch[np.sort(first)][:_WALK_BATCH]
        while batch.size < _WALK_BATCH and nxt < n:
            # top up with the lowest rows not asked yet
            fill = np.flatnonzero(~seen[nxt:nxt + _WALK_BATCH]) + nxt
            fill = fill[~np.isin(fill, batch)]
            if fill.size > _WALK_BATCH - batch.size:
                fill = fill[:_WALK_BATCH - batch.size]
                nxt = int(fill[-1]) + 1
            else:
                nxt = min(n, nxt + _WALK_BATCH)
            batch = np.concatenate([batch, fill])
        if batch.size == 0:
            break
        seen[batch] = True
        short, hit_keys = query(batch, count)
        if short.size:
            again.append(short)
        frontier = np.concatenate([hit_keys, frontier])[:_WALK_FRONTIER]
    # Rows whose own group crowded out the others: ask again for 4x as many.
    pending = np.sort(np.concatenate(again)) if again else np.zeros(0, np.int64)
    while pending.size:
        count = min(cap, count * 4)
        more: list[Int] = []
        for lo in range(0, pending.size, _QUERY_BATCH):
            short, _keys = query(pending[lo:lo + _QUERY_BATCH], count)
            more.append(short)
        pending = np.concatenate(more)
    return np.concatenate(out_r), np.concatenate(out_c), np.concatenate(out_s)


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
    but may miss a few pairs the exact search finds; it is deterministic
    for identical input.

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
