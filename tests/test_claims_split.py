"""Clause splitting in SpacySplitter: relative clauses, reporting verbs in
modifiers, punctuation left behind by a cut-out clause.

The sentences are made up for these tests; each test names the rule it
checks and would fail if the splitter lost or garbled the clause.
"""

from __future__ import annotations

import pytest

from claimcheck import Article, SpacySplitter


@pytest.fixture(scope="module")
def splitter() -> SpacySplitter:
    return SpacySplitter()


def _claims(splitter: SpacySplitter, text: str) -> list[tuple[str | None, str]]:
    claims, _ = splitter.split_one(Article(id="t", source="Wire", text=text))
    return [(c.speaker, c.text) for c in claims]


def test_reporting_verb_in_relative_clause_keeps_the_main_clause(splitter: SpacySplitter) -> None:
    """"The case was brought by X, which argued that …": both the main clause
    and X's argument are claims, and the argument is X's."""
    got = _claims(splitter, "The case was brought by the National Union of Farmers, "
                            "which argued that the levy broke the treaty.")
    assert (None, "The case was brought by the National Union of Farmers") in got
    assert ("National Union of Farmers", "the levy broke the treaty") in got


def test_reporting_verb_in_coordinated_clause_keeps_the_first_clause(splitter: SpacySplitter) -> None:
    """"X arrived … and said that …": the arrival is a claim, the statement is X's."""
    got = _claims(splitter, "Minister Anna Berg arrived in Geneva on Monday and said that "
                            "the talks would start soon.")
    assert (None, "Minister Anna Berg arrived in Geneva on Monday") in got
    assert ("Anna Berg", "the talks would start soon") in got


def test_adding_that_after_a_non_reporting_clause_is_attributed(splitter: SpacySplitter) -> None:
    """"X criticised …, adding that …": what was added is X's, and the criticism stays."""
    got = _claims(splitter, "Mayor Tomas Lind criticised the budget on Friday, adding that "
                            "the city would run out of money by March.")
    assert (None, "Mayor Tomas Lind criticised the budget on Friday") in got
    assert ("Tomas Lind", "the city would run out of money by March") in got


def test_reported_speech_as_an_object_is_not_a_claim_of_its_own(splitter: SpacySplitter) -> None:
    """A clause that needs the reported statement as its object is not left as a fragment."""
    got = _claims(splitter, "Another reason the board balked at the plan is that the chairman "
                            "said the costs were too high.")
    assert all(not text.endswith(" is") for _, text in got), got


def test_relative_clause_leaves_no_double_comma(splitter: SpacySplitter) -> None:
    """"Reyka, who scored …, has agreed …" reads "Reyka has agreed …", not "Reyka, , has"."""
    got = _claims(splitter, "Reyka, who scored 31 league goals last season, has agreed a new contract.")
    texts = [t for _, t in got]
    assert "Reyka has agreed a new contract" in texts
    assert not any(", ," in t or ",," in t for t in texts), texts


def test_relative_clause_subject_is_the_whole_antecedent(splitter: SpacySplitter) -> None:
    """"The National Union of Journalists, which brought the case" states that
    the National Union of Journalists (not "the National Union") brought it."""
    got = [t for _, t in _claims(splitter, "The National Union of Journalists, which brought the case, "
                                           "called the ruling a victory.")]
    assert "The National Union of Journalists brought the case" in got
    assert "The National Union of Journalists called the ruling a victory" in got


def test_coordinated_clause_counts_its_shared_subject(splitter: SpacySplitter) -> None:
    """"… and needs repairs" is a three-word claim once its subject is carried over."""
    got = [t for _, t in _claims(splitter, "The bridge, which opened in 1998, carries 40,000 cars "
                                           "a day and needs repairs.")]
    assert "The bridge needs repairs" in got
    assert "The bridge opened in 1998" in got


def test_shared_subject_drops_its_relative_clause(splitter: SpacySplitter) -> None:
    """A subject carried into the second clause leaves its relative clause behind."""
    got = [t for _, t in _claims(splitter, "Alhakim, who spoke for an hour, briefed the council "
                                           "and accused the militia of crimes.")]
    assert "Alhakim accused the militia of crimes" in got
    assert not any("who" in t.split()[:3] for t in got), got


def test_pronoun_for_the_speaker_is_written_out(splitter: SpacySplitter) -> None:
    """"Observers said they had found …" is the claim "Observers had found …":
    the reported clause stands on its own."""
    got = _claims(splitter, "Observers said they had found no major irregularities in the vote. "
                            "Finance Minister Clara Voss said she would cut fuel taxes.")
    assert ("Observers", "Observers had found no major irregularities in the vote") in got
    assert ("Clara Voss", "Clara Voss would cut fuel taxes") in got


@pytest.mark.parametrize("text, kept", [
    # inside a quotation "she" is someone the speaker talks about
    ("'She won't let my sister talk to me,' Anna Berg said.", "She won't let my sister talk to me"),
    # "they" does not stand for one person
    ("Finance Minister Clara Voss said they would cut fuel taxes.", "they would cut fuel taxes"),
    # "he" does not stand for an organisation
    ("The ministry said he would resign next week.", "he would resign next week"),
])
def test_pronoun_is_kept_when_it_may_not_be_the_speaker(splitter: SpacySplitter, text: str, kept: str) -> None:
    assert kept in [t for _, t in _claims(splitter, text)]


def test_name_in_apposition_to_a_role_is_the_speaker(splitter: SpacySplitter) -> None:
    """"…, his spokeswoman Vera Lind said": the speaker is Vera Lind, not "his spokeswoman Vera"."""
    claims, _ = splitter.split_one(Article(id="t", source="Wire", text=(
        "Ferrand will not accept the outcome, his spokeswoman Vera Lind said on Monday.")))
    assert [(c.speaker, c.text) for c in claims] == [("Vera Lind", "Ferrand will not accept the outcome")]
    assert claims[0].speaker_mention == "his spokeswoman Vera Lind"


def test_speaker_misparsed_into_the_reported_clause_is_taken_out(splitter: SpacySplitter) -> None:
    """"…, a source close to the club said." The parser hangs "a source" inside
    the reported clause; the claim must not contain it and the source speaks."""
    got = _claims(splitter, "Reyka has yet to undergo a medical, a source close to the club said.")
    assert got == [("source", "Reyka has yet to undergo a medical")]


@pytest.mark.parametrize("text, expected", [
    ("More than 200 people have fallen ill after the fair, the Courier understands.",
     ("Courier", "More than 200 people have fallen ill after the fair")),
    ("Rescue teams have recovered seven bodies from the sea, Coastline Radio has learned.",
     ("Coastline Radio", "Rescue teams have recovered seven bodies from the sea")),
])
def test_a_newsroom_s_own_sourcing_is_an_attribution(splitter: SpacySplitter, text: str,
                                                     expected: tuple[str, str]) -> None:
    """"…, the Courier understands" and "…, Coastline Radio has learned": the
    outlet speaks, and its name is no part of the claim."""
    assert _claims(splitter, text) == [expected]


def test_title_and_name_misparsed_into_the_reported_clause_speak(splitter: SpacySplitter) -> None:
    """"…, the church's project manager, Owen Price, said." The parser hangs the
    title and the name inside the last reported clause and leaves "said" with
    no subject; the name speaks and neither is part of a claim."""
    got = _claims(splitter, "Work on the spire is unlikely to start before next spring, because new stone has to "
                            "be cut to size and the tower cannot safely be scaffolded in winter gales, the church's "
                            "project manager, Owen Price, said.")
    assert ("Owen Price", "Work on the spire is unlikely to start before next spring") in got
    assert ("Owen Price", "the tower cannot safely be scaffolded in winter gales") in got
    assert not any("manager" in t for _, t in got), got


def test_pronoun_before_a_later_speaker_is_kept(splitter: SpacySplitter) -> None:
    """"He will make his debut on Saturday, Demir said": "he" is the player
    named before, not the coach who speaks after the clause."""
    got = _claims(splitter, "Coach Elif Demir praised Tomas Reyka. "
                            "He will make his debut against Portsmere on Saturday, Demir said.")
    assert "He will make his debut against Portsmere on Saturday" in [t for _, t in got]
    assert not any(t.startswith("Demir will") for _, t in got), got


def test_worker_processes_give_the_same_claims_in_input_order(splitter: SpacySplitter) -> None:
    """split() with two worker processes (each parses and splits a run of
    articles) returns exactly what one process returns, article by article,
    including an article too long to parse whole and one with no text."""
    import attrs

    arts = [Article(id=f"w{k}", source=f"S{k % 3}",
                    text=f"Officials said {k + 3} people died in the flood. "
                         f"The mayor told reporters that {k} bridges had collapsed.")
            for k in range(7)]
    arts.insert(3, Article(id="long", source="S9", text="The river rose overnight. " * 30
                           + "Rescuers said the road to the valley was closed."))
    arts.append(Article(id="blank", source="S9", text="   "))
    here = attrs.evolve(splitter, chunk_chars=200, n_process=1)
    two = attrs.evolve(splitter, chunk_chars=200, n_process=2)
    assert two._processes(len(arts)) == 2
    expected = here.split(arts)
    got = two.split(arts)
    assert got == expected
    assert [cl[0].article if cl else None for cl, _ in got][:4] == ["w0", "w1", "w2", "long"]
    assert any(c.text == "the road to the valley was closed" for c in got[3][0])


def test_a_worker_that_dies_is_a_model_error(splitter: SpacySplitter, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker process killed mid-run (out of memory, say) surfaces as
    claimcheck's ModelError naming the way out, not a concurrent.futures error."""
    import os

    import attrs

    import claimcheck._claims as claims_mod
    from claimcheck.errors import ModelError

    def die(_self: object, _articles: object) -> None:
        os._exit(1)

    if claims_mod.multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched method reaches the workers only when they are forked")
    monkeypatch.setattr(SpacySplitter, "_split_here", die)
    two = attrs.evolve(splitter, n_process=2)
    arts = [Article(id=f"d{k}", source="S", text="Officials said the road was closed.") for k in range(4)]
    with pytest.raises(ModelError, match="n_process=1"):
        two.split(arts)


def test_a_clause_joined_to_the_reporting_verb_is_kept(splitter: SpacySplitter) -> None:
    """"X had grown, the service said, and gusts pushed it east": the clause
    after "and" hangs off "said" in the parse but was not said by the
    service; it is a claim of the outlet, not lost."""
    got = _claims(splitter, "The blaze had grown to about 4,500 hectares by Monday evening, the regional fire "
                            "service said at the time, and gusts reaching 70 km/h pushed it towards the east "
                            "during the night.")
    texts = [t for _, t in got]
    assert any("4,500 hectares" in t for t in texts), got
    pushed = [(s, t) for s, t in got if "pushed it towards the east" in t]
    assert pushed and pushed[0][0] is None, got


def test_a_paragraph_break_ends_a_sentence(splitter: SpacySplitter) -> None:
    """The small parser can run a closing quotation on into the next
    paragraph; a blank line always starts a new sentence, so the quote stays
    its speaker's and the next paragraph is the sheriff's office's."""
    got = _claims(splitter, '"It came over the ridge like a wall of orange," said Marit Degen, 61, who left her '
                            'farmhouse with her two dogs shortly after dawn. "I\'ve lived here forty years and never '
                            'seen anything like it."\n\nLisle Bend remains under a mandatory evacuation order, the '
                            "sheriff's office said on Tuesday afternoon.")
    assert ("Marit Degen", "I've lived here forty years") in got, got
    assert ("sheriff's office", "Lisle Bend remains under a mandatory evacuation order") in got, got


def test_an_asserted_adverbial_clause_is_a_claim_of_its_own(splitter: SpacySplitter) -> None:
    """"… landed on Monday after the pilots reported smoke": the landing and
    the report of smoke are two facts, each a claim with the speaker of the
    sentence and its own span; the main claim no longer carries the reason."""
    text = ("A turboprop carrying 46 passengers made an emergency landing at Carrowby on Monday after the pilots "
            "reported smoke in the cabin, the airline said.")
    claims, _ = splitter.split_one(Article(id="t", source="Wire", text=text))
    got = [(c.speaker, c.text) for c in claims]
    assert ("airline", "the pilots reported smoke in the cabin") in got, got
    main = [c for c in claims if "emergency landing" in c.text]
    assert main and "smoke" not in main[0].text, got
    smoke = [c for c in claims if c.text == "the pilots reported smoke in the cabin"][0]
    assert text[smoke.start:smoke.end] == "the pilots reported smoke in the cabin"


@pytest.mark.parametrize("text, reason", [
    ("Halvard Motors is recalling 212,000 vehicles because a hose in the braking system can crack.",
     "A hose in the braking system can crack"),
    ("Although the brakes continue to work, stopping distances grow.", "The brakes continue to work"),
    ("Hundreds of schools closed as the strike entered its second day.", "The strike entered its second day"),
])
def test_reasons_and_concessions_are_claims(splitter: SpacySplitter, text: str, reason: str) -> None:
    got = [t for _, t in _claims(splitter, text)]
    assert reason in got, got


@pytest.mark.parametrize("text, kept", [
    # a forecast: what "as" introduces is part of what may happen
    ("Officials warned that the death toll may rise as rescuers reach remote villages.",
     "the death toll may rise as rescuers reach remote villages"),
    # "since" bounds a time; it is not split off
    ("The two groups have been rivals since Isis started its involvement in the war.",
     "The two groups have been rivals since Isis started its involvement in the war"),
    # a participle on a clause with a modal is part of what may be
    ("Apple may be looking into releasing smaller screens.", "Apple may be looking into releasing smaller screens"),
])
def test_hypothetical_and_time_bound_clauses_stay_whole(splitter: SpacySplitter, text: str, kept: str) -> None:
    got = [t for _, t in _claims(splitter, text)]
    assert kept in got, got


def test_a_part_after_including_is_a_claim(splitter: SpacySplitter) -> None:
    """"…212,000 cars worldwide, including about 38,000 sold at home": the
    total and the part are two facts."""
    got = [t for _, t in _claims(splitter, "The recall covers 212,000 cars worldwide, including about 38,000 "
                                           "vehicles sold in the domestic market.")]
    assert "The recall covers 212,000 cars worldwide" in got, got
    assert "Including about 38,000 vehicles sold in the domestic market" in got, got


def test_it_after_an_organisation_that_said_it_is_the_organisation(splitter: SpacySplitter) -> None:
    """"The board said it had opened an investigation" is the board's
    investigation; a dummy "it" ("it was unclear"), a passive "it" (the
    thing talked about) and "it" after a person stay as written."""
    got = _claims(splitter, "The national Transport Safety Board said it had opened an investigation. "
                            "The company said it was unclear when the plant would reopen. "
                            "The airline said it had been serviced in April. Reyka said it was a dream.")
    assert ("Transport Safety Board", "The national Transport Safety Board had opened an investigation") in got, got
    assert ("company", "it was unclear when the plant would reopen") in got, got
    assert ("airline", "it had been serviced in April") in got, got
    assert ("Reyka", "it was a dream") in got, got


def test_she_in_a_named_persons_sentence_is_that_person(splitter: SpacySplitter) -> None:
    """"Anneke Solberg said she expected …, though she cautioned …" in an
    article's first sentence: both statements are Solberg's, not nobody's."""
    got = _claims(splitter, "Regional fire chief Anneke Solberg said she expected the fire to be brought under "
                            "control by the end of the week, though she cautioned that a shift in the wind could "
                            "undo days of work.")
    assert ("Anneke Solberg", "a shift in the wind could undo days of work") in got, got
    assert all(s == "Anneke Solberg" for s, _ in got), got


@pytest.mark.parametrize("text, part", [
    ("The central bank lowered its key rate on Thursday, with the seven-member committee backing the cut by six "
     "votes to one.", "The seven-member committee backing the cut by six votes to one"),
    ("The decision was made by a 5-2 vote of the committee, with two members preferring to hold rates steady.",
     "Two members preferring to hold rates steady"),
])
def test_an_absolute_with_clause_is_a_claim(splitter: SpacySplitter, text: str, part: str) -> None:
    """", with X doing Y": someone doing something is a fact of its own; "with
    his wife" or "with a knife" is not split."""
    got = [t for _, t in _claims(splitter, text)]
    assert part in got, got
    assert not any(t.startswith("with") or t.startswith("With") for t in got), got
    kept = [t for _, t in _claims(splitter, "He left the house, with his wife. They attacked him with a knife.")]
    assert kept == ["He left the house, with his wife", "They attacked him with a knife"], kept


def test_a_past_event_after_a_forecast_is_a_claim(splitter: SpacySplitter) -> None:
    """"Homeowners will see relief after the bank lowered its rate": the cut
    happened, though the relief is to come; the comma left behind by a
    cut-out stretch gets no space before it."""
    got = [t for _, t in _claims(splitter, "Homeowners will see some relief after the bank lowered its key rate on "
                                           "Thursday, a move most economists had expected.")]
    assert "The bank lowered its key rate on Thursday" in got, got
    assert not any(" ," in t for t in got), got


def test_a_relative_clause_on_the_speaker_is_the_writers_claim(splitter: SpacySplitter) -> None:
    """"The water board, which shut its intake on Monday, said …": the shut-down
    is stated by the writer, not by the board, and must not be lost with the
    speaker's phrase."""
    text = ("The water board, which shut its river intake on Monday morning, said it would "
            "not reopen the intake for a week.")
    claims, _ = splitter.split_one(Article(id="t", source="Wire", text=text))
    got = [(c.speaker, c.text) for c in claims]
    assert (None, "The water board shut its river intake on Monday morning") in got
    assert ("water board", "The water board would not reopen the intake for a week") in got
    narrated = next(c for c in claims if c.speaker is None)
    assert text[narrated.start:narrated.end] == "which shut its river intake on Monday morning"
    assert [c.start for c in claims] == sorted(c.start for c in claims)


def test_a_second_relative_clause_names_the_antecedent(splitter: SpacySplitter) -> None:
    """"The bridge, which opened in 1998 and carries …": the second clause is
    about the bridge, not about "which"."""
    got = _claims(splitter, "The bridge, which opened in 1998 and carries 40,000 cars a day, "
                            "was closed on Monday.")
    assert (None, "The bridge carries 40,000 cars a day") in got
    assert not any(t.lower().startswith("which") for _, t in got)


def test_an_as_clause_in_the_past_perfect_is_a_claim(splitter: SpacySplitter) -> None:
    """"…, as the network had been reconfigured to bypass the substation": the
    reason is stated as a fact (a past participle with "had" asserts as a
    past tense does); "as expected" and a forecast stay whole."""
    got = _claims(splitter, "Nordvatt said no further outages were expected, as the network had been "
                            "reconfigured to bypass the substation.")
    assert ("Nordvatt", "no further outages were expected") in got
    assert ("Nordvatt", "the network had been reconfigured to bypass the substation") in got
    kept = _claims(splitter, "The deal will close once the board has approved it.")
    assert kept == [(None, "The deal will close once the board has approved it")]


def test_a_verb_misread_as_coordinated_keeps_its_own_subject(splitter: SpacySplitter) -> None:
    """"… searching gardens after seven of the baboons got out through a
    fence": the small parser coordinates "got out" with the main verb, which
    would make the keepers the ones who got out.  The noun phrase of "after"
    right before the verb is its subject, and the span covers it."""
    text = ("Keepers at Ashgrove Wildlife Park spent Sunday searching hedgerows and back gardens after seven "
            "of the park's Guinea baboons got out through a storm-damaged fence on Saturday.")
    claims, _ = splitter.split_one(Article(id="t", source="Wire", text=text))
    got = [(c.text, text[c.start:c.end]) for c in claims]
    assert ("Keepers at Ashgrove Wildlife Park spent Sunday searching hedgerows and back gardens",
            "Keepers at Ashgrove Wildlife Park spent Sunday searching hedgerows and back gardens") in got
    assert ("Seven of the park's Guinea baboons got out through a storm-damaged fence on Saturday",
            "seven of the park's Guinea baboons got out through a storm-damaged fence on Saturday") in got
    assert not any("Keepers" in t and "got out" in t for t, _ in got)
    # a real coordination still shares its subject
    claims, _ = splitter.split_one(Article(id="t", source="Wire", text="Police arrived after the fire and sealed "
                                                                       "off the street."))
    assert [c.text for c in claims] == ["Police arrived after the fire", "Police sealed off the street"]


def _participants(splitter: SpacySplitter, text: str, start: str) -> tuple[str, ...]:
    claims, _ = splitter.split_one(Article(id="t", source="Wire", text=text))
    (claim,) = [c for c in claims if c.text.startswith(start)]
    return claim.frame.participants


def test_a_pronoun_is_not_an_unnamed_speaker(splitter: SpacySplitter) -> None:
    """"Asked him to step aside, according to two officials familiar with the
    discussions": "him" is not the officials, and "familiar" is nobody."""
    text = ("Finance Minister Rasmus Kell had asked him to step aside at a meeting earlier this week, "
            "according to two officials familiar with the discussions.")
    assert _participants(splitter, text, "Finance Minister Rasmus Kell") == ("kell",)


def test_the_bare_role_is_not_the_deputy(splitter: SpacySplitter) -> None:
    """"The governor" is not "First Deputy Governor Lucia Brandvold"."""
    text = ("First Deputy Governor Lucia Brandvold will serve as acting governor. "
            "Finance Minister Rasmus Kell said he had not asked the governor to resign.")
    assert "brandvold" not in _participants(splitter, text, "Rasmus Kell")


def test_a_clause_joined_inside_a_parenthetical_attribution_is_kept(splitter: SpacySplitter) -> None:
    """"Eleven were taken to hospital, a spokeswoman confirmed, and three
    remained there overnight": the parse hangs the second clause on the
    reporting verb inside the attribution; it is a claim of the text and
    must not be dropped with the attribution."""
    got = _claims(splitter, "Eleven passengers were later taken to Carrowby General Hospital, a hospital "
                            "spokeswoman confirmed, and three remained there overnight for observation.")
    assert ("hospital spokeswoman", "Eleven passengers were later taken to Carrowby General Hospital") in got
    assert (None, "Three remained there overnight for observation") in got


@pytest.mark.parametrize("text, kept", [
    ("Water is being released from the reservoir, its director Aurel Demsky said on Sunday, after water was "
     "found escaping through a fissure in the dam wall on Saturday.",
     "Water was found escaping through a fissure in the dam wall on Saturday"),
    ("Passengers can expect trains to run normally next week after the company and the union shook hands on a "
     "new pay settlement on Thursday morning.",
     "The company and the union shook hands on a new pay settlement on Thursday morning"),
])
def test_a_clause_with_its_own_subject_on_the_reporting_verb_is_kept(splitter: SpacySplitter, text: str,
                                                                      kept: str) -> None:
    """A clause that says when or why of a report ("said on Sunday, after
    water was found escaping") is a claim of the text, without its "after"."""
    assert (None, kept) in _claims(splitter, text)
