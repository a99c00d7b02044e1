"""Tests for the approximate (partition: two-level k-means, exact scores in the
probed leaves) candidate search in claimcheck._match and the pipeline's ``search`` option."""

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


def small_leaves(monkeypatch: pytest.MonkeyPatch, rows: int = 40, probe: int = 6, top: int = 3) -> None:
    """Make the partition search split a few thousand rows into many leaves,
    so the tests exercise the probing (the defaults probe every leaf below
    about 16,000 rows)."""
    import claimcheck._match as m

    monkeypatch.setattr(m, "_LEAF_ROWS", rows)
    monkeypatch.setattr(m, "_LEAF_PROBE", probe)
    monkeypatch.setattr(m, "_TOP_PROBE", top)


def test_ann_equals_exact_on_a_small_forced_case() -> None:
    """On 40 rows the partition search probes every row: the ANN pairs are the exact ones."""
    emb, groups = clustered(40, seed=3)
    ann = candidate_pairs(emb, groups, threshold=0.3, top_k=4, search="ann")
    exact = candidate_pairs(emb, groups, threshold=0.3, top_k=4, search="exact")
    assert len(exact) > 20
    assert [(i, j) for i, j, _ in ann] == [(i, j) for i, j, _ in exact]
    assert np.allclose([s for *_, s in ann], [s for *_, s in exact], atol=1e-6)


def test_ann_equals_exact_when_every_leaf_is_probed(monkeypatch: pytest.MonkeyPatch) -> None:
    """3000 rows in leaves of 40, every leaf probed: the candidate filters on
    quantised scores (threshold and per-leaf top_k, with the rounding bound)
    lose nothing, so the pairs and cosines equal the exact search's."""
    small_leaves(monkeypatch, rows=40, probe=1000, top=1000)
    emb, groups = clustered(3000, seed=11, per_topic=40, n_groups=3)  # crowded leaves: many same-topic rows
    for threshold, top_k in ((0.4, 8), (-1.0, 3)):
        ann = candidate_pair_arrays(emb, groups, threshold=threshold, top_k=top_k, search="ann")
        exact = candidate_pair_arrays(emb, groups, threshold=threshold, top_k=top_k, search="exact")
        assert len(exact) > 3000
        assert np.array_equal(ann.i, exact.i) and np.array_equal(ann.j, exact.j)
        assert np.allclose(ann.cosine, exact.cosine, atol=1e-6)


def nested(n: int, dim: int = 48, *, seed: int = 0) -> tuple[np.ndarray, list[int]]:
    """Rows in 30 sections of topics of about 10 rows (a hierarchy, like news
    claims: a section direction, a topic direction, noise) and 7 groups."""
    rng = np.random.default_rng(seed)
    sections = rng.standard_normal((30, dim)).astype(np.float32)
    topics = rng.standard_normal((max(1, n // 10), dim)).astype(np.float32)
    section_of = rng.integers(0, 30, len(topics))
    topic_of = rng.integers(0, len(topics), n)
    emb = (sections[section_of[topic_of]] + topics[topic_of]) / np.sqrt(dim)
    emb += 0.17 * rng.standard_normal((n, dim)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    return emb.astype(np.float32), rng.integers(0, 7, n).tolist()


def test_ann_recall_against_exact_on_nested_topics(monkeypatch: pytest.MonkeyPatch) -> None:
    """3000 rows of nested topics in 75 leaves of about 40, 16 probed per row:
    the ANN search finds at least 95% of the exact pairs and keeps the
    contract; probing one leaf finds fewer."""
    emb, groups = nested(3000, seed=1)
    exact = candidate_pair_arrays(emb, groups, threshold=0.4, top_k=8, search="exact")
    want = keys(exact, 3000)
    assert len(want) > 5000
    recall = {}
    for probe in (1, 16):
        small_leaves(monkeypatch, rows=40, probe=probe)
        ann = candidate_pair_arrays(emb, groups, threshold=0.4, top_k=8, search="ann")
        check_contract(ann, emb, groups, 0.4, 8)
        recall[probe] = len(want & keys(ann, 3000)) / len(want)
    assert recall[16] >= 0.95, f"ANN recall {recall[16]:.3f} < 0.95"
    assert recall[1] < recall[16]


def test_ann_is_deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two ANN searches on identical input give identical arrays."""
    small_leaves(monkeypatch)
    emb, groups = clustered(1500, seed=2)
    a = candidate_pair_arrays(emb, groups, threshold=0.3, top_k=6, search="ann")
    b = candidate_pair_arrays(emb.copy(), list(groups), threshold=0.3, top_k=6, search="ann")
    assert len(a) > 1000
    assert np.array_equal(a.i, b.i) and np.array_equal(a.j, b.j) and np.array_equal(a.cosine, b.cosine)


def test_quantised_scores_are_exact_integers() -> None:
    """The premise of the partition search's determinism: quantised unit rows
    (scale _QSCALE) have integer dot products below 2**24, which float32
    BLAS returns exactly (equal to int64 arithmetic), blocked or not."""
    import claimcheck._match as m

    rng = np.random.default_rng(0)
    emb = rng.standard_normal((300, 384)).astype(np.float32)
    emb[:10] = np.abs(emb[:10])  # all-positive rows: the largest partial sums
    emb[10:20] = 0.0
    emb[10:20, 0] = 1.0  # one-hot rows: the largest single products
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    xq = np.rint(emb * m._QSCALE).astype(np.float32)
    want = xq.astype(np.int64) @ xq.astype(np.int64).T
    assert np.abs(want).max() < 2**24
    assert np.array_equal((xq @ xq.T).astype(np.int64), want)
    assert np.array_equal((xq[:7] @ xq[::3].T).astype(np.int64), want[:7, ::3])


def test_partition_places_each_row_in_one_of_its_probes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every row's leaf is among its probed leaves, probes are distinct leaves,
    and the leaves hold about _LEAF_ROWS rows each."""
    import claimcheck._match as m

    small_leaves(monkeypatch, rows=50, probe=5)
    emb, _groups = clustered(2000, seed=12)
    xq = np.rint(emb * m._QSCALE).astype(np.float32)
    part = m._Partition(emb, m._QSCALE)
    assert 30 <= part.leaves <= 50
    home, probes = part.place(xq, 5)
    assert np.array_equal(part.place(xq, 1)[0], home)
    assert (probes >= 0).all() and (probes < part.leaves).all()
    assert all(len(set(row)) == 5 for row in probes.tolist())
    assert (probes == home[:, None]).any(axis=1).all()
    assert np.bincount(home, minlength=part.leaves).max() < 2000 / 4


def test_ann_same_pairs_on_one_and_two_blas_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """The search runs on BLAS (every core); 1 and 2 BLAS threads give identical arrays."""
    from threadpoolctl import threadpool_limits

    small_leaves(monkeypatch)
    emb, groups = clustered(2500, seed=8)
    out = []
    for threads in (1, 2):
        with threadpool_limits(limits=threads, user_api="blas"):
            out.append(candidate_pair_arrays(emb, groups, threshold=0.35, top_k=6, search="ann"))
    a, b = out
    assert len(a) > 2500
    assert np.array_equal(a.i, b.i) and np.array_equal(a.j, b.j) and np.array_equal(a.cosine, b.cosine)
    check_contract(a, emb, groups, 0.35, 6)


def test_ann_same_pairs_in_a_fresh_process(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second Python process with other BLAS thread settings finds the same
    pairs (3000 rows in leaves of about 40, so the probing is exercised)."""
    import hashlib
    import os
    import subprocess
    import sys
    from pathlib import Path

    small_leaves(monkeypatch, rows=40, probe=6, top=3)
    emb, groups = clustered(3000, seed=9)
    np.save(tmp_path / "emb.npy", emb)
    p = candidate_pair_arrays(emb, groups, threshold=0.35, top_k=6, search="ann")
    digest = hashlib.sha256(p.i.tobytes() + p.j.tobytes() + p.cosine.tobytes()).hexdigest()
    code = (
        "import hashlib, sys, numpy as np\n"
        "import claimcheck._match as m\n"
        "m._LEAF_ROWS, m._LEAF_PROBE, m._TOP_PROBE = 40, 6, 3\n"
        f"g = {groups!r}\n"
        f"e = np.load({str(tmp_path / 'emb.npy')!r})\n"
        "p = m.candidate_pair_arrays(e, g, threshold=0.35, top_k=6, search='ann')\n"
        "print(hashlib.sha256(p.i.tobytes() + p.j.tobytes() + p.cosine.tobytes()).hexdigest())\n"
    )
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root,
                          check=True, timeout=120)
    assert len(p) > 3000
    assert done.stdout.strip() == digest


def test_ann_sees_past_a_crowded_own_group(monkeypatch: pytest.MonkeyPatch) -> None:
    """A row whose 60 nearest rows are all in its own group still finds its
    other-group neighbours: own-group rows are dropped before each leaf's
    top_k is taken (here in leaves of about 20 rows)."""
    small_leaves(monkeypatch, rows=20, probe=6)
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
    """Up to 12 rows the partition search probes every row, so the ANN search,
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
