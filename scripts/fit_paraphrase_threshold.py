#!/usr/bin/env python3
"""Fit RuleJudge's paraphrase threshold on the STS-B train split.

STS-B train is licensed CC BY-SA 4.0 (scores) and may be used for what
ships (see ../shared/data/README.md).  A pair whose gold similarity is at
least ``--gold`` (default 4.0: "mostly equivalent") counts as the same fact.
The script encodes both sentences with the bundled all-MiniLM-L6-v2 and
prints the cosine threshold that maximises F1 for "same fact", with the
table of candidates.  The chosen value is copied by hand into
``claimcheck/_judge.py`` (``RuleJudge.paraphrase``).

    python scripts/fit_paraphrase_threshold.py [--data ../shared/data/stsb/sts-train.csv]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np

import claimcheck

ROOT = Path(__file__).resolve().parents[1]


def read(path: Path, genre: str | None) -> tuple[list[str], list[str], np.ndarray]:
    a, b, y = [], [], []
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 7 or (genre and row[0] != genre):
                continue
            a.append(row[5])
            b.append(row[6])
            y.append(float(row[4]))
    return a, b, np.array(y)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "stsb" / "sts-train.csv")
    ap.add_argument("--gold", type=float, default=4.0)
    ap.add_argument("--genre", default=None, help="only this genre (main-news, main-captions, …)")
    args = ap.parse_args()
    a, b, y = read(args.data, args.genre)
    enc = claimcheck.SentenceTransformerEncoder()
    sims = (enc.encode(a) * enc.encode(b)).sum(axis=1)
    gold = y >= args.gold
    print(f"{len(y)} pairs from {args.data.name}, {int(gold.sum())} with gold >= {args.gold}")
    print("threshold | precision | recall | F1")
    print("---|---|---|---")
    best = (0.0, 0.0)
    for t in np.arange(0.50, 0.96, 0.01):
        pred = sims >= t
        tp = float((pred & gold).sum())
        p = tp / max(1.0, float(pred.sum()))
        r = tp / max(1.0, float(gold.sum()))
        f = 2 * p * r / max(1e-9, p + r)
        print(f"{t:.2f} | {p:.3f} | {r:.3f} | {f:.3f}")
        best = max(best, (f, round(float(t), 2)))
    print(f"best threshold {best[1]:.2f} (F1 {best[0]:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
