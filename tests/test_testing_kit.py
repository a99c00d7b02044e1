"""claimcheck.testing: the conformance checks and the strategies."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import numpy as np
import pytest
from hypothesis import given, settings

from claimcheck import HashingEncoder, Judgement, RuleJudge, SpacySplitter
from claimcheck._types import Article, Claim, Skipped
from claimcheck.testing import (
    RELATIONS,
    FakeEncoder,
    check_encoder,
    check_judge,
    check_splitter,
    claim_pairs,
    claims,
)


def test_rule_judge_conforms() -> None:
    check_judge(RuleJudge())


@attrs.frozen
class _AsymmetricJudge:
    """Calls everything a contradiction when the first claim's id sorts first."""

    def judge(self, a: Claim, b: Claim, similarity: float) -> Judgement:
        label = "contradiction" if a.id < b.id else "unrelated"
        return Judgement(a=a.id, b=b.id, label=label, score=0.9)


@attrs.frozen
class _NaNScoreJudge:
    def judge(self, a: Claim, b: Claim, similarity: float) -> Judgement:
        return Judgement(a=a.id, b=b.id, label="unrelated", score=similarity)


def test_asymmetric_judge_fails() -> None:
    with pytest.raises(AssertionError, match="_AsymmetricJudge failed check_symmetric"):
        check_judge(_AsymmetricJudge())


def test_judge_passing_nan_through_fails() -> None:
    with pytest.raises(AssertionError, match="check_score"):
        check_judge(_NaNScoreJudge())


def test_hashing_encoder_conforms() -> None:
    check_encoder(HashingEncoder())
    check_encoder(FakeEncoder())


class _RawEncoder:
    """Counts letters, without normalising."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.array([[t.count(ch) for ch in "aeiou"] for t in texts], dtype=np.float32).reshape(-1, 5)


def test_non_normalising_encoder_fails() -> None:
    with pytest.raises(AssertionError, match="_RawEncoder failed check_normalised"):
        check_encoder(_RawEncoder())


def test_spacy_splitter_conforms() -> None:
    check_splitter(SpacySplitter())


class _CountingSplitter:
    """Numbers claims across the whole call, so ids depend on the order of the articles."""

    def split(self, articles: Sequence[Article]) -> list[tuple[list[Claim], list[Skipped]]]:
        out: list[tuple[list[Claim], list[Skipped]]] = []
        n = 0
        for a in articles:
            found = []
            for s in (x for x in a.text.split(". ") if x.strip()):
                start = a.text.index(s)
                found.append(Claim(id=f"c{n}", article=a.id, source=a.source, speaker=None, text=s,
                                   start=start, end=start + len(s)))
                n += 1
            out.append((found, []))
        return out


def test_order_dependent_splitter_fails() -> None:
    with pytest.raises(AssertionError, match="check_order_independent"):
        check_splitter(_CountingSplitter())


@settings(max_examples=30)
@given(claim_pairs())
def test_claim_pairs_have_a_known_label(pair: tuple[str, str, str]) -> None:
    a, b, label = pair
    assert a != b and label in set(RELATIONS.values())


@settings(max_examples=20)
@given(claim_pairs("number_shifted"), claims())
def test_rule_judge_on_generated_claims(pair: tuple[str, str, str], claim: Claim) -> None:
    """A claim never contradicts itself, and RuleJudge's verdicts on generated claims are valid."""
    assert pair[2] == "contradiction"
    other = attrs.evolve(claim, id=claim.id + "x", source="Other outlet")
    j = RuleJudge().judge(claim, other, 0.95)
    assert j.label != "contradiction"


def test_bad_relation_is_rejected() -> None:
    with pytest.raises(ValueError, match="relation"):
        claim_pairs("sideways")
