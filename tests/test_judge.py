"""Tests for claimcheck._judge.RuleJudge on hand-made claims (no models)."""

from __future__ import annotations

import datetime as _dt
import math

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import claims, similarities

from claimcheck import KINDS, LABELS, Claim, Frame, Judge, Quantity, RuleJudge

JUDGE = RuleJudge()


def mk(cid: str, text: str, *, source: str = "Wire", speaker: str | None = None,
       published: _dt.date | None = None, **frame: object) -> Claim:
    """A claim with the given frame fields."""
    return Claim(id=cid, article=cid.split(":")[0], source=source, speaker=speaker, text=text,
                 start=0, end=len(text), frame=Frame(**frame), published=published)  # type: ignore[arg-type]


def q(value: float, unit: str = "people", bound: str = "exact", text: str | None = None) -> Quantity:
    return Quantity(value=value, unit=unit, bound=bound, text=text or f"{value:g}")


def test_rule_judge_satisfies_the_judge_protocol() -> None:
    """RuleJudge is a Judge (runtime-checkable protocol)."""
    assert isinstance(JUDGE, Judge)


def test_numeric_conflict_is_a_contradiction() -> None:
    """40 people vs 12 people about the same event is a numeric contradiction quoting both numbers."""
    a = mk("a:0", "40 people died in the quake", quantities=(q(40),))
    b = mk("b:0", "12 people died in the quake", source="Herald", quantities=(q(12),))
    j = JUDGE.judge(a, b, 0.9)
    assert (j.label, j.kind) == ("contradiction", "numeric")
    assert "40" in j.reason and "12" in j.reason
    assert j.evidence == ("40", "12")
    assert 0.5 < j.score <= 1.0


def test_lower_bound_met_is_not_a_contradiction() -> None:
    """"at least 20" people and 23 people agree."""
    a = mk("a:0", "at least 20 people died in the quake", quantities=(q(20, bound="at_least", text="20"),))
    b = mk("b:0", "23 people died in the quake", source="Herald", quantities=(q(23),))
    j = JUDGE.judge(a, b, 0.9)
    assert j.label != "contradiction"
    assert j.kind == "none"


def test_lower_bound_broken_is_a_contradiction() -> None:
    """"at least 40" people and 12 people cannot both be true."""
    a = mk("a:0", "at least 40 people died", quantities=(q(40, bound="at_least", text="40"),))
    b = mk("b:0", "12 people died", source="Herald", quantities=(q(12),))
    j = JUDGE.judge(a, b, 0.9)
    assert (j.label, j.kind) == ("contradiction", "numeric")
    assert "at least 40" in j.reason


@pytest.mark.parametrize(("x", "y"), [
    (q(40, bound="about"), q(44)),
    (q(30, bound="at_most"), q(25)),
    (q(300, unit="homes"), q(300, unit="homes")),
    (q(40, unit="dead"), q(40, unit="people")),
])
def test_compatible_numbers_are_not_contradictions(x: Quantity, y: Quantity) -> None:
    """Numbers whose ranges overlap ("about 40" vs 44, "at most 30" vs 25, equal counts) do not conflict."""
    a = mk("a:0", "officials reported the toll", quantities=(x,))
    b = mk("b:0", "officials reported the toll", source="Herald", quantities=(y,))
    assert JUDGE.judge(a, b, 0.9).label != "contradiction"


@pytest.mark.parametrize(("a", "qa", "b", "qb"), [
    # a difference is not a size
    ("The crab measured about 50 feet", q(50, unit="foot", text="50"),
     "Such crabs are about 37 feet smaller than the estimate", q(37, unit="foot", text="37")),
    # a distance that places a town is not how far the fighters are
    ("The fighters are one mile from Baghdad", q(1, unit="mile", text="one"),
     "The fighters are in Fallujah, a key town some 25 miles from Baghdad", q(25, unit="mile", text="25")),
    # the group a part comes from is not the part
    ("Three soldiers were found at the border", q(3, unit="soldier", text="Three"),
     "The men were part of a group of 200 soldiers at the border", q(200, unit="soldier", text="200")),
])
def test_figures_of_different_roles_do_not_conflict(a: str, qa: Quantity, b: str, qb: Quantity) -> None:
    j = JUDGE.judge(mk("a:0", a, quantities=(qa,)), mk("b:0", b, source="Herald", quantities=(qb,)), 0.8)
    assert j.kind != "numeric", j.reason


def test_figures_of_one_role_still_conflict() -> None:
    """Two group sizes, or two distances of the fighters, are compared."""
    a = mk("a:0", "They were part of a group of 200 soldiers", quantities=(q(200, unit="soldier", text="200"),))
    b = mk("b:0", "They were part of a group of 150 soldiers", source="Herald",
           quantities=(q(150, unit="soldier", text="150"),))
    assert JUDGE.judge(a, b, 0.9).kind == "numeric"


def test_a_product_variant_is_another_participant() -> None:
    """The Apple Watch Sport's price is not the Apple Watch's, although the
    one name holds the other's words."""
    a = mk("a:0", "The Apple Watch Sport will cost $349", participants=("apple watch sport",),
           quantities=(q(349, unit="$", text="349"),))
    b = mk("b:0", "The Apple Watch will cost $550", source="Herald", participants=("apple watch",),
           quantities=(q(550, unit="$", text="550"),))
    assert JUDGE.judge(a, b, 0.8).label != "contradiction"
    c = mk("c:0", "The Apple Watch Sport will cost $550", source="Post", participants=("apple watch sport",),
           quantities=(q(550, unit="$", text="550"),))
    assert JUDGE.judge(a, c, 0.9).kind == "numeric"


def test_numbers_of_different_things_do_not_conflict() -> None:
    """40 people and 12 homes count different things, so they do not contradict."""
    a = mk("a:0", "40 people died", quantities=(q(40, unit="people"),))
    b = mk("b:0", "12 homes collapsed", source="Herald", quantities=(q(12, unit="homes"),))
    assert JUDGE.judge(a, b, 0.9).label != "contradiction"


def test_numeric_conflict_at_different_dates_is_an_update() -> None:
    """Different counts published on different days are an update, not a contradiction."""
    a = mk("a:0", "20 people were rescued", published=_dt.date(2026, 3, 10), quantities=(q(20),))
    b = mk("b:0", "55 people were rescued", source="Herald", published=_dt.date(2026, 3, 12),
           quantities=(q(55),))
    j = JUDGE.judge(a, b, 0.9)
    assert (j.label, j.kind) == ("update", "numeric")
    assert not j.is_contradiction


def test_count_that_shrinks_later_is_still_a_contradiction() -> None:
    """A later report with a smaller death toll does not update an earlier larger one: it contradicts it."""
    a = mk("a:0", "40 people died", published=_dt.date(2026, 3, 10), quantities=(q(40),))
    b = mk("b:0", "12 people died", source="Herald", published=_dt.date(2026, 3, 12), quantities=(q(12),))
    j = JUDGE.judge(a, b, 0.9)
    assert (j.label, j.kind) == ("contradiction", "numeric")


def test_growing_count_by_weekday_is_an_update() -> None:
    """Same publication day, but 20 rescued "by Tuesday" and 55 "by Wednesday": the story moved on."""
    a = mk("a:0", "20 people were rescued by Tuesday", time=("Tuesday",), quantities=(q(20),))
    b = mk("b:0", "55 people were rescued by Wednesday", source="Herald", time=("Wednesday",),
           quantities=(q(55),))
    assert JUDGE.judge(a, b, 0.9).label == "update"


def test_place_conflict_is_a_contradiction() -> None:
    """The same summit in Geneva vs in the UAE is a place contradiction naming both places."""
    a = mk("a:0", "the summit will be held in Geneva", places=("Geneva",))
    b = mk("b:0", "the summit will be held in the UAE", source="Herald", places=("the UAE",))
    j = JUDGE.judge(a, b, 0.8)
    assert (j.label, j.kind) == ("contradiction", "place")
    assert "Geneva" in j.reason and "UAE" in j.reason
    assert j.evidence == ("Geneva", "the UAE")


def test_places_of_different_events_do_not_clash() -> None:
    """Where he is held and where the murders were are two events' places,
    however much of the wording the two sentences share."""
    a = mk("a:0", "Manson is housed in California State Prison, Corcoran",
           places=("California State Prison, Corcoran",))
    b = mk("b:0", "Manson is serving a life sentence for his role in the murders of seven people "
                  "in Los Angeles in 1969", source="Herald", places=("Los Angeles",))
    assert JUDGE.judge(a, b, 0.8).kind != "place"


@pytest.mark.parametrize(("a", "b"), [
    ("It is true", "they are not true"),                                  # about another text
    ("Jim was not", "Jim was not selfless"),                              # ends on its negation
    ("The group is not part of the alliance", "which is part of the alliance"),  # a relative clause
    ("The account is her account", "is not her account"),                # a verb without its subject
])
def test_fragments_are_not_judged_for_conflicts(a: str, b: str) -> None:
    """A negated fragment against a statement with the same words is no polarity clash."""
    def frame(text: str) -> dict[str, object]:
        neg = " not " in f" {text} "
        return {"negated": neg, "cues": ("not",) if neg else (),
                "lemmas": tuple(w for w in text.lower().split() if len(w) > 3 and w != "which")}
    j = JUDGE.judge(mk("a:0", a, **frame(a)), mk("b:0", b, source="Herald", **frame(b)), 0.8)
    assert j.label != "contradiction", j.reason


def test_same_place_is_not_a_contradiction() -> None:
    """Two claims placing the summit in Geneva agree."""
    a = mk("a:0", "the summit will be held in Geneva", places=("Geneva",))
    b = mk("b:0", "the summit will take place in Geneva", source="Herald", places=("Geneva",))
    j = JUDGE.judge(a, b, 0.8)
    assert j.label in {"entailment", "compatible"}
    assert j.kind == "none"


def test_place_inside_the_other_is_not_a_contradiction() -> None:
    """"fly to Baghdad" and "service to Iraq": one place inside the other (WordNet part-of links)."""
    a = mk("a:0", "the airlines applied for permission to fly to Baghdad", places=("Baghdad",))
    b = mk("b:0", "the airlines applied for permission to fly to Iraq", source="Herald", places=("Iraq",))
    assert JUDGE.judge(a, b, 0.85).label != "contradiction"
    c = mk("c:0", "the airlines applied for permission to fly to Tehran", source="Post", places=("Tehran",))
    assert (JUDGE.judge(a, c, 0.85).label, JUDGE.judge(a, c, 0.85).kind) == ("contradiction", "place")


def test_likelihood_conflict_quotes_both_cues() -> None:
    """A "very good prospect" (0.9) vs "still far off" (0.1) is a likelihood contradiction quoting both cues."""
    a = mk("a:0", "there was a very good prospect that the leaders would meet", speaker="Donald Trump",
           likelihood=0.9, modality="likely")
    b = mk("b:0", "a meeting of the leaders was still far off", speaker="Vladimir Putin",
           likelihood=0.1, modality="unlikely")
    j = JUDGE.judge(a, b, 0.6)
    assert (j.label, j.kind) == ("contradiction", "likelihood")
    assert "very good prospect" in j.reason and "still far off" in j.reason
    assert "Donald Trump" in j.reason and "Vladimir Putin" in j.reason
    assert j.evidence == ("very good prospect", "still far off")


def test_hedges_about_different_things_do_not_conflict() -> None:
    """A hedge is compared only with a hedge about the same thing: the clause
    that holds "unlikely" (a new phone before September) shares no content
    word with what is "expected" (the watch's price), even though the other
    clause of the sentence is about the watch."""
    a = mk("a:0", "Consumers are unlikely to see a new phone before September, although the watch is due in spring",
           likelihood=0.15, modality="unlikely")
    b = mk("b:0", "The watch is expected to retail for thousands", source="Herald", likelihood=0.8,
           modality="likely")
    assert JUDGE.judge(a, b, 0.7).label != "contradiction"
    c = mk("c:0", "A new phone is expected to go on sale before September", source="Post", likelihood=0.8,
           modality="likely")
    j = JUDGE.judge(a, c, 0.7)
    assert (j.label, j.kind) == ("contradiction", "likelihood"), j.reason


def test_mild_hedges_do_not_conflict() -> None:
    """"may" (0.5) vs "likely" (0.7) is not a likelihood contradiction."""
    a = mk("a:0", "the leaders may meet", likelihood=0.5, modality="hedged")
    b = mk("b:0", "the leaders will likely meet", source="Herald", likelihood=0.7, modality="likely")
    assert JUDGE.judge(a, b, 0.9).label != "contradiction"


def test_polarity_conflict_is_a_contradiction() -> None:
    """"has requested" vs "has not requested" international assistance is a polarity contradiction."""
    lemmas = ("government", "request", "international", "assistance")
    a = mk("a:0", "The government has requested international assistance", lemmas=lemmas)
    b = mk("b:0", "The government has not requested international assistance", source="Radio",
           negated=True, cues=("not",), lemmas=lemmas)
    j = JUDGE.judge(a, b, 0.9)
    assert (j.label, j.kind) == ("contradiction", "polarity")
    assert "\u201cnot\u201d" in j.reason
    assert j.evidence == ("The government has requested international assistance", "not")


def test_both_negated_is_not_a_polarity_conflict() -> None:
    """Two negated claims agree with each other."""
    lemmas = ("government", "request", "assistance")
    a = mk("a:0", "The government has not requested assistance", negated=True, cues=("not",), lemmas=lemmas)
    b = mk("b:0", "The government has never requested assistance", source="Radio", negated=True,
           cues=("never",), lemmas=lemmas)
    assert JUDGE.judge(a, b, 0.9).label != "contradiction"


def test_negation_both_texts_carry_is_not_a_polarity_conflict() -> None:
    """The parse found the negation in only one of two near-identical
    sentences (frames disagree), but both texts say "don't trust": no clash."""
    lemmas = ("head", "panel", "tell", "commander", "cadet", "trust")
    a = mk("a:0", "The head of the panel -- Tillie Fowler -- told commanders that cadets don't trust them.",
           lemmas=lemmas)
    b = mk("b:0", "The head of the panel, Tillie Fowler, told commanders that cadets don't trust them.",
           source="Radio", negated=True, cues=("n't",), lemmas=lemmas)
    assert JUDGE.judge(a, b, 0.95).label != "contradiction"
    # the same pair with the negation only in b is a clash
    a2 = attrs.evolve(a, text="The head of the panel -- Tillie Fowler -- told commanders that cadets trust them.")
    assert (JUDGE.judge(a2, b, 0.95).label, JUDGE.judge(a2, b, 0.95).kind) == ("contradiction", "polarity")


def test_negation_of_something_the_other_claim_never_states_is_no_clash() -> None:
    """"no passenger was ejected, but some were thrown out" does not negate
    "some passengers were thrown out": the negated word is not in the other."""
    lemmas = ("crew", "passenger", "throw", "open", "side", "bus")
    a = mk("a:0", "Emergency crews said some of the passengers were thrown out of the open side of the bus.",
           lemmas=lemmas)
    b = mk("b:0", "Emergency crews said no passenger was ejected, but some were thrown out of the open side "
                  "of the bus.", source="Radio", negated=True, cues=("no",), lemmas=lemmas + ("eject",))
    assert JUDGE.judge(a, b, 0.9).label != "contradiction"


def test_failed_to_negates_the_verb_after_it() -> None:
    """"The leaders failed to agree on a ceasefire" negates "agree": against
    "The leaders agreed on a ceasefire" it is a polarity clash; a long
    sentence whose negation is about another part is not."""
    c = mk("c:0", "The two leaders failed to agree on a ceasefire", negated=True, cues=("failed",),
           lemmas=("leader", "fail", "agree", "ceasefire"))
    d = mk("d:0", "The two leaders agreed on a ceasefire", source="Radio", lemmas=("leader", "agree", "ceasefire"))
    j = JUDGE.judge(c, d, 0.8)
    assert (j.label, j.kind) == ("contradiction", "polarity")
    long = mk("e:0", "Last year Bloomberg snubbed the affair after being told he could not march with cast "
                     "members of The Sopranos", source="Radio", negated=True, cues=("not",),
              lemmas=("year", "bloomberg", "snub", "affair", "tell", "march", "cast", "member", "sopranos"))
    short = mk("f:0", "Last year Bloomberg boycotted the parade because he wanted to march with two actors",
               lemmas=("year", "bloomberg", "boycott", "parade", "want", "march", "actor"))
    assert JUDGE.judge(long, short, 0.64).label != "contradiction"


def test_name_the_parser_missed_still_matches_the_other_text() -> None:
    """"Sporting Varna" is a participant of one claim only (the parser tagged
    it differently in the other), but the other claim's text names it, so the
    two are about the same transfer and their fees clash."""
    a = mk("a:0", "Sporting Varna have signed Tomas Reyka from FC Aldwick for a record fee of 65 million euros",
           participants=("reyka", "varna"), lemmas=("sporting", "varna", "sign", "reyka", "aldwick", "record", "fee"),
           quantities=(Quantity(value=65e6, unit="€", bound="exact", text="65 million",
                                context=("euro", "fee", "record")),))
    b = mk("b:0", "FC Aldwick have sold Tomas Reyka to Sporting Varna for 48 million euros", source="Radio",
           participants=("aldwick", "reyka"), lemmas=("aldwick", "sell", "reyka", "sporting", "varna"),
           quantities=(Quantity(value=48e6, unit="€", bound="exact", text="48 million", verb="sell",
                                context=("euro", "sporting", "varna")),))
    j = JUDGE.judge(a, b, 0.88)
    assert (j.label, j.kind) == ("contradiction", "numeric")
    # two different things measured in money stay apart
    c = attrs.evolve(a, text="Acme reported revenue of 65 million euros", frame=attrs.evolve(
        a.frame, quantities=(attrs.evolve(a.frame.quantities[0], context=("euro", "revenue")),)))
    d = attrs.evolve(b, text="Acme reported a profit of 48 million euros", frame=attrs.evolve(
        b.frame, quantities=(attrs.evolve(b.frame.quantities[0], context=("euro", "profit")),)))
    assert JUDGE.judge(c, d, 0.88).kind != "numeric"


def test_death_tolls_with_different_verbs_clash() -> None:
    """"Two people have died" and "at least nine people have been killed" are one death toll."""
    a = mk("a:0", "Two people have died in the flooding", lemmas=("people", "die", "flooding"),
           quantities=(Quantity(value=2, unit="people", bound="exact", text="Two", verb="die"),))
    b = mk("b:0", "At least nine people have been killed by the floods", source="Radio",
           lemmas=("people", "kill", "flood"),
           quantities=(Quantity(value=9, unit="people", bound="at_least", text="nine", verb="kill"),))
    j = JUDGE.judge(a, b, 0.66)
    assert (j.label, j.kind) == ("contradiction", "numeric")


def test_a_rate_and_a_total_do_not_clash() -> None:
    """"a deal worth 4.2 billion euros" and "values it at 38 euros per share" are two different figures."""
    a = mk("a:0", "Halvorsen is buying Brightmill in a cash deal worth 4.2 billion euros",
           lemmas=("halvorsen", "buy", "brightmill", "cash", "deal", "worth"),
           quantities=(Quantity(value=4.2e9, unit="€", bound="exact", text="4.2 billion", context=("deal", "euro")),))
    b = mk("b:0", "The deal values Brightmill at 38 euros per share", source="Radio",
           lemmas=("deal", "value", "brightmill", "share"),
           quantities=(Quantity(value=38, unit="€", bound="exact", text="38", context=("deal", "euro", "share")),))
    assert JUDGE.judge(a, b, 0.7).kind != "numeric"
    total = attrs.evolve(a, text="The deal values Brightmill at 4.2 billion euros")
    assert JUDGE.judge(total, attrs.evolve(b, text="The deal values Brightmill at 38 euros"), 0.9).kind == "numeric"


def test_antonyms_are_a_contradiction() -> None:
    """"prices rose" vs "prices fell" (WordNet antonyms) is an antonym contradiction."""
    a = mk("a:0", "prices rise sharply", lemmas=("price", "rise", "sharply"))
    b = mk("b:0", "prices fall sharply", source="Herald", lemmas=("price", "fall", "sharply"))
    j = JUDGE.judge(a, b, 0.8)
    assert (j.label, j.kind) == ("contradiction", "antonym")
    assert set(j.evidence or ()) == {"rise", "fall"}


def test_converse_verbs_clash_only_in_otherwise_identical_claims() -> None:
    """"buy"/"sell" are two sides of one sale: "customers buy drugs from
    Canada" and "a company sells drugs from Canada" agree; "the woman sells
    flowers" and "the woman buys flowers" clash."""
    a = mk("a:0", "The company helps customers buy cheaper drugs from Canada",
           lemmas=("company", "help", "customer", "buy", "cheap", "drug", "canada"))
    b = mk("b:0", "The company sells cheaper drugs from Canada", source="Radio",
           lemmas=("company", "sell", "cheap", "drug", "canada"))
    assert JUDGE.judge(a, b, 0.8).kind != "antonym"
    c = mk("c:0", "The woman sells flowers in the city", lemmas=("woman", "sell", "flower", "city"))
    d = mk("d:0", "The woman buys flowers in the city", source="Radio", lemmas=("woman", "buy", "flower", "city"))
    j = JUDGE.judge(c, d, 0.8)
    assert (j.label, j.kind) == ("contradiction", "antonym")


def test_negated_antonym_agrees() -> None:
    """"prices did not rise" vs "prices fell" is not an antonym contradiction."""
    a = mk("a:0", "prices did not rise", lemmas=("price", "rise"), negated=True)
    b = mk("b:0", "prices fall", source="Herald", lemmas=("price", "fall"))
    assert JUDGE.judge(a, b, 0.8).kind != "antonym"


def test_date_conflict_is_a_contradiction() -> None:
    """The quake struck on Monday vs on Tuesday is a date contradiction."""
    a = mk("a:0", "the quake struck on Monday afternoon", time=("Monday afternoon",))
    b = mk("b:0", "the quake struck on Tuesday morning", source="Radio", time=("Tuesday morning",))
    j = JUDGE.judge(a, b, 0.8)
    assert (j.label, j.kind) == ("contradiction", "date")
    assert "Monday" in j.reason and "Tuesday" in j.reason


@pytest.mark.parametrize(("a", "ta", "b", "tb"), [
    # two dates of two events in one story: a staff message in November, shipping in April
    ("In a video message to retail staff in November, the retail chief told staff to prepare for a launch",
     ("November",), "The watch will start shipping in April", ("April",)),
    # a bound is not a date of the event: "by April" allows March 9
    ("The watch will go on sale by April", ("April",), "The watch will go on sale on March 9", ("March 9",)),
    # the same sentence's other date: unveiled last September, launch in early 2015
    ("The company said to expect a launch in early 2015 when the watch was unveiled at the phone event "
     "last September", ("early 2015", "last September"), "The watch is slated to launch in April", ("April",)),
])
def test_dates_of_different_events_do_not_clash(a: str, ta: tuple[str, ...], b: str, tb: tuple[str, ...]) -> None:
    """A date clash needs two dates of one event, compared like with like."""
    j = JUDGE.judge(mk("a:0", a, time=ta), mk("b:0", b, source="Radio", time=tb), 0.8)
    assert j.kind != "date", j.reason


def test_date_of_the_same_event_after_the_date_word_clashes() -> None:
    """"at the Wednesday hearing" and "presides over the hearing Monday" date one hearing."""
    a = mk("a:0", "The chairman and his colleagues spoke at the Wednesday hearing of the committee",
           time=("Wednesday",))
    b = mk("b:0", "The chairman presides over the committee hearing Monday", source="Radio", time=("Monday",))
    j = JUDGE.judge(a, b, 0.8)
    assert (j.label, j.kind) == ("contradiction", "date"), j.reason


def test_disjoint_participants_are_different_events() -> None:
    """Claims about Putin's meeting and Biden's meeting do not contradict, even with different numbers."""
    a = mk("a:0", "Putin met 40 officials", participants=("putin",), quantities=(q(40, unit="official"),))
    b = mk("b:0", "Biden met 12 officials", source="Herald", participants=("biden",),
           quantities=(q(12, unit="official"),))
    j = JUDGE.judge(a, b, 0.9)
    assert j.label in {"compatible", "unrelated"}
    assert "putin" in j.reason and "biden" in j.reason


def test_low_similarity_is_unrelated() -> None:
    """Below the `related` threshold the claims are unrelated whatever their frames say."""
    a = mk("a:0", "40 people died", quantities=(q(40),))
    b = mk("b:0", "12 people died", source="Herald", quantities=(q(12),))
    j = JUDGE.judge(a, b, 0.1)
    assert j.label == "unrelated"


def test_questions_are_never_contradictions() -> None:
    """A question asserts nothing, so it cannot contradict."""
    a = mk("a:0", "Did 40 people die?", modality="question", quantities=(q(40),))
    b = mk("b:0", "12 people died", source="Herald", quantities=(q(12),))
    assert JUDGE.judge(a, b, 0.95).label == "unrelated"


def test_identical_claims_are_entailment() -> None:
    """The same sentence from two outlets is an entailment."""
    a = mk("a:0", "the bridge over the Selka River collapsed")
    b = mk("b:0", "the bridge over the Selka River collapsed", source="Herald")
    j = JUDGE.judge(a, b, 0.99)
    assert j.label == "entailment"
    assert j.score >= 0.99


@pytest.mark.parametrize("sim", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_similarity_is_handled(sim: float) -> None:
    """A NaN or infinite similarity gives a finite score and similarity, never NaN."""
    a = mk("a:0", "40 people died", quantities=(q(40),))
    b = mk("b:0", "12 people died", source="Herald", quantities=(q(12),))
    j = JUDGE.judge(a, b, sim)
    assert math.isfinite(j.score) and 0.0 <= j.score <= 1.0
    assert j.similarity is not None and math.isfinite(j.similarity)


two_claims = st.tuples(claims("a:0"), claims("b:1")).flatmap(
    lambda ab: st.sampled_from([ab, ab[::-1]]))


@given(two_claims, similarities)
def test_judge_is_symmetric(ab: tuple[Claim, Claim], sim: float) -> None:
    """judge(a, b, s) and judge(b, a, s) give the same verdict, score, kind, reason and evidence."""
    a, b = ab
    j1 = JUDGE.judge(a, b, sim)
    j2 = JUDGE.judge(b, a, sim)
    assert attrs.astuple(j1) == attrs.astuple(j2)


@given(two_claims, similarities)
def test_judgement_is_well_formed(ab: tuple[Claim, Claim], sim: float) -> None:
    """Label and kind are known, score is in [0, 1] (never NaN), and a conflict kind comes with evidence."""
    a, b = ab
    j = JUDGE.judge(a, b, sim)
    assert {j.a, j.b} == {a.id, b.id}
    assert j.label in LABELS and j.kind in KINDS
    assert math.isfinite(j.score) and 0.0 <= j.score <= 1.0
    assert j.similarity is not None and -1.0 <= j.similarity <= 1.0
    assert (j.kind != "none") == (j.label in {"contradiction", "update"})
    if j.label in {"contradiction", "update"}:
        assert j.evidence is not None and all(isinstance(e, str) and e for e in j.evidence)
        assert j.reason


@given(two_claims, st.floats(-1, 1, allow_nan=False))
def test_question_or_low_similarity_is_never_a_contradiction(ab: tuple[Claim, Claim], sim: float) -> None:
    """A question, or similarity under `related`, is never judged a contradiction: the pair is
    unrelated, except that two questions asking the same thing are the same claim, and two
    claims giving the same distinctive figures are the same fact however far apart their words."""
    from claimcheck._judge import figure_twin

    a, b = ab
    asks = (a.frame.modality == "question", b.frame.modality == "question")
    assume(any(asks) or sim < JUDGE.related)
    label = JUDGE.judge(a, b, sim).label
    if all(asks) and sim >= JUDGE.related:
        assert label in {"unrelated", "entailment"}
    elif not any(asks) and figure_twin(a, b) is not None:
        assert label in {"unrelated", "entailment"}
    else:
        assert label == "unrelated"


@given(claims("a:0"), similarities)
def test_claim_never_contradicts_its_own_copy(a: Claim, sim: float) -> None:
    """A claim compared with an identical copy from another outlet is never a contradiction or update."""
    b = attrs.evolve(a, id="b:0", article="b", source="Other outlet")
    assert JUDGE.judge(a, b, sim).label not in {"contradiction", "update"}


@given(st.lists(st.tuples(claims("a:0"), claims("b:1"), similarities), max_size=5))
def test_judge_many_equals_judge(pairs: list[tuple[Claim, Claim, float]]) -> None:
    """judge_many gives the same judgements as judge on each pair, in order."""
    assert JUDGE.judge_many(pairs) == [JUDGE.judge(a, b, s) for a, b, s in pairs]


def test_opinions_and_questions_are_not_judged() -> None:
    """An opinion ("should") or a question is never a contradiction, even against its negation."""
    import claimcheck

    j = claimcheck.compare("The government should raise taxes.", "The government should not raise taxes.")
    assert j.label == "unrelated" and "opinion" in j.reason
    j = claimcheck.compare("Will the summit be held in Geneva?", "The summit will be held in Paris.")
    assert j.label == "unrelated" and "question" in j.reason


def test_inserted_negation_inside_a_modifier_is_a_polarity_clash() -> None:
    """Both frames are affirmative (the negation sits in a relative clause), yet the texts differ only by it."""
    from claimcheck._judge import _inserted_negation

    assert _inserted_negation("The man who is smiling waves.", "The man who isn't smiling waves.") == ("n't", False)
    assert _inserted_negation("There is no dog in the park.", "There is a dog in the park.") == ("no", True)
    # a second difference, or a non-negating insertion, is not enough
    assert _inserted_negation("The man who is smiling waves.", "The woman who is not smiling waves.") is None
    assert _inserted_negation("The man is smiling.", "The man is still smiling.") is None
    a = Claim(id="a", article="x", source="X", speaker=None, text="The man who is not smiling holds a bag.",
              start=0, end=39)
    b = attrs.evolve(a, id="b", source="Y", text="The man who is smiling holds a bag.", end=35)
    j = RuleJudge().judge(a, b, similarity=0.9)
    assert (j.label, j.kind) == ("contradiction", "polarity")
    assert "not" in j.reason


def test_negation_in_a_because_clause_does_not_negate_the_claim() -> None:
    """'because they no longer had...' explains, it does not deny: no polarity flag against a paraphrase."""
    from claimcheck._compare import _claims_for

    texts = ["The birds flew toward the sun, presumably because they no longer had any sense of time.",
             "The birds flew toward the sun, apparently having lost their sense of time.",
             "The birds did not fly toward the sun."]
    a, b, c = _claims_for(texts, side="t", published=None, speaker=None, source="S")
    assert not a.frame.negated and c.frame.negated
    assert RuleJudge().judge(a, b, similarity=0.9).kind != "polarity"
    # the main-clause negation still counts
    assert RuleJudge().judge(c, b, 0.9).kind == "polarity"


# -- numbers as written, names, opinions, direction of a negation ------------------


@pytest.mark.parametrize(("x", "y", "clash"), [
    (q(4.0, text="4"), q(4.4, text="4.4"), False),                 # "4" is 4.4 rounded
    (q(4.0, text="4"), q(4.6, text="4.6"), True),                  # 4.6 rounds to 5
    (q(300.0, text="300"), q(296.0, text="296"), False),           # a round figure
    (q(2.0, text="two"), q(3.0, text="3"), True),                  # neighbours never touch
    (q(20.0, text="20"), q(23.0, text="23"), True),                # 20 is not a round figure
    (q(50.18, text="50.18"), q(52.0, text="52"), True),
    (q(40e6, text="40 million"), q(39.5e6, text="39.5 million"), False),
])
def test_numbers_are_compared_as_written(x: Quantity, y: Quantity, clash: bool) -> None:
    """A number covers the values that round to it; a clash needs numbers that cannot be the same."""
    a = mk("a:0", f"{x.text} people died in the quake", quantities=(x,))
    b = mk("b:0", f"{y.text} people died in the quake", source="Herald", quantities=(y,))
    j = JUDGE.judge(a, b, 0.9)
    assert (j.label == "contradiction") is clash, j.reason


def test_name_variants_are_the_same_participant() -> None:
    """"Genentech Inc" and "Genentech" (or an acronym) do not make two events: the numeric clash is found."""
    a = mk("a:0", "Genentech Inc laid off 500 workers", participants=("genentech inc",),
           quantities=(q(500, "worker", text="500"),))
    b = mk("b:0", "Genentech laid off 900 workers", source="Herald", participants=("genentech",),
           quantities=(q(900, "worker", text="900"),))
    assert JUDGE.judge(a, b, 0.9).label == "contradiction"
    c = attrs.evolve(b, frame=attrs.evolve(b.frame, participants=("ibm",)))
    j = JUDGE.judge(a, c, 0.9)
    assert j.label != "contradiction" and "different events" in j.reason


def test_unmatched_names_still_allow_the_same_fact() -> None:
    """Names the judge cannot match keep claims from conflicting, not from being the same fact."""
    text = "EU ministers were invited but cancelled because the union is closing talks on farm reform"
    a = mk("a:0", "Gerry Kiely said " + text, participants=("kiely",))
    b = mk("b:0", "The EU's representative said " + text, source="Herald", participants=("europe",))
    assert JUDGE.judge(a, b, 0.95).label == "entailment"


def test_opinions_can_be_the_same_claim_but_never_conflict() -> None:
    """Two outlets carrying one opinion carry the same claim; an opinion never contradicts."""
    a = mk("a:0", "I think the talks will collapse", modality="opinion")
    b = mk("b:0", "The talks will collapse, he said", source="Herald")
    j = JUDGE.judge(a, b, 0.93)
    assert j.label == "entailment" and "opinion" in j.reason
    c = mk("c:0", "I think the talks will not collapse", source="Herald", modality="opinion", negated=True,
           cues=("not",), lemmas=("talk", "collapse"))
    assert JUDGE.judge(attrs.evolve(a, frame=attrs.evolve(a.frame, lemmas=("talk", "collapse"))), c, 0.9).label \
        == "unrelated"


def test_a_denial_is_compared_without_its_cue_words() -> None:
    """"He denied that he met them" conflicts with "he met them in Paris on Monday": the
    denial verb and the reporting verb are not part of what is denied."""
    neg = mk("a:0", "He denied that he met them", negated=True, cues=("denied",), lemmas=("deny", "meet"))
    pos = mk("c:0", "He met them in Paris on Monday", source="Herald", lemmas=("meet", "paris", "monday"))
    j = JUDGE.judge(neg, pos, 0.8)
    assert (j.label, j.kind) == ("contradiction", "polarity")
    context = mk("d:0", "The government has not requested aid following the quake", negated=True, cues=("not",),
                 lemmas=("government", "request", "aid", "follow", "quake"))
    plain = mk("e:0", "The government has requested aid", source="Herald", lemmas=("government", "request", "aid"))
    assert JUDGE.judge(context, plain, 0.8).label == "contradiction"


def test_compatible_bounds_are_not_the_same_figure() -> None:
    """"more than 12,000" and "about 300,000" do not conflict, and they are not the same fact either."""
    a = mk("a:0", "More than 12,000 people have been affected by the war",
           quantities=(q(12000, bound="at_least", text="12,000"),))
    b = mk("b:0", "About 300,000 people have been affected by the war", source="Herald",
           quantities=(q(300000, bound="about", text="300,000"),))
    j = JUDGE.judge(a, b, 0.9)
    assert j.label == "compatible" and "numbers differ" in j.reason


def test_the_same_specific_figure_marks_the_same_fact() -> None:
    """Outlets copy the exact figure of a fact they share; a small count, or an extra figure, is not enough.

    The judge here has a same-fact threshold no pair reaches, so only the
    figure rule can call two claims the same fact."""
    judge = RuleJudge(paraphrase=0.999)
    a = mk("a:0", "Incumbent President Lukas Ferrand had 44.8 percent",
           quantities=(q(44.8, "%", text="44.8 percent"),))
    b = mk("b:0", "Ferrand is second with 44.8 percent of the vote", source="Herald",
           quantities=(q(44.8, "%", text="44.8 percent"),))
    j = judge.judge(a, b, 0.59)
    assert j.label == "entailment" and "44.8 percent" in j.reason
    small = [attrs.evolve(c, frame=attrs.evolve(c.frame, quantities=(q(2, "%", text="two"),))) for c in (a, b)]
    assert judge.judge(*small, 0.59).label == "compatible"
    extra = attrs.evolve(b, frame=attrs.evolve(b.frame, quantities=(q(44.8, "%", text="44.8 percent"),
                                                                    q(51.2, "%", text="51.2 percent"))))
    assert judge.judge(a, extra, 0.59).label != "entailment"
    # two different people with the same figure are two facts
    smith = attrs.evolve(a, frame=attrs.evolve(a.frame, participants=("smith",)))
    jones = attrs.evolve(b, frame=attrs.evolve(b.frame, participants=("jones",)))
    assert judge.judge(smith, jones, 0.59).label != "entailment"


def test_lengths_of_time_never_move_on() -> None:
    """A later report of a longer contract is a conflict, not an update: a duration is not a running total."""
    a = mk("a:0", "Reyka signed a four-year contract", published=_dt.date(2026, 1, 1),
           quantities=(Quantity(4, "year", "exact", "four-year", context=("contract",)),))
    b = mk("b:0", "Reyka signed a contract that runs for five years", source="Herald",
           published=_dt.date(2026, 1, 3),
           quantities=(Quantity(5, "year", "exact", "five years", context=("contract",)),))
    j = JUDGE.judge(a, b, 0.9)
    assert (j.label, j.kind) == ("contradiction", "numeric")
    tally = [attrs.evolve(c, frame=attrs.evolve(c.frame, quantities=(q(v, text=str(v)),)))
             for c, v in ((a, 40), (b, 50))]
    assert JUDGE.judge(*tally, 0.9).label == "update"  # the control: a count does move on


def test_a_denial_in_its_own_words_needs_the_same_subject() -> None:
    """"The government will not appeal the ruling" denies "the government
    would appeal to the European court" although the rest of the words
    differ; the same denial against another subject, against the verb's
    word used as a modifier, or against a restricted statement ("would
    only be authorized") is no clash."""
    neg = mk("a:0", "The government will not appeal the ruling", negated=True, cues=("not",),
             lemmas=("government", "appeal", "ruling"))
    pos = mk("b:0", "The government would appeal to the European court of human rights", source="Radio",
             lemmas=("government", "appeal", "european", "court", "human", "right"))
    j = JUDGE.judge(neg, pos, 0.5)
    assert (j.label, j.kind) == ("contradiction", "polarity")
    assert neg.text in j.reason and pos.text in j.reason and "government" in j.reason
    other = attrs.evolve(pos, text="The opposition would appeal to the European court of human rights")
    assert JUDGE.judge(neg, other, 0.5).label != "contradiction"
    unarmed = mk("c:0", "The men were not armed", negated=True, cues=("not",), lemmas=("man", "arm"))
    women = mk("d:0", "The insurgents were repelled by a group of armed women", source="Radio",
               lemmas=("insurgent", "repel", "group", "arm", "woman"))
    assert JUDGE.judge(unarmed, women, 0.6).label != "contradiction"
    refused = mk("e:0", "The biopsy was not authorized, as the patient never signed a consent form", negated=True,
                 cues=("not",), lemmas=("biopsy", "authorize", "patient", "sign", "consent", "form"))
    rule = mk("f:0", "A procedure such as a biopsy would only be authorized to take place in a hospital",
              source="Radio", lemmas=("procedure", "biopsy", "authorize", "take", "place", "hospital"))
    assert JUDGE.judge(refused, attrs.evolve(rule, text=rule.text.replace("only ", "")), 0.6).kind == "polarity"
    assert JUDGE.judge(refused, rule, 0.6).label != "contradiction"
    # the same subject and verb but another object: no clash
    guitar = mk("i:0", "A man is not playing a guitar on the stage", negated=True, cues=("not",),
                lemmas=("man", "play", "guitar", "stage"))
    flute = mk("j:0", "A man is playing a flute in the park", source="Radio", lemmas=("man", "play", "flute", "park"))
    assert JUDGE.judge(guitar, flute, 0.6).label != "contradiction"
    assert JUDGE.judge(guitar, attrs.evolve(flute, text="A man is playing the guitar in the park"), 0.6).kind \
        == "polarity"
    # a related word for the subject (WordNet: a president is a leader)
    failed = mk("g:0", "The two leaders failed to agree on a ceasefire", negated=True, cues=("failed",),
                lemmas=("leader", "fail", "agree", "ceasefire"))
    agreed = mk("h:0", "The presidents agreed a ceasefire along the northern front", source="Radio",
                lemmas=("president", "agree", "ceasefire", "northern", "front"))
    assert JUDGE.judge(failed, agreed, 0.68).kind == "polarity"


def test_lengths_of_time_of_different_things_do_not_clash() -> None:
    """"a four-year contract" and "had wanted him for two years" are two
    lengths of time around two verbs, even in near-paraphrases."""
    a = mk("a:0", "Reyka signed a four-year contract with Varna", lemmas=("reyka", "sign", "contract", "varna"),
           quantities=(Quantity(4, "year", "exact", "four-year", verb="sign", context=("contract", "sign")),))
    b = mk("b:0", "Varna had wanted Reyka for two years", source="Radio", lemmas=("varna", "want", "reyka"),
           quantities=(Quantity(2, "year", "exact", "two years", verb="want", context=("want",)),))
    assert JUDGE.judge(a, b, 0.8).kind != "numeric"
    c = attrs.evolve(b, text="Reyka signed a contract for two years", frame=attrs.evolve(
        b.frame, quantities=(Quantity(2, "year", "exact", "two years", verb="sign", context=("contract", "sign")),)))
    assert JUDGE.judge(a, c, 0.8).kind == "numeric"


def test_counts_of_differently_qualified_things_do_not_clash() -> None:
    """"31 league goals" and "12 goals in European competition" count two
    kinds of goal; "200 confirmed cases" and "150 confirmed cases" one."""
    a = mk("a:0", "He scored 31 league goals for Aldwick", lemmas=("score", "league", "goal", "aldwick"),
           quantities=(Quantity(31, "goal", "exact", "31", verb="score", qualifiers=("league",)),))
    b = mk("b:0", "He scored 12 goals in European competition for Aldwick", source="Radio",
           lemmas=("score", "goal", "european", "competition", "aldwick"),
           quantities=(Quantity(12, "goal", "exact", "12", verb="score", qualifiers=("competition", "european")),))
    assert JUDGE.judge(a, b, 0.8).kind != "numeric"
    c = attrs.evolve(b, text="He scored 12 league goals for Aldwick", frame=attrs.evolve(
        b.frame, quantities=(Quantity(12, "goal", "exact", "12", verb="score", qualifiers=("league",)),)))
    assert JUDGE.judge(a, c, 0.8).kind == "numeric"
    # one side unqualified: still the same count
    d = attrs.evolve(b, text="He scored 12 goals for Aldwick", frame=attrs.evolve(
        b.frame, quantities=(Quantity(12, "goal", "exact", "12", verb="score"),)))
    assert JUDGE.judge(a, d, 0.8).kind == "numeric"


def test_counts_need_something_that_pins_the_event() -> None:
    """Below similarity 0.6 two death tolls clash only when the claims share
    more than the count's own words: "33 people were killed in car bombings
    in Baghdad" and "790 people were killed in January" are two events."""
    a = mk("a:0", "Some 33 people were killed in a wave of car bombings in Baghdad",
           lemmas=("people", "kill", "wave", "car", "bombing", "baghdad"),
           quantities=(Quantity(33, "people", "about", "33", verb="kill"),))
    b = mk("b:0", "790 people were killed in January alone by terrorism", source="Radio",
           lemmas=("people", "kill", "january", "terrorism"),
           quantities=(Quantity(790, "people", "exact", "790", verb="kill"),))
    assert JUDGE.judge(a, b, 0.55).kind != "numeric"
    c = attrs.evolve(b, text="790 people were killed in car bombings in Baghdad",
                     frame=attrs.evolve(b.frame, lemmas=("people", "kill", "car", "bombing", "baghdad")))
    assert JUDGE.judge(a, c, 0.55).kind == "numeric"
    assert JUDGE.judge(a, b, 0.7).kind == "numeric"  # near-paraphrases need no anchor


def test_curly_and_straight_apostrophes_are_one_word() -> None:
    a = mk("a:0", "The company will buy Dave Morin's Path social network", lemmas=("company", "buy", "morin", "path"))
    b = attrs.evolve(a, id="b:0", source="Radio", text="The company will buy Dave Morin\u2019s Path social network")
    assert JUDGE.judge(a, b, 0.99).label == "entailment"


def test_negation_reads_past_a_manner_adverb_but_not_a_sentence_adverb() -> None:
    """"not publicly commented" negates "commented"; "not surprisingly" negates only itself."""
    from claimcheck._judge import _negated_words

    assert _negated_words("The Taliban have not publicly commented") == frozenset({("commented",)})
    assert _negated_words("Not surprisingly, Korea leads the way") == frozenset({("surprisingly",)})


def test_two_denials_in_other_words_agree() -> None:
    """"is yet to comment" and "have not publicly commented" say the same thing."""
    a = mk("a:0", "The Taliban is yet to comment about the incident", negated=True, cues=("yet to",),
           lemmas=("taliban", "comment", "incident"))
    # the parse reads the sentence's main clause, the government's, as not negated
    b = mk("b:0", "The Taliban have not publicly commented on the incident, the government labeled it an uprising",
           source="Herald", lemmas=("taliban", "publicly", "comment", "incident", "government", "label"))
    assert JUDGE.judge(a, b, 0.85).label != "contradiction"


def test_advice_is_not_the_act() -> None:
    """"he was advised to press charges" does not say he pressed them, so
    "elected not to press charges" does not deny it."""
    a = mk("a:0", "he was advised to press charges against the girl", lemmas=("advise", "press", "charge", "girl"))
    b = mk("b:0", "Khoza has elected not to press charges against the girl", source="Herald", negated=True,
           cues=("not",), lemmas=("khoza", "elect", "press", "charge", "girl"))
    assert JUDGE.judge(a, b, 0.8).label != "contradiction"
    c = mk("c:0", "Khoza pressed charges against the girl", source="Post", lemmas=("khoza", "press", "charge", "girl"))
    assert (JUDGE.judge(c, b, 0.8).label, JUDGE.judge(c, b, 0.8).kind) == ("contradiction", "polarity")


def test_opposite_items_of_lists_are_not_antonyms() -> None:
    """"its hardware and services" / "servers and software": list items, not opposite claims."""
    a = mk("a:0", "the other unit will focus on its business hardware and services",
           lemmas=("unit", "focus", "business", "hardware", "service"))
    b = mk("b:0", "the other unit will focus on business services, servers and software", source="Herald",
           lemmas=("unit", "focus", "business", "service", "server", "software"))
    assert JUDGE.judge(a, b, 0.8).kind != "antonym"


def test_the_same_hedge_word_is_no_likelihood_clash() -> None:
    a = mk("a:0", "This is certainly not Apple backing out of large screens", likelihood=0.05, modality="unlikely")
    b = mk("b:0", "Apple will certainly make more large screens", source="Herald",
           likelihood=0.95, modality="likely")
    assert JUDGE.judge(a, b, 0.7).kind != "likelihood"


def test_a_list_of_sizes_is_compared_only_for_the_same_thing() -> None:
    """A claim that lists two screen sizes against another that gives one
    size for a display it names otherwise: three phones, no clash; the same
    thing named alike is still compared."""
    lemmas = ("success", "inch", "screen", "phone", "apple")
    a = mk("a:0", "Apple phone success came with the 4.7-inch screen and the 5.5-inch screen", lemmas=lemmas,
           quantities=(Quantity(4.7, "inch", "exact", "4.7", context=("inch", "screen", "success")),
                       Quantity(5.5, "inch", "exact", "5.5", context=("inch", "screen"))))
    b = mk("b:0", "Apple phone success will come with a new 4-inch display", source="Herald", lemmas=lemmas,
           quantities=(Quantity(4, "inch", "exact", "4", context=("inch", "display", "new")),))
    assert JUDGE.judge(a, b, 0.8).kind != "numeric"
    c = mk("c:0", "Apple phone success came with the 4-inch screen", source="Post", lemmas=lemmas,
           quantities=(Quantity(4, "inch", "exact", "4", context=("inch", "screen", "success")),))
    assert JUDGE.judge(a, c, 0.8).kind == "numeric"


def test_a_place_the_other_text_names_is_no_place_clash() -> None:
    """Both texts name Canada (one as "Canadian"): crossing into Canada from a
    base in Massachusetts is one story, not two places for it."""
    a = mk("a:0", "Three soldiers have been found trying to cross the border into Canada", places=("Canada",))
    b = mk("b:0", "Three soldiers from a base in Massachusetts were found trying to cross the Canadian border",
           source="Herald", places=("Massachusetts",))
    assert JUDGE.judge(a, b, 0.85).kind != "place"
    c = mk("c:0", "Three soldiers have been found trying to cross the border into Mexico", source="Post",
           places=("Mexico",))
    assert JUDGE.judge(a, c, 0.9).kind == "place"


def test_date_of_an_event_named_in_an_earlier_clause() -> None:
    """"arrested in Atlanta, Georgia, on Monday night": the date's own clause
    names no event, the clause before it does ("arrested"), so the two
    arrest dates are dates of one event."""
    from claimcheck._judge import _date_clash, _event_of

    b = "He was arrested in Atlanta, Georgia, on Monday night by police acting on a tip-off"
    assert "arrested" in _event_of(b, "Monday night", False)
    a = "He was arrested Tuesday night at a northwest Atlanta tire shop after a national manhunt"
    assert _date_clash(a, ("Tuesday",), b, ("Monday night",)) == ("Tuesday", "Monday night")


def test_different_days_are_not_the_same_fact() -> None:
    """Two weekdays, two months or two years keep claims from being one fact
    even where no date clash is flagged (the frame veto behind "entailment")."""
    from claimcheck._judge import _frame_veto

    a = mk("a:0", "The shares closed on Monday at $3.01", time=("Monday",))
    b = mk("b:0", "The shares closed at $3.01 Friday", source="Herald", time=("Friday",))
    assert _frame_veto(a, b) == "they give different dates"
    assert _frame_veto(a, mk("c:0", "The shares closed at $3.01 on Monday", time=("Monday",))) == ""
    assert _frame_veto(mk("d:0", "in 1995", time=("1995",)), mk("e:0", "in 1996", time=("1996",))) != ""


def test_no_longer_updates_a_report_of_the_earlier_state() -> None:
    """"was no longer medical director" updates "doubled as medical director";
    against "is still medical director" it is a contradiction."""
    neg = mk("a:0", "Dr. Cohen was no longer medical director of the clinic", negated=True, cues=("no longer",),
             lemmas=("cohen", "medical", "director", "clinic"))
    old = mk("b:0", "Dr. Cohen doubled as medical director of the clinic", source="Herald",
             lemmas=("cohen", "double", "medical", "director", "clinic"))
    j = JUDGE.judge(neg, old, 0.8)
    assert (j.label, j.kind) == ("update", "polarity"), j.reason
    assert "no longer" in j.reason
    still = mk("c:0", "Dr. Cohen is still medical director of the clinic", source="Post",
               lemmas=("cohen", "medical", "director", "clinic"))
    assert (JUDGE.judge(neg, still, 0.8).label, JUDGE.judge(neg, still, 0.8).kind) == ("contradiction", "polarity")


def test_yet_to_do_against_already_done_is_a_polarity_clash() -> None:
    """"has yet to undergo a medical" against "passed a medical": the medical
    has happened, whatever the verb; a future plan does not clash."""
    neg = mk("a:0", "Reyka has yet to undergo a medical", negated=True, cues=("yet to",),
             lemmas=("reyka", "undergo", "medical"))
    done = mk("b:0", "Reyka passed a medical in Varna on Monday", source="Herald",
              lemmas=("reyka", "pass", "medical", "varna", "monday"))
    j = JUDGE.judge(neg, done, 0.79)
    assert (j.label, j.kind) == ("contradiction", "polarity"), j.reason
    assert "yet to" in j.reason
    plan = mk("c:0", "Reyka will take a medical in Varna", source="Post", lemmas=("reyka", "take", "medical", "varna"))
    assert JUDGE.judge(neg, plan, 0.79).label != "contradiction"


def test_words_that_share_any_wordnet_sense_are_not_exclusive() -> None:
    """"picture" and "photograph" share a sense past the three the taxonomy
    climbs: swapping one for the other is no clash; "banjo" for "guitar" is."""
    from claimcheck._taxonomy import relation

    assert relation("picture", "photograph") == "synonym"
    assert relation("banjo", "guitar") == "cohyponym"
    a = mk("a:0", "the picture was taken in the procedure room")
    b = mk("b:0", "the photograph was taken in the procedure room", source="Herald")
    assert JUDGE.judge(a, b, 0.9).label != "contradiction"


def test_a_date_given_as_one_of_two_alternatives_is_no_clash() -> None:
    """"the second half of 2015 or early 2016" names no firm date to clash with."""
    a = mk("a:0", "The new watch is expected to go on sale in the second half of this year or early 2016",
           time=("the second half of this year", "early 2016"))
    b = mk("b:0", "The new watch is expected to go on sale in the second half of 2015", source="Herald",
           time=("the second half of 2015",))
    assert JUDGE.judge(a, b, 0.9).kind != "date"
    c = mk("c:0", "The new watch is expected to go on sale in early 2016", source="Post", time=("early 2016",))
    assert JUDGE.judge(b, c, 0.9).kind == "date"


def test_no_thing_was_done_needs_the_deed_stated() -> None:
    """"no crew-served weapons were turned over" says nothing against a
    claim that names the weapons but not the handing over; against "the
    weapons were turned over" it clashes."""
    from claimcheck._judge import _negated_words

    assert _negated_words('No "crew-served weapons" were turned over') == {("crew-served", "turned")}
    neg = mk("a:0", 'no "crew-served weapons" were turned over to anyone', negated=True, cues=("no",),
             lemmas=("crew", "serve", "weapon", "turn"))
    pos = mk("b:0", "All crew served weapons", source="Herald", lemmas=("crew", "serve", "weapon"))
    assert JUDGE.judge(neg, pos, 0.8).label != "contradiction"
    done = mk("c:0", "The crew-served weapons were turned over to the militia", source="Post",
              lemmas=("crew", "serve", "weapon", "turn", "militia"))
    assert JUDGE.judge(neg, done, 0.8).kind == "polarity"


def test_figures_of_different_things_do_not_clash() -> None:
    """Two prices clash only for one thing: the subjects of "cost" differ
    ("Apple Watch" / "iPhone 6"), or the sums are for different things
    ("for his release" / "for his body"); the same owner still clashes."""
    watch = mk("a:0", "The Apple Watch will cost $550",
               quantities=(Quantity(550, "$", "exact", "550", verb="cost", context=("cost", "watch")),))
    phone = mk("b:0", "The iPhone 6 costs Apple $216 to make", source="Herald",
               quantities=(Quantity(216, "$", "exact", "216", verb="cost", context=("cost", "apple")),))
    assert JUDGE.judge(watch, phone, 0.7).kind != "numeric"
    watch2 = mk("c:0", "The Apple Watch will cost $349", source="Post",
                quantities=(Quantity(349, "$", "exact", "349", verb="cost", context=("cost", "watch")),))
    assert JUDGE.judge(watch, watch2, 0.9).kind == "numeric"
    release = mk("d:0", "The group demanded $100 million for Foley's release",
                 quantities=(Quantity(1e8, "$", "exact", "100 million", verb="demand",
                                      context=("demand", "foley", "release")),))
    body = mk("e:0", "The group demanded $1 million for Foley's body", source="Herald",
              quantities=(Quantity(1e6, "$", "exact", "1 million", verb="demand",
                                   context=("demand", "foley", "body")),))
    assert JUDGE.judge(release, body, 0.8).kind != "numeric"
    ransom = mk("f:0", "The group demanded $132 million for Foley's release", source="Post",
                quantities=(Quantity(1.32e8, "$", "exact", "132 million", verb="demand",
                                     context=("demand", "foley", "release")),))
    assert JUDGE.judge(release, ransom, 0.9).kind == "numeric"


def test_a_figure_the_other_claim_also_gives_is_accounted_for() -> None:
    """"will cost $950" against a text that gives the $950 and the $10,000
    others expected: the $950 is the same figure written alike, so the
    $10,000 is about something else, in either order."""
    from claimcheck._compare import _claims_for

    a, = _claims_for(["Suva's $950 price point for the gold Apple Watch Edition is low compared to the consensus "
                      "that it won't start below $5,000 and could cost more than $10,000"],
                     side="a", published=None, speaker=None, source="A")
    b, = _claims_for(["Apple Watch Edition will cost $950"], side="b", published=None, speaker=None, source="B")
    assert JUDGE.judge(a, b, 0.7).kind != "numeric"
    assert JUDGE.judge(b, a, 0.7).kind != "numeric"
    c, = _claims_for(["Apple Watch Edition will cost $1,200"], side="b", published=None, speaker=None, source="C")
    assert JUDGE.judge(b, c, 0.9).kind == "numeric"


def test_an_intensified_possible_is_only_possible() -> None:
    from claimcheck._frames import likelihood_of

    assert likelihood_of("It is certainly possible for LG to make the screens")[0] == 0.5
    assert likelihood_of("It will certainly happen")[0] == 0.9


def test_two_days_of_one_multi_day_event_do_not_clash() -> None:
    """Schools shut on Wednesday and on Thursday of a two-day strike are
    both right; two different start days still clash."""
    a = mk("a:0", "Schools stayed closed on Wednesday as a two-day stoppage by public employees began",
           time=("Wednesday", "two-day"))
    b = mk("b:0", "Schools stayed shut on Thursday, the second day of a strike by public employees", source="Herald",
           time=("Thursday", "the second day"))
    assert JUDGE.judge(a, b, 0.8).kind != "date"
    c = mk("c:0", "The 48-hour strike by public employees began on Tuesday", time=("Tuesday",))
    d = mk("d:0", "The 48-hour strike by public employees began on Wednesday", source="Herald", time=("Wednesday",))
    assert JUDGE.judge(c, d, 0.9).kind == "date"


def test_a_demanded_figure_is_not_an_actual_one() -> None:
    """What is demanded or forecast is not what happened; two demands still compare."""
    demand = mk("a:0", "The union is demanding a 9 percent pay rise this year",
                quantities=(Quantity(9, "%", "exact", "9", verb="demand", context=("demand", "pay", "rise")),))
    actual = mk("b:0", "Public pay has risen by about 2 percent this year", source="Herald",
                quantities=(Quantity(2, "%", "about", "2", verb="rise", context=("pay", "rise")),))
    assert JUDGE.judge(demand, actual, 0.7).kind != "numeric"
    other = mk("c:0", "The union is demanding a 12 percent pay rise this year", source="Post",
               quantities=(Quantity(12, "%", "exact", "12", verb="demand", context=("demand", "pay", "rise")),))
    assert JUDGE.judge(demand, other, 0.9).kind == "numeric"


def test_a_change_is_not_a_fraction_of_a_whole() -> None:
    """"shares fell 3.1 percent" is a change; "less than 1 percent of its
    profit" a fraction of something else; a plain share still meets a fraction."""
    from claimcheck._judge import _role, _roles_meet

    fell = Quantity(3.1, "%", "exact", "3.1", verb="fall", context=("fall", "halvard", "share"))
    part = Quantity(1, "%", "at_most", "1", verb="estimate", context=("halvard", "percent"))
    a = mk("a:0", "Halvard shares fell 3.1 percent in Tuesday trading", quantities=(fell,))
    b = mk("b:0", "Analysts put the cost at less than 1 percent of Halvard's annual operating profit",
           source="Herald", quantities=(part,))
    assert (_role(fell, a.text), _role(part, b.text)) == ("change", "fraction")
    assert not _roles_meet("change", "fraction") and _roles_meet("", "fraction")
    assert JUDGE.judge(a, b, 0.6).kind != "numeric"
    c = mk("c:0", "Halvard shares fell 1 percent in Tuesday trading", source="Post",
           quantities=(Quantity(1, "%", "exact", "1", verb="fall", context=("fall", "halvard", "share")),))
    assert JUDGE.judge(a, c, 0.9).kind == "numeric"


def test_hedges_on_a_deal_and_an_agreement_are_about_one_thing() -> None:
    from claimcheck._frames import likelihood_of

    assert likelihood_of("a deal was within reach")[0] == 0.85
    hi = mk("a:0", "a deal was within reach", likelihood=0.85, modality="likely")
    lo = mk("b:0", "an agreement with the government was still weeks away", source="Herald",
            likelihood=0.15, modality="unlikely")
    assert JUDGE.judge(hi, lo, 0.5).kind == "likelihood"
    other = mk("c:0", "a heatwave was still weeks away", source="Post", likelihood=0.15, modality="unlikely")
    assert JUDGE.judge(hi, other, 0.5).kind != "likelihood"
    from claimcheck._judge import _one_kind

    assert _one_kind("deal", "agreement")
    assert not _one_kind("launch", "event") and not _one_kind("customers", "consumers")


def test_a_name_on_a_facility_is_a_place() -> None:
    """"landed at Carrowby regional airport" (the tagger calls Carrowby a
    nationality) against "landed at the Vestrup air base"."""
    import claimcheck

    j = claimcheck.compare(
        "The plane made an emergency landing at Carrowby regional airport on Monday after smoke filled the cabin",
        "The plane made an emergency landing at the Vestrup air base on Monday after smoke filled the cabin")
    assert (j.label, j.kind) == ("contradiction", "place"), j.reason


def test_the_same_small_share_or_a_figure_with_a_number_unit_marks_the_same_fact() -> None:
    """"a 9 percent pay rise" / "a 9 percent increase": a share pins a fact
    however small; "about 90,000 of its members" (the frame's unit is the
    figure) / "roughly 90,000 union members"; "at no cost" is no negation."""
    import claimcheck

    j = claimcheck.compare("The union is demanding a 9 percent pay rise this year to make up for high inflation",
                           "The UPSW wants a 9 percent increase for this year")
    assert j.label == "entailment", j.reason
    j = claimcheck.compare("about 90,000 of its members had joined the stoppage",
                           "Roughly 90,000 union members took part in the walkout")
    assert j.label == "entailment", j.reason
    j = claimcheck.compare("Dealers will replace the hose free of charge, a repair that takes about an hour",
                           "Dealers will swap the hose at no cost to owners")
    assert j.label == "entailment", j.reason
    j = claimcheck.compare("The talks ended with no agreement", "The talks ended with an agreement")
    assert j.label == "contradiction", j.reason


def test_a_lower_case_place_from_the_tagger_is_no_place() -> None:
    """The tagger sometimes calls a word such as "berserk" a place; a place is a name."""
    a = mk("a:0", "The jilted wife in China attacked her husband", places=("China",))
    b = mk("b:0", "The jilted wife went berserk and attacked her husband", source="Herald", places=("berserk",))
    assert JUDGE.judge(a, b, 0.8).kind != "place"
    c = mk("c:0", "The jilted wife in Japan attacked her husband", source="Post", places=("Japan",))
    assert JUDGE.judge(a, c, 0.9).kind == "place"


def test_counted_nouns_that_share_a_sense_are_one_unit() -> None:
    """"23 homes" and "seven houses" count one thing; "passengers" are not all "people"."""
    a = mk("a:0", "At least 23 homes have been destroyed in Corrow",
           quantities=(Quantity(23, "home", "at_least", "23", verb="destroy", context=("destroy", "home")),))
    b = mk("b:0", "Seven houses have been destroyed in Corrow", source="Herald",
           quantities=(Quantity(7, "house", "exact", "Seven", verb="destroy", context=("destroy", "house")),))
    assert JUDGE.judge(a, b, 0.8).kind == "numeric"


def test_not_this_but_that_keeps_the_head_word() -> None:
    """"not a war against al-Nusra, but a war against Islam" still says
    there is a war; "did not resign, but was fired" denies the resignation;
    "denied threatening" negates the threat, which the other claim must state."""
    import claimcheck

    assert claimcheck.compare("This is not a war against al-Nusra, but a war against Islam",
                              "Al-Nusra and Isis leaders are now holding war planning meetings together"
                              ).label != "contradiction"
    assert claimcheck.compare("He did not resign, but was fired by the board",
                              "He resigned from the board").label == "contradiction"
    assert claimcheck.compare("The government threatened the Foley family",
                              "The government denied threatening the Foley family").label == "contradiction"
    assert claimcheck.compare("He asked to contact someone in the US government or Foley's family",
                              "The government denied threatening the Foley family").label != "contradiction"


def test_dates_and_places_of_claims_about_different_things_do_not_clash() -> None:
    """"About 3,000 residents were evacuated from Brenholt" / "Patients at the
    Kessing hospital were evacuated": two evacuations.  The same frames with
    one subject still clash."""
    a = mk("a:0", "Residents were evacuated from the town of Brenholt on Saturday", places=("Brenholt",),
           subject="resident")
    b = mk("b:0", "Patients were evacuated from the town of Kessing on Saturday", source="Herald",
           places=("Kessing",), subject="patient")
    assert JUDGE.judge(a, b, 0.8).kind != "place"
    assert JUDGE.judge(a, attrs.evolve(b, frame=attrs.evolve(b.frame, subject="resident")), 0.8).kind == "place"
    # a subject the other claim names is not another thing
    c = mk("c:0", "The committee's next policy meeting is on Thursday", time=("Thursday",), subject="meeting")
    d = mk("d:0", "The committee holds its next policy meeting on Friday", source="Herald", time=("Friday",),
           subject="committee")
    assert JUDGE.judge(c, d, 0.8).kind == "date"


def test_a_building_or_place_word_does_not_make_two_dated_events_one() -> None:
    """"landed at Carrowby regional airport on Monday" / "Carrowby regional
    airport reopened on Tuesday": the airport is where, not what happened."""
    a = mk("a:0", "A Skarvik Air turboprop made an emergency landing at Carrowby regional airport on Monday",
           time=("Monday",))
    b = mk("b:0", "Carrowby regional airport reopened on Tuesday morning", source="Herald", time=("Tuesday morning",))
    assert JUDGE.judge(a, b, 0.7).kind != "date"
    c = mk("c:0", "A Skarvik Air turboprop made an emergency landing at Carrowby regional airport on Tuesday",
           source="Herald", time=("Tuesday",))
    assert JUDGE.judge(a, c, 0.9).kind == "date"


def test_the_same_lead_in_places_one_event_despite_extra_words() -> None:
    """Two places after the same two event words ("made an emergency landing
    at") are two places of one landing, though one text adds a clause."""
    import claimcheck

    j = claimcheck.compare(
        "A Skarvik Air turboprop carrying 46 passengers and four crew made an emergency landing at Carrowby "
        "regional airport on Monday",
        "A Skarvik Air plane that took off from Lindmora on Monday afternoon made an emergency landing at the "
        "Vestrup air base, about 40 kilometres short of its destination")
    assert (j.label, j.kind) == ("contradiction", "place"), j.reason


def test_a_scheduled_event_and_a_scheduled_shipment_are_two_events() -> None:
    """"scheduled a special event on March 9" / "is scheduled to ship in
    April": what is planned is the event, not the planning."""
    a = mk("a:0", "Apple has scheduled a special event on March 9", time=("March 9",))
    b = mk("b:0", "Apple Watch is scheduled to ship in April", source="Herald", time=("April",))
    assert JUDGE.judge(a, b, 0.7).kind != "date"


def test_a_name_with_a_model_number_is_another_thing_for_a_hedge() -> None:
    """"unlikely to see a new iPhone" / "the iPhone 5s will likely live on"."""
    a = mk("a:0", "Consumers are unlikely to see the launch of a new iPhone before September", likelihood=0.15,
           modality="unlikely", cues=("unlikely",))
    b = mk("b:0", "The iPhone 5s will likely live on", source="Herald", likelihood=0.75, modality="likely",
           cues=("likely",))
    assert JUDGE.judge(a, b, 0.6).kind != "likelihood"
    c = attrs.evolve(b, text="A new iPhone will likely launch before September")
    assert JUDGE.judge(a, c, 0.7).kind == "likelihood"


def test_a_further_or_other_set_is_not_a_total() -> None:
    """"Quenby's other 40 restaurants remain open" / "closed all 11 of its
    restaurants": a remainder; "three other hostages" likewise."""
    a = mk("a:0", "Quenby's other 40 restaurants elsewhere in the country remain open",
           quantities=(Quantity(40, "restaurant", "exact", "40", verb="remain"),))
    b = mk("b:0", "Quenby's has temporarily closed all 11 of its restaurants in the province", source="Herald",
           quantities=(Quantity(11, "restaurant", "exact", "11", verb="close"),))
    assert JUDGE.judge(a, b, 0.9).kind != "numeric"
    c = attrs.evolve(a, text="Quenby's 40 restaurants in the province remain closed")
    assert JUDGE.judge(c, b, 0.8).kind == "numeric"
    # two "other" sets of one kind are compared as usual
    d = attrs.evolve(b, text="Quenby's other 11 restaurants elsewhere in the country remain open")
    assert JUDGE.judge(a, d, 0.9).kind == "numeric"


def test_the_same_distinctive_figure_of_one_unit_is_the_same_fact_at_low_similarity() -> None:
    """"scorched about 6,800 hectares" / "it had consumed some 6,800
    hectares": the same fact though the cosine is low.  Not for another
    unit, another bound, a small count, a share, or claims that name
    different participants."""
    ha = Quantity(6800, "hectare", "about", "6,800")
    a = mk("a:0", "The fire has since scorched about 6,800 hectares of pine forest", quantities=(ha,))
    b = mk("b:0", "By Tuesday it had consumed some 6,800 hectares", source="Ledger", quantities=(ha,))
    j = JUDGE.judge(a, b, 0.3)
    assert j.label == "entailment" and "6,800" in j.reason, j.reason
    homes = mk("c:0", "The storm damaged about 6,800 homes", source="Post",
               quantities=(Quantity(6800, "home", "about", "6,800"),))
    assert JUDGE.judge(a, homes, 0.3).label == "unrelated"
    exact = attrs.evolve(b, frame=Frame(quantities=(Quantity(6800, "hectare", "exact", "6,800"),)))
    assert JUDGE.judge(a, exact, 0.3).label == "unrelated"
    small = (Quantity(11, "restaurant", "exact", "11"),)
    assert JUDGE.judge(attrs.evolve(a, frame=Frame(quantities=small)),
                       attrs.evolve(b, frame=Frame(quantities=small)), 0.3).label == "unrelated"
    share = (Quantity(2.5, "%", "exact", "2.5"),)
    assert JUDGE.judge(attrs.evolve(a, frame=Frame(quantities=share)),
                       attrs.evolve(b, frame=Frame(quantities=share)), 0.3).label == "unrelated"
    named_a = attrs.evolve(a, frame=Frame(quantities=(ha,), participants=("halden",)))
    named_b = attrs.evolve(b, frame=Frame(quantities=(ha,), participants=("corrow",)))
    assert JUDGE.judge(named_a, named_b, 0.3).label == "unrelated"


def test_a_denial_by_some_is_not_denied_by_other_ones() -> None:
    """"the men won't have to sit next to them" / "men unwilling to allow
    other males to sit next to their wives": the sitters are other people."""
    from claimcheck._judge import _denied_predicate

    neg = "some women objected so that the men won't have to sit next to them"
    assert _denied_predicate(neg, "complaints from men unwilling to allow other males to sit next to their "
                                  "wives") is None
    assert _denied_predicate(neg, "complaints from men unwilling to allow males to sit next to their "
                                  "wives") is not None


def test_figures_of_two_stated_periods_do_not_clash() -> None:
    """"contracts worth 46m crowns between 2017 and 2021" / "won contracts
    worth 112m crowns last year": each period's figure.  A length is no
    period: "a four-year contract" / "a five-year contract" still clash."""
    a = mk("a:0", "Quill paid kickbacks between 2017 and 2021 for contracts worth 46m crowns",
           time=("between 2017 and 2021",), quantities=(Quantity(46e6, "crown", "exact", "46m", verb="worth"),))
    b = mk("b:0", "Quill Civil Works won contracts worth 112m crowns in Eastmarch last year", source="Herald",
           time=("last year",), quantities=(Quantity(112e6, "crown", "exact", "112m", verb="worth"),))
    assert JUDGE.judge(a, b, 0.8).kind != "numeric"
    assert JUDGE.judge(a, attrs.evolve(b, frame=attrs.evolve(b.frame, time=("between 2017 and 2021",))),
                       0.8).kind == "numeric"
    c = mk("c:0", "Reyka signed a four-year contract with Varna", time=("four-year",),
           quantities=(Quantity(4, "year", "exact", "four-year", verb="sign"),))
    d = mk("d:0", "The 24-year-old has signed a five-year contract with Varna", source="Herald",
           time=("24-year-old", "five-year"), quantities=(Quantity(5, "year", "exact", "five-year", verb="sign"),))
    assert JUDGE.judge(c, d, 0.8).kind == "numeric"


def test_dates_of_opposite_actions_are_two_events() -> None:
    """"The harbour was closed to all traffic on Wednesday" / "to reopen to
    traffic on Thursday": closing and reopening are two events, so their
    dates do not clash; two closings on two days still do."""
    a = mk("a:0", "The harbour was closed to all traffic on Wednesday", time=("Wednesday",))
    b = mk("b:0", "The harbourmaster expects the harbour to reopen to traffic on Thursday morning", source="Herald",
           time=("Thursday morning",))
    assert JUDGE.judge(a, b, 0.7).kind != "date"
    c = attrs.evolve(b, text="The harbour was closed to all shipping traffic on Thursday morning")
    assert JUDGE.judge(a, c, 0.7).kind == "date"


def test_parts_that_add_up_to_the_other_total_do_not_clash() -> None:
    """"four counts of bribery and one of misconduct" / "five of the six
    counts": the parts against their sum.  Parts that do not add up still
    clash."""
    a = mk("a:0", "Rook was found guilty on Tuesday of four counts of bribery and one of misconduct",
           quantities=(Quantity(4, "count", "exact", "four", verb="find"),
                       Quantity(1, "", "exact", "one", verb="find")))
    b = mk("b:0", "A jury found Rook guilty on Tuesday on five of the six counts he faced", source="Herald",
           quantities=(Quantity(5, "count", "exact", "five", verb="find"),))
    assert JUDGE.judge(a, b, 0.8).kind != "numeric"
    c = attrs.evolve(b, text="A jury found Rook guilty on Tuesday on seven counts",
                     frame=Frame(quantities=(Quantity(7, "count", "exact", "seven", verb="find"),)))
    assert JUDGE.judge(a, c, 0.8).kind == "numeric"


def test_the_people_of_a_place_are_not_a_headcount() -> None:
    """"Dunmere, a town of about 30,000 people" / "employs about 9,000
    people": how many live in a place is another figure; two populations
    still clash."""
    a = mk("a:0", "Harcastle is one of the biggest employers in Dunmere, a town of about 30,000 people",
           quantities=(Quantity(30000, "people", "about", "30,000"),))
    b = mk("b:0", "Harcastle employs about 9,000 people worldwide", source="Herald",
           quantities=(Quantity(9000, "people", "about", "9,000", verb="employ"),))
    assert JUDGE.judge(a, b, 0.8).kind != "numeric"
    c = mk("c:0", "Dunmere, a town of about 9,000 people, depends on the plant", source="Post",
           quantities=(Quantity(9000, "people", "about", "9,000"),))
    assert JUDGE.judge(a, c, 0.8).kind == "numeric"


def test_counts_made_and_counts_lost_are_two_tallies() -> None:
    """"will add about 300 jobs" / "with the loss of 1,150 jobs": jobs
    created and jobs lost; two counts of jobs lost still clash, and so do
    two changes of one level ("rose 4.2%" / "fell 3.1%")."""
    a = mk("a:0", "Lidrow will add a second washing-machine line and about 300 jobs",
           quantities=(Quantity(300, "job", "about", "300", verb="add", context=("job", "line")),))
    b = mk("b:0", "It will close its washing-machine plant with the loss of 1,150 jobs", source="Herald",
           quantities=(Quantity(1150, "job", "exact", "1,150", context=("job", "loss")),))
    assert JUDGE.judge(a, b, 0.8).kind != "numeric"
    c = mk("c:0", "It will close its washing-machine plant with the loss of about 300 jobs", source="Post",
           quantities=(Quantity(300, "job", "about", "300", context=("job", "loss")),))
    assert JUDGE.judge(c, b, 0.8).kind == "numeric"


def test_none_hurt_against_some_hurt_is_a_numeric_clash() -> None:
    """"No one was injured in the blast" / "Three workers were hurt in the
    blast": nobody covers the workers.  Not against a count of another
    thing, or of another verb."""
    zero = Quantity(0, "people", "exact", "No one", verb="injure")
    a = mk("a:0", "No one was injured in the blast", negated=True, quantities=(zero,))
    b = mk("b:0", "Three workers were hurt in the blast", source="Herald",
           quantities=(Quantity(3, "worker", "exact", "Three", verb="hurt"),))
    j = JUDGE.judge(a, b, 0.55)
    assert j.label == "contradiction" and j.kind == "numeric" and "No one" in j.reason, j.reason
    homes = attrs.evolve(b, text="Three homes were damaged in the blast",
                         frame=Frame(quantities=(Quantity(3, "home", "exact", "Three", verb="damage"),)))
    assert JUDGE.judge(a, homes, 0.55).kind != "numeric"
    evacuated = attrs.evolve(b, text="Three workers were evacuated after the blast",
                             frame=Frame(quantities=(Quantity(3, "worker", "exact", "Three", verb="evacuate"),)))
    assert JUDGE.judge(a, evacuated, 0.55).kind != "numeric"
    # a death toll of none says nothing of how many fell sick, though
    # "deaths" and "people" are one unit for tolls
    deaths = mk("c:0", "There have been no deaths linked to the outbreak", negated=True,
                quantities=(Quantity(0, "death", "exact", "no deaths", verb="be"),))
    sick = mk("d:0", "At least 120 people have now been confirmed sick in the outbreak", source="Herald",
              quantities=(Quantity(120, "people", "at_least", "120", verb="confirm"),))
    assert JUDGE.judge(deaths, sick, 0.6).kind != "numeric"


def test_about_is_as_loose_as_the_rounding_of_its_number() -> None:
    """"Some 950 workers will lose their jobs" / "the loss of 1,150 jobs":
    "about 950" is rounded to the ten, so it does not reach 1,150 (a flat
    quarter either side did); "about 3,000" is rounded to the thousand and
    still covers 3,400; "about eight" against "about 11" clash."""
    def jobs(cid: str, value: float, bound: str, text: str) -> Claim:
        return mk(cid, f"The plan means the loss of {text} jobs at the plant", source=cid,
                  quantities=(Quantity(value, "job", bound, text, context=("job", "loss")),))

    assert JUDGE.judge(jobs("a:0", 950, "about", "950"), jobs("b:0", 1150, "exact", "1,150"), 0.75).kind == "numeric"
    assert JUDGE.judge(jobs("a:0", 3000, "about", "3,000"), jobs("b:0", 3400, "exact", "3,400"), 0.9).kind != "numeric"
    assert JUDGE.judge(jobs("a:0", 8, "about", "eight"), jobs("b:0", 11, "about", "11"), 0.9).kind == "numeric"
    assert JUDGE.judge(jobs("a:0", 20, "about", "20"), jobs("b:0", 24, "exact", "24"), 0.9).kind != "numeric"


def test_a_noun_is_not_half_of_a_verb_antonym_pair() -> None:
    """"the highest level since 2008" / "has raised rates": WordNet opposes
    "level" and "raise" only as verbs (to raze, to raise), so a noun
    "level" is no antonym; tagged as a verb it still is."""
    a = mk("a:0", "The increase takes the key rate to the highest level since 2008",
           lemmas=("increase", "take", "key", "rate", "high", "level"), nouns=("increase", "rate", "level"))
    b = mk("b:0", "The bank has raised the key rate", source="Herald",
           lemmas=("bank", "raise", "key", "rate"), nouns=("bank", "rate"))
    assert JUDGE.judge(a, b, 0.8).kind != "antonym"
    verb = attrs.evolve(a, text="The bank will level the key rate",
                        frame=Frame(lemmas=("bank", "level", "key", "rate"), nouns=("bank", "rate")))
    assert JUDGE.judge(verb, b, 0.8).kind == "antonym"


def test_a_target_is_not_the_figure_it_aims_at() -> None:
    """"inflation eased to 3.8 percent" / "the bank's target of 2 percent
    inflation": a target is another figure; two targets still clash."""
    a = mk("a:0", "Inflation eased to 3.8 percent in May",
           quantities=(Quantity(3.8, "%", "exact", "3.8", verb="ease", context=("inflation",)),))
    b = mk("b:0", "The bank's target of 2 percent inflation was not up for discussion", source="Herald",
           quantities=(Quantity(2, "%", "exact", "2", verb="be", context=("inflation", "target")),))
    assert JUDGE.judge(a, b, 0.8).kind != "numeric"
    c = mk("c:0", "The bank's target of 3 percent inflation stays", source="Post",
           quantities=(Quantity(3, "%", "exact", "3", verb="stay", context=("inflation", "target")),))
    assert JUDGE.judge(b, c, 0.8).kind == "numeric"


def test_a_limit_with_its_place_is_not_the_speed(st_encoder) -> None:
    """"The speed limit on that stretch is 80 km/h" / "was travelling at about
    110 km/h, some 30 km/h above the limit": the limit is another figure,
    though a place stands between it and its verb; two speeds still clash."""
    from claimcheck import compare

    limit = "The speed limit on that stretch is 80 km/h."
    speed = ("The Kestral Rail train that derailed near Ellerby on Thursday was travelling at about 110 km/h, "
             "some 30 km/h above the limit")
    assert compare(limit, speed, encoder=st_encoder).kind != "numeric"
    j = compare("The train was travelling at 80 km/h", "The train was travelling at 140 km/h", encoder=st_encoder)
    assert (j.label, j.kind) == ("contradiction", "numeric")


def test_verbs_of_one_meaning_count_one_thing() -> None:
    """"It had burned 4,200 hectares" / "the blaze had scorched about 1,800
    hectares": scorching is a kind of burning (WordNet), so the areas clash;
    "rescued" and "injured" still count different people."""
    a = mk("a:0", "It had burned 4,200 hectares by Monday evening",
           quantities=(Quantity(4200, "hectare", "exact", "4,200", verb="burn", context=("hectare",)),))
    b = mk("b:0", "The blaze had scorched about 1,800 hectares by Monday night", source="Herald",
           quantities=(Quantity(1800, "hectare", "about", "1,800", verb="scorch", context=("blaze", "hectare")),))
    assert JUDGE.judge(a, b, 0.7).kind == "numeric"
    c = mk("c:0", "Rescuers pulled 55 people from the river",
           quantities=(Quantity(55, "people", "exact", "55", verb="rescue"),))
    d = mk("d:0", "34 people were injured at the river", source="Herald",
           quantities=(Quantity(34, "people", "exact", "34", verb="injure"),))
    assert JUDGE.judge(c, d, 0.7).kind != "numeric"


def test_a_count_of_none_of_another_thing_does_not_keep_claims_apart() -> None:
    """"The two leaders failed to agree on a ceasefire" / "No agreement on a
    ceasefire was reached": none of the agreements is no count of leaders,
    so the frames do not veto the same fact; two counts of killed people
    of two kinds still do."""
    from claimcheck._judge import _frame_veto

    a = mk("a:0", "The two leaders failed to agree on a ceasefire", negated=True,
           quantities=(Quantity(2, "leader", "exact", "two", verb="fail"),))
    b = mk("b:0", "No agreement on a ceasefire was reached", source="Herald", negated=True,
           quantities=(Quantity(0, "agreement", "exact", "No agreement", verb="reach"),))
    assert _frame_veto(a, b) == ""
    c = mk("c:0", "Roadside bomb kills 10 Afghan civilians", quantities=(Quantity(10, "civilian", "exact", "10"),))
    d = mk("d:0", "Roadside bomb kills 5 Afghan policemen", source="Herald",
           quantities=(Quantity(5, "policeman", "exact", "5"),))
    assert _frame_veto(c, d) == "their numbers differ"


def test_a_year_after_since_does_not_date_the_claim() -> None:
    """"its fourth rate rise of 2026" / "the highest level since 2008": 2008
    starts a period, it does not date the rise, so the frames do not say
    the two claims give different dates; "in 2008" still does."""
    from claimcheck._judge import _frame_veto

    a = mk("a:0", "The bank raised its key rate to 4.50 percent on Wednesday, its fourth rise of 2026",
           time=("Wednesday", "2026"))
    b = mk("b:0", "The bank took the key rate to 4.50 percent on Wednesday, the highest level since 2008",
           source="Herald", time=("Wednesday", "2008"))
    assert _frame_veto(a, b) == ""
    c = attrs.evolve(b, text="The bank took the key rate to 4.50 percent on Wednesday in 2008")
    assert _frame_veto(a, c) == "they give different dates"


def test_a_fixed_count_reported_later_is_no_update() -> None:
    """A later, larger count of something that does not run up ("three" then
    "four carriages left the tracks") contradicts; a later, larger count of
    people rescued updates."""
    a = mk("a:0", "Three carriages left the tracks", published=_dt.date(2026, 3, 10),
           quantities=(Quantity(3, "carriage", "exact", "Three", verb="leave"),))
    b = mk("b:0", "Four carriages left the tracks", source="Herald", published=_dt.date(2026, 3, 11),
           quantities=(Quantity(4, "carriage", "exact", "Four", verb="leave"),))
    assert JUDGE.judge(a, b, 0.9).label == "contradiction"
    c = mk("c:0", "Rescuers pulled 20 people from the rubble", published=_dt.date(2026, 3, 10),
           quantities=(Quantity(20, "people", "exact", "20", verb="pull"),))
    d = mk("d:0", "Rescuers pulled 55 people from the rubble", source="Herald", published=_dt.date(2026, 3, 11),
           quantities=(Quantity(55, "people", "exact", "55", verb="pull"),))
    assert JUDGE.judge(c, d, 0.9).label == "update"


def test_a_name_the_parse_left_out_of_one_frame_still_ties_two_figures() -> None:
    """"Eastbury Mutual Bank would cut 1,200 jobs" (the parse took the name
    for the speaker, so the frame has only "cut" and "job") and "Eastbury
    Mutual Bank is to axe 3,100 jobs": the name is in both texts, so the
    claims share more than the counted word and the figures clash."""
    a = mk("a:0", "Eastbury Mutual Bank would cut 1,200 jobs", lemmas=("cut", "job"),
           quantities=(Quantity(1200, "job", "exact", "1,200", verb="cut"),))
    b = mk("b:0", "Eastbury Mutual Bank is to axe 3,100 jobs", source="Post",
           lemmas=("eastbury", "mutual", "bank", "axe", "job"), participants=("eastbury mutual bank",),
           quantities=(Quantity(3100, "job", "exact", "3,100", verb="axe"),))
    j = JUDGE.judge(a, b, 0.78)
    assert (j.label, j.kind) == ("contradiction", "numeric"), j.reason
    # without the name in the first text, one shared word is too little
    j = JUDGE.judge(attrs.evolve(a, text="It would cut 1,200 jobs"), b, 0.78)
    assert j.label != "contradiction", j.reason


def test_actions_in_conditions_and_time_clauses_are_not_reports() -> None:
    """"if the dyke gives way" and "before the park had opened" say nothing
    happened; the same action on its own still opposes."""
    from claimcheck._judge import _opposed_actions

    assert _opposed_actions("The dyke held overnight", "Sirens will sound if the dyke gives way") is None
    assert _opposed_actions("The park would remain closed until next month",
                            "The animals got out before the park had opened to the public") is None
    assert _opposed_actions("The dyke held overnight", "The dyke gave way before dawn") == ("held", "gave way", "dyke")
    assert _opposed_actions("Lorries would not be allowed back even after the bridge reopened to cars",
                            "The bridge would remain closed for six weeks") is None
    assert _opposed_actions("The bridge will stay shut once the inspection is finished",
                            "The bridge reopened on Monday") == ("will stay shut", "reopened", "bridge")


def test_sums_in_a_currency_word_need_the_same_thing_measured() -> None:
    """A sum in a currency named in words is a measure, as "$" is: "a
    shortfall of 46 million florins" and "savings worth 2.3 million florins"
    are two sums of one budget, not two values of one; "the plan is worth
    2.4 billion florins" / "the budget will spend 2.1 billion florins" at
    high similarity still clash."""
    short = mk("a:0", "It closes a shortfall of 46 million florins that finance officials identified",
               quantities=(Quantity(46e6, "florin", "exact", "46 million", verb="close",
                                    context=("close", "finance", "florin", "official", "shortfall")),))
    saved = mk("b:0", "The summary lists savings worth 2.3 million florins", source="Herald",
               quantities=(Quantity(2.3e6, "florin", "exact", "2.3 million",
                                    context=("florin", "saving", "worth")),))
    assert JUDGE.judge(short, saved, 0.65).label != "contradiction"
    plan = mk("c:0", "The plan is worth 2.4 billion florins",
              quantities=(Quantity(2.4e9, "florin", "exact", "2.4 billion", verb="be",
                                   context=("florin", "plan", "worth")),))
    assert JUDGE.judge(plan, saved, 0.63).label != "contradiction"  # "worth" alone is no shared measure
    spend = mk("d:0", "The budget will spend 2.1 billion florins", source="Herald",
               quantities=(Quantity(2.1e9, "florin", "exact", "2.1 billion", verb="spend",
                                    context=("budget", "florin", "spend")),))
    j = JUDGE.judge(plan, spend, 0.84)
    assert (j.label, j.evidence) == ("contradiction", ("2.4 billion", "2.1 billion"))


def test_a_spending_plan_and_a_budget_measure_one_thing() -> None:
    """"The spending plan totals 2.4 billion florins" / "The budget will spend
    2.1 billion florins": spending and budget name one measured sum, and
    "spending" meets "spend" by stem."""
    from claimcheck._judge import _measured_by

    plan = mk("a:0", "The spending plan totals 2.4 billion florins",
              quantities=(Quantity(2.4e9, "florin", "exact", "2.4 billion", verb="total",
                                   context=("florin", "plan", "spending", "total")),))
    spend = mk("b:0", "The budget will spend 2.1 billion florins", source="Herald",
               quantities=(Quantity(2.1e9, "florin", "exact", "2.1 billion", verb="spend",
                                    context=("budget", "florin", "spend")),))
    assert _measured_by(plan.frame.quantities[0], plan) == _measured_by(spend.frame.quantities[0], spend) \
        == {"budget"}
    j = JUDGE.judge(plan, spend, 0.7)
    assert (j.label, j.kind) == ("contradiction", "numeric")


def test_a_year_that_names_a_thing_does_not_date_the_claim() -> None:
    """"Tarrow's 2027 budget cleared the council this week" / "The council
    approved the budget on Wednesday evening": 2027 is the budget's year, not
    when it was passed, so the dates do not keep the two apart; "in 2027"
    still dates a claim."""
    from claimcheck._judge import _frame_veto

    day = _dt.date(2026, 11, 26)
    a = mk("a:0", "Tarrow's 2027 budget cleared the council this week", published=day + _dt.timedelta(days=1),
           time=("2027", "this week"), dates=("2027",))
    b = mk("b:0", "The council approved the budget on Wednesday evening", source="Herald", published=day,
           time=("Wednesday", "evening"), dates=("2026-11-25",))
    assert _frame_veto(a, b) == ""
    c = attrs.evolve(a, text="The council will approve the budget in 2027")
    assert _frame_veto(c, b) == "they give different dates"


def test_a_negation_said_in_other_words_is_no_polarity_split() -> None:
    """"Bus fares will not change in 2027" / "Bus fares will stay at their
    current level through 2027": "not change" is "stay" (WordNet antonyms),
    so polarity does not keep the two apart; "not speeding" / "travelling
    above the limit" still differ in polarity."""
    from claimcheck._judge import _frame_veto

    a = mk("a:0", "Bus fares will not change in 2027", negated=True, cues=("not",),
           lemmas=("bus", "fare", "change"))
    b = mk("b:0", "Bus fares will stay at their current level through 2027", source="Herald",
           lemmas=("bus", "fare", "stay", "current", "level"))
    assert _frame_veto(a, b) == ""
    c = mk("c:0", "The train was not speeding when it left the rails", negated=True, cues=("not",),
           lemmas=("train", "speed", "leave", "rail"))
    d = mk("d:0", "The train was travelling some 30 km/h above the limit", source="Herald",
           lemmas=("train", "travel", "limit"))
    assert _frame_veto(c, d) == "one is negated and the other is not"


def test_one_sighting_at_two_clock_times_is_a_conflict(st_encoder) -> None:
    """"Seen at 9:47 p.m." and "appeared at about 10:20 p.m.": one sighting of one thing, two times."""
    from claimcheck import compare

    j = compare("The fireball was seen at 9:47 p.m.", "The fireball appeared at about 10:20 p.m.", encoder=st_encoder)
    assert (j.label, j.kind) == ("contradiction", "date"), j.reason
    assert "9:47 p.m." in j.reason and "10:20 p.m." in j.reason
