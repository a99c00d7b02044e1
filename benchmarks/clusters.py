"""Paraphrase benchmarks: MSRP test, the STS headlines sets, and cluster precision/recall on hand-made stories.

    python benchmarks/clusters.py                       # all three parts
    python benchmarks/clusters.py --data msrp sts       # some of them
    python benchmarks/clusters.py --data clusters --show-errors 20
    python benchmarks/clusters.py --limit 200           # first N pairs of each pair set (smoke run)
    python benchmarks/clusters.py --encoder hashing     # fast fake encoder, for plumbing checks only

Parts (``--data``):

``msrp``
    MSRP ``msr-para-test.tsv``: a pair is a predicted paraphrase when
    ``claimcheck.compare(a, b).label == "entailment"`` (judged in batches with
    :func:`claimcheck.compare_many`; the first ``--check-compare`` pairs are
    also judged one by one with :func:`claimcheck.compare` and any label that
    differs is reported).  Printed next to a reference line: bare cosine of
    the same encoder (all-MiniLM-L6-v2) with the accuracy-maximising threshold
    tuned on ``msr-para-train.tsv`` only, then applied to the test split.
    MSRP test is never used to tune anything.

``sts``
    SemEval STS headlines 2013-2016 (``semeval-sts-news/<year>/headlines.test.tsv``,
    unscored rows dropped): Spearman correlation with the gold similarity of
    two claimcheck pair scores, per year and pooled:

    * ``similarity``: ``Judgement.similarity`` from ``compare_many``, the
      embedding cosine the judge was given (falls back to ``score`` if a judge
      leaves it empty);
    * ``entail+sim``: ``similarity + 1`` when the label is ``entailment``, else
      ``similarity`` (does the entailment verdict add ranking signal?).

    Baseline lines: bare cosine of the encoder on the raw sentences, and the
    same bare cosine on STS-B ``sts-test.csv`` (the published anchor for
    all-MiniLM-L6-v2 is Spearman 0.82 there).

``clusters``
    The hand-made stories in ``examples/clusters/`` (format in its README):
    each story is run through :func:`claimcheck.check` and scored from
    ``report.to_dict()["clusters"]``: the share of gold paraphrase pairs that
    share a cluster (recall; target >= 0.60), the share of gold compatible or
    contradicting pairs merged into one cluster (target <= 0.05), pairwise
    precision (paraphrase pairs together / all labelled pairs together, where
    pairs of mentions from two different gold facts are negatives too) and F1,
    and whether reversing the article order gives the same clusters (and the
    same cluster ids).

``../shared/data`` (or ``--data-dir``) is only needed for ``msrp`` and
``sts``; when it is missing those parts are skipped with a message and the
script exits 0.
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import itertools
import json
import platform
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _machine  # noqa: E402
import _readers as R  # noqa: E402
from _readers import rank, spearman  # noqa: E402,F401 (rank, spearman: used by tests too)

import claimcheck  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
STORIES = ROOT / "examples" / "clusters"
STS_YEARS = ("2013", "2014", "2015", "2016")
CHUNK = 256
PARTS = ("msrp", "sts", "clusters")
RECALL_TARGET = 0.60
MERGE_TARGET = 0.05

# Anchors quoted from issue #8 (published figures for bare all-MiniLM-L6-v2).
ANCHOR_MSRP = "bare all-MiniLM-L6-v2 cosine, threshold tuned on MSRP train: test acc 0.710 / F1 0.791"
ANCHOR_STSB = "all-MiniLM-L6-v2 scores STS-B test Spearman 0.82"


# ---------------------------------------------------------------- gold: items, pairs, mapping


@dataclass(frozen=True, slots=True)
class Item:
    """One gold mention: a quote that occurs exactly once in one article's text."""

    article: str
    quote: str


@dataclass(frozen=True, slots=True)
class GoldPair:
    """Two gold items and how they relate.

    ``kind`` is ``paraphrase`` (same fact), ``compatible`` (same topic, not
    the same fact), ``contradiction`` or ``different`` (mentions of two
    different gold facts).
    """

    a: Item
    b: Item
    kind: str
    note: str = ""


NEGATIVE_KINDS = ("compatible", "contradiction", "different")
PAIR_KINDS = ("paraphrase", *NEGATIVE_KINDS)


@dataclass
class Story:
    """One hand-made story: its articles (dicts as in the JSONL) and its gold file."""

    name: str
    articles: list[dict[str, Any]]
    gold: dict[str, Any]

    @property
    def texts(self) -> dict[str, str]:
        return {a["id"]: a["text"] for a in self.articles}


def _item(obj: Any, where: str) -> Item:
    if not isinstance(obj, Mapping) or not isinstance(obj.get("article"), str) or not isinstance(obj.get("quote"), str):
        raise ValueError(f"{where}: expected {{'article': str, 'quote': str}}, got {obj!r}")
    return Item(obj["article"], obj["quote"])


def load_story(gold_path: str | Path) -> Story:
    """Read ``<story>.gold.json`` and the JSONL file it names; check every quote.

    Raises ``ValueError`` when a quote is not found exactly once in its
    article, when an article id is unknown, or when a fact group has fewer
    than two mentions.
    """
    gold_path = Path(gold_path)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    arts_path = gold_path.parent / gold["articles"]
    articles = [json.loads(line) for line in arts_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    story = Story(gold_path.name.removesuffix(".gold.json"), articles, gold)
    texts = story.texts
    if len(texts) != len(articles):
        raise ValueError(f"{arts_path}: duplicate article ids")
    for pair in gold_pairs(story):
        for it in (pair.a, pair.b):
            if it.article not in texts:
                raise ValueError(f"{gold_path}: unknown article {it.article!r}")
            n = texts[it.article].count(it.quote)
            if n != 1:
                raise ValueError(f"{gold_path}: quote {it.quote!r} occurs {n} times in {it.article}")
    return story


def load_stories(folder: str | Path = STORIES, names: Iterable[str] | None = None) -> list[Story]:
    """All ``*.gold.json`` stories of ``folder`` in name order (or only ``names``)."""
    paths = sorted(Path(folder).glob("*.gold.json"))
    if names is not None:
        wanted = set(names)
        paths = [p for p in paths if p.name.removesuffix(".gold.json") in wanted]
    return [load_story(p) for p in paths]


def gold_pairs(story: Story) -> list[GoldPair]:
    """Every labelled pair of a story: paraphrase pairs within each fact group,
    different-fact pairs across groups, and the listed compatible and
    contradicting pairs."""
    g = story.gold
    groups = []
    for k, fact in enumerate(g.get("same_fact", [])):
        mentions = [_item(m, f"same_fact[{k}]") for m in fact["mentions"]]
        if len(mentions) < 2:
            raise ValueError(f"{story.name}: same_fact[{k}] needs at least two mentions")
        groups.append((str(fact.get("fact", k)), mentions))
    out = []
    for name, mentions in groups:
        out.extend(GoldPair(a, b, "paraphrase", name) for a, b in itertools.combinations(mentions, 2))
    for (na, ma), (nb, mb) in itertools.combinations(groups, 2):
        out.extend(GoldPair(a, b, "different", f"{na} / {nb}") for a in ma for b in mb)
    for key, kind in (("compatible", "compatible"), ("contradictions", "contradiction")):
        for k, p in enumerate(g.get(key, [])):
            out.append(GoldPair(_item(p["a"], f"{key}[{k}].a"), _item(p["b"], f"{key}[{k}].b"), kind,
                                str(p.get("why", ""))))
    return out


def map_item(item: Item, text: str, claims: Sequence[Mapping[str, Any]]) -> str | None:
    """The id of the claim that ``item`` belongs to, or ``None`` (rules in examples/clusters/README.md).

    ``claims`` are claim dicts (``id``, ``article``, ``start``, ``end``) as in
    ``Report.to_dict()["claims"]``.  The shortest claim whose span contains
    the whole quote wins; else the one overlapping it most; ties go to the
    earliest start.

    >>> cs = [{"id": "x", "article": "a", "start": 0, "end": 11}, {"id": "y", "article": "a", "start": 6, "end": 11}]
    >>> map_item(Item("a", "world"), "hello world, hello moon", cs)
    'y'
    >>> map_item(Item("a", "moon"), "hello world, hello moon", cs) is None
    True
    """
    start = text.index(item.quote)
    return claim_at(item.article, start, start + len(item.quote), claims)


def claim_at(article: str, start: int, end: int, claims: Sequence[Mapping[str, Any]]) -> str | None:
    """The id of the claim of ``article`` that the span ``[start, end)`` maps to (see :func:`map_item`).

    >>> claim_at("a", 6, 11, [{"id": "x", "article": "a", "start": 0, "end": 11}])
    'x'
    """
    mine = [c for c in claims if c["article"] == article]
    inside = [c for c in mine if c["start"] <= start and end <= c["end"]]
    if inside:
        return str(min(inside, key=lambda c: (c["end"] - c["start"], c["start"]))["id"])
    overlap = [(min(end, c["end"]) - max(start, c["start"]), c) for c in mine]
    overlap = [(o, c) for o, c in overlap if o > 0]
    if not overlap:
        return None
    return str(min(overlap, key=lambda oc: (-oc[0], oc[1]["start"]))[1]["id"])


def cluster_of(report: Mapping[str, Any]) -> dict[str, str]:
    """Claim id -> cluster id from a report dict; claims in no cluster are their own cluster."""
    out = {cid: cl["id"] for cl in report["clusters"] for cid in cl["claims"]}
    for c in report["claims"]:
        out.setdefault(c["id"], "own:" + c["id"])
    return out


# ---------------------------------------------------------------- scoring


@dataclass
class PairScores:
    """Tallies of gold pairs against clusters (see :func:`score_pairs`)."""

    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PAIR_KINDS, 0))
    together: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PAIR_KINDS, 0))
    same_claim: int = 0
    conflicting: int = 0
    unmapped: int = 0
    split: list[tuple[GoldPair, str | None, str | None]] = field(default_factory=list)
    merged: list[tuple[GoldPair, str | None, str | None]] = field(default_factory=list)

    def add(self, other: PairScores) -> None:
        for k in PAIR_KINDS:
            self.total[k] += other.total[k]
            self.together[k] += other.together[k]
        self.same_claim += other.same_claim
        self.conflicting += other.conflicting
        self.unmapped += other.unmapped
        self.split.extend(other.split)
        self.merged.extend(other.merged)

    @property
    def recall(self) -> float:
        """Gold paraphrase pairs in one cluster / gold paraphrase pairs."""
        return _ratio(self.together["paraphrase"], self.total["paraphrase"])

    @property
    def precision(self) -> float:
        """Paraphrase pairs together / all labelled pairs together (1.0 when nothing labelled is together)."""
        wrong = sum(self.together[k] for k in NEGATIVE_KINDS)
        right = self.together["paraphrase"]
        return right / (right + wrong) if right + wrong else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def merge_rate(self) -> float:
        """Gold compatible or contradicting pairs in one cluster / all such pairs."""
        n = self.total["compatible"] + self.total["contradiction"]
        return _ratio(self.together["compatible"] + self.together["contradiction"], n)

    def rate(self, kind: str) -> float:
        return _ratio(self.together[kind], self.total[kind])


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def score_pairs(pairs: Sequence[GoldPair], item_claim: Mapping[Item, str | None],
                claim_cluster: Mapping[str, str]) -> PairScores:
    """Count how many gold pairs of each kind end up in one cluster.

    Pairs are counted once per claim pair: if two gold pairs land on the same
    two claims, the first kind in the order contradiction, compatible,
    paraphrase, different is kept; a claim pair that is gold-positive and
    gold-negative at once is counted as ``conflicting`` and left out.  A pair
    whose items map to the same claim is ``same_claim`` and left out.  A pair
    with an unmapped item counts in the total but never as together.

    >>> a, b, c = Item("x", "p"), Item("y", "q"), Item("y", "r")
    >>> s = score_pairs([GoldPair(a, b, "paraphrase"), GoldPair(a, c, "compatible")],
    ...                 {a: "1", b: "2", c: "3"}, {"1": "k", "2": "k", "3": "k"})
    >>> s.recall, s.precision, s.merge_rate
    (1.0, 0.5, 1.0)
    """
    priority = {"contradiction": 0, "compatible": 1, "paraphrase": 2, "different": 3}
    out = PairScores()
    by_claims: dict[frozenset[str], list[GoldPair]] = {}
    for p in pairs:
        if p.kind not in priority:
            raise ValueError(f"unknown pair kind {p.kind!r}")
        ca, cb = item_claim.get(p.a), item_claim.get(p.b)
        if ca is None or cb is None:
            out.unmapped += 1
            out.total[p.kind] += 1
            if p.kind == "paraphrase":
                out.split.append((p, ca, cb))
            continue
        if ca == cb:
            out.same_claim += 1
            continue
        by_claims.setdefault(frozenset((ca, cb)), []).append(p)
    for group in by_claims.values():
        kinds = {p.kind for p in group}
        if "paraphrase" in kinds and kinds & {"compatible", "contradiction"}:
            out.conflicting += 1
            continue
        p = min(group, key=lambda q: priority[q.kind])
        ca, cb = item_claim[p.a], item_claim[p.b]
        assert ca is not None and cb is not None
        together = claim_cluster[ca] == claim_cluster[cb]
        out.total[p.kind] += 1
        out.together[p.kind] += together
        if p.kind == "paraphrase" and not together:
            out.split.append((p, ca, cb))
        elif p.kind != "paraphrase" and together:
            out.merged.append((p, ca, cb))
    return out


def cluster_signature(report: Mapping[str, Any], *, with_ids: bool = False) -> frozenset[Any]:
    """The clusters of a report dict as a set of sets of claim spans ``(article, start, end)``.

    With ``with_ids`` each member set is paired with its cluster id.
    """
    span = {c["id"]: (c["article"], c["start"], c["end"]) for c in report["claims"]}
    sig = []
    for cl in report["clusters"]:
        members = frozenset(span[cid] for cid in cl["claims"])
        sig.append((cl["id"], members) if with_ids else members)
    return frozenset(sig)


@dataclass
class StoryResult:
    """What :func:`run_story` measured on one story."""

    story: str
    claims: int
    clusters: int
    multi: int
    scores: PairScores
    same_clusters_reversed: bool
    same_ids_reversed: bool
    seconds: float
    texts: dict[str, str]
    #: the judge's verdict on each judged claim pair, for --show-errors
    verdicts: dict[frozenset[str], str] = field(default_factory=dict)
    #: why each gold quote that maps to no claim has none (:func:`why_unmapped`)
    unmapped_why: Counter[str] = field(default_factory=Counter)


def why_unmapped(item: Item, text: str, skipped: Sequence[Mapping[str, Any]]) -> str:
    """Why a gold quote maps to no claim: the reason of a skip of the
    report that overlaps it ("too short to be a claim", furniture ...), or
    "no claim, nothing skipped" when the text there was neither.  The
    reasons are the pipeline's own words, so a sealed set's output names no
    text of it.

    >>> skips = [{"article": "a", "what": "sentence", "reason": "too short to be a claim", "start": 0, "end": 5}]
    >>> why_unmapped(Item("a", "Yes."), "Yes. It rained.", skips)
    'too short to be a claim'
    >>> why_unmapped(Item("a", "rained"), "Yes. It rained.", skips)
    'no claim, nothing skipped'
    """
    start = text.index(item.quote)
    end = start + len(item.quote)
    for sk in skipped:
        if sk.get("article") != item.article:
            continue
        s, e = sk.get("start"), sk.get("end")
        if s is None or e is None or (s < end and start < e):
            return str(sk.get("reason", "skipped"))
    return "no claim, nothing skipped"


def run_story(story: Story, **options: Any) -> StoryResult:
    """Check one story (``options`` go to :func:`claimcheck.check`), score its clusters, and rerun it reversed."""
    t0 = time.perf_counter()
    full = claimcheck.check(story.articles, **options)
    report = full.to_dict()
    seconds = time.perf_counter() - t0
    backwards = claimcheck.check(list(reversed(story.articles)), **options).to_dict()
    texts = story.texts
    pairs = gold_pairs(story)
    items = {it for p in pairs for it in (p.a, p.b)}
    item_claim = {it: map_item(it, texts[it.article], report["claims"]) for it in items}
    scores = score_pairs(pairs, item_claim, cluster_of(report))
    unmapped_why = Counter(why_unmapped(it, texts[it.article], report["skipped"])
                           for it, cid in item_claim.items() if cid is None)
    return StoryResult(
        story=story.name,
        claims=len(report["claims"]),
        clusters=len(report["clusters"]),
        multi=sum(1 for cl in report["clusters"] if len(cl["claims"]) > 1),
        scores=scores,
        same_clusters_reversed=cluster_signature(report) == cluster_signature(backwards),
        same_ids_reversed=cluster_signature(report, with_ids=True) == cluster_signature(backwards, with_ids=True),
        seconds=seconds,
        texts={c["id"]: c["text"] for c in report["claims"]},
        verdicts={frozenset((j.a, j.b)): f"{j.label}/{j.kind}: {j.reason}" for j in full.judgements},
        unmapped_why=unmapped_why,
    )


# ---------------------------------------------------------------- small statistics




def best_threshold(scores: Sequence[float], gold: Sequence[bool]) -> tuple[float, float]:
    """The threshold t maximising accuracy of ``score >= t`` on (scores, gold), and that accuracy.

    Candidates are midpoints between consecutive distinct scores (plus both
    ends); the lowest best threshold wins.

    >>> best_threshold([0.1, 0.4, 0.6, 0.9], [False, False, True, True])
    (0.5, 1.0)
    """
    s = np.asarray(scores, dtype=np.float64)
    g = np.asarray(gold, dtype=bool)
    u = np.unique(s)
    cands = np.concatenate([[u[0] - 1e-9], (u[:-1] + u[1:]) / 2, [u[-1] + 1e-9]])
    best_t, best_acc = float(cands[0]), -1.0
    for t in cands:
        acc = float(((s >= t) == g).mean())
        if acc > best_acc + 1e-12:
            best_t, best_acc = float(t), acc
    return best_t, best_acc


# ---------------------------------------------------------------- parts


def _encoder(kind: str) -> claimcheck.Encoder:
    if kind == "hashing":
        return claimcheck.HashingEncoder()
    enc = claimcheck.SentenceTransformerEncoder()
    enc.encode(["warm up"])  # load the model outside the timed runs
    return enc


def cosines(pairs: Sequence[tuple[str, str]], encoder: claimcheck.Encoder) -> list[float]:
    """Bare cosine of the encoder's (normalised) embeddings for each pair."""
    if not pairs:
        return []
    ea = encoder.encode([a for a, _ in pairs])
    eb = encoder.encode([b for _, b in pairs])
    return [float(x) for x in (ea * eb).sum(axis=1)]


def judge_all(pairs: Sequence[tuple[str, str]], encoder: claimcheck.Encoder, name: str) -> list[claimcheck.Judgement]:
    """``compare_many`` in chunks, with progress on stderr."""
    out: list[claimcheck.Judgement] = []
    t0 = time.perf_counter()
    for start in range(0, len(pairs), CHUNK):
        chunk = list(pairs[start:start + CHUNK])
        out.extend(claimcheck.compare_many(chunk, encoder=encoder))
        print(f"  [{name}] {start + len(chunk)}/{len(pairs)} pairs, {time.perf_counter() - t0:.0f}s",
              file=sys.stderr, flush=True)
    return out


def _prf(gold: Sequence[bool], pred: Sequence[bool]) -> tuple[float, float, float, float]:
    tp = sum(1 for g, p in zip(gold, pred) if g and p)
    p = _ratio(tp, sum(pred))
    r = _ratio(tp, sum(gold))
    f = 2 * p * r / (p + r) if p + r else 0.0
    acc = _ratio(sum(1 for g, q in zip(gold, pred) if g == q), len(gold))
    return p, r, f, acc


def part_msrp(data: Path, limit: int | None, encoder: claimcheck.Encoder, check_compare: int) -> None:
    print("\n## MSRP test: paraphrase = compare(a, b).label == 'entailment'\n")
    test = R.read_msrp(data / "msrp" / "msr-para-test.tsv", limit=limit)
    train = R.read_msrp(data / "msrp" / "msr-para-train.tsv", limit=limit)
    pairs = [(p.a, p.b) for p in test]
    gold = [p.label == "paraphrase" for p in test]
    t0 = time.perf_counter()
    judgements = judge_all(pairs, encoder, "msrp test")
    judge_s = time.perf_counter() - t0
    pred = [j.label == "entailment" for j in judgements]
    n_check = min(check_compare, len(pairs))
    mismatches = sum(1 for k in range(n_check)
                     if claimcheck.compare(*pairs[k], encoder=encoder).label != judgements[k].label)
    # Reference: bare cosine, threshold tuned on MSRP train only.
    train_cos = cosines([(p.a, p.b) for p in train], encoder)
    t, train_acc = best_threshold(train_cos, [p.label == "paraphrase" for p in train])
    test_cos = cosines(pairs, encoder)
    base = [c >= t for c in test_cos]
    print("| method | precision | recall | F1 | accuracy | n |")
    print("|---|---:|---:|---:|---:|---:|")
    p, r, f, a = _prf(gold, pred)
    print(f"| claimcheck.compare label == entailment | {p:.3f} | {r:.3f} | {f:.3f} | {a:.3f} | {len(gold)} |")
    p, r, f, a = _prf(gold, base)
    print(f"| reference: bare {encoder.name} cosine >= {t:.3f} (threshold tuned on MSRP train, "
          f"train acc {train_acc:.3f}) | {p:.3f} | {r:.3f} | {f:.3f} | {a:.3f} | {len(gold)} |")
    print(f"| anchor (issue #8): {ANCHOR_MSRP} | | | 0.791 | 0.710 | 1725 |")
    labels = {lab: sum(1 for j in judgements if j.label == lab) for lab in claimcheck.LABELS}
    print(f"\nclaimcheck labels on MSRP test: {labels}; judging {len(pairs) / judge_s:.1f} pairs/s")
    print(f"compare() vs compare_many(): {mismatches} different labels on the first {n_check} pairs")


def read_sts(path: Path, limit: int | None = None) -> list[tuple[str, str, float]]:
    """Scored rows of a SemEval STS TSV (``score \\t s1 \\t s2``, no header; empty score = unscored)."""
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for k, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            if len(row) < 3:
                raise ValueError(f"{path}:{k}: expected 3 tab-separated fields, got {len(row)}")
            if not row[0].strip():
                continue
            out.append((row[1], row[2], float(row[0])))
            if limit is not None and len(out) >= limit:
                break
    return out


def read_stsb(path: Path, limit: int | None = None) -> list[tuple[str, str, float]]:
    """STS-B CSV rows (tab-separated; score in column 5, sentences in 6 and 7)."""
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for k, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            if len(row) < 7:
                raise ValueError(f"{path}:{k}: expected at least 7 tab-separated fields, got {len(row)}")
            out.append((row[5], row[6], float(row[4])))
            if limit is not None and len(out) >= limit:
                break
    return out


def _pair_score(j: claimcheck.Judgement) -> float:
    return float(j.similarity) if j.similarity is not None else float(j.score)


def part_sts(data: Path, limit: int | None, encoder: claimcheck.Encoder) -> None:
    print("\n## STS headlines: Spearman with the gold similarity\n")
    print("similarity = Judgement.similarity from compare_many (the embedding cosine the judge saw); "
          "entail+sim = similarity + 1 when the label is entailment\n")
    print("| set | n | claimcheck similarity | claimcheck entail+sim | bare cosine | entailment share |")
    print("|---|---:|---:|---:|---:|---:|")
    pooled: dict[str, list[float]] = {"gold": [], "sim": [], "ent": [], "cos": []}
    for year in STS_YEARS:
        path = data / "semeval-sts-news" / year / "headlines.test.tsv"
        if not path.is_file():
            print(f"| headlines {year} | missing | | | | |")
            continue
        rows = read_sts(path, limit)
        pairs = [(a, b) for a, b, _ in rows]
        gold = [g for _, _, g in rows]
        js = judge_all(pairs, encoder, f"sts {year}")
        sim = [_pair_score(j) for j in js]
        ent = [s + (1.0 if j.label == "entailment" else 0.0) for s, j in zip(sim, js)]
        cos = cosines(pairs, encoder)
        share = _ratio(sum(1 for j in js if j.label == "entailment"), len(js))
        print(f"| headlines {year} | {len(rows)} | {spearman(sim, gold):.3f} | {spearman(ent, gold):.3f} | "
              f"{spearman(cos, gold):.3f} | {share:.3f} |")
        for key, vals in (("gold", gold), ("sim", sim), ("ent", ent), ("cos", cos)):
            pooled[key].extend(vals)
    if pooled["gold"]:
        g = pooled["gold"]
        print(f"| headlines pooled | {len(g)} | {spearman(pooled['sim'], g):.3f} | {spearman(pooled['ent'], g):.3f} | "
              f"{spearman(pooled['cos'], g):.3f} | |")
    stsb = data / "stsb" / "sts-test.csv"
    if stsb.is_file():
        rows = read_stsb(stsb, limit)
        cos = cosines([(a, b) for a, b, _ in rows], encoder)
        print(f"| reference: STS-B test, bare {encoder.name} cosine | {len(rows)} | | | "
              f"{spearman(cos, [g for _, _, g in rows]):.3f} | |")
    print(f"| anchor (issue #8): {ANCHOR_STSB} | 1379 | | | 0.82 | |")


def _show(pair: GoldPair, ca: str | None, cb: str | None, texts: Mapping[str, str],
          verdicts: Mapping[frozenset[str], str]) -> str:
    def one(it: Item, cid: str | None) -> str:
        claim = texts.get(cid, "(no claim)") if cid else "(unmapped)"
        return f"{it.article}: {claim}"
    judged = verdicts.get(frozenset((ca, cb))) if ca and cb else None
    why = judged or ("one claim" if ca == cb and ca else "not a candidate pair (never judged)")
    return f"[{pair.kind}] {pair.note}\n      A {one(pair.a, ca)}\n      B {one(pair.b, cb)}\n      judge: {why}"


def part_clusters(stories: Sequence[Story], encoder: claimcheck.Encoder, show_errors: int) -> list[StoryResult]:
    print("\n## Paraphrase clusters on the hand-made stories (examples/clusters/)\n")
    print(f"targets: paraphrase pairs together >= {RECALL_TARGET:.2f}; "
          f"compatible or contradicting pairs merged <= {MERGE_TARGET:.2f}\n")
    head = ("story", "claims", "clusters (>1)", "para pairs", "together (recall)", "compat merged",
            "contra merged", "diff-fact merged", "precision", "F1", "same claim", "unmapped",
            "reversed: same clusters / ids", "seconds")
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" if k == 0 else "---:" for k in range(len(head))) + "|")
    results = [run_story(s, encoder=encoder) for s in stories]
    total = PairScores()

    def row(name: str, claims: int | str, clusters: str, s: PairScores, rev: str, secs: str) -> None:
        print(f"| {name} | {claims} | {clusters} | {s.total['paraphrase']} | {s.recall:.3f} | "
              f"{s.together['compatible']}/{s.total['compatible']} | "
              f"{s.together['contradiction']}/{s.total['contradiction']} | "
              f"{s.together['different']}/{s.total['different']} | {s.precision:.3f} | {s.f1:.3f} | "
              f"{s.same_claim} | {s.unmapped} | {rev} | {secs} |")

    for r in results:
        total.add(r.scores)
        row(r.story, r.claims, f"{r.clusters} ({r.multi})", r.scores,
            f"{'yes' if r.same_clusters_reversed else 'NO'} / {'yes' if r.same_ids_reversed else 'NO'}",
            f"{r.seconds:.1f}")
    all_same = all(r.same_clusters_reversed for r in results)
    all_ids = all(r.same_ids_reversed for r in results)
    row("**all**", sum(r.claims for r in results), f"{sum(r.clusters for r in results)} "
        f"({sum(r.multi for r in results)})", total,
        f"{'yes' if all_same else 'NO'} / {'yes' if all_ids else 'NO'}", f"{sum(r.seconds for r in results):.1f}")
    ok_r = total.recall >= RECALL_TARGET
    ok_m = total.merge_rate <= MERGE_TARGET
    print(f"\nparaphrase pairs together: {total.together['paraphrase']}/{total.total['paraphrase']} = "
          f"{total.recall:.3f} ({'meets' if ok_r else 'below'} target {RECALL_TARGET:.2f})")
    n_neg = total.total["compatible"] + total.total["contradiction"]
    print(f"compatible or contradicting pairs merged: "
          f"{total.together['compatible'] + total.together['contradiction']}/{n_neg} = {total.merge_rate:.3f} "
          f"({'meets' if ok_m else 'misses'} target {MERGE_TARGET:.2f})")
    print(f"pairwise precision {total.precision:.3f}, recall {total.recall:.3f}, F1 {total.f1:.3f}; "
          f"conflicting claim pairs left out: {total.conflicting}")
    why: Counter[str] = Counter()
    for r in results:
        why.update(r.unmapped_why)
    if why:
        print(f"gold quotes in no claim: {sum(why.values())} ("
              + "; ".join(f"{reason}: {n}" for reason, n in sorted(why.items(), key=lambda kv: (-kv[1], kv[0])))
              + ")")
    if show_errors:
        texts: dict[str, str] = {}
        verdicts: dict[frozenset[str], str] = {}
        for r in results:
            texts.update(r.texts)
            verdicts.update(r.verdicts)
        print(f"\nparaphrase pairs split ({len(total.split)}; first {show_errors}):")
        for p, ca, cb in total.split[:show_errors]:
            print("  - " + _show(p, ca, cb, texts, verdicts))
        print(f"\nnegative pairs merged ({len(total.merged)}; first {show_errors}):")
        for p, ca, cb in total.merged[:show_errors]:
            print("  - " + _show(p, ca, cb, texts, verdicts))
    return results


# ---------------------------------------------------------------- main


def git_state() -> str:
    """``<short commit>`` of the checkout, with ``+ uncommitted claimcheck/ changes`` when the package is dirty."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "claimcheck"], cwd=ROOT, capture_output=True,
                               text=True, check=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown (no git)"
    return head + (" + uncommitted claimcheck/ changes" if dirty else "")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", nargs="+", choices=PARTS, default=list(PARTS), help="which parts to run")
    ap.add_argument("--data-dir", type=Path, default=DATA, help="the shared data folder (default ../shared/data)")
    ap.add_argument("--stories", type=Path, default=STORIES, help="folder of <story>.gold.json files")
    ap.add_argument("--story", nargs="+", default=None, help="only these stories (by name)")
    ap.add_argument("--limit", type=int, default=None, help="first N pairs of each pair set")
    ap.add_argument("--encoder", choices=("st", "hashing"), default="st",
                    help="st: the bundled all-MiniLM-L6-v2 (default); hashing: fast fake encoder")
    ap.add_argument("--check-compare", type=int, default=20,
                    help="judge the first N MSRP pairs with compare() too and count label differences")
    ap.add_argument("--show-errors", type=int, default=15, help="print up to N split and N merged pairs")
    args = ap.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        ap.error("--limit must be at least 1")

    print(f"claimcheck {claimcheck.__version__}, Python {platform.python_version()}, {platform.machine()}, "
          f"{_machine.nproc()} CPUs, load {_machine.load_average()}, "
          f"{_dt.datetime.now(_dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}")
    encoder = _encoder(args.encoder)
    print(f"encoder: {encoder.name}; code: {git_state()}")
    need_data = [p for p in args.data if p in ("msrp", "sts")]
    if need_data and not args.data_dir.is_dir():
        print(f"\n{args.data_dir} not found: skipping {', '.join(need_data)}")
        need_data = []
    t0 = time.perf_counter()
    if "msrp" in need_data:
        if (args.data_dir / "msrp" / "msr-para-test.tsv").is_file():
            part_msrp(args.data_dir, args.limit, encoder, args.check_compare)
        else:
            print(f"\n{args.data_dir / 'msrp'}: MSRP files not found, skipping")
    if "sts" in need_data:
        if (args.data_dir / "semeval-sts-news").is_dir():
            part_sts(args.data_dir, args.limit, encoder)
        else:
            print(f"\n{args.data_dir / 'semeval-sts-news'}: not found, skipping")
    if "clusters" in args.data:
        part_clusters(load_stories(args.stories, args.story), encoder, args.show_errors)
    print(f"\ntotal {time.perf_counter() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
