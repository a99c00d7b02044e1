"""A self-contained HTML page of a report.

One file with inline CSS and an inline SVG picture of the graph: no
scripts, no external resources (a Content-Security-Policy forbids them
too).  Every piece of text from the articles is escaped with
:func:`html.escape`, so markup inside an article shows as text.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ._types import Article, Claim, Judgement

if TYPE_CHECKING:
    from ._report import Report

__all__ = ["render_html"]

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1200px;
padding:1em 1.5em;color:#1d1d1f;background:#fff}
h1{font-size:1.6em;margin:.2em 0}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.6em}
ul.summary{display:flex;flex-wrap:wrap;gap:.5em 1.2em;list-style:none;padding:0}
ul.summary li{background:#f3f4f6;border-radius:6px;padding:.3em .7em}
ul.summary b{font-size:1.15em}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border-bottom:1px solid #e5e5e5;padding:.3em .5em;text-align:left;vertical-align:top}
.contradiction{border:1px solid #e3b4b4;border-radius:8px;margin:1em 0;padding:.6em 1em;background:#fffafa}
.contradiction h3{margin:.2em 0;font-size:1.05em}
.reason{color:#444;margin:.3em 0 .6em}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.side{background:#fff;border:1px solid #eee;border-radius:6px;padding:.5em .8em}
.meta{color:#555;font-size:.88em}
.claim{font-weight:600;margin:.3em 0}
.context{color:#333;font-size:.92em;border-left:3px solid #ddd;padding-left:.6em}
mark{background:#ffe08a;padding:0 .1em}
.url{font-family:ui-monospace,monospace;font-size:.85em;word-break:break-all;color:#555}
.cluster{margin:.6em 0}.cluster ul{margin:.2em 0}
svg{max-width:100%;height:auto;border:1px solid #eee;border-radius:8px}
.empty{color:#777;font-style:italic}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _highlight(text: str, needles: Iterable[str]) -> str:
    """``text`` escaped, with every occurrence of a needle (any case) in ``<mark>``."""
    words = sorted({n.strip() for n in needles if n and n.strip()}, key=len, reverse=True)
    if not words:
        return _esc(text)
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(_esc(text[pos:m.start()]))
        out.append(f"<mark>{_esc(m.group(0))}</mark>")
        pos = m.end()
    out.append(_esc(text[pos:]))
    return "".join(out)


_BOUNDARY = re.compile(r"(?:[.!?][\"'\u201d\u2019]?\s+|\n\s*\n)")


def _context(article: Article | None, claim: Claim, reach: int = 240) -> str:
    """The sentence(s) around the claim's span in its article, whitespace collapsed."""
    if article is None:
        return claim.text
    text = article.text
    start, end = max(0, claim.start), min(len(text), claim.end)
    left_window = text[max(0, start - reach):start]
    cuts = list(_BOUNDARY.finditer(left_window))
    left = start - len(left_window) + cuts[-1].end() if cuts else max(0, start - reach)
    m = _BOUNDARY.search(text, end, min(len(text), end + reach))
    right = m.start() + 1 if m else min(len(text), end + reach)
    snippet = " ".join(text[left:right].split())
    if left > 0 and not cuts:
        snippet = "\u2026 " + snippet
    if m is None and right < len(text):
        snippet += " \u2026"
    return snippet


def _side(claim: Claim, article: Article | None, needle: tuple[str, ...]) -> str:
    published = claim.published or (article.published if article else None)
    meta = [f"<b>{_esc(claim.source)}</b>",
            _esc(claim.speaker) if claim.speaker else "<i>(outlet's own voice)</i>"]
    if published:
        meta.append(_esc(published.isoformat()))
    needles = [n for n in needle if n]
    sep = " \u00b7 "
    return (
        '<div class="side">'
        f'<div class="meta">{sep.join(meta)}</div>'
        f'<p class="claim">\u201c{_highlight(claim.text, needles)}\u201d</p>'
        f'<p class="context">{_highlight(_context(article, claim), needles)}</p>'
        "</div>"
    )


def _contradiction(k: int, j: Judgement, claims: dict[str, Claim], articles: dict[str, Article]) -> str:
    a, b = claims[j.a], claims[j.b]
    evidence = tuple(j.evidence) if j.evidence else ()
    return (
        f'<section class="contradiction" id="c{k}">'
        f"<h3>[{k}] {_esc(j.kind)} contradiction <span class=\"meta\">(score {j.score:.2f})</span></h3>"
        f'<p class="reason">{_esc(j.reason)}</p>'
        '<div class="pair">'
        f"{_side(a, articles.get(a.article), evidence)}{_side(b, articles.get(b.article), evidence)}"
        "</div></section>"
    )


def _svg(report: Report) -> str:
    """Sources and the claims in contradictions on a circle; grey lines
    from a source to its claims, red lines for contradictions."""
    contra = report.contradictions
    index = {c.id: c for c in report.claims}
    claim_ids = sorted({cid for j in contra for cid in (j.a, j.b)})
    if not claim_ids:
        return '<p class="empty">No contradictions to draw.</p>'
    sources = sorted({index[c].source for c in claim_ids})
    nodes = [("s", s) for s in sources] + [("c", c) for c in claim_ids]
    width, size, radius = 880, 640, 230
    centre, middle = width / 2, size / 2
    pos: dict[tuple[str, str], tuple[float, float]] = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        pos[node] = (round(centre + radius * math.cos(angle), 1), round(middle + radius * math.sin(angle), 1))
    number = {cid: k for k, cid in enumerate(claim_ids, start=1)}
    parts = [f'<svg viewBox="0 0 {width} {size}" width="{width}" height="{size}" role="img" '
             'aria-label="Sources and contradicting claims">']
    for cid in claim_ids:
        (x1, y1), (x2, y2) = pos[("s", index[cid].source)], pos[("c", cid)]
        parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#bbb" stroke-width="1.5"/>')
    for j in contra:
        (x1, y1), (x2, y2) = pos[("c", j.a)], pos[("c", j.b)]
        parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#d33" stroke-width="2.5">'
                     f"<title>{_esc(j.reason)}</title></line>")
    for (kind, name), (x, y) in pos.items():
        anchor = "start" if x >= centre else "end"
        dx = 14 if x >= centre else -14
        if kind == "s":
            parts.append(f'<g><rect x="{x - 9}" y="{y - 9}" width="18" height="18" fill="#2b6cb0">'
                         f"<title>{_esc(name)}</title></rect>"
                         f'<text x="{x + dx}" y="{y + 5}" text-anchor="{anchor}" font-size="13" '
                         f'font-weight="bold">{_esc(name)}</text></g>')
        else:
            c = index[name]
            label = f"{number[name]}. {c.voice}"
            parts.append(f'<g><circle cx="{x}" cy="{y}" r="8" fill="#f6ad55" stroke="#c05621">'
                         f"<title>{_esc(c.voice)}: {_esc(c.text)}</title></circle>"
                         f'<text x="{x + dx}" y="{y + 4}" text-anchor="{anchor}" font-size="12">'
                         f"{_esc(label[:48])}</text></g>")
    parts.append("</svg>")
    return "".join(parts)


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page (inline CSS and SVG,
    no scripts, no external resources); all text is escaped.

    Example: ``Path("report.html").write_text(render_html(report), encoding="utf-8")``.
    """
    d = report.to_dict()
    s = d["summary"]
    claims = {c.id: c for c in report.claims}
    articles = {a.id: a for a in report.articles}
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_esc(_CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>claimcheck report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>claimcheck report</h1>",
        '<ul class="summary">',
    ]
    for key, label in (("articles", "articles"), ("articles_processed", "processed"),
                       ("articles_skipped", "skipped"), ("claims", "claims"), ("clusters", "clusters"),
                       ("pairs_judged", "pairs judged"), ("contradictions", "contradictions"),
                       ("updates", "updates")):
        out.append(f"<li><b>{int(s[key])}</b> {label}</li>")
    out.append("</ul>")

    out.append("<h2>Articles</h2><table><tr><th>Id</th><th>Source</th><th>Title</th>"
               "<th>Published</th><th>Address</th><th>Claims</th><th>Status</th></tr>")
    for row in d["articles"]:
        status = row["status"] + (f": {row['reason']}" if row.get("reason") else "")
        out.append(f"<tr><td>{_esc(row['id'])}</td><td>{_esc(row['source'])}</td>"
                   f"<td>{_esc(row['title'] or '')}</td><td>{_esc(row['published'] or '')}</td>"
                   f"<td class=\"url\">{_esc(row['url'] or '')}</td><td>{int(row['claims'])}</td>"
                   f"<td>{_esc(status)}</td></tr>")
    out.append("</table>")

    out.append(f"<h2>Contradictions ({len(report.contradictions)})</h2>")
    if not report.contradictions:
        out.append('<p class="empty">No contradictions were found.</p>')
    for k, j in enumerate(report.contradictions, start=1):
        out.append(_contradiction(k, j, claims, articles))

    if report.updates:
        out.append(f"<h2>Later reports ({len(report.updates)})</h2><ul>")
        for j in report.updates:
            a, b = claims[j.a], claims[j.b]
            out.append(f"<li>{_esc(a.source)}: \u201c{_esc(a.text)}\u201d \u2192 {_esc(b.source)}: "
                       f"\u201c{_esc(b.text)}\u201d <span class=\"meta\">{_esc(j.reason)}</span></li>")
        out.append("</ul>")

    out.append("<h2>Graph</h2>")
    out.append(_svg(report))

    shared = [cl for cl in report.clusters if len(cl.claims) > 1]
    out.append(f"<h2>Paraphrases across outlets ({len(shared)})</h2>")
    if not shared:
        out.append('<p class="empty">No claim is stated more than once.</p>')
    for cl in shared:
        out.append(f'<div class="cluster"><div class="meta">{len(cl.claims)} claims from '
                   f"{_esc(', '.join(cl.sources))} (cohesion {cl.cohesion:.2f})</div><ul>")
        for cid in cl.claims:
            c = claims[cid]
            who = _esc(c.source) + (f" / {_esc(c.speaker)}" if c.speaker else "")
            out.append(f"<li><b>{who}</b>: \u201c{_esc(c.text)}\u201d</li>")
        out.append("</ul></div>")

    out.append(f"<h2>Skipped ({len(report.skipped)})</h2>")
    if not report.skipped:
        out.append('<p class="empty">Nothing was skipped.</p>')
    else:
        out.append("<table><tr><th>Article</th><th>What</th><th>Why</th><th>Text</th></tr>")
        for sk in report.skipped:
            art = articles.get(sk.article)
            excerpt = ""
            if art is not None and sk.start is not None and sk.end is not None:
                excerpt = " ".join(art.text[sk.start:sk.end].split())
                if len(excerpt) > 160:
                    excerpt = excerpt[:159] + "\u2026"
            out.append(f"<tr><td>{_esc(sk.article)}</td><td>{_esc(sk.what)}</td>"
                       f"<td>{_esc(sk.reason)}</td><td class=\"url\">{_esc(excerpt)}</td></tr>")
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
