"""Tests for claimcheck.compare / compare_many (two texts judged directly)."""

from __future__ import annotations

import pytest

from claimcheck import HashingEncoder, InputError, Judgement, SentenceTransformerEncoder, compare, compare_many


def test_readme_place_example(st_encoder: SentenceTransformerEncoder) -> None:
    """The README's example: "in the UAE" vs "in Geneva" is a place contradiction quoting both places."""
    j = compare("The summit is in the UAE.", "The summit is in Geneva.", encoder=st_encoder)
    assert (j.label, j.kind) == ("contradiction", "place")
    assert "UAE" in j.reason and "Geneva" in j.reason


def test_antonym_example(st_encoder: SentenceTransformerEncoder) -> None:
    """"Prices rose sharply" vs "Prices fell sharply" is an antonym contradiction."""
    j = compare("Prices rose sharply.", "Prices fell sharply.", encoder=st_encoder)
    assert (j.label, j.kind) == ("contradiction", "antonym")


def test_same_text_is_entailment() -> None:
    """A text compared with itself is an entailment, never a contradiction."""
    j = compare("The bridge over the Selka River collapsed on Monday.",
                "The bridge over the Selka River collapsed on Monday.", encoder=HashingEncoder())
    assert j.label == "entailment"


def test_compare_many_matches_compare() -> None:
    """compare_many gives, pair by pair, the verdict compare gives (ids aside: they number the pairs)."""
    pairs = [("Officials said 40 people died.", "Officials said 12 people died."),
             ("The summit is in Geneva.", "The summit is in Geneva.")]
    enc = HashingEncoder()

    def verdict(j: Judgement) -> tuple[object, ...]:
        return j.label, j.score, j.kind, j.reason, j.evidence, j.similarity

    many = compare_many(pairs, encoder=enc)
    assert [verdict(j) for j in many] == [verdict(compare(a, b, encoder=enc)) for a, b in pairs]
    assert [(j.a, j.b) for j in many] == [("a0", "b0"), ("a1", "b1")]
    assert many[0].kind == "numeric"
    assert compare_many([], encoder=enc) == []


@pytest.mark.parametrize("bad", [[("a", 1)], [("a",)], ["ab"]])
def test_compare_many_refuses_bad_pairs(bad: list[object]) -> None:
    """A pair that is not two strings raises InputError naming its position."""
    with pytest.raises(InputError, match="pair #0"):
        compare_many(bad, encoder=HashingEncoder())  # type: ignore[arg-type]


def test_compare_refuses_non_strings() -> None:
    """compare() on a non-string raises InputError."""
    with pytest.raises(InputError):
        compare("text", None, encoder=HashingEncoder())  # type: ignore[arg-type]


def test_bad_date_in_compare_is_refused() -> None:
    """A malformed published_a raises InputError."""
    with pytest.raises(InputError, match="published_a"):
        compare("Rain fell.", "Snow fell.", encoder=HashingEncoder(), published_a="soon")


def test_unknown_context_is_an_input_error_that_names_the_keywords() -> None:
    """compare(..., published=...) (a keyword compare does not take) is an
    InputError naming the ones it does, not a TypeError from inside."""
    with pytest.raises(InputError, match="published_a"):
        compare("Rain fell.", "Snow fell.", encoder=HashingEncoder(), published="2026-01-07")
