"""Tests for claimcheck._match: candidate pairs and constrained clustering
(pure numpy, checked against slow reference implementations)."""

from __future__ import annotations

import random
from itertools import combinations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from strategies import cannot_links, edge_lists, exact_unit_rows, group_labels, unit_rows

from claimcheck._match import candidate_pairs, connected_groups


def reference_pairs(emb: np.ndarray, groups: list[object], threshold: float,
                    top_k: int) -> list[tuple[int, int, float]]:
    """Brute force: for each row, its top_k nearest rows from other groups
    (cosine rounded to 6 places, ties by lower index), kept when >= threshold."""
    n = emb.shape[0]
    sims = np.round((emb @ emb.T).astype(np.float64), 6)
    keep: dict[tuple[int, int], float] = {}
    for i in range(n):
        others = [j for j in range(n) if repr(groups[j]) != repr(groups[i])]
        others.sort(key=lambda j: (-sims[i, j], j))
        for j in others[:top_k]:
            if sims[i, j] >= threshold:
                keep[(min(i, j), max(i, j))] = float(sims[i, j])
    return sorted((i, j, s) for (i, j), s in keep.items())


@st.composite
def pair_problems(draw: st.DrawFn, rows: st.SearchStrategy[np.ndarray]):
    emb = draw(rows)
    groups = draw(group_labels(emb.shape[0]))
    threshold = draw(st.sampled_from([-1.0, 0.0, 0.25, 0.4, 0.5, 0.75, 0.9, 1.0]))
    top_k = draw(st.integers(min_value=1, max_value=6))
    return emb, groups, threshold, top_k


@given(pair_problems(unit_rows()))
def test_candidate_pairs_match_brute_force(problem) -> None:
    """candidate_pairs equals a brute-force top-k search on random unit vectors."""
    emb, groups, threshold, top_k = problem
    got = candidate_pairs(emb, groups, threshold=threshold, top_k=top_k)
    want = reference_pairs(emb, groups, threshold, top_k)
    assert [(i, j) for i, j, _ in got] == [(i, j) for i, j, _ in want]
    assert np.allclose([s for *_, s in got], [s for *_, s in want], atol=1e-6)


@given(pair_problems(exact_unit_rows()), st.integers(min_value=1, max_value=5))
def test_candidate_pairs_with_exact_ties_match_brute_force_for_any_block(problem, block: int) -> None:
    """With many exactly tied cosines, ties go to the lower index and the block size changes nothing."""
    emb, groups, threshold, top_k = problem
    got = candidate_pairs(emb, groups, threshold=threshold, top_k=top_k, block=block)
    assert got == reference_pairs(emb, groups, threshold, top_k)
    assert got == candidate_pairs(emb, groups, threshold=threshold, top_k=top_k)


@given(pair_problems(unit_rows()))
def test_candidate_pairs_invariants(problem) -> None:
    """Every pair has i < j, different groups, cosine >= threshold, and appears once."""
    emb, groups, threshold, top_k = problem
    got = candidate_pairs(emb, groups, threshold=threshold, top_k=top_k)
    assert len({(i, j) for i, j, _ in got}) == len(got)
    assert got == sorted(got)
    for i, j, s in got:
        assert 0 <= i < j < emb.shape[0]
        assert repr(groups[i]) != repr(groups[j])
        assert s >= threshold
        assert abs(s - float(emb[i] @ emb[j])) < 1e-5


@given(unit_rows(max_rows=10), st.randoms())
def test_candidate_pairs_follow_a_permutation_of_rows(emb: np.ndarray, rnd: random.Random) -> None:
    """Permuting the rows (and their groups) permutes the pairs, when top_k is unlimited."""
    n = emb.shape[0]
    groups = [k % 3 for k in range(n)]
    perm = list(range(n))
    rnd.shuffle(perm)
    base = {(i, j) for i, j, _ in candidate_pairs(emb, groups, threshold=0.3, top_k=n + 1)}
    moved = candidate_pairs(emb[perm], [groups[p] for p in perm], threshold=0.3, top_k=n + 1)
    assert {tuple(sorted((perm[i], perm[j]))) for i, j, _ in moved} == base


def test_candidate_pairs_small_example() -> None:
    """Identical rows from two groups pair up; rows in one group never do."""
    e = np.array([[1, 0], [1, 0], [0, 1], [0, 1]], dtype=np.float32)
    assert candidate_pairs(e, ["a", "b", "b", "c"], threshold=0.5, top_k=5) == [(0, 1, 1.0), (2, 3, 1.0)]
    assert candidate_pairs(e, ["a", "a", "a", "a"], threshold=-1.0, top_k=5) == []


def test_candidate_pairs_top_k_limits_neighbours() -> None:
    """With top_k=1 a row keeps only its single nearest row, unless it is someone else's nearest."""
    e = np.array([[1, 0], [0.96, 0.28], [0.8, 0.6]], dtype=np.float32)
    e /= np.linalg.norm(e, axis=1, keepdims=True)
    got = candidate_pairs(e, ["a", "b", "c"], threshold=0.0, top_k=1)
    # cos(0,1)=0.96, cos(1,2)=0.936, cos(0,2)=0.8: 0 and 1 pick each other, 2 picks 1; (0,2) is nobody's top 1
    assert [(i, j) for i, j, _ in got] == [(0, 1), (1, 2)]


def test_candidate_pairs_fewer_than_two_rows() -> None:
    """With zero or one row there are no pairs."""
    assert candidate_pairs(np.zeros((0, 3), dtype=np.float32), [], threshold=0.0, top_k=3) == []
    assert candidate_pairs(np.ones((1, 1), dtype=np.float32), ["a"], threshold=0.0, top_k=3) == []


# -- connected_groups -------------------------------------------------------


@st.composite
def group_problems(draw: st.DrawFn):
    n = draw(st.integers(min_value=0, max_value=12))
    return n, draw(edge_lists(n)), draw(cannot_links(n))


def _group_of(groups: list[list[int]]) -> dict[int, int]:
    return {m: g for g, members in enumerate(groups) for m in members}


@given(group_problems())
def test_groups_are_a_sorted_partition(problem) -> None:
    """connected_groups returns every item exactly once, in sorted groups ordered by first member."""
    n, edges, cannot = problem
    groups = connected_groups(n, edges, cannot)
    assert sorted(m for g in groups for m in g) == list(range(n))
    assert all(g == sorted(g) and g for g in groups)
    assert [g[0] for g in groups] == sorted(g[0] for g in groups)


@given(group_problems())
def test_cannot_link_pairs_are_never_together(problem) -> None:
    """No group holds both members of a cannot-link pair."""
    n, edges, cannot = problem
    where = _group_of(connected_groups(n, edges, cannot))
    for i, j in cannot:
        assert where[i] != where[j]


@given(group_problems())
def test_groups_are_unions_along_edges(problem) -> None:
    """Every multi-member group is connected by the given edges."""
    n, edges, cannot = problem
    for g in connected_groups(n, edges, cannot):
        members = set(g)
        seen = {g[0]}
        frontier = [g[0]]
        while frontier:
            x = frontier.pop()
            for i, j, _ in edges:
                for a, b in ((i, j), (j, i)):
                    if a == x and b in members and b not in seen:
                        seen.add(b)
                        frontier.append(b)
        assert seen == members


@given(group_problems())
def test_unmerged_edges_were_blocked(problem) -> None:
    """The merge is maximal: an edge left between two groups would join a cannot-link pair."""
    n, edges, cannot = problem
    groups = connected_groups(n, edges, cannot)
    where = _group_of(groups)
    for i, j, _ in edges:
        if where[i] != where[j]:
            union = set(groups[where[i]]) | set(groups[where[j]])
            assert any(a in union and b in union for a, b in cannot), (i, j)


@given(group_problems(), st.randoms())
def test_groups_do_not_depend_on_edge_order(problem, rnd: random.Random) -> None:
    """Shuffling the edge list (and flipping edge ends) gives the same groups."""
    n, edges, cannot = problem
    shuffled = [(j, i, s) if rnd.random() < 0.5 else (i, j, s) for i, j, s in edges]
    rnd.shuffle(shuffled)
    assert connected_groups(n, shuffled, cannot) == connected_groups(n, edges, cannot)


@given(group_problems())
def test_without_cannot_links_groups_are_connected_components(problem) -> None:
    """With no constraints the groups are exactly the connected components."""
    n, edges, _ = problem
    comp = list(range(n))

    def root(x: int) -> int:
        while comp[x] != x:
            x = comp[x]
        return x

    for i, j, _s in edges:
        comp[root(i)] = root(j)
    want = sorted((sorted(k for k in range(n) if root(k) == r) for r in {root(k) for k in range(n)}),
                  key=lambda g: g[0])
    assert connected_groups(n, edges, set()) == want


def test_strongest_edges_merge_first() -> None:
    """When a constraint forces a choice, the stronger edge wins."""
    # 0-1 strong, 1-2 weak; 0 and 2 cannot be together -> {0,1}, {2}
    assert connected_groups(3, [(1, 2, 0.5), (0, 1, 0.9)], {(0, 2)}) == [[0, 1], [2]]
    # now 1-2 is the stronger edge -> {0}, {1,2}
    assert connected_groups(3, [(1, 2, 0.95), (0, 1, 0.9)], {(0, 2)}) == [[0], [1, 2]]


def test_all_pairs_cannot_link_gives_singletons() -> None:
    """If every pair is forbidden, every item stays alone."""
    n = 5
    edges = [(i, j, 0.9) for i, j in combinations(range(n), 2)]
    assert connected_groups(n, edges, set(combinations(range(n), 2))) == [[k] for k in range(n)]
