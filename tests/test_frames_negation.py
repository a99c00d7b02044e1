"""Which words negate a claim: parsed with the real spaCy pipeline."""

from __future__ import annotations

import pytest

from claimcheck._compare import _claims_for


def frame_of(text: str):  # type: ignore[no-untyped-def]
    (claim,) = _claims_for([text], side="a", published=None, speaker=None, source="A")
    return claim.frame


@pytest.mark.parametrize(("text", "negated"), [
    ("Median household income declined 1.1 percent last year.", False),   # declining is falling
    ("The minister declined to comment on the report.", True),             # declining is refusing
    ("The prime minister declined the invitation.", True),
    ("The regional bank failed last year.", False),
    ("The bank failed to repay the loan.", True),
    ("Residents had nothing but praise for the soldier.", False),          # nothing but = only
    ("Nothing was found in the building.", True),
])
def test_refusal_verbs_negate_only_what_they_take(text: str, negated: bool) -> None:
    """'decline' and 'fail' negate a complement ('declined to comment'), not an event ('income declined')."""
    assert frame_of(text).negated is negated


def test_falling_income_is_not_a_denial_of_the_fact() -> None:
    """A pair that differs only in how a fall is worded is not a polarity clash."""
    import claimcheck

    j = claimcheck.compare("Median household income declined 1.1 percent to $42,409.",
                           "Median household income fell 1.1 percent to $42,409.")
    assert j.label == "entailment", j.reason


def test_not_just_is_no_negation() -> None:
    """"This is not just about the people at Harcastle" says it is also
    about others; "This is not about the people at Harcastle" denies it."""
    from claimcheck._frames import negation_cues
    from claimcheck._nlp import DEFAULT_SPACY_MODEL, load_spacy

    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    assert negation_cues(list(nlp("This is not just about the people at Harcastle."))) == []
    assert negation_cues(list(nlp("The cuts will hit not only Dunmere but the suppliers too."))) == []
    assert negation_cues(list(nlp("This is not about the people at Harcastle."))) == ["not"]


@pytest.mark.parametrize(("text", "opinion"), [
    ("Residents should not expect to go home for at least a week.", False),  # a forecast
    ("Fans should expect delays on the line.", False),
    ("The government should resign.", True),                                 # what ought to be
    ("The minister should not have said that.", True),
])
def test_should_expect_is_a_forecast_not_an_opinion(text: str, opinion: bool) -> None:
    """"should" is an opinion (what ought to be), but "should (not) expect"
    tells what is likely to happen, so the claim is judged ("should not
    expect to go home" is unlikely)."""
    assert (frame_of(text).modality == "opinion") is opinion


def test_should_not_expect_clashes_with_a_promise_of_soon() -> None:
    """"could be allowed home within 24 hours" / "should not expect to go
    home for at least a week" is a conflict, no longer an opinion."""
    import claimcheck

    j = claimcheck.compare("Residents of Brannock could be allowed home within 24 hours if the wind drops",
                           "Residents of Brannock should not expect to go home for at least a week")
    assert j.label == "contradiction", j.reason


@pytest.mark.parametrize(("text", "places"), [
    ("Jackson was an amazing father to his kids Michael Jr, Paris and Prince", ()),  # listed with people
    ("Michael Jackson is Mars\u2019 biological father", ()),                       # owner of a kinship noun
    ("The summit is in Paris and Geneva", ("Paris", "Geneva")),
])
def test_a_name_listed_with_people_or_with_a_father_is_no_place(text: str, places: tuple[str, ...]) -> None:
    """The tagger calls "Paris" and "Mars" places; with kinship around them they are people."""
    assert frame_of(text).places == places


def test_a_place_before_a_kinship_noun_is_still_a_place() -> None:
    """"A Gaza father of five" is a father from a place: "Gaza" stays a place."""
    assert frame_of("A Gaza father of five was killed in the strike").places == ("Gaza",)


@pytest.mark.parametrize(("text", "places", "participants"), [
    # the small model tags "Kessel Bridge" a person, keyed "bridge"
    ("The ring road between the Dunmoor roundabout and Kessel Bridge remained closed", ("Kessel Bridge",), ()),
    ("Police closed Kessel Bridge on Monday", ("Kessel Bridge",), ()),
    # a person who acts keeps their name, whatever it ends with
    ("John Bridge said the plan was dead", (), ("bridge",)),
])
def test_a_name_ending_in_a_structure_is_a_place(text: str, places: tuple[str, ...],
                                                  participants: tuple[str, ...]) -> None:
    """A name whose last word is a structure or a road ("Kessel Bridge",
    "Dunmoor Road") is a place, not a person called Bridge, unless it acts."""
    frame = frame_of(text)
    assert (frame.places, frame.participants) == (places, participants)


def test_a_name_after_a_place_title_is_a_place() -> None:
    """"off Cape Venn": a cape, not a person called Venn (the small model
    tags such names people); one who acts keeps the name."""
    frame = frame_of("The steamer was lost off Cape Venn in a storm")
    assert "venn" not in frame.participants
    assert frame_of("Lake Bell said the film was finished").participants == ("lake bell",)
