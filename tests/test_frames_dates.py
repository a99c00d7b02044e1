"""Frame.dates: weekdays resolved against the publication date.

A weekday counts back from the publication date when it dates what
happened, and forward when it dates what is still to come.  The sentences
are made up for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck._compare import _claims_for

THURSDAY = dt.date(2026, 7, 23)


def dates_of(text: str) -> tuple[str, ...]:
    (claim,) = _claims_for([text], side="a", published=THURSDAY, speaker=None, source="A")
    return claim.frame.dates


@pytest.mark.parametrize("text, dates", [
    ("The vote was held on Tuesday", ("2026-07-21",)),
    ("The summit will be held on Friday", ("2026-07-24",)),
    ("The agency said it would review the situation on Friday morning", ("2026-07-24",)),
    ("The plane is due to land on Monday", ("2026-07-27",)),
    ("The vote is scheduled for Tuesday", ("2026-07-28",)),
    ("Talks are set to resume on Friday", ("2026-07-24",)),
    ("The ministers met on Monday and will meet again on Friday", ("2026-07-20", "2026-07-24")),
    ("The talks will end on Thursday", ("2026-07-23",)),  # a day still to come may be the day of the paper
    ("The upper lifts could reopen as early as Friday", ("2026-07-24",)),
    ("The lifts could have reopened on Tuesday", ("2026-07-21",)),
])
def test_a_weekday_counts_back_for_what_happened_and_forward_for_what_is_to_come(
        text: str, dates: tuple[str, ...]) -> None:
    assert dates_of(text) == dates


@pytest.mark.parametrize("text, times", [
    ("The 23-year-old lowered the course record on Sunday", ("Sunday",)),
    ("The driver, aged 41, was arrested on Monday", ("Monday",)),
    ("The captain, a 58-year-old, was rescued", ()),
])
def test_an_age_is_not_when_it_happened(text: str, times: tuple[str, ...]) -> None:
    (claim,) = _claims_for([text], side="a", published=THURSDAY, speaker=None, source="A")
    assert claim.frame.time == times


def test_an_age_after_a_name_is_no_time() -> None:
    """"Ivo Brandt, 54," gives an age, the way news does; the claim is not
    dated by it (a time there set two reports of one person apart)."""
    (claim,) = _claims_for(["The driver at the wheel, Ivo Brandt, 54, was treated for minor injuries"],
                           side="a", published=THURSDAY, speaker=None, source="A")
    assert "54" not in claim.frame.time
    (claim,) = _claims_for(["The driver was treated on Tuesday"], side="a", published=THURSDAY, speaker=None,
                           source="A")
    assert claim.frame.time == ("Tuesday",)


def _frame(text: str):  # type: ignore[no-untyped-def]
    (claim,) = _claims_for([text], side="a", published=THURSDAY, speaker=None, source="A")
    return claim.frame


@pytest.mark.parametrize("text, time", [
    ("The outage started shortly after 11.40am", "11.40am"),
    ("Service was restored by 4.30pm", "4.30pm"),
    ("The outage began at 11:40 on Friday", "11:40"),
])
def test_a_clock_time_read_as_a_number_is_a_time(text: str, time: str) -> None:
    """The tagger reads "11.40am" and "at 11:40" as numbers; they are times, not figures."""
    frame = _frame(text)
    assert time in frame.time
    assert not frame.quantities


def test_a_decimal_is_no_clock_time() -> None:
    frame = _frame("The shares closed at 11.40 euros")
    assert not any("11.40" in t for t in frame.time)


def test_the_village_of_a_name_is_a_place() -> None:
    """"The village of Hollin Cross" is a place, not an organisation taking part."""
    frame = _frame("A meteorite crashed through the roof of a barn in the village of Hollin Cross")
    assert "Hollin Cross" in frame.places
    assert not frame.participants
