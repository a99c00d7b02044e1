"""Deciding whether two claims contradict each other, and saying why.

The default :class:`RuleJudge` first decides whether the two claims are
about the same event (embedding similarity and the people, countries
and organisations they involve), then looks for a conflict in one slot
of their frames: numbers, places, dates, polarity, antonyms, or the
likelihood and timing of what they describe.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple, Protocol, runtime_checkable

import attrs
from rapidfuzz import fuzz

from ._frames import _LENGTHS, _RACE_TIME, DURATION_UNITS, dates_of, entity_key
from ._lexicon import antonym_kind, antonym_parts, load_oppositions
from ._samefact import _NAME_QUALIFIERS, SameFactModel, default_model, same_fact_probability, unmatched_participants
from ._taxonomy import (
    adjective_only,
    base_forms,
    known_word,
    located_in,
    noun_first,
    noun_thing,
    place_noun,
    relation,
    sense_depth,
)
from ._types import Claim, Frame, Judgement, Quantity

__all__ = ["Judge", "RuleJudge", "Signal"]


@runtime_checkable
class Judge(Protocol):
    """Judges a pair of claims; must be symmetric and deterministic.

    ``similarity`` is the cosine similarity of the two claims'
    embeddings.  A judge may also offer ``judge_many(pairs)`` taking
    ``(a, b, similarity)`` triples; the pipeline uses it when present.
    """

    def judge(self, a: Claim, b: Claim, similarity: float) -> Judgement:
        ...


@attrs.frozen
class Signal:
    """One piece of evidence that two claims conflict."""

    kind: str
    strength: float
    reason: str
    evidence: tuple[str, str]
    values: tuple[float, float] | None = None
    aligned: bool = False
    swap: bool = False


_SAME_UNIT = (
    {"people", "person", "dead", "death", "killed", "kill", "victim", "casualty", "fatality",
     "life", "toll", "body", "resident", "civilian", "death toll", "crowd"},
    {"%", "percent", "per cent", "percentage"},
)
# Currencies named in words ("76 million crowns"): sums of money, as the symbols are.
_CURRENCY_WORDS = frozenset({"crown", "krona", "krone", "franc", "yen", "yuan", "renminbi", "rupee", "rouble", "ruble",
                             "peso", "lira", "rand", "zloty", "shekel", "dirham", "riyal", "forint", "koruna", "leu",
                             "lev", "dinar", "naira", "shilling", "baht", "ringgit", "rupiah", "kwacha", "cedi",
                             "florin", "guilder", "kuna", "escudo", "drachma", "peseta", "tenge", "hryvnia", "lari",
                             "manat", "taka", "kronor", "kroner", "ducat", "thaler"})
# Units that measure many different things (money, shares of a whole, points).
_MEASURES = {"$", "€", "£", "%", "percent", "percentage", "cent", "point", "dollar", "euro", "pound", "share",
             "", "year", "per", "us"}
# What a sum of money or a share measures: two different ones are two different figures.
_MEASURED = {"revenue", "sale", "profit", "income", "earnings", "loss", "cost", "debt", "budget", "fee",
             "price", "value", "salary", "wage", "fine", "bonus", "tax", "dividend", "deficit", "surplus",
             "turnover", "spending", "investment", "aid", "loan", "rate", "growth", "inflation", "unemployment",
             "turnout", "margin", "stake", "share"}
# Verbs that report a running total rather than what was counted.
_TALLY_VERBS = {"be", "stand", "reach", "rise", "climb", "hit", "total", "number", "jump", "grow",
                "increase", "exceed", "top", "put", "estimate", "confirm"}
# Verbs that count the same thing: "two died" and "nine were killed" are two death tolls.
_VERB_GROUP = {v: "die" for v in ("die", "kill", "perish", "drown", "dead")} | \
    {v: "injure" for v in ("injure", "wound", "hurt")} | \
    {v: "ill" for v in ("ill", "sick", "sicken", "unwell")}
# Nouns that name a harm: a count of them counts that harm, whatever its verb.
_HARM_NOUNS = {n: "die" for n in ("death", "fatality", "dead")} | \
    {n: "injure" for n in ("injury", "injured")} | {"illness": "ill"}
# Verbs that put forward a figure rather than report one: what is demanded,
# offered or forecast is not what happened.
_PROPOSAL_VERBS = frozenset({"demand", "seek", "want", "ask", "propose", "offer", "request", "target", "aim",
                             "forecast", "predict", "project", "bid", "urge", "call"})
_DURATION_UNITS = frozenset(unit for unit, _n, _d in DURATION_UNITS.values())
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")


@functools.lru_cache(maxsize=16384)
def _units_match(u: str, v: str) -> bool:
    """Whether two counted units are one: the same word, one group
    ("dead", "killed"), or nouns that share a WordNet sense ("homes",
    "houses"; "players", "musicians"); a kind of the other is not enough
    ("passengers" are not all the "people" on board).

    >>> _units_match("home", "house"), _units_match("passenger", "people"), _units_match("%", "percent")
    (True, False, True)
    >>> _units_match("player", "musician")
    True
    """
    if u == v:
        return True
    if any(u in group and v in group for group in _SAME_UNIT):
        return True
    return bool(u) and bool(v) and u.isalpha() and v.isalpha() and u not in _MEASURES and v not in _MEASURES \
        and noun_first(u) and noun_first(v) and relation(u, v) == "synonym"


# Units of one measure and their size in its base unit (metres, kilograms,
# square or cubic metres): one outlet gives a distance in miles, another in
# kilometres.  ("ton" is left out: a short, long or metric ton; so is
# "gallon": a US or an imperial one.)
# (_LENGTHS, in metres, lives in _frames, which reads speeds with it.)
_MASSES = {"gram": 0.001, "kilogram": 1.0, "kg": 1.0, "tonne": 1000.0}
_AREAS = {"hectare": 1e4, "acre": 4046.8564}
_VOLUMES = {"litre": 0.001, "liter": 0.001}
_SIZING = ("square", "cubic", "nautical")
_BASE_UNITS = {"length": "metres", "mass": "kilograms", "area": "square metres", "volume": "cubic metres"}


def _in_base_unit(q: Quantity) -> tuple[str, float] | None:
    """``(measure, value)`` for a figure in a unit of length, mass, area or
    volume, in metres, kilograms, square or cubic metres ("square miles",
    "cubic metres" and "nautical miles" read from the words around the
    figure); None for any other unit.

    >>> _in_base_unit(Quantity(4, "mile", "about", "four", context=("nautical", "mile")))
    ('length', 7408.0)
    >>> _in_base_unit(Quantity(2, "km", "exact", "2", context=("km", "square")))
    ('area', 2000000.0)
    >>> _in_base_unit(Quantity(3, "fan", "exact", "3")) is None
    True
    """
    if q.unit in _LENGTHS:
        size = 1852.0 if q.unit == "mile" and "nautical" in q.context else _LENGTHS[q.unit]
        if "square" in q.context:
            return "area", q.value * size * size
        if "cubic" in q.context:
            return "volume", q.value * size ** 3
        return "length", q.value * size
    if q.unit in _MASSES:
        return "mass", q.value * _MASSES[q.unit]
    if q.unit in _AREAS:
        return "area", q.value * _AREAS[q.unit]
    if q.unit in _VOLUMES:
        return "volume", q.value * _VOLUMES[q.unit]
    return None


def _plain(value: float) -> str:
    """A converted figure, rounded for reading: "7,408", "12.5", "0.127"."""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def _unit_words(q: Quantity) -> str:
    """A figure's unit with the words that size it: "nautical mile", "square km"."""
    return " ".join([*(w for w in _SIZING if w in q.context), q.unit])


def _one_measure(qa: Sequence[Quantity], qb: Sequence[Quantity]) -> tuple[tuple[Quantity, ...], tuple[Quantity, ...]]:
    """The two claims' figures, with lengths, masses, areas and volumes in one unit
    when the claims give one measure in different units ("800 metres" /
    "four nautical miles"); unchanged otherwise.  A converted figure keeps
    its text and bound, so its rounding scales with it.

    >>> m = Quantity(800, "metre", "about", "800")
    >>> mi = Quantity(4, "mile", "about", "four", context=("nautical",))
    >>> [(q.unit, q.value) for q in _one_measure([m], [mi])[1]]
    [('length', 7408.0)]
    """
    def measures(qs: Sequence[Quantity]) -> set[tuple[str, str]]:
        return {(m[0], _unit_words(q)) for q in qs if (m := _in_base_unit(q)) is not None}

    mixed = any(x[0] == y[0] and x != y for x in measures(qa) for y in measures(qb))
    if not mixed:
        return _one_clock(qa, qb)

    def convert(q: Quantity) -> Quantity:
        got = _in_base_unit(q)
        if got is None:
            return q
        # "nautical", "square" and "cubic" size the unit; they do not say what is measured
        return attrs.evolve(q, unit=got[0], value=got[1], qualifiers=tuple(w for w in q.qualifiers if w not in _SIZING))

    return tuple(map(convert, qa)), tuple(map(convert, qb))


# The shortest and longest month against the average one: a calendar length
# given in days is only as exact as that ("four months" is 112 to 124 days).
_MONTH_DAYS = 365.25 / 12
_SHORT_MONTH, _LONG_MONTH = 28 / _MONTH_DAYS, 31 / _MONTH_DAYS


def _one_clock(qa: Sequence[Quantity], qb: Sequence[Quantity]) -> tuple[tuple[Quantity, ...], tuple[Quantity, ...]]:
    """The two claims' figures, with calendar lengths of time (years,
    months) in days when the other claim gives a length of time in days,
    weeks or hours ("about six weeks" / "at least four months"); unchanged
    otherwise.  A month has no fixed number of days, so a converted length
    is "about" that many days, and a bound takes the month that widens it
    (at least four months is at least 112 days).

    >>> six_weeks = Quantity(42, "day", "about", "six weeks", verb="take")
    >>> months = Quantity(1 / 3, "year", "at_least", "four months", verb="take")
    >>> [(q.unit, round(q.value), q.bound) for q in _one_clock([six_weeks], [months])[1]]
    [('day', 112, 'at_least')]
    >>> month = Quantity(1 / 12, "year", "exact", "a month")
    >>> [(q.unit, round(q.value, 1), q.bound) for q in _one_clock([month], [six_weeks])[0]]
    [('day', 30.4, 'about')]
    """
    def kinds(qs: Sequence[Quantity]) -> set[str]:
        return {q.unit for q in qs if _is_duration(q) and not _TERM_RE.match(q.text)}

    # only where each claim gives its lengths one way ("two years" and "nine
    # hours" on both sides compare as they are); never a term ("the 10-year bond")
    if {frozenset(kinds(qa)), frozenset(kinds(qb))} != {frozenset({"day"}), frozenset({"year"})}:
        return tuple(qa), tuple(qb)

    def convert(q: Quantity) -> Quantity:
        if q.unit != "year" or _TERM_RE.match(q.text):
            return q
        days = q.value * 365.25
        if q.bound == "at_least":
            return attrs.evolve(q, unit="day", value=days * _SHORT_MONTH)
        if q.bound == "at_most":
            return attrs.evolve(q, unit="day", value=days * _LONG_MONTH)
        return attrs.evolve(q, unit="day", value=days, bound="about")

    return tuple(map(convert, qa)), tuple(map(convert, qb))


def _is_none(q: Quantity) -> bool:
    """Whether ``q`` is a count of none read from a denial ("No passengers", "No one", "None")."""
    return q.value == 0 and q.text[:2].lower() == "no"


def _zero_covers(z: Quantity, q: Quantity) -> bool:
    """Whether ``z`` is a count of none ("no one was hurt", "no passengers")
    of a kind that ``q``'s things are: none of the people were hurt, so no
    worker was either.

    >>> zero = Quantity(value=0, unit="people", bound="exact", text="No one")
    >>> _zero_covers(zero, Quantity(value=3, unit="worker", bound="exact", text="three"))
    True
    >>> _zero_covers(zero, Quantity(value=3, unit="home", bound="exact", text="three"))
    False
    """
    if not _is_none(z) or z.bound != "exact" or not z.unit.isalpha() or not q.unit.isalpha():
        return False
    return relation(z.unit, q.unit) == "hyponym"


def _interval(q: Quantity) -> tuple[float, float]:
    v = q.value
    if q.bound == "at_least":
        return v, math.inf
    if q.bound == "at_most":
        return 0.0, v
    if q.bound == "about":
        half = _about(q)
        return v - half, v + half
    half = _rounding(q)
    return v - half, v + half


def _about(q: Quantity) -> float:
    """How far the true value can be from "about <q>": a tenth of it, or
    half the place of its last significant digit when that is more (a
    quarter of it at most): "about 950" is 855-1,045 and does not cover
    1,150; "about 3,000" is 2,500-3,500.

    >>> [round(_about(Quantity(v, "", "about", t))) for v, t in [(950.0, "950"), (3000.0, "3,000"), (20.0, "20")]]
    [95, 500, 5]
    """
    v = abs(q.value)
    m = _DIGITS.search(q.text)
    place = 0.0
    if m is not None:
        digits = m.group().replace(",", "")
        try:
            mantissa = float(digits)
        except ValueError:  # pragma: no cover - the pattern only matches numbers
            mantissa = 0.0
        if mantissa:
            scale = v / mantissa
            if "." in digits:
                place = 10.0 ** -len(digits.split(".")[1]) * scale
            else:
                place = 10.0 ** (len(digits) - len(digits.rstrip("0"))) * scale
    return min(0.25 * v, max(0.1 * v, 0.5 * place))


_HALF = 0.4999
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _rounding(q: Quantity) -> float:
    """How far the true value can be from a number as written.

    A number is taken to be rounded at its last digit ("4 percent" covers
    4.4 percent, "$50.18" only itself), and a round figure ("300 people",
    "40 million") to within 5%.  Never less than 0.5% of the value.  Half
    a unit is taken just under half, so that the closed intervals of
    neighbours such as 2 and 3 do not touch.

    >>> from claimcheck._types import Quantity
    >>> [round(_rounding(Quantity(v, "", "exact", t)), 3) for v, t in
    ...  [(4.0, "4"), (4.4, "4.4"), (300.0, "300"), (40e6, "40 million"), (23.0, "23"), (20.0, "20")]]
    [0.5, 0.05, 15.0, 2000000.0, 0.5, 0.5]
    """
    v = abs(q.value)
    floor = 0.005 * v
    clock = _RACE_TIME.match(q.text)
    if clock is not None and q.unit == "day":
        # "2:06:41" is read to its last digit of seconds, a day being 86,400 of them
        last = clock.group(3)
        return _HALF * 10.0 ** -(len(last.split(".")[1]) if "." in last else 0) / 86400
    m = _DIGITS.search(q.text)
    if m is None:
        return max(floor, _HALF if v >= 1 else 0.0)  # a number in words is a whole number
    digits = m.group().replace(",", "")
    try:
        mantissa = float(digits)
    except ValueError:  # pragma: no cover - the pattern only matches numbers
        return floor
    if mantissa == 0:
        return floor
    scale = v / mantissa
    if "." in digits:
        return max(floor, _HALF * 10.0 ** -len(digits.split(".")[1]) * scale)
    trailing = len(digits) - len(digits.rstrip("0"))
    if trailing >= 2 or scale >= 1000:
        return max(floor, 0.05 * v)  # a round figure
    return max(floor, _HALF * scale)


def _meet(s: tuple[float, float], t: tuple[float, float]) -> bool:
    """Whether two closed intervals share a point."""
    return not (s[1] < t[0] or t[1] < s[0])


def _overlap(x: Quantity, y: Quantity) -> bool:
    return _meet(_interval(x), _interval(y))


def _same_number(x: Quantity, y: Quantity) -> bool:
    """Whether two numbers can be the same figure as written, whatever their bounds say
    ("more than 12,000" and "about 300,000" are compatible counts, not the same figure).

    >>> from claimcheck._types import Quantity
    >>> _same_number(Quantity(300, "", "exact", "300"), Quantity(296, "", "exact", "296"))
    True
    >>> _same_number(Quantity(12000, "", "at_least", "12,000"), Quantity(3e5, "", "about", "300,000"))
    False
    """
    def span(q: Quantity) -> tuple[float, float]:
        half = _about(q) if q.bound == "about" else _rounding(q)
        return q.value - half, q.value + half

    return _meet(span(x), span(y))


def _reported_in(x: Quantity, y: Quantity) -> bool:
    """Whether ``y`` is the same figure as ``x``: units that match, the same
    governing verb (or one unknown) and a value that can be the same."""
    return (_units_match(x.unit, y.unit) and (not x.verb or not y.verb or x.verb == y.verb)
            and x.bound == y.bound and _same_number(x, y))


# Verbs whose counts run up as a story moves on: more are found, rescued,
# arrested, burnt as the days go by.
_ACCUMULATING_VERBS = frozenset({"die", "kill", "perish", "drown", "injure", "wound", "hurt", "rescue", "evacuate",
                                 "arrest", "detain", "charge", "infect", "hospitalise", "hospitalize", "treat",
                                 "displace", "flee", "find", "recover", "destroy", "damage", "burn", "scorch",
                                 "consume", "affect", "confirm", "report", "record", "register", "sign",
                                 "vaccinate", "test", "raise", "collect", "donate", "deploy", "send", "miss"})
# Units that are running totals in themselves.
_ACCUMULATING_UNITS = frozenset({"case", "infection", "arrest", "hectare", "acre", "signature", "casualty",
                                 "fatality", "death", "victim", "toll", "body", "aftershock"})


def _accumulates(q: Quantity) -> bool:
    """Whether a count is a running total that a later report can raise: a
    count of people (the dead, the rescued, the evacuated), a tally, or
    things counted with a verb of finding, burning or reporting; not the
    size of a fixed event ("three carriages left the tracks", "some 310,000
    homes lost power"), which a later report can only contradict.

    >>> _accumulates(Quantity(20, "people", "exact", "20", verb="rescue"))
    True
    >>> _accumulates(Quantity(3, "carriage", "exact", "three", verb="leave"))
    False
    """
    if q.verb in _TALLY_VERBS or q.verb in _ACCUMULATING_VERBS or q.unit in _ACCUMULATING_UNITS \
            or q.unit in _SAME_UNIT[0]:
        return True
    if not q.unit or not q.unit.isalpha():
        return not q.verb  # nothing says what kind of figure it is: as before, it may run up
    return not noun_thing(q.unit) and known_word(q.unit)  # people of some kind: "patients", "workers"


def _is_duration(q: Quantity) -> bool:
    """Whether a quantity is a length of time (the frames count those in years or days)."""
    return q.unit in _DURATION_UNITS


_MONEY_OR_SHARE = frozenset({"%", "percent", "per cent", "$", "€", "£", "dollar", "euro", "pound"})


def _specific(q: Quantity) -> bool:
    """A figure specific enough to identify a fact: not a small count or a bare year."""
    v = q.value
    if q.unit in _MONEY_OR_SHARE and v not in (0, 100) and (abs(v) >= 5 or not float(v).is_integer()):
        return True  # "9 percent", "$5", "2.5 percent": a share or a sum pins a fact below 12 too
    if float(v).is_integer() and abs(v) <= 12:
        return False
    return not (float(v).is_integer() and 1900 <= v <= 2100 and not q.unit)


def _shared_figure(a: Claim, b: Claim) -> str | None:
    """The text of a specific figure both claims report, when every figure of each
    has the same figure in the other; None otherwise.

    >>> from claimcheck import Claim
    >>> from claimcheck._types import Frame, Quantity
    >>> x = Quantity(44.8, "%", "exact", "44.8 percent")
    >>> a = Claim(id="a", article="x", source="X", speaker=None, text="Ferrand had 44.8 percent",
    ...           start=0, end=24, frame=Frame(quantities=(x,)))
    >>> _shared_figure(a, attrs.evolve(a, id="b")), _shared_figure(a, attrs.evolve(a, frame=Frame()))
    ('44.8 percent', None)
    """
    qa, qb = a.frame.quantities, b.frame.quantities
    if not qa or not qb:
        return None
    def partner(x: Quantity, others: Sequence[Quantity]) -> Quantity | None:
        for y in others:
            # a unit that is only the figure again ("about 90,000 of its members") is no unit
            ux = "" if _DIGITS.fullmatch(x.unit) else x.unit
            uy = "" if _DIGITS.fullmatch(y.unit) else y.unit
            if round(x.value, 6) == round(y.value, 6) and (not ux or not uy or _units_match(ux, uy)):
                return y
        return None
    if any(partner(x, qb) is None for x in qa) or any(partner(y, qa) is None for y in qb):
        return None
    return next((x.text for x in qa if _specific(x)), None)


def figure_key(q: Quantity) -> tuple[str, float, str] | None:
    """``(unit, value, bound)`` of a figure distinctive enough that two
    outlets giving it name one fact however they word it: 100 or more of a
    counted thing ("6,800 hectares", "212,000 vehicles"); None for anything
    else, and for sums and shares, which unrelated stories share too
    ("rose 2.5 percent", "$3 billion").

    >>> figure_key(Quantity(6800, "hectare", "about", "6,800"))
    ('hectare', 6800.0, 'about')
    >>> figure_key(Quantity(11, "restaurant", "exact", "11")), figure_key(Quantity(2.5, "%", "exact", "2.5"))
    (None, None)
    """
    unit = q.unit
    if not unit.isalpha() or unit in _MONEY_OR_SHARE or unit in _MEASURES or _is_duration(q):
        return None
    v = float(q.value)
    if abs(v) < 100 or v.is_integer() and 1900 <= v <= 2100:
        return None  # a small count, or most likely a year
    return unit, round(v, 6), q.bound


def figure_twin(a: Claim, b: Claim) -> str | None:
    """The text of the distinctive figure (:func:`figure_key`) two claims
    both give, when every figure of each is given by the other with the same
    unit and bound and no participant of one is unknown to the other; None
    otherwise.
    """
    qa, qb = a.frame.quantities, b.frame.quantities
    if not qa or not qb or len(qa) != len(qb):
        return None
    ka = [figure_key(x) for x in qa]
    kb = [figure_key(y) for y in qb]
    if any(k is None for k in ka + kb):
        return None

    def matched(x: tuple[str, float, str] | None, y: tuple[str, float, str] | None) -> bool:
        return x is not None and y is not None and x[1:] == y[1:] and _units_match(x[0], y[0])

    if not all(any(matched(x, y) for y in kb) for x in ka) or not all(any(matched(y, x) for x in ka) for y in kb):
        return None
    only_a, only_b = unmatched_participants(a.frame.participants, b.frame.participants)
    if only_a and only_b:
        return None  # "Apple paid $3 billion" / "Google paid $3 billion"
    return qa[0].text


_RATE_RE = re.compile(r"\s*(?:[a-z€$£%-]+\s+){0,2}(?:per|a|an|each)\s+(?:share|head|person|capita|"
                      r"hour|day|week|month|year|barrel|tonne|ton|unit|kilo|kilogram|litre|liter|gallon)\b"
                      r"|\s*(?:[a-z€$£%-]+\s+){0,2}(?:apiece|each|annually|yearly|monthly|weekly|daily)\b"
                      r"|\s*(?:km|kilomet(?:re|er)s?|miles?|m|metres?|meters?)\s*(?:/|per\s+)h(?:our|r)?\b"
                      r"|\s*(?:mph|kph|km/h|knots)\b", re.IGNORECASE)


def _is_rate(q: Quantity, text: str) -> bool:
    """Whether ``q`` is written as a rate ("38 euros per share", "$70 a
    barrel", "three a day"): a rate and a total are different figures.

    >>> q = Quantity(value=38, unit="€", bound="exact", text="38")
    >>> _is_rate(q, "The deal values it at 38 euros per share"), _is_rate(q, "a deal worth 38 euros")
    (True, False)
    >>> _is_rate(Quantity(value=70, unit="km", bound="exact", text="70"), "gusts of 70 km/h")
    True
    """
    at = text.find(q.text) if q.text else -1
    return at >= 0 and _RATE_RE.match(text, at + len(q.text)) is not None


_DISTANCE_UNITS = frozenset({"length", "mile", "km", "kilometre", "kilometer", "metre", "meter", "m", "foot", "feet",
                             "yard"})
_DIFFERENCE_RE = re.compile(r"(?:\s*[\w.%/-]+)?(?:\s*\([^()]{1,25}\))?\s*\)?\s+(?:(?!rather\b|other\b)"
                            r"(?:\w+er|more|less|fewer)\s+than\b|(?:above|below)\s+(?:the\s+|its\s+|their\s+)?"
                            r"(?:[\w-]+\s+){0,2}?(?:norm|normal|average|mean|forecast|estimates?|expectations?|"
                            r"limit)\b)", re.IGNORECASE)
# How far something is from a place ("800 metres from the harbour", "four
# nautical miles out from", "90 miles north of"), not a size or a height.
_AWAY_RE = re.compile(r"(?:[\s-]*[\w.]+){0,2}?(?:\s*\([^()]{1,25}\))?\s+(?:out\s+|away\s+|offshore\s+|inland\s+)?"
                      r"(?:from|off|away|short\s+of|outside|(?:north|south|east|west)\S*\s+of)\b", re.IGNORECASE)
# A size a kind of thing can grow to ("these crabs can grow up to 3.7 meters"), not one thing's size.
_GROWS_TO_RE = re.compile(r"\bgr[eo]wn?(?:s|ing)?\s+(?:up\s+)?to\s+(?:about\s+|around\s+|nearly\s+)?$", re.IGNORECASE)
# A figure said of one part of a whole ("the repairs alone cost ...").
_ALONE_RE = re.compile(r"\b\w+\s+alone\b(?![^,;]*\b(?:and|but)\b)", re.IGNORECASE)
# A figure for each of a group ("each of the twelve will take home four
# million", "four million crowns apiece"), not the group's total.
_EACH_BEFORE_RE = re.compile(r"\beach\s+(?:of\b|winner|member|player|worker|person|family|household|victim|"
                             r"employee|customer|resident)", re.IGNORECASE)
_EACH_AFTER_RE = re.compile(r"(?:\s+[\w.-]+){0,2}?\s+(?:each|apiece|a\s+head|per\s+head|per\s+person)\b",
                            re.IGNORECASE)
# A share written as "one in eight": neither number is a count.
_RATIO_BEFORE_RE = re.compile(r"\b(?:one|two|three|four|five|\d+)\s+in\s+$", re.IGNORECASE)
_RATIO_AFTER_RE = re.compile(r"\s+in\s+(?:every\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b",
                             re.IGNORECASE)
_PART_OF_RE = re.compile(r"(?:\b(?:none|one|two|three|four|five|some|many|most|all|each|several|\d+|half|"
                         r"(?:thirds?|quarters?|fifths?|tenths?))\s+of\s+(?:the\s+)?"
                         r"(?:[\w-]+(?:'s|\u2019s)\s+)?|"
                         r"\b(?:group|team|party|crowd|delegation|contingent|convoy|band)\s+of\s+"
                         r"(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+)?)$", re.IGNORECASE)
# "the bank's target of 2 percent", "a cap of 500" / "its 2 percent inflation target"
# ("the speed limit on that stretch is 80 km/h": a place may stand between the limit and its verb)
_TARGET_BEFORE_RE = re.compile(r"\b(?:target|goal|objective|ceiling|cap|limit|threshold)s?\s+"
                               r"(?:(?:on|for|in|along|at)\s+(?:[\w'\u2019-]+\s+){1,3}?)?(?:of|at|is|was)\s+"
                               r"(?:about\s+|around\s+|some\s+|roughly\s+|just\s+)?$", re.IGNORECASE)
_TARGET_AFTER_RE = re.compile(r"\s*(?:%|percent\b|per\s+cent\b)?[\s-]*"
                              r"(?:(?!(?:of|in|for|on|to|at|by|from|than)\b)[a-z]+[\s-]+){0,2}?"
                              r"(?:target|goal|objective|ceiling|cap|limit|threshold)s?\b", re.IGNORECASE)
# "a town of about 30,000 people", "a population of 30,000", "home to 30,000": how many live in a place
_SIZE_OF_RE = re.compile(r"\b(?:([a-z]+)\s+of|home\s+to)\s+(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+|"
                         r"roughly\s+|more\s+than\s+|over\s+|fewer\s+than\s+|less\s+than\s+|just\s+)?$",
                         re.IGNORECASE)
# "a small city about 18 miles south of Fallujah and 40 miles west of Baghdad": the 40 places the city too
_SETTLEMENT_AND_RE = re.compile(r"\b(?:town|city|village|area|district|region|base|camp|suburb|province|port|"
                                r"community|settlement|capital)\W+(?:\w+\s+)?[\d.,]+\s+[^,;.]{0,40}\band\s+"
                                r"(?:(?:some|about|around|approximately|roughly|nearly)\s+)?$", re.IGNORECASE)
_SETTLEMENT_RE = re.compile(r"\b(?:town|city|village|area|district|region|base|camp|suburb|province|port|"
                            r"community|settlement|capital|outskirts)\W+(?:(?:some|about|around|approximately|"
                            r"roughly|nearly|just|only|barely)\s+)?$", re.IGNORECASE)


# A share that moved by a figure ("fell 3.1 percent", "were up 19 cents, or
# 4.4%") against one that is a level ("to 6.1 percent", "1 percent of its profit").
_CHANGE_RE = re.compile(r"\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|jump(?:ed|s)?|gain(?:ed|s)?|"
                        r"climb(?:ed|s)?|soar(?:ed|s)?|surg(?:ed|es)|drop(?:ped|s)?|declin(?:ed|es)|slip(?:ped|s)?|"
                        r"eas(?:ed|es)|shed|lost|los(?:es|ing)|plunged?|tumbled?|increas(?:ed|es)|decreas(?:ed|es)|"
                        r"gr[eo]w(?:n|s)?|shrank|slid|sank|dipped|up|down|higher|lower|by)\b[^.;]{0,30}$",
                        re.IGNORECASE)
_FRACTION_RE = re.compile(r"\s*(?:%|percent|per cent)\s+of\b", re.IGNORECASE)
_LEVEL_RE = re.compile(r"\b(?:to|at|of)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$", re.IGNORECASE)


def _role(q: Quantity, text: str) -> str:
    """What kind of figure ``q`` is in ``text``, when it is not a plain one:
    ``"difference"`` ("11.5 meters smaller than"), ``"location"`` (a
    distance that places a town, not the event: "Fallujah, a key town some
    25 miles from Baghdad"), ``"whole"`` (the group a part is taken from:
    "one of 23 hostages", "a group of 200 soldiers"), ``"fraction"`` (a
    share of a whole: "1 percent of its profit"), ``"change"`` (a share
    that moved: "shares fell 3.1 percent", not "fell to 3.1 percent"),
    ``"ratio"`` (either number of "one in eight"), ``"part"`` (said of
    one part alone: "the steel repairs alone are estimated at 12 million"),
    ``"each"`` (a share of each member: "each of the twelve will take home
    four million"), ``"population"`` (how many live in a place: "a town of about 30,000
    people", "home to 30,000"), ``"target"`` (a figure aimed at or allowed,
    not reached: "its 2 percent target", "a cap of 500"), ``"distance"`` (how
    far from a place: "800 metres from the harbour"), ``"kind"`` (the
    size a kind of thing grows to: "these crabs can grow up to 3.7
    meters"), else ``""``.
    Only figures whose roles meet (:func:`_roles_meet`) are compared.

    >>> q = Quantity(value=37, unit="foot", bound="exact", text="37")
    >>> _role(q, "It is 37 feet smaller than the estimate"), _role(q, "It is 37 feet across")
    ('difference', '')
    >>> _role(q, "about 37 feet (11 meters) smaller than"), _role(q, "crabs can grow up to 37 feet across")
    ('difference', 'kind')
    >>> d = Quantity(value=3.1, unit="degree", bound="exact", text="3.1")
    >>> _role(d, "running 3.1 degrees above the long-term norm"), _role(d, "3.1 degrees above zero")
    ('difference', '')
    >>> _role(q, "It sank 37 feet off the pier"), _role(q, "waves of up to 37 feet, when it strayed")
    ('distance', '')
    >>> e = Quantity(value=8, unit="post", bound="exact", text="eight")
    >>> _role(e, "one in eight posts is vacant"), _role(e, "eight posts are vacant")
    ('ratio', '')
    >>> _role(e, "The repairs alone will take eight posts")
    'part'
    >>> m = Quantity(value=4e6, unit="crown", bound="about", text="four million")
    >>> _role(m, "Each of the twelve will take home just over four million crowns")
    'each'
    >>> _role(m, "They won four million crowns apiece"), _role(m, "They won four million crowns")
    ('each', '')
    >>> _role(Quantity(value=23, unit="hostage", bound="exact", text="23"), "Foley was one of 23 hostages")
    'whole'
    >>> _role(Quantity(value=7, unit="member", bound="exact", text="seven"), "two of the board's seven members")
    'whole'
    >>> p = Quantity(value=3.1, unit="%", bound="exact", text="3.1")
    >>> _role(p, "Shares fell 3.1 percent"), _role(p, "It is 3.1 percent of its profit"), _role(p, "fell to 3.1%")
    ('change', 'fraction', '')
    >>> t = Quantity(value=2, unit="%", bound="exact", text="2")
    >>> _role(t, "well above the bank's 2 percent target"), _role(t, "the target of 2 percent inflation")
    ('target', 'target')
    >>> n = Quantity(value=30000, unit="people", bound="about", text="30,000")
    >>> _role(n, "Dunmere, a town of about 30,000 people"), _role(n, "a workforce of about 30,000 people")
    ('population', '')
    """
    at = text.find(q.text) if q.text else -1
    if at < 0:
        return ""
    if _DIFFERENCE_RE.match(text, at + len(q.text)):
        return "difference"
    before = text[max(0, at - 40):at]
    if q.unit in _DISTANCE_UNITS and (_SETTLEMENT_RE.search(before)
                                      or _SETTLEMENT_AND_RE.search(text[max(0, at - 90):at])):
        return "location"
    if q.unit in _DISTANCE_UNITS and _AWAY_RE.match(text, at + len(q.text)):
        return "distance"
    if _PART_OF_RE.search(before):
        return "whole"
    if _GROWS_TO_RE.search(before):
        return "kind"
    if _RATIO_BEFORE_RE.search(before) or _RATIO_AFTER_RE.match(text, at + len(q.text)):
        return "ratio"
    if _ALONE_RE.search(text[max(0, at - 60):at]):
        return "part"  # "the steel repairs alone are estimated at 12 million crowns": one part of a bill
    if _EACH_BEFORE_RE.search(text[max(0, at - 60):at]) or _EACH_AFTER_RE.match(text, at + len(q.text)):
        return "each"  # "each of the twelve will take home four million": one share of a total
    size = _SIZE_OF_RE.search(before)
    if size and (size.group(1) is None or size.group(1).lower() == "population" or place_noun(size.group(1).lower())):
        return "population"
    if _TARGET_BEFORE_RE.search(before) or _TARGET_AFTER_RE.match(text, at + len(q.text)):
        return "target"
    if q.unit in {"%", "percent"} and _FRACTION_RE.match(text, at + len(q.text)):
        return "fraction"
    if q.unit in {"%", "percent"} and _CHANGE_RE.search(before) and not _LEVEL_RE.search(before):
        return "change"
    return ""


def _roles_meet(x: str, y: str) -> bool:
    """Whether figures of roles ``x`` and ``y`` (:func:`_role`) can be compared:
    one role, or a plain share against a fraction of a whole ("40 percent
    of voters" / "35 percent backed him"); never a change against a
    fraction ("shares fell 3.1 percent" / "1 percent of its profit")."""
    return x == y or {x, y} == {"", "fraction"} or {x, y} == {"", "change"}


# Verbs that put a figure after them as the value of their subject ("the
# watch will cost $349", "bands starting at $29", "the toll reached 126").
_SEMI_AUX = frozenset({"expected", "supposed", "set", "due", "going", "likely", "able", "poised", "slated",
                       "scheduled", "thought", "said", "reported", "believed"})


def _figure_at(words: Sequence[str], q: Quantity) -> int | None:
    """The index in ``words`` (a text's lower-cased words) where figure ``q`` starts."""
    first = _WORD_RE.findall(q.text.lower())
    if not first:
        return None
    return next((m for m, w in enumerate(words) if w == first[0]), None)


def _figure_owner(q: Quantity, text: str) -> list[str]:
    """The subject of the verb a figure follows, the thing the figure is
    the value of ("Apple Watch will cost $550" -> ``["apple", "watch"]``);
    empty when the figure has no verb before it, or the subject is a pronoun.

    >>> q = Quantity(value=29, unit="$", bound="exact", text="29", verb="start")
    >>> _figure_owner(q, "accessories for the watch with bands starting at $29")
    ['bands']
    >>> _figure_owner(attrs.evolve(q, text="349"), "its retail prices are supposed to start at $349")
    ['retail', 'prices']
    >>> _figure_owner(attrs.evolve(q, text="349"), "when it arrives, it will start from $349")
    []
    """
    if not q.verb:
        return []
    _, words, _ = _words(text)
    m = _figure_at(words, q)
    if m is None:
        return []
    forms = _verb_forms(q.verb)
    v = next((k for k in range(m - 1, max(-1, m - 6), -1) if words[k] in forms), None)
    if v is None:
        return []
    # "are supposed to start", "is expected to cost": the subject is before the semi-auxiliary
    while v >= 2 and words[v - 1] == "to" and words[v - 2] in _SEMI_AUX:
        v -= 2
    k = v - 1
    while k >= 0 and (words[k] in _AUXILIARIES or words[k] in {"not", "also", "still", "then", "now"}
                      or (words[k].endswith("ly") and len(words[k]) > 4)):
        k -= 1
    if k >= 0 and words[k] in _PRONOUNS:
        return []  # "..., they weighed 136 pounds": who "they" are is in another clause
    return _subject_phrase(words, v)


_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "which",
                       "who", "it's", "they're"})


def _figure_purpose(q: Quantity, text: str) -> list[str]:
    """What a sum is for: the noun phrase after "for" that follows it
    ("$100 million for Foley's release" -> ``["foley's", "release"]``)."""
    _, words, _ = _words(text)
    m = _figure_at(words, q)
    if m is None:
        return []
    n = len(_WORD_RE.findall(q.text.lower()))
    rest = list(words[m + n:m + n + 6])
    if rest[:1] != ["for"]:
        return []
    out: list[str] = []
    for w in rest[1:]:
        if w in _FUNCTION:
            if out:
                break
            continue
        if w in _NEG_SKIP or w in _NOT_SUBJECT or w in _PARTICLES:
            break
        out.append(w)
    return out


def _other_things(x: list[str], text_x: str, y: list[str], text_y: str) -> bool:
    """Whether two noun phrases (head last) plainly name two different things:
    the heads are neither the same stem nor related in WordNet, and neither
    head is a word of the other text ("bands" / "retail prices", "Foley's
    release" / "Foley's body").

    >>> _other_things(["bands"], "bands start at $29", ["prices"], "prices start at $349")
    True
    >>> _other_things(["quake"], "the quake killed 126", ["earthquake"], "the earthquake killed 400")
    False
    >>> _other_things(["apple", "watch", "sport"], "the Apple Watch Sport", ["apple", "watch", "edition"],
    ...               "the Apple Watch Edition")
    True
    """
    if not x or not y:
        return False
    # "Apple Watch Sport" / "Apple Watch Edition": two variants of one product
    named_x = {w for w in x if _as_name(w, text_x)}
    named_y = {w for w in y if _as_name(w, text_y)}
    vx, vy = named_x & _NAME_QUALIFIERS, named_y & _NAME_QUALIFIERS
    if vx != vy and named_x - vx and named_x - vx == named_y - vy:
        return True
    hx, hy = x[-1].removesuffix("'s"), y[-1].removesuffix("'s")
    if _same_stem(hx, hy) or _states(text_y, (), hx) or _states(text_x, (), hy):
        return False
    nx, ny = _as_name(hx, text_x), _as_name(hy, text_y)
    if nx is None or ny is None or nx != ny:
        return False  # "Adobe earned" / "the company earned": a name and a noun that may stand for it
    return relation(base_forms(hx)[-1], base_forms(hy)[-1]) not in _SAME_MEANING


def _as_name(word: str, text: str) -> bool | None:
    """Whether ``word`` is written as a name in ``text``, with a capital
    ("Watch" in "Apple Watch", "iPhone"); None when it opens a sentence and
    so could be either.

    >>> _as_name("watch", "the Apple Watch"), _as_name("bands", "with bands"), _as_name("floods", "Floods hit")
    (True, False, None)
    >>> _as_name("iphone", "iPhone sales rose")
    True
    """
    seen = [(m.group().islower(), m.group()[1:].islower() and (
                m.start() == 0 or bool(re.search(r"[.!?:][\"\u201d']?\s*$", text[:m.start()]))))
            for m in _WORD_RE.finditer(text) if m.group().lower() == word]  # "iPhone" is a name anywhere
    if any(not lower and not first for lower, first in seen):
        return True
    if any(lower for lower, _ in seen):
        return False
    return None


_ANOTHER = re.compile(r"\b(?:other|another|remaining|additional|further|extra)\s+$", re.IGNORECASE)
_MORE = re.compile(r"\s+(?:other|more|additional|further|extra)\b", re.IGNORECASE)


_LENGTH = re.compile(r"^(?:about |some |nearly |almost |more than |over |up to |for )?(?:a|an|one|two|three|four|"
                     r"five|six|seven|eight|nine|ten|eleven|twelve|several|a few|\d+(?:\.\d+)?)[\s-]+(?:year|month|"
                     r"week|day|hour|minute|decade)s?(?:[\s-]old)?$", re.IGNORECASE)


def _other_periods(a: Claim, b: Claim) -> bool:
    """Whether both claims state when, and no time of one is a time of the
    other: "between 2017 and 2021" / "last year", "on Tuesday" / "last
    year" (a figure of each period, not two figures of one); two weekdays
    are left to the update test (a running story).

    >>> from claimcheck import Claim, Frame
    >>> def c(*t): return Claim(id="x", article="x", source="S", speaker=None, text="x", start=0, end=1,
    ...                         frame=Frame(time=t))
    >>> _other_periods(c("between 2017 and 2021"), c("last year")), _other_periods(c("Monday"), c("Monday night"))
    (True, False)
    >>> _other_periods(c("Monday"), c()), _other_periods(c("four-year"), c("24-year-old", "five-year"))
    (False, False)
    """
    # lengths and ages are not periods: "a four-year contract", "the 24-year-old"
    ta = tuple(t for t in a.frame.time if not _LENGTH.search(t))
    tb = tuple(t for t in b.frame.time if not _LENGTH.search(t))
    if not ta or not tb:
        return False
    if {t.lower() for t in ta} & {t.lower() for t in tb} or _time_keys(ta) & _time_keys(tb):
        return False
    # two days of one running story ("20 rescued by Tuesday" / "55 by Wednesday")
    # are for the update test, not two periods
    return not (_time_keys(ta) & _WEEKDAY_KEYS and _time_keys(tb) & _WEEKDAY_KEYS)


_PERIOD_RE = re.compile(r"\b(?:(first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(quarter|half)|"
                        r"(q[1-4])|(h[12])|(half-year|half year|full-year|full year))\b", re.IGNORECASE)
_ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}


def _periods(text: str) -> set[str]:
    """The reporting periods a text names: "first quarter", "second half",
    "half-year", "q3".

    >>> sorted(_periods("Profit rose in the first half but fell 3% in the second-quarter")), _periods("It rose")
    (['first half', 'second quarter'], set())
    """
    out: set[str] = set()
    for m in _PERIOD_RE.finditer(text):
        if m.group(1):
            first = m.group(1).lower()
            out.add(f"{_ORDINALS.get(first, first)} {m.group(2).lower()}")
        else:
            out.add(next(g for g in m.groups()[2:] if g).lower().replace("-", " "))
    return out


# ("may" only in lower case: "May" is the month; "due to" is as often "because of")
_MODAL_RE = re.compile(r"\b(?:[Ww]ill|[Ww]ould|[Cc]ould|may|[Mm]ight|[Cc]an|[Ss]hall|expected to|set to|likely to|"
                       r"plans? to)\b")
_GOES_ON_RE = re.compile(r"\b(?:remain|remains|remained|stay|stays|stayed|continue|continues|keep|keeps|still)\b",
                         re.IGNORECASE)


def _before_and_after(a: Claim, b: Claim) -> bool:
    """Whether one claim reports what happened at a given time and the other
    a change still to come ("The bridge was closed at 6:30 a.m. on
    Wednesday" / "The bridge could reopen to cars within days"): exactly
    one has a modal or future word, the other has a time, and the first
    says nothing of a state going on ("will remain closed" against
    "reopened on Monday" still clash).

    >>> from claimcheck._types import Frame
    >>> def c(t, *time): return Claim(id=t, article=t, source="S", speaker=None, text=t, start=0, end=1,
    ...                               frame=Frame(time=time))
    >>> _before_and_after(c("The bridge was closed on Wednesday", "Wednesday"), c("The bridge could reopen soon"))
    True
    >>> _before_and_after(c("The bridge reopened on Monday", "Monday"), c("The bridge will remain closed"))
    False
    >>> _before_and_after(c("The bridge reopened on Monday", "Monday"), c("The bridge closed on 3 May"))
    False
    """
    ma, mb = bool(_MODAL_RE.search(a.text)), bool(_MODAL_RE.search(b.text))
    if ma == mb:
        return False
    later, report = (a, b) if ma else (b, a)
    return bool(report.frame.time) and not _GOES_ON_RE.search(later.text)


_UNDOING_RE = re.compile(r"\b(?:reopen|restart|resum|reinstat|restor|reconnect|relaunch)", re.IGNORECASE)
_LASTING_RE = re.compile(r"\b(?:stay|stays|stayed|remain|remains|remained|still|continu|yet)", re.IGNORECASE)


def _undone_later(x: str, y: str) -> bool:
    """Whether one of two opposite actions undoes the other ("reopened",
    "restarted", "resumed") and the other is the act itself, not a state
    said to last ("closed", not "remained closed"): the undoing presupposes
    the act, so the two follow each other unless they are dated alike.

    >>> _undone_later("closed", "reopened"), _undone_later("remained closed", "reopened")
    (True, False)
    """
    for undo, act in ((x, y), (y, x)):
        if _UNDOING_RE.search(undo) and not _UNDOING_RE.search(act):
            return not _LASTING_RE.search(act)
    return False


def _two_occasions(a: Claim, b: Claim) -> bool:
    """Whether opposite words or actions in two claims are said of two
    occasions, not one: two different named days ("shares rose on Monday" /
    "shares fell on Tuesday"), two reporting periods ("rose in the first
    half" / "fell in the second quarter"), or what happened at a time
    against a change still to come ("was closed on Wednesday" / "could
    reopen within days")."""
    ka, kb = _time_keys(a.frame.time), _time_keys(b.frame.time)
    return bool(ka and kb and not ka & kb) or _two_periods(a, b) or _before_and_after(a, b)


def _two_periods(a: Claim, b: Claim) -> bool:
    """Whether the claims report two different periods ("rose 12 percent in
    the first half" / "fell 3 percent in the second quarter"): each names a
    reporting period and none is named by both."""
    pa, pb = _periods(a.text), _periods(b.text)
    return bool(pa) and bool(pb) and not pa & pb


def _another_set(q: Quantity, text: str) -> bool:
    """Whether the figure counts a set besides one already named ("the other
    40 restaurants", "a further 20 people", "three more"): an addition or a
    remainder, not the total another report gives.

    >>> _another_set(Quantity(40, "restaurant", "exact", "40"), "Quenby's other 40 restaurants remain open")
    True
    >>> _another_set(Quantity(3, "hostage", "exact", "three"), "ISIS has executed three other Western hostages")
    True
    >>> _another_set(Quantity(11, "restaurant", "exact", "11"), "It closed all 11 of its restaurants")
    False
    """
    i = text.find(q.text)
    return i >= 0 and (i > 0 and bool(_ANOTHER.search(text[:i]))
                       or bool(_MORE.match(text[i + len(q.text):])))


def _of_other_things(x: Quantity, text_x: str, y: Quantity, text_y: str) -> bool:
    """Whether two figures are values of different things: the subjects of
    one verb ("Apple Watch will cost $550" / "iPhone 6 costs $216"), or the
    sums paid for different things ("$100 million for his release" / "$1
    million for his body")."""
    if x.verb and x.verb == y.verb and _other_things(_figure_owner(x, text_x), text_x,
                                                     _figure_owner(y, text_y), text_y):
        return True
    return _other_things(_figure_purpose(x, text_x), text_x, _figure_purpose(y, text_y), text_y)


# Words that make a count one of things created or one of things lost: two
# tallies, not two counts of one ("hired 300" / "cut 1,150").  Changes of a
# level ("rose 4.2%" / "fell 3.1%") are not among them: those do clash.
_MADE_WORDS = frozenset({"add", "create", "hire", "recruit", "gain", "employ", "open"})
_LOST_WORDS = frozenset({"lose", "loss", "cut", "shed", "eliminate", "axe", "slash", "layoff", "redundancy",
                         "close", "scrap", "lay", "fire", "go", "destroy"})


# Verbs that say how long something went on: "the operation had taken 11
# weeks" / "the operation lasted six weeks" give one length.
_LASTING_VERBS = frozenset({"last", "take", "run", "continue", "go", "span", "stretch", "drag"})


def _both_last(x: Quantity, y: Quantity) -> bool:
    """Whether two lengths of time are each how long something lasted, by
    their verbs ("had taken 11 weeks" / "lasted six weeks").

    >>> w = Quantity(77, "day", "exact", "11 weeks", verb="take")
    >>> _both_last(w, attrs.evolve(w, value=42, verb="last")), _both_last(w, attrs.evolve(w, verb="spend"))
    (True, False)
    """
    return _is_duration(x) and _is_duration(y) and x.verb in _LASTING_VERBS and y.verb in _LASTING_VERBS


# Adjectives that name which dimension a length measures.
_DIMENSIONS = frozenset({"deep", "wide", "tall", "high", "long", "thick", "broad", "across", "depth", "width",
                         "height", "length"})


def _one_dimension(x: Quantity, y: Quantity) -> bool:
    """Whether two lengths measure one named dimension ("8 metres deep" /
    "50 feet deep"), not merely two lengths.

    >>> deep = Quantity(8, "length", "about", "8", context=("deep", "metre"))
    >>> _one_dimension(deep, attrs.evolve(deep, context=("deep", "foot"))), _one_dimension(deep, attrs.evolve(deep,
    ...     context=("wide",)))
    (True, False)
    """
    return bool(set(x.context) & set(y.context) & _DIMENSIONS)


# People in general: a count of these can hold others than a count of a
# kind of them ("46 passengers" among "50 people on board").
_GENERAL_PERSONS = frozenset({"people", "person", "individual", "human", "adult", "other"})


def _kinds_in_one_act(x: Quantity, y: Quantity) -> bool:
    """Whether two counts of people, one named as a kind of the other, count
    those who did one act: "Five inmates escaped" / "Three prisoners broke
    out" (the same verb, or two verbs of one act), not people in general
    nor those a vehicle or a place holds.

    >>> q = lambda unit, verb: Quantity(5, unit, "exact", "5", verb=verb)
    >>> _kinds_in_one_act(q("inmate", "escape"), q("prisoner", "break"))
    True
    >>> _kinds_in_one_act(q("passenger", "injure"), q("people", "injure")), _kinds_in_one_act(
    ...     q("inmate", "escape"), q("prisoner", "hold"))
    (False, False)
    """
    u, v = x.unit, y.unit
    if not (u.isalpha() and v.isalpha()) or {u, v} & _GENERAL_PERSONS:
        return False
    if noun_thing(u) or noun_thing(v) or not (noun_first(u) and noun_first(v)):
        return False  # (things are matched by :func:`_units_match`)
    if {x.verb, y.verb} & (_HOLDING_VERBS | _TALLY_VERBS) or not x.verb or not y.verb:
        return False
    return _one_act_verbs(x.verb, y.verb) and relation(u, v) in _SAME_MEANING


def _one_act_verbs(u: str, v: str) -> bool:
    """Whether two verbs (lemmas, particles dropped) name one act: the same
    verb, one group of :data:`_VERB_GROUP` ("die" / "kill") or of
    :data:`_ONE_ACT` ("escape" / "break" out).

    >>> _one_act_verbs("escape", "break"), _one_act_verbs("die", "kill"), _one_act_verbs("escape", "injure")
    (True, True, False)
    """
    return u == v or _VERB_GROUP.get(u, "") == _VERB_GROUP.get(v, "-") or any(
        u in group and v in group for group in _act_tables()[1])


def _one_plain_noun(x: Quantity, y: Quantity) -> bool:
    """Whether two figures count the same specific noun with two verbs of
    holding, so that the verbs are two ways to say one thing ("carries about
    38,000 vehicles a day" / "is used by some 21,000 vehicles a day"): not
    people in general, a measure or a length of time.  Verbs of acts are
    not taken for one another ("treated 300 patients" / "turned away 120
    patients" may both be true).

    >>> q = Quantity(38000, "vehicle", "about", "38,000", verb="carry")
    >>> _one_plain_noun(q, attrs.evolve(q, value=21000, verb="use"))
    True
    >>> _one_plain_noun(q, attrs.evolve(q, unit="people")), _one_plain_noun(q, attrs.evolve(q, verb="free"))
    (False, False)
    """
    unit = x.unit
    if unit != y.unit or not unit.isalpha() or unit in _MEASURES or unit in _SAME_UNIT[0] \
            or unit in _DURATION_UNITS:
        return False
    return x.verb in _CAPACITY_VERBS and y.verb in _CAPACITY_VERBS


def _one_count_verb(x: Quantity, y: Quantity) -> bool:
    """Whether two counts' verbs count one thing: the same verb or verb group
    ("died" / "were killed"), or two verbs of loss ("destroyed" / "lost"), or
    two of making.  A count of a harm noun counts that harm whatever its
    verb ("no deaths had been linked to the heat" / "two people died").

    >>> q = lambda verb: Quantity(value=0, unit="home", bound="exact", text="no homes", verb=verb)
    >>> _one_count_verb(q("destroy"), q("lose")), _one_count_verb(q("destroy"), q("build"))
    (True, False)
    >>> deaths = Quantity(value=0, unit="death", bound="exact", text="no deaths", verb="link")
    >>> _one_count_verb(deaths, attrs.evolve(q("die"), unit="people")), _one_count_verb(deaths, q("injure"))
    (True, False)
    >>> _one_count_verb(attrs.evolve(q("force"), context=("evacuation",)), q("evacuate"))
    True
    """
    if _HARM_NOUNS.get(x.unit, _VERB_GROUP.get(x.verb, x.verb)) \
            == _HARM_NOUNS.get(y.unit, _VERB_GROUP.get(y.verb, y.verb)):
        return True
    pair = {x.verb, y.verb}
    return pair <= _LOST_WORDS or pair <= _MADE_WORDS or _names_act(x, y.verb) or _names_act(y, x.verb) \
        or _backs(x) and _backs(y)


# Verbs of backing a proposal: "71 percent backed the strike" counts the
# members who "voted 94 percent in favour" of it.
_BACKING_VERBS = frozenset({"back", "support", "endorse", "approve", "favour", "favor"})


def _backs(q: Quantity) -> bool:
    """Whether a figure counts backing: a verb of backing, or a vote "in favour".

    >>> _backs(Quantity(94, "%", "exact", "94", verb="vote", context=("favour", "member")))
    True
    >>> _backs(Quantity(94, "%", "exact", "94", verb="vote")), _backs(Quantity(71, "%", "exact", "71", verb="back"))
    (False, True)
    """
    return q.verb in _BACKING_VERBS or q.verb == "vote" and bool({"favour", "favor"} & set(q.context))


def _names_act(q: Quantity, verb: str) -> bool:
    """Whether a figure's words name ``verb``'s act as a noun, other than by
    its own verb: "forcing the evacuation of 40 homes" counts the homes
    "evacuated".  Verbs of five letters or more, by a shared stem; the verb
    itself in the figure's words is no noun ("62 people who attended the
    reception have reported symptoms" counts those who reported them).

    >>> _names_act(Quantity(40, "home", "exact", "40", verb="force", context=("evacuation", "force")), "evacuate")
    True
    >>> _names_act(Quantity(40, "home", "exact", "40", verb="force", context=("force",)), "evacuate")
    False
    >>> _names_act(Quantity(62, "people", "exact", "62", verb="report", context=("attend", "symptom")), "attend")
    False
    """
    return len(verb) >= 5 and any(c not in {q.verb, verb} and _same_stem(c, verb) for c in q.context)


# Shares and sums of money, whose measured thing (profit, cost, revenue ...)
# tells two figures apart.  Currencies in words count here but are not
# (yet) in _MEASURES: there, "scooped 64 million crowns" / "the jackpot was
# worth 48.6 million crowns" would need the jackpot named on both sides.
_SUMS = frozenset(_MEASURES - {"", "year", "per", "us"}) | _CURRENCY_WORDS


# A length of time written as a modifier: "the ten-year bond", "a 30-year mortgage".
_TERM_RE = re.compile(r"^[\w.]+-(?:year|month|week|day|hour)$", re.IGNORECASE)
# Things of many terms at once, whose term names which of them is meant.
_INSTRUMENTS = frozenset({"bond", "yield", "note", "bill", "gilt", "treasury", "bund", "mortgage", "loan", "swap"})


def _instrument_terms(c: Claim) -> set[tuple[str, float]]:
    """The terms that name a claim's financial instruments: "ten-year" in
    "the ten-year government bond", "30-year" in "the 30-year mortgage rate"."""
    out = set()
    for q in c.frame.quantities:
        if not (_is_duration(q) and _TERM_RE.match(q.text)):
            continue
        after = re.search(re.escape(q.text) + r"((?:\s+[\w-]+){1,3})", c.text)
        near = set(q.context) | ({w.rstrip("s") for w in _words(after.group(1))[1]} if after else set())
        if _INSTRUMENTS & near:
            out.add((q.unit, q.value))
    return out


def _other_terms(x: Quantity, ta: set[tuple[str, float]], y: Quantity, tb: set[tuple[str, float]]) -> bool:
    """Whether two figures belong to financial instruments of different
    terms ("the ten-year government bond rose 18 basis points" / "the
    two-year government bond yield jumped by 35 basis points" are two
    bonds), or are those terms themselves: a term that names an instrument
    is a name, not a figure in conflict ("a four-year contract" / "a
    five-year contract" still are).  ``ta`` and ``tb`` are the two claims'
    :func:`_instrument_terms`.

    >>> from claimcheck import Claim
    >>> from claimcheck._types import Frame
    >>> def terms(term: float, text: str) -> set[tuple[str, float]]:
    ...     q = Quantity(term, "year", "exact", text, context=("bond",))
    ...     return _instrument_terms(Claim(id=text, article="x", source="X", speaker=None, text=text, start=0,
    ...                                    end=1, frame=Frame(quantities=(q,))))
    >>> bp = Quantity(0.18, "point", "exact", "18")
    >>> _other_terms(bp, terms(10, "ten-year"), bp, terms(2, "two-year"))
    True
    >>> _other_terms(bp, terms(10, "ten-year"), bp, terms(10, "10-year"))
    False
    """
    if (x.unit, x.value) in ta and (y.unit, y.value) in tb and _TERM_RE.match(x.text) and _TERM_RE.match(y.text):
        return True
    return not _is_duration(x) and not _is_duration(y) and bool(ta) and bool(tb) and not ta & tb


def _other_measures(x: Quantity, a: Claim, y: Quantity, b: Claim) -> bool:
    """Whether two shares or sums measure different things by the claims'
    own words: "39.5 per cent of British smartphone sales" / "the profit
    margin ... was 69%".  What is measured is read around each figure and,
    when nothing is named there, from the rest of its claim.

    >>> from claimcheck._types import Frame
    >>> p = Quantity(39.5, "%", "exact", "39.5", context=("account", "iphone"))
    >>> a = Claim(id="a", article="a", source="A", speaker=None, text="", start=0, end=0,
    ...           frame=Frame(lemmas=("iphone", "sale", "share")))
    >>> m = Quantity(69, "%", "exact", "69", context=("iphone", "margin", "profit"))
    >>> _other_measures(p, a, m, attrs.evolve(a, id="b")), _other_measures(p, a, p, a)
    (True, False)
    """
    if x.unit not in _SUMS or y.unit not in _SUMS:
        return False
    kx, ky = _measured_by(x, a), _measured_by(y, b)
    return bool(kx and ky and not kx & ky)


def _measured_by(q: Quantity, c: Claim) -> set[str]:
    """What a share or a sum measures (profit, sales, revenue ...): named
    after "in" right behind the figure ("95 million crowns in lost revenue"
    is revenue, whatever the verb says it cost), around the figure, or else
    anywhere in its claim.

    >>> c = Claim(id="a", article="a", source="A", speaker=None, text="costing it 95 million crowns in lost revenue",
    ...           start=0, end=0)
    >>> _measured_by(Quantity(95e6, "crown", "exact", "95 million", context=("cost", "revenue")), c)
    {'revenue'}
    """
    at = c.text.find(q.text) if q.text else -1
    if at >= 0:
        named = _MEASURE_IN_RE.search(c.text[at + len(q.text):])
        if named is not None and (word := named.group(1).lower().rstrip("s")) in _MEASURED:
            return {_ONE_MEASURE.get(word, word)}
    return {_ONE_MEASURE.get(w, w) for w in set(q.context) & _MEASURED or set(c.frame.lemmas) & _MEASURED}


# Names of one measured thing: a budget is what is to be spent.
_ONE_MEASURE = {"spending": "budget"}


# "95 million crowns in lost revenue", "$2 billion in new investment": the sum's measure after "in".
_MEASURE_IN_RE = re.compile(r"^\s+(?:[a-z$€£%-]+\s+){0,2}?in\s+(?:lost|extra|additional|new|annual|total|unpaid)?"
                            r"\s*([a-z]+)\b", re.IGNORECASE)


_UP_WORDS = frozenset({"rose", "rise", "rises", "risen", "rising", "jump", "jumped", "jumps", "gain", "gained",
                       "gains", "climb", "climbed", "climbs", "soar", "soared", "soars", "surge", "surged", "surges",
                       "increase", "increased", "increases", "grew", "grow", "grown", "grows", "growth", "up",
                       "higher", "advance", "advanced"})
_DOWN_WORDS = frozenset({"fell", "fall", "falls", "fallen", "falling", "drop", "dropped", "drops", "decline",
                         "declined", "declines", "slip", "slipped", "slips", "eased", "eases", "shed", "lost",
                         "plunge", "plunged", "tumble", "tumbled", "decrease", "decreased", "decreases", "shrank",
                         "slid", "sank", "dip", "dipped", "down", "lower", "slump", "slumped"})
_MOVE_NOUN_RE = re.compile(r"\s*(?:%|percent|per cent)\s+(?:[\w-]+\s+)?(rise|increase|gain|jump|growth|fall|drop|"
                           r"decline|decrease|slump|dip)\b", re.IGNORECASE)


_MOVED_TO_RE = re.compile(r"\b([a-z]+)\s+(?:back\s+|further\s+|again\s+)?to\s+(?:about\s+|around\s+|some\s+|just\s+)?$",
                          re.IGNORECASE)


def _moved_to(q: Quantity, text: str) -> int:
    """``+1`` or ``-1`` when ``q`` is a level that ``text`` says something
    rose or fell to ("had fallen to 27% of capacity", "climbed to 850"),
    else ``0``.

    >>> p = Quantity(27, "%", "exact", "27")
    >>> _moved_to(p, "Lake Orby had fallen to 27% of capacity"), _moved_to(p, "It rose to 27 percent")
    (-1, 1)
    >>> _moved_to(p, "Lake Orby was 27% full"), _moved_to(p, "It fell 27 percent")
    (0, 0)
    """
    at = text.find(q.text) if q.text else -1
    found = _MOVED_TO_RE.search(text[max(0, at - 40):at]) if at > 0 else None
    if found is None:
        return 0
    word = found.group(1).lower()
    return 1 if word in _UP_WORDS else -1 if word in _DOWN_WORDS else 0


def _move(q: Quantity, text: str) -> int:
    """``+1`` or ``-1`` when a percentage says how far something moved up or
    down ("rose 3 percent", "a 12 percent rise in profit"; "slipped 3
    percent"), ``0`` for any other figure ("fell to 3 percent" is a level).

    >>> p = Quantity(12, "%", "exact", "12")
    >>> _move(p, "a 12 percent rise in profit"), _move(p, "profit slipped 12 percent"), _move(p, "fell to 12 percent")
    (1, -1, 0)
    """
    if q.unit not in {"%", "percent"} or not q.text:
        return 0
    at = text.find(q.text)
    if at < 0:
        return 0
    noun = _MOVE_NOUN_RE.match(text, at + len(q.text))
    if noun:
        return 1 if noun.group(1).lower() in _UP_WORDS else -1
    if _LEVEL_RE.search(text[max(0, at - 40):at]):
        return 0
    for w in reversed(re.findall(r"[a-z]+", text[max(0, at - 30):at].lower())[-4:]):
        if w in _UP_WORDS:
            return 1
        if w in _DOWN_WORDS:
            return -1
    return 0


def _made_or_lost(q: Quantity) -> str:
    """``"made"`` or ``"lost"`` when the verb or the words around a count say
    the things counted were created or lost; else ``""`` (also when both).

    >>> q = Quantity(value=300, unit="job", bound="exact", text="300", verb="add", context=("job", "line"))
    >>> _made_or_lost(q), _made_or_lost(attrs.evolve(q, verb="", context=("job", "loss")))
    ('made', 'lost')
    """
    words = {q.verb, *q.context}
    made, lost = bool(words & _MADE_WORDS), bool(words & _LOST_WORDS)
    return "made" if made and not lost else "lost" if lost and not made else ""


def _sums_to(x: Quantity, mine: Sequence[Quantity], y: Quantity) -> bool:
    """Whether ``x`` and the other counts of its claim with the same verb
    (and its unit, or none: "and one of misconduct") add up to ``y``: the
    parts against the total, not two counts of one thing.

    >>> q = lambda v, unit: Quantity(value=v, unit=unit, bound="exact", text=str(v), verb="find")
    >>> four, one, five = q(4.0, "count"), q(1.0, ""), q(5.0, "count")
    >>> _sums_to(four, [four, one], five), _sums_to(four, [four], five)
    (True, False)
    """
    if x.unit in _SAME_UNIT[1] or _is_duration(x) or y.bound != "exact":
        return False
    parts = [q for q in mine if q.verb == x.verb and not _is_duration(q)
             and (not q.unit or _units_match(q.unit, x.unit))]
    return len(parts) >= 2 and x in parts and abs(sum(q.value for q in parts) - y.value) < 1e-9


def _listed(q: Quantity, others: Sequence[Quantity]) -> bool:
    """Whether ``others`` (the figures of ``q``'s claim) has another value of ``q``'s unit."""
    return any(o is not q and o.value != q.value and _units_match(o.unit, q.unit) for o in others)


def _has_variant(names: Iterable[str], name: str) -> bool:
    """Whether one of ``names`` is ``name`` with a word that makes it another
    place, body or product ("apple watch sport" for "apple watch").

    >>> _has_variant(["apple watch sport"], "apple watch"), _has_variant(["apple watch inc"], "apple watch")
    (True, False)
    """
    words = set(name.lower().split())
    return any(words < set(n.lower().split()) and bool((set(n.lower().split()) - words) & _NAME_QUALIFIERS)
               for n in names)


def _named_in(name: str, text: str) -> bool:
    """Whether every word of ``name`` is a word of ``text`` (case-blind).

    >>> _named_in("varna", "FC Aldwick sold him to Sporting Varna."), _named_in("sporting varna", "Varna won")
    (True, False)
    """
    words = set(_words(text)[1])
    return bool(name.split()) and all(w in words for w in name.lower().split())


def _place_key(p: str) -> str:
    from ._frames import entity_key

    return entity_key(p.replace(".", "").strip(), "GPE") if p else p


def _mentions(text: str, place: str) -> bool:
    """Whether ``text`` names ``place``, or its people or adjective
    ("Canadian" for "Canada"; "Australian" is not "Austria").

    >>> _mentions("They tried to cross the Canadian border", "Canada")
    True
    >>> _mentions("The Australian team won", "Austria"), _mentions("in Iran", "Iraq")
    (False, False)
    """
    parts = _words(place)[1]
    if not parts:
        return False
    words = _words(text)[1]
    if len(parts) > 1:
        joined = " ".join(words)
        return f" {' '.join(parts)} " in f" {joined} "
    stem = parts[0].rstrip("aeiouy")
    return any(w == parts[0] or (len(stem) >= 4 and w.startswith(stem) and 0 < len(w) - len(stem) <= 4
                                 and w[len(stem):] in _DEMONYM_ENDINGS) for w in words)


_DEMONYM_ENDINGS = frozenset({"n", "an", "ian", "ean", "i", "ese", "ish", "s", "'s"})


def _same_lead(a: str, x: str, b: str, y: str) -> bool:
    """Whether the places ``x`` in ``a`` and ``y`` in ``b`` follow the same
    two event words in their clauses: "made an emergency landing at
    Carrowby" / "made an emergency landing at the Vestrup air base".

    >>> _same_lead("It made an emergency landing at Carrowby", "Carrowby",
    ...            "A plane that left Lindmora made an emergency landing at Vestrup", "Vestrup")
    True
    >>> _same_lead("He was born in Paris", "Paris", "She was born in London", "London")
    False
    """
    def lead(text: str, place: str) -> list[str]:
        i = text.find(place)
        if i < 0:
            return []
        start = max((m.end() for m in _CLAUSE_BREAK.finditer(text) if m.end() <= i), default=0)
        return _event_words(text[start:i])[-2:]

    la, lb = lead(a, x), lead(b, y)
    return len(la) == 2 and len(lb) == 2 and all(_same_stem(u, v) for u, v in zip(la, lb))


def _other_subjects(a: Claim, b: Claim) -> bool:
    """Whether two claims are about different things: both have a common
    noun for a subject, and the two are neither one word nor WordNet
    synonyms nor one a kind of the other, and neither claim names the
    other's subject ("resident" / "patient"; not "quake" / "earthquake",
    nor "the committee's meeting" / "the committee").

    >>> from claimcheck import Claim, Frame
    >>> def c(s): return Claim(id=s, article=s, source="S", speaker=None, text=s, start=0, end=1,
    ...                        frame=Frame(subject=s))
    >>> _other_subjects(c("resident"), c("patient")), _other_subjects(c("quake"), c("earthquake"))
    (True, False)
    """
    x, y = a.frame.subject, b.frame.subject
    if not x or not y or _same_stem(x, y):
        return False
    if any(_same_stem(x, w) for w in _content(b)) or any(_same_stem(y, w) for w in _content(a)):
        return False  # "the committee's next meeting is on" / "the committee meets on"
    return relation(x, y) not in _SAME_MEANING


_FROM_RE = re.compile(r"\b(?:from|off|of|outside)\s+((?:[\w'-]+\s+){0,3}[\w'-]+)")


def _one_distance(x: Quantity, a: Claim, y: Quantity, b: Claim) -> bool:
    """Whether two figures say how far one thing is from one place, whatever
    the verbs ("The trawler came to rest about 900 metres off the pier" /
    "The trawler lies nearly five nautical miles off the pier"): both are
    distances (:func:`_role`), the words after "from" or "off" share a
    content word, and the subjects name one thing (:func:`_other_subjects`;
    "the ship" / "the wreck" do not, since WordNet does not make a wreck a
    ship)."""
    if x.unit not in _DISTANCE_UNITS or y.unit not in _DISTANCE_UNITS:
        return False  # only lengths are distances; spare the role patterns on every other pair
    if _role(x, a.text) != "distance" or _role(y, b.text) != "distance":
        return False
    if not a.frame.subject or not b.frame.subject or _other_subjects(a, b):
        return False

    def place(q: Quantity, text: str) -> set[str]:
        found = _FROM_RE.search(text, text.find(q.text))
        words = found.group(1).lower().split() if found else []
        return {w for w in words if w not in _STOP and len(w) > 2}

    return bool(place(x, a.text) & place(y, b.text))


def _same_place(x: str, y: str) -> bool:
    """Whether two place keys can name the same place ("Paris" in "Paris,
    France", "Kyongsang"/"Kyeongsang"), or one lies in the other ("Baghdad"
    in "Iraq", by WordNet's part-of links): two outlets placing one event at
    two scales do not disagree.

    >>> _same_place("south kyongsang province", "south kyeongsang province"), _same_place("geneva", "uae")
    (True, False)
    >>> _same_place("iraq", "baghdad")
    True

    A street, square or site named in a town can lie in any town the other
    claim names ("crown avenue" / "istrava"), though two streets still clash.

    >>> _same_place("crown avenue", "istrava"), _same_place("crown avenue", "maren square")
    (True, False)
    """
    if (_street_level(x) != _street_level(y)) and x and y:
        return True
    return x in y or y in x or fuzz.token_set_ratio(x, y) >= 80 or located_in(x, y) or located_in(y, x)


# Last words of a place name below the scale of a town: a street, square or site.
_STREET_WORDS = frozenset({"avenue", "street", "road", "square", "boulevard", "lane", "bridge", "park", "station",
                           "stadium", "hall", "airport", "harbour", "harbor", "port", "quay", "plaza", "place",
                           "market", "terminal", "campus", "hospital", "infirmary", "clinic", "district", "quarter"})


def _own_sites(keys: Iterable[str], other: str) -> set[str]:
    """The place keys that name a site (:func:`_street_level`) and share no
    other word with the ``other`` claim's text: "leominster hospital" may be
    the hospital "in Leominster" the other names, "merrowgate royal
    infirmary" is not "St Anselm's Hospital in Dunmere".

    >>> keys = {"leominster hospital", "merrowgate royal infirmary", "leominster"}
    >>> sorted(_own_sites(keys, "a hospital in Leominster"))
    ['merrowgate royal infirmary']
    """
    words = set(_words(other)[1])
    return {k for k in keys if _street_level(k) and not (set(k.split()[:-1]) & words)}


def _street_level(name: str) -> bool:
    """Whether a place name names a street, square or site within a town."""
    words = name.split()
    return bool(words) and words[-1] in _STREET_WORDS


def _fmt(q: Quantity) -> str:
    return q.text if q.bound == "exact" else f"{q.bound.replace('_', ' ')} {q.text}"


def _time_keys(times: Iterable[str]) -> set[str]:
    keys: set[str] = set()
    for t in times:
        low = t.lower()
        keys.update(d for d in _WEEKDAYS if d in low)
        keys.update(m for m in _MONTHS if re.search(rf"\b{m}\b", low))
        keys.update(re.findall(r"\b(?:1[89]|20)\d\d\b", low))
    return keys


_STOP = {"the", "a", "an", "of", "to", "in", "on", "at", "and", "or", "but", "is", "was", "were", "are",
         "be", "been", "has", "have", "had", "that", "this", "it", "its", "with", "for", "by", "as", "from",
         "would", "will", "could", "may", "might", "there", "their", "they", "he", "she", "his", "her"}


def _content(c: Claim) -> set[str]:
    """Content lemmas of a claim; its plain words when no splitter filled the frame."""
    if c.frame.lemmas:
        return set(c.frame.lemmas)
    return {w for w in _WORD_RE.findall(c.text.lower()) if len(w) > 2 and w not in _STOP}


def _shared(a: Claim, b: Claim) -> int:
    """How many content words and participants two claims share (a
    participant of one that the other's text names counts: "Eastbury Mutual
    Bank would cut 1,200 jobs", where the parse took the name for the
    speaker, and "Eastbury Mutual Bank is to axe 3,100 jobs").

    >>> from claimcheck import Claim, Frame
    >>> a = Claim(id="a", article="x", source="S", speaker=None, text="Eastbury Mutual Bank would cut 1,200 jobs",
    ...           start=0, end=1, frame=Frame(lemmas=("cut", "job")))
    >>> b = attrs.evolve(a, id="b", text="Eastbury Mutual Bank is to axe 3,100 jobs",
    ...                  frame=Frame(lemmas=("axe", "job"), participants=("eastbury mutual bank",)))
    >>> _shared(a, b)
    2
    """
    ca, cb = _content(a), _content(b)
    names = {p for p in (*a.frame.participants, *b.frame.participants) if _named_in(p, a.text) and _named_in(p, b.text)}
    return len(ca & cb) + len(names - ca)


# Words that say nothing about which event a count belongs to.
_UNANCHORED = {"say", "tell", "report", "people", "person", "number", "total", "figure", "official", "least", "more",
               "percent", "percentage", "year", "day", "time", "new", "other", "last", "first"}
_NEVER_ANCHORS = frozenset(_UNANCHORED | _TALLY_VERBS | set(_VERB_GROUP))


# Verbs too common to tie two figures to one act, and verbs of a standing
# state whose figures differ with their scope ("employs about 13,000 people"
# in all / "where about 2,800 people are employed").
_NO_ACT_VERBS = frozenset({"have", "take", "make", "get", "give", "do", "include", "add", "find", "see", "show",
                           "receive", "use", "need", "go", "come", "leave", "keep", "hold", "bring", "send", "lose",
                           "win", "spend", "pay", "cost", "earn", "sell", "buy", "record", "post", "count", "list",
                           "announce", "expect", "plan", "employ", "house", "serve", "contain", "cover", "own",
                           "operate", "run", "manage", "represent", "host", "accommodate", "produce", "carry"})


def _one_specific_act(x: Quantity, y: Quantity) -> bool:
    """Whether two figures count one specific act: the same verb, and not a
    verb of tallies, deaths or injuries, nor a light verb ("sentenced 14
    protesters" / "31 protesters were sentenced"; not "killed" or "had").

    >>> q = Quantity(14, "protester", "exact", "14", verb="sentence")
    >>> killed = attrs.evolve(q, verb="kill")
    >>> _one_specific_act(q, attrs.evolve(q, value=31)), _one_specific_act(killed, killed)
    (True, False)
    """
    return bool(x.verb) and x.verb == y.verb and x.verb not in _NEVER_ANCHORS and x.verb not in _NO_ACT_VERBS


def _anchored(a: Claim, b: Claim, x: Quantity, y: Quantity) -> bool:
    """Whether two claims with the counts ``x`` and ``y`` share something that
    pins the event (a participant, or a content word other than what is
    counted, the counting verbs and words such as "people" or "reported"):
    "33 people were killed in car bombings in Baghdad" and "790 people were
    killed in January" share only the count's words."""
    if set(a.frame.participants) & set(b.frame.participants):
        return True
    counted = {x.unit, y.unit, x.verb, y.verb, _VERB_GROUP.get(x.verb, x.verb), _VERB_GROUP.get(y.verb, y.verb)}
    for group in _SAME_UNIT:
        if counted & group:
            counted |= group

    def anchors(c: Claim) -> list[str]:
        return [w for w in _content(c) if w not in counted and w not in _NEVER_ANCHORS and len(w) > 2
                and not any(ch.isdigit() for ch in w)]

    cb = anchors(b)
    return any(_same_stem(u, v) for u in anchors(a) for v in cb)


def _rest_ratio(a: Claim, b: Claim, wa: list[str], wb: list[str]) -> float:
    """Similarity (0-100) of the two texts with the given words taken out."""
    return float(fuzz.token_set_ratio(_mask(a.text, wa).lower(), _mask(b.text, wb).lower()))


def _mask(text: str, words: Iterable[str]) -> str:
    out = text
    for w in sorted(words, key=len, reverse=True):
        if w:
            out = out.replace(w, " ")
    return out


@attrs.define(kw_only=True)
class RuleJudge:
    """The default judge: same event first, then one slot in conflict.

    ``related`` is the cosine similarity below which two claims are
    unrelated, unless they give the same distinctive figures
    (:func:`figure_twin`, the same fact however far apart their words).
    Two claims with no conflicting detail state the same fact
    (``entailment``) when the same-fact combiner
    (:mod:`claimcheck._samefact`, fitted on STS-B train and the project's
    own story pairs by ``scripts/fit_same_fact.py``) gives them a
    probability of at least
    ``paraphrase``; ``None`` uses the threshold shipped with the model.

    >>> from claimcheck import Claim
    >>> from claimcheck._types import Frame, Quantity
    >>> a = Claim(id="a", article="x", source="X", speaker=None, text="40 people died",
    ...           start=0, end=14, frame=Frame(quantities=(Quantity(40, "people", "exact", "40"),)))
    >>> b = attrs.evolve(a, id="b", source="Y", text="12 people died",
    ...                  frame=Frame(quantities=(Quantity(12, "people", "exact", "12"),)))
    >>> j = RuleJudge().judge(a, b, similarity=0.9)
    >>> j.label, j.kind
    ('contradiction', 'numeric')
    """

    related: float = 0.35
    event: float = 0.45
    paraphrase: float | None = None
    same_fact_model: SameFactModel | None = None
    use_indirect_antonyms: bool = False

    def judge(self, a: Claim, b: Claim, similarity: float) -> Judgement:
        """Judge one pair; the result does not depend on the order of a and b."""
        if (a.id, a.text) > (b.id, b.text):
            a, b = b, a
        sim = float(similarity) if math.isfinite(similarity) else 0.0
        sim = min(1.0, max(-1.0, sim))
        def verdict(label: str, score: float, reason: str, kind: str = "none",
                    evidence: tuple[str, str] | None = None) -> Judgement:
            return Judgement(a=a.id, b=b.id, label=label, score=round(min(0.99, max(0.0, score)), 4),
                             kind=kind, reason=reason, evidence=evidence, similarity=round(sim, 4))

        for c in (a, b):
            if c.frame.modality in {"question", "opinion"}:
                what = "a question" if c.frame.modality == "question" else "an opinion"
                asks = (a.frame.modality == "question", b.frame.modality == "question")
                if asks[0] == asks[1] and sim >= self.related and not _frame_veto(a, b):
                    # an opinion is never in conflict with a fact, but two outlets carrying
                    # the same opinion ("I think X" and "X", he said) carry the same claim
                    found = self._same_fact(a, b, sim, self._probability(a, b, sim))
                    if found is not None:
                        return verdict("entailment", found[0], f"{found[1]}; \u201c{c.text}\u201d is {what}, "
                                                               f"so it is not checked for conflicts")
                return verdict("unrelated", 0.5, f"\u201c{c.text}\u201d is {what}, not a factual claim")
        if sim < self.event:
            twin = figure_twin(a, b)
            if twin is not None and not _frame_veto(a, b):
                # worded too far apart for the embedding, but the same distinctive
                # figure of the same thing: "scorched about 6,800 hectares" / "it
                # had consumed some 6,800 hectares"
                model = self.same_fact_model or default_model()
                return verdict("entailment", model.threshold if self.paraphrase is None else self.paraphrase,
                               f"the claims report the same figure, \u201c{twin}\u201d, of the same thing, "
                               f"though worded apart (similarity {sim:.2f})")
        if sim < self.related:
            return verdict("unrelated", 0.6 + (self.related - sim),
                           f"the claims are about different things (similarity {sim:.2f})")
        same, why = self.same_event(a, b, sim)
        signals = sorted(self.signals(a, b, sim), key=lambda s: (-s.strength, s.kind))
        if not same and sim < self.event and not why.startswith("different events"):
            # A slot that lines up (the same counted thing, the same sentence
            # with another place) is evidence of the same event in itself.
            shared = set(a.frame.lemmas) & set(b.frame.lemmas)
            aligned = [s for s in signals if s.kind in {"numeric", "place"} and s.aligned]
            if aligned and shared:
                same, signals = True, aligned
        doers = [s for s in signals if s.kind == "entity" and s.aligned]
        if not same and doers:
            # the names that keep the claims apart are the doers in conflict
            same, signals = True, doers
        swaps = [s for s in signals if s.swap]
        if not same and swaps:
            # The texts are identical but for one swapped word, so they describe
            # the same event whatever the participants' difference says.
            same, signals = True, swaps
        if not same:
            if not _frame_veto(a, b):
                # Unmatched names keep two claims from conflicting, but they do not stop
                # them stating the same fact ("the SEC said" / "the Securities and Exchange
                # Commission said"): the same-fact model weighs them as one feature.  Nor
                # does a similarity below `event`: the model was fitted on story pairs from
                # similarity 0.35 up, and weighs the words the claims share.
                # (a shared figure is no evidence here: two people can poll the same 44.8 percent)
                found = self._same_fact(a, b, sim, self._probability(a, b, sim), figures=False)
                if found is not None:
                    return verdict("entailment", *found)
            return verdict("compatible" if sim >= self.event else "unrelated", 0.55 + 0.3 * min(1.0, sim), why)
        if signals:
            top = signals[0]
            score = 1.0 / (1.0 + math.exp(-(3.0 * top.strength + 4.0 * (sim - self.event) - 0.5)))
            label = "contradiction"
            reason = top.reason
            if top.kind == "numeric" and self._moved_on(a, b, top):
                label = "update"
                reason = top.reason + "; the reports are from different times, so the later one updates the earlier"
            elif top.kind == "antonym" and top.reason.startswith(_FATE_REASON) and _died_later(a, b):
                label = "update"
                reason = top.reason + "; the report of the death is the later one, so it updates the other"
            elif top.kind == "antonym" and _moves_on_later_day(a, b, top):
                label = "update"
                reason = top.reason + ("; the reports are from different days, and a price or level that "
                                       "moved one way can move the other way later")
            elif top.kind == "polarity" and _no_longer(a, b):
                label = "update"
                reason = top.reason + ("; \u201cno longer\u201d says the state has changed, so the denial "
                                       "updates the other report rather than contradicting it")
            return verdict(label, score, reason, kind=top.kind, evidence=top.evidence)
        sub = _substitution(a.text, b.text)
        if sub is not None and sub[2] in _SAME_MEANING and not signals:
            x, y, rel = sub
            return verdict("entailment", max(sim, 0.8),
                           f"the same claim with \u201c{x}\u201d for \u201c{y}\u201d (WordNet {rel})")
        p_same = self._probability(a, b, sim)
        veto = _frame_veto(a, b)
        if veto:
            # Not a conflict the signals could pin down, but not the same fact either.
            return verdict("compatible", max(0.5, 1.0 - p_same),
                           f"related claims, but not the same fact: {veto} (similarity {sim:.2f})")
        found = self._same_fact(a, b, sim, p_same)
        if found is not None:
            return verdict("entailment", *found)
        return verdict("compatible", 1.0 - p_same,
                       f"related claims with no conflicting detail (same-fact probability {p_same:.2f}, "
                       f"similarity {sim:.2f})")

    def _probability(self, a: Claim, b: Claim, sim: float) -> float:
        """The same-fact model's probability for the pair."""
        return same_fact_probability(a, b, sim, self.same_fact_model or default_model())

    def _same_fact(self, a: Claim, b: Claim, sim: float, p_same: float, *,
                   figures: bool = True) -> tuple[float, str] | None:
        """``(score, reason)`` when two claims with no conflicting frame state the same fact, else None.

        The same-fact model at or above its threshold, near-verbatim wire
        copy (token-sort ratio >= 90), or, on the same event, one specific
        figure both report and no figure only one reports ("44.8 percent",
        "600 soldiers"): outlets copy the exact figure of the fact they share.
        ``p_same`` is the model's probability (:meth:`_probability`).
        """
        model = self.same_fact_model or default_model()
        threshold = model.threshold if self.paraphrase is None else self.paraphrase
        ratio = fuzz.token_sort_ratio(a.text.lower(), b.text.lower())
        why = f"the claims say the same thing (same-fact probability {p_same:.2f}, similarity {sim:.2f})"
        if p_same >= threshold or ratio >= 90:
            return max(p_same, ratio / 100.0), why
        when = _same_happening(a, b) if sim >= self.event else None
        if when is not None:
            return threshold, (f"the claims say the same thing happened at the same time, \u201c{when}\u201d "
                               f"(same-fact probability {p_same:.2f}, similarity {sim:.2f})")
        figure = _shared_figure(a, b) if figures and sim >= self.event else None
        if figure is not None:
            return threshold, (f"the claims report the same figure, \u201c{figure}\u201d, about the same "
                               f"thing (same-fact probability {p_same:.2f}, similarity {sim:.2f})")
        return None

    def judge_many(self, pairs: Iterable[tuple[Claim, Claim, float]]) -> list[Judgement]:
        """Judge many pairs; same results as calling :meth:`judge` on each."""
        return [self.judge(a, b, s) for a, b, s in pairs]

    # -- same event ---------------------------------------------------------

    def same_event(self, a: Claim, b: Claim, sim: float) -> tuple[bool, str]:
        """Whether the two claims describe the same event, and why not."""
        only_a, only_b = unmatched_participants(a.frame.participants, b.frame.participants)
        # a name the parser did not pick out as a participant on the other
        # side but that its text still names ("Sporting Varna" tagged as a
        # place in one sentence and a club in the other) is matched
        # (unless the other text has it only inside a variant's name: "Apple
        # Watch" in "the Apple Watch Sport")
        only_a = [x for x in only_a if not _named_in(x, b.text) or _has_variant(b.frame.participants, x)]
        only_b = [y for y in only_b if not _named_in(y, a.text) or _has_variant(a.frame.participants, y)]
        if only_a and only_b:
            return False, f"different events: one involves {', '.join(only_a)}, the other {', '.join(only_b)}"
        if sim < self.event:
            return False, f"related topic but not the same event (similarity {sim:.2f})"
        return True, ""

    def _moved_on(self, a: Claim, b: Claim, signal: Signal) -> bool:
        """A later report with a larger count updates an earlier one: tolls
        and tallies grow as a story moves on, they do not shrink."""
        order = 0
        if a.published is not None and b.published is not None and a.published != b.published:
            order = 1 if b.published > a.published else -1
        else:
            da = [_WEEKDAYS.index(k) for k in _time_keys(a.frame.time) if k in _WEEKDAYS]
            db = [_WEEKDAYS.index(k) for k in _time_keys(b.frame.time) if k in _WEEKDAYS]
            if len(da) == 1 and len(db) == 1 and da != db:
                order = 1 if db[0] > da[0] else -1
            elif da == db and len(da) <= 1:
                # one day (or none named): "by Thursday noon" / "by Thursday evening"
                ha, hb = _hour_of(a.frame.time), _hour_of(b.frame.time)
                if ha is not None and hb is not None and abs(ha - hb) >= 2:
                    order = 1 if hb > ha else -1
        if order == 0 or signal.values is None:
            return False
        va, vb = signal.values
        later, figure = (b, signal.evidence[1]) if order == 1 else (a, signal.evidence[0])
        moved = next((m for q in later.frame.quantities if q.text and q.text in figure
                      for m in [_moved_to(q, later.text)] if m), 0)
        if moved:
            # a level the later report says moved there ("38 percent full on Monday" /
            # "had fallen to 27% of capacity by Saturday"), the way it says it moved
            return (vb - va) * order * moved > 0
        if not any(_accumulates(q) for c, text in ((a, signal.evidence[0]), (b, signal.evidence[1]))
                   for q in c.frame.quantities if q.text in text):
            return False  # "three carriages left the tracks" / "four carriages": no running total
        return (vb > va) if order == 1 else (va > vb)

    # -- signals ------------------------------------------------------------

    def signals(self, a: Claim, b: Claim, sim: float) -> list[Signal]:
        """Every conflict found between the two claims' frames (none when
        either claim is a fragment: see :func:`_fragment`)."""
        out: list[Signal] = []
        if _fragment(a.text) or _fragment(b.text):
            return out
        for fn in (self._numeric, self._place, self._date, self._polarity, self._antonym,
                   self._opposed, self._likelihood, self._rank, self._swap, self._doers, self._more_than_all,
                   self._instead):
            s = fn(a, b, sim)
            if s is not None:
                out.append(s)
        return out

    def _aligned(self, x: Quantity, y: Quantity, sim: float, single: bool) -> bool:
        """Whether two numbers count the same thing."""
        if _is_none(x) or _is_none(y):
            # "no deaths" says nothing of how many "people" fell sick: a count
            # of none needs its own noun (or a kind of it) and its own verb
            # ("no deaths had been linked to the heat" does count the "people"
            # who "died": the noun names the harm)
            same_unit = x.unit == y.unit or _zero_covers(x, y) or _zero_covers(y, x) or (
                x.unit.isalpha() and y.unit.isalpha() and relation(x.unit, y.unit) == "synonym") or (
                _units_match(x.unit, y.unit) and (x.unit in _HARM_NOUNS or y.unit in _HARM_NOUNS))
            return same_unit and _one_count_verb(x, y)
        if x.unit or y.unit:
            if not _units_match(x.unit, y.unit) and not _zero_covers(x, y) and not _zero_covers(y, x):
                if x.unit and y.unit and not _kinds_in_one_act(x, y):
                    return False
                if not (x.unit and y.unit) and not (single and sim >= 0.6):
                    return False
        elif sim < 0.6:
            return False
        if x.qualifiers and y.qualifiers and not any(_same_stem(p, r) for p in x.qualifiers for r in y.qualifiers):
            return False  # "31 league goals" and "12 goals in European competition"
        if x.verb and y.verb and not _one_count_verb(x, y) and sim < 0.75 and not _one_act_verbs(x.verb, y.verb) \
                and not ({x.verb, y.verb} & _TALLY_VERBS) and relation(x.verb, y.verb) not in _SAME_MEANING \
                and not (single and sim >= 0.6 and _one_plain_noun(x, y)) and not _both_last(x, y):
            # "55 rescued" and "34 injured" count different things ("burned 4,200
            # hectares" and "scorched about 1,800 hectares" do not: a kind of burning;
            # nor do "cut power to 180,000 homes" and "310,000 homes lost power":
            # two words for a loss)
            return False
        if (x.verb in _PROPOSAL_VERBS) != (y.verb in _PROPOSAL_VERBS):
            return False  # "demanding a 9 percent pay rise" is not what pay "has risen by"
        if {_made_or_lost(x), _made_or_lost(y)} == {"made", "lost"}:
            return False  # "will add about 300 jobs" / "with the loss of 1,150 jobs"
        money = x.unit in _CURRENCY_WORDS or y.unit in _CURRENCY_WORDS
        if x.unit in _MEASURES or y.unit in _MEASURES or money:
            # "$2.5 billion in revenue" and "$693 million in profit" share only the unit:
            # a measure needs the same thing measured around it (a currency in
            # words too: "a shortfall of 46 million florins" / "savings worth
            # 2.3 million florins")
            if money:
                # (by stem: "the spending plan" / "the budget will spend")
                cx, cy = set(x.context) - _MEASURES - _CURRENCY_WORDS - {"worth"}, \
                    set(y.context) - _MEASURES - _CURRENCY_WORDS - {"worth"}
                shared = any(_same_stem(u, v) for u in cx for v in cy)
            else:
                shared = bool((set(x.context) - _MEASURES) & (set(y.context) - _MEASURES))
            if not shared:
                # unless it is the one figure of two near-paraphrases and no
                # two different things are named as measured ("a record fee
                # of 65 million euros" / "sold him for 48 million euros")
                kx, ky = set(x.context) & _MEASURED, set(y.context) & _MEASURED
                if not single or sim < 0.8 or (kx and ky and not kx & ky):
                    return False
                if (_is_duration(x) or _is_duration(y)) and x.verb != y.verb and not _both_last(x, y):
                    return False  # "a four-year contract" / "had wanted him for two years"
        return True

    def _one_move(self, x: Quantity, a: Claim, y: Quantity, b: Claim, sim: float, single: bool) -> bool:
        """Whether two percentages are moves of one measured thing, whatever
        the verbs ("a 12 percent rise in half-year pre-tax profit" /
        "half-year pre-tax profit slipped 3 percent"): both say how far it
        moved (:func:`_move`), both claims name the same measured thing
        (profit, sales, revenue ...; as :func:`_other_measures` reads it),
        and, with that thing as their context and the verbs left out, the
        figures line up in every other way (:meth:`_aligned`)."""
        if not _move(x, a.text) or not _move(y, b.text):
            return False
        both = tuple(sorted(_measured_by(x, a) & _measured_by(y, b)))
        if not both:
            return False
        return self._aligned(attrs.evolve(x, verb="", context=(*x.context, *both)),
                             attrs.evolve(y, verb="", context=(*y.context, *both)), sim, single)

    def _numeric(self, a: Claim, b: Claim, sim: float) -> Signal | None:
        qa, qb = _one_measure(a.frame.quantities, b.frame.quantities)
        if not qa or not qb:
            return None
        # as written, for the reason: "800 metres" and "four nautical miles", not metres
        written = {id(q): w for q, w in zip((*qa, *qb), (*a.frame.quantities, *b.frame.quantities))}
        single = len(qa) == 1 and len(qb) == 1
        rates_b = [_is_rate(y, b.text) for y in qb]
        roles_b = [_role(y, b.text) for y in qb]
        # a claim that lists figures of one unit for several things ("the 4.7-inch
        # iPhone 6 and 5.5-inch iPhone 6 Plus") is compared only where the counted
        # thing is named alike
        # A figure both claims report (same unit, same verb) is accounted for,
        # whatever its neighbours: "up 15 percent and 28.6 percent,
        # respectively" and "by 15 percent and ... by 28.6 percent" agree.
        both_a = [any(_reported_in(x, y) for y in qb) for x in qa]
        both_b = [any(_reported_in(y, x) for x in qa) for y in qb]
        # (a figure both report is no second item of a list either: "three of
        # the train's six carriages" / "the rear four carriages of the
        # six-carriage train" count one thing against one whole)
        own_a = [x for x, shared in zip(qa, both_a) if not shared]
        own_b = [y for y, shared in zip(qb, both_b) if not shared]
        listed_b = [_listed(y, own_b) for y in qb]
        terms_a, terms_b = _instrument_terms(a), _instrument_terms(b)
        for x, shared_x in zip(qa, both_a):
            if shared_x and not single:
                continue
            rate_x = _is_rate(x, a.text)
            role_x = _role(x, a.text)
            if role_x in {"difference", "location"}:
                continue  # "37 feet smaller than", "a town some 25 miles from Baghdad"
            listed_x = _listed(x, own_a)
            partners = [y for y, rate_y, shared_y, role_y, listed_y in zip(qb, rates_b, both_b, roles_b, listed_b)
                        if (self._aligned(x, y, sim, single) or _one_distance(x, a, y, b)
                            or sim >= self.event and self._one_move(x, a, y, b, sim, single))
                        and rate_x == rate_y and (single or not shared_y)
                        and not _other_measures(x, a, y, b) and not _other_terms(x, terms_a, y, terms_b)
                        and _roles_meet(role_x, role_y) and not ((listed_x or listed_y)
                                                      and not (set(x.context) & set(y.context))
                                                      - {x.unit, y.unit} - _MEASURES)]
            if not partners:
                continue
            # a rise and a fall of one thing clash whatever their sizes
            clashing = [y for y in partners if not _overlap(x, y) or _move(x, a.text) * _move(y, b.text) < 0]
            if len(clashing) < len(partners):
                continue  # some number on the other side agrees with this one
            # the number on the other side that is itself unmatched on this side
            for y in clashing:
                if any(_overlap(y, x2) for x2 in qa if self._aligned(x2, y, sim, single)):
                    continue  # y agrees with another number on this side
                if _specific(x) and any(_units_match(x.unit, y2.unit) and round(x.value, 6) == round(y2.value, 6)
                                        for y2 in qb) or \
                        _specific(y) and any(_units_match(y.unit, x2.unit) and round(y.value, 6) == round(x2.value, 6)
                                             for x2 in qa):
                    continue  # "will cost $950" against "a $950 price ... could cost more than $10,000"
                if _other_periods(a, b):
                    # "contracts worth 46m crowns between 2017 and 2021" / "won contracts
                    # worth 112m crowns last year": figures of two periods
                    continue
                if sim < 0.75 and any(sx and _units_match(w.unit, x.unit) and abs(x.value + y.value - w.value) < 1e-9
                                      for w, sx in zip(qa, both_a)):
                    # "seven of the nine members voted for the move" / "two of the nine
                    # voted to keep the rate on hold": the two parts of one whole, said
                    # of two different things (the same thing said of both would read alike)
                    continue
                if _sums_to(x, qa, y) or _sums_to(y, qb, x):
                    continue  # "four counts of bribery and one of misconduct" / "five of the six counts"
                if _another_set(x, a.text) != _another_set(y, b.text):
                    # "Quenby's other 40 restaurants" / "all 11 of its restaurants in
                    # the province" (but "two other women" / "five other women" clash)
                    continue
                if _of_other_things(x, a.text, y, b.text):
                    continue  # "Apple Watch will cost $550" / "iPhone 6 costs Apple $216 to make"
                # none of a thing against some of it ("No homes have been lost" /
                # "Fourteen homes have been destroyed"; "No one was hurt" / "two workers")
                zero = (_is_none(x) or _is_none(y)) and _one_count_verb(x, y) \
                    and (_units_match(x.unit, y.unit) or _zero_covers(x, y) or _zero_covers(y, x))
                if (not _units_match(x.unit, y.unit) or x.unit not in _SAME_UNIT[0]) and not zero:
                    if _shared(a, b) < 2 and not _one_distance(x, a, y, b) and not x.unit == y.unit == "tally" \
                            and sim < 0.85 and not _one_dimension(x, y) \
                            and not (_units_match(x.unit, y.unit) and (_names_act(x, y.verb) or _names_act(y, x.verb))):
                        # (two votes are a vote's tallies, however few other words
                        # the claims share: "backed it by 31 votes to 24" / "29 in
                        # favour and 26 against"; and two claims worded nearly
                        # alike say one thing: "the excavation is expected to
                        # take about six weeks" / "would take at least four months";
                        # nor does one dimension of one thing: "about 8 metres
                        # deep" / "roughly 50 feet deep"; nor one act on one
                        # thing, once as a noun: "the evacuation of 40 homes" /
                        # "Fourteen homes were evacuated")
                        continue  # "50 miles from Ramadi" and "one mile from Baghdad"
                if sim < 0.6 and not (_anchored(a, b, x, y) or sim >= self.event and (_one_specific_act(x, y) or zero)):
                    # "33 people were killed in car bombings" / "790 people were killed in January";
                    # but "sentenced 14 protesters" / "31 protesters were sentenced" is one act, and
                    # "No homes have been lost" / "Fourteen homes have been destroyed" one count
                    continue
                gap = abs(x.value - y.value) / max(abs(x.value), abs(y.value), 1e-9)
                wx, wy = written[id(x)], written[id(y)]
                if _unit_words(wx) != _unit_words(wy) and x.unit in _BASE_UNITS:
                    unit = f" ({_unit_words(wx)} against {_unit_words(wy)}: {_plain(x.value)} against " \
                           f"{_plain(y.value)} {_BASE_UNITS[x.unit]})"
                elif wx.unit != wy.unit and x.unit == y.unit == "day":
                    # months against weeks, in days: "(about 42 against at least 112 days)"
                    unit = f" ({_fmt(attrs.evolve(x, text=_plain(x.value)))} against " \
                           f"{_fmt(attrs.evolve(y, text=_plain(y.value)))} days)"
                else:
                    unit = f" ({x.unit})" if x.unit and x.unit == y.unit else ""
                moves = (_move(x, a.text), _move(y, b.text))
                if all(moves):
                    unit += f", a {'rise' if moves[0] > 0 else 'fall'} against a {'rise' if moves[1] > 0 else 'fall'}"
                return Signal(
                    kind="numeric", strength=0.6 + 0.4 * min(1.0, gap),
                    reason=f"numbers disagree: \u201c{_fmt(wx)}\u201d vs \u201c{_fmt(wy)}\u201d" + unit,
                    # a length of time is not a running total, so it never "moves on"
                    evidence=(x.text, y.text),
                    values=None if _is_duration(x) or _is_duration(y) else (x.value, y.value),
                    aligned=bool(x.unit and y.unit and _units_match(x.unit, y.unit)),
                )
        return None

    def _place(self, a: Claim, b: Claim, sim: float) -> Signal | None:
        # a place is a name: the tagger's lower-case "places" ("went berserk") are not
        pa = tuple(p for p in a.frame.places if not p.islower())
        pb = tuple(p for p in b.frame.places if not p.islower())
        if not pa or not pb:
            return None
        la = {_place_key(p) for p in pa}
        lb = {_place_key(p) for p in pb}
        if any(_same_place(x, y) for x in la for y in lb):
            return None  # the same place written two ways
        if any(_mentions(b.text, x) for x in pa) or any(_mentions(a.text, y) for y in pb):
            return None  # "emulated the Ferguson gesture" / "protesters in Ferguson": both name it
        rest = _rest_ratio(a, b, list(pa), list(pb))
        if rest < 70 and not (rest >= 50 and any(_same_lead(a.text, x, b.text, y) for x in pa for y in pb)):
            return None  # the places belong to different statements
        if not any(_events_align(_event_of(a.text, x, len(pa) > 1), _event_of(b.text, y, len(pb) > 1))
                   for x in pa for y in pb):
            return None  # "housed in a prison in Corcoran" / "the murders in Los Angeles"
        if _other_subjects(a, b):
            return None  # "residents were evacuated from Brenholt" / "patients at the Kessing hospital were"
        return Signal(
            kind="place", strength=0.55 + 0.3 * (rest / 100.0),
            reason=f"places disagree: \u201c{', '.join(pa)}\u201d vs \u201c{', '.join(pb)}\u201d",
            evidence=(pa[0], pb[0]), aligned=rest >= 85,
        )

    def _date(self, a: Claim, b: Claim, sim: float) -> Signal | None:
        da = {d for d in a.frame.dates if len(d) == 10}
        db = {d for d in b.frame.dates if len(d) == 10}
        if da and db:
            # both pinned to calendar days (resolved against publication dates)
            ka, kb = da, db
        else:
            ka, kb = _time_keys(a.frame.time), _time_keys(b.frame.time)
        clock_a, clock_b = _clock_times(a.frame.time), _clock_times(b.frame.time)
        if clock_a and clock_b and _clocks_differ(a, b, clock_a, clock_b) and sim >= self.event \
                and _one_happening(a, b, named=True) \
                and not (ka and kb and not ka & kb):
            # "the fire broke out at 5:48 p.m." / "the blaze began at 6:15 p.m."
            ta = next(t for t in a.frame.time if _clock_times([t]))
            tb = next(t for t in b.frame.time if _clock_times([t]))
            return Signal(kind="date", strength=0.6, evidence=(ta, tb),
                          reason=f"they give different times for it: \u201c{ta}\u201d vs \u201c{tb}\u201d")
        if not ka or not kb or ka & kb or sim < 0.55:
            return None
        # each date with the event it dates: a clash is between two dates of
        # one event ("struck on Monday" / "struck on Tuesday"), not between
        # "shipping in April" and "a video message in November", nor with a
        # bound ("by April", "before September")
        # below similarity 0.7 two different acts are two events ("placed in lockdown on
        # Sunday" / "the lockdown was lifted on Monday"); above it, two words for one act
        # ("arrested on Monday" / "detained on Tuesday")
        pair = _date_clash(a.text, a.frame.time, b.text, b.frame.time, acts=sim < 0.7)
        if pair is None:
            return None
        if not (da and db) and pair == ("", ""):
            return None
        if (_MULTI_DAY.search(a.text) or _MULTI_DAY.search(b.text)) \
                and not (_START_OR_END.search(a.text) and _START_OR_END.search(b.text)):
            # "closed on Wednesday as a two-day stoppage" / "shut on Thursday,
            # the second day of the strike": two days of one span, unless
            # both say when it began or ended
            return None
        if _shared(a, b) < 2 or _rest_ratio(a, b, list(a.frame.time), list(b.frame.time)) < 60:
            return None  # dates of two different events
        if _other_subjects(a, b):
            return None  # "a turboprop landed at the airport on Monday" / "the airport reopened on Tuesday"
        if _before_and_after(a, b):
            return None  # "flew over the glacier on Wednesday" / "would review it on Friday after the next flight"
        if any(not _is_duration(q) for q in a.frame.quantities) and \
                any(not _is_duration(q) for q in b.frame.quantities):
            return None  # two counts at two times: a story moving on, not a date clash
        ta, tb = pair
        if not ta:
            ta = next(t for t in a.frame.time if _time_keys([t]))
            tb = next(t for t in b.frame.time if _time_keys([t]))
        return Signal(kind="date", strength=0.6,
                      reason=f"dates disagree: \u201c{ta}\u201d vs \u201c{tb}\u201d", evidence=(ta, tb))

    def _polarity(self, a: Claim, b: Claim, sim: float) -> Signal | None:
        if sim < self.event:
            return None
        if a.frame.negated == b.frame.negated:
            if sim < 0.55:
                return None
            # the same sentence with a negation added anywhere, even inside a
            # modifier ("the man who is not smiling"), is still a clash
            added = _inserted_negation(a.text, b.text)
            if added is None:
                return None
            cue, neg_is_a = added
            return _negation_signal(a, b, neg_is_a, cue, strength=0.8)
        neg, pos = (a, b) if a.frame.negated else (b, a)
        if _ceases(pos.text, set(neg.frame.lemmas)):
            return None  # "will stop delivering babies" / "no babies will be delivered": one claim
        if _other_patient(neg, pos):
            return None  # "We have not lost the satellite" / "Contact with the satellite was lost"
        cues = [c for c in neg.frame.cues
                if c.lower() in _NEG_WORDS or c.lower().rstrip("d") in _NEG_WORDS
                or c.lower() in {"no longer", "ruled out", "yet to"}
                or c.lower().startswith(("den", "decl", "refus", "reject", "fail"))]
        if not cues:
            return None
        # what the negation words negate, read from the text (the parse can
        # miss a negation inside one of two near-identical sentences):
        # a negation both claims carry ("cadets don't trust them" twice) is
        # no clash, nor one whose negated word the other claim never states
        # ("no passenger was ejected, but some were thrown" against "some
        # were thrown")
        heads = _negated_words(neg.text)
        if heads:
            theirs = _negated_words(pos.text)
            own = {h for h in heads if not _negated_in(h, theirs)}  # "yet to comment" / "have not commented"
            # "not a war against al-Nusra, but a war against Islam": the word
            # negated comes back after "but", so the negation is about its
            # modifier and the claim still says there is a war
            after_but = re.split(r"\bbut\b", neg.text.lower(), maxsplit=1)
            if len(after_but) == 2 and re.search(r"\b(?:not|no|never)\b|n't", after_but[0]):
                later = set(_WORD_RE.findall(after_but[1]))
                own = {h for h in own if h[-1] not in later}
            if not own:
                return None
            done = _not_yet_done(neg.text, pos.text)
            if done is not None:
                return Signal(
                    kind="polarity", strength=0.6,
                    reason=(f"one claim says it has not happened yet: \u201c{neg.text}\u201d (\u201cyet to\u201d) vs "
                            f"\u201c{pos.text}\u201d, the same subject (\u201c{done[0]}\u201d) and "
                            f"\u201c{done[1]}\u201d"),
                    evidence=("yet to", pos.text) if neg is a else (pos.text, "yet to"),
                )
            if not any(all(_states(pos.text, pos.frame.lemmas, w) for w in h) for h in own):
                return None
            if all(_only_wished(pos.text, h[-1]) for h in own):
                return None  # "he was advised to press charges" does not say he pressed them
            # a denial in its own words: the same subject does not do what the
            # other claim says it does ("Quill will not step down after the
            # merger" against "Marta Quill will step down once the takeover
            # is completed")
            denied = _denied_predicate(neg.text, pos.text)
            if denied is not None and denied[2] in own:
                same = (f"the same subject (\u201c{denied[0]}\u201d) and verb (\u201c{denied[1]}\u201d)"
                        if denied[0] else f"\u201c{' '.join(denied[2])}\u201d against \u201c{denied[1]}\u201d")
                return Signal(
                    kind="polarity", strength=0.6,
                    reason=(f"one claim denies the other: \u201c{neg.text}\u201d (\u201c{cues[0]}\u201d) vs "
                            f"\u201c{pos.text}\u201d, {same}"),
                    evidence=(cues[0], pos.text) if neg is a else (pos.text, cues[0]),
                )
        if sim < 0.55 and not (heads and any(_in_main_roles(pos, h[-1]) for h in own)):
            # (below that, only where the words negated are read and the other
            # claim states them as its action, its subject or its agent:
            # "pumping had not started" / "engineers began pumping water out of
            # the lake", at similarity 0.50; but not "no homes have been lost"
            # / "grants to households that had lost their homes")
            return None
        ln = {"begin" if x == "start" else x for x in neg.frame.lemmas}
        lp = {"begin" if x == "start" else x for x in pos.frame.lemmas}
        if not ln or not lp:
            return None
        cue_lemmas = {c.lower() for c in cues} | _DENIAL_LEMMAS | {"say", "fail"}
        if re.search(rf"\bno\s+(?:{'|'.join(sorted(_EVIDENTIAL))})\s+(?:of|that)\b", neg.text.lower()):
            cue_lemmas |= _EVIDENTIAL | {"show", "find", "see"}  # "showed no sign of cracking": the cracking is denied
        if re.search(r"\b(?:so|thus)\s+far\b", neg.text.lower()):
            cue_lemmas.add("far")  # "tests have so far ruled out salmonella": when, not what
        if any(c.lower() == "ruled out" for c in cues):
            cue_lemmas.add("rule")  # the cue "ruled out" is the lemma "rule"
        ln -= cue_lemmas
        if not ln:
            return None
        # (a verb and its gerund are one word: "pumping had not started" /
        # "began pumping")
        common = sum(1 for w in ln if w in lp or w.endswith("ing") and w[:-3] in lp)
        # the shorter claim must be (nearly) contained in the longer one; the
        # cue and reporting verbs are not part of what is denied ("he denied
        # that he met them" against "he met them in Paris on Monday").  This
        # is not made one-way (the negated claim inside the other): a denial
        # carries its story's context ("has not requested aid following the
        # quake in Orvan" against "has requested aid"), and the two conflict.
        containment = common / min(len(ln), len(lp))
        if (containment < 0.75 or common / max(len(ln), len(lp)) < 0.3) and not _restated(neg, pos, ln):
            # a denial in its own words ("Quill will not step down after the
            # merger" against "Marta Quill will step down once the takeover is
            # completed") is missed here: a looser rule found such pairs but
            # doubled the polarity flags on real news, most of them wrong
            return None
        return _negation_signal(a, b, neg is a, cues[0], strength=0.5 + 0.4 * containment)

    def _antonym(self, a: Claim, b: Claim, sim: float) -> Signal | None:
        if sim < 0.55 or _one_dated_by_year(a, b):
            return None  # "opened in 1961" / "will remain closed": the history, not the state now
        if _two_occasions(a, b):
            return None
        heading = _opposite_headings(a.text, b.text)
        if heading is not None:
            return Signal(kind="antonym", strength=0.55,
                          reason=f"opposite directions of one moving thing (\u201c{heading[2]}\u201d): "
                                 f"\u201c{heading[0]}\u201d vs \u201c{heading[1]}\u201d",
                          evidence=(heading[0], heading[1]))
        share = _share_clash(a, b)
        if share is not None:
            return Signal(kind="antonym", strength=0.5,
                          reason=f"shares of one group that cannot both be true: "
                                 f"\u201c{share[0]}\u201d vs \u201c{share[1]}\u201d", evidence=share)
        fate = _fate_clash(a, b)
        if fate is not None:
            return Signal(kind="antonym", strength=0.55,
                          reason=f"{_FATE_REASON}: "
                                 f"\u201c{fate[0]}\u201d vs \u201c{fate[1]}\u201d", evidence=fate)
        supply = _supply_clash(a, b)
        if supply is not None:
            return Signal(kind="antonym", strength=0.55,
                          reason=f"one says there is enough, the other too little: "
                                 f"\u201c{supply[0]}\u201d vs \u201c{supply[1]}\u201d", evidence=supply)
        found = _opposite_words(a, b, indirect=self.use_indirect_antonyms)
        if found is None:
            return None
        x, y, kind = found
        return Signal(kind="antonym", strength=0.55 if kind == "direct" else 0.4,
                      reason=f"opposite words: \u201c{x}\u201d vs \u201c{y}\u201d", evidence=(x, y))

    def _opposed(self, a: Claim, b: Claim, sim: float) -> Signal | None:
        """Opposite actions of one subject, from the project's opposition list
        ("the dyke held" / "the dyke gave way", "the headquarters will remain"
        / "it would move the head office"); see :func:`_opposed_actions`."""
        if sim < self.event:
            return None
        if _one_dated_by_year(a, b) or _two_occasions(a, b):
            return None
        if a.frame.negated != b.frame.negated:
            return None  # "denied that leakage had increased" / "leakage had fallen" agree
        found = _opposed_actions(a.text, b.text)
        if found is None:
            return None
        x, y, who = found
        if _undone_later(x, y) and not _time_keys(a.frame.time) & _time_keys(b.frame.time):
            return None  # "police closed Calder Street" / "Calder Street reopened on Friday": in turn
        return Signal(kind="antonym", strength=0.55,
                      reason=f"opposite actions of the same subject (\u201c{who}\u201d): "
                             f"\u201c{x}\u201d vs \u201c{y}\u201d",
                      evidence=(x, y))

    def _rank(self, a: Claim, b: Claim, sim: float) -> Signal | None:
        """One thing given two ranks on one scale ("the largest silver hoard"
        / "the second-largest silver hoard"); see :func:`_rank_clash`."""
        if sim < 0.55 or a.frame.negated != b.frame.negated or _two_occasions(a, b):
            return None
        found = _rank_clash(a, b)
        if found is None:
            return None
        return Signal(kind="numeric", strength=0.5, evidence=found,
                      reason=f"two ranks for one thing: \u201c{found[0]}\u201d vs \u201c{found[1]}\u201d")

    def _swap(self, a: Claim, b: Claim, sim: float) -> Signal | None:
        """The same sentence with one word swapped for an exclusive alternative."""
        if sim < self.related:
            return None
        sub = _substitution(a.text, b.text)
        if sub is None:
            return None
        x, y, rel = sub
        if any(_is_duration(q) and q.text.lower() in x.lower() for q in a.frame.quantities) \
                and any(_is_duration(q) and q.text.lower() in y.lower() for q in b.frame.quantities):
            return None  # lengths of time are the numeric signal's, in one unit: "four weeks" / "a month"
        if rel == "unknown":
            # two different names of one kind: "Greek" vs "Palestinian", "Askeli" vs "Tarvos"
            la = {e.label for e in a.frame.entities if x.lower() in e.text.lower() or e.text.lower() in x.lower()}
            lb = {e.label for e in b.frame.entities if y.lower() in e.text.lower() or e.text.lower() in y.lower()}
            if la & lb & {"NORP", "GPE", "LOC", "PERSON", "ORG", "FAC"}:
                rel = "cohyponym"
        if rel not in {"antonym", "cohyponym", "ordinal"}:
            return None
        if rel == "antonym" and (" " in x or " " in y) and _converse(x, y):
            return None  # "helps customers buy" vs "sells": the other side of the sale, not its opposite
        if rel == "ordinal":
            kind, what = "numeric", "different ordinals"
        elif rel == "antonym":
            kind, what = "antonym", "opposite words"
        elif any(x.lower() in p.lower() for p in a.frame.places) or any(y.lower() in p.lower() for p in b.frame.places):
            kind, what = "place", "different places of the same kind"
        elif any(x.lower() in e.text.lower() for e in a.frame.entities):
            kind, what = "entity", "different names of the same kind"
        else:
            kind, what = "other", "two alternatives that exclude each other"
        return Signal(kind=kind, strength=0.6 if rel == "antonym" else 0.5,
                      reason=f"{what}: \u201c{x}\u201d vs \u201c{y}\u201d in otherwise the same claim",
                      evidence=(x, y), aligned=True, swap=True)

    def _more_than_all(self, a: Claim, b: Claim, sim: float) -> Signal | None:
        """More of a kind than there were in all: "carrying 58 passengers" /
        "had 50 people on board".  The part's noun is a kind of the whole's
        (WordNet), the part's least value is above the whole's most, both
        are plain counts of one scene (two verbs of holding: carry, have, be
        on board; or, for people, verbs that count one thing and an anchor,
        :func:`_anchored`), and the claims are about one thing
        (:func:`_other_subjects`)."""
        if sim < 0.55 or _other_subjects(a, b):
            return None
        for part, whole, cp, cw in ((a, b, a.frame.quantities, b.frame.quantities),
                                    (b, a, b.frame.quantities, a.frame.quantities)):
            for x in cp:
                if x.bound not in {"exact", "at_least"} or not x.unit.isalpha() or _is_rate(x, part.text) \
                        or _role(x, part.text):
                    continue
                for y in cw:
                    if y.bound not in {"exact", "at_most"} or not y.unit.isalpha() or _is_rate(y, whole.text) \
                            or _role(y, whole.text) or relation(x.unit, y.unit) != "hypernym":
                        continue
                    holding = {x.verb, y.verb} <= _HOLDING_VERBS
                    people = not noun_thing(x.unit) and (y.unit in _SAME_UNIT[0] or not noun_thing(y.unit))
                    if not (holding or people and _one_count_verb(x, y) and _anchored(part, whole, x, y)):
                        continue
                    if _interval(x)[0] > _interval(y)[1]:
                        ex, ey = (x.text, y.text) if part is a else (y.text, x.text)
                        return Signal(kind="numeric", strength=0.6, evidence=(ex, ey),
                                      reason=f"more {x.unit}s than there were {y.unit} in all: "
                                             f"\u201c{x.text}\u201d vs \u201c{y.text}\u201d")
        return None

    def _doers(self, a: Claim, b: Claim, sim: float) -> Signal | None:
        """Two different named doers of an action only one can do to the same
        thing ("a group calling itself Graywater claimed responsibility" / "the
        cyberattack was claimed by a gang known as Nightjar"; "the track is
        maintained by Norrow Infrastructure" / "by Kestral Rail's own
        engineering division"): see :data:`_ONE_DOER`."""
        fa, fb = a.frame, b.frame
        if sim < self.related or not (fa.agent and fb.agent) or fa.negated or fb.negated:
            return None
        if fa.action != fb.action or fa.action not in _ONE_DOER:
            return None
        if not _same_patient(fa.patient, fb.patient):
            return None
        if _two_occasions(a, b):
            return None  # "won Saturday's jackpot" / "the biggest jackpot was won in 2023": two draws
        if entity_key(fa.agent, "ORG") == entity_key(fb.agent, "ORG") \
                or set(fa.agent.lower().split()) & set(fb.agent.lower().split()) \
                or _named_in(fa.agent, b.text) or _named_in(fb.agent, a.text):
            return None  # one doer named twice, or both named on one side
        return Signal(kind="entity", strength=0.5, aligned=True, evidence=(fa.agent, fb.agent),
                      reason=f"different doers of the same action (\u201c{fa.action}\u201d): "
                             f"\u201c{fa.agent}\u201d vs \u201c{fb.agent}\u201d")

    def _likelihood(self, a: Claim, b: Claim, sim: float) -> Signal | None:
        la, lb = a.frame.likelihood, b.frame.likelihood
        if la is None or lb is None:
            return None
        hi, lo = (a, b) if la >= lb else (b, a)
        assert hi.frame.likelihood is not None and lo.frame.likelihood is not None
        if hi.frame.likelihood < 0.7 or lo.frame.likelihood > 0.3:
            return None
        cue_hi = _cue_for(hi)
        cue_lo = _cue_for(lo)
        if not _same_hedged(hi.text, cue_hi, lo.text, cue_lo):
            return None  # hedges about two different things
        if cue_hi.lower() == cue_lo.lower():
            return None  # "certainly not X" / "certainly possible": the negation, not the hedge, differs
        gap = hi.frame.likelihood - lo.frame.likelihood
        return Signal(
            kind="likelihood", strength=0.3 + 0.5 * gap,
            reason=(f"they disagree on how likely or how soon it is: "
                    f"\u201c{cue_hi}\u201d ({hi.voice}) vs \u201c{cue_lo}\u201d ({lo.voice})"),
            evidence=(cue_hi, cue_lo) if hi is a else (cue_lo, cue_hi),
        )

    def _instead(self, a: Claim, b: Claim, sim: float) -> Signal | None:
        """One claim sets aside what the other says happens, for something
        else: "offered vouchers instead of refunds" / "will receive full
        refunds"; "cancelled rather than postponed" / "has been postponed".
        The word set aside must be the other claim's action, subject or
        agent, or one of its nouns; the two claims must have one subject;
        and neither may be negated ("will not receive refunds" agrees)."""
        if sim < self.event or a.frame.negated or b.frame.negated:
            return None
        for x, y in ((a, b), (b, a)):
            if not (x.frame.subject and y.frame.subject and _same_subject(x.frame.subject, y.frame.subject)):
                continue
            theirs = [w for _, w in _passed_over(y.text)]
            for phrase, word in _passed_over(x.text):
                if any(_same_stem(word, w) for w in theirs) or _in_main_roles(x, word):
                    continue
                if not (_in_main_roles(y, word) or any(word.startswith(n) and len(n) >= 4 for n in y.frame.nouns)):
                    continue
                return Signal(
                    kind="polarity", strength=0.6,
                    reason=(f"one claim says it is something else instead: \u201c{x.text}\u201d "
                            f"(\u201c{phrase}\u201d) vs \u201c{y.text}\u201d"),
                    evidence=(phrase, y.text) if x is a else (y.text, phrase),
                )
        return None


# Verbs that give how many a vehicle or a place held: "carrying 58
# passengers", "had 50 people on board".
_HOLDING_VERBS = frozenset({"carry", "have", "be", "hold", "transport", "board"})
# Verbs that say what a thing holds, serves, takes in or runs, not something
# done to what is counted: "carries 38,000 vehicles a day", "covers 25,000
# cars", "operates a fleet of 60 coaches".
_CAPACITY_VERBS = _HOLDING_VERBS | {"contain", "include", "involve", "belong", "use", "house", "serve", "affect",
                                    "cover", "comprise", "number", "concern", "handle", "consist", "operate",
                                    "run", "own"}
# Actions one doer does to a thing: two different named doers of one of
# these, done to the same thing, cannot both be right ("claimed" an attack,
# "maintains" a track, "flew" a plane).  Verbs that many can do together
# (develop, lead, attack, say) are not here.
_ONE_DOER = frozenset({"claim", "maintain", "operate", "own", "fly", "pilot", "win", "perpetrate", "carry out",
                       "orchestrate", "mastermind", "manufacture", "build"})
# Objects that stand for the act itself: "claimed responsibility" claims the attack.
_THE_ACT = frozenset({"responsibility", "credit"})


def _same_patient(x: Sequence[str], y: Sequence[str]) -> bool:
    """Whether two actions are done to the same thing: their objects share a
    content lemma, or one object is the act itself ("claimed responsibility"
    / "the cyberattack was claimed").

    >>> _same_patient(("section", "track"), ("track",)), _same_patient(("responsibility",), ("cyberattack",))
    (True, True)
    >>> _same_patient(("bridge",), ("track",))
    False
    >>> _same_patient(("bombing", "responsibility"), ("attack", "responsibility"))
    False
    """
    rest_x, rest_y = set(x) - _THE_ACT, set(y) - _THE_ACT
    if (rest_x != set(x) or rest_y != set(y)) and not (rest_x and rest_y):
        return bool(x) and bool(y)  # "claimed responsibility" and the act it claims
    return any(_same_stem(u, v) for u in rest_x for v in rest_y)


_WORD_RE = re.compile(r"[\w'’-]+")
_SAME_MEANING = {"synonym", "hypernym", "hyponym"}
_FUNCTION = {"a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their"}
_PARTICLES = {"to", "from", "away", "of", "by", "with", "off", "out", "up", "down"}


# Verbs of a level moving up or down: opposite moves reported on different
# days are two moves, not a conflict.
_MOVES = frozenset({
    "rise", "fall", "climb", "drop", "decline", "slip", "sink", "plunge", "tumble", "slump", "gain", "increase",
    "decrease", "grow", "shrink", "jump", "surge", "soar", "slide", "dip", "ease", "accelerate", "decelerate",
    "slow", "rally", "rebound", "recover", "advance", "retreat", "strengthen", "weaken", "widen", "narrow",
    "firm", "soften", "lose",
})


def _moves_on_later_day(a: Claim, b: Claim, signal: Signal) -> bool:
    """Whether an antonym ``signal`` is two moves of a level ("the crown
    rose" / "the crown slipped") told by reports of different days that name
    no common day: the later report tells a later move.

    >>> import datetime as dt
    >>> a = Claim(id="a", article="a", source="A", speaker=None, text="The crown rose", start=0, end=14,
    ...           published=dt.date(2026, 6, 17))
    >>> b = attrs.evolve(a, id="b", text="The crown slipped", published=dt.date(2026, 6, 18))
    >>> s = Signal(kind="antonym", strength=0.55, reason="", evidence=("rose", "slipped"))
    >>> _moves_on_later_day(a, b, s), _moves_on_later_day(a, attrs.evolve(b, published=a.published), s)
    (True, False)
    """
    if a.published is None or b.published is None or a.published == b.published:
        return False
    ka, kb = _time_keys(a.frame.time), _time_keys(b.frame.time)
    if ka & kb:
        return False  # "rose on Wednesday" / "fell on Wednesday": one day, two accounts
    return all(w.strip() and any(w.split()[-1].lower() in _verb_forms(m) for m in _MOVES) for w in signal.evidence)


def _as_parts(x: str, a: Claim, y: str, b: Claim) -> bool:
    """Whether ``x`` (in ``a``) and ``y`` (in ``b``) can be the antonyms
    they are: a word the parser tagged as a noun or an adjective is not one
    half of a pair that WordNet opposes only in another part of speech ("the
    highest level" / "raised rates": "level" and "raise" are opposite verbs;
    "too close to the industry" / "opened an investigation": "close" and
    "open" are opposite verbs), unless the adjective opposes the other
    verb's participle ("remained open" / "closed": "open" / "closed").

    >>> from claimcheck._types import Frame
    >>> a = Claim(id="a", article="a", source="A", speaker=None, text="the highest level", start=0, end=17,
    ...           frame=Frame(lemmas=("high", "level"), nouns=("level",)))
    >>> b = attrs.evolve(a, id="b", text="it raised rates", frame=Frame(lemmas=("raise", "rate"), nouns=("rate",)))
    >>> _as_parts("level", a, "raise", b), _as_parts("level", attrs.evolve(a, frame=Frame()), "raise", b)
    (False, True)
    """
    parts = antonym_parts(x, y)

    def fits(word: str, frame: Frame, other: str) -> bool:
        tagged = "n" if word in frame.nouns else "a" if word in frame.adjectives else ""
        if not tagged or tagged in parts:
            return True
        # "remained open" / "closed": the adjective opposes the other verb's
        # participle ("open" / "closed"), so it is that verb's state
        participle = other + ("d" if other.endswith("e") else "ed")
        return tagged == "a" and "a" in antonym_parts(word, participle)

    return fits(x, a.frame, y) and fits(y, b.frame, x)


@functools.lru_cache(maxsize=16384)
def _words(text: str) -> tuple[list[str], list[str], Counter[str]]:
    """A text's words, lower-cased words and content-word counts (cached; never mutated)."""
    # one apostrophe: "Morin’s" and "Morin's" are the same word
    words = _WORD_RE.findall(text.replace("\u2019", "'"))
    lowered = [w.lower() for w in words]
    return words, lowered, Counter(w for w in lowered if w not in _FUNCTION)


# Prepositions that give a swapped noun a phrase of its own ("the structures for damage").
_PHRASE_PREPOSITIONS = frozenset({"for", "of", "with", "about", "against", "by"})


_INSTEAD_RE = re.compile(r"\b(instead\s+of|rather\s+than)\s+([^.;:,!?()]*)", re.IGNORECASE)
# words that end the phrase set aside: "instead of refunds for the show"
_PHRASE_END = frozenset({"for", "of", "with", "about", "against", "by", "to", "at", "in", "on", "from", "after",
                         "before", "until", "during", "because", "and", "or", "but", "as", "so", "which", "that",
                         "who", "when", "while", "if", "since", "than"})


def _passed_over(text: str) -> list[tuple[str, str]]:
    """``(phrase, head word)`` for each thing a text sets aside for another,
    after "instead of" or "rather than": the phrase as written and its last
    word before a preposition or a conjunction.

    >>> _passed_over("Holders will be offered vouchers for a later date instead of full refunds for the show")
    [('instead of full refunds', 'refunds')]
    >>> _passed_over("The tour has been cancelled outright rather than postponed"), _passed_over("It was late")
    ([('rather than postponed', 'postponed')], [])
    """
    out: list[tuple[str, str]] = []
    for m in _INSTEAD_RE.finditer(text):
        words: list[str] = []
        for w in _WORD_RE.findall(m.group(2))[:5]:
            if w.lower() in _PHRASE_END:
                break
            words.append(w)
        if words and words[-1].lower() not in _FUNCTION:
            out.append((f"{m.group(1)} {' '.join(words)}", words[-1].lower()))
    return out


@functools.lru_cache(maxsize=4096)
def _substitution(a: str, b: str) -> tuple[str, str, str] | None:
    """``(x, y, relation)`` when ``b`` is ``a`` with one short phrase swapped.

    The rest of the two texts must be identical (articles aside) and hold at
    least three words; numbers are left to the numeric signal.  Cached: the
    judge asks for the same pair twice.

    >>> _substitution("The summit is in Geneva", "The summit is in Riyadh")[:2]
    ('Geneva', 'Riyadh')
    >>> _substitution("The summit is in Geneva", "Talks on the venue went on all night") is None
    True
    """
    wa, la, count_a = _words(a)
    wb, lb, count_b = _words(b)
    # cheap necessary condition before the alignment: one swapped phrase of up
    # to three words leaves at most three content words on either side unmatched
    if sum((count_a - count_b).values()) > 3 or sum((count_b - count_a).values()) > 3:
        return None
    ops = [op for op in difflib.SequenceMatcher(None, la, lb, autojunk=False).get_opcodes() if op[0] != "equal"]
    # ignore a changed article ("a" -> "an")
    ops = [op for op in ops if not (set(la[op[1]:op[2]]) | set(lb[op[3]:op[4]])) <= _FUNCTION]
    if len(ops) != 1 or ops[0][0] != "replace":
        return None
    _, i1, i2, j1, j2 = ops[0]
    if i2 - i1 > 3 or j2 - j1 > 3 or len(la) - (i2 - i1) < 3:
        return None
    xs = [w for w in la[i1:i2] if w not in _FUNCTION]
    ys = [w for w in lb[j1:j2] if w not in _FUNCTION]
    if not xs or not ys or any(w.replace(".", "").replace(",", "").isdigit() for w in xs + ys):
        return None
    x, y = " ".join(wa[i1:i2]), " ".join(wb[j1:j2])
    oa, ob = _ordinal(" ".join(xs)), _ordinal(" ".join(ys))
    if oa is not None and ob is not None:
        return (x, y, "ordinal") if oa != ob else None
    rel = relation(" ".join(xs), " ".join(ys))
    if rel is None and (len(xs) > 1 or len(ys) > 1):
        # "near" vs "far from": compare the content words pairwise
        ca = [w for w in xs if w not in _PARTICLES] or xs
        cb = [w for w in ys if w not in _PARTICLES] or ys
        rels = {relation(u, v) for u in ca for v in cb}
        if set(la[i1:i2]) & _PHRASE_PREPOSITIONS or set(lb[j1:j2]) & _PHRASE_PREPOSITIONS:
            # "the structures for damage" / "the network": a kind of thing with
            # a phrase of its own is another thing, not an alternative of one
            # kind ("a garage" / "a common room" is); opposites still clash
            # ("near" / "far from")
            rels.discard("cohyponym")
        for r in ("antonym", "synonym", "cohyponym"):
            if r in rels:
                rel = r
                break
    return x, y, rel or "unknown"


_NEGATORS = {"not", "n't", "no", "never"}

#: Converse verbs: one event seen from its two sides ("X sold it to Y", "Y
#: bought it from X").  They clash only with the same participants, so only
#: in otherwise identical claims.
_CONVERSES = frozenset(frozenset(p) for p in (
    ("buy", "sell"), ("purchase", "sell"), ("give", "take"), ("give", "receive"), ("lend", "borrow"),
    ("send", "receive"), ("import", "export"), ("teach", "learn"), ("win", "lose"),
    # the two parties of one relation: "13,000 employees" / "a large employer"
    ("employer", "employee"), ("buyer", "seller"), ("lender", "borrower"), ("creditor", "debtor"),
    ("landlord", "tenant"),
))


def _one_word_swap(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one word swapped for another."""
    sub = _substitution(a, b)
    return sub is not None and " " not in sub[0] and " " not in sub[1]


def _converse(x: str, y: str) -> bool:
    """Whether a word of ``x`` and a word of ``y`` are converse verbs.

    >>> _converse("helps customers buy", "sells"), _converse("rose", "fell")
    (True, False)
    """
    fx = {f for w in x.lower().split() for f in base_forms(w)}
    fy = {f for w in y.lower().split() for f in base_forms(w)}
    return any(frozenset((u, v)) in _CONVERSES for u in fx for v in fy)


_DENIAL_LEMMAS = frozenset({"deny", "decline", "refuse", "reject", "dismiss"})


_CEASE_RE = re.compile(r"\b(?:stop|stops|stopped|stopping|cease|ceases|ceased|ceasing|quit|quits|halt|halts|"
                       r"halted|end|ends|ended)\s+(\w+ing)\b", re.IGNORECASE)


def _ceases(text: str, lemmas: set[str]) -> bool:
    """Whether ``text`` says something stops being done that ``lemmas`` (the
    other claim's) name: "will stop delivering babies" says what "no babies
    will be delivered" says.

    >>> _ceases("The hospital will stop delivering babies", {"baby", "deliver"}), _ceases("It delivers", {"deliver"})
    (True, False)
    """
    return any(m.group(1).lower() in _verb_forms(w) for m in _CEASE_RE.finditer(text) for w in lemmas)


_ENOUGH_WORDS = r"enough|sufficient|adequate|ample"
# "enough midwives", "plenty of beds"; "not enough", "no longer ... enough", "without enough" say there are too few
_ENOUGH_RE = re.compile(rf"\b(?:(?P<neg>not|n't|no longer|never|without|nor)\b(?:\s+[\w'-]+){{0,3}}?\s+)?"
                        rf"(?P<cue>(?:{_ENOUGH_WORDS})(?:ly)?|plenty\s+of)\s+(?!to\b|for\b)(?P<thing>(?:[\w'-]+\s+){{0,2}}[\w'-]+)",
                        re.IGNORECASE)
_SHORT_RE = re.compile(r"\b(?P<cue>(?:shortages?|lack|shortfall|dearth|scarcity)\s+of|lack(?:s|ed|ing)?|"
                       r"short\s+of|insufficient|inadequate|too\s+few|scarce)\s+"
                       r"(?P<thing>(?:[\w'-]+\s+){0,2}[\w'-]+)", re.IGNORECASE)
_THING_SKIP = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "of", "to", "for", "in", "at", "on",
                         "qualified", "trained", "skilled", "experienced", "new", "more", "enough", "people"})
_THING_END = frozenset({"to", "for", "in", "at", "on", "from", "by", "with", "and", "or", "that", "which", "who",
                        "as", "after", "before", "since", "because", "but", "than"})


@functools.lru_cache(maxsize=16384)
def _sufficiency(text: str) -> tuple[str, frozenset[str], str, bool] | None:
    """What ``text`` says of having enough of something: ``(value, thing
    words, quoted span, by negation)``, ``value`` being "enough" or "short".
    "Does not have enough midwives" is "short" by negation; "a shortage of
    midwives" is "short" in so many words.  ``None`` when it says neither.

    >>> _sufficiency("the hospital no longer has enough midwives to staff the unit")[0::2]
    ('short', 'no longer has enough midwives')
    >>> _sufficiency("citing a shortage of midwives")[:2]
    ('short', frozenset({'midwives'}))
    >>> _sufficiency("The hospital has enough beds")[0], _sufficiency("The beds are enough") is None
    ('enough', True)
    """
    for rx in (_ENOUGH_RE, _SHORT_RE):
        m = rx.search(text)
        if m is None:
            continue
        words = m.group("thing").split()
        kept = 0
        while kept < len(words) and (kept == 0 or words[kept].lower() not in _THING_END):
            kept += 1  # "enough midwives to staff the unit": the thing ends before "to"
        thing = frozenset(w.lower() for w in words[:kept] if w.lower() not in _THING_SKIP)
        if not thing:
            continue
        negated = rx is _ENOUGH_RE and m.group("neg") is not None
        value = "short" if rx is _SHORT_RE or negated else "enough"
        span = text[m.start():m.start("thing")] + " ".join(words[:kept])
        return value, thing, span, negated
    return None


def _same_supply(x: tuple[str, frozenset[str], str, bool], y: tuple[str, frozenset[str], str, bool]) -> bool:
    """Whether two readings of :func:`_sufficiency` are about one thing ("midwives" / "midwifery staff")."""
    return any(_same_stem(u, v) for u in x[1] for v in y[1])


def _supply_clash(a: Claim, b: Claim) -> tuple[str, str] | None:
    """The two spans when one claim says there is enough of a thing and the
    other that there is too little of it ("has enough beds" / "a shortage
    of beds").

    >>> from claimcheck import Claim
    >>> def c(t): return Claim(id=t, article="x", source="X", speaker=None, text=t, start=0, end=len(t))
    >>> _supply_clash(c("The ward has enough beds"), c("The ward reported a shortage of beds"))
    ('enough beds', 'shortage of beds')
    >>> _supply_clash(c("The ward does not have enough beds"), c("a shortage of beds")) is None
    True
    """
    x, y = _sufficiency(a.text), _sufficiency(b.text)
    if x is None or y is None or x[0] == y[0] or not _same_supply(x, y):
        return None
    return x[2], y[2]


# How large a share of a group a quantifier gives ("most of the passengers",
# "few residents"): "most" and "few" said of the same thing cannot both be
# true.  Not "the most votes" (a superlative), "a few" or "quite a few"
# (some), nor "the past few days" (a time).
_PLURAL = r"(?:people|men|women|children|staff|police|(?![a-z]*(?:ous|ss|ly)\b)[a-z]+s)\b"
_SHARE_RE = re.compile(
    rf"\b(?:(?P<most>(?<!\bthe\s)(?<!\ba\s)most(?=\s+(?:of\b|{_PLURAL}))|"
    r"(?:almost|nearly|virtually)\s+all\b|the\s+(?:vast\s+|great\s+|overwhelming\s+)?majority\s+of)|"
    rf"(?P<many>(?<!\bhow\s)(?<!\bso\s)(?<!\bas\s)(?<!\btoo\s)many(?=\s+(?:of\b|{_PLURAL})))|"
    r"(?P<few>(?<!\ba\s)(?<!\bthe\s)(?<!\bpast\s)(?<!\bnext\s)(?<!\blast\s)(?<!\bfirst\s)"
    rf"(?<!\bevery\s)few(?=\s+(?:of\b|if\b|{_PLURAL}))|hardly\s+any|almost\s+(?:no|none)\b)|"
    r"(?P<minority>a\s+(?:small\s+)?minority\s+of|only\s+a\s+handful\s+of))\b", re.IGNORECASE)
# Pairs of shares that cannot both be true of one group ("many" can be a minority)
_SHARES_APART = frozenset({frozenset({"most", "few"}), frozenset({"most", "minority"}),
                           frozenset({"many", "few"})})


def _shares(text: str) -> list[tuple[str, str]]:
    """The quantifiers of a share in ``text``, as ``(span, level)``; level is
    "most", "many", "few" or "minority".

    >>> _shares("Most of those on board were wearing seatbelts")
    [('Most', 'most')]
    >>> _shares("few of the passengers wore belts"), _shares("the most famous hoard"), _shares("a few people")
    ([('few', 'few')], [], [])
    >>> _shares("in the past few days"), _shares("the majority of voters"), _shares("hardly any residents")
    ([], [('the majority of', 'most')], [('hardly any', 'few')])
    """
    return [(m.group(0), next(k for k, v in m.groupdict().items() if v)) for m in _SHARE_RE.finditer(text)]


def _share_clash(a: Claim, b: Claim) -> tuple[str, str] | None:
    """The two quantifiers when the claims give shares of one group that
    cannot both be true ("Most of those on board were wearing seatbelts" /
    "few of the passengers had been wearing seatbelts"): each claim has one
    quantifier of a share, the pair is in :data:`_SHARES_APART`, both say it
    of the same act (one main verb), with the same polarity, and the rest of
    their content words overlap by half or more.

    >>> from claimcheck import Claim
    >>> from claimcheck._types import Frame
    >>> def c(t, lemmas):
    ...     return Claim(id=t, article="x", source="X", speaker=None, text=t, start=0, end=len(t),
    ...                  frame=Frame(lemmas=lemmas, action="wear"))
    >>> _share_clash(c("Most of those on board wore belts", ("board", "wear", "belt")),
    ...              c("Few of the passengers wore belts", ("passenger", "wear", "belt")))
    ('Most', 'Few')
    >>> _share_clash(c("Most of those on board wore belts", ("board", "wear", "belt")),
    ...              c("Many of the passengers wore belts", ("passenger", "wear", "belt"))) is None
    True
    """
    fa, fb = a.frame, b.frame
    if not fa.action or fa.action != fb.action or fa.negated != fb.negated:
        return None
    sa, sb = _shares(a.text), _shares(b.text)
    if len(sa) != 1 or len(sb) != 1 or frozenset((sa[0][1], sb[0][1])) not in _SHARES_APART:
        return None
    la, lb = set(fa.lemmas), set(fb.lemmas)
    if not la or not lb or len(la & lb) / min(len(la), len(lb)) < 0.5:
        return None
    return sa[0][0], sb[0][0]


# Superlatives that rank a thing among its kind, keyed so that two words
# for one scale meet ("largest" / "biggest").
_SUPERLATIVES = {"largest": "big", "biggest": "big", "greatest": "big", "smallest": "small", "highest": "high",
                 "lowest": "low", "longest": "long", "shortest": "short", "oldest": "old", "youngest": "young",
                 "deadliest": "deadly", "worst": "bad", "best": "good", "busiest": "busy", "richest": "rich",
                 "wealthiest": "rich", "poorest": "poor", "tallest": "tall", "heaviest": "heavy",
                 "fastest": "fast", "slowest": "slow", "strongest": "strong", "weakest": "weak", "deepest": "deep",
                 "hottest": "hot", "coldest": "cold", "wettest": "wet", "driest": "dry", "costliest": "costly"}
# "the largest silver hoard", "the province's second-largest hoard"; not "one
# of the largest" or "among the biggest", which give no rank
_RANK_RE = re.compile(r"(?:(?<!\bof\s)(?<!\bamong\s)\bthe|['\u2019]s)\s+(?:(?P<nth>[a-z0-9]+)[\s-]+)?"
                      rf"(?P<sup>{'|'.join(_SUPERLATIVES)})\s+(?P<rest>(?:[a-z'-]+\s+){{0,7}}[a-z'-]+)",
                      re.IGNORECASE)
# A rank counted from another's: "the highest ... after Italy", "behind Oslo"
_COUNTED_FROM = re.compile(r"\b(?:after|behind|next\s+to|only\s+to)\b", re.IGNORECASE)
# Words that set the field a rank is taken in: "the worst in decades" may be
# "the second-worst ever"
_RANK_SCOPE = frozenset({"since", "decade", "decades", "year", "years", "century", "season", "month", "week",
                         "modern", "recent", "history"})


class _Rank(NamedTuple):
    """One superlative rank in a text, as :func:`_ranks` reads it."""

    span: str  # "the second-largest"
    scale: str  # "big"
    rank: int  # 2
    nouns: frozenset[str]  # words of four letters or more among the three after it: the ranked noun
    field: frozenset[str]  # words that set the field it is taken in (:data:`_RANK_SCOPE`)
    where: frozenset[str]  # the places after "in" ("in Europe", "in the province")
    counted: bool  # counted from another's rank (:func:`_counted_from`)
    names: frozenset[str]  # the names before it (:func:`_names_before`)


@functools.lru_cache(maxsize=16384)
def _ranks(text: str) -> tuple[_Rank, ...]:
    """The superlative ranks in ``text``, rank 1 unless an ordinal comes first.

    >>> [r[:3] for r in _ranks("the second-largest silver hoard recorded in the province")]
    [('the second-largest', 'big', 2)]
    >>> [r[:3] for r in _ranks("It was the biggest hoard")], _ranks("one of the largest hoards")
    ([('the biggest', 'big', 1)], ())
    >>> sorted(_ranks("Nordbank is the largest bank in the country")[0].where)
    ['country']
    """
    out = []
    for m in _RANK_RE.finditer(text):
        sup, nth = m.group("sup").lower(), m.group("nth")
        rank = _ordinal(nth) if nth else 1
        if rank is None:
            rank = 1  # "the single largest", "the world's largest"
        after = m.group("rest").lower().split()
        span = text[m.start():m.end("sup")]
        where = {after[k + 1] for k, w in enumerate(after[:-1]) if w == "in"} - _FUNCTION
        where |= {after[k + 2] for k, w in enumerate(after[:-2]) if w == "in" and after[k + 1] in _FUNCTION}
        out.append(_Rank(span, _SUPERLATIVES[sup], rank, frozenset(w for w in after[:3] if len(w) > 3),
                         frozenset(after) & _RANK_SCOPE, frozenset(where), _counted_from(text, span),
                         frozenset(_names_before(text, span))))
    return tuple(out)


def _counted_from(text: str, span: str) -> bool:
    """Whether the rank at ``span`` is counted from another's in the same
    clause ("Europe's highest debt as a share of output after Italy").

    >>> _counted_from("Europe's highest debt as a share of output after Italy", "'s highest")
    True
    >>> _counted_from("the highest debt, after years of cuts", "the highest")
    False
    """
    at = text.find(span)
    clause = re.split(r"[,;:]|\.\s", text[at + len(span):], maxsplit=1)[0] if at >= 0 else ""
    return _COUNTED_FROM.search(clause) is not None


def _rank_clash(a: Claim, b: Claim) -> tuple[str, str] | None:
    """The two spans when the claims give one thing two ranks on one scale
    ("the largest silver hoard ever found in the province" / "the
    second-largest silver hoard recorded in the province"): one superlative
    scale, different ranks, the ranked noun shared among the three words
    after the superlative, the same field (no "since", "in decades", "this
    year" on one side only), no rank counted from another ("the highest
    after Italy"), no other place after "in" and no other name before it.

    >>> from claimcheck import Claim
    >>> def c(t): return Claim(id=t, article="x", source="X", speaker=None, text=t, start=0, end=len(t))
    >>> _rank_clash(c("the largest silver hoard found in the province"),
    ...             c("the second-largest silver hoard in the province"))
    ('the largest', 'the second-largest')
    >>> _rank_clash(c("the worst crash in decades"), c("the second-worst crash ever")) is None
    True
    """
    ranks_b = _ranks(b.text)
    for x in _ranks(a.text):
        for y in ranks_b:
            if x.scale != y.scale or x.rank == y.rank or not x.nouns & y.nouns or x.field != y.field:
                continue
            if x.counted or y.counted:
                continue  # "the highest debt as a share of output after Italy" is the second-highest
            if x.where and y.where and not x.where & y.where:
                continue  # "the largest in Europe" / "the second-largest in the world"
            if x.names and y.names and not x.names & y.names:
                continue  # "Nordbank is the largest bank" / "Vestbank is the second-largest bank"
            return x.span, y.span
    return None


_NOT_NAMES = frozenset({"the", "a", "an", "it", "its", "this", "that", "these", "those", "what", "he", "she", "they",
                        "we", "in", "on", "at", "by", "but", "and", "officials", "police"}
                       | set(_WEEKDAYS) | set(_MONTHS))


def _names_before(text: str, span: str) -> set[str]:
    """The capitalised words before ``span`` in ``text`` (lower-cased), but
    for openers, pronouns and dates: who or what the span is said of.

    >>> sorted(_names_before("Nordbank is the largest bank", "the largest"))
    ['nordbank']
    >>> _names_before("The hoard is the largest", "the largest")
    set()
    """
    at = text.find(span)
    return _capitalised(text[:at if at >= 0 else len(text)])


def _capitalised(text: str) -> set[str]:
    """The capitalised words of ``text``, lower-cased, less openers, pronouns and dates."""
    return {w.lower().removesuffix("'s") for w in re.findall(r"\b[A-Z][\w'-]*", text)} - _NOT_NAMES


_FATE_REASON = "one says the person died, the other that the person lived"
# What befell a person: killed or died, against hurt, treated, rescued or
# unhurt, and so alive.
_DIED_RE = re.compile(r"\b(?:(?:was|were|is|are)\s+(?:among\s+the\s+dead|killed|dead|found\s+dead|pronounced\s+dead|"
                      r"fatally\s+[a-z]+)|died|perished|lost\s+(?:his|her|their)\s+li(?:fe|ves))\b", re.IGNORECASE)
_LIVED_RE = re.compile(r"\b(?:(?:was|were|is|are)\s+(?:(?:being\s+)?treated\s+for|(?:slightly\s+|seriously\s+|"
                       r"badly\s+|critically\s+)?(?:injured|hurt|wounded)|unhurt|unharmed|uninjured|alive|"
                       r"in\s+(?:a\s+)?(?:(?:critical|serious|stable|fair)\s+(?:(?:but|and)\s+)?)+condition|recovering|rescued|"
                       r"hospitali[sz]ed)|survived|escaped\s+(?:unhurt|unharmed|uninjured|with))\b", re.IGNORECASE)


# "The driver ...": the noun a text opens with
_THE_NOUN_RE = re.compile(r"\s*the\s+([a-z-]+)\b", re.IGNORECASE)
# "An 81-year-old woman ...": one person, by age and noun
_AGED_RE = re.compile(r"\s*(?:the|an?)\s+(\w+)-years?-old\s+([a-z]+)\b", re.IGNORECASE)
# "Police said", "Officials told reporters": who reports a fate, not whose it is
_REPORTER_RE = re.compile(r"\b[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*\s+(?:said|says|told|reported|confirmed|added)\b")


@functools.lru_cache(maxsize=16384)
def _fate(text: str) -> tuple[str, str, str] | None:
    """``(span, "died" or "lived", text before it)`` when ``text`` says what
    befell someone and only one of the two.

    >>> _fate("The driver, Ivo Brandt, was among the dead")[:2]
    ('was among the dead', 'died')
    >>> _fate("Brandt was treated for minor injuries")[:2], _fate("Brandt was injured and later died")
    (('was treated for', 'lived'), None)
    """
    died, lived = list(_DIED_RE.finditer(text)), list(_LIVED_RE.finditer(text))
    if bool(died) == bool(lived) or len(died) + len(lived) != 1:
        return None
    m = (died or lived)[0]
    return m.group(0), "died" if died else "lived", text[:m.start()]


def _fate_clash(a: Claim, b: Claim) -> tuple[str, str] | None:
    """The two spans when one claim says a person died and the other that
    the same person lived ("The driver, Ivo Brandt, was among the dead" /
    "The driver, Ivo Brandt, 54, was treated for minor injuries"): one fate
    in each, said of the same named person (a name before both spans) or
    the same "the <noun>" opening both (not a name that only reports it:
    "Police said"), and with no count of people (counts are compared as
    numbers).  A later report of the death updates the other
    (:func:`_died_later`).

    >>> from claimcheck import Claim
    >>> def c(t): return Claim(id=t, article="x", source="X", speaker=None, text=t, start=0, end=len(t))
    >>> _fate_clash(c("The pilot, Ana Lind, was killed"), c("Lind survived the crash"))
    ('was killed', 'survived')
    >>> _fate_clash(c("The pilot was killed"), c("The co-pilot survived")) is None
    True
    >>> _fate_clash(c("Police said Lind was killed"), c("Police said Berg survived")) is None
    True
    """
    if a.frame.quantities or b.frame.quantities or a.frame.negated or b.frame.negated:
        return None
    fa, fb = _fate(a.text), _fate(b.text)
    if fa is None or fb is None or fa[1] == fb[1]:
        return None
    names_a, names_b = _capitalised(_REPORTER_RE.sub("", fa[2])), _capitalised(_REPORTER_RE.sub("", fb[2]))
    opener_a, opener_b = _THE_NOUN_RE.match(fa[2]), _THE_NOUN_RE.match(fb[2])
    same_opener = opener_a is not None and opener_b is not None \
        and opener_a.group(1).lower() == opener_b.group(1).lower()
    aged_a, aged_b = _AGED_RE.match(fa[2]), _AGED_RE.match(fb[2])
    if aged_a is not None and aged_b is not None and aged_a.group(1, 2) == aged_b.group(1, 2):
        same_opener = True  # "An 81-year-old woman is in a stable condition" / "An 81-year-old woman ... has died"
    if not (names_a & names_b) and not same_opener:
        return None
    return fa[0], fb[0]


def _died_later(a: Claim, b: Claim) -> bool:
    """Whether, of two claims in a :func:`_fate_clash`, the one that says the
    person died was published later: hurt, then died, is news that moved on."""
    fa = _fate(a.text)
    if fa is None or a.published is None or b.published is None:
        return False
    return a.published > b.published if fa[1] == "died" else b.published > a.published


def _scarcity_negation(neg: Claim, pos: Claim) -> bool:
    """Whether the negation of ``neg`` only says there is too little of what
    ``pos`` says is short: "no longer has enough midwives" and "a shortage
    of midwives" state one fact."""
    x, y = _sufficiency(neg.text), _sufficiency(pos.text)
    return x is not None and y is not None and x[3] and not y[3] and y[0] == "short" and _same_supply(x, y)


def _negated_in(words: tuple[str, ...], negated: Iterable[tuple[str, ...]]) -> bool:
    """Whether ``words``, what one negation negates (:func:`_negated_words`),
    is negated in ``negated`` too, word for word by five-letter stem ("yet to
    comment" / "have not commented": ``("comment",)`` / ``("commented",)``).

    >>> _negated_in(("commented",), {("comment",)}), _negated_in(("date", "set"), {("date",)})
    (True, False)
    """
    return any(len(words) == len(t) and all(_same_stem(u, v) for u, v in zip(words, t)) for t in negated)


def _negates_alike(neg: Claim, pos: Claim) -> bool:
    """Whether ``pos`` says in its own words what each negation of ``neg``
    says: it negates the same word ("one of its solar arrays had not
    unfolded" / "after one of its solar arrays failed to unfold", where the
    parse put the negation outside the main clause), or states a WordNet
    antonym of the word negated and not the word itself ("Bus fares will not
    change" / "Bus fares will stay at their current level").  A negation of
    something ``pos`` reports in other words ("was not speeding" /
    "travelling 30 km/h above the limit") is no such agreement.

    >>> from claimcheck._types import Frame
    >>> def c(text: str, *lemmas: str) -> Claim:
    ...     return Claim(id=text, article="x", source="S", speaker=None, text=text, start=0, end=len(text),
    ...                  frame=Frame(lemmas=lemmas))
    >>> _negates_alike(c("Bus fares will not change in 2027", "bus", "fare", "change"),
    ...                c("Bus fares will stay at their current level", "bus", "fare", "stay", "current", "level"))
    True
    >>> _negates_alike(c("the arrays had not unfolded", "array", "unfold"), c("the arrays failed to unfold",
    ...                                                                       "array", "fail", "unfold"))
    True
    >>> _negates_alike(c("the train was not speeding", "train", "speed"),
    ...                c("the train was travelling above the limit", "train", "travel", "limit"))
    False
    """
    heads = _negated_words(neg.text)
    theirs = _negated_words(pos.text)

    def alike(h: tuple[str, ...]) -> bool:
        if _negated_in(h, theirs):
            return True
        word = h[-1]
        if _states(pos.text, pos.frame.lemmas, word):
            return False
        return any(antonym_kind(f, x) == "direct" for f in base_forms(word) for x in pos.frame.lemmas)

    return bool(heads) and all(alike(h) for h in heads)


def _restated(neg: Claim, pos: Claim, denied: set[str]) -> bool:
    """Whether ``pos`` states, word for word and inside a longer report, the
    whole of what ``neg`` denies: at least three content words, the denied
    verb among them, in the same order and next to one another in ``pos``
    ("officers had fired rubber bullets", denied, against "a camera crew
    filmed officers firing rubber bullets at protesters outside the
    parliament").

    >>> from claimcheck import Claim
    >>> from claimcheck._types import Frame
    >>> n = Claim(id="n", article="x", source="X", speaker=None, text="officers had fired rubber bullets",
    ...           start=0, end=33, frame=Frame(negated=True, cues=("denied",), action="fire",
    ...                                        lemmas=("officer", "fire", "rubber", "bullet")))
    >>> p = attrs.evolve(n, id="p", frame=Frame(lemmas=("crew", "film", "officer", "fire", "rubber", "bullet")))
    >>> _restated(n, p, {"officer", "fire", "rubber", "bullet"})
    True
    >>> _restated(n, attrs.evolve(p, frame=Frame(lemmas=("officer", "say", "fire", "rubber", "crowd", "bullet"))),
    ...           {"officer", "fire", "rubber", "bullet"})
    False
    """
    lemmas = list(neg.frame.lemmas)
    cue = [k for k, w in enumerate(lemmas) if w in _DENIAL_LEMMAS]
    # what is denied follows the denial ("the army denied that soldiers had used ...")
    words = [w for w in lemmas[cue[0] + 1 if cue else 0:] if w in denied]
    if len(words) < 3 or neg.frame.action not in (*words, *(lemmas[k] for k in cue)):
        return False
    theirs = list(pos.frame.lemmas)
    if words[0] not in theirs:
        return False
    start = theirs.index(words[0])
    return theirs[start:start + len(words)] == words


_AUXILIARIES = frozenset({"had", "has", "have", "will", "would", "was", "were", "is", "are", "been", "be", "did",
                          "does", "do", "could", "should", "may", "might", "must", "shall", "can"})
_PASSIVE_AUX = frozenset({"was", "were", "is", "are", "be", "been", "being", "got", "get", "gets"})


def _other_patient(neg: Claim, pos: Claim) -> bool:
    """Whether the act ``neg`` denies befalls something else in ``pos``: the
    same main verb, said in the passive of a subject whose head (the word
    before "with", "to" or "between") ``neg`` never names ("We have not lost the
    satellite" / "Contact with the satellite was lost": contact was lost,
    not the satellite).  The same thing denied and reported ("The files were
    not lost" / "The files were lost in a fire") is no such pair.

    >>> from claimcheck._types import Frame
    >>> def c(text: str, lemmas: tuple[str, ...]) -> Claim:
    ...     return Claim(id=text, article="x", source="S", speaker=None, text=text, start=0, end=len(text),
    ...                  frame=Frame(lemmas=lemmas, action="lose"))
    >>> neg = c("We have not lost the satellite", ("lose", "satellite"))
    >>> _other_patient(neg, c("Contact with the satellite was lost", ("contact", "satellite", "lose")))
    True
    >>> _other_patient(neg, c("The satellite was lost", ("satellite", "lose")))
    False
    >>> _other_patient(neg, c("Controllers lost contact", ("controller", "lose", "contact")))
    False
    >>> _other_patient(neg, c("A 2.8 tonne satellite was lost", ("satellite", "lose")))
    False
    >>> _other_patient(neg, c("Instruments on the satellite were lost", ("instrument", "satellite", "lose")))
    False
    >>> _other_patient(neg, c("Someone is losing the satellite", ("someone", "lose", "satellite")))
    False
    >>> _other_patient(neg, c("The satellite has now been lost", ("satellite", "lose")))
    False
    """
    fn, fp = neg.frame, pos.frame
    if not fn.action or fn.action != fp.action:
        return False
    # past participles only: "is playing" is no passive
    forms = {f for f in _verb_forms(fp.action) if not f.endswith("ing")}
    words = _WORD_RE.findall(pos.text.lower())
    for k, w in enumerate(words):
        if w not in forms or k == 0:
            continue
        aux = k - 1 if words[k - 1] in _PASSIVE_AUX else k - 2
        if aux < 1 or words[aux] not in _PASSIVE_AUX or aux != k - 1 and not words[k - 1].endswith("ly"):
            continue
        # the head of the subject: the word before a preposition of a relation
        # ("Contact with the satellite"); one of place or part ("Patients at
        # the hospital", "The roof of the hall") puts the act on the thing named
        start = aux
        while start > 0 and (words[start - 1] in _AUX_CHAIN or words[start - 1].endswith("ly")):
            start -= 1  # "The potato is being peeled": the subject is before "is being"
        phrase = words[:start]
        cut = next((m for m, x in enumerate(phrase) if x in _PREPOSITIONS), len(phrase))
        if cut < len(phrase) and phrase[cut] not in _RELATION_PREPOSITIONS:
            continue
        head = phrase[cut - 1] if cut > 0 else ""
        if head and head not in _FUNCTION and not head.isdigit() \
                and not any(_same_stem(f, x) for f in base_forms(head) for x in fn.lemmas):
            return True
    return False


_PREPOSITIONS = frozenset({"with", "of", "from", "in", "on", "at", "for", "to", "between", "among", "near", "inside",
                           "outside", "across", "around", "by", "into", "under", "over"})
_RELATION_PREPOSITIONS = frozenset({"with", "to", "between"})
_AUX_CHAIN = _PASSIVE_AUX | _AUXILIARIES | {"not", "n't", "never", "also", "still", "already", "now", "just", "then",
                                            "again", "since", "ever", "yet"}


def _negation_signal(a: Claim, b: Claim, neg_is_a: bool, cue: str, *, strength: float) -> Signal:
    """The polarity signal: one claim (``a`` when ``neg_is_a``) negates the other with ``cue``."""
    neg, pos = (a, b) if neg_is_a else (b, a)
    return Signal(
        kind="polarity", strength=strength,
        reason=f"one claim negates the other: \u201c{neg.text}\u201d (\u201c{cue}\u201d) vs \u201c{pos.text}\u201d",
        evidence=(cue, pos.text) if neg_is_a else (pos.text, cue),
    )


def _harms(frame: Frame) -> set[str]:
    """The harms a claim reports, from its main verb and its figures' verbs: "die", "injure"."""
    return {g for v in (frame.action, *(q.verb for q in frame.quantities)) if (g := _VERB_GROUP.get(v))}


def _other_precision(pairs: Sequence[tuple[Quantity, Quantity]]) -> tuple[str, str] | None:
    """The texts of one figure given at two precisions: counts of one unit
    whose values differ though each can be the other as written and whose
    bounds differ (exact against rounded, or a bound against either: "about
    240" / "238", "more than 300" / "312"), when no pair of the claims'
    figures gives the same value.  None otherwise, and for two figures with
    one bound ("just over four million" / "about 4.05 million": the same
    fact, told loosely).

    >>> q = Quantity(240, "passenger", "about", "240")
    >>> _other_precision([(q, Quantity(238, "passenger", "exact", "238"))])
    ('about 240', '238')
    >>> _other_precision([(q, Quantity(240, "passenger", "exact", "240"))]) is None
    True
    >>> _other_precision([(q, Quantity(238, "passenger", "about", "238"))]) is None
    True
    """
    kin = [(x, y) for x, y in pairs if _units_match(x.unit, y.unit)]
    if not kin or any(math.isclose(x.value, y.value, rel_tol=1e-9) for x, y in kin):
        return None
    for x, y in kin:
        if x.bound != y.bound and _same_number(x, y):
            return _fmt(x), _fmt(y)
    return None


def _frame_veto(a: Claim, b: Claim) -> str:
    """Why two claims with no flagged conflict still cannot state the same
    fact: their frames disagree on polarity, numbers, places, dates or
    likelihood.  Empty when nothing disagrees.

    >>> from claimcheck import Claim
    >>> from claimcheck._types import Frame
    >>> a = Claim(id="a", article="x", source="X", speaker=None, text="He will go.", start=0, end=11)
    >>> _frame_veto(a, attrs.evolve(a, id="b", frame=Frame(negated=True)))
    'one is negated and the other is not'
    """
    fa, fb = a.frame, b.frame
    if fa.negated != fb.negated and not (_scarcity_negation(a, b) if fa.negated else _scarcity_negation(b, a)) \
            and not (_negates_alike(a, b) if fa.negated else _negates_alike(b, a)):
        return "one is negated and the other is not"
    qa, qb = _one_measure(fa.quantities, fb.quantities)
    pairs = [(x, y) for x in qa for y in qb if _comparable(x, y)]
    if pairs and not any(_same_number(x, y) for x, y in pairs):
        return "their numbers differ"
    for x, y in pairs:
        # two counts of one kind of thing that match nothing on the other side
        # ("supported by 12 aircraft" / "four water-bombing helicopters"),
        # however well the claims' other figures agree
        if _kin_units(x.unit, y.unit) \
                and not any(_same_number(x, y2) for y2 in qb) and not any(_same_number(x2, y) for x2 in qa):
            return "their numbers differ"
    figures = _other_precision(pairs)
    if figures is not None:
        # "about 240 passengers" / "238 passengers": both can be true, but one
        # outlet has the exact figure and the other a round one (or a bound),
        # and a reader needs to see both rather than one of them for the fact
        return f"they give one figure at different precision (\u201c{figures[0]}\u201d against " \
               f"\u201c{figures[1]}\u201d)"
    harm_a, harm_b = _harms(fa), _harms(fb)
    if harm_a and harm_b and not harm_a & harm_b:
        # "dozens were injured in the crush" / "seven fans were killed in the crush"
        return f"they report different harms (\u201c{', '.join(sorted(harm_a))}\u201d against " \
               f"\u201c{', '.join(sorted(harm_b))}\u201d)"
    pa = {_place_key(p) for p in fa.places}
    pb = {_place_key(p) for p in fb.places}
    if pa and pb and not any(_same_place(x, y) for x in pa for y in pb):
        return "they name different places"
    sites_a, sites_b = _own_sites(pa, b.text), _own_sites(pb, a.text)
    if sites_a and sites_b and not any(_same_place(x, y) for x in sites_a for y in sites_b):
        # "taken to Merrowgate Royal Infirmary" / "treated at St Anselm's Hospital
        # in Dunmere": two sites, whatever towns they may lie in
        return "they name different places"
    # a time after "since" starts a period ("the highest level since 2008"); it does not date the claim
    ta, tb = _event_times(a), _event_times(b)
    da = fa.dates if len(ta) == len(fa.time) else dates_of(ta, a.published)
    db = fb.dates if len(tb) == len(fb.time) else dates_of(tb, b.published)
    if da and db and not (set(da) & set(db)):
        return "they give different dates"
    if any(xa and xb and not xa & xb for xa, xb in _like_keys(_time_keys(ta), _time_keys(tb))):
        return "they give different dates"  # "awarded on Monday" / "returns Tuesday"
    clock_a, clock_b = _clock_times(ta), _clock_times(tb)
    if _clocks_differ(a, b, clock_a, clock_b):
        return "they give different times"  # "broke out at 5:48 p.m." / "under control by 7:30 p.m."
    if fa.likelihood is not None and fb.likelihood is not None and abs(fa.likelihood - fb.likelihood) >= 0.4:
        return "they differ on how likely it is"
    if _rank_clash(a, b) is not None:
        return "they give different ranks"  # "the largest hoard" / "the second-largest hoard"
    if _other_occurrence(a.text, b.text):
        return "they count different occurrences"  # "the eighth round" / "the seventh round"
    if _share_clash(a, b) is not None:
        return "they give different shares of one group"  # "most wore seatbelts" / "few wore seatbelts"
    if _fate_clash(a, b) is not None:
        return _FATE_REASON
    opposite = _opposite_words(a, b)
    if (_one_dated_by_year(a, b) or _before_and_after(a, b)) \
            and (opposite is not None or _opposed_actions(a.text, b.text) is not None):
        # "opened in 1961" / "will remain closed"; "was closed on Monday" / "could reopen within days"
        return "they say opposite things of different times"
    if opposite is not None:
        # WordNet antonyms said of the same rest, below the similarity where they are flagged
        # ("Two men are playing a game of Scrabble" / "The two women are playing a game")
        return f"they use opposite words (\u201c{opposite[0]}\u201d against \u201c{opposite[1]}\u201d)"
    return ""


_OCCURRENCE_RE = re.compile(r"\b([a-z]+(?:-[a-z]+)?|\d+(?:st|nd|rd|th))\s+([a-z]{3,})\b", re.IGNORECASE)


@functools.lru_cache(maxsize=16384)
def _occurrences(text: str) -> frozenset[tuple[int, str]]:
    """``(ordinal, noun)`` for each ordinal word directly before a word in
    ``text``: which one of a series it names ("the eighth round", "the
    third outage").  A superlative's rank ("the second-largest") is not one.

    >>> sorted(_occurrences("It happened during the seventh round, the 2nd time this year"))
    [(2, 'time'), (7, 'round')]
    >>> _occurrences("the second-largest hoard")
    frozenset()
    """
    out = set()
    for m in _OCCURRENCE_RE.finditer(text):
        k = _ordinal(m.group(1))
        if k is not None and m.group(2).lower() not in _FUNCTION:
            out.add((k, m.group(2).lower()))
    return frozenset(out)


def _other_occurrence(a: str, b: str) -> bool:
    """Whether two texts name different members of one series: the same noun
    (or a WordNet synonym of it) after different ordinals, and no ordinal
    of that noun in common ("before the eighth round" / "during the seventh
    round"; not "the second outage" / "the third disruption", which WordNet
    does not make one thing).

    >>> _other_occurrence("before the start of the eighth round", "It happened during the seventh round")
    True
    >>> _other_occurrence("the first round and the second round", "in the second round")
    False
    """
    oa, ob = _occurrences(a), _occurrences(b)
    if not oa or not ob:
        return False
    for noun in {n for _k, n in oa}:
        theirs = {j for j, other in ob if _same_subject(noun, other)}
        mine = {k for k, n in oa if _same_subject(n, noun)}
        if theirs and not mine & theirs:
            return True
    return False


# Verbs that say something started: "the fire broke out" / "the blaze began".
_STARTING = frozenset({"break out", "begin", "start", "erupt", "ignite", "flare up"})
# Other verbs that name one happening: "the baboons broke out" / "the animals got out".
_ONE_ACT = (_STARTING, frozenset({"escape", "break out", "get out", "break free", "get away", "break loose"}),
            frozenset({"close", "shut", "shut down", "close down"}),
            # "the fireball was seen at 9:47 p.m." / "the fireball appeared at about 10:20 p.m."
            frozenset({"see", "spot", "sight", "appear", "observe"}),
            # "Marlow was located shortly after 7 a.m." / "was spotted at about 3 p.m."
            frozenset({"find", "locate", "spot", "sight", "discover", "trace"}),
            # "the hole appeared at around 4:30 a.m." / "the hole opened shortly before midnight"
            frozenset({"appear", "open", "open up", "form", "emerge"}),
            # "the first tram left at 6 a.m." / "pulled out at 11 a.m."
            frozenset({"leave", "depart", "pull out", "pull away", "set off", "set out"}))


_AGE_RE = re.compile(r"\b[\w]+[- ](?:years?|months?|weeks?|days?)[- ]old\b", re.IGNORECASE)


def _only_in_ages(word: str, text: str) -> bool:
    """Whether ``word`` occurs in ``text`` only inside ages ("the 23-year-old",
    "five years old").

    >>> _only_in_ages("old", "The 23-year-old lowered the course record"), _only_in_ages("old", "the old record")
    (True, False)
    """
    if not _AGE_RE.search(text):
        return False
    return not re.search(rf"\b{re.escape(word)}\b", _AGE_RE.sub(" ", text), flags=re.IGNORECASE)


def _only_names_shared(a: Claim, rest_a: set[str], b: Claim, rest_b: set[str]) -> bool:
    """Whether the words two claims share besides a pair of opposite verbs
    are only names, while each still says something else ("Kasper Lund of
    Team Brevik was kept overnight" / "Kasper Lund of Team Brevik broke his
    left collarbone": one rider, two different things done).  (Opposite
    states need no more: "Hefner is still alive, despite a hoax" / "Hefner
    was supposed to have been dead" clash.)

    >>> from claimcheck._types import Frame
    >>> def c(text, lemmas):
    ...     return Claim(id=text, article="x", source="S", speaker=None, text=text, start=0, end=0,
    ...                  frame=Frame(lemmas=lemmas))
    >>> kept = c("Kasper Lund was kept overnight", ("kasper", "lund", "keep", "overnight"))
    >>> broke = c("Kasper Lund broke his left collarbone", ("kasper", "lund", "break", "left", "collarbone"))
    >>> _only_names_shared(kept, {"kasper", "lund", "overnight"}, broke, {"kasper", "lund", "left", "collarbone"})
    True
    >>> won, lost = c("Smith won", ("smith", "win")), c("Smith lost", ("smith", "lose"))
    >>> _only_names_shared(won, {"smith"}, lost, {"smith"})
    False
    """
    names = _name_words(a.text) | _name_words(b.text)
    ra, rb = rest_a - names, rest_b - names
    return bool(ra) and bool(rb) and not ra & rb


def _name_words(text: str) -> set[str]:
    """The lower-cased words ``text`` writes with a capital: its first word
    only as part of a name ("Kasper Lund ...", not "Police said ...").

    >>> sorted(_name_words("Kasper Lund of Team Brevik fell")), sorted(_name_words("Police said Lund fell"))
    (['brevik', 'kasper', 'lund', 'team'], ['lund'])
    """
    words = _WORD_RE.findall(text)
    return {w.lower() for k, w in enumerate(words)
            if w[:1].isupper() and (k > 0 or len(words) > 1 and words[1][:1].isupper())}


def _other_objects(a: Claim, x: str, b: Claim, y: str) -> bool:
    """Whether one of the opposite main verbs ``x`` (of ``a``) and ``y`` (of
    ``b``) acts on something the other claim never names ("Lund was kept
    overnight" / "Lund broke his left collarbone": keeping and breaking, but
    not of one thing).

    >>> from claimcheck._types import Frame
    >>> def c(lemmas, action, patient=()):
    ...     return Claim(id=action, article="x", source="S", speaker=None, text="", start=0, end=0,
    ...                  frame=Frame(lemmas=lemmas, action=action, patient=patient))
    >>> kept = c(("lund", "keep", "overnight"), "keep")
    >>> _other_objects(kept, "keep", c(("lund", "break", "collarbone"), "break", ("collarbone",)), "break")
    True
    >>> won = c(("he", "win", "race"), "win", ("race",))
    >>> _other_objects(won, "win", c(("he", "lose", "race"), "lose", ("race",)), "lose")
    False
    """
    fa, fb = a.frame, b.frame
    return bool(fa.patient and not set(fa.patient) & set(fb.lemmas)
                or fb.patient and not set(fb.patient) & set(fa.lemmas))


def _opposite_words(a: Claim, b: Claim, *, indirect: bool = False) -> tuple[str, str, str] | None:
    """``(word in a, word in b, "direct" or "indirect")`` when the claims say
    opposite things of one subject with WordNet antonyms: a lemma only in
    ``a`` and one only in ``b`` are antonyms in a part of speech they can be
    (:func:`_as_parts`), both claims have the same polarity ("not hot" and
    "cold" agree), neither word is an item of a list, the rest of the lemmas
    overlap by 60 % or more, and converse verbs ("buy" / "sell") only in
    otherwise identical claims."""
    la, lb = set(a.frame.lemmas), set(b.frame.lemmas)
    only_a, only_b = sorted(la - lb), sorted(lb - la)
    if not only_a or not only_b or len(la & lb) < 1:
        return None
    for x in only_a:
        for y in only_b:
            kind = antonym_kind(x, y)
            if kind is not None and not _as_parts(x, a, y, b):
                continue  # "the highest level" / "raised rates": the noun, not the verb "level"
            if kind is not None and (_only_in_ages(x, a.text) or _only_in_ages(y, b.text)):
                continue  # "the 23-year-old" is no "old" against a "new course best"
            if kind == "direct" or (kind == "indirect" and indirect):
                if a.frame.negated != b.frame.negated:
                    return None  # "not hot" vs "cold" agree
                if _coordinated(a.text, x) or _coordinated(b.text, y):
                    continue  # "hardware and services" / "servers and software": items of lists
                rest_a, rest_b = la - {x}, lb - {y}
                if not rest_a or not rest_b or len(rest_a & rest_b) / min(len(rest_a), len(rest_b)) < 0.6:
                    continue  # "shares rose" vs "the index fell": the opposites apply to other things
                if (x, y) == (a.frame.action, b.frame.action) \
                        and (_other_objects(a, x, b, y) or _only_names_shared(a, rest_a, b, rest_b)):
                    continue  # "Lund was kept overnight" / "Lund broke his collarbone": two acts
                if frozenset((x, y)) in _CONVERSES and not _one_word_swap(a.text, b.text):
                    continue  # "customers buy drugs" vs "a company sells drugs": one sale, two sides
                return x, y, kind
    return None


# Verbs of a thing on the move ("the lava is flowing east", "the storm is
# tracking north"), as their stems.
_MOVING = ("flow", "mov", "spread", "creep", "crept", "drift", "head", "travel", "track", "advanc", "march",
           "stream", "pour", "run", "ran", "push", "edg", "veer", "turn", "sail", "burn", "blow", "blew")
_COMPASS = {"north": (0, 1), "south": (0, -1), "east": (1, 0), "west": (-1, 0), "northeast": (1, 1),
            "northwest": (-1, 1), "southeast": (1, -1), "southwest": (-1, -1)}
_HEADING_RE = re.compile(r"\b(\w+)\s+(?:(?:slowly|steadily|quickly|rapidly|further|mainly|mostly|now)\s+)?"
                         r"(?:(?:to|towards?)\s+the\s+)?((?:north|south)?-?(?:east|west)|north|south)(?:wards?)?\b",
                         re.IGNORECASE)


def _headings(text: str) -> list[tuple[str, str, tuple[int, int]]]:
    """``(phrase, subject head, compass vector)`` for each "<moving verb> <direction>" in ``text``."""
    words = _neg_words(text)
    out = []
    for m in _HEADING_RE.finditer(text):
        verb = m.group(1).lower()
        if not verb.startswith(_MOVING):
            continue
        way = _COMPASS.get(m.group(2).lower().replace("-", ""))
        if way is None:
            continue
        at = len(_neg_words(text[:m.start()]))
        k = at
        while k > 0 and words[k - 1] in _BE | _AUXILIARIES:
            k -= 1  # "the lava is flowing", "lava was creeping"
        subject = _subject_phrase(words, k)
        if subject:
            out.append((m.group(0), subject[-1], way))
    return out


def _opposed_ways(u: tuple[int, int], v: tuple[int, int]) -> bool:
    """Whether two compass headings point away from each other (east / west, north / south-west)."""
    return u[0] * v[0] + u[1] * v[1] < 0


def _opposite_headings(a: str, b: str) -> tuple[str, str, str] | None:
    """``(phrase in a, phrase in b, subject)`` when one moving thing heads in
    opposite compass directions in the two texts ("the lava is flowing
    east" / "lava was creeping west").

    >>> _opposite_headings("The lava is flowing east, away from homes", "Lava was creeping west toward the farms")
    ('flowing east', 'creeping west', 'lava')
    >>> _opposite_headings("The lava is flowing east", "The ash cloud drifted west") is None
    True
    >>> _opposite_headings("The fire spread north", "The fire was moving northeast") is None
    True
    """
    ha, hb = _headings(a), _headings(b)
    if any(_opposed_ways(x[2], y[2]) for h in (ha, hb) for x in h for y in h):
        return None  # "it drifted east, then turned west": the text has both
    for pa, sa, va in ha:
        for pb, sb, vb in hb:
            if _opposed_ways(va, vb) and _same_thing([sa], [sb]):
                return pa, pb, sa
    return None


def _one_dated_by_year(a: Claim, b: Claim) -> bool:
    """Whether one claim is dated by a year and the other names no year: the
    history of a thing, not its state now ("Kelderhall opened in 1961" /
    "Kelderhall will remain closed until further notice").

    >>> from claimcheck._types import Frame
    >>> def c(text, time):
    ...     return Claim(id=text, article=text, source="S", speaker=None, text=text, start=0, end=1,
    ...                  frame=Frame(time=time))
    >>> _one_dated_by_year(c("The ground opened in 1961", ("1961",)), c("The ground will remain closed", ()))
    True
    >>> _one_dated_by_year(c("It opened in 1961", ("1961",)), c("It closed in 1961", ("1961",)))
    False
    """
    ya = {k for k in _time_keys(a.frame.time) if k.isdigit()}
    yb = {k for k in _time_keys(b.frame.time) if k.isdigit()}
    return bool(ya) != bool(yb)


def _clock_times(times: Iterable[str]) -> set[str]:
    """The clock times among time expressions, written alike ("5:48 p.m." and
    "5.48pm" are one: ``"5:48pm"``).

    A time with neither a.m. nor p.m. takes either from the part of the day
    with it ("7:15 on Saturday morning"), or stands for both; a whole hour
    is read with its half-day ("2 p.m." is "2:00pm").

    >>> sorted(_clock_times(["5:48 p.m. on Tuesday", "5.48pm", "Sunday"]))
    ['5:48pm']
    >>> sorted(_clock_times(["about 7:15 on Saturday morning"])), sorted(_clock_times(["7:15"]))
    (['7:15am'], ['7:15am', '7:15pm'])
    >>> sorted(_clock_times(["shortly after 2 p.m."])), sorted(_clock_times(["14:30", "00:15"]))
    (['2:00pm'], ['12:15am', '2:30pm'])
    >>> sorted(_clock_times(["shortly before midnight", "Monday"])), sorted(_clock_times(["noon"]))
    (['12:00am'], ['12:00pm'])
    """
    out: set[str] = set()
    for t in times:
        low = t.lower()
        for hour, minute, half in _clocks_in(low):
            if not half and (int(hour) >= 13 or int(hour) == 0) and minute:
                # a 24-hour clock: "14:30" is 2:30 p.m., "00:15" a quarter past midnight
                hour, half = str(int(hour) % 12 or 12), "pm" if int(hour) >= 13 else "am"
            minute = minute or "00"
            if not half:
                if re.search(r"\b(?:morning|dawn|daybreak)\b", low):
                    half = "am"
                elif re.search(r"\b(?:afternoon|evening|night)\b", low):
                    half = "pm"
            out.update(f"{hour}:{minute}{h}" for h in ((half,) if half else ("am", "pm")))
        # midnight and noon are clock times too ("shortly before midnight")
        out.update(clock for word, clock in (("midnight", "12:00am"), ("noon", "12:00pm"), ("midday", "12:00pm"))
                   if re.search(rf"\b{word}\b", low))
    return out


_ZONE = re.compile(r"\b(?:[ECMP][SD]T|A[ECW][SD]T|ACST|AWST|BST|IST|JST|CES?T|EES?T|WET|GMT|UTC|local time)\b")
_ROUGHLY = re.compile(r"\b(?:about|around|approximately|roughly|some|shortly|just|nearly|almost|soon)\s+"
                      r"(?:after\s+|before\s+)?(?:\d|noon|midday|midnight)", re.IGNORECASE)


def _minutes(clock: str) -> int:
    """Minutes after midnight of a :func:`_clock_times` string ("2:00pm" is 840)."""
    hour, rest = clock.split(":")
    return (int(hour) % 12 + (12 if rest.endswith("pm") else 0)) * 60 + int(rest[:2])


def _clocks_differ(a: Claim, b: Claim, xa: set[str], xb: set[str]) -> bool:
    """Whether the clock times ``xa`` of ``a`` and ``xb`` of ``b``
    (:func:`_clock_times`) rule each other out: none of ``a``'s can be one
    of ``b``'s, within half an hour where either is rough ("about 3 p.m." /
    "3:22 p.m."); never when they are given in different time zones ("8am
    AEST" / "6 p.m. EDT").

    >>> from claimcheck import Claim
    >>> def c(t, time): return Claim(id=t, article="x", source="X", speaker=None, text=t, start=0, end=1,
    ...                              frame=Frame(time=(time,)))
    >>> def differ(x, y): return _clocks_differ(x, y, _clock_times(x.frame.time), _clock_times(y.frame.time))
    >>> differ(c("at about 3 p.m.", "about 3 p.m."), c("at 3:22 p.m.", "3:22 p.m."))
    False
    >>> differ(c("at 3 p.m.", "3 p.m."), c("at 3:22 p.m.", "3:22 p.m."))
    True
    >>> differ(c("until 8am (AEST) today", "8am"), c("until 6 p.m. EDT Sunday", "6 p.m. EDT"))
    False
    """
    if set(_ZONE.findall(a.text)) != set(_ZONE.findall(b.text)):
        return False
    rough = bool(_ROUGHLY.search(a.text) or _ROUGHLY.search(b.text))
    # (round the clock: "11:50 p.m." is ten minutes from midnight)
    return bool(xa and xb) and all(min(d := abs(_minutes(x) - _minutes(y)), 1440 - d) > (30 if rough else 0)
                                   for x in xa for y in xb)


# A clock time: "5:48", "5.48pm", "2 p.m." (an hour alone only with a.m. or p.m.).
_CLOCK_ANY = re.compile(r"\b(\d{1,2})(?:[:.](\d\d))?\s*([ap]\.?m\b\.?)?", re.IGNORECASE)


def _clocks_in(low: str) -> list[tuple[str, str, str]]:
    """``(hour, minutes or "", "am"/"pm"/"")`` for each clock time of a
    lower-cased time expression, as written; a number alone is none.

    >>> _clocks_in("shortly after 2 p.m."), _clocks_in("7:15 on 3 may")
    ([('2', '', 'pm')], [('7', '15', '')])
    """
    return [(m.group(1), m.group(2) or "", (m.group(3) or "").replace(".", ""))
            for m in _CLOCK_ANY.finditer(low) if m.group(2) or m.group(3)]


_DAY_PARTS = {"dawn": 6.0, "daybreak": 6.0, "morning": 9.0, "midday": 12.0, "noon": 12.0, "lunchtime": 12.5,
              "afternoon": 15.0, "dusk": 19.0, "evening": 19.0, "night": 22.0, "midnight": 24.0}


def _hour_of(times: Iterable[str]) -> float | None:
    """The one hour of the day that a claim's time expressions give, from a
    clock time with a.m. or p.m. ("2 p.m.") or a part of the day ("noon",
    "evening"); ``None`` when they give none or several.

    >>> _hour_of(["Thursday", "noon"]), _hour_of(["2:30 p.m."]), _hour_of(["Monday"])
    (12.0, 14.5, None)
    """
    found: set[float] = set()
    for t in times:
        low = t.lower()
        clocks = [(hour, minute, half) for hour, minute, half in _clocks_in(low) if half]
        for hour, minute, half in clocks:
            found.add(int(hour) % 12 + (12 if half == "pm" else 0) + int(minute or 0) / 60)
        if not clocks:
            found.update(v for k, v in _DAY_PARTS.items() if re.search(rf"\b{k}\b", low))
    return found.pop() if len(found) == 1 else None


def _one_happening(a: Claim, b: Claim, *, named: bool = False) -> bool:
    """Whether two claims with times say one thing happened: one main verb
    each, the same or WordNet synonyms or both of one kind of act (starting:
    "broke out" / "began"; escaping: "broke out" / "got out"; closing:
    "shut" / "closed"), and subjects that name one thing ("fire" / "blaze"),
    or, with ``named``, the same named participants where the parse gives
    no subject ("Ines Marlow … was located" / "The woman, named as Ines
    Marlow, was spotted")."""
    fa, fb = a.frame, b.frame
    if not (fa.action and fb.action and fa.time and fb.time):
        return False
    if fa.negated or fb.negated or fa.likelihood is not None or fb.likelihood is not None:
        return False
    same_verb = fa.action == fb.action or any({fa.action, fb.action} <= group for group in _ONE_ACT) or (
        " " not in fa.action + fb.action and relation(fa.action, fb.action) == "synonym")
    if not same_verb:
        return False
    if fa.subject and fb.subject:
        return _same_stem(fa.subject, fb.subject) or relation(fa.subject, fb.subject) in _SAME_MEANING
    return named and bool(fa.participants) and set(fa.participants) == set(fb.participants)


def _same_happening(a: Claim, b: Claim) -> str | None:
    """The time both claims give when they say the same thing happened then:
    one main verb each, the same or WordNet synonyms or both verbs of
    starting ("broke out" / "began"), subjects that name one thing ("fire"
    / "blaze"), and the same clock time, or the same day with nothing in
    either that the other's time rules out ("on Sunday afternoon" / "on
    Sunday").  None otherwise.

    >>> from claimcheck._types import Frame
    >>> def c(text, action, subject, time):
    ...     return Claim(id=text, article=text, source="S", speaker=None, text=text, start=0, end=1,
    ...                  frame=Frame(action=action, subject=subject, time=time))
    >>> _same_happening(c("The fire broke out at 5:48 p.m.", "break out", "fire", ("5:48 p.m.",)),
    ...                 c("The blaze began at 5:48 p.m. in a hall", "begin", "blaze", ("5:48 p.m.",)))
    '5:48 p.m.'
    >>> _same_happening(c("The fire broke out at 5:48 p.m.", "break out", "fire", ("5:48 p.m.",)),
    ...                 c("The fire was under control by 7:30 p.m.", "be", "fire", ("7:30 p.m.",))) is None
    True
    """
    fa, fb = a.frame, b.frame
    if not _one_happening(a, b):
        return None
    ca, cb = _clock_times(fa.time), _clock_times(fb.time)
    if ca or cb:
        shared = ca & cb
        return next(t for t in fa.time if _clock_times([t]) & shared) if shared else None
    ka, kb = _time_keys(fa.time), _time_keys(fb.time)
    if not ka or not kb or not (ka <= kb or kb <= ka):
        return None
    return next(t for t in fa.time if _time_keys([t]))


def _kin_units(u: str, v: str) -> bool:
    """Whether two counted nouns count one kind of thing: one unit, or one a
    kind of the other ("helicopter" / "aircraft").

    >>> _kin_units("aircraft", "helicopter"), _kin_units("firefighter", "helicopter")
    (True, False)
    """
    if _units_match(u, v):
        return True
    return u.isalpha() and v.isalpha() and u not in _MEASURES and v not in _MEASURES \
        and relation(u, v) in {"hypernym", "hyponym"}


def _event_times(c: Claim) -> list[str]:
    """The claim's time expressions less those that start a period after
    "since" ("the highest level since 2008") and years that name a thing
    after a determiner ("the city's 2027 budget", "its 2024 accounts"):
    the budget's year, not when the council passed it.

    >>> from claimcheck._types import Frame
    >>> c = Claim(id="a", article="a", source="A", speaker=None, start=0, end=0,
    ...           text="On Wednesday rates hit the highest level since 2008",
    ...           frame=Frame(time=("Wednesday", "2008")))
    >>> _event_times(c)
    ['Wednesday']
    >>> _event_times(attrs.evolve(c, text="Tarrow's 2027 budget cleared the council on Wednesday",
    ...                           frame=Frame(time=("2027", "Wednesday"))))
    ['Wednesday']
    >>> _event_times(attrs.evolve(c, text="In 2027 budget cuts will start", frame=Frame(time=("2027",))))
    ['2027']
    """
    return [t for t in c.frame.time if not re.search(r"\bsince\s+" + re.escape(t), c.text, re.IGNORECASE)
            and not (_YEAR_RE.fullmatch(t) and re.search(_NAMING_YEAR.format(re.escape(t)), c.text, re.IGNORECASE))]


_YEAR_RE = re.compile(r"(?:19|20)\d\d")
# a year between a determiner (or a possessive) and a noun: "the 2027 budget", "the city's 2027 budget"
_NAMING_YEAR = r"(?:\b(?:the|its|their|his|her|our|this|next|last)|'s|\u2019s)\s+{}\s+[a-z]"


def _comparable(x: Quantity, y: Quantity) -> bool:
    """Whether two figures' difference can keep two claims apart.  A count
    of none read from a denial ("No agreement was reached") says nothing of
    a count of another kind of thing ("the two leaders failed to agree"),
    unless WordNet relates the two ("no passengers" / "two people").  Any
    other two figures are compared, whatever they count: "kills 10
    civilians" and "kills 5 policemen" are not one fact.

    >>> two = Quantity(2, "leader", "exact", "two")
    >>> _comparable(two, Quantity(0, "agreement", "exact", "No agreement"))
    False
    >>> _comparable(Quantity(2, "passenger", "exact", "two"), Quantity(0, "people", "exact", "No one"))
    True
    >>> _comparable(two, Quantity(3, "policeman", "exact", "3"))
    True
    """
    if not (_is_none(x) or _is_none(y)):
        return True
    u, v = x.unit, y.unit
    if not u or not v or _units_match(u, v) or _zero_covers(x, y) or _zero_covers(y, x):
        return True
    return u.isalpha() and v.isalpha() and relation(u, v) in _SAME_MEANING


def _neg_words(text: str) -> list[str]:
    words = []
    for w in _WORD_RE.findall(text.lower().replace("\u2019", "'")):
        if w.endswith("n't") and len(w) > 3:
            words.extend([w[:-3], "n't"])  # "isn't" -> "is", "n't"
        else:
            words.append(w)
    return words


# Words skipped between a negation and the word it negates.
_NEG_SKIP = _FUNCTION | {
    "be", "is", "was", "were", "are", "been", "being", "am", "'s", "do", "does", "did", "have", "has",
    "had", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "yet", "any",
    "longer", "ever", "even", "at", "all", "to", "he", "she", "it", "they", "we", "i", "you", "one",
    "such", "so", "very", "too", "only", "just", "more", "much", "many", "single", "there", "also",
    "on", "of", "in", "for", "with", "about", "over", "from", "into", "by",
}
# Verbs that negate the verb after "to": "failed to agree", "has yet to undergo".
_NEGATING_TO = {"fail", "failed", "fails", "refuse", "refused", "refuses", "decline", "declined", "declines",
                "yet"}


@functools.lru_cache(maxsize=16384)
def _negated_words(text: str) -> frozenset[tuple[str, ...]]:
    """What each negation in ``text`` negates, as written (lower-cased):
    after "not", "n't", "never", "nobody" or "nothing", the next word that is
    not a function word, an auxiliary, a pronoun or a preposition; after
    "no", that word (the thing there is none of) and what it does or is:
    the word after its auxiliary, else the next one; after "failed to", "refused to", "declined to" or "yet to",
    the verb.

    >>> sorted(_negated_words("Cadets don't trust them, and no date has yet been set."))
    [('date', 'set'), ('trust',)]
    >>> sorted(_negated_words("Nobody was hurt; it was not a surprise."))
    [('hurt',), ('surprise',)]
    >>> sorted(_negated_words("The government denied threatening the family"))
    [('threatening',)]
    >>> sorted(_negated_words("The leaders failed to agree, and no agreement on a ceasefire was reached."))
    [('agree',), ('agreement', 'ceasefire')]
    >>> sorted(_negated_words('No "crew-served weapons" were turned over to anyone'))
    [('crew-served', 'turned')]
    >>> sorted(_negated_words("At no point did water flow over the top of the dam"))
    [('water', 'flow')]
    >>> sorted(_negated_words("The institute recorded no tremor in the Tarrow area"))
    [('tremor',)]
    >>> sorted(_negated_words("The ice dam showed no sign of cracking"))
    [('cracking',)]
    """
    words = _neg_words(text)
    out: set[tuple[str, ...]] = set()
    for k, w in enumerate(words):
        if w in _NEGATING_TO and k + 2 < len(words) and words[k + 1] == "to":
            if words[k + 2] not in _NEG_SKIP:
                out.add((words[k + 2],))
        elif w in _verb_forms("deny"):
            # "denied threatening the family", "denied having met them": the deed
            nxt = [x for x in words[k + 1:k + 3] if x != "having"]
            if nxt and nxt[0].endswith("ing") and len(nxt[0]) > 5:
                out.add((nxt[0],))
        elif w in _NEGATORS or w in {"nobody", "nothing", "none"}:
            nxt = [x for x in words[k + 1:k + 8] if x not in _NEG_SKIP and x not in _NEGATORS
                   and not (x.endswith("ly") and len(x) > 4 and x not in _SENTENCE_ADVERBS)]  # "not publicly commented"
            if not nxt:
                continue
            if w != "no":
                out.add((nxt[0],))
                continue
            after = words.index(nxt[0], k) + 1  # the word after the first content word
            if nxt[0] in _EVIDENTIAL and len(nxt) > 1 and words[after:after + 1] == ["of"]:
                # "showed no sign of cracking": what there is no sign of is what is denied
                out.add((nxt[1],))
                continue
            if nxt[0] in _EVIDENTIAL and words[after:after + 1] == ["that"]:
                # "no indication that the coach had been speeding": the clause's verb is denied
                clause = words[after + 1:k + 12]
                aux = next((n for n, x in enumerate(clause) if x in _AUXILIARIES or x in _NO_AUX), None)
                verb = [x for x in clause[aux + 1:] if x not in _AUXILIARIES and x not in _NEG_SKIP] \
                    if aux is not None else []
                if verb:
                    out.add((verb[0],))
                    continue
            if k > 0 and words[k - 1] == "at" and nxt[0] in _NO_TIME and k + 2 < len(words):
                # "at no point did water flow over the dam": what did not happen
                # is the inverted clause after it, read as "no water flowed"
                rest = [x for x in words[k + 2:k + 8] if x not in _NEG_SKIP]
                if len(rest) >= 2:
                    out.add((rest[0], rest[1]))
                continue
            # "no <thing> was <done>": the thing and what was done to it,
            # read after the auxiliary ("no crew-served weapons were turned
            # over" says nothing against "crew-served weapons")
            window = words[k + 1:k + 8]
            aux = next((n for n, x in enumerate(window) if x in _NO_AUX), None)
            done = [x for x in window[aux + 1:] if x not in _NEG_SKIP] if aux is not None else []
            if done and done[0] != nxt[0] and done[0] not in _LIGHT_DONE:
                out.add((nxt[0], done[0]))
            elif len(nxt) > 1 and _WHERE_WHEN & set(window[window.index(nxt[0]) + 1:window.index(nxt[1])]):
                # "recorded no tremor in the Tarrow area": where or when is not what there was none of
                out.add((nxt[0],))
            else:  # "no agreement on a ceasefire was reached": the noun says what did not happen
                out.add(tuple(nxt[:2]))
    return frozenset(out)


# Prepositions that say where or when, not what about.
_WHERE_WHEN = frozenset({"in", "at", "near", "during", "inside", "outside", "around", "across"})


# Nouns after "no" that deny what they are of: "no sign of cracking".
_EVIDENTIAL = frozenset({"sign", "signs", "trace", "traces", "indication", "indications", "hint", "evidence",
                         "suggestion", "question"})
# Nouns after "at no" that make it "never": "at no point did ...".
_NO_TIME = frozenset({"point", "time", "stage", "moment"})
# Light verbs whose noun says what happened ("no agreement was reached", "no deal was struck").
_LIGHT_DONE = frozenset({"reached", "made", "taken", "given", "held", "had", "done", "achieved", "struck", "found",
                         "seen", "got", "gotten", "put", "offered"})
# Auxiliaries after "no <thing>" that put what was done to it next.
_NO_AUX = frozenset({"was", "were", "is", "are", "been", "has", "have", "had"})


# Verbs whose negation is about the report, not the event ("did not say
# when", "did not give details", "has not commented").
_REPORT_VERBS = {"say", "said", "says", "tell", "told", "comment", "commented", "specify", "specified",
                 "elaborate", "give", "gave", "given", "provide", "provided", "respond", "responded",
                 "reply", "replied", "know", "knew", "known", "disclose", "disclosed", "return", "returned"}
# Negations whose next verb is what is denied, for the subject-matched rule.
_DENY_CUES = {"not", "n't", "never"}
# Words that put a noun, not a verb, after them.
_NOT_BEFORE_VERB = _FUNCTION | {"of", "with", "for", "in", "on", "at", "from", "into", "by", "about", "over",
                                "under", "after", "before", "against", "between", "some", "any", "no", "each",
                                "every", "my", "your", "our"}
# Words that are never the head of a subject: conjunctions, relative and
# question words, quantifiers.
_NOT_SUBJECT = {"and", "but", "or", "nor", "if", "that", "which", "who", "whom", "whose", "what", "when",
                "where", "why", "how", "because", "while", "although", "though", "whether", "than", "then",
                "other", "others", "most", "some", "many", "all", "each", "every", "both", "several", "few",
                "any", "none", "said", "says", "say", "told", "according", "including"}


# Words that put "to" and a verb after a subject without being its action:
# "the line is expected to reopen" is about the line reopening.
_CATENATIVE = frozenset({"expected", "likely", "unlikely", "set", "due", "scheduled", "slated", "poised", "going",
                         "able", "unable", "supposed", "certain", "sure", "bound", "about", "ready", "seems",
                         "seemed", "appears", "appeared", "continues", "continued", "begins", "began", "starts",
                         "started",
                         # intentions: "Castle plans to sell the meteorite" is said of Castle
                         "plans", "planned", "planning", "intends", "intended", "intending", "wants", "wanted",
                         "aims", "aimed", "decided", "decides"})


def _subject_words(words: Sequence[str], end: int) -> list[str]:
    """The content words among the (up to eight) words before ``end``, in
    order: who does what comes at ``end``, so the last is the subject's head
    (a word such as "expected" or "likely" before "to" is not a subject:
    "the line is expected to reopen")."""
    lo = max(0, end - 8)
    return [w for k, w in enumerate(words[lo:end], start=lo)
            if w not in _NEG_SKIP and w not in _NEG_WORDS and w not in _NEGATING_TO and w not in _NOT_SUBJECT
            and len(w) > 2 and not w.endswith("ly")
            and not (w in _CATENATIVE and k + 1 < len(words) and words[k + 1] == "to")]


_BY_AGENT_RE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?\w+ed\s+by\s+(?:an?\s+|the\s+)?([\w-]+)",
                          re.IGNORECASE)


def _in_main_roles(c: Claim, word: str) -> bool:
    """Whether ``word`` (or a form of it) is the claim's action, its subject,
    its agent or the doer of its passive ("caused by a cyberattack"), not a
    word of a clause inside it ("households that had lost their homes").

    >>> from claimcheck import Claim, Frame
    >>> c = Claim(id="c", article="x", source="S", speaker=None, text="The outage was caused by a cyberattack",
    ...           start=0, end=1, frame=Frame(action="cause", subject="outage"))
    >>> _in_main_roles(c, "cyberattack"), _in_main_roles(c, "caused"), _in_main_roles(c, "hackers")
    (True, True, False)
    """
    roles = {*c.frame.action.split(), c.frame.subject, c.frame.agent, *c.frame.patient} - {""}
    roles |= {m.group(1).lower() for m in _BY_AGENT_RE.finditer(c.text)}
    word = word.lower()
    return any(_states(r, (), word) or word in _BEGIN_FORMS and r in _BEGIN_FORMS for r in roles)


def _same_stem(x: str, y: str) -> bool:
    """The same word, or two words of five letters or more that share their first five."""
    return x == y or (len(x) >= 5 and len(y) >= 5 and x[:5] == y[:5])


def _same_subject(x: str, y: str) -> bool:
    """The same word, or one WordNet sense of one is, or is a kind of, the
    other's ("the leaders" and "the presidents")."""
    return _same_stem(x, y) or relation(base_forms(x)[-1], base_forms(y)[-1]) in _SAME_MEANING


@functools.lru_cache(maxsize=16384)
def _denied_predicate(neg: str, pos: str) -> tuple[str, str, tuple[str, ...]] | None:
    """``(subject, verb, negated words)`` when ``neg`` says that someone does
    not do (or failed to do) what ``pos`` says the same someone does: the
    verb after the negation is in ``pos`` as an asserted verb, and the two
    subject heads (the last content word before the negation, and before
    the verb) are the same word, WordNet synonyms or one a kind of the
    other, or each is among the other's words before it; when both verbs
    have a direct object, the objects match in the same way.  Or, with an
    empty subject, when ``neg`` says there was no such thing ("no agreement
    on a ceasefire") and ``pos`` has its verb with the same object ("agreed
    a ceasefire").  The negated words are as :func:`_negated_words` gives them.

    Pronoun subjects never match (they are skipped), nor do reporting verbs
    ("did not say when", "no comment") or a noun phrase after a copula ("is
    not the first program" against "is the first prison").

    >>> _denied_predicate("The government will not appeal the ruling",
    ...                   "The government would appeal to the European court")
    ('government', 'appeal', ('appeal',))
    >>> _denied_predicate("No agreement on a ceasefire was reached", "The leaders agreed a ceasefire")
    ('', 'agreed', ('agreement', 'ceasefire'))
    >>> _denied_predicate("Other suitors are not interested", "Other buyers are interested") is None
    True
    """
    nw, pw = _neg_words(neg), _neg_words(pos)
    for k, w in enumerate(nw):
        if w == "no":
            found = _denied_thing(nw[k + 1:k + 8], pw)
            if found is not None:
                return found
            continue
        if w in _DENY_CUES:
            after = [j for j in range(k + 1, min(len(nw), k + 5))
                     if nw[j] not in _NEG_SKIP and not nw[j].endswith("ly")]
            if after and any(x in _FUNCTION or x in _NOT_SUBJECT for x in nw[k + 1:after[0]]):
                continue  # "not the first program": a noun phrase, not a verb
        elif w in _NEGATING_TO and k + 2 < len(nw) and nw[k + 1] == "to":
            after = [k + 2]
        else:
            continue
        if not after:
            continue
        verb = nw[after[0]]
        if verb in _REPORT_VERBS or verb in _NEG_SKIP or len(verb) < 3:
            continue
        subject = _subject_words(nw, k)
        if not subject:
            continue
        for m, x in enumerate(pw):
            if not _same_stem(x, verb) or not _verb_at(pw, m):
                continue
            other = _subject_words(pw, m)
            if {"other", "another"} & (set(pw[max(0, m - 3):m]) | set(nw[max(0, k - 3):k])):
                continue  # "the men won't have to sit next to them" / "allow other males to sit"
            if other and (_same_subject(subject[-1], other[-1])
                          or any(_same_stem(subject[-1], t) for t in other)
                          and any(_same_stem(other[-1], t) for t in subject)):
                ob_n, ob_p = _object_word(nw, after[0]), _object_word(pw, m)
                if ob_n and ob_p and not _same_subject(ob_n, ob_p):
                    continue  # "is not playing a guitar" / "is playing a flute"
                return subject[-1], verb, (verb,)
    return None


def _object_word(words: Sequence[str], verb: int) -> str:
    """The direct object's first content word right after ``words[verb]``
    (past particles and determiners), or "" when a preposition or another
    function word comes first ("appeal to the court")."""
    for w in words[verb + 1:verb + 5]:
        if w in _FUNCTION or w in _PARTICLES - {"to", "from", "of", "by", "with"} or w.endswith("ly"):
            continue
        if w in _NEG_SKIP or w in _NOT_SUBJECT or w in _NEG_WORDS or w in _NOT_OBJECT:
            return ""
        return w
    return ""


# Prepositions, conjunctions and adverbs of time that can follow a verb
# where an object would: "step down after the merger", "held overnight".
_NOT_OBJECT = {"after", "before", "once", "until", "till", "since", "during", "within", "without", "despite",
               "against", "between", "through", "across", "around", "near", "under", "above", "below", "amid",
               "following", "as", "at", "off", "up", "out", "down", "away", "back", "here", "there", "now",
               "today", "yesterday", "tomorrow", "tonight", "overnight", "again", "soon", "later", "earlier",
               "first", "last", "next", "instead", "either", "anyway", "unless", "whether", "because", "so"}


def _verb_at(pw: Sequence[str], m: int) -> bool:
    """Whether ``pw[m]`` reads as an asserted verb: not after a preposition
    or determiner (a noun or modifier: "a clash with forces", "a group of
    armed women"), not negated, not restricted ("would only be authorized")."""
    return m > 0 and pw[m - 1] not in _NOT_BEFORE_VERB \
        and not any(y in _NEG_WORDS or y in {"without", "only"} for y in pw[max(0, m - 3):m])


def _denied_thing(after: Sequence[str], pw: Sequence[str]) -> tuple[str, str, tuple[str, ...]] | None:
    """The "no agreement on a ceasefire" case of :func:`_denied_predicate`:
    ``after`` are the words after "no"."""
    nxt = [x for x in after if x not in _NEG_SKIP and x not in _NEGATORS]
    if len(nxt) < 2:
        return None
    thing, obj = nxt[0], nxt[1]
    if len(thing) < 5 or len(obj) < 3 or any(_same_stem(thing, r) for r in _REPORT_VERBS):
        return None
    for m, x in enumerate(pw):
        if x != thing and _same_stem(x, thing) and _verb_at(pw, m) \
                and any(_same_stem(obj, y) for y in pw[m + 1:m + 5]):
            return "", x, (thing, obj)
    return None


def _states(text: str, lemmas: Sequence[str], word: str) -> bool:
    """Whether ``text`` has ``word`` or a form of it (the same word, a
    lemma of the text that starts it, or a shared stem of five letters).

    >>> _states("Aid was requested on Monday", (), "request"), _states("Some were thrown", (), "ejected")
    (True, False)
    """
    _, lowered, _ = _words(text)
    candidates = set(lowered) | {x.lower() for x in lemmas}
    if word in candidates:
        return True
    if word in _BEGIN_FORMS and candidates & _BEGIN_FORMS:
        return True  # "pumping had not started" / "engineers began pumping"
    return any(c.startswith(word) or word.startswith(c) and len(c) >= 4 or _same_stem(c, word) for c in candidates)


def _inserted_negation(a: str, b: str) -> tuple[str, bool] | None:
    """``(cue, True if a holds it)`` when one text is the other with a
    negation word added (or an article turned into "no") and nothing else.

    >>> _inserted_negation("The man who is smiling waves.", "The man who isn't smiling waves.")
    ("n't", False)
    """
    wa, wb = _neg_words(a), _neg_words(b)
    if len(wa) < 3 or len(wb) < 3:
        return None
    ops = [op for op in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(ops) != 1:
        return None
    tag, i1, i2, j1, j2 = ops[0]
    xs, ys = wa[i1:i2], wb[j1:j2]
    if tag == "insert" and len(ys) == 1 and ys[0] in _NEGATORS:
        return ys[0], False
    if tag == "delete" and len(xs) == 1 and xs[0] in _NEGATORS:
        return xs[0], True
    if tag == "replace" and len(xs) == 1 and len(ys) == 1:
        if xs[0] == "no" and ys[0] in _FUNCTION | {"some", "any"}:
            return "no", True
        if ys[0] == "no" and xs[0] in _FUNCTION | {"some", "any"}:
            return "no", False
    return None


def _ordinal_words() -> dict[str, int]:
    """English ordinal words from first to ninety-ninth, and hundredth."""
    units = "first second third fourth fifth sixth seventh eighth ninth".split()
    teens = ("tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
             "nineteenth").split()
    tens = "twenty thirty forty fifty sixty seventy eighty ninety".split()
    out = {w: k for k, w in enumerate(units + teens, start=1)}
    for k, t in enumerate(tens, start=2):
        out[t[:-1] + "ieth"] = 10 * k
        for u, w in enumerate(units, start=1):
            out[f"{t}-{w}"] = 10 * k + u
    out["hundredth"] = 100
    return out


_ORDINAL_WORDS = _ordinal_words()


def _ordinal(word: str) -> int | None:
    """The number an ordinal word stands for.

    >>> _ordinal("Thirteenth"), _ordinal("twenty-first"), _ordinal("fortieth"), _ordinal("13th"), _ordinal("floor")
    (13, 21, 40, 13, None)
    """
    w = word.lower().strip(".,")
    if w in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[w]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", w)
    return int(m.group(1)) if m else None


_NEG_WORDS = {"not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor",
              "denied", "deny", "denies", "declined", "decline", "refused", "refuse", "rejected"}


# Words that say when, not what happened, and words that make a date a bound.
_TIME_WORDS = frozenset(set(_WEEKDAYS) | set(_MONTHS) | {
    "last", "next", "this", "early", "late", "mid", "morning", "afternoon", "evening", "night", "week", "month",
    "year", "ago", "earlier", "later", "yesterday", "today", "tomorrow", "tonight", "past", "previous",
    "sometime", "around", "about", "shortly", "half", "quarter", "spring", "summer", "autumn", "fall", "winter",
    "when", "then", "once"})
# An event that spans several days: any of them can be "on <weekday>".
_MULTI_DAY = re.compile(r"\b(?:two|three|four|five|six|seven|several|\d+)[- ]days?\b"
                        r"(?! (?:ago|earlier|later|before|after))"
                        r"|\b(?:24|36|48|72|96)[- ]hours?\b"
                        r"|\b(?:second|third|fourth|fifth|sixth|final|last) day\b"
                        r"|\bfor (?:two|three|four|five|several|\d+) days\b", re.IGNORECASE)
_START_OR_END = re.compile(r"\b(?:beg[ai]n|begins|start(?:ed|s)?|open(?:ed|s)|launch(?:ed|es)|end(?:ed|s)|"
                           r"finish(?:ed|es)|conclud(?:ed|es)|kick(?:ed|s) off|walk(?:ed|s)? (?:off|out)|"
                           r"went on strike)\b", re.IGNORECASE)
_DATE_BOUNDS = frozenset({"by", "before", "until", "till", "after", "since", "from", "between", "within"})


def _event_words(span: str) -> list[str]:
    """The lower-cased content words of ``span`` that can name an event:
    not names (capitalised words), numbers, time words, reporting verbs,
    function words, nor nouns for places and buildings (:func:`place_noun`).

    >>> _event_words("made an emergency landing at Carrowby regional airport")
    ['emergency', 'landing']
    """
    out: list[str] = []
    last = -2  # where in ``span``'s words the last kept word stood
    for k, w in enumerate(_WORD_RE.findall(span.replace("\u2019", "'"))):
        lw = w.lower()
        if w[:1].isupper() or len(lw) <= 2 or lw in _STOP or lw in _TIME_WORDS or lw in _REPORT_VERBS \
                or lw in _NEG_SKIP or lw in _LIGHT_FORMS or any(ch.isdigit() for ch in lw):
            continue
        if place_noun(lw):
            # where it happened is not what happened: "at Carrowby regional
            # airport", with the describing word right before it
            if out and last == k - 1 and adjective_only(out[-1]):
                out.pop()
            continue
        out.append(lw)
        last = k
    return out


def _event_of(text: str, expr: str, several: bool) -> frozenset[str]:
    """The words of the event that ``expr`` (a date or a place in ``text``)
    belongs to: the content words before it in its clause (only the nearest
    two when ``several`` expressions of its kind are in the text: "a video
    message to retail staff in November ... shipping in April") and the
    first two after it in its clause ("at the Wednesday hearing"); when its
    clause has none before it, the nearest two of the clauses before ("was
    arrested in Atlanta, Georgia, on Monday"); for an expression that opens
    the text, the three after it.  All the text's event words when ``expr``
    is not found in it.

    >>> sorted(_event_of("The quake struck the province on Monday", "Monday", False))
    ['quake', 'struck']
    """
    i = text.lower().find(expr.lower())
    if i < 0:
        return frozenset(_event_words(text))
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(text) if m.end() <= i), default=0)
    event = _event_words(text[start:i])
    if several:
        event = event[-2:]
    if not event:
        event = _event_words(text[:i])[-2:]  # "arrested in Atlanta, Georgia, on Monday night"
    rest = text[i + len(expr):]
    stop = _CLAUSE_BREAK.search(rest)
    event += _event_words(rest[:stop.start()] if stop else rest)[:2]
    if not event:
        event = _event_words(rest)[:3]
    return frozenset(event)


def _dated_events(text: str, times: Sequence[str]) -> list[tuple[str, set[str], frozenset[str]]]:
    """``(time, keys, event words)`` for each time expression of ``text`` that
    names a weekday, month or year and is neither a bound ("by April",
    "before September 2015") nor one of two alternatives ("March or April");
    the event words are :func:`_event_of`'s.

    >>> [(t, sorted(k), sorted(e)) for t, k, e in _dated_events("The quake struck the province on Monday", ["Monday"])]
    [('Monday', ['monday'], ['quake', 'struck'])]
    >>> _dated_events("It will go on sale by April", ["April"])
    []
    >>> _dated_events("It will go on sale in March or April", ["March", "April"])
    []
    """
    keyed = [t for t in times if _time_keys([t])]
    low = text.lower()
    out: list[tuple[str, set[str], frozenset[str]]] = []
    for t in keyed:
        words_t = _WORD_RE.findall(t.lower())
        i = low.find(t.lower())
        prev = _WORD_RE.findall(low[max(0, i - 40):i]) if i >= 0 else []
        while prev and prev[-1] in {"the", "early", "late", "mid", "as", "very", "sometime"}:
            prev = prev[:-1]
        if (words_t and words_t[0] in _DATE_BOUNDS) or (prev and prev[-1] in _DATE_BOUNDS):
            continue
        if (prev and prev[-1] in {"or", "either"}) or (i >= 0 and re.match(r"\s*,?\s*or\b", low[i + len(t):])):
            continue  # one of two alternatives ("in the second half of 2015 or early 2016"): no firm date
        out.append((t, _time_keys([t]), _event_of(text, t, len(keyed) > 1)))
    return out


def _events_align(x: frozenset[str], y: frozenset[str]) -> bool:
    """Whether two sets of event words share a word, a stem or a WordNet
    synonym ("shipping" / "shipped", "quake" / "earthquake" does not: the
    whole set must share one); not a kind-of link, which makes any launch
    an "event"."""
    return any(_same_stem(u, v) or relation(base_forms(u)[-1], base_forms(v)[-1]) == "synonym"
               for u in x for v in y)


@functools.lru_cache(maxsize=16384)
def _word_lemmas(word: str) -> frozenset[str]:
    """The dictionary forms ``word`` may have as a noun (:func:`base_forms`)
    or a regular verb, and those of the word without a "re-" that WordNet
    does not list: "reopened" -> "open", "closed" -> "close", "losses" ->
    "loss".

    >>> sorted(_word_lemmas("reopened")), sorted(_word_lemmas("closed")), sorted(_word_lemmas("reported"))
    (['open', 'opened', 'reopened'], ['close', 'closed'], ['report', 'reported'])
    """
    w = word.lower()
    out = set(base_forms(w))
    if w.startswith("re") and len(w) > 5 and not known_word(w):
        out |= _word_lemmas(w[2:])  # "reopened": opened again
    for cut, add in (("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"), ("ied", "y"), ("ies", "y"), ("s", "")):
        if w.endswith(cut) and len(w) > len(cut) + 2:
            stem = w[: -len(cut)] + add
            for lemma in (stem, stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem):
                if w in _verb_forms(lemma) and known_word(lemma):
                    out.add(lemma)
    return frozenset(out)


def _events_oppose(x: frozenset[str], y: frozenset[str]) -> bool:
    """Whether two sets of event words name opposite actions (WordNet's
    direct antonyms): "closed to all traffic on Wednesday" / "to reopen to
    traffic on Thursday" date two events, not one.

    >>> _events_oppose(frozenset({"closed", "traffic"}), frozenset({"reopen", "traffic"}))
    True
    >>> _events_oppose(frozenset({"struck", "quake"}), frozenset({"quake", "hit"}))
    False
    """
    return any(antonym_kind(p, q) == "direct" for u in x for v in y
               for p in _word_lemmas(u) for q in _word_lemmas(v))


# Verbs too general to tell two acts apart in a date's clause ("was held on
# Saturday" / "took place on Friday" may be one event); not _NO_ACT_VERBS,
# which keeps "posted" and the like from anchoring figures.
_DATE_LIGHT_LEMMAS = frozenset({"be", "have", "do", "hold", "take", "make", "get", "give", "put", "keep", "go", "come",
                            "say", "tell", "report", "announce", "confirm", "state", "add", "happen", "occur"})


@functools.lru_cache(maxsize=1)
def _act_tables() -> tuple[dict[str, str], tuple[frozenset[str], ...]]:
    """Irregular past forms to their lemmas, and the kinds of act whose
    verbs name one act (the first words of :data:`_ONE_ACT`'s verbs, and
    :data:`_VERB_GROUP`'s groups)."""
    irregular = {form: lemma for lemma, forms in _IRREGULAR_PAST.items() for form in forms}
    groups = tuple(frozenset(v.split()[0] for v in g) for g in _ONE_ACT) + \
        tuple(frozenset(k for k, v in _VERB_GROUP.items() if v == name) for name in sorted(set(_VERB_GROUP.values())))
    return irregular, groups


def _acts(words: frozenset[str]) -> list[frozenset[str]]:
    """The lemma sets of the past forms among a date's event words ("lifted",
    "placed", "broke"): the acts the date belongs to.  Light and reporting
    verbs are left out."""
    irregular, _ = _act_tables()
    out = []
    for w in words:
        if not (w.endswith("ed") and len(w) > 4 or w in irregular) or w in _LIGHT_FORMS:
            continue
        lemmas = set(_word_lemmas(w)) | ({irregular[w]} if w in irregular else set())
        if lemmas and not lemmas & _DATE_LIGHT_LEMMAS:
            out.append(frozenset(lemmas))
    return out


def _other_acts(x: frozenset[str], y: frozenset[str]) -> bool:
    """Whether two sets of event words date two different acts: each has an
    act (:func:`_acts`) and no act of one is an act of the other, by lemma,
    a five-letter stem, or one kind of act ("broke out" / "started", "died"
    / "was killed").  "The lockdown was lifted on Monday" and "the prison
    was placed in lockdown on Sunday" date two acts, not one.

    >>> _other_acts(frozenset({"lockdown", "lifted"}), frozenset({"placed", "lockdown"}))
    True
    >>> _other_acts(frozenset({"fire", "broke"}), frozenset({"fire", "started"}))
    False
    >>> _other_acts(frozenset({"quake", "struck"}), frozenset({"quake"}))
    False
    """
    ax, ay = _acts(x), _acts(y)
    if not ax or not ay:
        return False
    _, groups = _act_tables()
    for p in ax:
        for q in ay:
            if p & q or any(_same_stem(u, v) for u in p for v in q) \
                    or any(p & g and q & g for g in groups):
                return False
    return True


_WEEKDAY_KEYS, _MONTH_KEYS = frozenset(_WEEKDAYS), frozenset(_MONTHS)


def _like_keys(ka: set[str], kb: set[str]) -> list[tuple[set[str], set[str]]]:
    """Two sets of time keys (:func:`_time_keys`) split like with like: their
    weekdays, their months, their years.

    >>> _like_keys({"monday", "2015"}, {"april", "2014"})
    [({'monday'}, set()), (set(), {'april'}), ({'2015'}, {'2014'})]
    """
    return [(ka & _WEEKDAY_KEYS, kb & _WEEKDAY_KEYS), (ka & _MONTH_KEYS, kb & _MONTH_KEYS),
            ({k for k in ka if k.isdigit()}, {k for k in kb if k.isdigit()})]


def _date_clash(a: str, times_a: Sequence[str], b: str, times_b: Sequence[str], *,
                acts: bool = True) -> tuple[str, str] | None:
    """The two time expressions that date one event differently, compared
    like with like (weekday with weekday, month with month, year with year),
    when no other pair of dates of that event agrees.  With ``acts``, two
    dates of two different acts on one thing (:func:`_other_acts`) are no
    dates of one event.  ``("", "")`` when the
    texts date one event but disagree on no weekday, month or year (a
    calendar-day clash is then the caller's to decide); None when no date of
    one is a date of the same event in the other.

    >>> _date_clash("The quake struck on Monday afternoon", ["Monday afternoon"],
    ...             "The earthquake struck on Tuesday", ["Tuesday"])
    ('Monday afternoon', 'Tuesday')
    >>> _date_clash("The watch will start shipping in April", ["April"],
    ...             "In a video message to staff in November, she told them to prepare", ["November"]) is None
    True
    """
    clashes: list[tuple[int, str, str]] = []
    agree: set[int] = set()
    aligned = False
    for ta, ka, ea in _dated_events(a, times_a):
        for tb, kb, eb in _dated_events(b, times_b):
            if not _events_align(ea, eb) or _events_oppose(ea, eb) or acts and _other_acts(ea, eb):
                continue  # two events, or two acts on one thing ("placed in lockdown" / "lifted")
            aligned = True
            for n, (xa, xb) in enumerate(_like_keys(ka, kb)):
                if xa and xb:
                    if xa & xb:
                        agree.add(n)
                    else:
                        clashes.append((n, ta, tb))
    for n, ta, tb in clashes:
        if n not in agree:
            return ta, tb
    return ("", "") if aligned else None


_LIGHT_FORMS = frozenset({"trying", "tried", "tries", "try", "going", "went", "got", "getting", "made", "making",
                          "took", "taking", "came", "coming", "seen", "seeing", "saw", "wanted", "wants", "want",
                          "need", "needs", "needed",
                          # what is planned is the event, not the planning: "scheduled a
                          # special event on March 9" / "is scheduled to ship in April"
                          "schedule", "scheduled", "schedules", "scheduling", "planned"})
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013\u2026]|\.\.\.|[.!?][\"\u201d']?\s+(?-i:(?=[A-Z]))|"
                           r"\b(?:although|though|but|while|whereas|where|which|because|unless)\b", re.IGNORECASE)
# Verbs too light to say what a hedge is about ("unlikely to see", "expected to see").
_LIGHT_VERBS = frozenset({"see", "get", "make", "take", "come", "go", "have", "do", "give", "show", "put", "keep",
                          "seem", "look", "become", "need", "want", "try"})


def _hedged_clause(text: str, cue: str) -> str:
    """The clause of ``text`` that holds the hedge ``cue``: what the hedge is
    about, between the punctuation or the conjunctions that bound it.

    >>> _hedged_clause("Consumers are unlikely to see a new iPhone before September, "
    ...                "although the Watch is due in the spring", "unlikely")
    'Consumers are unlikely to see a new iPhone before September'
    """
    i = text.lower().find(cue.lower())
    if i < 0 or cue == text:
        return text
    breaks = list(_CLAUSE_BREAK.finditer(text))
    start = max((m.end() for m in breaks if m.end() <= i), default=0)
    end = min((m.start() for m in breaks if m.start() >= i + len(cue)), default=len(text))
    return text[start:end]


_MODEL = re.compile(r"\b([A-Za-z]*[A-Z][A-Za-z]*)\s+(\d{1,2}[a-zA-Z]{0,2})\b(?!\s*(?:%|per|percent|million|billion))")


def _same_hedged(x: str, cue_x: str, y: str, cue_y: str) -> bool:
    """Whether two hedges are about the same thing: their clauses
    (:func:`_hedged_clause`) share a content word other than the hedges'
    own words, by stem or as WordNet synonyms or kinds of one another
    (:func:`_one_kind`: "a deal", "an agreement"); "unlikely to see a new
    iPhone" and "the Watch is expected to retail for thousands" share none.

    >>> _same_hedged("Putin said a meeting was still far off", "still far off",
    ...              "Trump said he would meet Putin very soon", "very soon")
    True
    >>> _same_hedged("Consumers are unlikely to see a new iPhone, although the Watch is due in spring", "unlikely",
    ...              "The Watch Edition is expected to retail for thousands", "expected to")
    False
    >>> _same_hedged("Consumers are unlikely to see the launch of a new iPhone", "unlikely",
    ...              "The iPhone 5s will likely live on", "likely")
    False
    """
    hedge = {w for w in _WORD_RE.findall((cue_x + " " + cue_y).lower())}

    def words(text: str, cue: str) -> set[str]:
        # a name with a model number is another thing than the bare name:
        # "the iPhone 5s will likely live on" / "unlikely to see a new iPhone"
        # (number first, so that no stem test matches it with the bare name)
        clause = _MODEL.sub(r"\2-\1", _hedged_clause(text, cue))
        return {w for w in _WORD_RE.findall(clause.lower().replace("\u2019", "'"))
                if len(w) > 2 and w not in _STOP and w not in hedge and w not in _REPORT_VERBS
                and w not in _LIGHT_VERBS}

    wy = words(y, cue_y)
    return any(_same_stem(u, v) or _one_kind(u, v) for u in words(x, cue_x) for v in wy)


def _one_kind(u: str, v: str) -> bool:
    """Whether two nouns name one kind of thing: WordNet synonyms, or one a
    kind of the other, both things rather than people, and neither as
    general as "event" or "act" (first sense at depth 5 or more): "deal" /
    "agreement", not "launch" / "event" nor "consumers" / "customers"."""
    if not (noun_thing(u) and noun_thing(v)):
        return False
    rel = relation(u, v)
    return rel == "synonym" or rel in _SAME_MEANING and min(sense_depth(u), sense_depth(v)) >= 5


def _cue_for(c: Claim) -> str:
    from ._frames import likelihood_of

    _, cues = likelihood_of(c.text, negated=c.frame.negated)
    if not cues:
        return c.text
    # the most decided cue
    best = max(cues, key=lambda cue: abs((likelihood_of(cue)[0] or 0.5) - 0.5))
    return best


def judge_pairs(judge: Judge, pairs: Sequence[tuple[Claim, Claim, float]]) -> list[Judgement]:
    """Use ``judge.judge_many`` when the judge has it, else one call a pair."""
    many: Any = getattr(judge, "judge_many", None)
    if callable(many):
        out = list(many(pairs))
        if len(out) != len(pairs):
            from .errors import ModelError

            raise ModelError(f"judge_many returned {len(out)} judgements for {len(pairs)} pairs")
        return out
    return [judge.judge(a, b, s) for a, b, s in pairs]


# Past forms of the irregular verbs in oppositions.tsv (regular forms are made by :func:`_verb_forms`).
_IRREGULAR_PAST = {
    "hold": ("held",), "give": ("gave", "given"), "break": ("broke", "broken"), "burst": ("burst",),
    "leave": ("left",), "quit": ("quit", "quitted"), "fall": ("fell", "fallen"), "rise": ("rose", "risen"),
    "sink": ("sank", "sunk"), "win": ("won",), "lose": ("lost",), "strike": ("struck", "stricken"),
    "throw": ("threw", "thrown"), "go": ("went", "gone"), "keep": ("kept",), "grow": ("grew", "grown"),
    "shrink": ("shrank", "shrunk"), "forbid": ("forbade", "forbidden"), "cut": ("cut",),
    "withdraw": ("withdrew", "withdrawn"), "uphold": ("upheld",), "call": ("called",), "lay": ("laid",),
}
_VOWELS = frozenset("aeiou")
_BE = frozenset({"be", "is", "was", "were", "are", "been", "being", "am"})


@functools.lru_cache(maxsize=1024)
def _action_forms(lemma: str) -> frozenset[str]:
    """The forms of an action's verb in the opposition list, "be" with its
    irregular ones ("was unaffected", "were closed").

    >>> sorted(_action_forms("be"))
    ['am', 'are', 'be', 'been', 'being', 'is', 'was', 'were']
    """
    return _BE if lemma == "be" else _verb_forms(lemma)


def _verb_forms(lemma: str) -> frozenset[str]:
    """The inflected forms of an English verb.

    >>> sorted(_verb_forms("step"))
    ['step', 'stepped', 'stepping', 'steps']
    >>> sorted(_verb_forms("hold")), sorted(_verb_forms("deny"))
    (['held', 'hold', 'holding', 'holds'], ['denied', 'denies', 'deny', 'denying'])
    """
    v = lemma
    forms = {v}
    if v.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(v + "es")
    elif v.endswith("y") and v[-2:-1] not in _VOWELS:
        forms.add(v[:-1] + "ies")
    else:
        forms.add(v + "s")
    syllables = len(re.findall(r"[aeiou]+", v))
    if v.endswith("ie"):
        past, ing = v + "d", v[:-2] + "ying"
    elif v.endswith("e") and not v.endswith("ee"):
        past, ing = v + "d", v[:-1] + "ing"
    elif v.endswith("y") and v[-2:-1] not in _VOWELS:
        past, ing = v[:-1] + "ied", v + "ing"
    elif syllables == 1 and len(v) >= 3 and v[-1] not in _VOWELS | {"w", "x", "y"} \
            and v[-2] in _VOWELS and v[-3] not in _VOWELS:
        past, ing = v + v[-1] + "ed", v + v[-1] + "ing"  # "step", "drop", "ban"
    else:
        past, ing = v + "ed", v + "ing"
    forms.add(ing)
    forms.update(_IRREGULAR_PAST.get(v, (past,)))
    return frozenset(forms)


# "start" and "begin" name one act: "pumping had not started" / "engineers began pumping".
_BEGIN_FORMS = _verb_forms("begin") | _verb_forms("start")


def _find_action(words: Sequence[str], phrase: str) -> tuple[int, int] | None:
    """``(start, end)`` of the first asserted (not negated, verb-position)
    use of ``phrase`` (a verb lemma and its particles) in ``words``.  The
    bare and -s forms of a one-word action are read as a verb only after an
    auxiliary or "to" ("will remain", "to accept"): on their own they are
    as often nouns ("a rate cut", "job cuts").  A past that is spelt as the
    bare form ("cut", "quit") is read with a direct object after it.

    >>> _find_action("the bank cut rates".split(), "cut"), _find_action("a rate cut at the meeting".split(), "cut")
    ((2, 3), None)
    >>> _find_action("the machines were also out of action".split(), "be out of action")
    (2, 7)
    """
    parts = phrase.split()
    forms = _action_forms(parts[0])
    n = len(parts)
    bare = {parts[0], parts[0] + "s", parts[0] + "es"}
    past = set(_IRREGULAR_PAST.get(parts[0], ()))
    for m, w in enumerate(words):
        # an adverb may stand after the verb of a phrase ("were also out of action")
        gap = 1 if n > 1 and m + 1 < len(words) and words[m + 1] in _PHRASE_ADVERBS else 0
        if w in forms and list(words[m + 1 + gap:m + n + gap]) == parts[1:] and _verb_at(words, m):
            if n == 1 and w in bare and words[m - 1] not in _AUXILIARIES | {"to"} \
                    and not (w in past and _object_word(words, m)):
                continue  # a past that looks like the bare form ("the bank cut rates") needs its object
            if _unasserted_clause(words, m):
                continue  # "sirens will sound if the dam gives way": a condition, not a report
            return m, m + n + gap
    return None


# Adverbs read past between the verb of a phrase and the rest of it.
_PHRASE_ADVERBS = frozenset({"also", "still", "completely", "entirely", "largely", "partly", "fully", "briefly",
                             "temporarily", "then", "now", "later", "again", "all"})


# Words that open a clause whose verb is not asserted: a condition ("if the
# dam gives way") or a time it comes before ("before the park had opened").
_UNASSERTED_OPENERS = frozenset({"if", "unless", "before", "until", "till", "whether", "lest", "once"})
_CLAUSE_LINKS = frozenset({"and", "but", "then", "or", "so", "yet"})


def _unasserted_clause(words: Sequence[str], m: int) -> bool:
    """Whether the verb at ``words[m]`` sits in a clause opened, at most five
    words before it, by "if", "unless", "before" or "until" (with no "and",
    "but" or "then" between, which would start a clause of its own).

    >>> _unasserted_clause("sirens will sound if the ice dam gives way".split(), 7)
    True
    >>> _unasserted_clause("the dyke held before dawn and then gave way".split(), 7)
    False
    """
    for k in range(m - 1, max(-1, m - 6), -1):
        if words[k] in _CLAUSE_LINKS:
            return False
        if words[k] in _UNASSERTED_OPENERS or words[k] == "after" and k > 0 and words[k - 1] == "even":
            return True  # "not allowed back even after the bridge reopened": a hypothesis
    return False


_OF_PLACE = frozenset({"at", "in", "on", "of", "near", "from", "across", "throughout", "around", "within", "inside",
                       "outside", "along"})


def _subject_phrase(words: Sequence[str], end: int) -> list[str]:
    """The subject's noun phrase before ``words[end]``: the run of content
    words that ends at its head (:func:`_subject_words`), or at the noun
    before the prepositional phrase it ends ("the dyke at Ostmoor" ->
    ``["dyke"]``); empty for a pronoun.

    >>> _subject_phrase("the dyke at ostmoor held".split(), 4), _subject_phrase("it held".split(), 1)
    (['dyke'], [])
    >>> _subject_phrase("france telecom shares dropped".split(), 3)
    ['france', 'telecom', 'shares']
    >>> _subject_phrase("production on the two undamaged lines restarted".split(), 6)
    ['production']
    """
    sub = _subject_words(words, end)
    if not sub:
        return []
    i = max(k for k in range(max(0, end - 8), end) if words[k] == sub[-1])
    j = i - 1
    # back over the prepositional phrase's own words ("production on the two
    # undamaged lines" -> "production")
    while j > max(0, i - 5) and (words[j] in _FUNCTION or words[j] in sub) and words[j] not in _OF_PLACE:
        j -= 1
    if j > 0 and words[j] in _OF_PLACE and words[j - 1] in sub:
        i = j - 1
    k = i
    while k > 0 and words[k - 1] in sub and words[k - 1] not in _AUXILIARIES:
        k -= 1
    return list(words[k:i + 1])


def _same_thing(x: Sequence[str], y: Sequence[str]) -> bool:
    """Whether two noun phrases (lists of words, head last) name the same
    thing: the heads are the same word or stem or WordNet synonyms and the
    modifiers, where both have some, share one ("Orange shares" is not
    "France Telecom shares"); or one head is a kind of the other and the
    modifiers share one ("Brightmill's head office", "Brightmill's
    headquarters"; a bare "year" is not "the period").

    >>> _same_thing(["brightmill's", "head", "office"], ["brightmill's", "headquarters"])
    True
    >>> _same_thing(["year"], ["period"]), _same_thing(["orange", "shares"], ["france", "telecom", "shares"])
    (False, False)
    """
    if not x or not y:
        return False
    mx, my = {w.removesuffix("'s") for w in x[:-1]}, {w.removesuffix("'s") for w in y[:-1]}
    shared = any(_same_stem(p, q) for p in mx for q in my)
    hx, hy = x[-1], y[-1]
    rel = relation(base_forms(hx)[-1], base_forms(hy)[-1])
    if _same_stem(hx, hy) or rel == "synonym":
        return not (mx and my) or shared
    return rel in _SAME_MEANING and shared


def _object_phrase(words: Sequence[str], last: int) -> list[str]:
    """The direct object's content words after ``words[last]`` (up to four,
    stopping at a preposition or function word); empty when there is none."""
    first = _object_word(words, last)
    if not first:
        return []
    start = list(words[last + 1:last + 5]).index(first) + last + 1
    out = [first]
    for w in words[start + 1:start + 4]:
        if w in _FUNCTION or w in _NEG_SKIP or w in _NOT_OBJECT or w in _NOT_SUBJECT or w in _PARTICLES:
            break
        out.append(w)
    return out


@functools.lru_cache(maxsize=1)
def _opposition_index() -> tuple[dict[str, list[str]], dict[str, list[tuple[str, str, bool]]]]:
    """The opposition list indexed for lookup: each verb form to the actions
    it can start, and each action to ``(opposite, frame, is_left)`` rows."""
    starts: dict[str, list[str]] = {}
    rows: dict[str, list[tuple[str, str, bool]]] = {}
    for left, right, frame in load_oppositions():
        rows.setdefault(left, []).append((right, frame, True))
        rows.setdefault(right, []).append((left, frame, False))
    for phrase in rows:
        for form in _action_forms(phrase.split()[0]):
            starts.setdefault(form, []).append(phrase)
    return starts, rows


@functools.lru_cache(maxsize=16384)
def _actions_in(text: str) -> dict[str, tuple[int, int]]:
    """The actions of the opposition list that ``text`` asserts, each with
    its first asserted use (:func:`_find_action`)."""
    starts, _ = _opposition_index()
    words = _neg_words(text)
    out: dict[str, tuple[int, int]] = {}
    for w in set(words):
        for phrase in starts.get(w, ()):
            if phrase not in out:
                at = _find_action(words, phrase)
                if at is not None:
                    out[phrase] = at
    return out


@functools.lru_cache(maxsize=16384)
def _opposed_actions(a: str, b: str) -> tuple[str, str, str] | None:
    """``(action in a, action in b, subject)`` when the two texts say that one
    subject does opposite things (``claimcheck/data/oppositions.tsv``).

    The subject is the head before each verb, matched as in
    :func:`_denied_predicate` (the same word, stem, or a WordNet synonym or
    kind), and, when both verbs have a direct object, the objects match
    too; or one verb's object is the other's subject ("the court upheld the
    law" / "the law was struck down").  A text that has both actions is not
    read.  Negated uses do not count (:func:`_verb_at`).

    >>> _opposed_actions("The dyke at Ostmoor had held overnight", "The dyke at Ostmoor gave way before dawn")
    ('had held', 'gave way', 'dyke')
    >>> _opposed_actions("The court upheld the law", "The law was struck down")
    ('upheld', 'was struck down', 'law')
    >>> _opposed_actions("The two sides held talks", "The talks collapsed") is None
    True
    >>> _opposed_actions("Shares rose", "The index fell") is None
    True
    """
    acts_a, acts_b = _actions_in(a), _actions_in(b)
    if not acts_a or not acts_b:
        return None
    wa, wb = _neg_words(a), _neg_words(b)
    _, rows = _opposition_index()
    # the longest action first: "stayed halted" rather than "halted"
    for p, at_a in sorted(acts_a.items(), key=lambda item: (item[1][0] - item[1][1], item[0])):
        for q, frame, p_is_left in rows[p]:
            at_b = acts_b.get(q)
            if at_b is None or q in acts_a or p in acts_b:
                continue
            found = _same_actor(wa, at_a, wb, at_b, frame if p_is_left else "any",
                                frame if not p_is_left else "any")
            if found:
                return _surface(a, wa, at_a), _surface(b, wb, at_b), found
    return None


def _same_actor(wa: Sequence[str], at_a: tuple[int, int], wb: Sequence[str], at_b: tuple[int, int],
                frame_a: str, frame_b: str) -> str:
    """The subject head when the two actions are done by one subject (see
    :func:`_opposed_actions`), else ""."""
    oa, ob = _object_phrase(wa, at_a[1] - 1), _object_phrase(wb, at_b[1] - 1)
    for frame, words, at, obj, other in ((frame_a, wa, at_a, oa, wb), (frame_b, wb, at_b, ob, wa)):
        if frame == "intransitive":
            before = [w for w in words[max(0, at[0] - 3):at[0]] if not w.endswith("ly")]
            if obj or (before and before[-1] in _BE):
                return ""  # "held talks", "was held in custody"
        elif frame == "object" and not (obj and any(_same_stem(obj[-1], w) for w in other)):
            return ""  # "avoided the crash" / "fell on the descent": not the thing avoided
    sa, sb = _subject_phrase(wa, at_a[0]), _subject_phrase(wb, at_b[0])
    if sa and sb and (sa[-1] in _WEEKDAYS or sb[-1] in _WEEKDAYS):
        return ""  # "strikes planned for next Tuesday and Wednesday": a day ends the phrase, not its subject
    if _same_thing(sa, sb):
        return sa[-1] if not (oa and ob) or _same_thing(oa, ob) else ""
    if oa and not ob and _same_thing(oa, sb):
        return sb[-1]
    if ob and not oa and _same_thing(ob, sa):
        return sa[-1]
    return ""


def _surface(text: str, words: Sequence[str], at: tuple[int, int]) -> str:
    """The words ``words[at[0]:at[1]]`` as written in ``text``, with an
    auxiliary right before them ("had held")."""
    start = at[0] - 1 if at[0] > 0 and words[at[0] - 1] in _AUXILIARIES else at[0]
    pattern = r"\W+".join(re.escape(w) for w in words[start:at[1]])
    found = re.search(pattern, text.replace("\u2019", "'"), flags=re.IGNORECASE)
    return text[found.start():found.end()] if found else " ".join(words[start:at[1]])


# Words that open a clause fragment rather than a statement: a relative
# pronoun, or a verb with its subject left behind ("is not her account").
_FRAGMENT_OPENERS = frozenset({"which", "who", "whom", "whose", "is", "are", "was", "were", "has", "have", "had",
                               "does", "do", "did", "will", "would", "can", "could", "should", "must"})
# Words a statement cannot end on: a negation or a copula left without its predicate.
_FRAGMENT_ENDINGS = frozenset({"not", "n't", "never", "is", "are", "was", "were", "been"})
# Words that judge another statement rather than state something.
_VERDICT_WORDS = frozenset({"true", "false", "right", "wrong", "correct", "incorrect", "accurate", "inaccurate",
                            "case", "untrue", "fake", "real"})


@functools.lru_cache(maxsize=16384)
def _fragment(text: str) -> bool:
    """Whether ``text`` is too little of a statement to conflict with anything:
    it opens with a relative pronoun or a bare verb ("which is part of the
    group", "is not her account"), it ends on an auxiliary or a negation
    ("Jim was not"), or all it says is that something is true or false
    ("It is true", "they are not true").

    >>> _fragment("It is true"), _fragment("Jim was not"), _fragment("which is part of al-Nusra")
    (True, True, True)
    >>> _fragment("Nobody is dancing"), _fragment("He is in a bedroom"), _fragment("The report is not true")
    (False, False, False)
    """
    words = _neg_words(text)
    if not words or words[0] in _FRAGMENT_OPENERS or words[-1] in _FRAGMENT_ENDINGS:
        return True  # "which is part of ...", "is not her account", "Jim was not"
    content = {w for w in words if len(w) > 2 and w not in _STOP and w not in _NEG_SKIP
               and w not in _DENY_CUES and w != "no"}
    return content <= _VERDICT_WORDS  # "It is true", "they are not true": about another text


# Adverbs that a negation before them negates themselves: "not surprisingly, ..."
_SENTENCE_ADVERBS = frozenset({"surprisingly", "unexpectedly", "coincidentally", "necessarily", "only", "entirely",
                               "exactly", "really", "fully", "completely", "unusually", "unlikely", "likely"})
# Verbs that put what follows "to" in someone's wishes or advice, not in the facts.
_WISH_VERBS = frozenset({"advised", "advise", "urged", "urge", "asked", "ask", "wanted", "want", "wants", "hoped",
                         "hope", "hopes", "planned", "plan", "plans", "encouraged", "encourage", "pressed",
                         "pressured", "called", "told", "begged", "intends", "intended", "wished", "wish"})


def _only_wished(text: str, word: str) -> bool:
    """Whether every use of ``word`` (or a form of it) in ``text`` comes
    after "to" and a verb of wishing or advising ("he was advised to press
    charges"): the text then does not say it happened.

    >>> _only_wished("he was advised to press charges", "press"), _only_wished("he pressed charges", "press")
    (True, False)
    """
    words = _neg_words(text)
    uses = [m for m, w in enumerate(words) if _same_stem(w, word)]
    return bool(uses) and all(m >= 2 and words[m - 1] == "to" and words[m - 2] in _WISH_VERBS for m in uses)


def _coordinated(text: str, lemma: str) -> bool:
    """Whether the word for ``lemma`` in ``text`` is an item of a list: right
    before or after "and", "or" or a comma ("its hardware and services").

    >>> _coordinated("its business hardware and services", "hardware"), _coordinated("the hot soup", "hot")
    (True, False)
    """
    words = _WORD_RE.findall(text.lower().replace(",", " , "))
    for m, w in enumerate(words):
        if w == lemma or (len(lemma) >= 4 and w.startswith(lemma[:4]) and len(w) <= len(lemma) + 3):
            if (m + 1 < len(words) and words[m + 1] in {"and", "or", ","}) or (m > 0 and words[m - 1] in {"and", "or"}):
                return True
    return False


_STILL = frozenset({"still", "remains", "remain", "remained", "continues", "continue", "continued"})


def _no_longer(a: Claim, b: Claim) -> bool:
    """Whether the negated one of two claims says "no longer" and the other
    does not insist that the state goes on ("still", "remains"): "Dr. Cohen
    was no longer medical director" updates "Dr. Cohen doubled as medical
    director"; it contradicts "Dr. Cohen is still medical director".

    >>> from claimcheck._types import Frame
    >>> mk = lambda t, f: Claim(id=t, article="x", source="X", speaker=None, text=t, start=0, end=len(t), frame=f)
    >>> neg = mk("He is no longer director", Frame(negated=True, cues=("no longer",)))
    >>> _no_longer(neg, mk("He doubled as director", Frame())), _no_longer(neg, mk("He is still director", Frame()))
    (True, False)
    """
    if a.frame.negated == b.frame.negated:
        return False
    neg, pos = (a, b) if a.frame.negated else (b, a)
    if not any(c.lower() == "no longer" for c in neg.frame.cues) and "no longer" not in neg.text.lower():
        return False
    return not set(_neg_words(pos.text)) & _STILL


@functools.lru_cache(maxsize=16384)
def _not_yet_done(neg: str, pos: str) -> tuple[str, str] | None:
    """``(subject, object)`` when ``neg`` says its subject has yet to do
    something to an object ("Reyka has yet to undergo a medical") and
    ``pos`` says the same subject already did something, in the past tense,
    to the same object ("Reyka passed a medical"): the thing has happened,
    whatever the verb.

    >>> _not_yet_done("Reyka has yet to undergo a medical", "Reyka passed a medical in Varna on Monday")
    ('reyka', 'medical')
    >>> _not_yet_done("Reyka has yet to undergo a medical", "Reyka will take a medical") is None
    True
    """
    nw, pw = _neg_words(neg), _neg_words(pos)
    for k in range(len(nw) - 2):
        if nw[k] != "yet" or nw[k + 1] != "to":
            continue
        obj = _object_word(nw, k + 2)
        subject = _subject_words(nw, k)
        if not obj or not subject or len(obj) < 4:
            continue
        for m, x in enumerate(pw):
            if not (x.endswith("ed") or x in _PAST_FORMS) or not _verb_at(pw, m) or x in _REPORT_VERBS:
                continue
            if pw[m - 1] in _BE:
                continue  # "is expected", "was scheduled": not a done deed
            other = _subject_words(pw, m)
            ob = _object_word(pw, m)
            if other and ob and _same_stem(ob, obj) and _same_subject(subject[-1], other[-1]):
                return subject[-1], obj
    return None


# Irregular past tenses a done deed is often told in ("underwent a medical", "took the test").
_PAST_FORMS = frozenset({"underwent", "took", "had", "did", "made", "gave", "won", "lost", "held", "met", "signed",
                         "began", "ran", "got", "sold", "bought", "paid", "left", "saw", "wrote", "sent",
                         "struck", "brought", "built", "chose", "fought", "found", "led", "set", "put", "cut"})
