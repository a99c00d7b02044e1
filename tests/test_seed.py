"""The seed article (The Moscow Times, 7 Aug 2025) with the real models.

The models are loaded once per session (see conftest.py); the whole module
takes a few seconds after that, so it runs in the default (CI) selection.
"""

from __future__ import annotations

import json

import pytest

from claimcheck import Claim, Report


def _span(report: Report, c: Claim) -> str:
    text = next(a.text for a in report.articles if a.id == c.article)
    return " ".join(text[c.start:c.end].split())


def _covering(report: Report, phrase: str) -> list[Claim]:
    return [c for c in report.claims if phrase in _span(report, c)]


def test_trump_prospect_contradicts_putin_far_off(seed_report: Report) -> None:
    """Trump's "very good prospect" contradicts Putin's "still far off", and the reason quotes both."""
    trump = {c.id for c in _covering(seed_report, "very good prospect") if "Trump" in (c.speaker or "")}
    putin = {c.id for c in _covering(seed_report, "still far off") if "Putin" in (c.speaker or "")}
    assert trump, "no claim by Trump covers 'very good prospect'"
    assert putin, "no claim by Putin covers 'still far off'"
    hits = [j for j in seed_report.contradictions
            if {j.a, j.b} & trump and {j.a, j.b} & putin]
    assert hits, [j.reason for j in seed_report.contradictions]
    for j in hits:
        assert "very good prospect" in j.reason and "still far off" in j.reason
        assert j.kind == "likelihood"


def test_few_contradictions_on_the_seed(seed_report: Report) -> None:
    """The seed yields at least one and at most 5 contradictions (no flood of false alarms)."""
    assert 1 <= len(seed_report.contradictions) <= 5


def test_no_page_furniture_in_claims(seed_report: Report) -> None:
    """No claim text or evidence span contains a URL, a t.me link or the "Related article" line."""
    assert seed_report.claims
    for c in seed_report.claims:
        span = _span(seed_report, c)
        for junk in ("http", "t.me", "Related article", "Great Progress Made\u2019 During"):
            assert junk not in c.text, (junk, c.text)
            assert junk not in span, (junk, span)


def test_masthead_and_headline_are_skipped(seed_report: Report) -> None:
    """The masthead and the headline are reported as skipped furniture, not turned into claims."""
    for c in seed_report.claims:
        assert "30 YEARS INDEPENDENT" not in c.text
        assert "Meet in \u2018Coming Days,\u2019 Kremlin Says" not in _span(seed_report, c)
    reasons = {s.reason for s in seed_report.skipped if s.what == "text"}
    assert {"heading", "url", "page furniture"} <= reasons


@pytest.mark.parametrize("phrase", [
    "a lot has to", "get close enough", "Today was a good day", "a lot of work ahead", "impediments to overcome",
])
def test_rubio_quotes_are_attributed_to_rubio(seed_report: Report, phrase: str) -> None:
    """Every claim made from Rubio's quotes has a speaker containing "Rubio"."""
    found = _covering(seed_report, phrase)
    assert found, f"no claim covers {phrase!r}"
    for c in found:
        assert "Rubio" in (c.speaker or ""), (c.text, c.speaker)


@pytest.mark.parametrize(("phrase", "who"), [
    ("working with our American colleagues", "Ushakov"),
    ("United Arab Emirates", "Putin"),
    ("very soon", "Trump"),
])
def test_other_speakers_are_resolved(seed_report: Report, phrase: str, who: str) -> None:
    """Ushakov's, Putin's and Trump's statements carry their speaker's name."""
    found = _covering(seed_report, phrase)
    assert found
    assert all(who in (c.speaker or "") for c in found), [(c.text, c.speaker) for c in found]


def test_json_has_the_specified_keys(seed_report: Report) -> None:
    """The JSON report has articles, claims, clusters, contradictions with the specified fields."""
    d = json.loads(seed_report.to_json())
    assert {"articles", "claims", "clusters", "contradictions"} <= set(d)
    assert d["claims"] and d["contradictions"] and d["clusters"]
    for c in d["claims"]:
        assert {"id", "article", "source", "speaker", "text", "start", "end"} <= set(c)
    for j in d["contradictions"]:
        assert {"a", "b", "score", "kind", "reason"} <= set(j)
        assert 0.0 <= j["score"] <= 1.0
    claim_ids = {c["id"] for c in d["claims"]}
    assert all(j["a"] in claim_ids and j["b"] in claim_ids for j in d["contradictions"])
    assert sorted(m for cl in d["clusters"] for m in cl["claims"]) == sorted(claim_ids)
