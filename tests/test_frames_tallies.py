"""Scores and votes ("7-2", "a 5-4 vote") as quantities in the claim frame,
and the qualifiers of a counted noun ("31 league goals").

A tally is two numbers, larger first, so that "lost 1-3" and "won 3-1"
agree and "ruled 7-2" and "a 5-4 vote" do not; ranges written the same way
("10-15 people", "aged 5-11") are not tallies.  Made-up sentences.
"""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck._frames import quantities
from claimcheck._nlp import DEFAULT_SPACY_MODEL, load_spacy


@pytest.fixture(scope="module")
def tally():
    nlp = load_spacy(DEFAULT_SPACY_MODEL)

    def read(text: str) -> list[tuple[float, str, str]]:
        return [(x.value, x.unit, x.text) for x in quantities(list(nlp(text))) if x.unit.startswith("tally")]

    return read


@pytest.mark.parametrize("text, pair", [
    ("The judges ruled 7-2 that the law was void.", (7.0, 2.0)),
    ("The court struck the law down in a narrow 5-4 vote.", (5.0, 4.0)),
    ("The Senate voted 51\u201349 to confirm her.", (51.0, 49.0)),
    ("Arsenal beat Chelsea 3-1 on Sunday.", (3.0, 1.0)),
    ("Chelsea lost 1-3 to Arsenal on Sunday.", (3.0, 1.0)),
])
def test_tallies_are_read_larger_first(tally, text: str, pair: tuple[float, float]) -> None:
    got = tally(text)
    assert [v for v, _u, _t in got] == list(pair), got
    assert [u for _v, u, _t in got] == ["tally", "tally (second)"]
    assert all("-" in t or "\u2013" in t for _v, _u, t in got)


@pytest.mark.parametrize("text", [
    "Between 10-15 people died in the fire.",
    "Children aged 5-11 were vaccinated.",
    "He scored twice in the 2014-15 season.",
    "The team won 2-3 games in a row.",
])
def test_ranges_are_not_tallies(tally, text: str) -> None:
    assert tally(text) == []


@pytest.mark.slow
def test_different_votes_on_one_ruling_clash() -> None:
    """Through claimcheck.compare (real parse and embeddings)."""
    j = claimcheck.compare("The judges ruled 7-2 that the surveillance law was unconstitutional",
                           "The Constitutional Court struck down the surveillance law in a narrow 5-4 vote")
    assert (j.label, j.kind) == ("contradiction", "numeric")
    assert "7-2" in j.reason and "5-4" in j.reason
    same = claimcheck.compare("Arsenal beat Chelsea 3-1 on Sunday", "Chelsea lost 1-3 to Arsenal on Sunday")
    assert same.label != "contradiction"


@pytest.fixture(scope="module")
def qualified():
    nlp = load_spacy(DEFAULT_SPACY_MODEL)

    def read(text: str) -> list[tuple[str, ...]]:
        return [x.qualifiers for x in quantities(list(nlp(text)))]

    return read


@pytest.mark.parametrize("text, expected", [
    ("He scored 31 league goals last season.", ("league",)),
    ("He scored 12 goals in European competition.", ("competition", "european")),
    ("There were 150 suspected cases.", ("suspect",)),
    ("There were 200 new cases.", ()),       # "new" does not say which kind
    ("40 people died in the quake.", ()),    # the place qualifies the verb, not the count
    ("Bombings killed 9 people in the Iraqi capital.", ()),  # where, not which kind
    ("12 Iraqi civilians died.", ("iraqi",)),
])
def test_qualifiers_of_the_counted_noun(qualified, text: str, expected: tuple[str, ...]) -> None:
    assert qualified(text) == [expected]


def test_between_one_and_three_is_two_numbers() -> None:
    """"and" joins number words only after a scale word ("two hundred and five")."""
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    got = [q.value for q in quantities(list(nlp("There will be between one and three astronauts on board.")))]
    assert got == [1.0, 3.0]
    assert [q.value for q in quantities(list(nlp("Two hundred and five people died.")))] == [205.0]


@pytest.mark.parametrize("text, values", [
    ("A smaller version of the iPhone 6 is in development.", []),   # a model's name, not a count
    ("Windows 10 was released in July.", []),
    ("The death toll in Nepal 7,000", [7000.0]),                     # a headline's count stays
    ("The storm killed 12 people.", [12.0]),
])
def test_a_number_in_a_name_is_not_a_quantity(text: str, values: list[float]) -> None:
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    assert [q.value for q in quantities(list(nlp(text)))] == values


def test_within_is_an_upper_bound() -> None:
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    assert [q.bound for q in quantities(list(nlp("The rebels are within 10 km of the capital.")))] == ["at_most"]


@pytest.mark.parametrize("text, units", [
    ("About 90,000 of its members went on strike.", ["member"]),
    ("The recall covers two of the group's best-selling models.", ["model"]),
    ("Quenby's has closed all 11 of its restaurants in the province.", ["restaurant"]),
    # "one of the companies" is one of many, not a count of companies
    ("HP was one of the companies that shaped Silicon Valley.", [""]),
    # but a number written with a final "one" counts what follows "of"
    ("Thirty-one of the guests became ill.", ["guest"]),
    ("Twenty-one of the passengers were injured.", ["passenger"]),
])
def test_a_count_before_of_counts_the_noun_after_it(text: str, units: list[str]) -> None:
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    assert [q.unit for q in quantities(list(nlp(text)))] == units


@pytest.mark.parametrize("text, unit", [
    ("Police put the crowd at around 40,000.", "crowd"),
    ("Organisers estimated the crowd at 50,000.", "crowd"),
    ("The company cut its workforce to 900.", "workforce"),
    # no object before the figure: a count of what the subject names
    ("The death toll stood at 12.", "toll"),
])
def test_a_figure_put_on_an_object_counts_the_object(text: str, unit: str) -> None:
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    assert [q.unit for q in quantities(list(nlp(text)))] == [unit]


@pytest.mark.parametrize("text, verb", [
    ("Sixty-two guests fell ill after the reception.", "ill"),
    ("Thirty-one of the guests became ill.", "ill"),
    ("Forty workers were injured.", "injure"),
    ("Nine people were admitted to hospital.", "admit"),
])
def test_a_linking_verb_counts_the_state_it_links(text: str, verb: str) -> None:
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    assert [q.verb for q in quantities(list(nlp(text)))] == [verb]


@pytest.mark.parametrize("text, want", [
    ("Temperatures reached 41.3C at the station.", (41.3, "degree", "exact")),
    ("Temperatures reached 41.3C.", (41.3, "degree", "exact")),
    ("The mercury hit 41.3 degrees.", (41.3, "degree", "exact")),
    ("Highs of about 104F are forecast.", (104.0, "fahrenheit", "about")),
])
def test_a_temperature_in_one_token_is_read(text: str, want: tuple[float, str, str]) -> None:
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    assert [(q.value, q.unit, q.bound) for q in quantities(list(nlp(text)))] == [want]


@pytest.mark.parametrize("text", ["The man in seat 14C was arrested.", "Passengers at gate 4C waited.",
                                  "The suspect sat in seat 14C."])
def test_a_numbered_seat_or_gate_is_no_temperature(text: str) -> None:
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    assert not [q for q in quantities(list(nlp(text))) if q.unit in {"degree", "fahrenheit"}]


@pytest.mark.parametrize("text", ["Forty years ago the mine opened.", "In nineteen ninety the plant opened."])
def test_a_number_word_that_dates_is_no_count(text: str) -> None:
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    assert quantities(list(nlp(text))) == ()


@pytest.mark.parametrize("text, subject", [
    ("About 3,000 residents were evacuated from Brenholt.", "resident"),
    ("Patients at the Kessing district hospital were evacuated.", "patient"),
    ("Putin said the meeting was far off.", ""),    # a name
    ("It was not clear when the plant would reopen.", ""),  # a pronoun
])
def test_the_subject_noun_of_a_claim(text: str, subject: str) -> None:
    from claimcheck._frames import build_frame

    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    assert build_frame(list(nlp(text)), text=text).subject == subject


def test_an_acronym_and_its_number_name_an_index() -> None:
    """"The KX 40 share index rose 1.2%": 40 is part of the name."""
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    assert [q.value for q in quantities(list(nlp("The KX 40 share index rose 1.2% by the close.")))] == [1.2]
    assert [q.value for q in quantities(list(nlp("The FTSE 100 fell 2% on Monday.")))] == [2.0]


def test_per_cent_is_a_share() -> None:
    """"0.8 per cent" is 0.8 %, as "0.8%" and "0.8 percent" are."""
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    for text in ("The currency lost 0.8 per cent versus the euro.", "The krell weakened 0.8% against the euro."):
        assert [(q.value, q.unit) for q in quantities(list(nlp(text)))] == [(0.8, "%")], text


def test_votes_to_votes_is_a_tally() -> None:
    """"backing the cut by six votes to one" is the tally 6-1, as "a 6-1 vote" is."""
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    got = [(q.value, q.unit) for q in quantities(list(nlp("The committee backed the cut by six votes to one.")))]
    assert got == [(6.0, "tally"), (1.0, "tally (second)")]


def test_two_scaled_numbers_joined_by_and_are_two_numbers() -> None:
    """"between 4 million and 5 million doses" gives 4 and 5 million, not
    9 million; "two hundred and five" is still one number."""
    nlp = load_spacy(DEFAULT_SPACY_MODEL)

    def values(text: str) -> list[float]:
        return [x.value for x in quantities(list(nlp(text)))]

    assert values("MedImmune made between 4 million and 5 million doses this year.") == [4e6, 5e6]
    assert values("The company sold two hundred and five cars.") == [205.0]
    assert values("It cost one million and five hundred thousand dollars.") == [1.5e6]


@pytest.mark.parametrize("text, want", [
    ("No passengers were hurt in the collision.", (0.0, "passenger", "hurt")),
    ("No one was injured in the blast.", (0.0, "people", "injure")),
    ("Nobody was killed.", (0.0, "people", "kill")),
    ("There were no casualties.", (0.0, "casualty", "be")),
])
def test_a_denial_of_existence_is_a_count_of_zero(text: str, want: tuple[float, str, str]) -> None:
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    got = [(x.value, x.unit, x.verb) for x in quantities(list(nlp(text)))]
    assert got == [want]


@pytest.mark.parametrize("text", [
    "No new cases were reported on Monday.",  # an increment, not the total
    "The company gave no details.",           # an object, not what the verb says of its subject
])
def test_no_zero_count_for_increments_or_objects(text: str) -> None:
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    assert [x for x in quantities(list(nlp(text))) if x.value == 0] == []


def test_basis_points_are_hundredths_of_a_point() -> None:
    """"25 basis points" and "0.25 percentage points" are one figure."""
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    (bp,) = [q for q in quantities(list(nlp("The bank raised its rate by 25 basis points."))) if q.unit == "point"]
    (pp,) = [q for q in quantities(list(nlp("The bank raised its rate by 0.25 percentage points.")))
             if q.unit == "point"]
    assert bp.value == pytest.approx(0.25) == pp.value
    assert "basis" not in bp.qualifiers


def test_a_list_of_days_dates_each_day() -> None:
    """"spread on Sunday and Monday" is dated to both days, so it does not
    clash with "began on Sunday"."""
    import datetime as dt

    from claimcheck._frames import dates_of

    assert dates_of(["Sunday and Monday"], dt.date(2026, 8, 12)) == ("2026-08-09", "2026-08-10")
    assert dates_of(["Sunday"], dt.date(2026, 8, 11)) == ("2026-08-09",)


@pytest.mark.parametrize("text, seconds", [
    ("Mworia won the men's race in 2:06:41 in his debut.", 2 * 3600 + 6 * 60 + 41),
    ("She lowered the course record to 2:21:03.5.", 2 * 3600 + 21 * 60 + 3.5),
])
def test_a_race_time_is_a_length_of_time(text: str, seconds: float) -> None:
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    (q,) = quantities(list(nlp(text)))
    assert q.unit == "day" and q.value == pytest.approx(seconds / 86400)


@pytest.mark.parametrize("text", ["The quake struck at 10:32:15 local time.",
                                  "The alarm sounded at 4:12:09 on Monday."])
def test_a_clock_time_read_to_the_second_is_no_length_of_time(text: str) -> None:
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    assert not [q for q in quantities(list(nlp(text))) if q.unit == "day"]


@pytest.mark.parametrize("text", ["She plans to marry the dad-of-five despite the incident.",
                                  "The mother-of-three was injured in the crash."])
def test_who_someone_is_is_no_count(text: str) -> None:
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    assert quantities(list(nlp(text))) == ()
