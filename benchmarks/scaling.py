"""How candidate search and clustering scale: 10k, 100k and 1M synthetic claims.

    python benchmarks/scaling.py                         # 10k, 100k, 1M, news-like data
    python benchmarks/scaling.py --sizes 10000 100000    # a quicker look
    python benchmarks/scaling.py --data isotropic        # the worst case: unrelated random topics
    python benchmarks/scaling.py --exact-max 100000      # also time the exact search at 100k
    python benchmarks/scaling.py --merge a.txt b.txt     # one table from earlier runs' output
    python benchmarks/scaling.py --compare-real          # synthetic vs real claim-embedding statistics

No model and no data files: the claims are synthetic embeddings (384
dimensions, the width of all-MiniLM-L6-v2) from a seeded fake encoder,
chosen with ``--data``:

* ``news`` (default, :func:`news_data`): a hierarchy like real news claims,
  each claim the normalised sum of a direction all claims share, its
  section's (16), its subject's, its story's and its own noise, all drawn
  from one anisotropic Gaussian; stories are lognormal in size (median 3
  claims, heavy tail) and 25 stories make a subject.  Story and subject
  sizes do not depend on ``n``, so a bigger corpus has more stories, not
  denser ones: neighbours >= 0.4 per claim (median 15-16) and the cosine of
  the 1st/10th/20th nearest neighbour stay the same from 4k to 1M.  Its
  parameters were chosen so that at 3,823 claims its statistics
  (:func:`embedding_stats`: mean cosine, neighbours >= 0.4, k-th neighbour
  cosines, principal-component shares) are close to those of the 3,823
  distinct claims claimcheck extracts from the first 200 FNC-1 test bodies
  (all-MiniLM-L6-v2); ``--compare-real`` prints both (the real column only
  where ``../shared/data/fnc1`` and the model are available).
* ``isotropic`` (:func:`topic_data`, the generator before ``--data``):
  ``n // 20`` topics, each a random unit vector, and each claim its topic's
  vector plus Gaussian noise, so claims on one topic have cosine about 0.55
  and all other pairs 0 +- 0.05.  No gradient between topics: the worst
  case for any approximate search, kept as such.

Each claim gets one of 200 groups (40 outlets x 5 speakers), as the
pipeline's ``(source, speaker)``.  Everything is seeded.

Each size runs in a fresh child process, so its peak memory
(``ru_maxrss``, which includes the 1.5 GB of embeddings at 1M) is its own.
In the child:

* ``candidate_pair_arrays(search="ann")`` with the pipeline defaults
  (``threshold=0.4``, ``top_k=20``), timed;
* ``connected_groups`` on those pairs as edges, with every 50th pair as a
  cannot-link (the worst case for clustering: the pipeline only passes the
  pairs judged ``entailment``), timed;
* ``claimcheck._pipeline._majority_groups`` (what the pipeline clusters
  with), timed, on verdicts from a fixed rule (:func:`synthetic_verdicts`:
  every 50th pair a contradiction, three in four same-topic (same-story
  for ``news``) pairs an entailment, the rest neutral);
* recall of the ANN pairs: for ``--recall-rows`` random rows, the exact
  top-k other-group neighbours above the threshold (``exact_neighbours``)
  and the share of those pairs that the ANN result contains;
* the exact search (``search="exact"``) on the whole input, timed, when
  the size is at most ``--exact-max`` (it is quadratic).

The time exponent is ``log(t_big / t_small) / log(n_big / n_small)`` of
search + clustering between the two largest sizes.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import math
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import load_average, nproc  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DIM = 384
CLAIMS_PER_TOPIC = 20
GROUPS = 200
NOISE = 0.045  # per-dimension sigma: within-topic cosine ~ 1 / (1 + 384 * sigma^2) ~ 0.56

# The "news" fake encoder (news_data): the shape of the hierarchy and the
# weights of the parts of a claim vector.  Chosen so that at 3,823 claims its
# statistics (embedding_stats) are close to those of the 3,823 distinct claims
# claimcheck extracts from the first 200 FNC-1 test bodies (--compare-real).
NEWS_SECTIONS = 16  # fixed, like a paper's sections
NEWS_STORIES_PER_SUBJECT = 25  # fixed: a bigger archive has more subjects, not bigger ones
NEWS_STORY_MEDIAN = 3.0  # claims per story: lognormal with this median ...
NEWS_STORY_SIGMA = 1.2  # ... and this log-sd (heavy-tailed), the same at every n
NEWS_COMMON = 0.27  # weight of the direction every claim shares (real embeddings have one)
NEWS_SECTION = 0.3
NEWS_SUBJECT = 0.4
NEWS_STORY = 0.6  # median weight of the story direction ...
NEWS_STORY_SPREAD = 0.6  # ... times exp(N(0, spread)) per claim: central and peripheral claims
NEWS_NOISE = 0.72  # norm of each claim's own Gaussian noise
NEWS_SPECTRUM = 0.5  # every random direction is drawn with variance ~ k^-0.5 along axis k of a random basis


def topic_embeddings(n: int, *, seed: int = 0, dim: int = DIM) -> tuple[np.ndarray, list[int]]:
    """Deterministic topic-clustered unit rows and a group code per row.

    >>> e, g = topic_embeddings(50, seed=1, dim=16)
    >>> e.shape, len(g), bool(np.allclose(np.linalg.norm(e, axis=1), 1, atol=1e-5))
    ((50, 16), 50, True)
    """
    emb, groups, _topics = topic_data(n, seed=seed, dim=dim)
    return emb, groups


def topic_data(n: int, *, seed: int = 0, dim: int = DIM) -> tuple[np.ndarray, list[int], np.ndarray]:
    """:func:`topic_embeddings` and each row's topic number.

    >>> e, g, t = topic_data(60, seed=1, dim=16)
    >>> t.shape, int(t.max()) < 3
    ((60,), True)
    """
    rng = np.random.default_rng(seed)
    topics = rng.standard_normal((max(1, n // CLAIMS_PER_TOPIC), dim)).astype(np.float32)
    topics /= np.linalg.norm(topics, axis=1, keepdims=True)
    topic_of = rng.integers(0, topics.shape[0], n)
    groups = rng.integers(0, GROUPS, n).tolist()
    emb = np.empty((n, dim), dtype=np.float32)
    chunk = 65536
    for lo in range(0, n, chunk):
        hi = min(n, lo + chunk)
        block = topics[topic_of[lo:hi]] + NOISE * rng.standard_normal((hi - lo, dim), dtype=np.float32)
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        emb[lo:hi] = block
    return emb, groups, topic_of


def _shape(rng: np.random.Generator, dim: int) -> np.ndarray:
    """The anisotropy of the fake encoder's space: ``z @ shape`` for standard
    normal rows ``z`` has variance ``~ k ** -NEWS_SPECTRUM`` along axis ``k``
    of a random orthonormal basis (mean variance 1 per axis)."""
    basis, _ = np.linalg.qr(rng.standard_normal((dim, dim)))
    scale = np.arange(1, dim + 1, dtype=np.float64) ** (-NEWS_SPECTRUM / 2)
    scale /= math.sqrt(float(np.mean(scale ** 2)))
    shape: np.ndarray = (scale[:, None] * basis.T).astype(np.float32)
    return shape


def _directions(rng: np.random.Generator, k: int, shape: np.ndarray) -> np.ndarray:
    v: np.ndarray = rng.standard_normal((k, shape.shape[0]), dtype=np.float32) @ shape
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    return v


def news_data(n: int, *, seed: int = 0, dim: int = DIM) -> tuple[np.ndarray, list[int], np.ndarray]:
    """Deterministic news-like unit rows, a group code per row and each row's story.

    A hierarchy with a shared direction, like real sentence embeddings of
    news claims: each claim is the L2-normalised sum of ``NEWS_COMMON`` x a
    direction all claims share, ``NEWS_SECTION`` x its section's direction
    (``NEWS_SECTIONS`` sections), ``NEWS_SUBJECT`` x its subject's, ``w`` x
    its story's, where ``w = NEWS_STORY * exp(N(0, NEWS_STORY_SPREAD))`` per
    claim (central and peripheral claims of a story), and its own Gaussian
    noise of norm about ``NEWS_NOISE``.  Every direction and the noise are
    drawn from one anisotropic Gaussian (variance ``~ k ** -NEWS_SPECTRUM``
    along axis ``k`` of a random basis), as real embeddings use some
    directions much more than others.  Story sizes are lognormal (median
    ``NEWS_STORY_MEDIAN``, log-sd ``NEWS_STORY_SIGMA``, at least 1), every
    ``NEWS_STORIES_PER_SUBJECT`` consecutive stories form a subject, each
    subject is in a random section, and the rows are shuffled.  The sizes of
    stories and subjects do not depend on ``n``, so a bigger corpus has more
    stories, not denser ones: a claim's neighbourhood looks about the same at
    10k and at 1M.  Groups are as in :func:`topic_data` (200, uniform at
    random).

    >>> e, g, story = news_data(500, seed=1, dim=32)
    >>> e.shape, e.dtype.name, len(g), bool(np.allclose(np.linalg.norm(e, axis=1), 1, atol=1e-5))
    ((500, 32), 'float32', 500, True)
    >>> e2, g2, story2 = news_data(500, seed=1, dim=32)
    >>> bool((e == e2).all()) and g == g2 and bool((story == story2).all())
    True
    >>> 500 // 20 < int(story.max()) + 1 < 500 // 4  # stories of a few to a few dozen claims
    True
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    rng = np.random.default_rng(seed)
    shape = _shape(rng, dim)
    common = _directions(rng, 1, shape)[0]
    sections = _directions(rng, NEWS_SECTIONS, shape)
    # story sizes: draw enough (each at least 1), keep those that cover n, trim the last
    draws = np.maximum(1, np.rint(NEWS_STORY_MEDIAN * np.exp(NEWS_STORY_SIGMA * rng.standard_normal(n))))
    stories = int(np.searchsorted(np.cumsum(draws), n)) + 1
    sizes = draws[:stories].astype(np.int64)
    sizes[-1] -= int(sizes.sum()) - n
    subjects = -(-stories // NEWS_STORIES_PER_SUBJECT)
    subject_dir = _directions(rng, subjects, shape)
    section_of_subject = rng.integers(0, NEWS_SECTIONS, subjects)
    story_dir = _directions(rng, stories, shape)
    story_of = np.repeat(np.arange(stories), sizes)[rng.permutation(n)]
    weight = (NEWS_STORY * np.exp(NEWS_STORY_SPREAD * rng.standard_normal(n))).astype(np.float32)
    groups = rng.integers(0, GROUPS, n).tolist()
    emb = np.empty((n, dim), dtype=np.float32)
    chunk = 65536
    for lo in range(0, n, chunk):
        hi = min(n, lo + chunk)
        st = story_of[lo:hi]
        subj = st // NEWS_STORIES_PER_SUBJECT
        block = rng.standard_normal((hi - lo, dim), dtype=np.float32) @ shape
        block *= NEWS_NOISE / math.sqrt(dim)
        block += NEWS_COMMON * common
        block += NEWS_SECTION * sections[section_of_subject[subj]]
        block += NEWS_SUBJECT * subject_dir[subj]
        block += weight[lo:hi, None] * story_dir[st]
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        emb[lo:hi] = block
    return emb, groups, story_of


DATA = {"news": news_data, "isotropic": topic_data}


def embedding_stats(emb: np.ndarray, *, rows: int | None = None, seed: int = 0,
                    block: int | None = None) -> dict[str, float]:
    """The statistics ``--compare-real`` prints for unit rows ``emb``.

    ``mean_cos``/``sd_cos``: cosine over all pairs of distinct rows;
    ``norm_mean``: norm of the mean row (a shared direction);
    ``nb_median``/``nb_mean``/``nb_p90``/``nb_none``: per row, the number of
    other rows with cosine >= 0.4 (the pipeline's threshold) and the share of
    rows with none; ``nn1``/``nn10``/``nn20``/``nn100``: mean cosine of the
    k-th nearest other row; ``pca10``/``pca50``/``pca100``: share of the
    variance in the top principal components.  With ``rows``, the per-row
    figures and the cosine moments are over that many random rows (against
    all rows); otherwise over every row.

    >>> rng = np.random.default_rng(0)
    >>> e = rng.standard_normal((300, 256)).astype(np.float32)
    >>> e /= np.linalg.norm(e, axis=1, keepdims=True)
    >>> s = embedding_stats(e)  # isotropic: no shared direction, no neighbours
    >>> abs(s["mean_cos"]) < 0.01, s["nb_none"], s["nn1"] < 0.3, s["pca10"] < 0.2
    (True, 1.0, True, True)
    >>> twice = embedding_stats(np.vstack([e, e]))  # every row has an exact copy
    >>> twice["nn1"], twice["nb_none"], twice["nb_median"]
    (1.0, 0.0, 1.0)
    """
    emb = np.asarray(emb, dtype=np.float32)
    n = emb.shape[0]
    if n < 2:
        raise ValueError("need at least two rows")
    query = np.arange(n) if rows is None or rows >= n else np.sort(
        np.random.default_rng(seed).choice(n, size=rows, replace=False))
    ranks = [k for k in (1, 10, 20, 100) if k < n]
    block = block or max(16, min(1024, (1 << 26) // n))  # at most ~256 MB of similarities at a time
    count = np.empty(query.size, dtype=np.int64)
    kth = np.empty((query.size, len(ranks)), dtype=np.float64)
    total = total_sq = 0.0
    for lo in range(0, query.size, block):
        q = query[lo:lo + block]
        sims = emb[q] @ emb.T
        sims[np.arange(q.size), q] = 0.0
        total += float(sims.sum(dtype=np.float64))
        total_sq += float(np.square(sims, dtype=np.float64).sum())
        sims[np.arange(q.size), q] = -np.inf
        count[lo:lo + q.size] = (sims >= 0.4).sum(axis=1)
        top = -np.partition(-sims, ranks[-1] - 1, axis=1)[:, :ranks[-1]]
        top.sort(axis=1)
        kth[lo:lo + q.size] = top[:, [ranks[-1] - k for k in ranks]]
    pairs = query.size * (n - 1)
    mean = total / pairs
    mean_row = emb.mean(axis=0, dtype=np.float64)
    gram = np.zeros((emb.shape[1], emb.shape[1]))
    for lo in range(0, n, 65536):
        part = emb[lo:lo + 65536].astype(np.float64)
        gram += part.T @ part
    eig = np.clip(np.linalg.eigvalsh(gram / n - np.outer(mean_row, mean_row))[::-1], 0.0, None)
    eig_total = max(float(eig.sum()), 1e-300)
    out = {"mean_cos": round(mean, 3), "sd_cos": round(math.sqrt(max(0.0, total_sq / pairs - mean * mean)), 3),
           "norm_mean": round(float(np.linalg.norm(mean_row)), 3),
           "nb_median": float(np.median(count)), "nb_mean": round(float(count.mean()), 1),
           "nb_p90": round(float(np.percentile(count, 90)), 1), "nb_none": round(float(np.mean(count == 0)), 3)}
    for i, k in enumerate(ranks):
        out[f"nn{k}"] = round(float(kth[:, i].mean()), 3)
    for k in (10, 50, 100):
        out[f"pca{k}"] = round(float(eig[:k].sum()) / eig_total, 3)
    return out


def synthetic_verdicts(pairs: Any, topic_of: np.ndarray) -> tuple[
        list[tuple[int, int, float]], set[tuple[int, int]], dict[tuple[int, int], bool]]:
    """Judge the candidate pairs by a fixed rule, in the shapes the pipeline
    passes to ``_majority_groups``: every 50th pair is a contradiction (a
    cannot-link), otherwise a same-topic pair is an entailment (an edge, with
    its cosine as the score) unless its position is 3 mod 4, and everything
    else is neutral.

    >>> from claimcheck._match import PairArrays
    >>> p = PairArrays(i=np.array([0, 0, 1, 2]), j=np.array([1, 2, 3, 3]), cosine=np.array([.9, .8, .7, .6]))
    >>> synthetic_verdicts(p, np.array([0, 1, 0, 1]))
    ([(0, 2, 0.8), (1, 3, 0.7)], {(0, 1)}, {(0, 1): False, (0, 2): True, (1, 3): True, (2, 3): False})
    """
    edges: list[tuple[int, int, float]] = []
    cannot: set[tuple[int, int]] = set()
    verdicts: dict[tuple[int, int], bool] = {}
    same = (topic_of[pairs.i] == topic_of[pairs.j]).tolist()
    for k, (i, j, s) in enumerate(zip(pairs.i.tolist(), pairs.j.tolist(), pairs.cosine.tolist())):
        if k % 50 == 0:
            cannot.add((i, j))
            verdicts[(i, j)] = False
        elif same[k] and k % 4 != 3:
            edges.append((i, j, s))
            verdicts[(i, j)] = True
        else:
            verdicts[(i, j)] = False
    return edges, cannot, verdicts


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(n: int, *, recall_rows: int, exact: bool, seed: int, data: str = "news") -> dict[str, Any]:
    """Everything for one size (run in a child process)."""
    from claimcheck._match import _group_ids, candidate_pair_arrays, connected_groups, exact_neighbours
    from claimcheck._pipeline import _majority_groups

    emb, groups, topic_of = DATA[data](n, seed=seed)
    out: dict[str, Any] = {"n": n, "data": data, "rss_input_mb": _rss_mb()}
    t0, c0 = time.perf_counter(), time.process_time()
    pairs = candidate_pair_arrays(emb, groups, threshold=0.4, top_k=20, search="ann")
    out["ann_s"], out["ann_cpu_s"] = time.perf_counter() - t0, time.process_time() - c0
    out["pairs"] = len(pairs)
    out["rss_search_mb"] = _rss_mb()
    cannot = set(zip(pairs.i[::50].tolist(), pairs.j[::50].tolist()))
    t0, c0 = time.perf_counter(), time.process_time()
    clusters = connected_groups(n, pairs, cannot)
    out["cluster_s"], out["cluster_cpu_s"] = time.perf_counter() - t0, time.process_time() - c0
    out["clusters"] = len(clusters)
    out["rss_peak_mb"] = _rss_mb()
    del clusters, cannot
    # the pipeline's clustering: majority linkage over judged pairs
    edges, cannot, verdicts = synthetic_verdicts(pairs, topic_of)
    out["entail_edges"] = len(edges)
    t0, c0 = time.perf_counter(), time.process_time()
    majority = _majority_groups(n, edges, cannot, verdicts)
    out["majority_s"], out["majority_cpu_s"] = time.perf_counter() - t0, time.process_time() - c0
    out["majority_groups"] = len(majority)
    out["rss_majority_mb"] = _rss_mb()
    del edges, cannot, verdicts, majority
    # recall on a random sample of query rows
    rng = np.random.default_rng(seed + 1)
    rows = np.sort(rng.choice(n, size=min(recall_rows, n), replace=False)).astype(np.int64)
    r, c, _s = exact_neighbours(emb, _group_ids(groups), rows, top_k=20, threshold=0.4)
    want = np.minimum(r, c) * n + np.maximum(r, c)
    have = pairs.i * n + pairs.j  # sorted, since pairs are sorted by (i, j)
    pos = np.clip(np.searchsorted(have, want), 0, max(0, have.size - 1))
    found = have.size > 0 and want.size > 0
    out["recall"] = float(np.mean(have[pos] == want)) if found else float("nan")
    out["recall_pairs"] = int(want.size)
    if exact:
        t0 = time.perf_counter()
        ex = candidate_pair_arrays(emb, groups, threshold=0.4, top_k=20, search="exact")
        out["exact_s"] = time.perf_counter() - t0
        got = set((pairs.i * n + pairs.j).tolist())
        want_all = (ex.i * n + ex.j).tolist()
        out["recall_full"] = sum(k in got for k in want_all) / max(1, len(want_all))
    return out


FNC1_BODIES = ROOT.parent / "shared" / "data" / "fnc1" / "competition_test_bodies.csv"
REAL_SAMPLE = 3823  # distinct claims claimcheck extracts from the first 200 FNC-1 test bodies (2026-11-26)
_STAT_ROWS = (("mean_cos", "mean pairwise cosine"), ("sd_cos", "sd of pairwise cosine"),
              ("norm_mean", "norm of the mean vector"), ("nb_median", "neighbours >= 0.4 per claim: median"),
              ("nb_mean", "neighbours >= 0.4 per claim: mean"), ("nb_p90", "neighbours >= 0.4 per claim: p90"),
              ("nb_none", "share of claims with no neighbour >= 0.4"), ("nn1", "cosine of 1st nearest neighbour"),
              ("nn10", "cosine of 10th nearest neighbour"), ("nn20", "cosine of 20th nearest neighbour"),
              ("nn100", "cosine of 100th nearest neighbour"), ("pca10", "variance in top 10 components"),
              ("pca50", "variance in top 50 components"), ("pca100", "variance in top 100 components"))


def real_claim_embeddings(bodies: int, path: Path = FNC1_BODIES) -> tuple[np.ndarray | None, str]:
    """Embeddings of the distinct claims of the first ``bodies`` FNC-1 bodies,
    or ``None`` and the reason they are not available (no data, no model)."""
    import csv

    if not path.is_file():
        return None, f"no real column: {path} not found"
    import claimcheck
    from claimcheck.errors import ClaimcheckError

    with path.open(encoding="utf-8", newline="") as f:
        rows = [row for _, row in zip(range(bodies), csv.DictReader(f))]
    articles = [claimcheck.Article(id=f"fnc-{row['Body ID']}", source="fnc1", text=row["articleBody"])
                for row in rows]
    try:
        split = claimcheck.SpacySplitter().split(articles)
        texts = sorted({c.text for claims, _skipped in split for c in claims})
        emb = np.asarray(claimcheck.SentenceTransformerEncoder().encode(texts), dtype=np.float32)
    except (ClaimcheckError, ImportError, OSError) as exc:
        return None, f"no real column: {type(exc).__name__}: {exc}"
    return emb, f"real: {len(texts):,} distinct claims of the first {len(rows)} FNC-1 test bodies ({path.name})"


def compare_real(bodies: int, *, seed: int = 0, big: int = 100_000, big_rows: int = 2000,
                 path: Path = FNC1_BODIES) -> int:
    """Print :func:`embedding_stats` for the real claims of the first
    ``bodies`` bodies in ``path`` (when the file and the model are there),
    the news and isotropic fake encoders at the same size
    (:data:`REAL_SAMPLE` without the real claims), and the news encoder at
    ``big`` claims (``big_rows`` sampled rows) to show it is scale-free."""
    real, note = real_claim_embeddings(bodies, path)
    print(f"# {note}")
    n = real.shape[0] if real is not None else REAL_SAMPLE
    columns: list[tuple[str, dict[str, float]]] = []
    if real is not None:
        columns.append((f"real ({n:,})", embedding_stats(real)))
    columns.append((f"news ({n:,})", embedding_stats(news_data(n, seed=seed)[0])))
    columns.append((f"isotropic ({n:,})", embedding_stats(topic_data(n, seed=seed)[0])))
    columns.append((f"news ({big:,}; {big_rows:,} rows)",
                    embedding_stats(news_data(big, seed=seed)[0], rows=big_rows, seed=seed)))
    print()
    print("| statistic | " + " | ".join(name for name, _ in columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for key, label in _STAT_ROWS:
        print(f"| {label} | " + " | ".join(f"{st[key]:g}" for _, st in columns) + " |")
    return 0


def _child(n: int, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--worker", str(n), "--recall-rows", str(args.recall_rows),
           "--seed", str(args.seed), "--exact-max", str(args.exact_max), "--data", args.data]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--recall-rows", type=int, default=1000, help="query rows sampled for recall (default 1000)")
    ap.add_argument("--exact-max", type=int, default=10_000,
                    help="also time the exact search on sizes up to this (default 10000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--data", choices=sorted(DATA), default="news",
                    help="fake encoder: 'news' (default, news_data: hierarchical, like real claim embeddings) or "
                         "'isotropic' (topic_data: unrelated random topics, the worst case for ANN search)")
    ap.add_argument("--compare-real", action="store_true",
                    help="print embedding statistics of the synthetic data at the size of the real sample and, "
                         "where the FNC-1 bodies and the model are available, of the real claims; no timing")
    ap.add_argument("--real-bodies", type=int, default=200, metavar="B",
                    help="--compare-real: the first B FNC-1 test bodies (default 200)")
    ap.add_argument("--real-path", type=Path, default=FNC1_BODIES, help=argparse.SUPPRESS)
    ap.add_argument("--merge", type=Path, nargs="+", metavar="OUTPUT",
                    help="print the table for the '# done' lines of earlier runs' output instead of running")
    ap.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        res = measure(args.worker, recall_rows=args.recall_rows, exact=args.worker <= args.exact_max,
                      seed=args.seed, data=args.data)
        print(json.dumps(res))
        return 0
    if args.compare_real:
        return compare_real(args.real_bodies, seed=args.seed, path=args.real_path)

    print(f"# scaling: candidate search + clustering, {_dt.datetime.now(_dt.UTC):%Y-%m-%d %H:%M} UTC")
    print(f"# machine: {platform.machine()}, {nproc()} CPUs, load average {load_average()}, "
          f"Python {platform.python_version()}")
    if not args.merge:
        print(f"# data: {args.data} ({DATA[args.data].__name__}, seed {args.seed})")
    results = []
    if args.merge:
        for path in args.merge:
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.startswith("# done "):
                    results.append(json.loads(line.split(": ", 1)[1]))
        kinds = sorted({r.get("data", "isotropic") for r in results})  # runs before --data were isotropic
        print(f"# data: {', '.join(kinds)} (merged from {len(args.merge)} output(s))")
        results.sort(key=lambda r: r["n"])
    for n in [] if args.merge else sorted(set(args.sizes)):
        t0 = time.perf_counter()
        res = _child(n, args)
        res["wall_s"] = time.perf_counter() - t0
        results.append(res)
        print(f"# done {n}: {json.dumps(res)}", flush=True)
    print()
    print("| claims | pairs | ANN search s (CPU s) | clustering s (CPU s) | search + clustering s (CPU s) "
          "| majority groups s (CPU s) | exact search s | recall (sampled rows) "
          "| peak RSS MB: search + clustering (input only) | peak RSS MB with majority |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        exact = f"{r['exact_s']:.1f} (full recall {r['recall_full']:.4f})" if "exact_s" in r else "-"
        majority = (f"{r['majority_s']:.1f} ({r['majority_cpu_s']:.1f}), {r['entail_edges']:,} edges"
                    if "majority_s" in r else "-")
        print(f"| {r['n']:,} | {r['pairs']:,} | {r['ann_s']:.1f} ({r['ann_cpu_s']:.1f}) "
              f"| {r['cluster_s']:.1f} ({r['cluster_cpu_s']:.1f}) "
              f"| {r['ann_s'] + r['cluster_s']:.1f} ({r['ann_cpu_s'] + r['cluster_cpu_s']:.1f}) | {majority} "
              f"| {exact} | {r['recall']:.4f} of {r['recall_pairs']:,} "
              f"| {r['rss_peak_mb']:,.0f} ({r['rss_input_mb']:,.0f}) | {r.get('rss_majority_mb', float('nan')):,.0f} |")
    if len(results) >= 2:
        a, b = results[-2], results[-1]
        span = math.log(b["n"] / a["n"])
        for what, keys in (("wall", ("ann_s", "cluster_s", "majority_s")),
                           ("CPU", ("ann_cpu_s", "cluster_cpu_s", "majority_cpu_s"))):
            ta, tb = a[keys[0]] + a[keys[1]], b[keys[0]] + b[keys[1]]
            line = (f"time exponent ({what}) {a['n']:,} -> {b['n']:,} claims: search + clustering "
                    f"{math.log(tb / ta) / span:.3f}, search alone {math.log(b[keys[0]] / a[keys[0]]) / span:.3f}")
            if keys[2] in a and keys[2] in b and a[keys[2]] > 0:
                line += f", majority groups alone {math.log(b[keys[2]] / a[keys[2]]) / span:.3f}"
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
