#!/usr/bin/env python3
"""Fit the same-fact combiner shipped as ``claimcheck/data/same_fact.json``.

Training data, both of which may ship (see ../shared/data/README.md):

* the STS-B train split (scores CC BY-SA 4.0).  Before anything is fitted,
  every pair that shares a sentence with an evaluation set is removed:
  STS-B's news part contains MSRP test pairs (MSRpar 2012test) and the
  SemEval STS headlines, which claimcheck is evaluated on.  What is left
  is almost all image captions and forum posts, with hardly a number or a
  named organisation in them.  A pair counts as the same fact when its
  gold similarity is at least ``--gold`` (default 3.0, "roughly
  equivalent" in the STS guidelines);
* the project's own multi-outlet development stories (``examples/*/``,
  the format of ``examples/clusters/README.md``; sealed blind sets are
  never read).  Each story's articles are split by claimcheck's default
  pipeline and its gold mentions mapped to claims as
  ``benchmarks/clusters.py`` maps them.  A pair of claims from two outlets
  is the same fact when the gold puts the two mentions in one fact group,
  and not when it lists them as compatible, as a contradiction or in two
  different fact groups.  Only pairs the judge would weigh are kept
  (cosine >= ``--min-similarity``, 0.35, the judge's ``related``).

The decision threshold is chosen on STS-B dev: the lowest with the best F1, where
an F1 less than 0.001 higher (about one dev pair) does not count as better.

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
EXAMPLES = ROOT / "examples"


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


def story_folders(root: Path = EXAMPLES) -> list[Path]:
    """The development story folders: every folder of ``root`` with a ``*.gold.json``."""
    return sorted(p for p in root.iterdir() if p.is_dir() and any(p.glob("*.gold.json")))


def story_pairs(folders: list[Path], min_similarity: float) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Features, labels and story names of the labelled cross-outlet claim pairs of the stories.

    A claim pair the gold labels both ways (two mentions of one claim in
    different groups) is left out, as are pairs from one outlet.
    """
    if str(ROOT / "benchmarks") not in sys.path:
        sys.path.insert(0, str(ROOT / "benchmarks"))
    from clusters import gold_pairs, load_stories, map_item

    import claimcheck
    from claimcheck._compare import _default_encoder
    from claimcheck._samefact import same_fact_features

    enc = _default_encoder()
    pipe = claimcheck.Pipeline(encoder=claimcheck.HashingEncoder())
    feats: list[tuple[float, ...]] = []
    labels: list[bool] = []
    names: list[str] = []
    for folder in folders:
        for story in load_stories(folder):
            _arts, todo, _skipped = pipe.prepare(story.articles)
            claims, _ = pipe.extract(todo)
            spans = [{"id": c.id, "article": c.article, "start": c.start, "end": c.end} for c in claims]
            by_id = {c.id: c for c in claims}
            texts = story.texts
            seen: dict[tuple[str, str], set[bool]] = {}
            for pair in gold_pairs(story):
                ca = map_item(pair.a, texts[pair.a.article], spans)
                cb = map_item(pair.b, texts[pair.b.article], spans)
                if ca is None or cb is None or ca == cb or by_id[ca].source == by_id[cb].source:
                    continue
                seen.setdefault((min(ca, cb), max(ca, cb)), set()).add(pair.kind == "paraphrase")
            keys = sorted(k for k, v in seen.items() if len(v) == 1)
            ids = sorted({i for k in keys for i in k})
            if not ids:
                continue
            emb = enc.encode([by_id[i].text for i in ids])
            row = {i: n for n, i in enumerate(ids)}
            for x, y in keys:
                sim = float(emb[row[x]] @ emb[row[y]])
                if sim >= min_similarity:
                    feats.append(same_fact_features(by_id[x], by_id[y], sim))
                    labels.append(next(iter(seen[(x, y)])))
                    names.append(f"{folder.name}/{story.name}")
    return np.array(feats, dtype=np.float64), np.array(labels), names


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
    ap.add_argument("--min-similarity", type=float, default=0.35,
                    help="story pairs below this cosine are left out (the judge calls them unrelated)")
    ap.add_argument("--no-stories", action="store_true", help="fit on STS-B train alone")
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
    folders = [] if args.no_stories else story_folders()
    if folders:
        xs, ys, names = story_pairs(folders, args.min_similarity)
    else:
        xs, ys, names = np.zeros((0, xt.shape[1])), np.zeros(0, dtype=bool), []
    print(f"story pairs: {len(ys)} ({int(ys.sum())} the same fact) from {len(set(names))} stories "
          f"in {len(folders)} folders")
    w = fit_logistic(np.vstack([xt, xs]), np.concatenate([yt, ys]).astype(np.float64))
    pd_ = 1.0 / (1.0 + np.exp(-(w[0] + xd @ w[1:])))
    ps = 1.0 / (1.0 + np.exp(-(w[0] + xs @ w[1:])))
    print("threshold | dev P | dev R | dev F1 | story P | story R (training pairs)")
    print("---|---|---|---|---|---")
    best = (-1.0, 0.5)
    for t in np.round(np.arange(0.20, 0.81, 0.05), 2):
        p, r, f = prf(pd_ >= t, yd)
        sp, sr, _sf = prf(ps >= t, ys)
        print(f"{t:.2f} | {p:.3f} | {r:.3f} | {f:.3f} | {sp:.3f} | {sr:.3f}")
        # F1 gains below 0.001 (about one of the 904 dev pairs) are noise: they do
        # not move the threshold up, which would cost the clusters recall for nothing
        if f > best[0] + 1e-3:
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
                          "STS-B test or the SemEval STS news sets, and the labelled cross-outlet claim "
                          "pairs of the project's own development stories (examples/*/); threshold "
                          "chosen on STS-B dev",
            "gold_same_fact": f"gold similarity >= {args.gold}; stories: one gold fact group",
            "train_pairs": len(train), "dev_pairs": len(dev),
            "story_pairs": len(ys), "story_folders": [f.name for f in folders],
            "story_min_similarity": args.min_similarity,
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
