"""The claim frame: polarity, hedging, time, places, entities, numbers.

Functions here read spaCy tokens and return plain values, so the judge
never needs spaCy itself.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ._types import Entity, Frame, Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["DURATION_UNITS", "LIKELIHOOD_CUES", "build_frame", "dates_of", "entity_key", "likelihood_of",
           "normalise_time", "parse_number"]

# (pattern, likelihood in [0, 1]).  Low values: the event is far off or
# improbable; high values: it is near or near-certain.  Patterns are
# matched on the lower-cased claim text at word boundaries.
LIKELIHOOD_CUES: tuple[tuple[str, float], ...] = (
    (r"very good prospects?", 0.9),
    (r"(?:good|strong|real) (?:prospects?|chance|possibility)", 0.8),
    (r"imminent(?:ly)?", 0.9),
    (r"any (?:day|moment|time) now", 0.9),
    (r"within (?:hours|days|the hour|a day|a few days|the next few days|24 hours|48 hours)", 0.9),
    (r"in the (?:coming|next few) (?:days|hours)", 0.85),
    (r"within (?:reach|touching distance)|(?:very |tantalisingly |tantalizingly )?close to (?:a |an )?"
     r"(?:deal|agreement|settlement|breakthrough)", 0.85),
    (r"very soon", 0.85),
    (r"(?:is|are|was|were) (?:on track|set) to", 0.8),
    # "certainly possible" is possible, no more: the intensifier does not make it likely
    (r"(?:certainly|definitely|quite|entirely|perfectly|very|clearly|still|always) possible", 0.5),
    (r"(?:almost|virtually|all but) certain", 0.9),
    (r"certain(?:ly)?|definitely|guaranteed", 0.9),
    (r"soon|shortly(?! (?:after|before|afterwards))", 0.75),
    (r"(?:highly |very |most )?likely", 0.7),
    (r"expected to|expects? to|poised to", 0.7),
    # "a final vote is expected as early as next Tuesday", "no further outages
    # were expected": said of the thing itself (not "widely expected by
    # economists", the consensus before a past event)
    (r"(?:is|are|was|were) expected(?! to\b| by\b)", 0.7),
    (r"probabl[ey]", 0.65),
    (r"may|might|could|possibl[ey]|perhaps|maybe", 0.5),
    (r"(?:still |remains? )?(?:far|a long way) off|(?:still |remains? )?a long way away", 0.1),
    (r"(?:weeks|months|years) away", 0.15),
    (r"not (?:for|before|until) (?:weeks|months|years|next (?:week|month|year))", 0.15),
    (r"a lot (?:has|needs|have) to happen|much (?:has|needs) to happen", 0.2),
    (r"(?:a lot|lots|plenty) of work ahead|(?:many|major|serious) (?:impediments|obstacles|hurdles)", 0.25),
    (r"(?:highly |very )?unlikely|improbable|doubtful|remote (?:prospect|chance|possibility)", 0.15),
    (r"no (?:time soon|prospect|chance|plans?)", 0.1),
    (r"(?:too early|premature)", 0.2),
    (r"conditions (?:are |have )?(?:not|yet to be) (?:yet )?(?:met|right)", 0.15),
    (r"out of the question|impossible|ruled out", 0.05),
)
_CUE_RES = tuple((re.compile(rf"(?<![\w-])(?:{p})(?![\w-])"), v) for p, v in LIKELIHOOD_CUES)


def likelihood_of(text: str, *, negated: bool = False) -> tuple[float | None, tuple[str, ...]]:
    """Likelihood in [0, 1] that a hedged claim's event happens (soon).

    Returns ``(None, ())`` when the text has no hedge at all.  The most
    decided cue (furthest from 0.5) wins.  A negated positive cue ("will
    not happen soon") is turned round.

    >>> likelihood_of("there was a very good prospect that they meet")
    (0.9, ('very good prospect',))
    >>> likelihood_of("a sit-down was still far off")
    (0.1, ('still far off',))
    >>> likelihood_of("the venue was agreed")
    (None, ())
    """
    low = text.lower()
    found: list[tuple[float, str, int]] = []
    taken: list[tuple[int, int]] = []
    for rx, value in _CUE_RES:
        for m in rx.finditer(low):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((value, m.group(0), m.start()))
    if not found:
        return None, ()
    found.sort(key=lambda f: f[2])
    best = max(found, key=lambda f: (abs(f[0] - 0.5), -f[2]))
    value = best[0]
    if negated and value > 0.5:
        value = round(1.0 - value, 2)
    return value, tuple(f[1] for f in found)


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")


def dates_of(times: Iterable[str], published: _dt.date | None,
             ahead: Iterable[str] = ()) -> tuple[str, ...]:
    """The ISO dates of the time expressions, each part of a list on its
    own: "Sunday and Monday" is two days, not Monday.  A weekday among
    ``ahead`` (the times of things still to come: "will meet on Friday")
    is the next such day, or the publication day itself.

    >>> dates_of(["Sunday and Monday"], _dt.date(2026, 8, 12))
    ('2026-08-09', '2026-08-10')
    >>> dates_of(["Friday"], _dt.date(2026, 7, 23), ahead=["Friday"])  # a Thursday paper
    ('2026-07-24',)
    """
    found: set[str] = set()
    later = set(ahead)
    for t in times:
        for part in _TIME_LIST_RE.split(t):
            d = normalise_time(part, published, ahead=t in later) if part.strip() else None
            if d:
                found.add(d)
    return tuple(sorted(found))


_HYPHENS = frozenset({"-", "\u2010", "\u2011"})
# An age the recogniser tags as a date: "the 23-year-old", "five years old", "aged 41".
_AGE_RE = re.compile(r"^(?:(?:the|a|an)\s+)?[\w.]+[- ](?:years?|months?|weeks?)[- ]old$|^aged\s+\w+$",
                     re.IGNORECASE)
_TIME_LIST_RE = re.compile(r"\s+(?:and|or)\s+", re.IGNORECASE)


def _age_after_name(ent: Any) -> bool:
    """Whether a DATE entity is a bare number set off by commas after a
    name, the way news gives an age ("The driver, Ivo Brandt, 54, was
    hurt"), not a time.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("The driver, Ivo Brandt, 54, was hurt")
    >>> _age_after_name(doc[6:7]), _age_after_name(nlp("It rose 54 percent")[2:3])
    (True, False)
    """
    doc = ent.doc
    if len(ent) != 1 or not ent.text.isdigit() or int(ent.text) > 120 or ent.start < 2:
        return False
    before, name = doc[ent.start - 1], doc[ent.start - 2]
    after = doc[ent.end] if ent.end < len(doc) else None
    return before.text == "," and name.text[:1].isupper() and name.is_alpha \
        and (after is None or after.text in {",", ";", ")", "."})


def normalise_time(text: str, published: _dt.date | None, *, ahead: bool = False) -> str | None:
    """An ISO form of a time expression, relative to the publication date.

    Days give ``YYYY-MM-DD``, months ``YYYY-MM``, years ``YYYY``, weeks
    ``YYYY-Www``.  Weekday names count back from the publication date
    ("on Thursday" in a Friday paper is the day before) unless "next" or
    "coming" points forward.  ``None`` when nothing can be pinned down.

    >>> d = _dt.date(2025, 8, 7)  # a Thursday
    >>> normalise_time("Wednesday", d), normalise_time("next Monday", d)
    ('2025-08-06', '2025-08-11')
    >>> normalise_time("in 2021", d), normalise_time("August 15", d), normalise_time("next week", d)
    ('2021', '2025-08-15', '2025-W33')
    >>> normalise_time("February 30", d) is None
    True
    """
    low = text.lower()
    forward = bool(re.search(r"\b(?:next|coming|this coming|following)\b", low))
    m = re.search(r"\b(" + "|".join(_MONTH_NAMES) + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b", low) or \
        re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(_MONTH_NAMES) + r")(?:\s+(\d{4}))?\b", low)
    if m:
        a, b, year = m.groups()
        month_name, day = (a, b) if not a.isdigit() else (b, a)
        y = int(year) if year else (published.year if published else None)
        if y is None:
            return None
        try:
            return _dt.date(y, _MONTH_NAMES.index(month_name) + 1, int(day)).isoformat()
        except ValueError:
            return None  # an impossible date such as February 30
    m = re.search(r"\b(" + "|".join(_MONTH_NAMES) + r")\s+(\d{4})\b", low)
    if m:
        return f"{int(m.group(2)):04d}-{_MONTH_NAMES.index(m.group(1)) + 1:02d}"
    if published is not None:
        for k, name in enumerate(_WEEKDAY_NAMES):
            if re.search(rf"\b{name}\b", low):
                delta = (published.weekday() - k) % 7
                day = published - _dt.timedelta(days=delta)
                if forward:
                    day = published + _dt.timedelta(days=(k - published.weekday()) % 7 or 7)
                elif ahead and not re.search(r"\b(?:last|past|previous)\b", low):
                    day = published + _dt.timedelta(days=(k - published.weekday()) % 7)
                return day.isoformat()
        for word, delta in (("today", 0), ("yesterday", -1), ("tomorrow", 1), ("tonight", 0)):
            if re.search(rf"\b{word}\b", low):
                return (published + _dt.timedelta(days=delta)).isoformat()
        for unit, days in (("week", 7),):
            if re.search(rf"\b(?:next|coming) {unit}\b", low):
                iso = (published + _dt.timedelta(days=days)).isocalendar()
                return f"{iso[0]}-W{iso[1]:02d}"
            if re.search(rf"\b(?:last|past) {unit}\b", low):
                iso = (published - _dt.timedelta(days=days)).isocalendar()
                return f"{iso[0]}-W{iso[1]:02d}"
    m = re.search(r"\b(1[89]\d\d|20\d\d)\b", low)
    if m:
        return m.group(1)
    return None


_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "a dozen": 12,
}


def _larger_scale_after(toks: Sequence[Token], k: int, scale: int) -> bool:
    """Whether the number that starts at ``toks[k]`` has a scale word as
    large as ``scale``: "4 million and 5 million" is two numbers, "two
    hundred and five" one."""
    while k < len(toks) and (toks[k].like_num or toks[k].lower_ in _SCALES):
        if _SCALES.get(toks[k].lower_, 0) >= scale:
            return True
        k += 1
    return False


_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000,
           "dozen": 12}  # "two dozen" is 24 (a dozen on its own is a number word too)


def parse_number(text: str) -> float | None:
    """Read a number written in digits or words; ``None`` if it is not one.

    >>> parse_number("12,000")
    12000.0
    >>> parse_number("2.5 billion")
    2500000000.0
    >>> parse_number("twenty-three")
    23.0
    >>> parse_number("NaN") is None
    True
    >>> parse_number("7-2") is None
    True
    >>> parse_number("two dozen"), parse_number("dozen")
    (24.0, 12.0)
    """
    s = text.lower().replace(",", "").replace("$", "").replace("%", "").strip()
    if not s:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for part in re.split(r"[\s-]+", s):
        if not part or part == "and":
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", part):
            if current:
                return None  # "7-2" is a score or a range, not seven plus two
            current += float(part)
        elif part in _NUMBER_WORDS and part not in _SCALES:
            current += _NUMBER_WORDS[part]
        elif part in _SCALES:
            current = (current or 1.0) * _SCALES[part]
            if _SCALES[part] >= 1000:
                total += current
                current = 0.0
        else:
            return None
        seen = True
    value = total + current
    if not seen or not math.isfinite(value):
        return None
    return value


_AT_LEAST = ("at least", "more than", "over", "above", "in excess of", "upwards of", "no fewer than",
             "no less than", "exceeding", "exceeds", "at a minimum")
_AT_MOST = ("at most", "up to", "fewer than", "less than", "under", "below", "no more than", "as many as",
            "within", "no further than", "not more than")
_ABOUT = ("about", "around", "nearly", "almost", "roughly", "approximately", "some", "close to",
          "an estimated", "estimated", "more or less", "just over", "just under", "circa")
_NUMERIC_ENTS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_UNIT_WORDS = {"percent": "%", "per cent": "%", "%": "%", "dollars": "$", "$": "$", "usd": "$",
               "euros": "€", "€": "€", "pounds": "£", "£": "£"}


def _bound(before: str) -> str:
    """The bound the words before a figure put on it: the longest phrase
    that ends them ("no more than" is a most, not the "more than" in it),
    turned round by a negation just before it ("did not fall below 27C" is
    at least 27).

    >>> [_bound(w) for w in ("more than", "no more than", "did not fall below", "never dropped below", "some")]
    ['at_least', 'at_most', 'at_least', 'at_least', 'about']
    """
    b = " " + " ".join(before.lower().replace("$", " ").replace("€", " ").replace("£", " ").split()) + " "
    best = ("", "exact")
    for words, name in ((_AT_LEAST, "at_least"), (_AT_MOST, "at_most"), (_ABOUT, "about")):
        for w in words:
            if b.endswith(" " + w + " ") and len(w) > len(best[0]):
                best = (w, name)
    phrase, name = best
    if name in {"at_least", "at_most"} and not phrase.startswith(("no ", "not ")):
        head = b[:len(b) - len(phrase) - 2].split()[-3:]
        if any(w in {"not", "never"} or w.endswith("n't") for w in head):
            return "at_most" if name == "at_least" else "at_least"
    return name


def _weighed(doc: Doc, start: int, unit: Token) -> bool:
    """Whether the "pounds" after the figure starting at ``start`` are a weight:
    a form of "weigh" governs them or stands in the four words before.

    >>> import spacy
    >>> doc = spacy.blank("en")("they weighed 136 pounds")
    >>> _weighed(doc, 2, doc[3])
    True
    """
    near = [unit.head, *doc[max(0, start - 4):start]]
    return any(t.lower_.startswith("weigh") for t in near)


def _span_top(span: Sequence[Token]) -> Token:
    """The token of a figure's words that hangs on a word outside them: the
    last one, unless it hangs inside ("two dozen vehicles", where "dozen"
    hangs on "two" and "two" on "vehicles")."""
    first, last = span[0].i, span[-1].i
    if not first <= span[-1].head.i <= last:
        return span[-1]
    return next((t for t in span if not first <= t.head.i <= last), span[-1])


def _bound_before(first: Token) -> str:
    """The bound (:func:`_bound`) the four tokens before a figure's first token
    put on it, past the article of a figure that starts with a scale word
    ("more than a dozen", "nearly a hundred", "about half a million"; but
    "over a 10-year period" is no bound on the ten years)."""
    end = first.i
    if end > 0 and first.lower_ in _SCALES and first.doc[end - 1].lower_ in {"a", "an"}:
        end -= 1
        if end > 0 and first.doc[end - 1].lower_ == "half":
            end -= 1  # "about half a million"
    return _bound(first.doc[max(0, end - 4):end].text)


#: Units of time: word -> (unit the value is given in, numerator, denominator).
#: Calendar lengths are counted in years (a year is exactly 12 months) and
#: clock lengths in days (a week is 7 days, an hour 1/24 day); the two are not
#: converted into each other, since a month has no fixed number of days.
DURATION_UNITS: dict[str, tuple[str, int, int]] = {
    **{w: ("year", 1, 1) for w in ("year", "years")},
    **{w: ("year", 1, 12) for w in ("month", "months")},
    **{w: ("year", 10, 1) for w in ("decade", "decades")},
    **{w: ("year", 100, 1) for w in ("century", "centuries")},
    **{w: ("day", 14, 1) for w in ("fortnight", "fortnights")},
    **{w: ("day", 7, 1) for w in ("week", "weeks")},
    **{w: ("day", 1, 1) for w in ("day", "days")},
    **{w: ("day", 1, 24) for w in ("hour", "hours")},
    **{w: ("day", 1, 1440) for w in ("minute", "minutes")},
    **{w: ("day", 1, 86400) for w in ("second", "seconds")},
}
# A length of time followed by one of these is an age or a point in time
# ("a 24-year-old", "two years ago"), not a duration.
_NOT_DURATION_AFTER = {"old", "older", "younger", "ago", "earlier", "later", "before", "after", "since"}
# "150 million euros a year", "three times a week": "a year" is a rate there.
_RATE_BEFORE = {"times", "once", "twice", "thrice", "per", "every", "each"}
# Adjectives that pick one period out rather than measure a length: "a
# second day", "the next day", "a single day" (of protests).
_NOT_LENGTH_ADJ = {"next", "last", "past", "previous", "following", "same", "single", "particular",
                   "certain", "given", "typical", "normal", "busy", "big", "great"}


# A score or a vote written "7-2": the nouns it names and the verbs that
# take it ("ruled 7-2", "a 5-4 vote", "beat them 3-1").  Anything else
# "10-15" is a range ("10-15 people", "children aged 5-11").
_TALLY_NOUNS = {"vote", "votes", "win", "victory", "defeat", "loss", "decision", "ruling", "majority",
                "margin", "verdict", "scoreline", "draw", "triumph", "split"}
_TALLY_VERBS = {"win", "beat", "lose", "defeat", "rule", "vote", "pass", "reject", "approve", "draw", "lead",
                "trail", "end", "finish", "edge", "thrash", "crush", "split", "decide", "overturn", "uphold",
                "acquit", "convict", "back", "strike", "dismiss", "throw", "confirm", "block"}
_TALLY_RE = re.compile(r"^(\d{1,3})[-\u2013](\d{1,3})$")


# "29 in favour and 26 against", "31 votes for, 24 against", "12 for and three opposed"
_FOR_AGAINST_RE = re.compile(r"^(\S+) (?:votes? )?(?:in favou?r|for)(?: of (?:it|the \w+))? ,? ?(?:and |with |to )?"
                             r"(\S+) (?:votes? )?(?:against|opposed)\b")


def _for_and_against(toks: Sequence[Token], i: int) -> tuple[str, str, int] | None:
    """``(votes for, votes against, index after)`` of a vote written as two
    counts, one for and one against ("29 in favour and 26 against"), at
    ``toks[i]``; None otherwise."""
    run = [toks[i]]
    for k in range(i + 1, min(len(toks), i + 12)):
        if toks[k].i != toks[k - 1].i + 1:
            break
        run.append(toks[k])
    m = _FOR_AGAINST_RE.match(" ".join(x.lower_ for x in run))
    if m is None:
        return None
    x, y = parse_number(m.group(1)), parse_number(m.group(2))
    if x is None or y is None or not x.is_integer() or not y.is_integer():
        return None
    return str(int(x)), str(int(y)), i + len(m.group(0).split())


def _tally_at(toks: Sequence[Token], i: int) -> tuple[tuple[Quantity, Quantity], int] | None:
    """A score or vote ("7-2", "51\u201349", "six votes to one", "29 in favour and 26
    against") at ``toks[i]``, as two
    quantities in the unit "tally" (larger first, as scores are written,
    so "lost 1-3" and "won 3-1" agree), and the index after it.

    Only when a tally noun follows ("a 5-4 vote") or a tally verb takes it
    ("ruled 7-2"): "10-15 people" is a range.
    """
    n = len(toks)
    t = toks[i]
    m = _TALLY_RE.match(t.text)
    if m is not None:
        first, second, end = m.group(1), m.group(2), i + 1
    elif (i + 2 < n and t.text.isdigit() and len(t.text) <= 3 and toks[i + 1].text in {"-", "\u2013"}
          and toks[i + 2].text.isdigit() and len(toks[i + 2].text) <= 3
          and toks[i + 2].i == t.i + 2 and toks[i + 1].i == t.i + 1):
        first, second, end = t.text, toks[i + 2].text, i + 3
    elif (i + 3 < n and toks[i + 1].lower_ in {"vote", "votes"} and toks[i + 2].lower_ == "to"
          and all(toks[k].i == t.i + k - i for k in range(i, i + 4))
          and (x := parse_number(t.text)) is not None and (y := parse_number(toks[i + 3].text)) is not None
          and x.is_integer() and y.is_integer()):
        first, second, end = str(int(x)), str(int(y)), i + 4  # "by six votes to one"
    elif (split := _for_and_against(toks, i)) is not None:
        first, second, end = split  # "29 in favour and 26 against"
    else:
        return None
    last = toks[end - 1]
    doc = t.doc
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    heads = {x.head for x in toks[i:end]} - set(toks[i:end])
    verbs = {h.lemma_.lower() for h in heads if h.pos_ == "VERB"}
    named = nxt is not None and nxt.lower_ in _TALLY_NOUNS or toks[i + 1].lower_ in {"vote", "votes"} \
        or toks[end - 1].lower_ in {"against", "opposed"}
    if not named and (not verbs & _TALLY_VERBS or nxt is not None and nxt.pos_ == "NOUN"):
        return None  # a range ("10-15 people", "aged 5-11"), or "won 2-3 games"
    a, b = sorted((int(first), int(second)), reverse=True)
    text = doc[t.i:last.i + 1].text
    verb = next(iter(sorted(verbs)), "")
    context = ("tally",)
    return (Quantity(value=float(a), unit="tally", bound="exact", text=text, verb=verb, context=context),
            Quantity(value=float(b), unit="tally (second)", bound="exact", text=text, verb=verb,
                     context=context)), end


def _duration_at(toks: Sequence[Token], i: int) -> tuple[Quantity, int] | None:
    """A length of time starting at ``toks[i]`` and the index after it.

    Reads "12 months", "five-year", "a year", "four consecutive days",
    "six and a half years", "a year and a half", "half an hour".  The value
    is in the unit :data:`DURATION_UNITS` gives (years or days), so "12
    months" and "a year" are both 1.0 year.
    """
    n = len(toks)
    t = toks[i]
    low = t.lower_
    article = False
    if low in {"a", "an"}:
        value, j, article = 1.0, i, True
    elif low == "half" and i + 1 < n and toks[i + 1].lower_ in {"a", "an"}:
        value, j, article = 0.5, i + 1, True  # "half an hour"
    elif t.like_num or low in _NUMBER_WORDS:
        j = i
        while j + 1 < n and toks[j + 1].i == toks[j].i + 1 and (
            toks[j + 1].like_num or toks[j + 1].lower_ in _SCALES
            or toks[j + 1].text == "-" and j + 2 < n and toks[j + 2].like_num
        ):
            j += 1
        parsed = parse_number(" ".join(x.text for x in toks[i:j + 1]))
        if parsed is None or parsed <= 0:
            return None
        value = parsed
    else:
        return None
    k = j + 1
    if not article and [x.lower_ for x in toks[k:k + 3]] == ["and", "a", "half"]:
        value += 0.5  # "six and a half years"
        k += 3
    if k < n and toks[k].text == "-":
        k += 1  # "five-year"
    while k < n and k - j <= 3 and toks[k].pos_ == "ADJ" and toks[k].head.i != toks[k].i \
            and toks[k].head.lower_ in DURATION_UNITS and not toks[k].like_num \
            and toks[k].ent_type_ != "ORDINAL" and toks[k].lower_ not in _NOT_LENGTH_ADJ:
        k += 1  # "four consecutive days", but not "a second day", "a single day"
    if k >= n:
        return None
    unit_tok = toks[k]
    entry = DURATION_UNITS.get(unit_tok.lower_)
    if entry is None or unit_tok.pos_ not in {"NOUN", "PROPN"} or unit_tok.ent_type_ not in {"", "DATE", "TIME"}:
        return None  # "a second round" is not one second, "60 Minutes" is a programme
    if unit_tok.pos_ == "PROPN" and t.ent_type_ not in {"DATE", "TIME"} or (
            unit_tok.text[:1].isupper() and not unit_tok.text.isupper() and not unit_tok.is_sent_start
            and not t.text[:1].isupper()):
        return None  # a title such as "60 Minutes" or "28 Days" rather than a length of time
    if any(toks[x].i != toks[x - 1].i + 1 for x in range(i + 1, k + 1)):
        return None
    doc = t.doc
    if any(x.lemma_.lower() == "age" for x in doc[max(0, t.i - 3):t.i]):
        return None  # "under the age of 18 years"
    if article:
        if unit_tok.tag_ in {"NNS", "NNPS"}:
            return None  # "a few years" is not one year
        prev = doc[t.i - 1] if t.i > 0 else None
        if prev is not None and (prev.like_num or prev.lower_ in _RATE_BEFORE
                                 or prev.pos_ in {"NOUN", "PROPN", "NUM", "SYM"}):
            return None  # "150 million euros a year" is a rate
    end = unit_tok.i + 1
    if [x.lower_ for x in doc[end:end + 3]] == ["and", "a", "half"]:
        value += 0.5  # "a year and a half"
        end += 3
    after = doc[end:end + 2]
    words_after = [x.lower_ for x in after if x.text != "-"]
    if words_after and words_after[0] in _NOT_DURATION_AFTER \
            or [x.lower_ for x in doc[end:end + 2]] == ["of", "age"]:
        return None
    unit, num, den = entry
    value = value * num / den
    if not math.isfinite(value):
        return None
    start_i = t.i
    bound = _bound_before(t)
    if bound == "exact" and start_i > 0 and doc[start_i - 1].lower_ == "within":
        bound = "at_most"  # "within 12 months"
    q = Quantity(value=value, unit=unit, bound=bound, text=doc[start_i:end].text,
                 verb=_governing_verb(unit_tok), context=_measured(unit_tok))
    last = k
    while last + 1 < n and toks[last + 1].i < end:
        last += 1
    return q, last + 1


def _measured(unit_tok: Token) -> tuple[str, ...]:
    """What a length of time is the length of: the content words on the path
    from its unit up to the clause it belongs to ("five-year contract" ->
    contract, sign; "a contract that runs for five years" -> run, contract;
    "had wanted him for two years" -> want).  Names are left out: two
    durations in claims about the same people still measure different things
    unless the thing measured is shared.
    """
    out: set[str] = set()
    cur = unit_tok
    for _ in range(5):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ in {"NOUN", "VERB", "ADJ"} and cur.is_alpha and not cur.is_stop:
            out.add(cur.lemma_.lower())
        if cur.pos_ in {"VERB", "AUX"} and cur.dep_ not in {"relcl", "acl", "xcomp", "aux", "auxpass"}:
            break  # the clause's own verb: what it measures ends here
    return tuple(sorted(out))


def quantities(tokens: Sequence[Token]) -> tuple[Quantity, ...]:
    """Numbers in the tokens with their bound and unit.

    Calendar dates and times of day are left out (the frame's ``dates`` has
    them), but lengths of time are quantities, in years or days (see
    :data:`DURATION_UNITS`): "12 months" and "a year" agree, "five years"
    and "two years" do not.
    """
    found: list[Quantity] = []
    inside = {t.i for t in tokens}
    i = 0
    toks = list(tokens)
    while i < len(toks):
        t = toks[i]
        tally = _tally_at(toks, i)
        if tally is not None:
            found.extend(tally[0])
            i = tally[1]
            continue
        duration = _duration_at(toks, i)
        if duration is not None:
            found.append(duration[0])
            i = duration[1]
            continue
        heat = _temperature(t) or _race_time(t)
        if heat is not None:
            found.append(heat)
            i += 1
            continue
        ratio = _ratio_at(toks, i) or _fraction_at(toks, i)
        if ratio is not None:
            found.append(ratio[0])
            i = ratio[1]
            continue
        lone = _lone_count(t, inside)
        if lone is not None:
            found.append(lone)
            i += 1
            continue
        if not (t.like_num or t.lower_ in _NUMBER_WORDS) or t.ent_type_ in {"DATE", "TIME", "ORDINAL"} \
                and not _count_tagged_as_date(t) or t.i > 0 and _no_one(t.doc[t.i - 1]):
            i += 1  # "no one" is nobody, not a count of one
            continue
        if t.i >= 2 and t.doc[t.i - 1].text in _HYPHENS and t.doc[t.i - 2].lower_ == "of" \
                and not t.doc[t.i - 2].whitespace_ and not t.doc[t.i - 1].whitespace_:
            i += 1  # "the dad-of-five", "a mother-of-three": who someone is, not a count
            continue
        if t.lower_ in _SCALES and i > 0 and toks[i - 1].lower_ == "per":
            i += 1  # "parts per million" is a unit, not a number
            continue
        j = i
        while j + 1 < len(toks) and toks[j + 1].i == toks[j].i + 1 and (
            toks[j + 1].like_num or toks[j + 1].lower_ in _SCALES
            or (toks[j + 1].lower_ == "-" or toks[j + 1].lower_ == "and" and toks[j].lower_ in _SCALES
                and not _larger_scale_after(toks, j + 2, _SCALES[toks[j].lower_]))
            and j + 2 < len(toks) and toks[j + 2].like_num
        ):  # "two hundred and five" is one number, "between one and three" two
            j += 1
        words = [x.text for x in toks[i:j + 1]]
        value = parse_number(" ".join(words))
        if value is None:
            i = j + 1
            continue
        if j + 4 < len(toks) and [x.lower_ for x in toks[j + 1:j + 4]] == ["and", "a", "half"] \
                and toks[j + 4].lower_ in _SCALES and toks[j].lower_ not in _SCALES:
            # "four and a half billion years": 4.5 billion
            value = (value + 0.5) * _SCALES[toks[j + 4].lower_]
            j += 4
        halved = t.lower_ in _SCALES and t.i >= 2 and t.doc[t.i - 1].lower_ in {"a", "an"} \
            and t.doc[t.i - 2].lower_ == "half"
        if halved:
            value /= 2  # "half a dozen homes" are six, "half a million people" 500,000
        doc = t.doc
        start_i = t.i
        if _names_a_thing(toks[j], start_i):
            i = j + 1
            continue
        unit = ""
        counted: Token | None = None
        prev = doc[start_i - 1] if start_i > 0 else None
        last = toks[j]
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if prev is not None and prev.text in _UNIT_WORDS:
            unit = _UNIT_WORDS[prev.text]
        elif nxt is not None and nxt.lower_ in _UNIT_WORDS:
            unit = _UNIT_WORDS[nxt.lower_]
            if unit == "£" and _weighed(doc, start_i, nxt):
                unit = "lb"  # "they weighed 136 pounds": a weight, not a sum
        elif nxt is not None and nxt.lower_ == "per" and nxt.i + 1 < len(doc) and doc[nxt.i + 1].lower_ == "cent":
            unit = "%"  # "0.8 per cent"
        elif (top := _span_top(toks[i:j + 1])).dep_ in {"nummod", "quantmod"} \
                and top.head.pos_ in {"NOUN", "PROPN"}:
            if top.head.i < start_i and top.head.lower_ in DURATION_UNITS:
                i = j + 1
                continue  # "day one", "Day 2015": a name for a day, not a count of days
            unit = top.head.lemma_.lower()
            counted = top.head
        elif nxt is not None and nxt.pos_ == "NOUN" and nxt.i in inside:
            unit = nxt.lemma_.lower()
            counted = nxt
        elif (last.lower_ != "one" or j > i) and (whole := _of_noun(last)) is not None:
            # "about 90,000 of its members", "two of the group's models": a
            # count of the nouns after "of", not of the verb's subject (but "one
            # of the companies that shaped Silicon Valley" is one of many;
            # "thirty-one of the guests" is not)
            unit = whole.lemma_.lower()
            counted = whole
        elif last.dep_ == "pobj" and last.head.dep_ in {"prep", "agent"} and last.head.head.pos_ in {"VERB", "AUX"}:
            # "the toll stood at 12": a count of what the verb's subject names.
            verb = last.head.head
            subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            unit = subj[0].lemma_.lower() if subj else ""
            put = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < last.head.i]
            if put and last.head.lower_ in {"at", "to"}:
                # "police put the crowd at around 40,000", "cut its workforce to
                # 900": a count of the verb's object, not of who counts or cuts
                unit = put[0].lemma_.lower()
        elif last.dep_ in {"dobj", "pobj", "nsubj", "attr"} and last.head.pos_ == "VERB":
            # "the toll rose to 40": count of what the verb's subject names.
            subj = [c for c in last.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            unit = subj[0].lemma_.lower() if subj else last.head.lemma_.lower()
        qualifiers = _qualifiers(counted, inside) if counted is not None else ()
        speed = _speed(counted, unit)
        if speed is not None:
            value, unit = value * speed, "km/h"  # "17 kilometres per second" / "61,000 km/h"
        if unit == "point" and "basis" in qualifiers or unit == "basis":
            # "25 basis points" ("a 25-basis-point cut") is 0.25 of a percentage point
            value, unit, qualifiers = value / 100.0, "point", tuple(x for x in qualifiers if x != "basis")
        text = doc[start_i - 2 if halved else start_i:last.i + 1].text
        found.append(Quantity(value=value, unit=unit, bound=_bound_before(t), text=text,
                              verb=_governing_verb(last), context=_context_around(t, last),
                              qualifiers=qualifiers))
        i = j + 1
    found.extend(_zero_counts(toks, inside))
    return tuple(found)


# Units of length and their size in metres (the judge converts lengths with them too).
_LENGTHS = {"millimetre": 0.001, "millimeter": 0.001, "mm": 0.001, "centimetre": 0.01, "centimeter": 0.01,
            "cm": 0.01, "metre": 1.0, "meter": 1.0, "kilometre": 1000.0, "kilometer": 1000.0, "km": 1000.0,
            "inch": 0.0254, "foot": 0.3048, "feet": 0.3048, "yard": 0.9144, "mile": 1609.344}
# Lengths and times whose ratio is a speed, in kilometres and hours: the lengths
# of a metre and more, and "m" for metres ("10 m per second").
_SPEED_LENGTHS = {unit: size / 1000 for unit, size in _LENGTHS.items() if size >= 1.0} | {"m": 0.001}
_SPEED_TIMES = {"h": 1.0, "hr": 1.0, "hour": 1.0, "minute": 1 / 60, "min": 1 / 60, "second": 1 / 3600, "s": 1 / 3600,
                "sec": 1 / 3600}
_SPEED_UNITS = {"mph": 1.609344, "m.p.h.": 1.609344, "m.p.h": 1.609344, "kph": 1.0, "kmh": 1.0, "km/h": 1.0,
                "km/s": 3600.0}


def _speed(counted: Token | None, unit: str) -> float | None:
    """The factor that turns a figure counted in ``counted`` into kilometres
    an hour when it is a speed ("120 mph", "17 kilometres per second",
    "61,000 km/h", "90 kilometres an hour"); None when it is not.

    >>> import spacy
    >>> doc = spacy.blank("en")("at 40 miles per hour and 17 km/s")
    >>> _speed(doc[2], "mile"), _speed(doc[7], "km/s")
    (1.609344, 3600.0)
    """
    if counted is None:
        return None
    if unit in _SPEED_UNITS:
        return _SPEED_UNITS[unit]
    if unit not in _SPEED_LENGTHS:
        return None
    doc = counted.doc
    after = [t.lower_.rstrip(".") for t in doc[counted.i + 1:counted.i + 3]]
    if len(after) == 2 and after[0] in {"per", "an", "a", "/"}:
        per = after[1] if after[1] in _SPEED_TIMES else after[1].removesuffix("s")
        if per in _SPEED_TIMES:
            return _SPEED_LENGTHS[unit] / _SPEED_TIMES[per]
    return None


# "four in five", "nine out of ten": a share written as a ratio
_RATIO_LINKS = (("in",), ("out", "of"))


def _ratio_at(toks: Sequence[Token], i: int) -> tuple[Quantity, int] | None:
    """A share written as "X in Y" or "X out of Y" before what is counted
    ("four in five card payments", "nine out of ten voters"), as a
    percentage, and the index after it; None for anything else ("one in
    Paris", "2 in 2019").

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("sentencizer")
    >>> q, end = _ratio_at(list(nlp("roughly four in five card payments")), 1)
    >>> q.value, q.unit, q.bound, q.text, end
    (80.0, '%', 'about', 'four in five', 4)
    >>> _ratio_at(list(nlp("one in 2019")), 0) is None
    True
    """
    t = toks[i]
    if not (t.like_num or t.lower_ in _NUMBER_WORDS):
        return None
    for link in _RATIO_LINKS:
        k = i + 1 + len(link)
        if k >= len(toks) or [x.lower_ for x in toks[i + 1:k]] != list(link):
            continue
        whole = toks[k]
        if not (whole.like_num or whole.lower_ in _NUMBER_WORDS):
            return None
        x, y = parse_number(t.text), parse_number(whole.text)
        if x is None or y is None or not 0 < x < y <= 100 or k + 1 >= len(toks):
            return None
        nxt = toks[k + 1]
        # what is counted follows: a word ("card payments") or an age ("15-year-olds")
        aged = nxt.like_num and k + 2 < len(toks) and toks[k + 2].text in _HYPHENS
        if not (nxt.is_alpha and nxt.lower_ not in _SCALES or aged) or nxt.lemma_.lower() in DURATION_UNITS:
            return None  # "scored twice in 10 minutes", "a one in 100 years flood": not a share
        # (a ratio is a rounded share: "one in seven" of a 15 percent)
        return _share(t, whole, 100.0 * x / y), k + 1
    return None


_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
              "tenth": 10, "tenths": 10}


def _fraction_at(toks: Sequence[Token], i: int) -> tuple[Quantity, int] | None:
    """A share written as a fraction of a group ("about a third of
    residents", "two-thirds of the staff", "half of all homes"), as a
    percentage, and the index after the fraction; None for anything else
    ("a third man", "a quarter of an hour", "the third of May").

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("sentencizer")
    >>> q, end = _fraction_at(list(nlp("about a third of residents")), 1)
    >>> round(q.value, 1), q.unit, q.bound, q.text, end
    (33.3, '%', 'about', 'a third', 3)
    >>> round(_fraction_at(list(nlp("two-thirds of the staff")), 0)[0].value, 1)
    66.7
    >>> _fraction_at(list(nlp("a quarter of an hour")), 0) is None, _fraction_at(list(nlp("a third man")), 0)
    (True, None)
    """
    t = toks[i]
    k = i
    if t.lower_ in {"half"}:
        x = 1.0  # "half of all homes"
        if i > 0 and toks[i - 1].lower_ in {"a", "one", "and"}:
            return None  # "a half", "two and a half": read with the number before
    else:
        if t.lower_ in {"a", "one"}:
            x = 1.0
        elif t.like_num or t.lower_ in _NUMBER_WORDS:
            parsed = parse_number(t.text)
            if parsed is None:
                return None
            x = parsed
        else:
            return None
        k = i + 1
        if k < len(toks) and toks[k].text in _HYPHENS:
            k += 1  # "two-thirds"
    if k + 1 >= len(toks) or toks[k].lower_ not in _FRACTIONS or toks[k + 1].lower_ != "of":
        return None
    y = _FRACTIONS[toks[k].lower_]
    if not 0 < x < y:
        return None
    rest = [w.lower_ for w in toks[k + 2:k + 4]]
    if not rest or rest[0] in {"a", "an"} or any(w in DURATION_UNITS or w in _LENGTHS or w in _SCALES for w in rest):
        # "a quarter of a percentage point", "a quarter of an hour", "a third
        # of a mile", "half of a million": a part of one amount, not a share of a group
        return None
    return _share(t, toks[k], 100.0 * x / y), k + 1


def _share(first: Token, last: Token, percent: float) -> Quantity:
    """A share written as a ratio or a fraction, from ``first`` to ``last``:
    a percentage, rounded, so "about" unless a bound before it says otherwise."""
    bound = _bound_before(first)
    return Quantity(value=percent, unit="%", bound="about" if bound == "exact" else bound,
                    text=first.doc[first.i:last.i + 1].text, verb=_governing_verb(last),
                    context=_context_around(first, last))


def _count_tagged_as_date(t: Token) -> bool:
    """Whether a number word the recogniser tagged as a date counts the
    plain noun it modifies: "Forty workers were injured" (but not "two
    weeks", "1990s", "2015")."""
    head = t.head
    return t.ent_type_ == "DATE" and t.is_alpha and t.dep_ == "nummod" and head.i > t.i \
        and head.pos_ == "NOUN" and head.ent_type_ != "DATE" and head.lower_ not in DURATION_UNITS


def _context_around(first: Token, last: Token) -> tuple[str, ...]:
    """A figure's context: the content lemmas from four tokens before
    ``first`` to four after ``last``, within its sentence, in order."""
    doc, sent = first.doc, first.sent
    window = doc[max(sent.start, first.i - 4):min(sent.end, last.i + 5)]
    return tuple(sorted({w.lemma_.lower() for w in window
                         if w.is_alpha and not w.is_stop and not w.like_num and w.lower_ not in _SCALES}))


_LONE = frozenset({"single", "lone", "sole"})


_GLUED_DEGREES = re.compile(r"^(-?\d+(?:\.\d+)?)\u00b0?([CF])\.?$")  # the tokenizer keeps "41.3C." whole
# Words before a number and a letter that name a place in a row, not a heat:
# "seat 14C", "gate 4C", "flat 2F".
_NUMBERED_PLACES = frozenset({"seat", "gate", "terminal", "room", "flat", "apartment", "platform", "floor", "row",
                              "block", "unit", "level", "bay", "stand", "grade", "form", "pier", "hall", "suite",
                              "cabin", "berth", "ward", "bed", "box", "lot", "plot", "no", "number"})


def _temperature(t: Token) -> Quantity | None:
    """A temperature written as one token, "41.3C" or "104F", in degrees
    (Celsius, as "41.3 degrees" is read) or degrees Fahrenheit; not a
    numbered seat, gate or flat ("seat 14C")."""
    found = _GLUED_DEGREES.match(t.text)
    if found is None or t.i > 0 and t.doc[t.i - 1].lower_.rstrip(".") in _NUMBERED_PLACES:
        return None
    return Quantity(value=float(found.group(1)), unit="degree" if found.group(2) == "C" else "fahrenheit",
                    bound=_bound_before(t), text=t.text.rstrip("."), verb=_governing_verb(t),
                    context=_context_around(t, t))


# "2:06:41", "2:21:03.5": hours, minutes and seconds, as a race time is written.
_RACE_TIME = re.compile(r"^(\d{1,2}):([0-5]\d):([0-5]\d(?:\.\d+)?)$")
# Words around a clock time read to the second: "at 10:32:15 local time".
_CLOCK_BEFORE = frozenset({"at", "by", "until", "till", "from", "since", "before", "after", "around"})
_CLOCK_AFTER = frozenset({"a.m.", "p.m.", "am", "pm", "gmt", "utc", "local", "bst", "cet", "hours", "hrs"})


# A clock time the tagger read as a number: "11.40am", "4.30pm"; "11:40" only after "at", "by" and the like.
_CLOCK_CARDINAL = re.compile(r"^\d{1,2}(?:[:.][0-5]\d)?\s*[ap]\.?m\.?$|^(\d{1,2}):[0-5]\d$", re.IGNORECASE)


def _clock_cardinal(ent: Span) -> bool:
    """Whether a number entity is a clock time ("after 11.40am", "at 11:40").

    >>> import spacy
    >>> doc = spacy.blank("en")("It started after 11.40am and cost 11.40 euros")
    >>> _clock_cardinal(doc[3:4]), _clock_cardinal(doc[6:7])
    (True, False)
    """
    found = _CLOCK_CARDINAL.match(ent.text.strip())
    if found is None:
        return False
    if found.group(1) is None:
        return True  # written with a.m. or p.m.
    return int(found.group(1)) < 24 and ent.start > 0 and ent.doc[ent.start - 1].lower_ in _CLOCK_BEFORE


def _race_time(t: Token) -> Quantity | None:
    """A length of time written as hours, minutes and seconds ("won in
    2:06:41"), in days as :func:`_duration_at` counts it; not a clock time
    read to the second ("at 10:32:15 local time")."""
    found = _RACE_TIME.match(t.text)
    if found is None:
        return None
    doc = t.doc
    if t.i > 0 and doc[t.i - 1].lower_ in _CLOCK_BEFORE \
            or t.i + 1 < len(doc) and doc[t.i + 1].lower_ in _CLOCK_AFTER:
        return None
    seconds = int(found.group(1)) * 3600 + int(found.group(2)) * 60 + float(found.group(3))
    return Quantity(value=seconds / 86400, unit="day", bound=_bound_before(t), text=t.text,
                    verb=_governing_verb(t), context=_context_around(t, t))


def _lone_count(t: Token, inside: set[int]) -> Quantity | None:
    """A count of one that "a single", "a lone" or "the sole" states: "a
    single masked intruder" is one intruder, as "three masked men" are
    three.  Not "not a single ..." (none), nor "a single-engine plane", nor
    "a single day" (a length of time)."""
    if t.lower_ not in _LONE or t.dep_ != "amod" or t.head.pos_ != "NOUN" or t.head.i not in inside:
        return None
    doc = t.doc
    if t.i == 0 or doc[t.i - 1].lower_ not in {"a", "an", "the"} or t.head.i < t.i:
        return None
    if t.i + 1 < len(doc) and doc[t.i + 1].text in _HYPHENS:
        return None
    if t.i > 1 and doc[t.i - 2].lower_ in {"not", "no", "every", "any", "without"}:
        return None
    noun = t.head
    if noun.lower_ in DURATION_UNITS or noun.lemma_.lower() in DURATION_UNITS:
        return None
    return Quantity(value=1.0, unit=noun.lemma_.lower(), bound="exact", text=doc[t.i - 1:noun.i + 1].text,
                    verb=_governing_verb(noun), context=_context_around(t, noun),
                    qualifiers=tuple(q for q in _qualifiers(noun, inside) if q not in _LONE))


# Modifiers that make "no ..." a count of an increment, not a total: "no new
# cases were reported" says nothing about the cases so far.
_INCREMENT = frozenset({"new", "more", "further", "additional", "fresh", "other", "extra", "single"})
_NO_ONE = frozenset({"nobody", "no-one"})


def _no_one(t: Token) -> bool:
    """Whether ``t`` is the "no" of "no one"."""
    return t.lower_ == "no" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "one"


def _zero_counts(toks: Sequence[Token], inside: set[int]) -> list[Quantity]:
    """Counts of zero that a denial of existence states: "No passengers
    were hurt" (0 passengers, verb "hurt"), "no one was injured" (0 people),
    "None of the 16 crew was hurt" (0 crew), "there were no casualties";
    only for the subject of a verb (or what "there" is), never for an
    increment ("no new cases") nor an object ("it gave no details")."""
    out: list[Quantity] = []
    for t in toks:
        low = t.lower_
        noun: Token | None = None
        unit = ""
        if _no_one(t):
            noun, unit = t.doc[t.i + 1], "people"
        elif low == "no" and t.dep_ == "det" and t.head.pos_ in {"NOUN", "PROPN"}:
            noun = t.head
        elif low in _NO_ONE:
            noun, unit = t, "people"
        elif low == "none" and t.pos_ in {"NOUN", "PRON"}:
            noun = t
            whole = next((c.children for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((g for g in whole or () if g.dep_ == "pobj"), None)
            if obj is None:
                continue
            unit = obj.lemma_.lower()
            if obj.pos_ == "PRON" and any(c.dep_ == "relcl" and any(w.lower_ in {"who", "whom"} for w in c.subtree)
                                          for c in obj.children):
                unit = "people"  # "None of those who fell ill": people, whatever the pronoun
        if noun is None or noun.i not in inside:
            continue
        existential = noun.dep_ == "attr" and any(c.dep_ == "expl" for c in noun.head.children)
        if noun.dep_ not in {"nsubj", "nsubjpass"} and not existential:
            continue
        if any(c.lemma_.lower() in _INCREMENT for c in noun.children):
            continue
        unit = unit or noun.lemma_.lower()
        end = noun.i if noun.i >= t.i else t.i
        out.append(Quantity(value=0.0, unit=unit, bound="exact", text=t.doc[t.i:end + 1].text,
                            verb=_governing_verb(noun), context=(unit,)))
    return out


# Nouns whose number is a grade or a rank, not part of a name: "Category 5".
_RANKED = {"category", "level", "grade", "class", "phase", "stage", "tier", "force", "magnitude", "number",
           "no", "page", "day", "week", "year", "round", "game", "match", "step", "section", "part", "row"}


def _names_a_thing(last: Token, start: int) -> bool:
    """Whether the number is part of a name right before it ("the iPhone
    6", "a Boeing 737", "Windows 10", "Flight 370", "the KX 40 index"), not
    a count."""
    head = last.head
    prev = last.doc[start - 1] if start > 0 else None
    if prev is not None and last.i == start and last.text.isdigit() and len(last.text) <= 4 \
            and prev.pos_ == "PROPN" and prev.text.isalpha() and prev.text.isupper() and 2 <= len(prev.text) <= 5:
        return True  # "the KX 40 share index", "the FTSE 100": an acronym and its number
    if last.dep_ not in {"nummod", "appos", "npadvmod"} or head.i != start - 1 or head.lemma_.lower() in _RANKED \
            or not last.text.isdigit() or len(last.text) > 4:
        return False  # "Nepal 7,000" (a headline's toll) is a count
    proper = head.pos_ == "PROPN" or (head.text[:1].isupper() and head.i > head.sent.start)
    return proper or last.ent_type_ in {"PRODUCT", "LAW", "WORK_OF_ART", "FAC", "ORG", "EVENT"}


# Modifiers that do not say what is counted ("500 new jobs", "at least 20
# more deaths", "a total of 40 confirmed cases" is still the case count).
_NOT_QUALIFIER = {"new", "more", "other", "additional", "further", "total", "overall", "least", "most",
                  "estimated", "reported", "official", "only", "just", "about", "nearly", "almost", "around",
                  "some", "many", "few", "several", "extra", "fresh", "latest", "known", "record"}


def _qualifiers(noun: Token, inside: set[int]) -> tuple[str, ...]:
    """The lemmas that say which kind of ``noun`` is counted: its adjective
    and compound modifiers ("league goals", "confirmed cases") and the
    object of an "in"/"of"/"from"/"for" phrase on it ("goals in European
    competition"), with that object's own modifiers."""
    out: set[str] = set()

    def add(tok: Token) -> None:
        low = tok.lemma_.lower()
        if tok.i in inside and tok.is_alpha and not tok.is_stop and not tok.like_num \
                and low not in _NOT_QUALIFIER and low not in _SCALES:
            out.add(low)

    for c in noun.children:
        if c.dep_ in {"amod", "compound"} and c.ent_type_ not in _WHERE_WHEN:
            add(c)
        elif c.dep_ == "prep" and c.lower_ in {"in", "of", "from", "for"}:
            for p in c.children:
                if p.dep_ != "pobj" or p.pos_ not in {"NOUN", "PROPN"} or p.lemma_.lower() in _PLACE_NOUNS \
                        or any(x.ent_type_ in _WHERE_WHEN for x in p.subtree):
                    continue  # "9 people in the Iraqi capital": where, not which kind
                add(p)
                for m in p.children:
                    if m.dep_ in {"amod", "compound"}:
                        add(m)
    return tuple(sorted(out))


# Entity types and nouns that say where or when, not which kind of thing is
# counted (a nationality does: "12 Iraqi civilians", "goals in European competition").
_WHERE_WHEN = {"GPE", "LOC", "FAC", "DATE", "TIME"}
_PLACE_NOUNS = {"capital", "city", "town", "village", "province", "region", "country", "area", "district",
                "state", "county", "north", "south", "east", "west", "centre", "center", "part", "zone",
                "neighbourhood", "neighborhood", "suburb", "border", "world", "year", "month", "week", "day"}


# Nouns whose "of" names a place: "the village of Hollin Cross", "the island of Skarv".
_SETTLEMENTS = frozenset({"village", "town", "city", "hamlet", "island", "province", "county", "district", "region",
                          "port", "parish", "municipality", "borough"})
_DEMONYMS = {
    "american": "united states", "americans": "united states", "u.s.": "united states",
    "us": "united states", "usa": "united states", "america": "united states",
    "united states of america": "united states", "washington": "united states",
    "british": "united kingdom", "britain": "united kingdom", "uk": "united kingdom",
    "u.k.": "united kingdom", "uae": "united arab emirates", "emirati": "united arab emirates",
    "russian": "russia", "russians": "russia", "moscow": "russia", "kremlin": "russia",
    "ukrainian": "ukraine", "ukrainians": "ukraine", "kyiv": "ukraine", "kiev": "ukraine",
    "chinese": "china", "beijing": "china", "french": "france", "german": "germany",
    "israeli": "israel", "palestinian": "palestine", "iranian": "iran", "turkish": "turkey",
    "european": "europe", "eu": "europe", "european union": "europe",
}

_COUNTRIES = set(_DEMONYMS.values())


def entity_key(text: str, label: str = "PERSON") -> str:
    """A comparable key for an entity mention.

    Demonyms and capitals stand for their country; people are keyed by
    surname.

    >>> entity_key("the Russian")
    'russia'
    >>> entity_key("Vladimir Putin")
    'putin'
    >>> entity_key("The U.S.")
    'united states'
    """
    s = re.sub(r"^(?:the|a|an)\s+", "", text.strip().lower())
    s = re.sub(r"['’]s$", "", s).strip(" .,;:")
    if s in _DEMONYMS:
        return _DEMONYMS[s]
    if s + "." in _DEMONYMS:
        return _DEMONYMS[s + "."]
    parts = s.split()
    if label == "PERSON" and len(parts) >= 2 and all(p[:1].isalpha() for p in parts):
        return parts[-1]
    return s


# Opinion rather than fact: what ought to be, or what the speaker thinks.
_OPINION = re.compile(
    r"\b(?:should(?:n't| not)?(?! (?:not )?expect\b)|ought to|in my (?:view|opinion)|in our (?:view|opinion)|"
    r"i (?:think|believe|feel)|we (?:think|believe|feel))\b", re.IGNORECASE)
_NEGATORS = {"not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor", "without"}
_NEG_VERBS = {"deny", "reject", "dismiss", "refute", "rule", "decline", "refuse", "fail"}
# Verbs that negate only what they take: "declined to comment", "declined the offer",
# "failed to win"; on their own they report an event ("shares declined").
_NEG_IF_COMPLEMENT = {"decline", "fail"}
_PLACE_PREPS = {"in", "at", "near", "to", "from", "into", "outside", "inside", "across", "within"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_FACILITY_HEADS = {"airport", "airfield", "base", "station", "port", "harbour", "harbor", "hospital", "stadium",
                   "prison", "camp", "plant", "factory", "square", "bridge", "terminal"}
# Last words that make a name a built structure or a road, whatever label the
# tagger gave it (not "Park", "Hill" or "Lake": surnames too).
_STRUCTURE_HEADS = frozenset({"bridge", "road", "street", "avenue", "roundabout", "square", "station", "tunnel",
                              "motorway", "highway", "canal", "pier", "quay", "airport", "harbour", "harbor",
                              "stadium", "terminal", "viaduct", "junction"})
# First words that make a name a place: "Cape Venn", "Mount Kessel", "Port Edda".
_PLACE_TITLES = frozenset({"cape", "mount", "mt", "port", "fort", "lake", "isle", "glen", "loch", "lough"})
_ROLE_HEADS = {"government", "leader", "president", "minister", "officials", "official", "army",
               "forces", "troops", "authorities", "ministry", "side", "delegation"}
# Head nouns of a body, not a place: "officers from Merrisford District Council".
_ORG_HEADS = frozenset({"council", "committee", "ministry", "department", "agency", "authority", "commission",
                        "union", "party", "company", "corporation", "association", "federation", "police",
                        "board", "inspectorate", "regulator"})
_ACTOR_LABELS = {"PERSON", "ORG", "NORP", "GPE", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
_SKIP_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


# Nouns that "no" prices rather than negates, after a preposition ("at no cost").
_NO_COST = {"cost", "charge", "expense", "fee", "price", "extra"}
# Dependents that hang a subordinate modifier on a clause: a negation inside
# one ("because they no longer had...", "on condition of not being named")
# does not negate the claim itself.
_MODIFIER_DEPS = {"advcl", "relcl", "acl", "pcomp", "npadvmod"}


def _in_modifier(t: Token, inside: set[int]) -> bool:
    """Whether ``t`` sits in a subordinate modifier of the claim's own predicate."""
    node = t
    for _ in range(64):  # bounded walk up the tree
        head = node.head
        if head.i == node.i or head.i not in inside:
            return False  # ``node`` is the top of the claim: ``t`` is on its spine
        if node.dep_ in _MODIFIER_DEPS:
            return True
        node = head
    return False


def negation_cues(tokens: Iterable[Token]) -> list[str]:
    """Words in the tokens that negate the clause they sit in.

    Negations inside a subordinate modifier (an adverbial or relative
    clause, the object of a preposition) are left out: they do not make
    the claim itself negative.
    """
    cues: list[str] = []
    toks = list(tokens)
    inside = {t.i for t in toks}
    for k, t in enumerate(toks):
        low = t.lower_
        if _in_modifier(t, inside):
            continue
        if low in {"nothing", "none"} and k + 1 < len(toks) and toks[k + 1].lower_ == "but":
            continue  # "nothing but praise" is only praise
        if low == "not" and k + 1 < len(toks) and toks[k + 1].lower_ in {"just", "only", "merely", "simply"}:
            continue  # "not just about the people at Harcastle": also about others, not a denial
        if t.dep_ == "neg" or low in {"never", "n't", "nobody", "nothing", "neither", "nor", "none"}:
            cues.append(t.text)
        elif low == "no" and t.dep_ == "det":
            if t.head.lower_ in _NO_COST and t.head.dep_ == "pobj":
                continue  # "at no cost to owners", "for no charge": a price, not a negation
            if k + 1 < len(toks) and toks[k + 1].lower_ == "longer":
                cues.append("no longer")
            else:
                cues.append(t.text)
        elif low == "yet" and k + 1 < len(toks) and toks[k + 1].lower_ == "to" and k > 0 \
                and toks[k - 1].lemma_.lower() in {"be", "have"}:
            cues.append("yet to")  # "has yet to comment"
        elif low == "no" and k + 1 < len(toks) and toks[k + 1].lower_ == "longer":
            cues.append("no longer")
        elif t.lemma_.lower() in _NEG_VERBS and t.pos_ == "VERB" and t.lemma_.lower() != "rule":
            if t.lemma_.lower() in _NEG_IF_COMPLEMENT and not any(
                    c.dep_ in {"xcomp", "dobj", "ccomp"} for c in t.children):
                continue  # "income declined 1.1 percent", "the bank failed": events, not refusals
            cues.append(t.text)
        elif t.lemma_.lower() == "rule" and k + 1 < len(toks) and toks[k + 1].lower_ == "out":
            cues.append("ruled out")
    return cues


_FUTURE_AUX = frozenset({"will", "'ll", "shall", "would", "wo", "could", "may", "might", "should", "can"})
_AHEAD_HEADS = frozenset({"due", "set", "schedule", "plan", "expect", "go", "intend"})


def _still_to_come(t: Token) -> bool:
    """Whether the verb a time expression hangs on is still to come: it has
    "will", "would", "shall" or a modal such as "could" or "may", but not
    "have" ("will meet on Friday", "said it would review the situation on
    Friday", "could reopen as early as Thursday"), or is the "to" verb after "due",
    "set", "scheduled", "planned" or "expected" ("is due to land on
    Monday")."""
    verb = t
    for _ in range(5):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        if verb.lower_ == "to" and verb.head.lower_ == "due":
            return True  # "is due to land on Monday" (the small model reads "land" as a noun)
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children) \
            and not any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children):
        return True  # "could reopen on Thursday", but not "could have reopened on Thursday"
    if verb.lemma_.lower() in _AHEAD_HEADS and any(
            c.dep_ in {"aux", "auxpass"} and c.lower_ in {"is", "are", "'s", "'re"} for c in verb.children):
        return True  # "the vote is scheduled for Tuesday"
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return has_to and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _AHEAD_HEADS


def build_frame(
    tokens: Sequence[Token],
    *,
    text: str,
    extra_negation: Sequence[str] = (),
    resolved: Sequence[str] = (),
    context: Sequence[Token] = (),
    published: _dt.date | None = None,
) -> Frame:
    """Build the frame of one claim from its tokens.

    ``extra_negation`` carries cues from outside the clause (a denial in
    the attribution); ``resolved`` holds entity keys that mentions inside
    the clause were resolved to ("the Russian leader" -> "putin").
    """
    inner = negation_cues(tokens)
    neg = inner + list(extra_negation)
    # a negated clause, turned round only by a denial in its attribution
    negated = bool(inner) != bool(extra_negation)
    likelihood, lcues = likelihood_of(text, negated=negated)
    ents: dict[tuple[str, str], None] = {}
    places: dict[str, None] = {}
    times: dict[str, None] = {}
    ahead: list[str] = []
    participants: dict[str, None] = {}
    seen_spans: set[int] = set()
    for t in tokens:
        if not t.ent_type_ or t.ent_iob_ == "O":
            continue
        ent = ent_containing(t)
        if ent is None or ent.start in seen_spans:
            continue
        seen_spans.add(ent.start)
        etext = ent.text.strip()
        if ent.label_ in {"DATE", "TIME"} or ent.label_ == "CARDINAL" and _clock_cardinal(ent):
            if _AGE_RE.match(etext) or (ent.start > 0 and ent.doc[ent.start - 1].lower_ == "aged") \
                    or _age_after_name(ent):
                continue  # "the 23-year-old", "aged 41", "Ivo Brandt, 54,": an age, not when it happened
            times[etext] = None
            if _still_to_come(ent.root):
                ahead.append(etext)
            continue
        if ent.label_ in _SKIP_LABELS:
            continue
        ents[(etext, ent.label_)] = None
        root = ent.root
        dep = root.head.dep_ if root.dep_ == "conj" else root.dep_
        acting = dep in {"nsubj", "nsubjpass", "poss", "agent"} or (
            root.dep_ == "compound" and root.head.lower_ in _ROLE_HEADS)
        locative = root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS
        # "landed at Carrowby regional airport": a name on a facility after a
        # place preposition names a place, whatever label the tagger gave it
        facility = (root.dep_ in {"compound", "amod", "nmod"} and root.head.lower_ in _FACILITY_HEADS
                    and root.head.dep_ == "pobj" and root.head.head.lower_ in _PLACE_PREPS)
        # "the village of Hollin Cross": a name a place noun is "of" is a place
        of_place = root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in _SETTLEMENTS
        if ent.label_ == "ORG" and (entity_key(etext, "GPE") in _COUNTRIES or of_place
                                    or locative and not acting and ent[-1].lower_ not in _ORG_HEADS):
            label = "GPE"  # the small model often tags "the UAE" as an organisation
        elif ent.label_ in {"PERSON", "ORG"} and not acting and len(ent) >= 2 \
                and ent[-1].lower_ in _STRUCTURE_HEADS:
            label = "FAC"  # "Kessel Bridge", "Dunmoor Road": a structure, not a person called Bridge
        elif ent.label_ == "PERSON" and not acting and len(ent) >= 2 and ent[0].lower_ in _PLACE_TITLES:
            label = "LOC"  # "off Cape Venn", "near Port Edda": a place, not a person called Venn
        else:
            label = ent.label_
        if (label in _PLACE_LABELS or facility and label in {"ORG", "NORP", "PERSON"}) and not acting \
                and not _named_person(root):
            places[_strip_det(etext)] = None
        elif label in _ACTOR_LABELS:
            participants[entity_key(etext, ent.label_)] = None
    for key in resolved:
        participants[key] = None
    for t in tokens:
        # "in the UAE", "near Askeli": a proper noun after a place preposition
        # that the entity recogniser missed is still a place.
        if t.pos_ == "PROPN" and not t.ent_type_ and t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS:
            name = " ".join(x.text for x in t.subtree if x.pos_ == "PROPN")
            if name and name not in participants:
                places[name] = None
    modality = "asserted"
    if likelihood is not None:
        modality = "hedged" if 0.3 < likelihood < 0.7 else ("likely" if likelihood >= 0.7 else "unlikely")
    if _OPINION.search(text):
        modality = "opinion"
    if text.rstrip().endswith("?"):
        modality = "question"
    return Frame(
        negated=negated,
        modality=modality,
        likelihood=likelihood,
        cues=tuple(neg) + lcues,
        time=tuple(times),
        dates=dates_of(times, published, ahead),
        places=tuple(places),
        entities=tuple(Entity(text=t, label=lab) for t, lab in ents),
        quantities=quantities(tokens),
        participants=tuple(sorted(participants)),
        lemmas=tuple(t.lemma_.lower() for t in list(context) + list(tokens) if t.is_alpha and not t.is_stop),
        subject=_subject_noun(tokens, context),
        nouns=tuple(sorted({t.lemma_.lower() for t in tokens if t.pos_ == "NOUN" and t.is_alpha})),
        adjectives=tuple(sorted({t.lemma_.lower() for t in tokens if t.pos_ == "ADJ" and t.is_alpha})),
        **_doer(tokens),
    )


_DOER_LABELS = frozenset({"PERSON", "ORG", "NORP"})


def _doer(tokens: Sequence[Token]) -> dict[str, Any]:
    """``agent``, ``action`` and ``patient`` of a claim with one main verb
    whose doer is named: the subject of an active verb or the "by" phrase
    of a passive one, named by an entity (person, organisation, group) or
    a proper noun in that phrase ("a group calling itself Graywater",
    "Kestral Rail's own engineering division"); the verb's lemma (with its
    particle: "carry out"); and the nouns of what it is done to (the object
    or the passive subject): its head and compounds, and what "for" or "of"
    on it names ("responsibility for the bombing"), not where or when.  The
    action alone when the doer or what is done is not named; nothing when
    the claim has no single main verb."""
    ids = {t.i for t in tokens}
    verbs = [t for t in tokens if t.pos_ == "VERB" and (t.head.i not in ids or t.head.i == t.i)]
    if len(verbs) != 1:
        return {}
    verb = verbs[0]
    particle = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    action = " ".join([verb.lemma_.lower(), *particle])
    doer: Token | None = None
    done: Token | None = None
    for c in verb.children:
        if c.i not in ids:
            continue
        if c.dep_ == "agent":
            doer = next((x for x in c.children if x.dep_ == "pobj"), doer)
        elif c.dep_ == "nsubj" and doer is None:
            doer = c
        elif c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and done is None):
            done = c
    if doer is None or done is None or doer.pos_ == "PRON":
        return {"action": action}
    inside = [x for x in doer.subtree if x.i in ids]
    name = ""
    for x in inside:
        ent = ent_containing(x)
        if ent is not None and ent.label_ in _DOER_LABELS:
            name = ent.text.strip()
            break
    if not name:
        proper = [x for x in inside if x.pos_ == "PROPN"]
        if not proper:
            return {"action": action}
        run = [proper[0]]
        for x in proper[1:]:
            if x.i != run[-1].i + 1:
                break
            run.append(x)
        name = " ".join(x.text for x in run)
    name = re.sub(r"(?:'s|\u2019s)$", "", name).strip()
    # the object's head with its compounds, and what "for" or "of" on it names
    # ("responsibility for the bombing"), not where or when ("on a dark-web site")
    parts = [done] + [c for c in done.children if c.dep_ in {"compound", "amod"}]
    for prep in done.children:
        if prep.dep_ == "prep" and prep.lower_ in {"for", "of"}:
            parts += [c for c in prep.children if c.dep_ == "pobj"]
    patient = tuple(sorted({x.lemma_.lower() for x in parts
                            if x.i in ids and x.is_alpha and not x.is_stop and x.pos_ in {"NOUN", "PROPN"}}))
    if not patient:
        return {"action": action}
    return {"agent": name, "action": action, "patient": patient}


def _subject_noun(tokens: Sequence[Token], context: Sequence[Token]) -> str:
    """The dictionary form of the common noun that heads the claim's
    subject: "About 3,000 residents were evacuated" -> "resident"; the
    subject a split-off clause inherits (``context``) when it has none of its
    own; "" for a name, a pronoun, or no subject."""
    ids = {t.i for t in tokens}
    tops = [t for t in tokens if t.head.i == t.i or t.head.i not in ids]
    verb = next((t for t in tops if t.pos_ in {"VERB", "AUX"}), None)
    subj = None
    if verb is not None:
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i in ids), None)
    if subj is None and context:
        cids = {t.i for t in context}
        subj = next((t for t in context if t.head.i == t.i or t.head.i not in cids), None)
    if subj is None or subj.pos_ != "NOUN" or subj.ent_type_:
        return ""
    return subj.lemma_.lower()


def _of_noun(number: Token) -> Token | None:
    """The common noun of an "of" phrase hanging off ``number`` ("two of
    the group's models" -> "models"), if any."""
    for prep in number.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                    return obj
    return None


# Nouns of kinship: a name that has one ("Mars' father") or is listed as one is a person.
_KIN = frozenset({"father", "mother", "parent", "son", "daughter", "child", "kid", "brother", "sister", "wife",
                  "husband", "grandson", "granddaughter", "grandfather", "grandmother", "uncle", "aunt",
                  "nephew", "niece", "cousin", "sibling"})


def _named_person(root: Token) -> bool:
    """Whether a name the tagger called a place is a person's: listed with
    people ("his kids Michael Jr, Paris and Prince") or the owner of a
    kinship noun ("Mars' biological father")."""
    if root.head.lemma_.lower() in _KIN and root.dep_ in {"nmod", "poss"}:
        return True
    cur = root
    for _ in range(8):
        if cur.dep_ not in {"conj", "appos"} or cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.ent_type_ == "PERSON" or cur.lemma_.lower() in _KIN:
            return True
    return False


# Verbs that link a subject to the state an adjective names ("fell ill").
_LINKING_VERBS = frozenset({"become", "fall", "get", "go", "turn", "grow", "remain", "stay", "be", "feel"})
_STATE_ADVERBS = frozenset({"ill", "sick", "unwell"})


# Verbs that put the act of their subject in the verb after them ("needed to be
# admitted", "seem to have died"); not those of a plan or a forecast ("are
# expected to attend", "plans to cut"), which say what has not happened.
_CATENATIVE_VERBS = frozenset({"need", "continue", "seem", "appear", "manage", "tend"})


def _governing_verb(t: Token) -> str:
    """Lemma of the verb a number's phrase depends on ("killed", "injured")."""
    cur = t
    for _ in range(4):
        if cur.pos_ == "VERB" or (cur.pos_ == "ADJ" and cur.tag_ == "VBN"):
            # (the tagger reads the "ill" of "fell ill" as an adverb)
            state = [c for c in cur.children if c.dep_ == "acomp" and c.pos_ == "ADJ"
                     or c.dep_ == "advmod" and c.lower_ in _STATE_ADVERBS]
            if state and cur.lemma_.lower() in _LINKING_VERBS:
                return state[0].lemma_.lower()  # "fell ill", "became ill": what they became
            then = [c for c in cur.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
            if then and cur.lemma_.lower() in _CATENATIVE_VERBS and t.dep_ in {"nsubj", "nsubjpass"}:
                # "None ... has needed to be admitted": what the counted subject
                # does is the verb after "to"
                return then[0].lemma_.lower()
            return cur.lemma_.lower()
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return cur.lemma_.lower() if cur.pos_ in {"VERB", "AUX"} else ""


def _strip_det(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", text)


def ent_containing(token: Token) -> Span | None:
    """The named entity a token belongs to, if any."""
    if not token.ent_type_ or token.ent_iob_ == "O":
        return None
    # walk the IOB tags instead of scanning doc.ents: this runs for every token
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    from spacy.tokens import Span as _Span

    return _Span(doc, start, end, label=token.ent_type_)
