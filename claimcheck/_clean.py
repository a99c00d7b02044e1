"""Checks and clean-up applied to each article before it is split."""

from __future__ import annotations

import html
import re

__all__ = ["looks_like_html", "strip_html", "english_score"]

# Every pattern is bounded ({0,20} spaces, {0,2000} characters inside a tag, no
# "[^>]*" that could run to the end of the text from each "<"): HTML from a
# scraper may be megabytes of unclosed tags, and matching must stay linear.
_TAG = re.compile(r"<\s{0,20}/?\s{0,20}(?:html|head|body|p|div|span|br|a|img|script|style|ul|ol|li|h[1-6]|table|"
                  r"tr|td|article|section|header|footer|nav|em|strong|b|i|meta|link|iframe|figure|figcaption)\b"
                  r"[^<>]{0,2000}>", re.IGNORECASE)
_HIDDEN_OPEN = re.compile(r"<\s{0,20}(script|style|noscript|template)\b[^<>]{0,2000}>", re.IGNORECASE)
_HIDDEN_CLOSE = {name: re.compile(rf"<\s{{0,20}}/\s{{0,20}}{name}\s{{0,20}}>", re.IGNORECASE)
                 for name in ("script", "style", "noscript", "template")}
_ANY_TAG = re.compile(r"<[^<>]{0,2000}>")
_BLOCK = re.compile(r"<\s{0,20}/?\s{0,20}(?:p|div|br|li|h[1-6]|tr|article|section|header|footer|figure)\b"
                    r"[^<>]{0,2000}>", re.IGNORECASE)


def _drop_hidden(text: str) -> str:
    """Replace ``<script>…</script>`` (and style, noscript, template) by a space.

    An opening tag without its closing tag is left for the tag stripper, so
    no text is lost; once a closing tag is known to be absent it is not
    searched for again, which keeps this linear in the length of the text.

    >>> _drop_hidden("a<script>x()</script>b<style>p{}</STYLE >c<script>d")
    'a b c<script>d'
    """
    out: list[str] = []
    pos = 0
    absent: set[str] = set()
    while True:
        m = _HIDDEN_OPEN.search(text, pos)
        if m is None:
            break
        name = m.group(1).lower()
        close = None if name in absent else _HIDDEN_CLOSE[name].search(text, m.end())
        if close is None:
            absent.add(name)
            out.append(text[pos:m.end()])
            pos = m.end()
            continue
        out.append(text[pos:m.start()])
        out.append(" ")
        pos = close.end()
    out.append(text[pos:])
    return "".join(out)


def looks_like_html(text: str) -> bool:
    """True when the text carries HTML markup (two or more known tags).

    >>> looks_like_html("<p>Rain fell.</p>")
    True
    >>> looks_like_html("Profits rose 5% <as expected>.")
    False
    """
    return len(_TAG.findall(text[:200_000])) >= 2 or text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))


def strip_html(text: str) -> str:
    """Plain text of an HTML page: scripts dropped, blocks become paragraphs.

    >>> strip_html("<p>Rain <b>fell</b>.</p><script>alert(1)</script><p>Wind &amp; hail.</p>")
    'Rain fell.\\n\\nWind & hail.'
    """
    s = _drop_hidden(text)
    s = _BLOCK.sub("\n\n", s)
    s = _ANY_TAG.sub("", s)
    s = html.unescape(s)
    s = re.sub(r"[ \t\r\f\v]+", " ", s)
    s = re.sub(r" ?\n ?", "\n", s)
    s = re.sub(r"\n{3,}", "\n\n", s)
    return s.strip()


_ENGLISH = frozenset("""
the of and to a in is was that for on it with as be by at this are from he she they his her
have has had not but or an will would said says were been which who their its after more than
also about over into when there what we i you can could new one two year people told percent
""".split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def english_score(text: str, sample: int = 20_000) -> tuple[float, int]:
    """Share of common English words among the first words of the text,
    and how many words were looked at.

    >>> english_score("The minister said that the talks would resume on Monday.")[0] > 0.3
    True
    >>> english_score("Der Minister sagte, dass die Gespräche am Montag fortgesetzt werden.")[0] < 0.1
    True
    """
    words = _WORD.findall(text[:sample].lower())
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in _ENGLISH) / len(words), len(words)
