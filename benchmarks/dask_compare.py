"""claimcheck.dask on a LocalCluster against claimcheck.check on one machine.

    python benchmarks/dask_compare.py                    # examples/quake.jsonl, real model
    python benchmarks/dask_compare.py --workers 2 --repeat 3 --hashing
    python benchmarks/dask_compare.py --fnc1 200 --hashing --repeat 1   # first 200 FNC-1 test bodies

Runs both paths on the same articles in one process (the cluster's workers
are separate processes on loopback), each once cold (models loaded in the
timed call) and ``--repeat`` times warm, and prints one table: times, claim
and contradiction counts, and whether the contradiction sets and the whole
``Report.to_json()`` are identical.  Needs the ``dask`` extra.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _machine import load_average, nproc  # noqa: E402

import claimcheck  # noqa: E402
import claimcheck.dask as cdask  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FNC1_BODIES = ROOT.parent / "shared" / "data" / "fnc1" / "competition_test_bodies.csv"


def fnc1_articles(limit: int) -> list[claimcheck.Article]:
    """The first ``limit`` FNC-1 test bodies.  They have no outlet, so each
    gets one of 17 made-up sources (by body id) to have cross-source pairs."""
    import csv

    with FNC1_BODIES.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))[:limit]
    return [claimcheck.Article(id=f"fnc-{int(r['Body ID']):05d}", source=f"outlet-{int(r['Body ID']) % 17}",
                               text=r["articleBody"]) for r in rows]


def contradictions(r: claimcheck.Report) -> set[tuple[str, str, str, str]]:
    return {(j.a, j.b, j.label, j.kind) for j in r.judgements if j.label in {"contradiction", "update"}}


def timed(fn: Any) -> tuple[float, claimcheck.Report]:
    t = time.perf_counter()
    r = fn()
    return time.perf_counter() - t, r


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "examples" / "quake.jsonl")])
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (1 thread each)")
    ap.add_argument("--npartitions", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3, help="warm runs of each path")
    ap.add_argument("--hashing", action="store_true", help="HashingEncoder instead of the real model")
    ap.add_argument("--fnc1", type=int, default=0, metavar="N",
                    help="use the first N FNC-1 test bodies from ../shared/data instead of the paths")
    args = ap.parse_args(argv)
    if args.fnc1 and not FNC1_BODIES.is_file():
        print(f"skipped: {FNC1_BODIES} not found")
        return 0

    from dask.distributed import Client, LocalCluster

    arts = fnc1_articles(args.fnc1) if args.fnc1 else claimcheck.read_paths(args.paths)
    options: dict[str, Any] = {"encoder": claimcheck.HashingEncoder()} if args.hashing else {}
    pipeline = claimcheck.Pipeline(**options)

    single_cold, single = timed(lambda: pipeline.run(arts))
    single_warm = [timed(lambda: pipeline.run(arts))[0] for _ in range(args.repeat)]

    t = time.perf_counter()
    cluster = LocalCluster(processes=True, n_workers=args.workers, threads_per_worker=1,
                           host="127.0.0.1", dashboard_address=None)
    client = Client(cluster)
    start_s = time.perf_counter() - t
    try:
        # the same (unloaded) pipeline configuration: workers load the models in the cold call
        dask_cold, dist = timed(lambda: cdask.check(arts, client=client, npartitions=args.npartitions, **options))
        dask_warm = [timed(lambda: cdask.check(arts, client=client, npartitions=args.npartitions,
                                               **options))[0] for _ in range(args.repeat)]
    finally:
        client.close()
        cluster.close()

    same_set = contradictions(single) == contradictions(dist)
    same_json = single.to_json() == dist.to_json()
    print(f"# claimcheck.dask vs claimcheck.check — {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, "
          f"{nproc()} cores, load {load_average()}")
    what = "FNC-1 test bodies" if args.fnc1 else ", ".join(Path(p).name for p in args.paths)
    print(f"# input: {what} ({len(arts)} articles); encoder: "
          f"{'HashingEncoder' if args.hashing else claimcheck.DEFAULT_MODEL}; LocalCluster {args.workers} "
          f"workers x 1 thread, started in {start_s:.1f} s")
    print()
    print(f"| path | cold s (models load) | warm s (median of {args.repeat}) | claims | contradictions+updates |")
    print("|---|---:|---:|---:|---:|")
    print(f"| claimcheck.check | {single_cold:.2f} | {statistics.median(single_warm):.2f} | "
          f"{len(single.claims)} | {len(contradictions(single))} |")
    print(f"| claimcheck.dask.check | {dask_cold:.2f} | {statistics.median(dask_warm):.2f} | "
          f"{len(dist.claims)} | {len(contradictions(dist))} |")
    print()
    print(f"identical contradiction sets: {'yes' if same_set else 'NO'}; "
          f"identical Report.to_json(): {'yes' if same_json else 'no'}; "
          f"warm ratio dask/single: {statistics.median(dask_warm) / statistics.median(single_warm):.2f}")
    return 0 if same_set else 1


if __name__ == "__main__":
    sys.exit(main())
