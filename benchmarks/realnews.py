"""Contradiction flags on real news: the FNC-1 test bodies, as articles.

    python benchmarks/realnews.py                      # first 200 bodies: flags by kind
    python benchmarks/realnews.py --bodies 100 --show  # and every flagged pair
    python benchmarks/realnews.py --json flags.json    # the flags, to diff two commits

FNC-1 has no contradiction labels between bodies, so this measures only:
it runs :class:`claimcheck.Pipeline` on the first ``--bodies`` test bodies
(``../shared/data/fnc1/competition_test_bodies.csv``, file order), each one
an article from its own outlet, and prints how many pairs are flagged and of
which kind.  Those bodies mix dozens of real stories, so most claim pairs
are about different events of one broad topic: every flag has to be read by
hand (right, defensible or wrong), and the count is the figure to watch when
a rule changes.  Nothing is fitted to it.  Skips (exit 0) when the data is
absent.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

import claimcheck

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def read_bodies(path: Path, n: int) -> list[claimcheck.Article]:
    """The first ``n`` bodies of ``path`` as articles, one outlet each."""
    out: list[claimcheck.Article] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            bid = row["Body ID"]
            out.append(claimcheck.Article(id=f"body-{bid}", source=f"fnc-{bid}", text=row["articleBody"]))
            if len(out) >= n:
                break
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bodies", type=int, default=200, metavar="N", help="how many test bodies (default 200)")
    ap.add_argument("--data-dir", type=Path, default=DATA, help=f"shared data folder (default: {DATA})")
    ap.add_argument("--show", action="store_true", help="print every flagged pair with its reason")
    ap.add_argument("--json", type=Path, metavar="FILE", help="write the flags as JSON")
    args = ap.parse_args(argv)
    path = args.data_dir / "fnc1" / "competition_test_bodies.csv"
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    articles = read_bodies(path, args.bodies)
    t0 = time.perf_counter()
    report = claimcheck.Pipeline().run(articles)
    secs = time.perf_counter() - t0
    index = {c.id: c for c in report.claims}
    flags = []
    for j in report.contradictions:
        a, b = index[j.a], index[j.b]
        flags.append({"kind": j.kind, "score": round(j.score, 3), "a": a.text, "b": b.text,
                      "a_article": a.article, "b_article": b.article, "reason": j.reason})
    flags.sort(key=lambda f: (f["kind"], f["a"], f["b"]))
    kinds = Counter(f["kind"] for f in flags)
    print(f"## FNC-1 test bodies as articles: {len(articles)} bodies, {len(report.claims)} claims, {secs:.0f} s\n")
    print("| kind | flags |")
    print("|---|---:|")
    for kind, n in sorted(kinds.items()):
        print(f"| {kind} | {n} |")
    print(f"| **all** | **{len(flags)}** |")
    if args.show:
        for f in flags:
            print(f"\n[{f['kind']} {f['score']}] {f['a_article']}: {f['a']}")
            print(f"    {f['b_article']}: {f['b']}\n    why: {f['reason']}")
    if args.json:
        args.json.write_text(json.dumps(flags, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
