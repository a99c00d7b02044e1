"""Opposite actions of one subject (claimcheck/data/oppositions.tsv), no models.

The opposition list is written by the project; these tests check that the
file is well formed, that the judge reads it both ways round, and that it
only fires when the two verbs are about the same subject.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck import Claim, Frame, RuleJudge
from claimcheck._judge import _find_action, _opposed_actions, _verb_forms
from claimcheck._lexicon import load_oppositions

JUDGE = RuleJudge()


def mk(cid: str, text: str, **frame: object) -> Claim:
    return Claim(id=cid, article=cid.split(":")[0], source=cid.split(":")[0].upper(), speaker=None, text=text,
                 start=0, end=len(text), frame=Frame(**frame))  # type: ignore[arg-type]


def test_opposition_rows_are_well_formed() -> None:
    """Every row has two different lower-case actions and no row is repeated (either way round)."""
    rows = load_oppositions()
    assert len(rows) > 100
    seen = set()
    for left, right, frame in rows:
        assert left != right and left == left.lower() and right == right.lower()
        assert frame in {"intransitive", "object", "any"}
        key = frozenset((left, right))
        assert key not in seen, (left, right)
        seen.add(key)


@pytest.mark.parametrize(("lemma", "form"), [
    ("hold", "held"), ("give", "gave"), ("step", "stepped"), ("deny", "denied"), ("die", "dying"),
    ("veto", "vetoes"), ("rise", "risen"), ("strike", "struck"), ("close", "closing"), ("ban", "banned"),
])
def test_verb_forms(lemma: str, form: str) -> None:
    assert form in _verb_forms(lemma)


@pytest.mark.parametrize(("a", "b", "x", "y"), [
    ("The dyke at Ostmoor had held overnight", "The dyke at Ostmoor gave way before dawn", "had held", "gave way"),
    ("The ceasefire held through the night", "The ceasefire collapsed within hours", "held", "collapsed"),
    ("The court upheld the ban", "The ban was struck down by the court", "upheld", "was struck down"),
    ("The mayor will stay on until the election", "The mayor will step down before the election",
     "will stay on", "will step down"),
    ("The council will remain in the old town hall", "The council will move to a new building",
     "will remain", "will move"),
    ("Interest rates were raised by the central bank", "The central bank cut interest rates", "were raised", "cut"),
    ("Inflation accelerated to 3.8 percent in May", "Inflation eased to 3.8 percent in May", "accelerated", "eased"),
    ("Route 12 was reopened to traffic on Tuesday", "Route 12 stayed shut on Tuesday", "was reopened", "stayed shut"),
    ("The travel restrictions remain in place", "The travel restrictions were lifted on Monday",
     "remain in place", "were lifted"),
    ("The strike notices remain in force", "The strike notices were withdrawn", "remain in force", "were withdrawn"),
    # a service that kept working against one that failed, with an adverb inside the phrase and a
    # place between the subject and its verb
    ("Cash machines continued to work throughout the outage", "Cash machines across the country were also out "
     "of action", "continued to work", "were also out of action"),
    ("Mobile wallet payments were unaffected", "Mobile wallet payments failed as well", "were unaffected", "failed"),
    # what one owner intends to do with one thing
    ("Castle planned to donate the meteorite to the university", "Castle intends to sell the meteorite",
     "donate", "sell"),
])
def test_opposite_actions_of_one_subject_contradict(a: str, b: str, x: str, y: str) -> None:
    """The judge flags the pair as an antonym clash and quotes both actions as written."""
    j = JUDGE.judge(mk("a:0", a), mk("b:0", b), 0.7)
    assert (j.label, j.kind) == ("contradiction", "antonym"), j.reason
    assert j.evidence is not None and set(j.evidence) == {x, y}
    assert x in a and y in b
    assert f"\u201c{x}\u201d" in j.reason and f"\u201c{y}\u201d" in j.reason


@pytest.mark.parametrize(("a", "b"), [
    ("The two sides held talks in Doha", "The talks in Doha collapsed"),           # "held" with an object
    ("Police said the suspect was held in custody", "The suspect collapsed in custody"),  # passive "held"
    ("Orange shares jumped 15 percent", "France Telecom shares dropped 3.6 percent"),  # other shares
    ("Total sales for the period declined", "Sales at stores open a year rose"),  # "year" is no "period"
    ("Economists said that raised the odds of a rate cut", "Economists said the odds were raised"),  # a noun
    ("The dyke did not hold", "The dyke collapsed"),                               # negated: they agree
    ("The index rose and then fell", "The index fell"),                           # one text has both
    ("It held", "The dyke gave way"),                                             # no subject to match
    ("The vote planned for Wednesday will go ahead", "Talks planned for Wednesday were called off"),  # a day
    ("The bank will keep its branches open", "The bank will sell its insurance arm"),  # two things
    ("Card payments were unaffected", "Cash machines across the country failed"),    # two services
])
def test_no_opposition_without_one_subject(a: str, b: str) -> None:
    assert _opposed_actions(a, b) is None


def test_different_days_are_two_occasions() -> None:
    """The same opposition on different days is no clash: shares rise one day and fall the next."""
    a = mk("a:0", "Shares in Acme climbed on Monday", time=("Monday",))
    b = mk("b:0", "Shares in Acme dropped on Tuesday", time=("Tuesday",))
    assert JUDGE._opposed(a, b, 0.8) is None
    same_day = mk("b:1", "Shares in Acme dropped on Monday", time=("Monday",))
    assert JUDGE._opposed(a, same_day, 0.8) is not None


def test_bare_form_needs_an_auxiliary_or_an_object() -> None:
    words = "the plans remain in place".split()
    assert _find_action(words, "remain") is None  # could be "the remains"; read only after "will", "to"
    assert _find_action("the plans will remain in place".split(), "remain") == (3, 4)


_SENTENCES = st.sampled_from([
    "The dyke held overnight", "The dyke gave way before dawn", "The court upheld the ban",
    "The ban was struck down", "The mayor will step down", "The mayor will stay on", "It rained",
    "The central bank cut interest rates", "Interest rates were raised by the central bank",
])


@given(_SENTENCES, _SENTENCES)
def test_opposed_actions_is_symmetric(a: str, b: str) -> None:
    """Swapping the texts swaps the quoted actions and keeps the subject."""
    ab, ba = _opposed_actions(a, b), _opposed_actions(b, a)
    assert (ab is None) == (ba is None)
    if ab is not None and ba is not None:
        assert (ab[0], ab[1]) == (ba[1], ba[0])


@given(st.text(max_size=80), st.text(max_size=80))
def test_opposed_actions_never_crashes(a: str, b: str) -> None:
    found = _opposed_actions(a, b)
    assert found is None or all(isinstance(x, str) and x for x in found)


def test_opposite_moves_in_reports_of_different_days_are_an_update() -> None:
    """"The crown rose 0.6 percent" (a Wednesday paper) / "the crown slipped
    0.2 percent" (Thursday's): a level that moved up can move down the next
    day, so the later report updates the earlier one.  The same two moves in
    one day's papers, or on a day both name, still conflict; and opposite
    decisions ("raised" / "cut") are not moves."""
    import datetime as dt

    import attrs

    wed, thu = dt.date(2026, 6, 17), dt.date(2026, 6, 18)
    a = attrs.evolve(mk("a:0", "The Kestland crown rose against the euro"), published=wed)
    b = attrs.evolve(mk("b:0", "The Kestland crown slipped against the euro"), published=thu)
    j = JUDGE.judge(a, b, 0.8)
    assert (j.label, j.kind) == ("update", "antonym"), j.reason
    assert JUDGE.judge(a, attrs.evolve(b, published=wed), 0.8).label == "contradiction"
    named = attrs.evolve(b, text="The Kestland crown slipped against the euro on Wednesday",
                         frame=Frame(time=("Wednesday",)))
    a_named = attrs.evolve(a, text="The Kestland crown rose against the euro on Wednesday",
                           frame=Frame(time=("Wednesday",)))
    assert JUDGE.judge(a_named, named, 0.8).label == "contradiction"
    cut = attrs.evolve(mk("b:1", "The central bank cut interest rates"), published=thu)
    raised = attrs.evolve(mk("a:1", "The central bank raised interest rates"), published=wed)
    assert JUDGE.judge(raised, cut, 0.8).label == "contradiction"
