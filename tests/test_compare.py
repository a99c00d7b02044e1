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



def test_a_whole_both_claims_give_is_no_second_item_of_a_list(st_encoder: SentenceTransformerEncoder) -> None:
    """"Three of the train's six carriages" / "the rear four carriages of the
    six-carriage train": the six is the whole in both, so three and four are
    one count that disagrees, not items of a list of different things."""
    j = compare("Three of the train's six carriages left the tracks",
                "The rear four carriages of the six-carriage train left the rails", encoder=st_encoder)
    assert (j.label, j.kind) == ("contradiction", "numeric"), j.reason
    assert "Three" in j.reason and "four" in j.reason


def test_two_parts_that_make_up_a_whole_do_not_clash(st_encoder: SentenceTransformerEncoder) -> None:
    """"Seven of the nine members voted for the move" / "two of the nine voted
    to keep the rate on hold" are the two parts of one vote; the same
    sentence with two different parts of the whole still clashes."""
    j = compare("Seven of the nine members of the bank's board voted for the move",
                "Two of the nine board members voted to keep the rate on hold", encoder=st_encoder)
    assert j.label != "contradiction", j.reason
    j = compare("Two of the six carriages left the tracks", "Four of the six carriages left the rails",
                encoder=st_encoder)
    assert (j.label, j.kind) == ("contradiction", "numeric"), j.reason


def test_two_words_for_a_loss_count_one_thing(st_encoder: SentenceTransformerEncoder) -> None:
    """"cut power to about 180,000 homes" / "some 310,000 homes lost power":
    both verbs say the homes were lost, so the counts are compared."""
    j = compare("A fire at an electricity substation cut power to about 180,000 homes and businesses in Varholm "
                "on Tuesday evening, the grid operator said",
                "Some 310,000 homes and businesses lost power in Varholm on Tuesday evening after a fire at "
                "the Kelby substation", encoder=st_encoder)
    assert j.similarity < 0.75  # below the similarity at which any two verbs may count one thing
    assert (j.label, j.kind) == ("contradiction", "numeric"), j.reason


def test_expected_to_is_not_the_subject_of_the_action(st_encoder: SentenceTransformerEncoder) -> None:
    """"The line is expected to reopen on Saturday" / "the line would remain
    closed for at least two weeks": the line does both, "expected" is no
    subject."""
    j = compare("The line is expected to reopen on Saturday", "the line would remain closed for at least two weeks",
                encoder=st_encoder)
    assert (j.label, j.kind) == ("contradiction", "antonym"), j.reason
    assert "line" in j.reason


def test_an_adjective_is_not_half_of_a_verb_only_antonym_pair(st_encoder: SentenceTransformerEncoder) -> None:
    """"too close to the rail industry" is not the verb "close", so it does not
    oppose "opened an investigation"; the verbs still oppose."""
    j = compare("the board was too close to the rail industry",
                "The National Rail Safety Board opened an investigation on Thursday", encoder=st_encoder)
    assert j.label != "contradiction", j.reason
    j = compare("The shop opened on Monday", "The shop closed on Monday", encoder=st_encoder)
    assert (j.label, j.kind) == ("contradiction", "antonym"), j.reason
    # the adjective "open" is the state the verb "close" ends ("closed")
    j = compare("Varholm airport remained open",
                "Varholm airport closed for the rest of the evening after its terminal lost power", encoder=st_encoder)
    assert (j.label, j.kind) == ("contradiction", "antonym"), j.reason


def test_none_lost_against_some_destroyed(st_encoder: SentenceTransformerEncoder) -> None:
    """"no homes had been lost to the fire" / "at least 14 homes have been
    destroyed": destroyed homes are lost homes, so the counts clash."""
    j = compare("At least 14 homes have been destroyed in Dunholt, the fire service said",
                "Fire officials said no homes had been lost to the fire so far", encoder=st_encoder)
    assert (j.label, j.kind) == ("contradiction", "numeric"), j.reason
    assert "no homes" in j.reason


def test_two_named_doers_of_a_one_doer_action_clash(st_encoder: SentenceTransformerEncoder) -> None:
    """Who did it: "a group calling itself Graywater claimed responsibility" /
    "the cyberattack was claimed by a gang known as Nightjar" is an entity
    contradiction naming both, even though the names keep the claims'
    participants apart; claims of two different acts, and actions many can
    share, are not."""
    j = compare("A ransomware group calling itself Graywater claimed responsibility on a dark-web site on Friday",
                "The cyberattack that crippled Linwood Valley Medical Centre this week was claimed by a criminal "
                "gang known as Nightjar", encoder=st_encoder)
    assert (j.label, j.kind) == ("contradiction", "entity"), j.reason
    assert "Graywater" in j.reason and "Nightjar" in j.reason
    j = compare("Islamic State claimed responsibility for the bombing in Kabul",
                "The Taliban claimed responsibility for the attack on a police station in Kandahar", encoder=st_encoder)
    assert j.label != "contradiction", j.reason
    j = compare("Pfizer developed the vaccine", "BioNTech developed the vaccine", encoder=st_encoder)
    assert j.label != "contradiction", j.reason


def test_the_same_start_at_the_same_time_is_one_fact(st_encoder: SentenceTransformerEncoder) -> None:
    """"The fire broke out … at 5:48 p.m." / "The blaze began at 5:48 p.m. …": two
    verbs of starting, one thing (fire, blaze), one clock time; a later time
    for the same start is a date contradiction, and a different happening at
    another time is not the same fact."""
    j = compare("The fire broke out at the Kelby substation at 5:48 p.m.",
                "The blaze began at 5:48 p.m. in a transformer hall at the substation", encoder=st_encoder)
    assert j.label == "entailment", j.reason
    assert "5:48 p.m." in j.reason
    j = compare("The fire broke out at the Kelby substation at 5:48 p.m.",
                "The blaze began at 6:15 p.m. in a transformer hall at the substation", encoder=st_encoder)
    assert (j.label, j.kind) == ("contradiction", "date"), j.reason
    j = compare("The fire broke out at the Kelby substation at 5:48 p.m.", "The fire was under control by 7:30 p.m.",
                encoder=st_encoder)
    assert j.label == "compatible" and "different times" in j.reason, j.reason


def test_counts_of_one_kind_that_match_nothing_keep_claims_apart(st_encoder: SentenceTransformerEncoder) -> None:
    """"supported by 12 aircraft" / "four water-bombing helicopters": helicopters
    are aircraft, and 12 and four match nothing on the other side, so the
    claims are not one fact even though "more than 400" and "some 420"
    firefighters agree."""
    j = compare("More than 400 firefighters, supported by 12 aircraft, were fighting the flames on Tuesday",
                "Some 420 firefighters and four water-bombing helicopters were deployed on Tuesday", encoder=st_encoder)
    assert j.label != "entailment", j.reason
    assert "numbers differ" in j.reason


def test_more_of_a_kind_than_there_were_in_all(st_encoder: SentenceTransformerEncoder) -> None:
    """"carrying 58 passengers" / "had 50 people on board": passengers are
    people, so 58 of them cannot be among 50; 48 passengers and four crew
    among 52 people can, and two different vehicles are not compared."""
    j = compare("The plane was carrying 58 passengers and a crew of four",
                "The turboprop, operating flight SK 412 from Lindmora, had 50 people on board", encoder=st_encoder)
    assert (j.label, j.kind) == ("contradiction", "numeric"), j.reason
    assert "58" in j.reason and "50" in j.reason
    j = compare("The plane was carrying 48 passengers and a crew of four",
                "The turboprop, operating flight SK 412 from Lindmora, had 52 people on board", encoder=st_encoder)
    assert j.label != "contradiction", j.reason
    j = compare("The bus was carrying 58 passengers", "The train had 50 people on board", encoder=st_encoder)
    assert j.label != "contradiction", j.reason
    # people who died: one verb counts one thing; "a 4K color screen" / "40-tone
    # sound" count no people and hold nothing, so they are not compared
    j = compare("58 passengers died when the ferry sank off Lindmora",
                "50 people died when the ferry sank off Lindmora", encoder=st_encoder)
    assert (j.label, j.kind) == ("contradiction", "numeric"), j.reason
    j = compare("It features a 4K color screen and 40-tone polyphonic sound with exchangeable front panels.",
                "The Z200 features a color screen and 40-tone polyphonic sounds.", encoder=st_encoder)
    assert j.label != "contradiction", j.reason


def test_at_no_point_negates_the_clause_after_it(st_encoder: SentenceTransformerEncoder) -> None:
    """"At no point did water flow over the top of the dam" denies "water
    flowed over the top of the dam": the negation is of the inverted
    clause, not of the word "point"."""
    j = compare("At no point did water flow over the top of the dam",
                "Water flowed over the top of the dam late on Saturday", encoder=st_encoder)
    assert (j.label, j.kind) == ("contradiction", "polarity"), j.reason


def test_a_thing_s_history_is_not_its_state_now(st_encoder: SentenceTransformerEncoder) -> None:
    """"Kelderhall opened in 1961" / "Kelderhall will remain closed until further
    notice": the year dates the opening long ago, so the opposite words do
    not clash, and the claims are not one fact either."""
    j = compare("Kelderhall will remain closed until further notice", "Kelderhall opened in 1961", encoder=st_encoder)
    assert j.label == "compatible", j.reason
    assert "different times" in j.reason


def test_a_thing_said_to_be_expected_is_likely(st_encoder: SentenceTransformerEncoder) -> None:
    """"A final vote is expected as early as next Tuesday" / "the final vote is
    unlikely before September" disagree on how likely it is; "had been
    widely expected by economists" is the consensus before a past event,
    not a forecast."""
    j = compare("A final vote in parliament is expected as early as next Tuesday",
                "The final parliamentary vote is unlikely before September", encoder=st_encoder)
    assert (j.label, j.kind) == ("contradiction", "likelihood"), j.reason
    j = compare("The increase had been widely expected by economists",
                "more increases were unlikely before the end of the year", encoder=st_encoder)
    assert j.label != "contradiction", j.reason


def test_restarted_against_stayed_halted(st_encoder: SentenceTransformerEncoder) -> None:
    """"Production at the site was restarted on Wednesday" / "all production at
    the site stayed halted on Wednesday": opposite actions of one subject
    (rows added to the opposition list)."""
    j = compare("All production at the Kelmouth site stayed halted on Wednesday",
                "Production at the Kelmouth site was restarted on Wednesday morning", encoder=st_encoder)
    assert (j.label, j.kind) == ("contradiction", "antonym"), j.reason


def test_a_street_lies_in_the_town_the_other_claim_names(st_encoder: SentenceTransformerEncoder) -> None:
    """"Police in Istrava fired tear gas" / "police used tear gas to push the
    crowd back from Crown Avenue": a street is below the scale of a town, so
    the places do not clash; two streets still do."""
    j = compare("Police in Istrava fired tear gas and water cannon at protesters on Friday",
                "Police used tear gas and water cannon to push the crowd back from Crown Avenue", encoder=st_encoder)
    assert j.label != "contradiction", j.reason
    j = compare("The protest was held in Maren Square", "The protest was held in Crown Avenue", encoder=st_encoder)
    assert (j.label, j.kind) == ("contradiction", "place"), j.reason
