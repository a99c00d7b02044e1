"""Inputs that once took time quadratic in their length.

``strip_html`` used ``<script\\b[^>]*>.*?</script>``: on a page with many
unclosed ``<script>`` tags every one of them scanned to the end of the text
(20,000 characters took 5 s, 40,000 took 21 s).  The limits below are far
above the linear time and far below the quadratic one.
"""

from __future__ import annotations

import time

import pytest

from claimcheck._clean import looks_like_html, strip_html


@pytest.mark.parametrize(("name", "text"), [
    ("unclosed scripts", "<p>x</p>" + "<script>a " * 20_000),
    ("unclosed styles", "<div>" + "<style " * 30_000),
    ("open tags", "<p " * 60_000),
    ("spaces after <", "<" + " " * 200_000 + "/p>"),
])
def test_html_cleaning_stays_linear(name: str, text: str) -> None:
    t0 = time.perf_counter()
    assert looks_like_html(text) in (True, False)
    out = strip_html(text)
    assert time.perf_counter() - t0 < 20, name
    assert "<script" not in out.lower() or name != "unclosed scripts"


def test_unclosed_script_keeps_the_text_after_it() -> None:
    assert strip_html("<p>Rain fell.</p><script>var x<p>Wind rose.</p>") == "Rain fell.\n\nvar x\n\nWind rose."


def test_closed_hidden_blocks_are_dropped_whatever_their_case() -> None:
    page = "<p>A.</p><SCRIPT type='x'>bad()</ script ><style>p{}</style><p>B.</p><noscript>no</noscript>"
    assert strip_html(page) == "A.\n\nB."
