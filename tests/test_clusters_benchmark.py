"""Tests for the paraphrase-cluster benchmark: examples/clusters/ and benchmarks/clusters.py."""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import claimcheck

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "benchmarks"
STORIES = REPO / "examples" / "clusters"
#: every development story folder (what scripts/fit_same_fact.py reads)
STORY_FOLDERS = sorted(p for p in (REPO / "examples").iterdir() if p.is_dir() and any(p.glob("*.gold.json")))


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up in sys.modules
    spec.loader.exec_module(mod)
    return mod


B = _load("benchmarks_clusters", BENCH / "clusters.py")
R = _load("benchmarks_readers", BENCH / "_readers.py")


# ---------------------------------------------------------------- the gold files


def test_stories_parse_and_have_the_promised_shape() -> None:
    """At least six stories, 3-5 outlets each, 4-10 sentences per article, every list non-empty."""
    stories = B.load_stories(STORIES)
    assert len(stories) >= 6
    for s in stories:
        assert 3 <= len(s.articles) <= 5, s.name
        assert len({a["source"] for a in s.articles}) == len(s.articles), s.name
        for a in s.articles:
            assert 4 <= len(R.split_sentences(a["text"], min_words=1)) <= 10, (s.name, a["id"])
            assert set(a) >= {"id", "source", "title", "published", "url", "text"}
        kinds = {p.kind for p in B.gold_pairs(s)}
        assert kinds == {"paraphrase", "different", "compatible", "contradiction"}, s.name


@pytest.mark.parametrize("folder", STORY_FOLDERS, ids=[f.name for f in STORY_FOLDERS])
def test_every_gold_quote_occurs_exactly_once_in_its_article(folder: Path) -> None:
    paths = sorted(folder.glob("*.gold.json"))
    assert paths, folder
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        texts = {}
        for line in (folder / gold["articles"]).read_text(encoding="utf-8").splitlines():
            art = json.loads(line)
            texts[art["id"]] = art["text"]
        items = [m for f in gold["same_fact"] for m in f["mentions"]]
        items += [p[k] for key in ("compatible", "contradictions") for p in gold[key] for k in ("a", "b")]
        assert items, path
        for it in items:
            assert texts[it["article"]].count(it["quote"]) == 1, (path.name, it)


@pytest.mark.parametrize("folder", STORY_FOLDERS, ids=[f.name for f in STORY_FOLDERS])
def test_same_fact_groups_span_outlets_and_do_not_share_mentions(folder: Path) -> None:
    """A fact group crosses articles; no mention is listed in two groups (groups are distinct facts)."""
    for s in B.load_stories(folder):
        seen: set[tuple[str, str]] = set()
        for fact in s.gold["same_fact"]:
            arts = [m["article"] for m in fact["mentions"]]
            assert len(set(arts)) >= 2, (s.name, fact["fact"])
            for m in fact["mentions"]:
                key = (m["article"], m["quote"])
                assert key not in seen, (s.name, key)
                seen.add(key)


def _write_story(folder: Path, quote: str) -> Path:
    arts = [{"id": "a", "source": "A", "text": "Rain fell. Rain fell again."},
            {"id": "b", "source": "B", "text": "It rained."}]
    (folder / "x.jsonl").write_text("\n".join(json.dumps(a) for a in arts) + "\n", encoding="utf-8")
    gold = {"event": "t", "articles": "x.jsonl",
            "same_fact": [{"fact": "rain", "mentions": [{"article": "a", "quote": quote},
                                                        {"article": "b", "quote": "It rained"}]}],
            "compatible": [], "contradictions": []}
    path = folder / "x.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


@pytest.mark.parametrize("quote", ["Rain fell", "Snow fell"])
def test_load_story_rejects_quotes_not_found_exactly_once(tmp_path: Path, quote: str) -> None:
    with pytest.raises(ValueError, match="occurs (2|0) times"):
        B.load_story(_write_story(tmp_path, quote))


def test_load_story_accepts_a_unique_quote(tmp_path: Path) -> None:
    story = B.load_story(_write_story(tmp_path, "fell again"))
    assert [p.kind for p in B.gold_pairs(story)] == ["paraphrase"]


# ---------------------------------------------------------------- mapping and scoring


TEXT = "Officials said 40 people died. The bridge fell."
CLAIMS: list[dict[str, Any]] = [
    {"id": "c0", "article": "a", "start": 0, "end": 30},    # whole first sentence
    {"id": "c1", "article": "a", "start": 15, "end": 29},   # "40 people died"
    {"id": "c2", "article": "a", "start": 31, "end": 47},   # "The bridge fell."
    {"id": "z", "article": "other", "start": 0, "end": 47},
]


def test_map_item_prefers_the_shortest_containing_claim() -> None:
    assert B.map_item(B.Item("a", "40 people"), TEXT, CLAIMS) == "c1"
    assert B.map_item(B.Item("a", "Officials said"), TEXT, CLAIMS) == "c0"


def test_map_item_falls_back_to_the_largest_overlap_then_none() -> None:
    # "died. The bridge" overlaps c0 by 5 chars, c1 by 4 and c2 by 10.
    assert B.map_item(B.Item("a", "died. The bridge"), TEXT, CLAIMS) == "c2"
    assert B.map_item(B.Item("a", "The bridge"), TEXT, CLAIMS[:2]) is None


def _pairs() -> tuple[list[Any], dict[Any, str | None]]:
    a1, b1, c1 = B.Item("a", "p1"), B.Item("b", "p2"), B.Item("c", "p3")
    a2, b2 = B.Item("a", "n1"), B.Item("b", "n2")
    pairs = [B.GoldPair(a1, b1, "paraphrase"), B.GoldPair(a1, c1, "paraphrase"), B.GoldPair(b1, c1, "paraphrase"),
             B.GoldPair(a2, b2, "contradiction"), B.GoldPair(a1, b2, "compatible"), B.GoldPair(c1, a2, "different")]
    claim = {a1: "A1", b1: "B1", c1: "C1", a2: "A2", b2: "B2"}
    return pairs, claim


def test_score_pairs_perfect_clusters() -> None:
    pairs, claim = _pairs()
    clusters = {"A1": "k", "B1": "k", "C1": "k", "A2": "m", "B2": "n"}
    s = B.score_pairs(pairs, claim, clusters)
    assert (s.recall, s.precision, s.f1, s.merge_rate) == (1.0, 1.0, 1.0, 0.0)
    assert s.total == {"paraphrase": 3, "compatible": 1, "contradiction": 1, "different": 1}


def test_score_pairs_merging_negatives_lowers_precision() -> None:
    """One big cluster: recall 1, but the contradiction, the compatible and the different-fact pairs are merged."""
    pairs, claim = _pairs()
    clusters = dict.fromkeys(["A1", "B1", "C1", "A2", "B2"], "k")
    s = B.score_pairs(pairs, claim, clusters)
    assert s.recall == 1.0
    assert s.precision == pytest.approx(3 / 6)
    assert s.precision < 1.0
    assert s.merge_rate == 1.0
    assert s.f1 == pytest.approx(2 * 0.5 / 1.5)
    assert sorted(p.kind for p, _a, _b in s.merged) == ["compatible", "contradiction", "different"]


def test_score_pairs_partial_recall_unmapped_and_same_claim() -> None:
    pairs, claim = _pairs()
    claim[B.Item("c", "p3")] = None            # C1 unmapped: two paraphrase pairs and one different pair
    claim[B.Item("b", "n2")] = "A2"            # contradiction pair lands on one claim
    clusters = {"A1": "k", "B1": "k", "A2": "m"}
    s = B.score_pairs(pairs, claim, clusters)
    assert s.unmapped == 3
    assert s.same_claim == 1
    assert s.total["paraphrase"] == 3 and s.together["paraphrase"] == 1
    assert s.recall == pytest.approx(1 / 3)
    assert s.total["contradiction"] == 0
    assert len(s.split) == 2


def test_score_pairs_counts_a_claim_pair_once_and_flags_conflicts() -> None:
    x, y, z = B.Item("a", "1"), B.Item("b", "2"), B.Item("b", "3")
    pairs = [B.GoldPair(x, y, "paraphrase"), B.GoldPair(x, z, "contradiction")]
    s = B.score_pairs(pairs, {x: "X", y: "Y", z: "Y"}, {"X": "k", "Y": "k"})
    assert s.conflicting == 1 and sum(s.total.values()) == 0
    pairs = [B.GoldPair(x, y, "different"), B.GoldPair(x, z, "compatible")]
    s = B.score_pairs(pairs, {x: "X", y: "Y", z: "Y"}, {"X": "k", "Y": "k"})
    assert s.total["compatible"] == 1 and s.total["different"] == 0


def test_cluster_of_and_signature() -> None:
    rep = {"claims": [{"id": "p", "article": "a", "start": 0, "end": 3},
                      {"id": "q", "article": "b", "start": 4, "end": 9},
                      {"id": "r", "article": "b", "start": 0, "end": 3}],
           "clusters": [{"id": "k1", "claims": ["p", "q"]}]}
    assert B.cluster_of(rep) == {"p": "k1", "q": "k1", "r": "own:r"}
    flipped = {"claims": list(reversed(rep["claims"])), "clusters": [{"id": "k1", "claims": ["q", "p"]}]}
    assert B.cluster_signature(rep) == B.cluster_signature(flipped)
    renamed = {**flipped, "clusters": [{"id": "k2", "claims": ["q", "p"]}]}
    assert B.cluster_signature(rep) == B.cluster_signature(renamed)
    assert B.cluster_signature(rep, with_ids=True) != B.cluster_signature(renamed, with_ids=True)


def test_spearman_matches_scipy_with_ties() -> None:
    stats = pytest.importorskip("scipy.stats")
    rng = random.Random(7)
    x = [rng.choice([0.0, 0.5, 1.0, 1.5, 2.0]) for _ in range(200)]
    y = [v + rng.gauss(0, 1) for v in x]
    assert B.spearman(x, y) == pytest.approx(float(stats.spearmanr(x, y)[0]), abs=1e-12)
    assert B.spearman([1, 1, 1], [1, 2, 3]) != B.spearman([1, 1, 1], [1, 2, 3])  # nan for a constant side


def test_best_threshold_maximises_accuracy() -> None:
    scores = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
    t, acc = B.best_threshold(scores, [False, True, False, False, True, True, True])
    assert (t, acc) == (pytest.approx(0.45), pytest.approx(6 / 7))
    # two thresholds tie at 4/5: the lower one wins
    t, acc = B.best_threshold([0.2, 0.3, 0.35, 0.8, 0.9], [False, True, False, True, True])
    assert (t, acc) == (pytest.approx(0.25), pytest.approx(0.8))


def test_read_sts_skips_unscored_rows(tmp_path: Path) -> None:
    p = tmp_path / "h.tsv"
    p.write_text("3.2\tA cat sat.\tA cat sits.\n\tno score\there\n0\tx\ty\n", encoding="utf-8")
    assert B.read_sts(p) == [("A cat sat.", "A cat sits.", 3.2), ("x", "y", 0.0)]
    p.write_text("3.2\tonly two\n", encoding="utf-8")
    with pytest.raises(ValueError, match="3 tab-separated"):
        B.read_sts(p)


# ---------------------------------------------------------------- plumbing, cheap encoder


def test_run_story_with_hashing_encoder() -> None:
    """Part c end to end on one story: every gold pair is accounted for, the order check runs."""
    story = B.load_stories(STORIES, ["flood"])[0]
    res = B.run_story(story, encoder=claimcheck.HashingEncoder())
    s = res.scores
    pairs = B.gold_pairs(story)
    n_para = sum(1 for p in pairs if p.kind == "paraphrase")
    assert res.claims > 0 and res.clusters > 0
    assert 0 < s.total["paraphrase"] <= n_para
    assert sum(s.total.values()) + s.same_claim + s.conflicting <= len(pairs)
    assert 0.0 <= s.recall <= 1.0 and 0.0 <= s.merge_rate <= 1.0
    assert s.together["paraphrase"] + len(s.split) == s.total["paraphrase"]
    assert res.same_clusters_reversed  # the pipeline promises order-independent clusters
    assert all(cid in res.texts for _p, a, b in s.split for cid in (a, b) if cid is not None)


def test_main_skips_missing_data_and_runs_clusters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = B.main(["--data", "msrp", "sts", "clusters", "--data-dir", str(tmp_path / "nowhere"),
                 "--encoder", "hashing", "--story", "merger", "--show-errors", "2"])
    out = capsys.readouterr().out
    assert rc == 0
    assert "not found: skipping msrp, sts" in out
    assert "| merger |" in out and "| **all** |" in out
