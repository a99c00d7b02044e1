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
