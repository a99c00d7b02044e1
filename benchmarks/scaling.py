"""How candidate search and clustering scale: 10k, 100k and 1M synthetic claims.

    python benchmarks/scaling.py                         # 10k, 100k, 1M
    python benchmarks/scaling.py --sizes 10000 100000    # a quicker look
    python benchmarks/scaling.py --exact-max 100000      # also time the exact search at 100k
    python benchmarks/scaling.py --merge a.txt b.txt     # one table from earlier runs' output

No model and no data files: the claims are synthetic embeddings from a
deterministic fake encoder (:func:`topic_embeddings`): ``n // 20`` topics,
each a random unit vector in 384 dimensions (the width of all-MiniLM-L6-v2),
and each claim its topic's vector plus Gaussian noise, L2-normalised, so
claims on one topic have cosine about 0.55 and claims on different topics
about 0.  Each claim gets one of 200 groups (40 outlets x 5 speakers), as
the pipeline's ``(source, speaker)``.  Everything is seeded.

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
  every 50th pair a contradiction, three in four same-topic pairs an
  entailment, the rest neutral);
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


def measure(n: int, *, recall_rows: int, exact: bool, seed: int) -> dict[str, Any]:
    """Everything for one size (run in a child process)."""
    from claimcheck._match import _group_ids, candidate_pair_arrays, connected_groups, exact_neighbours
    from claimcheck._pipeline import _majority_groups

    emb, groups, topic_of = topic_data(n, seed=seed)
    out: dict[str, Any] = {"n": n, "rss_input_mb": _rss_mb()}
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


def _child(n: int, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--worker", str(n), "--recall-rows", str(args.recall_rows),
           "--seed", str(args.seed), "--exact-max", str(args.exact_max)]
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
    ap.add_argument("--merge", type=Path, nargs="+", metavar="OUTPUT",
                    help="print the table for the '# done' lines of earlier runs' output instead of running")
    ap.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        res = measure(args.worker, recall_rows=args.recall_rows, exact=args.worker <= args.exact_max,
                      seed=args.seed)
        print(json.dumps(res))
        return 0

    print(f"# scaling: candidate search + clustering, {_dt.datetime.now(_dt.UTC):%Y-%m-%d %H:%M} UTC")
    print(f"# machine: {platform.machine()}, {nproc()} CPUs, load average {load_average()}, "
          f"Python {platform.python_version()}")
    results = []
    if args.merge:
        for path in args.merge:
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.startswith("# done "):
                    results.append(json.loads(line.split(": ", 1)[1]))
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
