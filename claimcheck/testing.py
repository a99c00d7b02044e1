"""Tools for testing code that uses or extends claimcheck.

* Hypothesis strategies: :func:`articles`, :func:`claims` and
  :func:`claim_pairs` (pairs of sentences with a known relation).
  Hypothesis is only needed when a strategy is called (``pip install
  claimcheck[test]``); importing this module does not need it.
* :class:`FakeEncoder`: a deterministic, model-free encoder.
* Conformance checks in the style of scikit-learn's ``check_estimator``:
  :func:`check_judge`, :func:`check_encoder` and :func:`check_splitter`
  run a fixed set of checks on your component and raise
  :class:`AssertionError` naming the first one that fails.

Example (see ``docs/testing.md``)::

    from claimcheck.testing import check_judge
    check_judge(MyJudge())
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ._encode import Encoder, HashingEncoder
from ._types import KINDS, LABELS, Article, Claim, Frame, Judgement, Quantity

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

    from ._claims import Splitter
    from ._judge import Judge

__all__ = [
    "OUTLETS",
    "RELATIONS",
    "SPEAKERS",
    "FakeEncoder",
    "articles",
    "check_encoder",
    "check_judge",
    "check_splitter",
    "claim_pairs",
    "claims",
]

OUTLETS = ("Northern Wire", "Coastal Herald", "Radio Meridian", "Daily Ledger")
SPEAKERS = ("Interior Minister Petra Valen", "Governor Tomas Redik", "Officials", "The police",
            "A spokeswoman for the agency")
_PLACES = ("Askeli", "Tarvos", "Velmar", "Geneva", "Orvan province")
_EVENTS = ("the earthquake", "the flood", "the storm", "the fire")
_UNITS = ("people", "homes", "buildings", "families")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_VERBS = ("said", "told reporters", "announced", "confirmed")

#: The relations :func:`claim_pairs` can build, with the label a judge should give.
RELATIONS: dict[str, str] = {
    "negated": "contradiction",
    "number_shifted": "contradiction",
    "place_swapped": "contradiction",
    "paraphrased": "entailment",
}


class FakeEncoder(HashingEncoder):
    """A deterministic encoder that needs no model (hashed word features).

    Texts that share words get similar vectors; nothing is downloaded.
    It is :class:`claimcheck.HashingEncoder` under a name that says what
    it is for: ``Pipeline(encoder=FakeEncoder())`` in tests.
    """


# -- Hypothesis strategies ----------------------------------------------------

def _st() -> Any:
    try:
        from hypothesis import strategies as st
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError("claimcheck.testing strategies need Hypothesis: pip install 'claimcheck[test]'") from exc
    return st


def _sentence(speaker: str, verb: str, event: str, n: int, unit: str, place: str, day: str, kind: int) -> str:
    if kind == 0:
        return f"{speaker} {verb} {event} killed {n} {unit} in {place} on {day}."
    if kind == 1:
        return f"{speaker} {verb} {n} {unit} were injured when {event} hit {place}."
    if kind == 2:
        return f"{speaker} {verb} the government has not requested international help."
    return f"{speaker} {verb} rescuers had reached {place} by {day} morning."


def articles(*, min_sentences: int = 1, max_sentences: int = 5) -> SearchStrategy[Article]:
    """Hypothesis strategy for news-like :class:`~claimcheck.Article` objects.

    The text is built from templated, attributed sentences ("Governor
    Tomas Redik said the flood killed 12 people in Tarvos on Monday."),
    so a real splitter finds claims in it.  Ids are short and unique per
    draw only by chance: use ``st.lists(articles(), unique_by=lambda a: a.id)``.
    """
    st = _st()
    sentence: SearchStrategy[str] = st.builds(
        _sentence, st.sampled_from(SPEAKERS), st.sampled_from(_VERBS), st.sampled_from(_EVENTS),
        st.integers(2, 5000), st.sampled_from(_UNITS), st.sampled_from(_PLACES), st.sampled_from(_DAYS),
        st.integers(0, 3))
    out: SearchStrategy[Article] = st.builds(
        Article,
        id=st.from_regex(r"[a-z]{1,6}-[0-9]{1,3}", fullmatch=True),
        source=st.sampled_from(OUTLETS),
        text=st.lists(sentence, min_size=min_sentences, max_size=max_sentences).map(" ".join),
        title=st.one_of(st.none(), st.sampled_from(["Quake toll rises", "Floods hit the valley"])),
        published=st.one_of(st.none(), st.dates(_dt.date(2020, 1, 1), _dt.date(2030, 12, 31))),
        url=st.none(),
    )
    return out


def claims(*, article: str | None = None) -> SearchStrategy[Claim]:
    """Hypothesis strategy for hand-made :class:`~claimcheck.Claim` objects
    (no models involved): templated text, a speaker or none, and a frame
    that agrees with the text (a number, a place, a negation).

    ``article`` fixes the article id; the claim id is ``"<article>:<n>"``.
    """
    st = _st()

    @st.composite  # type: ignore[untyped-decorator]
    def build(draw: Any) -> Claim:
        art = article if article is not None else draw(st.from_regex(r"[a-z]{1,4}", fullmatch=True))
        n = draw(st.integers(2, 5000))
        unit, place = draw(st.sampled_from(_UNITS)), draw(st.sampled_from(_PLACES))
        event = draw(st.sampled_from(_EVENTS))
        negated = draw(st.booleans())
        text = f"{event} {'did not kill' if negated else 'killed'} {n} {unit} in {place}"
        frame = Frame(negated=negated, cues=("not",) if negated else (), places=(place,),
                      quantities=(Quantity(float(n), unit, "exact", str(n), "kill"),))
        return Claim(id=f"{art}:{draw(st.integers(0, 99))}", article=art,
                     source=draw(st.sampled_from(OUTLETS)),
                     speaker=draw(st.one_of(st.none(), st.sampled_from(SPEAKERS))),
                     text=text, start=0, end=len(text), frame=frame)

    return build()  # type: ignore[no-any-return]


def claim_pairs(relation: str | None = None) -> SearchStrategy[tuple[str, str, str]]:
    """Hypothesis strategy for ``(a_text, b_text, expected_label)``: two
    sentences about the same event with a known relation.

    ``relation`` is one of :data:`RELATIONS` (``"negated"``,
    ``"number_shifted"``, ``"place_swapped"``, ``"paraphrased"``) or
    ``None`` for any.  The expected label is ``"contradiction"`` for the
    first three and ``"entailment"`` for paraphrases.
    """
    st = _st()
    if relation is not None and relation not in RELATIONS:
        raise ValueError(f"relation must be one of {sorted(RELATIONS)} or None, got {relation!r}")
    chosen = st.just(relation) if relation is not None else st.sampled_from(sorted(RELATIONS))

    @st.composite  # type: ignore[untyped-decorator]
    def build(draw: Any) -> tuple[str, str, str]:
        rel = draw(chosen)
        speaker = draw(st.sampled_from(SPEAKERS))
        event, unit, day = draw(st.sampled_from(_EVENTS)), draw(st.sampled_from(_UNITS)), draw(st.sampled_from(_DAYS))
        place, other = draw(st.lists(st.sampled_from(_PLACES), min_size=2, max_size=2, unique=True))
        n = draw(st.integers(10, 900))
        base = f"{speaker} said {event} killed {n} {unit} in {place} on {day}."
        if rel == "negated":
            a = f"{speaker} said the government has requested international help for {place}."
            b = f"{speaker} said the government has not requested international help for {place}."
        elif rel == "number_shifted":
            m = draw(st.integers(2, 9).map(lambda k: n * k))
            a, b = base, f"{speaker} said {event} killed {m} {unit} in {place} on {day}."
        elif rel == "place_swapped":
            a = f"{speaker} said the summit on {event} will be held in {place}."
            b = f"{speaker} said the summit on {event} will be held in {other}."
        else:
            a, b = base, f"{event.capitalize()} killed {n} {unit} in {place} on {day}, {speaker.lower()} said."
        return a, b, RELATIONS[rel]

    return build()  # type: ignore[no-any-return]


# -- conformance checks -------------------------------------------------------

def _claim(cid: str, source: str, text: str, **frame: Any) -> Claim:
    return Claim(id=cid, article=cid.split(":")[0], source=source, speaker=None, text=text,
                 start=0, end=len(text), frame=Frame(**frame), published=_dt.date(2025, 8, 7))


def _judge_pairs() -> list[tuple[Claim, Claim, float]]:
    q40 = Quantity(40.0, "people", "exact", "40", "die")
    q12 = Quantity(12.0, "people", "exact", "12", "die")
    pairs = [
        (_claim("a:0", "Wire", "40 people died in the quake", quantities=(q40,), lemmas=("die", "quake")),
         _claim("b:0", "Herald", "12 people died in the quake", quantities=(q12,), lemmas=("die", "quake"))),
        (_claim("a:1", "Wire", "the government has requested help", lemmas=("government", "request", "help")),
         _claim("b:1", "Herald", "the government has not requested help", negated=True, cues=("not",),
                lemmas=("government", "request", "help"))),
        (_claim("a:2", "Wire", "the meeting will happen very soon", likelihood=0.9, modality="likely",
                cues=("very soon",), lemmas=("meeting", "happen")),
         _claim("b:2", "Herald", "the meeting is still far off", likelihood=0.1, modality="unlikely",
                cues=("still far off",), lemmas=("meeting",))),
        (_claim("a:3", "Wire", "the summit will be held in Geneva", places=("Geneva",), lemmas=("summit", "hold")),
         _claim("b:3", "Herald", "the summit will be held in the UAE", places=("the UAE",),
                lemmas=("summit", "hold"))),
        (_claim("a:4", "Wire", "rain fell in the valley", lemmas=("rain", "fall", "valley")),
         _claim("b:4", "Herald", "the bridge reopened on Monday", time=("Monday",), dates=("2025-08-04",),
                lemmas=("bridge", "reopen"))),
    ]
    out = []
    for a, b in pairs:
        for sim in (0.9, 0.6, 0.0, 1.0):
            out.append((a, b, sim))
    return out


def _fail(check: str, component: object, detail: str) -> AssertionError:
    return AssertionError(f"{type(component).__name__} failed {check}: {detail}")


def _valid_judgement(judge: object, j: object, a: Claim, b: Claim, where: str) -> Judgement:
    if not isinstance(j, Judgement):
        raise _fail("check_returns_judgement", judge, f"{where} returned {type(j).__name__}, not Judgement")
    if {j.a, j.b} != {a.id, b.id}:
        raise _fail("check_claim_ids", judge, f"{where} names claims {(j.a, j.b)}, expected {a.id!r} and {b.id!r}")
    if j.label not in LABELS:
        raise _fail("check_label", judge, f"{where} gave label {j.label!r}, not one of {LABELS}")
    if j.kind not in KINDS:
        raise _fail("check_kind", judge, f"{where} gave kind {j.kind!r}, not one of {KINDS}")
    if not isinstance(j.score, (int, float)) or math.isnan(j.score) or not 0.0 <= j.score <= 1.0:
        raise _fail("check_score", judge, f"{where} gave score {j.score!r}, expected a number in [0, 1]")
    return j


def check_judge(judge: Judge) -> None:
    """Check that ``judge`` behaves as claimcheck expects of a
    :class:`~claimcheck.Judge`; raise :class:`AssertionError` if not.

    Checks, on a fixed set of claim pairs (a numeric, a negation, a
    likelihood, a place conflict and an unrelated pair, at several
    similarities): ``judge(a, b, similarity)`` returns a
    :class:`~claimcheck.Judgement` about ``a`` and ``b`` whose label is in
    :data:`~claimcheck.LABELS`, kind in :data:`~claimcheck.KINDS` and
    score a number in [0, 1] (not NaN); swapping ``a`` and ``b`` gives the
    same label, kind and score; asking twice gives the same answer; a NaN
    or infinite similarity gives a valid judgement instead of an error;
    ``judge_many``, when present, agrees with ``judge``.
    """
    pairs = _judge_pairs()
    for a, b, sim in pairs:
        where = f"judge({a.text!r}, {b.text!r}, {sim})"
        j = _valid_judgement(judge, judge.judge(a, b, sim), a, b, where)
        r = _valid_judgement(judge, judge.judge(b, a, sim), b, a, f"the swapped {where}")
        if (j.label, j.kind) != (r.label, r.kind) or not math.isclose(j.score, r.score, abs_tol=1e-6):
            raise _fail("check_symmetric", judge,
                        f"{where} gave {(j.label, j.kind, j.score)} but swapped gave {(r.label, r.kind, r.score)}")
        again = judge.judge(a, b, sim)
        if (again.label, again.kind, again.score) != (j.label, j.kind, j.score):
            raise _fail("check_deterministic", judge,
                        f"{where} gave {(j.label, j.kind, j.score)} then {(again.label, again.kind, again.score)}")
    a, b, _ = pairs[0]
    for bad in (float("nan"), float("inf"), float("-inf")):
        try:
            j = judge.judge(a, b, bad)
        except Exception as exc:  # noqa: BLE001 - any error is the failure being reported
            raise _fail("check_nan_similarity", judge, f"similarity={bad} raised {exc!r}") from exc
        _valid_judgement(judge, j, a, b, f"judge(..., similarity={bad})")
    many = getattr(judge, "judge_many", None)
    if callable(many):
        got = list(many(pairs))
        if len(got) != len(pairs):
            raise _fail("check_judge_many", judge, f"judge_many returned {len(got)} results for {len(pairs)} pairs")
        for (a, b, sim), j in zip(pairs, got):
            one = judge.judge(a, b, sim)
            _valid_judgement(judge, j, a, b, f"judge_many on ({a.text!r}, {b.text!r})")
            if (j.label, j.kind) != (one.label, one.kind):
                raise _fail("check_judge_many", judge,
                            f"judge_many gave {(j.label, j.kind)} but judge gave {(one.label, one.kind)} "
                            f"for ({a.text!r}, {b.text!r}, {sim})")


_ENCODER_TEXTS = (
    "Officials said 40 people died in the earthquake.",
    "The summit will be held in Geneva.",
    "Rain fell.",
    "",
    "Officials said 40 people died in the earthquake.",
    "Le sommet aura lieu \u00e0 Gen\u00e8ve.",
)


def check_encoder(encoder: Encoder, *, atol: float = 1e-4) -> None:
    """Check that ``encoder`` behaves as claimcheck expects of an
    :class:`~claimcheck.Encoder`; raise :class:`AssertionError` if not.

    Checks: ``encode(texts)`` is a 2-D float32 array with one row per
    text; every row has unit L2 norm; encoding twice gives the same rows;
    encoding the texts in reverse order gives the rows in reverse order
    (one text's vector does not depend on the others); equal texts get
    equal rows; ``encode([])`` has shape ``(0, dim)``.  ``atol`` is the
    tolerance for comparing vectors.
    """
    texts = list(_ENCODER_TEXTS)
    m = encoder.encode(texts)
    if not isinstance(m, np.ndarray) or m.ndim != 2 or m.shape[0] != len(texts):
        shape = getattr(m, "shape", None)
        raise _fail("check_shape", encoder,
                    f"encode({len(texts)} texts) returned shape {shape}, expected ({len(texts)}, dim)")
    dim = m.shape[1]
    if m.dtype != np.float32:
        raise _fail("check_dtype", encoder, f"encode returned dtype {m.dtype}, expected float32")
    if not np.all(np.isfinite(m)):
        raise _fail("check_finite", encoder, "encode returned NaN or infinite values")
    norms = np.linalg.norm(m, axis=1)
    if not np.allclose(norms, 1.0, atol=1e-3):
        raise _fail("check_normalised", encoder, f"row norms are {np.round(norms, 4).tolist()}, expected all 1")
    again = encoder.encode(texts)
    if again.shape != m.shape or not np.allclose(again, m, atol=atol):
        raise _fail("check_deterministic", encoder, "encoding the same texts twice gave different vectors")
    rev = encoder.encode(texts[::-1])
    if rev.shape != m.shape or not np.allclose(rev[::-1], m, atol=atol):
        raise _fail("check_order_independent", encoder,
                    "encode(reversed(texts)) is not the reverse of encode(texts)")
    if not np.allclose(m[0], m[4], atol=atol):
        raise _fail("check_equal_texts", encoder, "two equal texts got different vectors")
    empty = encoder.encode([])
    if not isinstance(empty, np.ndarray) or empty.shape != (0, dim):
        raise _fail("check_empty", encoder,
                    f"encode([]) returned shape {getattr(empty, 'shape', None)}, expected (0, {dim})")


_SPLITTER_ARTICLES = (
    Article(id="t-wire", source="Northern Wire", published=_dt.date(2025, 8, 7),
            text="Governor Tomas Redik said the earthquake killed 40 people in Tarvos on Monday. "
                 "Rescuers had reached the upper valley by Tuesday morning, officials said.\n\n"
                 "\u201cWe are still searching the rubble,\u201d a spokeswoman for the agency told reporters."),
    Article(id="t-herald", source="Coastal Herald",
            text="The death toll from the earthquake stood at 12 on Tuesday, the interior ministry said. "
                 "The government has not requested international help."),
)


def check_splitter(splitter: Splitter) -> None:
    """Check that ``splitter`` behaves as claimcheck expects of a
    :class:`~claimcheck.Splitter`; raise :class:`AssertionError` if not.

    Checks, on two small news articles and an empty one: ``split``
    returns one ``(claims, skipped)`` result per article, in order;
    claims name their article and its source; claim ids are unique;
    ``0 <= start < end <= len(text)``; splitting twice gives the same
    claims; splitting the articles in another order gives each article
    the same claims; an article with empty text gives no claims.
    """
    arts = list(_SPLITTER_ARTICLES)
    empty = Article(id="t-empty", source="Radio Meridian", text="")

    def split(articles: Sequence[Article]) -> list[list[Claim]]:
        out = splitter.split(list(articles))
        if not isinstance(out, list) or len(out) != len(articles):
            n = len(out) if isinstance(out, list) else type(out).__name__
            raise _fail("check_one_result_per_article", splitter, f"split({len(articles)} articles) returned {n}")
        found = []
        for art, result in zip(articles, out):
            if not (isinstance(result, tuple) and len(result) == 2):
                raise _fail("check_result_shape", splitter, f"result for {art.id!r} is not a (claims, skipped) pair")
            cl = list(result[0])
            for c in cl:
                if not isinstance(c, Claim):
                    raise _fail("check_claims", splitter, f"result for {art.id!r} holds a {type(c).__name__}")
                if c.article != art.id or c.source != art.source:
                    raise _fail("check_claim_article", splitter,
                                f"claim {c.id!r} names article {c.article!r} / source {c.source!r}, "
                                f"expected {art.id!r} / {art.source!r}")
                if not 0 <= c.start < c.end <= len(art.text):
                    raise _fail("check_span", splitter,
                                f"claim {c.id!r} has span [{c.start}, {c.end}) outside 0..{len(art.text)}")
            found.append(cl)
        ids = [c.id for cl in found for c in cl]
        if len(set(ids)) != len(ids):
            repeated = sorted(i for i in set(ids) if ids.count(i) > 1)
            raise _fail("check_unique_ids", splitter, f"claim ids repeat: {repeated}")
        return found

    first = split(arts)
    if not any(first):
        raise _fail("check_finds_claims", splitter, "no claims found in two news articles")
    if split(arts) != first:
        raise _fail("check_deterministic", splitter, "splitting the same articles twice gave different claims")
    swapped = split(arts[::-1])[::-1]
    for art, a, b in zip(arts, first, swapped):
        if a != b:
            raise _fail("check_order_independent", splitter,
                        f"article {art.id!r} gave different claims when the articles came in another order")
    with_empty = split([empty, *arts])
    if with_empty[0]:
        raise _fail("check_empty_text", splitter, f"an empty article gave {len(with_empty[0])} claim(s)")
    if with_empty[1:] != first:
        raise _fail("check_order_independent", splitter, "adding an empty article changed the other articles' claims")
