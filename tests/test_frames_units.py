"""Units, values and bounds of the figures in a claim frame
(claimcheck._frames): "pounds" are a sum of money unless something is
weighed, "two dozen" is one figure of 24, "half a million" is 500,000, and
a bound reaches past the article of "a dozen".  Made-up sentences."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def units(figures):
    return lambda text: [(x.value, x.unit) for x in figures(text)]


@pytest.fixture(scope="module")
def bounds(figures):
    return lambda text: [(x.value, x.bound) for x in figures(text)]


@pytest.mark.parametrize("text, unit", [
    ("The boys weighed 136 pounds combined.", "lb"),
    ("Each boy weighed less than 50 pounds.", "lb"),
    ("A parcel weighing 20 pounds arrived on Monday.", "lb"),
    ("The catch had a weight of 12 pounds.", "lb"),
    ("The company was fined 50,000 pounds.", "£"),
    ("He paid 300 pounds for the ticket.", "£"),
    ("The charity raised £4,000 on Saturday.", "£"),
])
def test_pounds_are_money_unless_weighed(units, text: str, unit: str) -> None:
    got = units(text)
    assert [u for _v, u in got] == [unit], got


@pytest.mark.parametrize("text, value, unit", [
    ("The rolling stock consists of two dozen low-floor vehicles.", 24.0, "vehicle"),
    ("Some two dozen protesters were arrested.", 24.0, "protester"),
    ("Three dozen eggs were broken.", 36.0, "egg"),
    ("Half a dozen homes were destroyed.", 6.0, "home"),
    ("A dozen people were hurt.", 12.0, "people"),
])
def test_a_dozen_is_twelve_and_multiplies(units, text: str, value: float, unit: str) -> None:
    """"two dozen" is one figure, 24, of the noun it counts; not 2 and 12 (or 14)."""
    assert units(text) == [(value, unit)]


@pytest.mark.parametrize("text, value, bound", [
    ("More than a dozen people were killed.", 12.0, "at_least"),
    ("Nearly a hundred homes were lost.", 100.0, "about"),
    ("A dozen people were hurt.", 12.0, "exact"),
])
def test_a_bound_before_an_article_reaches_the_figure(bounds, text: str, value: float, bound: str) -> None:
    """"more than a dozen" is at least twelve: the article between the bound and the figure does not hide it."""
    assert bounds(text) == [(value, bound)]


def test_a_preposition_before_an_article_is_no_bound(bounds) -> None:
    """"over a 10-year period" says when, not that the period is more than ten years."""
    assert bounds("Prices rose over a 10-year period.") == [(10.0, "exact")]


@pytest.mark.parametrize("text, value, bound, written", [
    ("Half a million people fled the city.", 500_000.0, "exact", "Half a million"),
    ("About half a million people fled the city.", 500_000.0, "about", "half a million"),
    ("More than half a billion dollars was spent.", 500_000_000.0, "at_least", "half a billion"),
    ("A million people fled the city.", 1_000_000.0, "exact", "million"),
])
def test_half_a_scale_is_half_of_it(figures, text: str, value: float, bound: str, written: str) -> None:
    """"half a million" is 500,000, written as the whole phrase, and a bound
    before "half" reaches the figure."""
    assert [(x.value, x.bound, x.text) for x in figures(text)] == [(value, bound, written)]


@pytest.mark.parametrize("text, tally", [
    ("The vote was 29 in favour and 26 against.", [(29.0, "tally"), (26.0, "tally (second)")]),
    ("The motion was carried with 29 votes in favour, 26 against.", [(29.0, "tally"), (26.0, "tally (second)")]),
    ("The board voted 12 for and three opposed.", [(12.0, "tally"), (3.0, "tally (second)")]),
    ("Councillors backed it by 31 votes to 24.", [(31.0, "tally"), (24.0, "tally (second)")]),
    ("Some 40 people were for the plan.", [(40.0, "people")]),
])
def test_a_vote_for_and_against_is_a_tally(units, text: str, tally: list[tuple[float, str]]) -> None:
    """"29 in favour and 26 against" is one vote's tally, as "29-26" is."""
    assert units(text) == tally


@pytest.mark.parametrize("text, value", [
    ("The object entered the atmosphere at about 17 kilometres per second.", 61200.0),
    ("The meteor was travelling at roughly 61,000 km/h.", 61000.0),
    ("Gusts reached 120 mph on the coast.", 193.12128),
    ("Roddick hit a 149 m.p.h. serve.", 239.792256),
    ("Gusts of up to 90 kilometres an hour were recorded.", 90.0),
])
def test_speeds_are_read_in_kilometres_an_hour(units, text: str, value: float) -> None:
    """A length per unit of time is one speed, whatever units it is written in."""
    got = units(text)
    assert len(got) == 1 and got[0][1] == "km/h", got
    assert got[0][0] == pytest.approx(value)


@pytest.mark.parametrize("text, value", [
    ("PayLink processes roughly four in five card payments.", 80.0),
    ("Nine out of ten voters backed the plan.", 90.0),
    ("One in three adults has never used the service.", 100 / 3),
])
def test_a_ratio_is_a_share(units, bounds, text: str, value: float) -> None:
    """"Four in five payments" is 80 percent of them, not a count of four and one of five,
    and a rounded share: "about" unless the text gives another bound."""
    got = units(text)
    assert len(got) == 1 and got[0][1] == "%", got
    assert got[0][0] == pytest.approx(value)
    assert bounds(text)[0][1] == "about"


def test_a_ratio_of_an_age_group(units) -> None:
    """"One in seven 15-year-olds" is a share of the 15-year-olds."""
    got = units("One in seven 15-year-olds are obese.")
    assert (pytest.approx(100 / 7), "%") in got, got


@pytest.mark.parametrize("text", [
    "He was one of two people hurt in 2019.",
    "The striker scored 2 in 10 minutes.",
    "It was a one in 100 years flood.",
])
def test_no_ratio_of_a_year_or_a_length_of_time(units, text: str) -> None:
    assert all(u != "%" for _v, u in units(text)), units(text)


def test_and_a_half_before_a_scale(units) -> None:
    """"Four and a half billion years" is one figure of 4.5 billion."""
    got = units("The stone had formed about four and a half billion years ago.")
    assert [v for v, _u in got] == [4.5e9], got


@pytest.mark.parametrize("text, value, bound", [
    ("About a third of residents oppose the plan.", 100 / 3, "about"),
    ("Two-thirds of the staff were sent home.", 200 / 3, "about"),
    ("More than half of all homes lost power.", 50.0, "at_least"),
    ("Three quarters of voters backed the deal.", 75.0, "about"),
])
def test_a_fraction_of_a_group_is_a_share(units, bounds, text: str, value: float, bound: str) -> None:
    """"A third of residents" is a share of them, as "one in three" is: a
    rounded one unless the text gives a bound."""
    got = [(v, b) for (v, u), (_v, b) in zip(units(text), bounds(text)) if u == "%"]
    assert len(got) == 1 and got[0][0] == pytest.approx(value) and got[0][1] == bound, (units(text), bounds(text))


@pytest.mark.parametrize("text", [
    "The bank raised its rate by a quarter of a percentage point.",
    "The queue moved a quarter of a mile in an hour.",
    "He waited a quarter of an hour.",
    "A third man was arrested on Monday.",
    "The fair opens on the third of May.",
])
def test_no_share_in_a_part_of_one_amount(units, text: str) -> None:
    """A part of one amount ("a quarter of a percentage point"), an ordinal
    and a date are no shares of a group."""
    assert all(u != "%" for _v, u in units(text)), units(text)


def test_none_of_those_who_counts_people_by_the_verb_after_need(figures) -> None:
    """"None of those who fell ill has needed to be admitted" is a count of
    no people admitted: the pronoun with "who" is people, and the act of a
    subject of "needed to" is the verb after it."""
    text = "None of those who fell ill has needed to be admitted to hospital."
    got = [(q.value, q.unit, q.verb) for q in figures(text)]
    assert got == [(0.0, "people", "admit")], got
