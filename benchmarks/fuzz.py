"""Fuzz the claim splitter and the JSONL reader with atheris; print how many inputs were tried.

    python benchmarks/fuzz.py                              # both targets, 60 s each
    python benchmarks/fuzz.py --target jsonl --seconds 300
    python benchmarks/fuzz.py --target splitter --runs 5000 --crash-dir /tmp/crashes
    python benchmarks/fuzz.py --replay tests/fuzz/corpus   # run saved inputs once, no atheris needed

Targets (each input is a byte string from libFuzzer, decoded by the target):

* ``splitter``: the bytes become one article's text, either decoded as
  UTF-8 (with replacement) or assembled from a vocabulary of news-like
  tokens, HTML tags, numbers such as ``1e308``, ``NaN`` and
  "twenty-three", impossible dates, emoji, right-to-left text and control
  characters.  The text goes through ``Pipeline.prepare`` (type checks,
  HTML stripping, the English check, ``max_chars``) and then straight to
  ``SpacySplitter.split`` (not through ``Pipeline.extract``, which would
  wrap a splitter crash in a ``ModelError``).
* ``jsonl``: the bytes become a ``.jsonl`` file, either raw or assembled
  from lines that are valid articles, articles with a missing field, a
  wrong type, an extra field, odd numbers (``1e999``, ``NaN``, 5,000-digit
  integers), impossible dates, duplicate ids, non-objects, truncated JSON
  and deep nesting.  ``read_paths`` reads it twice: with ``bad_lines`` (the
  ``--skip-bad-lines`` mode) and strictly.

A :class:`claimcheck.ClaimcheckError` is the expected answer to bad input.
Any other exception is a crash, and so is a broken invariant: a claim span
outside the text, a line that is neither an article nor a reported bad
line, or the strict reader accepting a file the lenient reader found bad
lines in.  Crashes are counted by kind, each kind's first input is saved
in ``--crash-dir``/<target>/ and fuzzing goes on (``--stop-on-crash`` hands the first
one to libFuzzer instead).  ``--seconds`` and ``--runs`` bound each target.

With ``--target all`` (the default) each target runs in its own process
(libFuzzer runs once per process) for ``--seconds`` each.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import load_average, nproc  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ("splitter", "jsonl")
DEFAULT_CORPUS = ROOT / "tests" / "fuzz" / "corpus"


# ---------------------------------------------------------------- decoding bytes


class Draw:
    """Read choices from a byte string; an exhausted string reads as zeros."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def left(self) -> int:
        return len(self.data) - self.pos

    def int(self, n: int) -> int:
        """A number in ``range(n)`` from the next byte."""
        if self.pos >= len(self.data):
            return 0
        b = self.data[self.pos]
        self.pos += 1
        return b % n

    def pick(self, options: tuple[Any, ...]) -> Any:
        return options[self.int(len(options))]

    def take(self, k: int) -> bytes:
        out = self.data[self.pos:self.pos + k]
        self.pos += len(out)
        return out

    def rest(self) -> bytes:
        return self.take(self.left())


WORDS = (
    "The", "the", "minister", "Putin", "Trump", "Ms Solberg", "officials", "police", "he", "she", "they",
    "it", "said", "says", "told", "reporters", "that", "would", "will", "not", "never", "no", "has yet to",
    "is", "was", "were", "killed", "died", "rose", "fell", "arrive", "meet", "a very good prospect",
    "still far off", "at least", "more than", "about", "40", "12", "1e308", "NaN", "-0", "inf",
    "twenty-three", "3.5%", "$2 billion", "10,000", "2025-02-30", "30 February 2025", "February 30",
    "on Monday", "next week", "in 2031", "in Geneva", "in the UAE", "Moscow", "the Kremlin",
    "according to", "adding that", "who", "which", "while", "and", "but", "because", "if", "I think",
    "should", "?", "!", ",", ".", ".", ":", ";", "(", ")", "—", "-", "“", "”", '"', "'", "«", "»",
    "\n", "\n\n", "\t", "  ", "\r\n", "<p>", "</p>", "<b>", "</b>", "<br>", "<script>x()</script>",
    "&amp;", "&#0;", "<!doctype html>", "http://example.com/a?b=1", "Related article:", "By Anya Solberg",
    "GENEVA (Reuters) -", "🙂", "👩‍👩‍👧", "🇺🇦", "שלום עולם", "مرحبا بالعالم", "\u200f", "\u202e", "\u200b",
    "\x00", "\x1b[31m", "\x7f", "\u2028", "\u2029", "\ufeff", "\ud7ff", "\U0010ffff", "Ⅻ", "٣", "𝟘",
    "Der Minister sagte", "дождь", "雨が降った", "x" * 300, "a" * 40 + " " * 40,
)


def article_text(data: bytes) -> str:
    """The article text that ``data`` stands for (see the module docstring)."""
    d = Draw(data)
    mode = d.int(3)
    if mode == 0:
        return d.rest().decode("utf-8", "replace")
    parts: list[str] = []
    while d.left():
        if mode == 2 and d.int(4) == 0:
            parts.append(d.take(1 + d.int(8)).decode("utf-8", "replace"))
        else:
            parts.append(d.pick(WORDS))
        parts.append(d.pick((" ", " ", " ", "")))
    return "".join(parts)


ODD_VALUES = (
    None, True, False, 0, -1, 1.5, float("nan"), float("inf"), [], {}, ["a"], {"text": "x"}, "", " ",
    "x", "Rain fell in Geneva.", "2025-02-30", "2025-13-01", "2025-08-07", "2025-08-07T10:00:00+03:00",
    "yesterday", 20250807, "\x00", "🙂", "שלום", "a" * 2000,
)
RAW_LINES = (
    "", "   ", "{", "}", "[]", "null", "1e308", "NaN", "-Infinity", '"text"', "{'id': 1}", '{"text": "a",}',
    '{"text": "a"} trailing', '{"text": "\\ud800"}', '{"text": "\\u0000"}', "\ufeff{}", "\x00",
    "[" * 3000 + "]" * 3000, '{"a":' * 1500 + "1" + "}" * 1500, '{"id": ' + "9" * 5000 + ', "text": "x"}',
    '{"text": "x", "published": ' + "1" * 4400 + "}", '{"text": 1e999}', '{"id": NaN, "text": "x"}',
)


def jsonl_bytes(data: bytes) -> bytes:
    """The ``.jsonl`` file that ``data`` stands for (see the module docstring)."""
    d = Draw(data)
    if d.int(3) == 0:
        return d.rest()
    lines: list[bytes] = []
    for _ in range(1 + d.int(8)):
        kind = d.int(8)
        if kind == 0:
            lines.append(d.pick(RAW_LINES).encode("utf-8", "surrogatepass"))
            continue
        if kind == 1:
            lines.append(d.take(d.int(32)))
            continue
        obj: dict[str, Any] = {"id": d.pick(("a", "b", "a1", 7, "")), "source": d.pick(("Wire", "Herald", "")),
                               "text": d.pick(("Rain fell.", "Officials said 40 people died.", "", "🙂"))}
        if kind == 2:
            obj.pop(d.pick(("id", "source", "text")))
        elif kind == 3:
            obj[d.pick(("id", "source", "text", "title", "published", "url"))] = d.pick(ODD_VALUES)
        elif kind == 4:
            obj[d.pick(("extra", "ID", "Text", "", "\x00", "published "))] = d.pick(ODD_VALUES)
        elif kind == 5:
            obj["published"] = d.pick(ODD_VALUES)
        line = json.dumps(obj, allow_nan=True, ensure_ascii=bool(d.int(2)))
        if kind == 6 and line:  # corrupt the line at a position the input picks
            k = d.int(len(line))
            line = line[:k] + d.take(d.int(4)).decode("utf-8", "replace") + line[k + 1:]
        lines.append(line.encode("utf-8", "surrogatepass"))
    sep = d.pick((b"\n", b"\r\n", b"\n\n"))
    return sep.join(lines)


# ---------------------------------------------------------------- targets


class Broken(AssertionError):
    """An invariant that fuzzing found broken."""


def _splitter_target() -> Callable[[bytes], int]:
    from claimcheck import Article, HashingEncoder, Pipeline, SpacySplitter

    splitter = SpacySplitter()
    # a small max_chars exercises the cut at a line break; chunk_chars the chunked parse
    pipeline = Pipeline(splitter=splitter, encoder=HashingEncoder(), max_chars=1500)
    small = SpacySplitter(chunk_chars=400, max_claims_per_article=8)
    small._nlp = splitter.nlp  # share the loaded spaCy pipeline

    def run(data: bytes) -> int:
        text = article_text(data)
        arts, todo, skipped = pipeline.prepare([Article(id="fuzz", source="Fuzz Wire", text=text)])
        if len(arts) != 1:
            raise Broken(f"prepare returned {len(arts)} articles for 1")
        # long texts go to the chunked splitter with a claim limit, short ones to the default
        sp = small if len(text) > 400 else splitter
        if True:
            result = sp.split(todo)
            if len(result) != len(todo):
                raise Broken(f"split returned {len(result)} results for {len(todo)} articles")
            for art, (claims, skips) in zip(todo, result):
                n = len(art.text)
                ids = [c.id for c in claims]
                if len(set(ids)) != len(ids):
                    raise Broken(f"duplicate claim ids {ids}")
                for c in claims:
                    if not (0 <= c.start <= c.end <= n):
                        raise Broken(f"claim span {c.start}:{c.end} outside the text (length {n})")
                    if not c.text.strip():
                        raise Broken(f"empty claim text at {c.start}:{c.end}")
                    if c.article != art.id:
                        raise Broken(f"claim names article {c.article!r}, not {art.id!r}")
                for s in [*skips, *skipped]:
                    if s.start is not None and not (0 <= s.start <= (s.end if s.end is not None else s.start)):
                        raise Broken(f"skipped span {s.start}:{s.end} is not a span")
        return 0

    return run


def _jsonl_target(workdir: Path) -> Callable[[bytes], int]:
    from claimcheck import ClaimcheckError, InputError, read_paths
    from claimcheck._types import Skipped

    path = workdir / "fuzz.jsonl"

    def run(data: bytes) -> int:
        refused = 0
        raw = jsonl_bytes(data)
        path.write_bytes(raw)
        bad: list[Skipped] = []
        try:
            lenient = read_paths([path], bad_lines=bad)
        except InputError as exc:
            lenient, lenient_error = None, exc  # undecodable file or duplicate ids: the whole file is refused
            refused += 1
        else:
            lenient_error = None
            text = raw.decode("utf-8-sig")
            lines = [ln for ln in text.split("\n") if ln.rstrip("\r").strip()]
            if len(lenient) + len(bad) != len(lines):
                raise Broken(f"{len(lines)} lines became {len(lenient)} articles and {len(bad)} bad lines")
        try:
            strict = read_paths([path])
        except ClaimcheckError as exc:
            refused += 1
            if lenient is not None and not bad:
                raise Broken(f"the strict reader refused a file with no bad line: {exc}") from None
            if bad and bad[0].article not in str(exc):
                raise Broken(f"the strict error {exc} does not name the first bad line {bad[0].article}") from None
        else:
            if lenient_error is not None:
                raise Broken(f"the strict reader accepted what the lenient one refused: {lenient_error}")
            if bad:
                raise Broken(f"the strict reader accepted a file with bad lines: {bad[0].reason}")
            if [a.to_dict() if hasattr(a, "to_dict") else a for a in strict] != \
                    [a.to_dict() if hasattr(a, "to_dict") else a for a in (lenient or [])]:
                raise Broken("the strict and lenient readers read different articles")
        return refused

    return run


# ---------------------------------------------------------------- the fuzzing loop


class Stats:
    """What one target's run tried and found."""

    def __init__(self, target: str, crash_dir: Path | None) -> None:
        self.target = target
        self.crash_dir = crash_dir
        self.inputs = 0
        self.expected_errors = 0
        self.crashes: dict[str, dict[str, Any]] = {}
        self.slowest = 0.0
        self.started = time.perf_counter()

    def record_crash(self, data: bytes, exc: BaseException) -> None:
        tb = traceback.extract_tb(exc.__traceback__)
        ours = [f for f in tb if "claimcheck" in f.filename.replace("\\", "/").split("/site-packages/")[-1]
                or f.filename.endswith("fuzz.py")]
        where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
        key = f"{type(exc).__name__} at {where}"
        entry = self.crashes.setdefault(key, {"count": 0, "message": str(exc)[:300], "input": None})
        entry["count"] += 1
        if entry["count"] == 1 and self.crash_dir is not None:
            folder = self.crash_dir / self.target  # the layout --replay and --corpus read
            folder.mkdir(parents=True, exist_ok=True)
            saved = folder / f"crash-{hashlib.sha1(data).hexdigest()[:12]}"
            saved.write_bytes(data)
            entry["input"] = str(saved)

    def as_dict(self) -> dict[str, Any]:
        seconds = time.perf_counter() - self.started
        return {"target": self.target, "inputs": self.inputs, "seconds": round(seconds, 1),
                "execs_per_s": round(self.inputs / seconds, 1) if seconds else 0.0,
                "expected_errors": self.expected_errors, "slowest_s": round(self.slowest, 3),
                "crashes": self.crashes}


def make_target(name: str, workdir: Path) -> Callable[[bytes], int]:
    """The target function called ``name`` (one of :data:`TARGETS`)."""
    if name == "splitter":
        return _splitter_target()
    if name == "jsonl":
        return _jsonl_target(workdir)
    raise SystemExit(f"unknown target {name!r}; choose from {', '.join(TARGETS)}")


def guarded(run: Callable[[bytes], int], stats: Stats, *, stop_on_crash: bool = False) -> Callable[[bytes], None]:
    """``run`` with ClaimcheckError (and the refusals ``run`` counts) taken as fine,
    anything else recorded as a crash."""
    from claimcheck import ClaimcheckError

    def one(data: bytes) -> None:
        t0 = time.perf_counter()
        if not stats.inputs:
            stats.started = t0  # the clock starts at the first input, after the models are loaded
        stats.inputs += 1
        try:
            stats.expected_errors += run(data)
        except ClaimcheckError:
            stats.expected_errors += 1
        except Exception as exc:  # noqa: BLE001 - this is what we are looking for
            if stop_on_crash:
                raise
            stats.record_crash(data, exc)
        finally:
            stats.slowest = max(stats.slowest, time.perf_counter() - t0)

    return one


def _fuzz_one(args: argparse.Namespace) -> int:
    """Run one target under atheris until the time or run budget is spent."""
    try:
        import atheris
    except ImportError:
        print("atheris is not installed (pip install atheris); nothing fuzzed")
        return 0
    with atheris.instrument_imports(include=["claimcheck"]):
        import claimcheck  # noqa: F401
        import claimcheck._claims  # noqa: F401
        import claimcheck._io  # noqa: F401
    workdir = Path(tempfile.mkdtemp(prefix="claimcheck-fuzz-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None))
    stats = Stats(args.target, Path(args.crash_dir) if args.crash_dir else None)
    one = guarded(make_target(args.target, workdir), stats, stop_on_crash=args.stop_on_crash)
    deadline = time.perf_counter() + args.seconds

    def test_one_input(data: bytes) -> None:
        one(data)
        if stats.inputs >= args.runs or time.perf_counter() >= deadline:
            result = json.dumps(stats.as_dict())
            if args.stats_file:
                Path(args.stats_file).write_text(result)
            else:
                print(result)
            sys.stdout.flush()
            os._exit(0)  # libFuzzer's own exit would skip the report

    corpus = []
    seeds = Path(args.corpus) / args.target if args.corpus else None
    if seeds is not None and seeds.is_dir():
        work_corpus = workdir / "corpus"  # libFuzzer adds new inputs to the first corpus directory
        work_corpus.mkdir()
        for f in seeds.iterdir():
            if f.is_file():
                (work_corpus / f.name).write_bytes(f.read_bytes())
        corpus = [str(work_corpus)]
    libfuzzer = [sys.argv[0], f"-max_len={args.max_len}", f"-timeout={args.timeout}",
                 f"-max_total_time={int(args.seconds) + 120}", "-rss_limit_mb=4096", "-print_final_stats=0",
                 f"-seed={args.seed}", *corpus]
    atheris.Setup(libfuzzer, test_one_input)
    atheris.Fuzz()
    return 0  # pragma: no cover - Fuzz() does not return


def _replay(args: argparse.Namespace) -> list[dict[str, Any]]:
    """Run every saved input under ``args.replay/<target>/`` once."""
    rows = []
    for target in TARGETS if args.target == "all" else (args.target,):
        folder = Path(args.replay) / target
        files = sorted(f for f in folder.iterdir() if f.is_file()) if folder.is_dir() else []
        stats = Stats(target, Path(args.crash_dir) if args.crash_dir else None)
        with tempfile.TemporaryDirectory() as tmp:
            one = guarded(make_target(target, Path(tmp)), stats, stop_on_crash=args.stop_on_crash)
            for f in files:
                one(f.read_bytes())
        rows.append(stats.as_dict())
    return rows


def _table(rows: list[dict[str, Any]]) -> str:
    head = f"{'target':<10} {'inputs':>9} {'seconds':>8} {'execs/s':>8} {'ClaimcheckError':>16} " \
           f"{'slowest s':>10} {'crash kinds':>12} {'crashes':>8}"
    out = [head, "-" * len(head)]
    for r in rows:
        out.append(f"{r['target']:<10} {r['inputs']:>9} {r['seconds']:>8} {r['execs_per_s']:>8} "
                   f"{r['expected_errors']:>16} {r['slowest_s']:>10} {len(r['crashes']):>12} "
                   f"{sum(c['count'] for c in r['crashes'].values()):>8}")
    for r in rows:
        for key, c in r["crashes"].items():
            out.append(f"  {r['target']}: {key} x{c['count']}: {c['message']}  [input: {c['input']}]")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--target", default="all", choices=[*TARGETS, "all"])
    p.add_argument("--seconds", type=float, default=60.0, help="time budget per target (default 60)")
    p.add_argument("--runs", type=int, default=10**12, help="input budget per target")
    p.add_argument("--max-len", type=int, default=4096, help="longest input libFuzzer makes, in bytes")
    p.add_argument("--timeout", type=int, default=30, help="seconds one input may take before libFuzzer stops")
    p.add_argument("--seed", type=int, default=1, help="libFuzzer's random seed")
    p.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="seed inputs, one folder per target")
    p.add_argument("--crash-dir", default=None, help="save the first input of each crash kind here")
    p.add_argument("--stop-on-crash", action="store_true", help="let the first crash stop the run")
    p.add_argument("--replay", metavar="DIR", help="run the inputs under DIR/<target>/ once each, without atheris")
    p.add_argument("--stats-file", help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.replay:
        rows = _replay(args)
    elif args.target != "all":
        if args.stats_file:
            return _fuzz_one(args)
        with tempfile.TemporaryDirectory() as tmp:
            args.stats_file = str(Path(tmp) / "stats.json")
            _fuzz_one_in_child(args, args.target, args.stats_file)
            rows = [json.loads(Path(args.stats_file).read_text())]
    else:
        rows = []
        with tempfile.TemporaryDirectory() as tmp:
            for target in TARGETS:
                stats_file = str(Path(tmp) / f"{target}.json")
                _fuzz_one_in_child(args, target, stats_file)
                rows.append(json.loads(Path(stats_file).read_text()))
    print(f"claimcheck fuzzing  {_dt.datetime.now(_dt.UTC):%Y-%m-%d %H:%M} UTC  nproc {nproc()}  "
          f"load average {load_average()}")
    print(_table(rows))
    return 1 if any(r["crashes"] for r in rows) else 0


def _fuzz_one_in_child(args: argparse.Namespace, target: str, stats_file: str) -> None:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--target", target, "--seconds", str(args.seconds),
           "--runs", str(args.runs), "--max-len", str(args.max_len), "--timeout", str(args.timeout),
           "--seed", str(args.seed), "--corpus", args.corpus, "--stats-file", stats_file]
    if args.crash_dir:
        cmd += ["--crash-dir", args.crash_dir]
    if args.stop_on_crash:
        cmd.append("--stop-on-crash")
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
    if not Path(stats_file).is_file():
        tail = proc.stdout[-3000:]
        Path(stats_file).write_text(json.dumps({
            "target": target, "inputs": 0, "seconds": 0, "execs_per_s": 0, "expected_errors": 0, "slowest_s": 0,
            "crashes": {f"the fuzzer stopped (exit {proc.returncode})": {"count": 1, "message": tail,
                                                                        "input": None}}}))


if __name__ == "__main__":
    raise SystemExit(main())
