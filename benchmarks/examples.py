"""Contradiction precision and recall on the bundled example and the seed article.

    python benchmarks/examples.py

Prints one table.  The quake example (examples/quake.jsonl) is invented by
the project and its labels are in examples/quake.gold.json; it was used while
developing the judge, so read its figures as a regression check, not as a
held-out score.  The seed article (../shared/seeds/, skipped if absent) has
one required pair: Trump's "very good prospect" against Putin's "still far off".
"""

from __future__ import annotations

import json
import platform
import sys
import time
from pathlib import Path

import claimcheck

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "moscow-times-putin-trump-2025-08-07.txt"


def _span(article: claimcheck.Article, quote: str) -> tuple[int, int]:
    start = article.text.index(quote)
    return start, start + len(quote)


def _overlaps(c: claimcheck.Claim, art: str, span: tuple[int, int]) -> bool:
    return c.article == art and c.start < span[1] and span[0] < c.end


def score(report: claimcheck.Report, gold: list[tuple[str, tuple[int, int], str, tuple[int, int]]]) -> tuple[int, int]:
    """(gold pairs found, flagged pairs that match some gold pair)."""
    index = {c.id: c for c in report.claims}
    found = 0
    matched: set[tuple[str, str]] = set()
    for aa, sa, ab, sb in gold:
        hit = False
        for j in report.contradictions:
            x, y = index[j.a], index[j.b]
            if (_overlaps(x, aa, sa) and _overlaps(y, ab, sb)) or (_overlaps(y, aa, sa) and _overlaps(x, ab, sb)):
                hit = True
                matched.add((j.a, j.b))
        found += hit
    return found, len(matched)


def main() -> int:
    rows = []
    arts = claimcheck.read_paths([ROOT / "examples" / "quake.jsonl"])
    by_id = {a.id: a for a in arts}
    gold_file = json.loads((ROOT / "examples" / "quake.gold.json").read_text(encoding="utf-8"))
    gold = [(g["a"]["article"], _span(by_id[g["a"]["article"]], g["a"]["quote"]),
             g["b"]["article"], _span(by_id[g["b"]["article"]], g["b"]["quote"]))
            for g in gold_file["contradictions"]]
    traps = [(g["a"]["article"], _span(by_id[g["a"]["article"]], g["a"]["quote"]),
              g["b"]["article"], _span(by_id[g["b"]["article"]], g["b"]["quote"]))
             for g in gold_file["compatible"]]
    pipe = claimcheck.Pipeline()
    pipe.encoder.encode(["warm-up"])  # load the model outside the timed runs
    t = time.perf_counter()
    report = pipe.run(arts)
    elapsed = time.perf_counter() - t
    found, good = score(report, gold)
    trapped, _ = score(report, traps)
    flagged = len(report.contradictions)
    rows.append(("quake example (4 outlets)", len(report.claims), len(gold), flagged, found,
                 good / flagged if flagged else 1.0, found / len(gold), trapped, elapsed))
    if SEED.exists():
        seed = claimcheck.Article(id="seed", source="Moscow Times", text=SEED.read_text(encoding="utf-8"))
        t = time.perf_counter()
        rep = pipe.run([seed])
        elapsed = time.perf_counter() - t
        sgold = [("seed", _span(seed, "very good prospect"), "seed", _span(seed, "still far off"))]
        found, _ = score(rep, sgold)
        rows.append(("seed article (required pair)", len(rep.claims), 1, len(rep.contradictions), found,
                     float("nan"), found / 1, 0, elapsed))
    head = ("data", "claims", "gold", "flagged", "gold found", "precision", "recall", "traps flagged", "seconds")
    print(f"claimcheck {claimcheck.__version__}, Python {platform.python_version()}, {platform.machine()}")
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for r in rows:
        print(" | ".join([r[0], str(r[1]), str(r[2]), str(r[3]), str(r[4]),
                          "n/a" if r[5] != r[5] else f"{r[5]:.2f}", f"{r[6]:.2f}", str(r[7]), f"{r[8]:.2f}"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
