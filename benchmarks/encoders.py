"""Encoder backends: speed and STS-B accuracy of torch, ONNX and int8 ONNX in one process.

    python benchmarks/encoders.py                     # all STS-B test sentences, best of 2 runs
    python benchmarks/encoders.py --limit 500 --repeat 3
    python benchmarks/encoders.py --backends torch onnx

Every backend is ``claimcheck.SentenceTransformerEncoder(backend=...)`` on the
bundled all-MiniLM-L6-v2 (offline).  The ONNX backends need the ``onnx`` extra
(``pip install 'claimcheck[onnx]'``); the model is exported on first use into
``--onnx-dir`` (default: a folder in the user cache, never the repository),
and the export time is reported once.

Speed: the distinct sentences of ``../shared/data/stsb/sts-test.csv`` (the
first ``--limit``), encoded by each backend in turn, alternating, ``--repeat``
times; the best run counts.  Ratios are against torch in the same process.

Accuracy: for every STS-B test pair, the cosine of the two embeddings;
Spearman correlation with the gold score (0-5), as in the STS-B
literature.  STS-B test is an evaluation split: nothing is tuned on it.
Agreement with torch is the mean and minimum cosine between a sentence's
torch and backend vectors.  The benchmark is skipped (exit status 0) when the
data is absent; a backend whose extra is missing is reported as skipped.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import platform
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import load_average, nproc  # noqa: E402
from _readers import spearman  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
STSB_TEST = ROOT.parent / "shared" / "data" / "stsb" / "sts-test.csv"
BACKENDS = ("torch", "onnx", "onnx-int8")


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    gold: float


def read_sts(path: Path) -> list[Pair]:
    """STS-B rows: tab-separated, score in column 5, the sentences in columns 6 and 7
    (some rows carry extra source columns after them)."""
    out: list[Pair] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7:
                continue
            try:
                gold = float(cols[4])
            except ValueError:
                continue
            out.append(Pair(cols[5], cols[6], gold))
    return out




@dataclass
class Result:
    backend: str
    load_s: float
    best_s: float = float("inf")
    spearman: float = float("nan")
    agree_mean: float = float("nan")
    agree_min: float = float("nan")
    skipped: str = ""


def _version(pkg: str) -> str:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "-"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    ap.add_argument("--sts", type=Path, default=STSB_TEST, help="STS-B test file (default: %(default)s)")
    ap.add_argument("--limit", type=int, default=None, metavar="N",
                    help="time only the first N distinct sentences (accuracy always uses every pair)")
    ap.add_argument("--repeat", type=int, default=2, metavar="R", help="timed runs per backend (default 2)")
    ap.add_argument("--backends", nargs="+", choices=BACKENDS, default=list(BACKENDS))
    ap.add_argument("--batch-size", type=int, default=32, help="encoder batch size (default 32)")
    ap.add_argument("--onnx-dir", default=None, help="where ONNX exports are kept (default: the user cache)")
    args = ap.parse_args(argv)
    if args.repeat < 1 or (args.limit is not None and args.limit < 1):
        ap.error("--repeat and --limit must be at least 1")
    cmd = " ".join(["python", "benchmarks/encoders.py", *(argv if argv is not None else sys.argv[1:])])
    print(f"`{cmd}` — {_dt.datetime.now().astimezone().isoformat(timespec='seconds')}; "
          f"{platform.platform()}, nproc {nproc()}, load average {load_average()}; Python "
          f"{platform.python_version()}, torch {_version('torch')}, sentence-transformers "
          f"{_version('sentence-transformers')}, onnxruntime {_version('onnxruntime')}, onnx {_version('onnx')}\n")
    if not args.sts.is_file():
        print(f"Encoder benchmark skipped: {args.sts} not found.")
        return 0
    pairs = read_sts(args.sts)
    if not pairs:
        print(f"Encoder benchmark skipped: no pairs in {args.sts}.")
        return 0
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from claimcheck import SentenceTransformerEncoder
    from claimcheck.errors import ModelError

    sentences = list(dict.fromkeys([p.a for p in pairs] + [p.b for p in pairs]))
    timed = sentences[: args.limit] if args.limit else sentences
    encoders: dict[str, SentenceTransformerEncoder] = {}
    results: dict[str, Result] = {}
    for name in args.backends:
        enc = SentenceTransformerEncoder(backend=name, batch_size=args.batch_size, onnx_dir=args.onnx_dir)
        t0 = time.perf_counter()
        try:
            enc.encode(sentences[:8])  # loads (and for ONNX, on first use, exports) the model
        except ModelError as exc:
            results[name] = Result(name, 0.0, skipped=str(exc))
            continue
        results[name] = Result(name, time.perf_counter() - t0)
        encoders[name] = enc
    for r in range(args.repeat):
        names = list(encoders) if r % 2 == 0 else list(reversed(encoders))
        for name in names:
            t0 = time.perf_counter()
            encoders[name].encode(timed)
            results[name].best_s = min(results[name].best_s, time.perf_counter() - t0)
        print(f"run {r + 1}/{args.repeat}: " + ", ".join(f"{n} {results[n].best_s:.1f}s" for n in encoders)
              + f"; load average {load_average()}", file=sys.stderr)
    vectors = {name: enc.encode(sentences) for name, enc in encoders.items()}
    row = {s: k for k, s in enumerate(sentences)}
    ia = [row[p.a] for p in pairs]
    ib = [row[p.b] for p in pairs]
    gold = [p.gold for p in pairs]
    for name, m in vectors.items():
        cos = (m[ia] * m[ib]).sum(axis=1)
        results[name].spearman = spearman(cos.tolist(), gold)
        if "torch" in vectors:
            agree = (m * vectors["torch"]).sum(axis=1)
            results[name].agree_mean, results[name].agree_min = float(agree.mean()), float(agree.min())

    print(f"## Encoder backends: {len(timed)} distinct STS-B test sentences timed "
          f"(best of {args.repeat}), {len(pairs)} pairs scored\n")
    base = results.get("torch")
    print("| backend | first load (s) | encode (s) | sentences/s | speed vs torch | STS-B Spearman "
          "| Δ Spearman vs torch | cosine to torch (mean / min) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name in args.backends:
        res = results[name]
        if res.skipped:
            print(f"| {name} | - | - | - | - | - | - | skipped: {res.skipped} |")
            continue
        rate = len(timed) / res.best_s if res.best_s > 0 else float("inf")
        speed = f"{base.best_s / res.best_s:.2f}x" if base and not base.skipped and res.best_s > 0 else "-"
        delta = f"{res.spearman - base.spearman:+.4f}" if base and not base.skipped else "-"
        agree = f"{res.agree_mean:.4f} / {res.agree_min:.4f}" if not np.isnan(res.agree_mean) else "-"
        print(f"| {name} | {res.load_s:.1f} | {res.best_s:.2f} | {rate:.1f} | {speed} | {res.spearman:.4f} "
              f"| {delta} | {agree} |")
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
