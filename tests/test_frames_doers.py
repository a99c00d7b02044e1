"""Frame.agent / action / patient: who does the claim's action, and to what.

The sentences are made up for these tests.  Each checks the parse reading
that the judge's "different doers" signal relies on.
"""

from __future__ import annotations

import pytest

from claimcheck._compare import _claims_for


def frame_of(text: str):  # type: ignore[no-untyped-def]
    return _claims_for([text], side="a", published=None, speaker=None, source="x")[0].frame


@pytest.mark.parametrize("text, agent, action, patient", [
    # active voice, the name inside a longer noun phrase
    ("A ransomware group calling itself Graywater claimed responsibility on a dark-web site on Friday",
     "Graywater", "claim", ("responsibility",)),
    # passive voice: the doer is the "by" phrase, the patient the subject
    ("The track on that section is maintained by Norrow Infrastructure under a contract",
     "Norrow Infrastructure", "maintain", ("track",)),
    # a possessive name is the doer's name, without the "'s"
    ("The section of track was maintained by Kestral Rail's own engineering division",
     "Kestral Rail", "maintain", ("section", "track")),
])
def test_the_named_doer_its_action_and_what_it_is_done_to(text: str, agent: str, action: str,
                                                           patient: tuple[str, ...]) -> None:
    f = frame_of(text)
    assert (f.agent, f.action) == (agent, action)
    assert set(patient) <= set(f.patient)
    assert f.to_dict()["agent"] == agent


@pytest.mark.parametrize("text, action", [
    ("They claimed responsibility on Friday", "claim"),  # a pronoun names no one
    ("The engineers maintained the track", "maintain"),  # no name
    ("The airport was open on Tuesday evening", ""),  # no main verb (a copula): no action either
])
def test_no_doer_without_one_named_doer_of_one_verb(text: str, action: str) -> None:
    f = frame_of(text)
    assert (f.agent, f.patient) == ("", ())
    assert f.action == action
