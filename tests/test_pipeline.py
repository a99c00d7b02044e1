"""Pipeline-level properties with the real spaCy splitter and the
deterministic HashingEncoder (no sentence-transformers model)."""

from __future__ import annotations

import json
import random
import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import any_text, article_lists, article_texts, mixed_text

from claimcheck import (
    Article,
    ClaimcheckError,
    ConfigError,
    HashingEncoder,
    Pipeline,
    Report,
    SpacySplitter,
    Splitter,
    check,
)
from claimcheck._text import prepare

# pipeline runs are slow-ish: half the profile's budget (25 by default, more with HYPOTHESIS_PROFILE=thorough)
PIPELINE_SETTINGS = settings(max_examples=max(25, settings.default.max_examples // 2), deadline=None)
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _is_subsequence(needle: list[str], hay: list[str]) -> bool:
    it = iter(hay)
    return all(w in it for w in needle)


def _contiguous_in(needle: list[str], hay: list[str]) -> bool:
    n = len(needle)
    return n == 0 or any(hay[k:k + n] == needle for k in range(len(hay) - n + 1))


def _no_nan_json(text: str) -> object:
    def refuse(name: str) -> object:
        raise AssertionError(f"non-finite number {name} in JSON")
    return json.loads(text, parse_constant=refuse)


def assert_claims_are_anchored(report: Report, min_words: int = 3) -> None:
    """Every claim's span lies inside its article, and its text is rendered from that span.

    The splitter renders a claim from tokens inside ``text[start:end]`` (in
    order, some left out) and may put a carried-over subject in front, taken
    from the same sentence.  So the words of the claim are: a prefix that is a
    contiguous run of the article's words, then a subsequence of the span's words.
    """
    by_id = {a.id: a for a in report.articles}
    for c in report.claims:
        art = by_id[c.article]
        assert c.source == art.source
        assert 0 <= c.start < c.end <= len(art.text), c
        span = art.text[c.start:c.end]
        assert span.strip() == span, (c.id, span)
        words, span_words = _words(c.text), _words(span)
        # smallest p such that words[p:] is a subsequence of the span's words
        p = 0
        while not _is_subsequence(words[p:], span_words):
            p += 1
        # with a carried-over subject the span may be shorter ("... and needs
        # repairs"), but never a bare word ("The earthquake flattening")
        assert len(words) - p >= (min_words if p == 0 else 2), (c.text, span)
        assert _contiguous_in(words[:p], _words(prepare(art.text).text)), (c.text, span)
        assert words[-1] == span_words[-1], (c.text, span)


@PIPELINE_SETTINGS
@given(article_lists())
def test_claims_are_anchored_in_their_articles(arts: list[dict[str, object]]) -> None:
    """Each claim has 0 <= start < end <= len(text), and its words come from its span (plus a carried subject)."""
    report = Pipeline(encoder=HashingEncoder()).run(arts)
    assert_claims_are_anchored(report)


@PIPELINE_SETTINGS
@given(article_lists(min_size=2, max_size=4), st.randoms())
def test_article_order_does_not_matter(arts: list[dict[str, object]], rnd: random.Random) -> None:
    """Reversing or shuffling the input articles gives byte-identical JSON."""
    p = Pipeline(encoder=HashingEncoder())
    base = p.run(arts).to_json()
    assert p.run(arts[::-1]).to_json() == base
    shuffled = list(arts)
    rnd.shuffle(shuffled)
    assert p.run(shuffled).to_json() == base


@PIPELINE_SETTINGS
@given(st.lists(article_texts(), min_size=2, max_size=3, unique=True), st.randoms())
def test_plain_string_order_does_not_matter(texts: list[str], rnd: random.Random) -> None:
    """Plain-string articles give the same report in any order (their ids come from their text)."""
    p = Pipeline(encoder=HashingEncoder())
    shuffled = list(texts)
    rnd.shuffle(shuffled)
    assert p.run(shuffled).to_json() == p.run(texts).to_json()


@PIPELINE_SETTINGS
@given(article_lists())
def test_same_input_twice_gives_identical_json(arts: list[dict[str, object]]) -> None:
    """Running the same input twice gives identical JSON."""
    assert check(arts, encoder=HashingEncoder()).to_json() == check(arts, encoder=HashingEncoder()).to_json()


@PIPELINE_SETTINGS
@given(article_lists(min_size=2))
def test_report_is_consistent(arts: list[dict[str, object]]) -> None:
    """Judgements are unique per unordered pair of claims from different voices; clusters partition
    the claims and never hold a contradiction; the graph mirrors claims and contradictions; no NaN."""
    report = Pipeline(encoder=HashingEncoder()).run(arts)
    ids = [c.id for c in report.claims]
    assert len(set(ids)) == len(ids)
    claim = {c.id: c for c in report.claims}

    pairs = [frozenset((j.a, j.b)) for j in report.judgements]
    assert len(set(pairs)) == len(pairs)
    for j in report.judgements:
        assert j.a != j.b and j.a in claim and j.b in claim
        ca, cb = claim[j.a], claim[j.b]
        assert (ca.source, ca.speaker or "") != (cb.source, cb.speaker or "")
    contra = [frozenset((j.a, j.b)) for j in report.contradictions]
    assert len(set(contra)) == len(contra)
    assert [j.score for j in report.contradictions] == sorted((j.score for j in report.contradictions), reverse=True)

    members = [m for cl in report.clusters for m in cl.claims]
    assert sorted(members) == sorted(ids)
    cluster_of = {m: cl.id for cl in report.clusters for m in cl.claims}
    for j in report.judgements:
        if j.label in {"contradiction", "update"}:
            assert cluster_of[j.a] != cluster_of[j.b]
    for cl in report.clusters:
        assert cl.representative in cl.claims
        assert cl.sources == tuple(sorted({claim[m].source for m in cl.claims}))

    g = report.graph
    assert {n for n, d in g.nodes(data=True) if d["kind"] == "claim"} == set(ids)
    assert all(g.nodes[c.id]["cluster"] == cluster_of[c.id] for c in report.claims)
    relation = {"contradiction": "contradicts", "update": "update", "entailment": "paraphrase"}
    want_edges = {(j.a, j.b, relation[j.label]) for j in report.judgements if j.label in relation}
    assert {(a, b, k) for a, b, k in g.edges(keys=True) if k in set(relation.values())} == want_edges
    assert all(j.label == "update" for j in report.updates)

    texts = {a.id: a.text for a in report.articles}
    for sk in report.skipped:
        assert sk.article in texts
        if sk.start is not None:
            assert sk.end is not None and 0 <= sk.start < sk.end <= len(texts[sk.article])

    d = _no_nan_json(report.to_json())
    assert isinstance(d, dict)
    assert d["summary"]["contradictions"] == len(report.contradictions) == len(d["contradictions"])
    assert d["summary"]["claims"] == len(d["claims"])
    assert {a["id"] for a in d["articles"]} == {a["id"] for a in arts}


@PIPELINE_SETTINGS
@given(st.lists(st.one_of(any_text, mixed_text), min_size=1, max_size=3))
def test_arbitrary_text_never_crashes(texts: list[str]) -> None:
    """Arbitrary article bodies give a valid report (or a ClaimcheckError), never another exception."""
    arts = [{"id": f"a{k}", "source": f"S{k % 2}", "text": t} for k, t in enumerate(texts)]
    try:
        report = check(arts, encoder=HashingEncoder())
    except ClaimcheckError:
        return
    for c in report.claims:
        text = next(a.text for a in report.articles if a.id == c.article)
        assert 0 <= c.start < c.end <= len(text)
        assert c.text == c.text.strip() and c.text
    _no_nan_json(report.to_json())
    assert report.to_text()


def test_same_source_different_articles_get_distinct_claim_ids(hashing_pipeline: Pipeline) -> None:
    """Claim ids are '<article id>:<n>' and unique across articles."""
    text = "Officials said 40 people died in the flood on Monday."
    r = hashing_pipeline.run([{"id": "a", "source": "Wire", "text": text},
                              {"id": "b", "source": "Wire", "text": text}])
    assert [c.id for c in r.claims] == ["a:0", "b:0"]
    assert r.judgements == ()  # same source and speaker are never compared


@pytest.mark.parametrize("blank", ["", "   ", "\n\n\t"])
def test_empty_article_is_skipped(hashing_pipeline: Pipeline, blank: str) -> None:
    """An empty or blank article is reported as skipped with reason "empty text", and the rest still runs."""
    full = "Officials said 40 people died in the flood."
    r = hashing_pipeline.run([{"id": "empty", "source": "Wire", "text": blank},
                              {"id": "full", "source": "Herald", "text": full}])
    status = {a["id"]: a for a in r.to_dict()["articles"]}
    assert status["empty"]["status"] == "skipped"
    assert status["empty"]["reason"] == "empty text"
    assert status["full"]["status"] == "processed"
    assert [c.article for c in r.claims] == ["full"]
    assert "skipped article 'empty': empty text" in r.to_text()


def test_article_without_claims_is_skipped(hashing_pipeline: Pipeline) -> None:
    """An article that yields no claims (only furniture) says so in the report."""
    r = hashing_pipeline.run([{"id": "u", "text": "https://example.org/a\nhttps://t.me/b\n"}])
    assert r.claims == ()
    assert r.to_dict()["articles"][0]["reason"] == "no claims found in the text"
    assert {s.reason for s in r.skipped if s.what == "text"} == {"url"}


def test_empty_input_gives_empty_report(hashing_pipeline: Pipeline) -> None:
    """check([]) returns an empty report whose JSON has empty lists and zero counts."""
    r = hashing_pipeline.run([])
    d = r.to_dict()
    assert d["articles"] == d["claims"] == d["clusters"] == d["contradictions"] == []
    assert d["summary"]["claims"] == 0 and d["summary"]["contradictions"] == 0
    assert r.graph.number_of_nodes() == 0
    assert "No claims were found" in r.to_text()


def test_over_long_article_is_cut_at_the_limit() -> None:
    """Past max_chars an article is analysed only up to the limit, and the rest is reported by span."""
    text = "Officials said 40 people died in the flood. " * 5
    r = check([{"id": "long", "text": text}], encoder=HashingEncoder(), max_chars=50)
    [s] = [s for s in r.skipped if "max_chars=50" in s.reason]
    assert s.start is not None and s.start <= 50 and s.end == len(text)
    assert all(c.end <= s.start for c in r.claims)


def test_claims_limit_is_reported() -> None:
    """Claims past max_claims_per_article are dropped and the drop is reported."""
    text = " ".join(f"Officials said {k} people died in the flood in Askeli." for k in range(2, 8))
    r = check([{"id": "a", "text": text}], encoder=HashingEncoder(),
              splitter=SpacySplitter(max_claims_per_article=2))
    assert len(r.claims) == 2
    assert any("max_claims_per_article=2" in s.reason for s in r.skipped)


def test_furniture_never_becomes_a_claim(hashing_pipeline: Pipeline) -> None:
    """URLs, "Related article" lines and bylines are skipped, never turned into claims."""
    text = ("By Jane Doe\n\nOfficials said 40 people died in the flood in Askeli on Monday.\n\n"
            "Related article: Why Stone Villages Fall Down\n\nhttps://example.org/live/flood\n\n"
            "The governor said rescuers had reached the town by Tuesday.")
    r = hashing_pipeline.run([{"id": "a", "source": "Wire", "text": text}])
    assert len(r.claims) >= 2
    for c in r.claims:
        span = text[c.start:c.end]
        for junk in ("Jane Doe", "Related article", "Stone Villages", "http", "example.org"):
            assert junk not in c.text and junk not in span
    reasons = {s.reason for s in r.skipped if s.what == "text"}
    assert {"url", "page furniture"} <= reasons


def test_numeric_contradiction_found_end_to_end() -> None:
    """Two outlets giving 40 vs 12 dead for the same flood are flagged as a numeric contradiction."""
    r = check([{"id": "a", "source": "Wire", "text": "Officials said 40 people died in the flood in Askeli."},
               {"id": "b", "source": "Herald", "text": "Officials said 12 people died in the flood in Askeli."}],
              encoder=HashingEncoder())
    [j] = r.contradictions
    assert j.kind == "numeric"
    assert {r.claim(j.a).source, r.claim(j.b).source} == {"Wire", "Herald"}
    assert "40" in j.reason and "12" in j.reason


@pytest.mark.parametrize("options", [{"topic_threshold": 1.5}, {"topic_threshold": -0.1}, {"top_k": 0},
                                     {"max_chars": 0}, {"no_such_option": 1}])
def test_bad_options_raise_config_error(options: dict[str, object]) -> None:
    """Out-of-range or unknown options raise ConfigError before any work is done."""
    with pytest.raises(ConfigError):
        check([], encoder=HashingEncoder(), **options)


def test_wrong_row_count_from_encoder_is_a_model_error() -> None:
    """An encoder that returns the wrong number of rows raises ModelError."""
    from claimcheck import ModelError

    class Short(HashingEncoder):
        def encode(self, texts):  # type: ignore[no-untyped-def]
            return super().encode(list(texts)[:-1])

    with pytest.raises(ModelError):
        check([{"id": "a", "text": "Officials said 40 people died in the flood."}], encoder=Short())


def test_custom_splitter_is_used() -> None:
    """A Splitter passed to check() replaces the spaCy splitter."""
    from claimcheck import Claim

    @attrs.define
    class OneClaim:
        def split(self, articles):  # type: ignore[no-untyped-def]
            return [([Claim(id=f"{a.id}:0", article=a.id, source=a.source, speaker=None, text=a.text,
                            start=0, end=len(a.text))], []) for a in articles]

    assert isinstance(OneClaim(), Splitter)
    r = check([Article(id="x", source="X", text="Rain fell."), Article(id="y", source="Y", text="Rain fell.")],
              encoder=HashingEncoder(), splitter=OneClaim())
    assert [c.text for c in r.claims] == ["Rain fell.", "Rain fell."]
    [j] = r.judgements
    assert j.label == "entailment"
    [cl] = r.clusters
    assert cl.claims == ("x:0", "y:0")


@PIPELINE_SETTINGS
@given(article_lists(min_size=2, max_size=3))
def test_splitter_output_does_not_depend_on_the_batch(arts: list[dict[str, object]]) -> None:
    """An article's claims and skips are the same whether it is split alone or with others (ids stable)."""
    from claimcheck import coerce_articles

    splitter = SpacySplitter()
    articles = coerce_articles(arts)
    together = splitter.split(articles)
    assert len(together) == len(articles)
    for art, result in zip(articles, together):
        assert splitter.split_one(art) == result
        assert all(c.id == f"{art.id}:{k}" for k, c in enumerate(result[0]))


def test_bad_html_option_is_a_config_error_and_search_is_recorded() -> None:
    """A wrong ``html=`` names the allowed values in claimcheck's own error; the report records ``search``."""
    import pytest as _pytest

    from claimcheck import ConfigError, HashingEncoder, Pipeline

    with _pytest.raises(ConfigError, match="strip, reject, keep"):
        Pipeline(encoder=HashingEncoder(), html="drop")
    r = Pipeline(encoder=HashingEncoder(), search="exact").run(["Rain fell on Monday in the capital."])
    assert r.options["search"] == "exact"


def test_claims_giving_one_distinctive_figure_are_paired_and_clustered() -> None:
    """"scorched about 6,800 hectares" and "it had consumed some 6,800
    hectares" are worded too far apart for the embedding search, but the
    same figure of the same unit from two outlets is one fact; a figure of
    another unit, or another figure, stays apart."""
    arts = [
        {"id": "wire", "source": "Wire", "text": "The Halden fire has since scorched about 6,800 hectares of pine "
                                                 "forest and scrubland near the coast."},
        {"id": "ledger", "source": "Ledger", "text": "By Tuesday morning it had consumed some 6,800 hectares, an "
                                                     "area larger than the town itself."},
        {"id": "post", "source": "Post", "text": "Insurers expect about 6,800 claims from owners of damaged "
                                                 "cabins along the river."},
    ]
    report = Pipeline(encoder=HashingEncoder()).run(arts)
    by_article = {c.article: c.id for c in report.claims if "6,800" in c.text}
    together = [cl for cl in report.clusters if by_article["wire"] in cl.claims]
    assert together and by_article["ledger"] in together[0].claims, report.clusters
    assert by_article["post"] not in together[0].claims


def test_a_bare_verb_with_a_borrowed_subject_is_no_claim() -> None:
    """Hypothesis found this: the parser gives "at least two people" to "said",
    so the clause "flattening" keeps one word of its own, and "The earthquake
    flattening" was emitted as a claim."""
    text = ("The earthquake struck Askeli on Monday afternoon, flattening at least two people, "
            "a spokeswoman for the agency said.")
    report = Pipeline(encoder=HashingEncoder()).run([{"id": "a-0", "source": "Northern Wire", "text": text}])
    assert "The earthquake flattening" not in [c.text for c in report.claims]
    assert_claims_are_anchored(report)
