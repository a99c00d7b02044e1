"""Contradiction precision and recall on the bundled examples and the seed article.

    python benchmarks/examples.py                 # the table
    python benchmarks/examples.py --show-flags    # and every flagged pair the gold does not name
    python benchmarks/examples.py --stories examples/heldout   # another folder of stories
    python benchmarks/examples.py --show-misses   # and what the judge says of each gold pair it missed

Prints one table.  The quake example (examples/quake.jsonl) is invented by
the project and its labels are in examples/quake.gold.json; it was used while
developing the judge, so read its figures as a regression check, not as a
held-out score.  The six multi-outlet stories (examples/clusters/, also
invented, written for the paraphrase-cluster benchmark) label their
contradictions and their merely compatible pairs ("traps"); their labels are
not exhaustive, so "precision" there counts only flags that match a gold
contradiction and is a lower bound (``--show-flags`` lists the others).  The
seed article (../shared/seeds/, skipped if absent) has one required pair:
Trump's "very good prospect" against Putin's "still far off".  The three
stories in examples/heldout/ were written by a helper that never saw the
code, and were run once before any change was made with them in view: see
docs/benchmarks.md for that first run.
"""

from __future__ import annotations

import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clusters import claim_at  # noqa: E402  (the gold-quote -> claim rule of examples/clusters/README.md)

import claimcheck  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "moscow-times-putin-trump-2025-08-07.txt"


def _span(article: claimcheck.Article, quote: str) -> tuple[int, int]:
    start = article.text.index(quote)
    return start, start + len(quote)


def _overlaps(c: claimcheck.Claim, art: str, span: tuple[int, int]) -> bool:
    return c.article == art and c.start < span[1] and span[0] < c.end


def _covers(x: claimcheck.Claim, y: claimcheck.Claim, pair: tuple[str, tuple[int, int], str, tuple[int, int]]) -> bool:
    """Whether the claims ``x`` and ``y`` (either way round) overlap the two quotes of a gold pair."""
    aa, sa, ab, sb = pair
    return (_overlaps(x, aa, sa) and _overlaps(y, ab, sb)) or (_overlaps(y, aa, sa) and _overlaps(x, ab, sb))


def score(report: claimcheck.Report, gold: list[tuple[str, tuple[int, int], str, tuple[int, int]]]) -> tuple[int, int]:
    """(gold pairs found, flagged pairs that match some gold pair)."""
    index = {c.id: c for c in report.claims}
    found = 0
    matched: set[tuple[str, str]] = set()
    for pair in gold:
        hit = False
        for j in report.contradictions:
            if _covers(index[j.a], index[j.b], pair):
                hit = True
                matched.add((j.a, j.b))
        found += hit
    return found, len(matched)


Pairs = list[tuple[str, tuple[int, int], str, tuple[int, int]]]


def _pairs(by_id: dict[str, claimcheck.Article], entries: list[dict[str, Any]]) -> Pairs:
    return [(g["a"]["article"], _span(by_id[g["a"]["article"]], g["a"]["quote"]),
             g["b"]["article"], _span(by_id[g["b"]["article"]], g["b"]["quote"])) for g in entries]


def show_misses(pipe: claimcheck.Pipeline, report: claimcheck.Report, gold: Pairs, story: str) -> None:
    """Print each gold contradiction no flag covers, with the judge's verdict on its two claims."""
    index = {c.id: c for c in report.claims}
    spans = [{"id": c.id, "article": c.article, "start": c.start, "end": c.end} for c in report.claims]
    for pair in gold:
        if any(_covers(index[j.a], index[j.b], pair) for j in report.contradictions):
            continue
        aa, sa, ab, sb = pair
        ida, idb = claim_at(aa, *sa, spans), claim_at(ab, *sb, spans)
        x = index[ida] if ida is not None else None
        y = index[idb] if idb is not None else None
        if x is None or y is None:
            print(f"  missed ({story}): a quote maps to no claim: {aa} {sa} / {ab} {sb}")
            continue
        e = pipe.encoder.encode([x.text, y.text])
        cos = float(e[0] @ e[1]) / max(float((e[0] @ e[0]) ** 0.5 * (e[1] @ e[1]) ** 0.5), 1e-12)
        j = pipe.judge.judge(x, y, cos)
        print(f"  missed ({story}): {x.text!r} vs {y.text!r}\n      cos {cos:.2f} -> {j.label}/{j.kind}: {j.reason}")


def run_labelled(pipe: claimcheck.Pipeline, articles: Path, gold_path: Path,
                 show: bool = False, misses: bool = False) -> tuple[int, int, int, int, int, int, float]:
    """Run the pipeline on one labelled example: ``(claims, gold pairs, flagged,
    gold found, flagged pairs matching gold, traps flagged, seconds)``."""
    arts = claimcheck.read_paths([articles])
    by_id = {a.id: a for a in arts}
    gold_file = json.loads(gold_path.read_text(encoding="utf-8"))
    gold = _pairs(by_id, gold_file["contradictions"])
    traps = _pairs(by_id, gold_file.get("compatible", []))
    t = time.perf_counter()
    report = pipe.run(arts)
    elapsed = time.perf_counter() - t
    found, good = score(report, gold)
    trapped, _ = score(report, traps)
    if show:
        index = {c.id: c for c in report.claims}
        for j in report.contradictions:
            x, y = index[j.a], index[j.b]
            if not any(_covers(x, y, pair) for pair in gold):
                print(f"  not in gold ({articles.stem}): [{j.kind}] {x.text!r} vs {y.text!r}")
    if misses:
        show_misses(pipe, report, gold, articles.stem)
    return len(report.claims), len(gold), len(report.contradictions), found, good, trapped, elapsed


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    show = "--show-flags" in args
    misses = "--show-misses" in args
    stories = ROOT / "examples" / "clusters"
    if "--stories" in args:
        stories = Path(args[args.index("--stories") + 1]).resolve()
    rows = []
    pipe = claimcheck.Pipeline()
    pipe.encoder.encode(["warm-up"])  # load the model outside the timed runs
    n, g, flagged, found, good, trapped, elapsed = run_labelled(
        pipe, ROOT / "examples" / "quake.jsonl", ROOT / "examples" / "quake.gold.json", show, misses)
    rows.append(("quake example (4 outlets)", n, g, flagged, found,
                 good / flagged if flagged else 1.0, found / g, trapped, elapsed))
    total = [0] * 6 + [0.0]
    names = sorted(stories.glob("*.gold.json"))
    for story in names:
        name = story.name.removesuffix(".gold.json")
        res = run_labelled(pipe, story.with_name(f"{name}.jsonl"), story, show, misses)
        n, g, flagged, found, good, trapped, elapsed = res
        rows.append((f"story: {name}", n, g, flagged, found, good / flagged if flagged else 1.0,
                     found / g if g else float("nan"), trapped, elapsed))
        total = [x + y for x, y in zip(total, res)]
    if total[1]:
        n, g, flagged, found, good, trapped, elapsed = total
        rows.append((f"**all {len(names)} stories ({stories.name})**", int(n), int(g), int(flagged), int(found),
                     good / flagged if flagged else 1.0, found / g, int(trapped), elapsed))
    if SEED.exists():
        seed = claimcheck.Article(id="seed", source="Moscow Times", text=SEED.read_text(encoding="utf-8"))
        t = time.perf_counter()
        rep = pipe.run([seed])
        elapsed = time.perf_counter() - t
        sgold = [("seed", _span(seed, "very good prospect"), "seed", _span(seed, "still far off"))]
        found, _ = score(rep, sgold)
        rows.append(("seed article (required pair)", len(rep.claims), 1, len(rep.contradictions), found,
                     float("nan"), found / 1, 0, elapsed))
    head = ("data", "claims", "gold", "flagged", "gold found", "precision (stories: lower bound)", "recall",
            "traps flagged", "seconds")
    print(f"claimcheck {claimcheck.__version__}, Python {platform.python_version()}, {platform.machine()}")
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for r in rows:
        print(" | ".join([r[0], str(r[1]), str(r[2]), str(r[3]), str(r[4]),
                          "n/a" if r[5] != r[5] else f"{r[5]:.2f}", f"{r[6]:.2f}", str(r[7]), f"{r[8]:.2f}"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
