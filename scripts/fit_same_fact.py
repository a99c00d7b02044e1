#!/usr/bin/env python3
"""Fit the same-fact combiner shipped as ``claimcheck/data/same_fact.json``.

Training data: the STS-B train split (scores CC BY-SA 4.0, which may ship:
see ../shared/data/README.md).  The decision threshold is chosen on STS-B
dev.  Before anything is fitted, every pair that shares a sentence with an
evaluation set is removed: STS-B's news part contains MSRP test pairs
(MSRpar 2012test) and the SemEval STS headlines, which claimcheck is
evaluated on.  A pair counts as the same fact when its gold similarity is
at least ``--gold`` (default 3.0, "roughly equivalent" in the STS
guidelines; the frame signals veto pairs whose numbers, places, dates or
polarity differ).

The model is a logistic regression over ``claimcheck._samefact.FEATURES``,
fitted by Newton's method with a small L2 penalty, so the result is
deterministic.  Rerun with::

    python scripts/fit_same_fact.py            # prints the fit, writes the JSON
    python scripts/fit_same_fact.py --check    # fails when the JSON would change
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "claimcheck" / "data" / "same_fact.json"


def read_sts(path: Path) -> list[tuple[str, str, str, float]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 7:
                rows.append((row[0], row[5].strip(), row[6].strip(), float(row[4])))
    return rows


def eval_sentences() -> set[str]:
    """Every sentence of the evaluation sets that overlap STS-B."""
    out: set[str] = set()
    msrp = DATA / "msrp" / "msr-para-test.tsv"
    with msrp.open(encoding="utf-8-sig") as fh:
        next(fh)
        for line in fh:
            r = line.rstrip("\n").split("\t")
            if len(r) >= 5:
                out.update((r[3].strip(), r[4].strip()))
    for path in sorted((DATA / "semeval-sts-news").rglob("*")):
        if path.is_file() and path.suffix == ".tsv":
            with path.open(encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    r = line.rstrip("\n").split("\t")
                    if len(r) >= 3:
                        out.update((r[1].strip(), r[2].strip()))
    for row in read_sts(DATA / "stsb" / "sts-test.csv"):
        out.update(row[1:3])
    return out


def features(rows: list[tuple[str, str, str, float]]) -> np.ndarray:
    from claimcheck._compare import _claims_for, _default_encoder
    from claimcheck._samefact import same_fact_features

    a = _claims_for([r[1] for r in rows], side="a", published=None, speaker=None, source="A")
    b = _claims_for([r[2] for r in rows], side="b", published=None, speaker=None, source="B")
    enc = _default_encoder()
    sims = (enc.encode([c.text for c in a]) * enc.encode([c.text for c in b])).sum(axis=1)
    return np.array([same_fact_features(x, y, float(s)) for x, y, s in zip(a, b, sims)], dtype=np.float64)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-2, steps: int = 50) -> np.ndarray:
    """Newton's method; returns ``[bias, w1, ...]``."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    reg = l2 * np.eye(xb.shape[1])
    reg[0, 0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + reg @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w


def prf(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    tp = float((pred & gold).sum())
    p = tp / max(1.0, float(pred.sum()))
    r = tp / max(1.0, float(gold.sum()))
    return p, r, 2 * p * r / max(1e-9, p + r)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=float, default=3.0)
    ap.add_argument("--check", action="store_true", help="fail if the shipped JSON differs from a fresh fit")
    args = ap.parse_args()
    if not (DATA / "stsb").is_dir():
        print(f"STS-B not found under {DATA}; nothing to fit", file=sys.stderr)
        return 0
    from claimcheck._samefact import FEATURES

    banned = eval_sentences()
    train = [r for r in read_sts(DATA / "stsb" / "sts-train.csv") if r[1] not in banned and r[2] not in banned]
    dev = [r for r in read_sts(DATA / "stsb" / "sts-dev.csv") if r[1] not in banned and r[2] not in banned]
    print(f"STS-B train: {len(train)} pairs after removing evaluation overlap; dev: {len(dev)}")
    xt, yt = features(train), np.array([r[3] >= args.gold for r in train])
    xd, yd = features(dev), np.array([r[3] >= args.gold for r in dev])
    w = fit_logistic(xt, yt.astype(np.float64))
    pd_ = 1.0 / (1.0 + np.exp(-(w[0] + xd @ w[1:])))
    news = np.array([r[0] == "main-news" for r in dev])
    print("threshold | dev P | dev R | dev F1 | news F1")
    print("---|---|---|---|---")
    best = (-1.0, 0.5)
    for t in np.round(np.arange(0.20, 0.81, 0.05), 2):
        p, r, f = prf(pd_ >= t, yd)
        fn = prf((pd_ >= t)[news], yd[news])[2]
        print(f"{t:.2f} | {p:.3f} | {r:.3f} | {f:.3f} | {fn:.3f}")
        if f > best[0] + 1e-9:
            best = (f, float(t))
    print(f"chosen threshold {best[1]:.2f} (dev F1 {best[0]:.3f})")
    print("feature | weight")
    print("---|---")
    for name, v in zip(("bias", *FEATURES), w):
        print(f"{name} | {v:+.4f}")
    model = {
        "weights": {name: round(float(v), 6) for name, v in zip(FEATURES, w[1:])},
        "bias": round(float(w[0]), 6),
        "threshold": best[1],
        "meta": {
            "trained_on": "STS-B train (CC BY-SA 4.0) minus pairs sharing a sentence with MSRP test, "
                          "STS-B test or the SemEval STS news sets; threshold chosen on STS-B dev",
            "gold_same_fact": f"gold similarity >= {args.gold}",
            "train_pairs": len(train), "dev_pairs": len(dev),
            "script": "scripts/fit_same_fact.py",
        },
    }
    text = json.dumps(model, indent=2, sort_keys=True) + "\n"
    if args.check:
        same = OUT.exists() and OUT.read_text("utf-8") == text
        print("shipped model is up to date" if same else "shipped model differs from a fresh fit")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
