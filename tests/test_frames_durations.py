"""Lengths of time as quantities in the claim frame (claimcheck._frames).

"12 months" and "a year" must come out as the same quantity, "five years"
and "two years" as different ones, while ages, points in time ("two years
ago"), rates ("a year" in "150 million euros a year") and calendar dates
stay out.  The sentences are made up for these tests.
"""

from __future__ import annotations

import pytest

from claimcheck._frames import DURATION_UNITS
from claimcheck._types import Quantity


def _durations(qs: list[Quantity]) -> list[tuple[float, str]]:
    return [(round(x.value, 6), x.unit) for x in qs if x.unit in {"year", "day"}]


@pytest.mark.parametrize("a, b", [
    ("Parliament must pass a new law within 12 months.", "Lawmakers have a year to draft a new law."),
    ("He signed a five-year contract.", "He agreed a contract that runs for five years."),
    ("The project will take 18 months.", "The project will take a year and a half."),
    ("The talks lasted 90 minutes.", "The talks lasted an hour and a half."),
    ("Aid will arrive within two weeks.", "Aid will arrive within 14 days."),
    ("Rain fell for four consecutive days.", "The region saw four days of rain."),
    ("The reactor will be shut for half a year.", "The reactor will be shut for six months."),
    ("The bridge took a decade to build.", "The bridge took ten years to build."),
])
def test_equal_lengths_written_differently_have_one_value(figures, a: str, b: str) -> None:
    da, db = _durations(figures(a)), _durations(figures(b))
    assert da and da == db, (da, db)


@pytest.mark.parametrize("a, b", [
    ("He signed a five-year contract.", "He signed a four-year contract."),
    ("The contract runs for five years.", "The contract runs for two years."),
    ("The summit lasted three hours.", "The summit lasted 90 minutes."),
])
def test_different_lengths_differ(figures, a: str, b: str) -> None:
    da, db = _durations(figures(a)), _durations(figures(b))
    assert da and db and da[0][1] == db[0][1] and da[0][0] != db[0][0], (da, db)


def test_values_are_in_years_and_days(figures) -> None:
    assert _durations(figures("Parliament has 12 months to act.")) == [(1.0, "year")]
    assert _durations(figures("The talks went on for three hours.")) == [(0.125, "day")]
    assert _durations(figures("He was jailed for six and a half years.")) == [(6.5, "year")]
    assert DURATION_UNITS["month"] == ("year", 1, 12)


@pytest.mark.parametrize("text", [
    "The 24-year-old has signed for the club.",
    "The man, 45 years old, was arrested.",
    "He joined the academy at the age of 16.",
    "The border war began two years ago.",
    "The deal was signed on March 5, 2021.",
    "The law was passed in 2021.",
    "A second round of talks will be held in January.",
    "The club has had a few years of decline.",
])
def test_ages_points_in_time_and_dates_are_not_durations(figures, text: str) -> None:
    assert _durations(figures(text)) == []


def test_a_year_after_an_amount_is_a_rate_not_a_duration(figures) -> None:
    qs = figures("The company expects to save 150 million euros a year within three years.")
    assert _durations(qs) == [(3.0, "year")]
    assert any(x.unit == "€" and x.value == 150_000_000 for x in qs)


def test_bounds_of_durations(figures) -> None:
    by_text = {x.text: x.bound for x in figures("Officials have held power for more than two years "
                                          "and must decide within 12 months.")}
    assert by_text == {"two years": "at_least", "12 months": "at_most"}


def test_what_a_duration_measures_leaves_out_names(figures) -> None:
    """Two durations about the same player measure different things: the
    contract and the club's wait.  Their contexts must not overlap."""
    (contract,) = figures("Reyka signed a four-year contract with Varna.")
    (wait,) = figures("Varna had wanted Reyka for two years.")
    assert "contract" in contract.context
    assert "want" in wait.context
    assert not set(contract.context) & set(wait.context)
    (runs,) = figures("Reyka has agreed a contract that runs for five years.")
    assert "contract" in runs.context
