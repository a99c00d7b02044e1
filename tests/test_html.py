"""The HTML report: self-contained, escaped, and readable in a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings

import claimcheck
from claimcheck import Pipeline, Report
from claimcheck.testing import FakeEncoder, articles

CHROMIUM = Path("/usr/bin/chromium")
INJECTED = "<script>alert(1)</script> and <img src=x onerror=alert(1)>"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    p = _Tags()
    p.feed(page)
    return p.tags


def _assert_self_contained(page: str) -> None:
    tags = _tags(page)
    assert not [t for t, _ in tags if t in {"script", "iframe", "object", "embed", "link", "img"}]
    for tag, attrs in tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        for k in ("src", "href", "action", "xlink:href"):
            assert not re.match(r"\s*(https?:)?//", attrs.get(k) or ""), (tag, attrs)
    assert "url(" not in page.split("</style>")[0]


@pytest.fixture(scope="module")
def seed_with_injection(seed_text: str, st_encoder: claimcheck.SentenceTransformerEncoder) -> Report:
    """The seed plus an article whose text, title and address carry markup."""
    evil = {"id": "evil", "source": "Evil <b>Outlet</b>", "title": INJECTED, "url": "https://evil.example/x?a=<b>",
            "text": f"Officials said the flood killed 40 people in Tarvos. {INJECTED} The bridge reopened."}
    return claimcheck.check([{"id": "mt", "source": "The Moscow Times", "text": seed_text,
                              "published": "2025-08-07", "url": "https://www.themoscowtimes.com/x"}, evil],
                            encoder=st_encoder)


def test_html_is_self_contained_and_escaped(seed_with_injection: Report) -> None:
    page = seed_with_injection.to_html()
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    _assert_self_contained(page)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "Evil &lt;b&gt;Outlet&lt;/b&gt;" in page
    assert "https://www.themoscowtimes.com/x" in page  # the address shows as text only
    assert "very good prospect" in page and "still far off" in page
    assert "<mark>very good prospect</mark>" in page and "<mark>still far off</mark>" in page
    assert "<svg" in page and 'stroke="#d33"' in page


@settings(max_examples=10)
@given(articles(max_sentences=3))
def test_any_article_renders(article: claimcheck.Article) -> None:
    """Generated articles (claimcheck.testing.articles) render to a self-contained page."""
    r = Pipeline(encoder=FakeEncoder()).run([article])
    page = r.to_html()
    _assert_self_contained(page)
    assert f"<b>{len(r.claims)}</b> claims" in page


def test_empty_report_renders() -> None:
    page = Pipeline(encoder=FakeEncoder()).run([]).to_html()
    _assert_self_contained(page)
    assert "No contradictions were found." in page


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed")
def test_headless_chromium_shows_the_contradiction(seed_with_injection: Report, tmp_path: Path) -> None:
    """Chromium renders the page: both quotes are there and the injected markup stays text."""
    page = tmp_path / "report.html"
    page.write_text(seed_with_injection.to_html(), encoding="utf-8")
    proc = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=60, check=False)
    dom = proc.stdout
    assert proc.returncode == 0 and "<body" in dom, proc.stderr[-2000:]
    assert "very good prospect" in dom and "still far off" in dom
    assert "Vladimir Putin" in dom and "Donald Trump" in dom
    assert "<script" not in dom.lower()
    assert "onerror=" not in dom.replace("onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert not [t for t, _ in _tags(dom) if t in {"script", "img"}]
    assert all(not any(k.startswith("on") for k in a) for _, a in _tags(dom))
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)
