"""Array maths for candidate pairs and paraphrase clusters.

Nothing here calls a model: everything takes embeddings as arrays, so
it can be tested with hand-made vectors.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["candidate_pairs", "connected_groups"]


def candidate_pairs(
    emb: npt.NDArray[np.float32],
    groups: Sequence[object],
    *,
    threshold: float,
    top_k: int,
    block: int = 2048,
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, cosine)`` with ``i < j`` from different groups.

    Rows of ``emb`` must be L2-normalised.  A pair is kept when its
    cosine is at least ``threshold`` and ``j`` is among ``i``'s ``top_k``
    nearest rows from other groups, or ``i`` among ``j``'s.  Ties are
    broken by index, so the result is deterministic.

    >>> e = np.array([[1, 0], [1, 0], [0, 1]], dtype=np.float32)
    >>> candidate_pairs(e, ["a", "b", "b"], threshold=0.5, top_k=5)
    [(0, 1, 1.0)]
    """
    n = emb.shape[0]
    if n < 2:
        return []
    codes = {g: k for k, g in enumerate(sorted(set(map(repr, groups))))}
    gid = np.array([codes[repr(g)] for g in groups])
    keep: dict[tuple[int, int], float] = {}
    for lo in range(0, n, block):
        hi = min(n, lo + block)
        sims = emb[lo:hi] @ emb.T
        sims = np.round(sims.astype(np.float64), 6)
        same = gid[lo:hi, None] == gid[None, :]
        sims[same] = -np.inf
        k = min(top_k, n - 1)
        for r in range(hi - lo):
            i = lo + r
            row = sims[r]
            # stable order: by similarity desc, then index asc
            order = np.lexsort((np.arange(n), -row))[:k]
            for j in order:
                s = float(row[j])
                if not np.isfinite(s) or s < threshold:
                    break
                key = (i, int(j)) if i < j else (int(j), i)
                keep[key] = s
    return sorted((i, j, s) for (i, j), s in keep.items())


def connected_groups(
    n: int,
    edges: Sequence[tuple[int, int, float]],
    cannot_link: set[tuple[int, int]],
) -> list[list[int]]:
    """Merge items along ``edges`` (strongest first) unless a merge would
    put a ``cannot_link`` pair in one group.  Returns sorted groups.

    >>> connected_groups(4, [(0, 1, 0.9), (1, 2, 0.8), (2, 3, 0.7)], {(0, 3)})
    [[0, 1, 2], [3]]
    """
    parent = list(range(n))
    members: dict[int, set[int]] = {i: {i} for i in range(n)}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    blocked: dict[int, set[int]] = {}
    for i, j in cannot_link:
        blocked.setdefault(i, set()).add(j)
        blocked.setdefault(j, set()).add(i)
    for i, j, _s in sorted(edges, key=lambda e: (-e[2], e[0], e[1])):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        mi, mj = members[ri], members[rj]
        small, big = (mi, mj) if len(mi) <= len(mj) else (mj, mi)
        if any(blocked.get(x, set()) & big for x in small):
            continue
        root, other = (ri, rj) if ri < rj else (rj, ri)
        parent[other] = root
        members[root] = mi | mj
        del members[other]
    groups = [sorted(m) for m in members.values()]
    return sorted(groups, key=lambda g: g[0])
