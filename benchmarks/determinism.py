"""Is ``Report.to_json()`` byte-identical whatever the torch thread count and the article order?

    python benchmarks/determinism.py                    # first 100 FNC-1 bodies, threads 1 and 2
    python benchmarks/determinism.py --limit 200 --threads 1,2,4

The articles are the first ``--limit`` bodies of
``../shared/data/fnc1/competition_test_bodies.csv`` (source
``outlet-{Body ID % 20}``, as in ``benchmarks/throughput.py``); the run is
skipped, with a note and exit status 0, when the file is absent.

``claimcheck.Pipeline().run`` (the real spaCy splitter and the bundled
all-MiniLM-L6-v2 encoder) runs once per ``--threads`` value after
``torch.set_num_threads(n)``, then once more with the articles in reverse
order.  Each row shows the number of contradictions, the SHA-256 of the JSON
report and whether it equals the first row's byte for byte.

The last rows encode the claim texts directly with the encoder (bypassing
``Pipeline.embed``, which pins torch to one thread) at each thread count and
show how far the raw embeddings move: that is the noise ``Pipeline.embed``
keeps out of the report.  Exit status 1 when any report differs.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import load_average, nproc  # noqa: E402
from throughput import FNC1_BODIES, articles_of, read_bodies  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--bodies", default=str(FNC1_BODIES), help="FNC-1 bodies CSV")
    p.add_argument("--limit", type=int, default=100, help="how many bodies (default 100)")
    p.add_argument("--threads", default="1,2", help="torch thread counts to compare (default 1,2)")
    args = p.parse_args(argv)
    print(f"claimcheck determinism  {_dt.datetime.now(_dt.UTC):%Y-%m-%d %H:%M} UTC  nproc {nproc()}  "
          f"load average {load_average()}")
    path = Path(args.bodies)
    if not path.is_file():
        print(f"skipped: {path} not found")
        return 0
    import numpy as np
    import torch

    import claimcheck

    threads = [int(t) for t in args.threads.split(",")]
    articles = articles_of(read_bodies(path, args.limit))
    encoder = claimcheck.SentenceTransformerEncoder()
    splitter = claimcheck.SpacySplitter()
    pipeline = claimcheck.Pipeline(encoder=encoder, splitter=splitter)
    pipeline.run(articles[:2])  # load and warm up both models
    runs = [(n, "as read", articles) for n in threads] + [(threads[-1], "reversed", articles[::-1])]
    rows = []
    first: bytes | None = None
    texts: list[str] = []
    for n, order, arts in runs:
        torch.set_num_threads(n)
        t0 = time.perf_counter()
        report = pipeline.run(arts)
        seconds = time.perf_counter() - t0
        blob = report.to_json().encode("utf-8")
        first = blob if first is None else first
        texts = [c.text for c in report.claims]
        rows.append((f"Pipeline.run, {order}", n, len(report.contradictions), len(report.claims),
                     hashlib.sha256(blob).hexdigest()[:16], "yes" if blob == first else "NO", f"{seconds:.1f}"))
    raw = {}
    unique = sorted(set(texts))
    for n in threads:
        torch.set_num_threads(n)
        t0 = time.perf_counter()
        raw[n] = encoder.encode(unique)
        seconds = time.perf_counter() - t0
        diff = np.abs(raw[n] - raw[threads[0]])
        rows.append((f"raw encoder.encode, {len(unique)} texts", n, "-", "-",
                     hashlib.sha256(raw[n].tobytes()).hexdigest()[:16],
                     f"{'yes' if not diff.any() else 'NO'} (max |diff| {diff.max():.1e}, "
                     f"{int((diff.max(axis=1) > 0).sum())} rows differ)", f"{seconds:.1f}"))
    print(f"{len(articles)} articles, {sum(len(a.text) for a in articles):,} characters")
    print("| run | torch threads | contradictions | claims | sha256 (first 16) | identical to row 1 | seconds |")
    print("|---|---:|---:|---:|---|---|---:|")
    for r in rows:
        print("| " + " | ".join(str(x) for x in r) + " |")
    return 0 if all(r[5] == "yes" for r in rows if r[0].startswith("Pipeline")) else 1


if __name__ == "__main__":
    raise SystemExit(main())
