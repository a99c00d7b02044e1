"""examples/quake.jsonl against its gold labels (examples/quake.gold.json),
with the real models (loaded once per session)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimcheck import Article, Report

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
GOLD: dict[str, Any] = json.loads((EXAMPLES / "quake.gold.json").read_text(encoding="utf-8"))


def _quote_range(articles: dict[str, Article], side: dict[str, str]) -> tuple[str, int, int]:
    text = articles[side["article"]].text
    at = text.find(side["quote"])
    assert at >= 0, f"gold quote not in {side['article']}: {side['quote']!r}"
    return side["article"], at, at + len(side["quote"])


def _claims_over(report: Report, where: tuple[str, int, int]) -> set[str]:
    """Ids of the claims whose span overlaps the quote."""
    art, s, e = where
    return {c.id for c in report.claims if c.article == art and c.start < e and s < c.end}


def _flagged(report: Report, pair: dict[str, Any]) -> list[str]:
    """Kinds of the contradictions that link a claim over quote a with a claim over quote b."""
    articles = {a.id: a for a in report.articles}
    ca = _claims_over(report, _quote_range(articles, pair["a"]))
    cb = _claims_over(report, _quote_range(articles, pair["b"]))
    return [j.kind for j in report.contradictions
            if (j.a in ca and j.b in cb) or (j.a in cb and j.b in ca)]


def test_gold_quotes_are_in_the_articles(quake_articles: list[Article]) -> None:
    """Every gold quote is an exact substring of its article (the gold file is usable)."""
    articles = {a.id: a for a in quake_articles}
    for section in ("contradictions", "compatible", "paraphrases"):
        for pair in GOLD[section]:
            for side in ("a", "b"):
                _quote_range(articles, pair[side])


def test_most_planted_contradictions_are_found(quake_report: Report) -> None:
    """At least 3 of the 5 planted contradictions are flagged between claims over the two quotes."""
    found = []
    for pair in GOLD["contradictions"]:
        kinds = _flagged(quake_report, pair)
        found.append((pair["kind"], kinds))
        print(f"gold {pair['kind']:<10} -> {'FOUND as ' + ', '.join(kinds) if kinds else 'missed'}")
    assert sum(1 for _, kinds in found if kinds) >= 3, found


@pytest.mark.parametrize("pair", GOLD["compatible"], ids=[p["why"][:40] for p in GOLD["compatible"]])
def test_compatible_pairs_are_not_flagged(quake_report: Report, pair: dict[str, Any]) -> None:
    """A gold "compatible" pair (trap) is never flagged as a contradiction."""
    assert _flagged(quake_report, pair) == []


def test_furniture_is_not_a_claim(quake_report: Report) -> None:
    """The byline, the "Related article" line and the bare URL never appear in a claim's span."""
    articles = {a.id: a for a in quake_report.articles}
    for item in GOLD["furniture"]:
        assert _claims_over(quake_report, _quote_range(articles, {"article": item["article"],
                                                                   "quote": item["quote"]})) == set()


def test_few_false_alarms(quake_report: Report) -> None:
    """The report has no more contradictions than twice the number planted."""
    assert len(quake_report.contradictions) <= 2 * len(GOLD["contradictions"])


def test_every_article_is_processed(quake_report: Report) -> None:
    """All four articles are processed and give claims."""
    status = quake_report.to_dict()["articles"]
    assert [a["status"] for a in status] == ["processed"] * 4
    assert all(a["claims"] > 0 for a in status)


STORIES = sorted((EXAMPLES / "clusters").glob("*.gold.json"))


@pytest.fixture(scope="module")
def story_reports(st_encoder: Any) -> list[tuple[Report, dict[str, Any]]]:
    """``check()`` on each multi-outlet story in examples/clusters/, with its gold file."""
    import claimcheck

    out = []
    for gold_path in STORIES:
        arts = claimcheck.read_paths([gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".jsonl")])
        out.append((claimcheck.check(arts, encoder=st_encoder), json.loads(gold_path.read_text(encoding="utf-8"))))
    return out


def test_stories_contradictions_are_mostly_found_and_traps_never(
        story_reports: list[tuple[Report, dict[str, Any]]]) -> None:
    """The six stories' labelled contradictions: at least 13 of 22 are flagged
    (14 on 2026-11-26 with the opposition list, docs/benchmarks.md), and none of their labelled
    compatible pairs ("traps": related counts, different facts) is."""
    found = total = 0
    for report, gold in story_reports:
        for pair in gold["contradictions"]:
            total += 1
            found += bool(_flagged(report, pair))
        for pair in gold["compatible"]:
            assert not _flagged(report, pair), pair["why"]
    assert total == 22
    assert found >= 13, f"{found} of {total}"
