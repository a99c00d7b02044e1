"""Hypothesis strategies shared by claimcheck's tests.

News-like text is built from templates (speakers, reporting verbs,
numbers, places, days and hedges) so that the spaCy splitter finds real
claims in it; ``st.text()`` based strategies cover arbitrary input.
"""

from __future__ import annotations

import datetime as _dt

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from claimcheck import Claim, Entity, Frame, Quantity

SPEAKERS = (
    "Interior Minister Petra Valen",
    "Governor Tomas Redik",
    "Anya Solberg",
    "the Interior Ministry",
    "Kremlin adviser Yuri Ushakov",
    "Secretary of State Marco Rubio",
    "Officials",
    "The police",
    "A spokeswoman for the agency",
)
PRONOUNS = ("He", "She", "They")
VERBS = ("said", "told reporters", "announced", "claimed", "warned", "confirmed", "denied")
PLACES = ("Askeli", "Tarvos", "Velmar", "Geneva", "Moscow", "the United Arab Emirates", "Orvan province")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
UNITS = ("people", "homes", "buildings", "soldiers", "families", "aftershocks")
EVENTS = ("the earthquake", "the summit", "the flood", "the meeting", "the ceasefire", "the storm")
BOUNDS = ("", "at least ", "more than ", "about ", "nearly ", "up to ", "fewer than ")
NUMBER_WORDS = ("two", "three", "twelve", "twenty", "forty", "a dozen", "hundreds of", "thousands of")
HEDGES = ("very soon", "within hours", "in the coming days", "still weeks away", "still far off",
          "unlikely", "likely", "out of the question", "a very good prospect")
OUTLETS = ("Northern Wire", "Coastal Herald", "Radio Meridian", "Daily Ledger", "Moscow Times")

speakers = st.sampled_from(SPEAKERS)
places = st.sampled_from(PLACES)
days = st.sampled_from(DAYS)
events = st.sampled_from(EVENTS)
units = st.sampled_from(UNITS)


@st.composite
def counts(draw: st.DrawFn) -> str:
    """A counted quantity as a newspaper writes it: "at least 40 people"."""
    if draw(st.booleans()):
        number = f"{draw(st.integers(min_value=1, max_value=20000)):,}"
    else:
        number = draw(st.sampled_from(NUMBER_WORDS))
    return f"{draw(st.sampled_from(BOUNDS))}{number} {draw(units)}"


@st.composite
def clauses(draw: st.DrawFn) -> str:
    """A bare clause with no attribution and no closing punctuation."""
    event = draw(events)
    template = draw(st.integers(min_value=0, max_value=7))
    if template == 0:
        return f"{event} killed {draw(counts())} in {draw(places)} on {draw(days)}"
    if template == 1:
        return f"{draw(counts())} were injured when {event} hit {draw(places)}"
    if template == 2:
        return f"{event} {draw(st.sampled_from(['will', 'will not', 'could', 'might']))} take place in {draw(places)}"
    if template == 3:
        return f"{event} was {draw(st.sampled_from(HEDGES))}"
    if template == 4:
        return f"rescuers had reached {draw(places)} by {draw(days)} morning and were searching the rubble"
    if template == 5:
        return f"{event} struck {draw(places)} on {draw(days)} afternoon, flattening {draw(counts())}"
    if template == 6:
        return f"the government has {draw(st.sampled_from(['', 'not ', 'never ']))}requested international help"
    return f"there was {draw(st.sampled_from(HEDGES))} that {event} would end by {draw(days)}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _mid(s: str) -> str:
    """A speaker as written after a comma: "the police", but "Anya Solberg"."""
    first = s.split(" ", 1)[0]
    return s[:1].lower() + s[1:] if first in {"The", "A", "Officials"} else s


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """One news-like sentence: attributed, quoted, "according to" or plain."""
    clause = draw(clauses())
    speaker = draw(speakers)
    verb = draw(st.sampled_from(VERBS))
    form = draw(st.integers(min_value=0, max_value=5))
    if form == 0:
        return f"{_cap(speaker)} {verb} that {clause}."
    if form == 1:
        return f"{_cap(clause)}, {_mid(speaker)} {verb}."
    if form == 2:
        return f"\u201c{_cap(clause)},\u201d {speaker} said on {draw(days)}."
    if form == 3:
        return f"According to {speaker}, {clause}."
    if form == 4:
        return f"{draw(st.sampled_from(PRONOUNS))} {verb} that {clause}."
    return f"{_cap(clause)}."


FURNITURE = (
    "https://example.org/news/2026/03/10/story",
    "https://t.me/channel/38300",
    "Related article: Why Stone Villages Fall Down in Earthquakes",
    "Read more: Rescue Teams Race Against Time",
    "Advertisement",
)


@st.composite
def article_texts(draw: st.DrawFn, *, furniture: bool = True) -> str:
    """A short article: paragraphs of sentences, some hard-wrapped, maybe with furniture."""
    paragraphs: list[str] = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        sents = draw(st.lists(sentences(), min_size=1, max_size=3))
        para = " ".join(sents)
        if draw(st.booleans()):
            # hard-wrap at word boundaries, as a PDF or a copy-paste would
            words = para.split(" ")
            width = draw(st.integers(min_value=4, max_value=12))
            para = "\n".join(" ".join(words[k:k + width]) for k in range(0, len(words), width))
        paragraphs.append(para)
    if furniture and draw(st.booleans()):
        at = draw(st.integers(min_value=0, max_value=len(paragraphs)))
        paragraphs.insert(at, draw(st.sampled_from(FURNITURE)))
    if furniture and draw(st.booleans()):
        paragraphs.insert(0, "By Jane Doe")
    return "\n\n".join(paragraphs)


@st.composite
def article_dicts(draw: st.DrawFn, ids: st.SearchStrategy[str] | None = None) -> dict[str, object]:
    """An article as a dict with id, source, text and sometimes a date."""
    aid = draw(ids if ids is not None else st.from_regex(r"[a-z]{1,6}-[0-9]{1,2}", fullmatch=True))
    d: dict[str, object] = {"id": aid, "source": draw(st.sampled_from(OUTLETS)), "text": draw(article_texts())}
    if draw(st.booleans()):
        d["published"] = draw(st.dates(min_value=_dt.date(2024, 1, 1), max_value=_dt.date(2026, 12, 31))).isoformat()
    return d


def article_lists(min_size: int = 1, max_size: int = 4) -> st.SearchStrategy[list[dict[str, object]]]:
    """Several articles with distinct ids."""
    return st.lists(article_dicts(), min_size=min_size, max_size=max_size, unique_by=lambda d: d["id"])


#: Arbitrary text, the kind of junk a scraper may hand over.
any_text = st.text(max_size=300)

#: Text made of line-ish pieces: news sentences, furniture, blank lines and junk.
mixed_text = st.lists(
    st.one_of(sentences(), st.sampled_from(FURNITURE + ("By Jane Doe", "", " ", "BREAKING NEWS")),
              st.text(max_size=40)),
    max_size=8,
).flatmap(lambda parts: st.sampled_from(["\n", "\n\n", "\r\n", " "]).map(lambda sep: sep.join(parts)))


# -- vectors --------------------------------------------------------------


@st.composite
def unit_rows(draw: st.DrawFn, *, max_rows: int = 12, max_dim: int = 6) -> np.ndarray:
    """A float32 matrix of L2-normalised rows (no zero rows)."""
    n = draw(st.integers(min_value=0, max_value=max_rows))
    dim = draw(st.integers(min_value=1, max_value=max_dim))
    m = draw(hnp.arrays(np.float32, (n, dim),
                        elements=st.floats(-1, 1, width=32, allow_nan=False, allow_infinity=False)))
    norms = np.linalg.norm(m.astype(np.float64), axis=1)
    # replace rows too close to zero by a basis vector
    for r in np.nonzero(norms < 1e-3)[0]:
        m[r] = 0.0
        m[r, draw(st.integers(min_value=0, max_value=dim - 1))] = 1.0
    m = m / np.linalg.norm(m, axis=1, keepdims=True)
    return m.astype(np.float32)


@st.composite
def exact_unit_rows(draw: st.DrawFn, *, max_rows: int = 12) -> np.ndarray:
    """Rows with entries +-0.5 in 4 dimensions: unit length, and every cosine
    is an exact multiple of 0.25, so ties are common and exactly representable."""
    n = draw(st.integers(min_value=0, max_value=max_rows))
    signs = draw(hnp.arrays(np.int8, (n, 4), elements=st.sampled_from([-1, 1])))
    return (signs.astype(np.float32) * np.float32(0.5)).reshape(n, 4)


def group_labels(n: int) -> st.SearchStrategy[list[object]]:
    """``n`` group labels drawn from a small pool (strings and tuples)."""
    pool = st.sampled_from(["a", "b", "c", ("Wire", ""), ("Wire", "Putin"), ("Herald", "")])
    return st.lists(pool, min_size=n, max_size=n)


@st.composite
def edge_lists(draw: st.DrawFn, n: int) -> list[tuple[int, int, float]]:
    """Edges ``(i, j, score)`` with ``i < j < n`` and distinct scores in [0, 1]."""
    if n < 2:
        return []
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
                          .filter(lambda p: p[0] != p[1]).map(lambda p: (min(p), max(p))),
                          unique=True, max_size=3 * n))
    scores = draw(st.lists(st.floats(0, 1, allow_nan=False), min_size=len(pairs), max_size=len(pairs),
                           unique=True))
    return [(i, j, s) for (i, j), s in zip(pairs, scores)]


@st.composite
def cannot_links(draw: st.DrawFn, n: int) -> set[tuple[int, int]]:
    """Pairs ``(i, j)`` with ``i < j < n`` that must never share a group."""
    if n < 2:
        return set()
    return set(draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
                             .filter(lambda p: p[0] != p[1]).map(lambda p: (min(p), max(p))),
                             max_size=n)))


# -- hand-made claims for the judge ----------------------------------------

quantity_objs = st.builds(
    Quantity,
    value=st.one_of(st.integers(0, 100000).map(float),
                    st.floats(0, 1e6, allow_nan=False, allow_infinity=False)),
    unit=st.sampled_from(["", "people", "dead", "%", "homes", "$"]),
    bound=st.sampled_from(["exact", "at_least", "at_most", "about"]),
    text=st.sampled_from(["40", "12", "at least 20", "23", "about 300"]),
)

frames = st.builds(
    Frame,
    negated=st.booleans(),
    modality=st.sampled_from(["asserted", "asserted", "hedged", "likely", "unlikely", "question"]),
    likelihood=st.one_of(st.none(), st.sampled_from([0.05, 0.1, 0.15, 0.5, 0.7, 0.85, 0.9])),
    cues=st.lists(st.sampled_from(["not", "never", "denied", "no longer", "very soon", "still far off"]),
                  max_size=2).map(tuple),
    time=st.lists(st.sampled_from(["Monday", "Tuesday morning", "August 2025", "2021", "later"]),
                  max_size=2).map(tuple),
    places=st.lists(st.sampled_from(["Askeli", "Tarvos", "Geneva", "the UAE"]), max_size=2).map(tuple),
    entities=st.lists(st.builds(Entity, text=st.sampled_from(["Putin", "Trump"]), label=st.just("PERSON")),
                      max_size=2).map(tuple),
    quantities=st.lists(quantity_objs, max_size=2).map(tuple),
    participants=st.lists(st.sampled_from(["putin", "trump", "russia", "ukraine"]), max_size=2, unique=True)
    .map(lambda p: tuple(sorted(p))),
    lemmas=st.lists(st.sampled_from(["meeting", "summit", "agree", "disagree", "rise", "fall", "hold",
                                     "request", "help", "quake"]), max_size=5).map(tuple),
)

CLAIM_TEXTS = (
    "the meeting will happen very soon",
    "the meeting is still far off",
    "40 people died in the quake",
    "12 people died in the quake",
    "the summit will be held in Geneva",
    "the summit will be held in the UAE",
    "the government has not requested help",
    "the government has requested help",
    "Is the summit on?",
)


@st.composite
def claims(draw: st.DrawFn, claim_id: str | None = None) -> Claim:
    """A hand-made claim with an arbitrary frame (no models involved)."""
    cid = claim_id if claim_id is not None else draw(st.from_regex(r"[a-z]{1,3}:[0-9]", fullmatch=True))
    text = draw(st.sampled_from(CLAIM_TEXTS))
    return Claim(
        id=cid, article=cid.split(":")[0], source=draw(st.sampled_from(OUTLETS)),
        speaker=draw(st.sampled_from([None, "Putin", "Trump", "Rubio"])), text=text,
        start=0, end=len(text), frame=draw(frames),
        published=draw(st.one_of(st.none(), st.sampled_from([_dt.date(2025, 8, 6), _dt.date(2025, 8, 7)]))),
    )


similarities = st.one_of(
    st.floats(-1, 1, allow_nan=False),
    st.sampled_from([0.0, 0.35, 0.45, 0.5, 0.55, 0.6, 0.65, 0.8, 0.9, 1.0]),
    st.sampled_from([float("nan"), float("inf"), float("-inf"), 2.0, -3.0]),
)
