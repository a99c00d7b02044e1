"""Score claimcheck's pair judge on public labelled pair sets (evaluation splits only).

    python benchmarks/pairs.py                          # every built-in set found, real encoder
    python benchmarks/pairs.py --data breaking sick     # some of them
    python benchmarks/pairs.py --data fnc1 --limit 1000
    python benchmarks/pairs.py --jsonl my_pairs.jsonl   # {"a": ..., "b": ..., "label": ...} per line
    python benchmarks/pairs.py --encoder hashing        # fast fake encoder, for smoke runs

Reads ``../shared/data/`` (see its README.md; ``--data-dir`` points elsewhere)
and only ever the evaluation splits: SICK ``SICK_test_annotated.txt``,
Breaking-NLI held-out premises (sha1(sentence1) % 5 == 0), MSRP
``msr-para-test.tsv`` and FNC-1's competition test split.  A set whose folder
is missing is skipped with a note.  Nothing is trained or tuned here.

Each set is judged with :func:`claimcheck.compare_many` and printed as
markdown tables.  Labels: claimcheck's contradiction and entailment map to
themselves, and compatible, update and unrelated all count as neutral (3-way
scoring); for MSRP, entailment is a paraphrase and anything else is not.  For
FNC-1 the headline is paired with each body sentence and the headline-body
pair counts as ``disagree`` if any sentence pair is a contradiction.
Pairs per second time the judging only (models are loaded beforehand).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import platform
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _readers as R  # noqa: E402

import claimcheck  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CHUNK = 256  # pairs per compare_many call; only for progress reporting (pairs are judged independently)
FNC1_DEFAULT_LIMIT = 300


@dataclass(frozen=True)
class Builtin:
    title: str
    folder: str
    run: Callable[[Path, int | None, claimcheck.Encoder], None]


# ---------------------------------------------------------------- judging and printing


def judge(pairs: Sequence[tuple[str, str]], encoder: claimcheck.Encoder, name: str,
          scores: list[float] | None = None) -> tuple[list[str], float]:
    """claimcheck labels for ``pairs`` and the seconds spent judging them.

    When ``scores`` is given, each judgement's score is appended to it.
    """
    labels: list[str] = []
    t0 = time.perf_counter()
    for start in range(0, len(pairs), CHUNK):
        chunk = list(pairs[start:start + CHUNK])
        js = claimcheck.compare_many(chunk, encoder=encoder)
        labels.extend(j.label for j in js)
        if scores is not None:
            scores.extend(j.score for j in js)
        done = start + len(chunk)
        print(f"  [{name}] {done}/{len(pairs)} pairs, {time.perf_counter() - t0:.0f}s", file=sys.stderr, flush=True)
    return labels, time.perf_counter() - t0


def calibration(scores: Sequence[float], correct: Sequence[bool]) -> tuple[list[tuple[str, int, float, float]], float]:
    """Reliability rows ``(bin, n, mean score, accuracy)`` and the expected calibration error.

    A judgement's score is its confidence in its own label, so in a
    calibrated judge the share of correct labels in each bin matches the
    bin's mean score.
    """
    edges = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001]
    rows = []
    ece = 0.0
    for lo, hi in zip(edges, edges[1:]):
        idx = [k for k, s in enumerate(scores) if lo <= s < hi]
        if not idx:
            continue
        conf = sum(scores[k] for k in idx) / len(idx)
        acc = sum(correct[k] for k in idx) / len(idx)
        rows.append((f"{lo:.1f}-{min(hi, 1.0):.1f}", len(idx), conf, acc))
        ece += len(idx) / len(scores) * abs(conf - acc)
    return rows, ece


def print_calibration(scores: Sequence[float], correct: Sequence[bool]) -> None:
    rows, ece = calibration(scores, correct)
    print("| score bin | judgements | mean score | share correct |")
    print("|---|---:|---:|---:|")
    for name, n, conf, acc in rows:
        print(f"| {name} | {n} | {conf:.3f} | {acc:.3f} |")
    print(f"\nexpected calibration error: {ece:.3f}\n")


def _f(x: object) -> str:
    return f"{x:.3f}" if isinstance(x, float) else str(x)


def print_metrics(m: dict[str, object], *, pairs_per_s: float, n_label: str = "n pairs", n: str | None = None) -> None:
    per_label = m["per_label"]
    assert isinstance(per_label, dict)
    print("| label | precision | recall | F1 | support | predicted |")
    print("|---|---:|---:|---:|---:|---:|")
    for lab, v in per_label.items():
        print(f"| {lab} | {_f(v['precision'])} | {_f(v['recall'])} | {_f(v['f1'])} | {v['support']} | "
              f"{v['predicted']} |")
    print()
    print(f"| balanced accuracy | accuracy | macro F1 | pairs/s | {n_label} |")
    print("|---:|---:|---:|---:|---:|")
    print(f"| {_f(m['balanced_accuracy'])} | {_f(m['accuracy'])} | {_f(m['macro_f1'])} | {pairs_per_s:.1f} | "
          f"{n if n is not None else m['n']} |")
    print()


def print_raw(preds: Sequence[str]) -> None:
    counts = Counter(preds)
    print("claimcheck labels: " + ", ".join(f"{lab} {counts[lab]}" for lab in claimcheck.LABELS if counts[lab]))
    print()


def run_nli(title: str, note: str, pairs: list[R.Pair], encoder: claimcheck.Encoder, *, by_group: bool) -> None:
    """Judge 3-way NLI pairs and print the tables (and contradiction recall per group if asked)."""
    print(f"## {title}\n\n{note}; scored 3-way (compatible, update, unrelated -> neutral)\n")
    if not pairs:
        print("no pairs\n")
        return
    scores: list[float] = []
    preds, secs = judge([(p.a, p.b) for p in pairs], encoder, title, scores)
    gold = [p.label for p in pairs]
    m = R.metrics(gold, [R.to_nli(x) for x in preds], R.NLI_LABELS)
    print_metrics(m, pairs_per_s=len(pairs) / secs)
    print_raw(preds)
    print_calibration(scores, [R.to_nli(x) == g for x, g in zip(preds, gold)])
    if by_group:
        rows: dict[str, list[int]] = {}
        for p, x in zip(pairs, preds):
            if p.label == "contradiction":
                r = rows.setdefault(p.group or "-", [0, 0])
                r[0] += 1
                r[1] += x == "contradiction"
        print("| category | contradictions | found | contradiction recall |")
        print("|---|---:|---:|---:|")
        for cat in sorted(rows):
            n, hit = rows[cat]
            print(f"| {cat} | {n} | {hit} | {hit / n:.3f} |")
        print()


# ---------------------------------------------------------------- the sets


def run_sick(folder: Path, limit: int | None, encoder: claimcheck.Encoder) -> None:
    pairs = R.read_sick(folder / "SICK_test_annotated.txt", limit=limit)
    note = f"`sick2014/SICK_test_annotated.txt`, {'first ' + str(limit) if limit else 'all'} rows: {len(pairs)} pairs"
    run_nli("SICK 2014 test", note, pairs, encoder, by_group=False)


def run_breaking(folder: Path, limit: int | None, encoder: claimcheck.Encoder) -> None:
    pairs = R.read_breaking_nli(folder / "dataset.jsonl", split="eval", limit=limit)
    note = (f"`breaking_nli/dataset.jsonl`, held-out premises (sha1 % 5 == 0), "
            f"{'first ' + str(limit) if limit else 'all'} rows: {len(pairs)} pairs")
    run_nli("Breaking-NLI held-out", note, pairs, encoder, by_group=True)


def run_msrp(folder: Path, limit: int | None, encoder: claimcheck.Encoder) -> None:
    title = "MSRP test"
    pairs = R.read_msrp(folder / "msr-para-test.tsv", limit=limit)
    print(f"## {title}\n\n`msrp/msr-para-test.tsv`, {'first ' + str(limit) if limit else 'all'} rows: "
          f"{len(pairs)} pairs; entailment -> paraphrase, any other label -> non-paraphrase\n")
    if not pairs:
        print("no pairs\n")
        return
    scores: list[float] = []
    preds, secs = judge([(p.a, p.b) for p in pairs], encoder, title, scores)
    m = R.metrics([p.label for p in pairs], [R.to_msrp(x) for x in preds], R.MSRP_LABELS)
    print_metrics(m, pairs_per_s=len(pairs) / secs)
    print_raw(preds)
    print_calibration(scores, [R.to_msrp(x) == p.label for x, p in zip(preds, pairs)])


def run_fnc1(folder: Path, limit: int | None, encoder: claimcheck.Encoder) -> None:
    title = "FNC-1 competition test"
    stances = folder / "competition_test_stances.csv"
    everything = R.read_fnc1_stances(stances)
    limit = FNC1_DEFAULT_LIMIT if limit is None else limit
    docs = R.read_fnc1_stances(stances, limit=limit)
    have = Counter(p.label for p in docs)
    print(f"## {title}\n\n`fnc1/competition_test_{{stances,bodies}}.csv`: {len(docs)} of {len(everything)} "
          f"headline-body pairs, stance-balanced deterministic sample (stances taken in turn, each stance's rows "
          f"in file order: " + ", ".join(f"{s} {have[s]}" for s in R.FNC1_STANCES) + "). "
          "Each headline is judged against every body sentence (regex splitter, pieces of 3+ words); "
          "a pair is `disagree` if any sentence pair is a contradiction.\n")
    if not docs:
        print("no pairs\n")
        return
    flat: list[tuple[str, str]] = []
    spans: list[tuple[int, int]] = []
    for d in docs:
        sents = R.split_sentences(d.b) or [d.b]
        spans.append((len(flat), len(flat) + len(sents)))
        flat.extend((d.a, s) for s in sents)
    preds, secs = judge(flat, encoder, title)
    doc_pred = [R.to_fnc1(preds[i:j]) for i, j in spans]
    m = R.metrics([R.fnc1_gold(d.label) for d in docs], doc_pred, R.FNC1_LABELS)
    print_metrics(m, pairs_per_s=len(flat) / secs, n_label="n pairs (headline-body / sentence)",
                  n=f"{len(docs)} / {len(flat)}")
    print("(pairs/s counts sentence pairs)\n")
    print_raw(preds)
    full = Counter(p.label for p in everything)
    flagged = Counter(d.label for d, x in zip(docs, doc_pred) if x == "disagree")
    print("| gold stance | headline-body pairs | flagged disagree | flag rate |")
    print("|---|---:|---:|---:|")
    for s in R.FNC1_STANCES:
        if have[s]:
            print(f"| {s} | {have[s]} | {flagged[s]} | {flagged[s] / have[s]:.3f} |")
    print()
    # The sample is balanced, so its precision overstates what a natural mix gives;
    # re-weight each stance's flag rate by its share of the full test split.
    rate = {s: flagged[s] / have[s] for s in R.FNC1_STANCES if have[s]}
    if "disagree" in rate and len(rate) == len(R.FNC1_STANCES):
        expect = {s: rate[s] * full[s] for s in rate}
        total = sum(expect.values())
        est = expect["disagree"] / total if total else 0.0
        print(f"disagree precision re-weighted to the full split's stance mix ({full['disagree']} of "
              f"{len(everything)} disagree): {est:.3f}\n")


BUILTINS: dict[str, Builtin] = {
    "sick": Builtin("SICK 2014 test", "sick2014", run_sick),
    "breaking": Builtin("Breaking-NLI held-out", "breaking_nli", run_breaking),
    "msrp": Builtin("MSRP test", "msrp", run_msrp),
    "fnc1": Builtin("FNC-1 competition test", "fnc1", run_fnc1),
}


# ---------------------------------------------------------------- main


def _git() -> str:
    """HEAD, plus a fingerprint of uncommitted changes under claimcheck/ so that runs can be matched up."""

    def git(*args: str) -> bytes:
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, check=True).stdout

    try:
        head = git("rev-parse", "--short", "HEAD").decode().strip()
        diff = git("diff", "HEAD", "--", "claimcheck")
        untracked = git("ls-files", "--others", "--exclude-standard", "-z", "--", "claimcheck").split(b"\0")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    h = hashlib.sha1(diff)
    for name in sorted(u for u in untracked if u):
        h.update(name)
        try:
            h.update((ROOT / name.decode()).read_bytes())
        except OSError:
            pass
    if not diff and not any(untracked):
        return head
    return f"{head} + uncommitted changes in claimcheck/ (fingerprint {h.hexdigest()[:10]})"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--data", nargs="+", choices=list(BUILTINS), metavar="SET",
                     help=f"built-in sets to run: {' '.join(BUILTINS)} (default: all that exist)")
    src.add_argument("--jsonl", type=Path, metavar="FILE",
                     help='your own pairs, one {"a": ..., "b": ..., "label": ...} per line (3-way NLI labels)')
    ap.add_argument("--limit", type=int, metavar="N",
                    help=f"pairs per set (default: all; FNC-1: {FNC1_DEFAULT_LIMIT} headline-body pairs)")
    ap.add_argument("--encoder", choices=["real", "hashing"], default="real",
                    help="real: SentenceTransformerEncoder (default); hashing: fast fake HashingEncoder")
    ap.add_argument("--data-dir", type=Path, default=DATA, help=f"shared data folder (default: {DATA})")
    args = ap.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        ap.error("--limit must be at least 1")

    encoder: claimcheck.Encoder = (claimcheck.SentenceTransformerEncoder() if args.encoder == "real"
                                   else claimcheck.HashingEncoder())
    claimcheck.compare_many([("Warm-up claim.", "Another warm-up claim.")], encoder=encoder)  # load the models

    print(f"# claimcheck pair benchmarks\n\nclaimcheck {claimcheck.__version__} at git {_git()}; "
          f"encoder {type(encoder).__name__}; Python {platform.python_version()} on {platform.machine()}; "
          f"{_dt.datetime.now().isoformat(timespec='seconds')}\n")
    t0 = time.perf_counter()
    if args.jsonl is not None:
        pairs = R.read_jsonl(args.jsonl, limit=args.limit)
        note = f"`{args.jsonl}`, {'first ' + str(args.limit) if args.limit else 'all'} rows: {len(pairs)} pairs"
        run_nli(f"JSONL {args.jsonl.name}", note, pairs, encoder, by_group=any(p.group for p in pairs))
    else:
        for name in args.data or list(BUILTINS):
            b = BUILTINS[name]
            folder = args.data_dir / b.folder
            if not folder.is_dir():
                print(f"## {b.title}\n\nskipped: {folder} not found\n")
                continue
            t = time.perf_counter()
            b.run(folder, args.limit, encoder)
            print(f"({name}: {time.perf_counter() - t:.0f}s wall, reading and judging)\n")
    print(f"total {time.perf_counter() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
