"""Tests for the approximate (usearch HNSW) candidate search in claimcheck._match
and the pipeline's ``search`` option."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import exact_unit_rows, group_labels, unit_rows

import claimcheck
from claimcheck import ConfigError, HashingEncoder, InputError, Pipeline
from claimcheck._match import (
    PairArrays,
    _group_ids,
    candidate_pair_arrays,
    candidate_pairs,
    connected_groups,
    exact_neighbours,
)


def clustered(n: int, dim: int = 48, *, seed: int = 0, per_topic: int = 10,
              n_groups: int = 7) -> tuple[np.ndarray, list[int]]:
    """Topic-clustered unit rows (within-topic cosine ~0.6) and group labels."""
    rng = np.random.default_rng(seed)
    topics = rng.standard_normal((max(1, n // per_topic), dim)).astype(np.float32)
    topics /= np.linalg.norm(topics, axis=1, keepdims=True)
    emb = topics[rng.integers(0, len(topics), n)] + 0.17 * rng.standard_normal((n, dim)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    return emb.astype(np.float32), rng.integers(0, n_groups, n).tolist()


def keys(p: PairArrays, n: int) -> set[int]:
    return set((p.i * n + p.j).tolist())


def check_contract(p: PairArrays, emb: np.ndarray, groups: list[object], threshold: float, top_k: int) -> None:
    n = emb.shape[0]
    assert p.i.dtype == p.j.dtype == np.int64 and p.cosine.dtype == np.float64
    assert np.all(p.i < p.j) and np.all(p.i >= 0) and np.all(p.j < n)
    k = p.i * n + p.j
    assert np.all(np.diff(k) > 0), "pairs must be sorted by (i, j) and unique"
    assert all(repr(groups[i]) != repr(groups[j]) for i, j in zip(p.i.tolist(), p.j.tolist()))
    assert np.all(p.cosine >= threshold)
    dots = np.einsum("pd,pd->p", emb[p.i].astype(np.float64), emb[p.j].astype(np.float64))
    assert np.allclose(p.cosine, dots, atol=2e-6)
    # every row chose at most top_k partners, so there are at most n * top_k pairs
    assert len(p) <= n * top_k


def test_ann_equals_exact_on_a_small_forced_case() -> None:
    """On 40 rows the HNSW search reaches every row: the ANN pairs are the exact ones."""
    emb, groups = clustered(40, seed=3)
    ann = candidate_pairs(emb, groups, threshold=0.3, top_k=4, search="ann")
    exact = candidate_pairs(emb, groups, threshold=0.3, top_k=4, search="exact")
    assert len(exact) > 20
    assert [(i, j) for i, j, _ in ann] == [(i, j) for i, j, _ in exact]
    assert np.allclose([s for *_, s in ann], [s for *_, s in exact], atol=1e-6)


def test_ann_recall_against_exact_on_clustered_rows() -> None:
    """On 3000 clustered rows the ANN search finds at least 95% of the exact pairs,
    and everything it returns keeps the contract."""
    emb, groups = clustered(3000, seed=1)
    ann = candidate_pair_arrays(emb, groups, threshold=0.4, top_k=8, search="ann")
    exact = candidate_pair_arrays(emb, groups, threshold=0.4, top_k=8, search="exact")
    want, got = keys(exact, 3000), keys(ann, 3000)
    assert len(want) > 5000
    recall = len(want & got) / len(want)
    assert recall >= 0.95, f"ANN recall {recall:.3f} < 0.95"
    check_contract(ann, emb, groups, 0.4, 8)


def test_ann_is_deterministic() -> None:
    """Two ANN searches on identical input give identical arrays."""
    emb, groups = clustered(1500, seed=2)
    a = candidate_pair_arrays(emb, groups, threshold=0.3, top_k=6, search="ann")
    b = candidate_pair_arrays(emb.copy(), list(groups), threshold=0.3, top_k=6, search="ann")
    assert len(a) > 1000
    assert np.array_equal(a.i, b.i) and np.array_equal(a.j, b.j) and np.array_equal(a.cosine, b.cosine)


def test_ann_asks_every_row_once_in_the_graph_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first pass asks the index about every row exactly once, whatever
    the walk's batch size (a skipped row would lose its own top-k pairs)."""
    import usearch.index

    import claimcheck._match as m

    emb, groups = clustered(700, seed=6)
    row_of = {emb[r].tobytes(): r for r in range(700)}
    assert len(row_of) == 700
    asked: list[int] = []
    real = usearch.index.Index.search

    def spy(self: object, vectors: np.ndarray, count: int, **kw: object) -> object:
        asked.extend(row_of[v.tobytes()] for v in np.asarray(vectors, dtype=np.float32))
        return real(self, vectors, count, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(usearch.index.Index, "search", spy)
    ref = None
    for batch, frontier in ((512, 8192), (7, 20), (1, 1)):
        monkeypatch.setattr(m, "_WALK_BATCH", batch)
        monkeypatch.setattr(m, "_WALK_FRONTIER", frontier)
        asked.clear()
        got = candidate_pair_arrays(emb, groups, threshold=0.3, top_k=4, search="ann")
        assert sorted(asked) == list(range(700)), f"batch {batch}: rows asked {len(asked)}"
        if ref is None:
            ref = got
            assert len(got) > 700
        else:
            # the walk order changes the time, never the pairs
            assert np.array_equal(got.i, ref.i) and np.array_equal(got.j, ref.j)
            assert np.array_equal(got.cosine, ref.cosine)


def test_ann_same_pairs_on_one_and_two_search_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """The index is searched on every core; 1 and 2 search threads give identical arrays."""
    import claimcheck._match as m

    emb, groups = clustered(2500, seed=8)
    out = []
    for threads in (1, 2):
        monkeypatch.setattr(m, "_SEARCH_THREADS", threads)
        out.append(candidate_pair_arrays(emb, groups, threshold=0.35, top_k=6, search="ann"))
    a, b = out
    assert len(a) > 2500
    assert np.array_equal(a.i, b.i) and np.array_equal(a.j, b.j) and np.array_equal(a.cosine, b.cosine)
    check_contract(a, emb, groups, 0.35, 6)


def test_ann_same_pairs_in_a_fresh_process(tmp_path) -> None:
    """A second Python process with other BLAS thread settings finds the same pairs."""
    import hashlib
    import os
    import subprocess
    import sys
    from pathlib import Path

    emb, groups = clustered(3000, seed=9)
    np.save(tmp_path / "emb.npy", emb)
    p = candidate_pair_arrays(emb, groups, threshold=0.35, top_k=6, search="ann")
    digest = hashlib.sha256(p.i.tobytes() + p.j.tobytes() + p.cosine.tobytes()).hexdigest()
    code = (
        "import hashlib, sys, numpy as np\n"
        "from claimcheck._match import candidate_pair_arrays\n"
        f"g = {groups!r}\n"
        f"e = np.load({str(tmp_path / 'emb.npy')!r})\n"
        "p = candidate_pair_arrays(e, g, threshold=0.35, top_k=6, search='ann')\n"
        "print(hashlib.sha256(p.i.tobytes() + p.j.tobytes() + p.cosine.tobytes()).hexdigest())\n"
    )
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root,
                          check=True, timeout=120)
    assert len(p) > 3000
    assert done.stdout.strip() == digest


def test_ann_overfetches_past_a_crowded_own_group() -> None:
    """A row whose 60 nearest rows are all in its own group still finds its
    other-group neighbours: the search is repeated with a larger count."""
    rng = np.random.default_rng(5)
    base = rng.standard_normal(32).astype(np.float32)
    own = base + 0.05 * rng.standard_normal((60, 32)).astype(np.float32)    # group "a", very close
    other = base + 0.2 * rng.standard_normal((5, 32)).astype(np.float32)    # group "b", further away
    noise = rng.standard_normal((200, 32)).astype(np.float32)               # group "c", unrelated
    emb = np.vstack([base[None, :], own, other, noise])
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    groups = ["a"] * 61 + ["b"] * 5 + ["c"] * 200
    ann = candidate_pair_arrays(emb, groups, threshold=0.5, top_k=3, search="ann")
    # row 0's three nearest other-group rows are among the five "b" rows
    partners = {int(j) for i, j in zip(ann.i, ann.j) if i == 0}
    r, c, _ = exact_neighbours(emb, _group_ids(groups), np.array([0]), top_k=3, threshold=0.5)
    assert len(c) == 3 and set(c.tolist()) <= set(range(61, 66))
    assert set(c.tolist()) <= partners


def test_auto_uses_exact_below_the_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    """search="auto" takes the exact path on small inputs and the ANN path from ANN_MIN_ROWS."""
    import claimcheck._match as m

    calls: list[str] = []
    real = m._ann_neighbours

    def spy(*args: object, **kw: object) -> object:
        calls.append("ann")
        return real(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(m, "_ann_neighbours", spy)
    emb, groups = clustered(200)
    m.candidate_pair_arrays(emb, groups, threshold=0.4, top_k=5, search="auto")
    assert calls == []
    monkeypatch.setattr(m, "ANN_MIN_ROWS", 100)
    m.candidate_pair_arrays(emb, groups, threshold=0.4, top_k=5, search="auto")
    assert calls == ["ann"]


@st.composite
def pair_problems(draw: st.DrawFn, rows: st.SearchStrategy[np.ndarray]):
    emb = draw(rows)
    groups = draw(group_labels(emb.shape[0]))
    threshold = draw(st.sampled_from([-1.0, 0.0, 0.25, 0.5, 0.9]))
    top_k = draw(st.integers(min_value=1, max_value=6))
    return emb, groups, threshold, top_k


@given(pair_problems(exact_unit_rows()))
def test_ann_matches_exact_on_small_inputs_with_ties(problem) -> None:
    """Up to 12 rows the HNSW beam (64 wide) sees every row, so the ANN search,
    re-scored with exact cosines and the same tie rule, equals the exact search."""
    emb, groups, threshold, top_k = problem
    ann = candidate_pairs(emb, groups, threshold=threshold, top_k=top_k, search="ann")
    assert ann == candidate_pairs(emb, groups, threshold=threshold, top_k=top_k, search="exact")


@given(pair_problems(unit_rows()))
def test_ann_contract_on_random_rows(problem) -> None:
    """i < j, different groups, cosine >= threshold and equal to the dot product, sorted, unique;
    on these small inputs the pairs are the exact ones."""
    emb, groups, threshold, top_k = problem
    ann = candidate_pair_arrays(emb, groups, threshold=threshold, top_k=top_k, search="ann")
    check_contract(ann, emb, groups, threshold, top_k)
    exact = candidate_pair_arrays(emb, groups, threshold=threshold, top_k=top_k, search="exact")
    assert ann.i.tolist() == exact.i.tolist() and ann.j.tolist() == exact.j.tolist()


def test_bad_search_and_bad_input_raise_claimcheck_errors() -> None:
    """An unknown search mode is a ConfigError (on the function and on Pipeline);
    mismatched or non-finite embeddings are InputErrors."""
    emb, groups = clustered(20)
    with pytest.raises(ConfigError, match="search must be one of"):
        candidate_pairs(emb, groups, threshold=0.4, top_k=3, search="fast")
    with pytest.raises(ConfigError, match="search must be one of"):
        Pipeline(encoder=HashingEncoder(), search="quick")
    with pytest.raises(ConfigError):
        claimcheck.check(["Rain fell."], encoder=HashingEncoder(), search="nearest")
    with pytest.raises(InputError, match="19 groups"):
        candidate_pairs(emb, groups[:-1], threshold=0.4, top_k=3)
    bad = emb.copy()
    bad[3, 0] = np.nan
    with pytest.raises(InputError, match="NaN"):
        candidate_pairs(bad, groups, threshold=0.4, top_k=3, search="ann")
    assert Pipeline(encoder=HashingEncoder()).search == "auto"


def test_connected_groups_takes_pair_arrays_like_tuples() -> None:
    """connected_groups gives the same groups for PairArrays and for the equivalent tuple list."""
    emb, groups = clustered(400, seed=4)
    pairs = candidate_pair_arrays(emb, groups, threshold=0.4, top_k=5)
    cannot = set(zip(pairs.i[::7].tolist(), pairs.j[::7].tolist()))
    got = connected_groups(400, pairs, cannot)
    assert got == connected_groups(400, pairs.to_list(), cannot)
    assert 1 < len(got) < 400
    where = {m: g for g, members in enumerate(got) for m in members}
    assert all(where[i] != where[j] for i, j in cannot)


def test_connected_groups_long_chain_is_fast() -> None:
    """A 200,000-item chain (one group grown one item at a time) merges in
    near-linear time, and a cannot-link at its ends splits it once."""
    import time

    n = 200_000
    idx = np.arange(n - 1, dtype=np.int64)
    chain = PairArrays(i=idx, j=idx + 1, cosine=np.linspace(0.99, 0.5, n - 1))
    t0 = time.perf_counter()
    got = connected_groups(n, chain, {(0, n - 1)})
    assert time.perf_counter() - t0 < 20
    # edges merge strongest first (from 0 upwards); the last edge would join 0 and n-1
    assert got == [list(range(n - 1)), [n - 1]]


def test_pipeline_ann_and_exact_give_identical_contradictions(
        hashing_pipeline: Pipeline, quake_articles: list[claimcheck.Article]) -> None:
    """On examples/quake.jsonl, search="ann" and search="exact" report the same contradictions."""
    import attrs

    exact = attrs.evolve(hashing_pipeline, search="exact").run(quake_articles)
    ann = attrs.evolve(hashing_pipeline, search="ann").run(quake_articles)
    assert len(exact.contradictions) > 0

    def summary(r: claimcheck.Report) -> list[tuple[str, str, str, float]]:
        return [(j.a, j.b, j.kind, j.score) for j in r.contradictions]

    assert summary(ann) == summary(exact)
    assert [c.claims for c in ann.clusters] == [c.claims for c in exact.clusters]


def test_scaling_benchmark_smoke(capsys: pytest.CaptureFixture[str]) -> None:
    """benchmarks/scaling.py runs on tiny sizes and prints a table with full recall."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "scaling.py"
    spec = importlib.util.spec_from_file_location("scaling_bench", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main(["--sizes", "400", "800", "--recall-rows", "50"]) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.startswith("| 400 ") or line.startswith("| 800 ")]
    assert len(rows) == 2 and all("| 1.0000 of " in r for r in rows)
    assert "time exponent (CPU) 400 -> 800 claims" in out
