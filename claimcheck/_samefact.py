"""How likely two claims state the same fact: a small learned combiner.

Embedding similarity alone confuses "the same topic" with "the same
fact".  The combiner adds what the embedding misses: how many words the
two claims share, how much of each the other covers, whether their
numbers and participants agree.  It is a logistic regression over the
features below, fitted by ``scripts/fit_same_fact.py`` on the STS-B
train split (CC BY-SA 4.0) with every pair that also appears in an
evaluation set (MSRP test, the SemEval STS news sets) removed first, and
on the labelled cross-outlet claim pairs of the project's own
development stories (``examples/*/``).  The weights ship as
``claimcheck/data/same_fact.json``.

>>> from claimcheck import Claim
>>> a = Claim(id="a", article="x", source="X", speaker=None, text="The bank raised rates.", start=0, end=22)
>>> b = Claim(id="b", article="y", source="Y", speaker=None, text="The bank raised its rates.", start=0, end=26)
>>> p = same_fact_probability(a, b, 0.95)
>>> 0.5 < p <= 1.0
True
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

from rapidfuzz import fuzz

from ._types import Claim

__all__ = ["FEATURES", "SameFactModel", "same_fact_features", "same_fact_probability"]

#: Feature names, in the order of :func:`same_fact_features`.
FEATURES = (
    "cosine",            # embedding cosine similarity
    "token_set",         # rapidfuzz token_set_ratio / 100
    "token_sort",        # rapidfuzz token_sort_ratio / 100
    "jaccard",           # content-word Jaccard overlap
    "cover_min",         # share of the less-covered claim's content words found in the other
    "len_ratio",         # shorter / longer, in content words
    "numbers_differ",    # 1 when each side has a number the other lacks and none is on both sides
    "numbers_shared",    # 1 when some number is on both sides ("Two people died" / "two deaths")
    "participants_differ",  # 1 when each side has a participant the other lacks
)

_WORD = re.compile(r"[a-z0-9][a-z0-9'’.-]*")
_NUM = re.compile(r"\d+(?:[.,]\d+)*")
_STOP = frozenset(
    "a an the of to in on at and or but is was were are be been being has have had that this it its with for "
    "by as from would will could may might there their they he she his her we our you your i me my said says "
    "say also after about than then which who whom whose what when where while into over under up out more most "
    "not no so if do does did can just its".split()
)


@functools.lru_cache(maxsize=16384)
def _content(text: str) -> frozenset[str]:
    """Content words of a text (cached: a claim is in many pairs)."""
    return frozenset(w.strip(".'’-") for w in _WORD.findall(text.lower()) if w.strip(".'’-") not in _STOP)


def _numbers(claim: Claim) -> frozenset[float]:
    """The numbers a claim gives: its frame's figures, whatever way they are
    written ("two", "five-year", "1.2 million"), and every figure written
    in digits (years and dates included).

    >>> from claimcheck import Claim
    >>> from claimcheck._types import Frame, Quantity
    >>> c = Claim(id="a", article="x", source="X", speaker=None, text="Two died in 2021.", start=0, end=17,
    ...           frame=Frame(quantities=(Quantity(2, "people", "exact", "Two"),)))
    >>> sorted(_numbers(c))
    [2.0, 2021.0]
    """
    return frozenset(round(float(q.value), 6) for q in claim.frame.quantities) | _digits(claim.text)


@functools.lru_cache(maxsize=16384)
def _digits(text: str) -> frozenset[float]:
    out = set()
    for m in _NUM.findall(text):
        plain = m.replace(",", "")
        if plain.count(".") <= 1:
            out.add(round(float(plain), 6))
    return frozenset(out)


_NAME_SUFFIXES = frozenset({"inc", "corp", "corporation", "co", "company", "ltd", "plc", "llc", "group",
                            "mr", "mrs", "ms", "dr"})
_NAME_LINKS = frozenset({"and", "of", "the", "for", "with", "on", "in", "&"})
_NAME_SPLIT = re.compile(r"[\s.'\u2019]+")  # hyphens stay: "Guinea-Bissau" is not "Guinea"
_HYPHENS = re.compile(r"[\-\u2010-\u2015]+")
# Words that make a name another place, body or product: "South Sudan" is not
# "Sudan", the "Apple Watch Sport" is not the "Apple Watch Edition".
_NAME_QUALIFIERS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                              "new", "upper", "lower", "central", "greater",
                              "sport", "edition", "plus", "pro", "mini", "max", "lite", "ultra", "air", "classic",
                              "deluxe", "premium", "xl"})


@functools.lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    toks = [t for t in _NAME_SPLIT.split(name.lower()) if t and t != "s"]
    return tuple(t for t in toks if t not in _NAME_SUFFIXES) or tuple(toks)


@functools.lru_cache(maxsize=65536)
def same_name(x: str, y: str) -> bool:
    """Whether two participant keys can name the same person or organisation.

    One name's words contained in the other's ("Genentech Inc" and
    "Genentech", "Funny Cide" and "Cide", "Apple Computer" and "Apple"),
    an acronym of the other ("SEC"), or the two spelt nearly alike
    ("al Qaeda" and "al-Qaida").

    >>> same_name("imclone systems inc", "imclone systems"), same_name("al qaeda", "al-qaida")
    (True, True)
    >>> same_name("sec", "securities and exchange commission"), same_name("u.n", "united nations")
    (True, True)
    >>> same_name("john smith", "jane smith"), same_name("putin", "trump")
    (False, False)
    >>> same_name("austria", "australia"), same_name("sudan", "south sudan"), same_name("guinea", "guinea-bissau")
    (False, False, False)
    >>> same_name("apple watch", "apple watch sport"), same_name("iphone 6", "iphone 6 plus")
    (False, False)
    """
    if x == y:
        return True
    tx, ty = _name_tokens(x), _name_tokens(y)
    if not tx or not ty:
        return False
    sx, sy = set(tx), set(ty)
    if sx <= sy or sy <= sx:
        return not ((sx ^ sy) & _NAME_QUALIFIERS)
    short, long_ = (tx, ty) if len(tx) <= len(ty) else (ty, tx)
    initials = "".join(t[0] for t in long_ if t not in _NAME_LINKS)
    if len(initials) >= 2 and "".join(short) == initials:
        return True  # "SEC" and "Securities and Exchange Commission", "U.N." and "United Nations"
    jx, jy = _HYPHENS.sub(" ", " ".join(tx)), _HYPHENS.sub(" ", " ".join(ty))
    if " " not in jx or " " not in jy:
        return fuzz.ratio(jx, jy) >= 92  # one word: "Austria" and "Australia" are two countries
    return fuzz.ratio(jx, jy) >= 85


def unmatched_participants(pa: Iterable[str], pb: Iterable[str]) -> tuple[list[str], list[str]]:
    """The participants of each side that no participant of the other side can name.

    >>> unmatched_participants(["genentech inc", "ibm"], ["genentech", "adobe"])
    (['ibm'], ['adobe'])
    """
    la, lb = sorted(set(pa)), sorted(set(pb))
    only_a = [x for x in la if not any(same_name(x, y) for y in lb)]
    only_b = [y for y in lb if not any(same_name(x, y) for x in la)]
    return only_a, only_b


def same_fact_features(a: Claim, b: Claim, similarity: float) -> tuple[float, ...]:
    """The combiner's features for a pair; symmetric in ``a`` and ``b``.

    >>> from claimcheck import Claim
    >>> a = Claim(id="a", article="x", source="X", speaker=None, text="40 died.", start=0, end=8)
    >>> f = same_fact_features(a, a, 1.0)
    >>> dict(zip(FEATURES, f))["jaccard"], dict(zip(FEATURES, f))["numbers_shared"]
    (1.0, 1.0)
    """
    sim = float(similarity) if math.isfinite(similarity) else 0.0
    ta, tb = a.text.lower(), b.text.lower()
    ca, cb = _content(a.text), _content(b.text)
    inter = len(ca & cb)
    union = len(ca | cb)
    jac = inter / union if union else 1.0
    cover = min(inter / len(ca) if ca else 1.0, inter / len(cb) if cb else 1.0)
    la, lb = len(ca), len(cb)
    len_ratio = min(la, lb) / max(la, lb) if max(la, lb) else 1.0
    na, nb = _numbers(a), _numbers(b)
    shared = bool(na & nb)
    numbers_differ = float(bool(na - nb) and bool(nb - na) and not shared)
    numbers_shared = float(shared)
    only_a, only_b = unmatched_participants(a.frame.participants, b.frame.participants)
    participants_differ = float(bool(only_a) and bool(only_b))
    return (
        min(1.0, max(-1.0, sim)),
        fuzz.token_set_ratio(ta, tb) / 100.0,
        fuzz.token_sort_ratio(ta, tb) / 100.0,
        jac,
        cover,
        len_ratio,
        numbers_differ,
        numbers_shared,
        participants_differ,
    )


class SameFactModel:
    """Logistic regression weights and the decision threshold.

    ``threshold`` is the probability from which two claims with no
    conflicting detail are labelled ``entailment`` (the same fact).
    """

    def __init__(self, weights: dict[str, float], bias: float, threshold: float,
                 meta: dict[str, Any] | None = None) -> None:
        missing = [f for f in FEATURES if f not in weights]
        if missing:
            from .errors import ConfigError

            raise ConfigError(f"same-fact model lacks weights for {missing}")
        self.weights = tuple(float(weights[f]) for f in FEATURES)
        self.bias = float(bias)
        self.threshold = float(threshold)
        self.meta = dict(meta or {})

    def probability(self, features: tuple[float, ...]) -> float:
        """P(same fact) for one feature vector."""
        z = self.bias + sum(w * x for w, x in zip(self.weights, features))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    @classmethod
    def from_json(cls, text: str) -> SameFactModel:
        """Read a model written by ``scripts/fit_same_fact.py``."""
        data = json.loads(text)
        return cls(data["weights"], data["bias"], data["threshold"], data.get("meta"))


@functools.lru_cache(maxsize=1)
def default_model() -> SameFactModel:
    """The shipped model (``claimcheck/data/same_fact.json``)."""
    raw = (resources.files("claimcheck") / "data" / "same_fact.json").read_text("utf-8")
    return SameFactModel.from_json(raw)


def same_fact_probability(a: Claim, b: Claim, similarity: float, model: SameFactModel | None = None) -> float:
    """Probability that ``a`` and ``b`` state the same fact."""
    m = model or default_model()
    return m.probability(same_fact_features(a, b, similarity))
