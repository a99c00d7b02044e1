"""Offset-preserving clean-up of raw article text.

Every function here returns text of the *same length* as its input, so a
character offset found in the cleaned text is also an offset in the
original.  Page furniture is blanked with spaces, and line breaks inside
a paragraph become spaces.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["Prepared", "prepare", "squash"]

_URL_LINE = re.compile(
    r"^\s*(?:(?:https?://|www\.|t\.me/)\S+\s*)+$", re.IGNORECASE
)
_FURNITURE_START = re.compile(
    r"^\s*(?:related(?:\s+articles?|\s+stories|\s+content)?|read\s+(?:more|also|next)|see\s+also"
    r"|also\s+read|more\s+on\s+this|advertisement|subscribe|sign\s+up|share\s+this"
    r"|follow\s+us|photo|image|picture|credit|video|watch|listen|copyright)\b\s*(?:[:|]|\s[-\u2013\u2014]\s)"
    r"|^\s*©",
    re.IGNORECASE,
)
_FURNITURE_WHOLE = re.compile(
    r"^\s*(?:advertisement|subscribe|share|tweet|print|email|comments?|\d+\s+min(?:ute)?s?\s+read)\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^\s*(?:by|words\s+by|reporting\s+by)\s+[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,3})*\s*(?:[,|-]\s*[\w .]+)?$"
)
_DATELINE = re.compile(r"\s*([A-Z][A-Z .,'-]{1,40}(?:\([\w .]+\))?\s+[\u2014\u2013-]{1,2})\s+(?=[A-Z\"\u201c])")
_OPEN_WORDS = {"that", "and", "but", "of", "the", "a", "to"}
_TERMINAL = set('.!?"\u201d\u2019\'):;')
_SMALL_WORDS = {
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "the", "to", "with", "vs", "via", "over", "after", "before", "about",
}
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F'’.-]*")


@attrs.frozen
class Prepared:
    """Text ready for parsing, with what was blanked out.

    ``text`` has the same length as the original.  ``furniture`` lists
    ``(start, end, why)`` for every blanked line.
    """

    text: str
    furniture: tuple[tuple[int, int, str], ...]


def _is_heading(line: str) -> bool:
    """A short title-case or upper-case line with no closing punctuation."""
    s = line.strip()
    if not s or s[-1] in _TERMINAL - {"’", "'", ")"} or s.endswith(","):
        return False
    words = _WORD.findall(s)
    if not words or len(words) > 16:
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    caps = sum(1 for w in content if w[0].isupper())
    return caps / len(content) >= 0.75


def _starts_new_sentence(line: str) -> bool:
    s = line.lstrip(" \t\"'\u201c\u2018")
    return bool(s) and (s[0].isupper() or s[0].isdigit())


def _classify_lines(lines: list[str]) -> list[str | None]:
    """Say for each line of one block why it is furniture, or None."""
    why: list[str | None] = [None] * len(lines)
    if lines and _FURNITURE_START.match(lines[0]) and not _WORD.fullmatch(lines[0].strip()):
        # "Related article: ..." and the like: the whole block goes.
        return ["page furniture"] * len(lines)
    for i, line in enumerate(lines):
        if _URL_LINE.match(line):
            why[i] = "url"
        elif _FURNITURE_WHOLE.match(line):
            why[i] = "page furniture"
        elif _BYLINE.match(line) and len(line.split()) <= 12 and (i == 0 or why[i - 1] is not None):
            why[i] = "byline"
    # Headings (mastheads, headlines) at the top of a block.
    i = 0
    while i < len(lines) and (why[i] is not None or _is_heading(lines[i])):
        nxt = next((ln for ln in lines[i + 1:] if ln.strip()), None)
        if why[i] is None:
            if nxt is not None and not _starts_new_sentence(nxt) and not _is_heading(nxt):
                break
            why[i] = "heading"
        i += 1
    return why


def prepare(text: str) -> Prepared:
    """Blank out page furniture and unwrap hard-wrapped paragraphs.

    The result has the same length as ``text``.

    >>> p = prepare("Big News Today\\n\\nRain fell on\\nMonday.\\nhttps://x.org/1\\n")
    >>> p.text.strip()
    'Rain fell on Monday.'
    >>> [why for _, _, why in p.furniture]
    ['heading', 'url']
    >>> len(p.text) == len("Big News Today\\n\\nRain fell on\\nMonday.\\nhttps://x.org/1\\n")
    True
    """
    out = list(text)
    furniture: list[tuple[int, int, str]] = []
    # Lines with their offsets, grouped into blank-line separated blocks.
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        if line.strip():
            current.append((pos, line))
        elif current:
            blocks.append(current)
            current = []
        pos += len(raw)
    if current:
        blocks.append(current)

    kept: list[tuple[int, int]] = []  # (start, end) of kept text per block
    for block in blocks:
        why = _classify_lines([ln for _, ln in block])
        block_kept: list[tuple[int, int]] = []
        for (start, line), reason in zip(block, why):
            end = start + len(line)
            if reason is not None:
                furniture.append((start, end, reason))
                for k in range(start, end):
                    out[k] = " "
            else:
                block_kept.append((start, end))
        if block_kept:
            kept.append((block_kept[0][0], block_kept[-1][1]))

    # Unwrap: every line break inside a kept block becomes a space, and
    # so does a paragraph break that falls in the middle of a sentence.
    for s, e in kept:
        for k in range(s, e):
            if out[k] in "\r\n":
                out[k] = " "
        m = _DATELINE.match(text, s, e)
        if m:
            furniture.append((m.start(1), m.end(1), "dateline"))
            for k in range(m.start(1), m.end(1)):
                out[k] = " "
    for (s1, e1), (s2, _e2) in zip(kept, kept[1:]):
        tail = "".join(out[s1:e1]).rstrip()
        head = "".join(out[s2:s2 + 40]).lstrip()
        if tail and head and tail[-1] not in _TERMINAL and (
            head[0].islower() or tail[-1] == "," or tail.split()[-1].lower() in _OPEN_WORDS
        ):
            for k in range(e1, s2):
                if out[k] in "\r\n\t\f\v":
                    out[k] = " "
    return Prepared(text="".join(out), furniture=tuple(sorted(set(furniture))))


_SPACE = re.compile(r"\s+")
_EDGE = " \t\r\n,;:-\u2014\u2013\"'\u201c\u201d\u2018\u2019"


def squash(text: str) -> str:
    """Collapse whitespace and trim quotes and commas from the edges.

    >>> squash('  \\u201cstill   far\\noff,\\u201d ')
    'still far off'
    """
    s = _SPACE.sub(" ", text).strip(_EDGE)
    # Drop an unbalanced quote left inside after trimming.
    return s.strip()
