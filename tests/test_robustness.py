"""Bad and odd input: every case ends in a report or a ClaimcheckError, and
every article is accounted for."""

from __future__ import annotations

import json
import math

import attrs
import pytest

import claimcheck
from claimcheck import Article, Pipeline
from claimcheck._clean import english_score, looks_like_html, strip_html
from claimcheck.errors import ClaimcheckError, ConfigError, InputError

NEWS = "The minister said on Monday that the bridge would reopen next week. Officials confirmed 12 people were hurt."

CASES = {
    "empty": "",
    "whitespace": " \n\t \r\n ",
    "control": "The minister\x00 said\x07 the\x1b bridge would reopen.\x0c Officials agreed.",
    "emoji": "The minister 😀 said the bridge 🌉 would reopen next week. Officials 👍 agreed.",
    "rtl": "The minister said \u202eeht egdirb\u202c would reopen. مرحبا بالعالم. Officials agreed.",
    "long_sentence": " ".join(["word"] * 10_000),
    "numbers": "Officials said 1e308 people and NaN cars and twenty-three buses were counted on Monday.",
    "impossible_date": "The minister said the bridge would reopen on February 30, 2026.",
    "html": "<html><body><p>The minister said the bridge would reopen.</p><script>alert(1)</script></body></html>",
}


def _accounted(report: claimcheck.Report, ids: set[str]) -> None:
    rows = report.to_dict()["articles"]
    assert {r["id"] for r in rows} == ids
    for r in rows:
        assert r["status"] in {"processed", "skipped"}
        if r["status"] == "skipped":
            assert r["reason"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_odd_text_gives_a_report(name: str, hashing_pipeline: Pipeline) -> None:
    """Each odd text ends in a report that accounts for every article and has valid JSON."""
    report = hashing_pipeline.run([Article(id=name, source="X", text=CASES[name]),
                                   Article(id="news", source="Y", text=NEWS)])
    _accounted(report, {name, "news"})
    json.loads(report.to_json(), parse_constant=lambda c: pytest.fail(f"non-finite JSON constant {c}"))
    for c in report.claims:
        art = next(a for a in report.articles if a.id == c.article)
        assert 0 <= c.start < c.end <= len(art.text)
        for q in c.frame.quantities:
            assert math.isfinite(q.value)


def test_empty_and_whitespace_are_skipped_with_reason(hashing_pipeline: Pipeline) -> None:
    """Empty and whitespace-only articles are skipped, saying 'empty text'."""
    report = hashing_pipeline.run([Article(id="e", source="X", text=""), Article(id="w", source="X", text=" \n ")])
    reasons = {r["id"]: r.get("reason") for r in report.to_dict()["articles"]}
    assert reasons == {"e": "empty text", "w": "empty text"}
    assert report.to_dict()["summary"]["articles_skipped"] == 2


def test_html_is_stripped_and_reported(hashing_pipeline: Pipeline) -> None:
    """HTML input is stripped to text by default; the report says so and scripts never become claims."""
    report = hashing_pipeline.run([Article(id="h", source="X", text=CASES["html"])])
    assert any(s.what == "markup" for s in report.skipped)
    assert report.claims and all("alert" not in c.text and "<" not in c.text for c in report.claims)


def test_html_can_be_rejected(hashing_pipeline: Pipeline) -> None:
    """With html='reject' an HTML article is skipped with a reason naming the option."""
    report = attrs.evolve(hashing_pipeline, html="reject").run([Article(id="h", source="X", text=CASES["html"])])
    assert not report.claims
    assert "html='reject'" in report.to_dict()["articles"][0]["reason"]


def test_bad_html_option_is_config_error() -> None:
    """An unknown html= value is refused."""
    with pytest.raises((ConfigError, ValueError)):
        Pipeline(encoder=claimcheck.HashingEncoder(), html="maybe")


def test_non_english_is_skipped(hashing_pipeline: Pipeline) -> None:
    """A German article is reported as unsupported instead of yielding garbage claims."""
    german = ("Der Minister sagte am Montag, dass die Brücke nächste Woche wieder geöffnet werde. "
              "Die Behörden bestätigten, dass zwölf Menschen verletzt worden seien und dass die "
              "Ermittlungen noch andauern würden, bis alle Ursachen des Unglücks geklärt sind.")
    report = hashing_pipeline.run([Article(id="de", source="X", text=german)])
    assert not report.claims
    assert "English" in report.to_dict()["articles"][0]["reason"]


def test_over_long_article_is_truncated_with_limit(hashing_pipeline: Pipeline) -> None:
    """Past max_chars an article's rest is not analysed, and the report names the limit and the span."""
    text = NEWS * 5
    report = attrs.evolve(hashing_pipeline, max_chars=150).run([Article(id="big", source="X", text=text)])
    notes = [s for s in report.skipped if "max_chars=150" in s.reason]
    assert len(notes) == 1 and notes[0].end == len(text) and notes[0].start is not None
    assert report.claims and all(c.end <= notes[0].start for c in report.claims)


def test_long_article_is_parsed_in_chunks(hashing_pipeline: Pipeline) -> None:
    """Chunked parsing gives the same claims as one parse, with offsets into the whole article."""
    text = "\n\n".join(f"Officials said {k} people attended the meeting in the capital." for k in range(40))
    art = Article(id="long", source="X", text=text)
    whole = hashing_pipeline.splitter.split([art])[0][0]
    chunked = attrs.evolve(hashing_pipeline.splitter, chunk_chars=300).split([art])[0][0]
    assert [(c.text, c.start, c.end) for c in chunked] == [(c.text, c.start, c.end) for c in whole]


def test_claim_limit_stops_parsing(hashing_pipeline: Pipeline) -> None:
    """When max_claims_per_article is reached the rest of a long article is reported as not analysed."""
    text = "\n\n".join(f"Officials said {k} people attended the meeting in the capital." for k in range(40))
    splitter = attrs.evolve(hashing_pipeline.splitter, chunk_chars=300, max_claims_per_article=5)
    claims, skipped = splitter.split([Article(id="long", source="X", text=text)])[0]
    assert len(claims) == 5
    assert any("max_claims_per_article=5" in s.reason for s in skipped)


def test_duplicate_ids_are_an_input_error(hashing_pipeline: Pipeline) -> None:
    """Two articles with one id stop the run with an InputError naming the id."""
    with pytest.raises(InputError, match="'dup'"):
        hashing_pipeline.run([{"id": "dup", "text": NEWS}, {"id": "dup", "text": NEWS}])


@pytest.mark.parametrize("bad", [None, 42, b"bytes", [None], [b"x"], [{"text": 3}]])
def test_wrong_types_are_claimcheck_errors(bad: object, hashing_pipeline: Pipeline) -> None:
    """None, bytes and wrong field types raise a ClaimcheckError, not a TypeError."""
    with pytest.raises(ClaimcheckError):
        hashing_pipeline.run(bad)  # type: ignore[arg-type]


def test_many_tiny_articles(hashing_pipeline: Pipeline) -> None:
    """Two thousand tiny articles are all accounted for."""
    arts = [Article(id=f"t{k:05d}", source=f"S{k % 7}", text=f"Officials said {k} people attended.")
            for k in range(2000)]
    report = hashing_pipeline.run(arts)
    assert len(report.to_dict()["articles"]) == 2000


def test_clean_helpers() -> None:
    """The HTML detector, stripper and language score behave on plain examples."""
    assert looks_like_html("<div>a</div><p>b</p>") and not looks_like_html("a < b and c > d")
    assert strip_html("<p>a &amp; b</p>") == "a & b"
    assert english_score(NEWS)[0] > 0.2


def test_skip_bad_lines_reports_exactly_the_bad_ones(
    tmp_path: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With --skip-bad-lines, 10 corrupt lines of 1,000 are reported by number and the other 990 are read."""
    import claimcheck.cli as cli

    bad = {7, 99, 150, 333, 400, 512, 640, 777, 901, 1000}
    lines = []
    for n in range(1, 1001):
        if n in bad:
            lines.append(["{not json", "[1, 2]", '{"id": "x"}', '{"text": 5}'][n % 4])
        else:
            row = {"id": f"a{n:04d}", "source": f"S{n % 5}", "text": f"Officials said {n} people came."}
            lines.append(json.dumps(row))
    path = tmp_path / "feed.jsonl"  # type: ignore[operator]
    path.write_text("\n".join(lines), encoding="utf-8")
    seen: dict[str, object] = {}

    class Recorder(Pipeline):
        def run(self, articles: object, **kw: object) -> claimcheck.Report:  # type: ignore[override]
            report = super().run(articles, **kw)  # type: ignore[arg-type]
            seen["report"] = report
            return report

    monkeypatch.setattr(cli, "Pipeline", lambda **o: Recorder(encoder=claimcheck.HashingEncoder(), **o))
    assert cli.main(["check", str(path), "--skip-bad-lines", "--format", "json"]) == 0
    report = seen["report"]
    assert isinstance(report, claimcheck.Report)
    assert len(report.articles) == 990
    skipped_lines = sorted(int(s.article.rsplit(":", 1)[1]) for s in report.skipped if s.what == "line")
    assert skipped_lines == sorted(bad)
    assert "Traceback" not in capsys.readouterr().err


def test_bad_line_stops_by_default(tmp_path: pytest.TempPathFactory) -> None:
    """Without --skip-bad-lines the first malformed line stops the run, naming file and line."""
    path = tmp_path / "feed.jsonl"  # type: ignore[operator]
    path.write_text('{"id": "a", "text": "x y z"}\n{oops\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"feed\.jsonl:2"):
        claimcheck.read_paths([path])
