"""claimcheck.dask against a real LocalCluster (two worker processes on
loopback): the same report as the single-machine path, the blocked
candidate search against the exact search, and errors raised on workers."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimcheck
import claimcheck.dask as cdask
from claimcheck import Article, HashingEncoder, Pipeline, Report
from claimcheck._match import candidate_pairs

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(processes=True, n_workers=2, threads_per_worker=1,
                                       host="127.0.0.1", dashboard_address=None)
    c = distributed.Client(cluster, set_as_default=False)  # client=None means in-process here
    try:
        yield c
    finally:
        c.close()
        cluster.close()


@pytest.fixture(scope="module")
def single(quake_articles: list[Article]) -> Report:
    """The single-machine report with the HashingEncoder."""
    return claimcheck.check(quake_articles, encoder=HashingEncoder())


def as_dict(a: Article) -> dict[str, Any]:
    return {"id": a.id, "source": a.source, "text": a.text, "title": a.title, "published": a.published,
            "url": a.url}


def contradiction_set(r: Report) -> set[tuple[str, str, str, str]]:
    return {(j.a, j.b, j.label, j.kind) for j in r.judgements if j.label in {"contradiction", "update"}}


# -- the whole pipeline on the cluster ---------------------------------------


def test_list_input_gives_the_single_machine_report(client: Any, quake_articles: list[Article],
                                                     single: Report) -> None:
    assert single.contradictions, "the example must have contradictions to compare"
    # reversed input and 3 partitions: order and partitioning must not matter
    report = cdask.check(list(reversed(quake_articles)), client=client, npartitions=3,
                         encoder=HashingEncoder())
    assert [c.id for c in report.claims] == [c.id for c in single.claims]
    assert contradiction_set(report) == contradiction_set(single)
    assert report.to_json() == single.to_json()


def test_bag_input_with_one_article_a_partition(client: Any, quake_articles: list[Article],
                                                single: Report) -> None:
    dicts = [as_dict(a) for a in quake_articles]
    random.Random(7).shuffle(dicts)
    bag = db.from_sequence(dicts, npartitions=len(dicts))
    report = cdask.check(bag, client=client, pipeline=Pipeline(encoder=HashingEncoder()))
    assert bag.npartitions == len(quake_articles)  # every block pair crosses partitions
    assert report.to_json() == single.to_json()


def quake_frame(quake_articles: list[Article]) -> Any:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    frame = pd.DataFrame([{**as_dict(a), "extra": 1} for a in quake_articles])
    frame.loc[0, "title"] = None  # a missing value becomes None, not NaN
    return dd.from_pandas(frame, npartitions=2)


def test_dataframe_input(quake_articles: list[Article], single: Report) -> None:
    """In this process (the workers would spend ~10 s importing pandas);
    the slow test below runs it on the cluster."""
    report = cdask.check(quake_frame(quake_articles), client=None, encoder=HashingEncoder())
    expected = claimcheck.check([attrs.evolve(a, title=None) if k == 0 else a
                                 for k, a in enumerate(quake_articles)], encoder=HashingEncoder())
    assert report.to_json() == expected.to_json()


@pytest.mark.slow
def test_dataframe_input_on_the_cluster(client: Any, quake_articles: list[Article]) -> None:
    report = cdask.check(quake_frame(quake_articles), client=client, encoder=HashingEncoder())
    expected = claimcheck.check([attrs.evolve(a, title=None) if k == 0 else a
                                 for k, a in enumerate(quake_articles)], encoder=HashingEncoder())
    assert report.to_json() == expected.to_json()


def test_without_a_client_runs_in_process(quake_articles: list[Article], single: Report) -> None:
    report = cdask.check(quake_articles, npartitions=2, encoder=HashingEncoder())
    assert report.to_json() == single.to_json()


def test_scheduler_address_string(client: Any, quake_articles: list[Article], single: Report) -> None:
    report = cdask.check(quake_articles[:2], client=client.scheduler.address, encoder=HashingEncoder())
    assert [a.id for a in report.articles] == sorted(a.id for a in quake_articles[:2])
    assert report.claims and {c.article for c in report.claims} <= {a.id for a in quake_articles[:2]}


def test_empty_and_skipped_input(client: Any) -> None:
    report = cdask.check(["", "   "], client=client, encoder=HashingEncoder())
    assert report.claims == () and report.judgements == ()
    assert [s.reason for s in report.skipped] == ["empty text", "empty text"]
    assert report.to_json() == claimcheck.check(["", "   "], encoder=HashingEncoder()).to_json()


# -- errors --------------------------------------------------------------------


def test_bad_article_on_a_worker_is_an_input_error(client: Any) -> None:
    bag = db.from_sequence([{"id": "a", "source": "W", "text": "Rain fell on Monday."},
                            {"id": "b", "source": "X"}], npartitions=2)
    with pytest.raises(claimcheck.InputError, match="missing the required field 'text'"):
        cdask.check(bag, client=client, encoder=HashingEncoder())


def test_duplicate_ids_across_partitions(client: Any) -> None:
    bag = db.from_sequence([{"id": "a", "source": "W", "text": "Rain fell on Monday."},
                            {"id": "a", "source": "X", "text": "Snow fell on Monday."}], npartitions=2)
    with pytest.raises(claimcheck.InputError, match="duplicate article id 'a'"):
        cdask.check(bag, client=client, encoder=HashingEncoder())


def test_model_that_cannot_load_on_a_worker_is_a_model_error(client: Any) -> None:
    pipeline = Pipeline(splitter=claimcheck.SpacySplitter(model="/nonexistent/claimcheck-spacy-model"),
                        encoder=HashingEncoder())
    with pytest.raises(claimcheck.ModelError, match="could not load the spaCy pipeline"):
        cdask.check(["Rain fell on Monday in the city."], client=client, pipeline=pipeline)


def test_bad_options() -> None:
    with pytest.raises(claimcheck.ConfigError, match="either pipeline"):
        cdask.check([], pipeline=Pipeline(encoder=HashingEncoder()), top_k=3)
    with pytest.raises(claimcheck.ConfigError, match="unknown or invalid option"):
        cdask.check([], no_such_option=1)
    with pytest.raises(claimcheck.ConfigError, match="npartitions"):
        cdask.check([], npartitions=0, encoder=HashingEncoder())
    with pytest.raises(claimcheck.ConfigError, match="client must be"):
        cdask.check([], client=42, encoder=HashingEncoder())
    with pytest.raises(claimcheck.InputError, match="Bag or DataFrame"):
        import dask.array as da

        cdask.check(da.zeros(3), encoder=HashingEncoder())


def test_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    with pytest.raises(cdask.DaskNotInstalledError, match=r"claimcheck\[dask\]") as info:
        cdask.check(["Rain fell."], encoder=HashingEncoder())
    assert isinstance(info.value, ImportError) and isinstance(info.value, claimcheck.ClaimcheckError)


def test_pipeline_is_shipped_without_loaded_models() -> None:
    enc = claimcheck.SentenceTransformerEncoder()
    enc._st = bytes(50_000_000)  # stands in for a loaded model
    spec = cdask._make_spec(Pipeline(encoder=enc))
    import cloudpickle

    assert len(cloudpickle.dumps(spec)) < 100_000
    assert spec.pipeline.encoder._st is None and enc._st is not None
    # the same configuration gives the same key, so workers reuse their loaded pipeline
    assert spec.token == cdask._make_spec(Pipeline(encoder=claimcheck.SentenceTransformerEncoder())).token
    assert spec.token != cdask._make_spec(Pipeline(encoder=claimcheck.SentenceTransformerEncoder(),
                                                   top_k=3)).token

    @attrs.define
    class Wrapper:  # an encoder wrapping another one (as CachedEncoder does)
        inner: claimcheck.SentenceTransformerEncoder

        def encode(self, texts: list[str]) -> Any:
            return self.inner.encode(texts)

    wrapped = cdask._make_spec(Pipeline(encoder=Wrapper(enc)))
    assert len(cloudpickle.dumps(wrapped)) < 100_000 and wrapped.pipeline.encoder.inner._st is None
    assert wrapped.pipeline.splitter.n_process == 1  # no spaCy processes inside a worker


# -- the blocked candidate search ------------------------------------------------


def reference_pairs(emb: np.ndarray[Any, Any], groups: list[int], threshold: float,
                    top_k: int) -> list[tuple[int, int, float]]:
    """The rule spelt out row by row, with float64 cosines."""
    e = emb.astype(np.float64)
    g = np.array(groups)
    keep: dict[tuple[int, int], float] = {}
    for i in range(len(e)):
        sims = np.round(e @ e[i], 6)
        cands = sorted((-float(sims[j]), j) for j in np.flatnonzero(g != g[i]).tolist())
        for neg, j in cands[:top_k]:
            if -neg >= threshold:
                keep[(min(i, j), max(i, j))] = -neg
    return sorted((i, j, s) for (i, j), s in keep.items())


@st.composite
def dyadic_vectors(draw: st.DrawFn) -> tuple[np.ndarray[Any, Any], list[int]]:
    """Unit rows with four entries of +-1/2: every cosine is a multiple of
    1/4, exact in any arithmetic, so ties are everywhere."""
    n = draw(st.integers(2, 40))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    emb = np.zeros((n, 8), dtype=np.float32)
    for r in range(n):
        emb[r, rng.choice(8, 4, replace=False)] = rng.choice([-0.5, 0.5], 4)
    groups = draw(st.lists(st.integers(0, 3), min_size=n, max_size=n))
    return emb, groups


@given(dyadic_vectors(), st.integers(1, 6), st.sampled_from([0.0, 0.25, 0.5, 1.0]), st.integers(1, 17))
def test_blocked_search_equals_candidate_pairs_with_ties(data: tuple[np.ndarray[Any, Any], list[int]], top_k: int,
                                                         threshold: float, block: int) -> None:
    emb, groups = data
    expected = candidate_pairs(emb, groups, threshold=threshold, top_k=top_k, search="exact")
    assert cdask.blocked_candidate_pairs(emb, groups, threshold=threshold, top_k=top_k, block=block) == expected


def test_blocked_search_on_random_vectors() -> None:
    rng = np.random.default_rng(3)
    centres = rng.normal(size=(12, 32))
    emb = (centres[rng.integers(0, 12, 300)] + rng.normal(size=(300, 32))).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    groups = rng.integers(0, 6, 300).tolist()
    got = {b: cdask.blocked_candidate_pairs(emb, groups, threshold=0.4, top_k=5, block=b) for b in (13, 64, 300)}
    assert len(got[300]) > 100
    assert all(v == got[300] for v in got.values())  # does not depend on the blocks
    assert got[300] == reference_pairs(emb, groups, 0.4, 5)
    # the single-machine search computes cosines in float32: the same pairs,
    # cosines equal to the last (6th) decimal
    exact = candidate_pairs(emb, groups, threshold=0.4, top_k=5, search="exact")
    assert [(i, j) for i, j, _ in exact] == [(i, j) for i, j, _ in got[300]]
    assert max(abs(a[2] - b[2]) for a, b in zip(exact, got[300])) <= 1.01e-6


def test_distributed_search_on_many_partitions(client: Any) -> None:
    """Many small partitions, claims of several sources: the cluster's
    block pairs and tree merge give the pairs of the one-process search."""
    texts = [f"The {w} rose by {n} points in {p} on Monday" for w in ("index", "price", "toll", "rate")
             for n in (3, 4) for p in ("Askeli", "Velmar", "Orvan")]
    arts = [{"id": f"a{k:02d}", "source": f"S{k % 5}", "text": t + "."} for k, t in enumerate(texts)]
    pipeline = Pipeline(encoder=HashingEncoder(dim=64), top_k=3, topic_threshold=0.2)
    report = cdask.check(arts, client=client, npartitions=6, pipeline=pipeline)
    one = claimcheck.check(arts, encoder=HashingEncoder(dim=64), top_k=3, topic_threshold=0.2)
    assert len(report.claims) == len(texts)
    assert report.to_json() == one.to_json()


def test_search_rejects_bad_arguments() -> None:
    e = np.eye(3, dtype=np.float32)
    with pytest.raises(claimcheck.ConfigError):
        cdask.blocked_candidate_pairs(e, [0, 1, 2], threshold=0.5, top_k=0)
    with pytest.raises(claimcheck.ConfigError):
        cdask.blocked_candidate_pairs(e, [0, 1, 2], threshold=0.5, top_k=1, block=0)
    with pytest.raises(claimcheck.InputError):
        cdask.blocked_candidate_pairs(e, [0, 1], threshold=0.5, top_k=1)


# -- the real encoder ------------------------------------------------------------


@pytest.mark.slow
def test_real_encoder_same_contradictions(client: Any, quake_articles: list[Article], quake_report: Report) -> None:
    report = cdask.check(quake_articles, client=client, npartitions=2)
    assert [c.id for c in report.claims] == [c.id for c in quake_report.claims]
    assert contradiction_set(report) == contradiction_set(quake_report)
    assert len(report.clusters) == len(quake_report.clusters)


def test_figure_pairs_are_found_as_on_one_machine() -> None:
    """Pairs that give one distinctive figure ("about 6,800 hectares") are
    added after the blocked search, as Pipeline.find_pairs adds them."""
    arts = [
        Article(id="wire", source="Wire", text="The Halden fire has since scorched about 6,800 hectares of pine "
                                               "forest and scrubland near the coast."),
        Article(id="ledger", source="Ledger", text="By Tuesday morning it had consumed some 6,800 hectares, an "
                                                   "area larger than the town itself."),
    ]
    single = claimcheck.check(arts, encoder=HashingEncoder())
    assert any("worded apart" in j.reason for j in single.judgements)
    report = cdask.check(arts, npartitions=2, encoder=HashingEncoder())
    assert report.to_json() == single.to_json()
