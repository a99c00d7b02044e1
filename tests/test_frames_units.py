"""Units of the figures in a claim frame (claimcheck._frames): "pounds" are
a sum of money unless something is weighed.  Made-up sentences."""

from __future__ import annotations

import pytest

from claimcheck._frames import quantities
from claimcheck._nlp import DEFAULT_SPACY_MODEL, load_spacy


@pytest.fixture(scope="module")
def units():
    nlp = load_spacy(DEFAULT_SPACY_MODEL)

    def read(text: str) -> list[tuple[float, str]]:
        return [(x.value, x.unit) for x in quantities(list(nlp(text)))]

    return read


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
