"""benchmarks/scaling.py: the news-like fake encoder, its statistics and the command line."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def scaling() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scaling_bench_news", BENCH / "scaling.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def _old_topic_data(n: int, seed: int, dim: int = 384) -> tuple[np.ndarray, list[int], np.ndarray]:
    """The isotropic generator as it was before --data existed (2026-11-26, fe37663)."""
    rng = np.random.default_rng(seed)
    topics = rng.standard_normal((max(1, n // 20), dim)).astype(np.float32)
    topics /= np.linalg.norm(topics, axis=1, keepdims=True)
    topic_of = rng.integers(0, topics.shape[0], n)
    groups = rng.integers(0, 200, n).tolist()
    emb = np.empty((n, dim), dtype=np.float32)
    for lo in range(0, n, 65536):
        hi = min(n, lo + 65536)
        block = topics[topic_of[lo:hi]] + 0.045 * rng.standard_normal((hi - lo, dim), dtype=np.float32)
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        emb[lo:hi] = block
    return emb, groups, topic_of


def test_news_data_is_deterministic_and_unit_length(scaling: ModuleType) -> None:
    e1, g1, s1 = scaling.news_data(3000, seed=5)
    e2, g2, s2 = scaling.news_data(3000, seed=5)
    assert e1.shape == (3000, 384) and e1.dtype == np.float32
    assert np.array_equal(e1, e2) and g1 == g2 and np.array_equal(s1, s2)
    assert np.allclose(np.linalg.norm(e1, axis=1), 1.0, atol=1e-5)
    assert set(g1) <= set(range(200)) and len(set(g1)) > 150
    e3, _g3, _s3 = scaling.news_data(3000, seed=6)
    assert not np.allclose(e1, e3)
    with pytest.raises(ValueError):
        scaling.news_data(0)


def test_news_data_stories_are_heavy_tailed_and_size_free(scaling: ModuleType) -> None:
    _e, _g, small = scaling.news_data(4000, seed=0)
    _e, _g, big = scaling.news_data(40_000, seed=0)
    sizes_small, sizes_big = np.bincount(small), np.bincount(big)
    assert sizes_small.sum() == 4000 and sizes_big.sum() == 40_000 and (sizes_big > 0).all()
    # a bigger corpus has about 10x the stories, of the same sizes
    assert 8 < sizes_big.size / sizes_small.size < 12
    assert abs(np.median(sizes_big) - np.median(sizes_small)) <= 1
    assert sizes_big.max() > 10 * np.median(sizes_big)  # heavy tail


def test_news_statistics_look_like_news_claims(scaling: ModuleType) -> None:
    emb, _g, _s = scaling.news_data(3000, seed=0)
    st = scaling.embedding_stats(emb)
    assert 0.03 < st["mean_cos"] < 0.15
    assert 0.15 < st["norm_mean"] < 0.4  # a shared direction
    assert st["nb_none"] < 0.1 and 5 <= st["nb_median"] <= 60  # most claims have some neighbours >= 0.4
    assert st["nn1"] > st["nn10"] > st["nn20"] > st["nn100"] > st["mean_cos"]  # graded, not one clique
    assert 0.1 < st["pca10"] < 0.4 and st["pca10"] < st["pca50"] < st["pca100"] < 0.9
    # the worst case has none of this: no shared direction, and nothing between topics
    iso = scaling.embedding_stats(scaling.topic_data(3000, seed=0)[0])
    assert abs(iso["mean_cos"]) < 0.01 and iso["norm_mean"] < 0.1 and iso["nn100"] < 0.25


def test_news_neighbourhoods_do_not_grow_with_the_corpus(scaling: ModuleType) -> None:
    small = scaling.embedding_stats(scaling.news_data(4000, seed=0)[0], rows=600, seed=1)
    big = scaling.embedding_stats(scaling.news_data(40_000, seed=0)[0], rows=600, seed=1)
    assert 0.6 < big["nb_mean"] / small["nb_mean"] < 1.5
    assert abs(big["nn10"] - small["nn10"]) < 0.05 and abs(big["mean_cos"] - small["mean_cos"]) < 0.02


def test_embedding_stats_counts_neighbours_exactly(scaling: ModuleType) -> None:
    e = np.eye(4, 8, dtype=np.float32)
    e[1] = (e[0] + e[1]) / np.sqrt(2)  # cosine 0.707 with row 0
    st = scaling.embedding_stats(e)
    assert st["nb_mean"] == 0.5 and st["nb_none"] == 0.5 and st["nn1"] == pytest.approx((0.707 * 2) / 4, abs=1e-3)
    assert st["mean_cos"] == pytest.approx(0.707 * 2 / 12, abs=1e-3)
    with pytest.raises(ValueError):
        scaling.embedding_stats(e[:1])


def test_isotropic_data_is_the_old_generator(scaling: ModuleType) -> None:
    assert scaling.DATA["isotropic"] is scaling.topic_data
    for seed in (0, 3):
        new = scaling.topic_data(700, seed=seed)
        old = _old_topic_data(700, seed)
        assert np.array_equal(new[0], old[0]) and new[1] == old[1] and np.array_equal(new[2], old[2])


@pytest.mark.parametrize("data", ["news", "isotropic"])
def test_main_accepts_both_data_kinds(scaling: ModuleType, data: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert scaling.main(["--data", data, "--sizes", "300", "600", "--recall-rows", "40"]) == 0
    out = capsys.readouterr().out
    assert f"# data: {data} ({scaling.DATA[data].__name__}, seed 0)" in out
    done = [json.loads(line.split(": ", 1)[1]) for line in out.splitlines() if line.startswith("# done ")]
    assert [d["n"] for d in done] == [300, 600] and all(d["data"] == data for d in done)
    assert all(d["recall"] == 1.0 and d["pairs"] > 0 for d in done)
    assert "time exponent (CPU) 300 -> 600 claims" in out


def test_main_rejects_unknown_data(scaling: ModuleType) -> None:
    with pytest.raises(SystemExit):
        scaling.main(["--data", "gaussian", "--sizes", "300"])


def test_merge_marks_old_runs_isotropic(scaling: ModuleType, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    row = {"n": 1000, "rss_input_mb": 1.0, "ann_s": 1.0, "ann_cpu_s": 1.0, "pairs": 10, "rss_search_mb": 1.0,
           "cluster_s": 0.1, "cluster_cpu_s": 0.1, "clusters": 5, "rss_peak_mb": 2.0, "recall": 1.0,
           "recall_pairs": 10}
    old = tmp_path / "old.txt"
    old.write_text(f"# done 1000: {json.dumps(row)}\n", encoding="utf-8")
    assert scaling.main(["--merge", str(old)]) == 0
    out = capsys.readouterr().out
    assert "# data: isotropic (merged from 1 output(s))" in out and "| 1,000 | 10 |" in out


def test_compare_real_without_data_prints_synthetic_columns(scaling: ModuleType, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert scaling.compare_real(200, big=5000, big_rows=300, path=tmp_path / "missing.csv") == 0
    out = capsys.readouterr().out
    assert "# no real column:" in out and "missing.csv not found" in out
    header = next(line for line in out.splitlines() if line.startswith("| statistic |"))
    assert header == "| statistic | news (3,823) | isotropic (3,823) | news (5,000; 300 rows) |"
    rows = [line for line in out.splitlines() if line.startswith("| ") and not line.startswith("| statistic")]
    assert len(rows) == len(scaling._STAT_ROWS)
    mean_row = next(r for r in rows if r.startswith("| mean pairwise cosine |"))
    news_mean = float(mean_row.split("|")[2])
    assert 0.03 < news_mean < 0.15


def test_doctests(scaling: ModuleType) -> None:
    import doctest

    result = doctest.testmod(scaling, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 10 and result.failed == 0
