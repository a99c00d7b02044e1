"""The graph schema (docs/graph.md), the queries on Report and the graph exports."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

import claimcheck
from claimcheck import GRAPH_SCHEMA, Pipeline, Report
from claimcheck.testing import FakeEncoder

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

NODE_ATTRS = {
    "source": {"kind", "name"},
    "article": {"kind", "source", "title", "published", "url"},
    "claim": {"kind", "article", "source", "speaker", "voice", "text", "start", "end", "cluster",
              "polarity", "modality"},
    "cluster": {"kind", "size", "sources", "representative", "cohesion"},
}
EDGE_ATTRS = {
    "asserts": {"relation", "speaker"},
    "in_article": {"relation"},
    "in_cluster": {"relation"},
}
JUDGED_ATTRS = {"relation", "label", "score", "kind", "reason", "similarity", "evidence_a", "evidence_b"}
RELATION = {"contradiction": "contradicts", "entailment": "paraphrase", "update": "update"}


@pytest.fixture(scope="module")
def quake_fake(quake_articles: list[claimcheck.Article]) -> Report:
    return Pipeline(encoder=FakeEncoder()).run(quake_articles)


def _check_schema(report: Report) -> None:
    g = report.graph
    assert isinstance(g, nx.MultiDiGraph) and g.graph["schema"] == GRAPH_SCHEMA
    for n, d in g.nodes(data=True):
        assert set(d) == NODE_ATTRS[d["kind"]], (n, d)
        assert all(isinstance(v, (str, int, float, bool)) for v in d.values()), (n, d)
    for u, v, k, d in g.edges(keys=True, data=True):
        assert k == d["relation"]
        assert set(d) == EDGE_ATTRS.get(d["relation"], JUDGED_ATTRS), (u, v, d)
        assert all(isinstance(x, (str, int, float, bool)) for x in d.values()), (u, v, d)
    kinds = Counter(d["kind"] for _, d in g.nodes(data=True))
    assert kinds["claim"] == len(report.claims) and kinds["cluster"] == len(report.clusters)
    assert kinds["article"] == len(report.articles)
    assert kinds["source"] == len({a.source for a in report.articles})
    for a in report.articles:
        node = g.nodes[f"article:{a.id}"]
        assert (node["title"], node["url"]) == (a.title or "", a.url or "")
        assert node["published"] == (a.published.isoformat() if a.published else "")
    for c in report.claims:
        assert g.has_edge(f"source:{c.source}", c.id, key="asserts")
        assert g.has_edge(c.id, f"article:{c.article}", key="in_article")
        assert g.nodes[c.id]["speaker"] == (c.speaker or "") and g.nodes[c.id]["voice"] == c.voice
    judged = {(u, v, d["relation"]) for u, v, d in g.edges(data=True) if set(d) == JUDGED_ATTRS}
    assert judged == {(j.a, j.b, RELATION[j.label]) for j in report.judgements if j.label in RELATION}


def test_schema_on_the_seed(seed_report: Report) -> None:
    """The real-model seed report's graph has exactly the documented node and edge attributes."""
    _check_schema(seed_report)
    contradicts = [(u, v) for u, v, k in seed_report.graph.edges(keys=True) if k == "contradicts"]
    assert len(contradicts) == len(seed_report.contradictions) >= 1


def test_schema_with_fake_encoder(quake_fake: Report) -> None:
    """The schema holds with the model-free encoder on the quake example too."""
    _check_schema(quake_fake)


def test_empty_report_has_an_empty_graph() -> None:
    r = Pipeline(encoder=FakeEncoder()).run([])
    assert r.graph.number_of_nodes() == 0 and r.disagreement_matrix() == {}


def test_queries_on_the_seed(seed_report: Report) -> None:
    """Trump's and Putin's contradicting claims show up in every query."""
    voices = seed_report.disagreement_matrix(by="voice")
    assert voices[("Donald Trump", "Vladimir Putin")] == voices[("Vladimir Putin", "Donald Trump")] >= 1
    sources = seed_report.disagreement_matrix()
    assert sources == {("The Moscow Times", "The Moscow Times"): len(seed_report.contradictions)}
    putin = seed_report.claims_by_speaker("PUTIN")
    assert putin and all("putin" in (c.speaker or "").lower() for c in putin)
    hit = seed_report.contradicted("vladimir putin")
    assert hit and all(c.speaker == "Vladimir Putin" and j.is_contradiction for c, j in hit)
    assert any("still far off" in j.reason for _, j in hit)
    by_cluster = seed_report.contradictions_by_cluster()
    cluster_of = {m: cl.id for cl in seed_report.clusters for m in cl.claims}
    for j in seed_report.contradictions:
        assert j in by_cluster[cluster_of[j.a]] and j in by_cluster[cluster_of[j.b]]
    with pytest.raises(claimcheck.ConfigError):
        seed_report.disagreement_matrix(by="speaker")  # type: ignore[arg-type]


def test_disagreement_matrix_is_symmetric(quake_fake: Report) -> None:
    for by in ("source", "voice"):
        m = quake_fake.disagreement_matrix(by=by)  # type: ignore[arg-type]
        assert all(m[(y, x)] == n for (x, y), n in m.items())


def test_node_link_round_trip(seed_report: Report) -> None:
    data = json.loads(json.dumps(seed_report.to_node_link(), allow_nan=False))
    assert {"nodes", "edges", "directed", "multigraph"} <= set(data)
    h = claimcheck.from_node_link(data)
    assert isinstance(h, nx.MultiDiGraph) and nx.utils.graphs_equal(h, seed_report.graph)
    assert list(h.edges(keys=True, data=True)) == list(seed_report.graph.edges(keys=True, data=True))


def test_graphml_round_trip(quake_fake: Report, tmp_path: Path) -> None:
    path = tmp_path / "out" / "g.graphml"
    quake_fake.write_graphml(path)
    h = nx.read_graphml(path, force_multigraph=True)
    g = quake_fake.graph
    assert (h.number_of_nodes(), h.number_of_edges()) == (g.number_of_nodes(), g.number_of_edges())
    assert dict(h.nodes(data=True)) == dict(g.nodes(data=True))
    assert sorted((u, v, k, sorted(d.items())) for u, v, k, d in h.edges(keys=True, data=True)) == \
        sorted((u, v, k, sorted(d.items())) for u, v, k, d in g.edges(keys=True, data=True))
    assert [p.name for p in path.parent.iterdir()] == ["g.graphml"]


def test_gexf_round_trip(seed_report: Report, tmp_path: Path) -> None:
    path = tmp_path / "g.gexf"
    seed_report.write_gexf(path)
    h = nx.read_gexf(path)
    g = seed_report.graph
    assert (h.number_of_nodes(), h.number_of_edges()) == (g.number_of_nodes(), g.number_of_edges())
    for n, d in g.nodes(data=True):
        back = dict(h.nodes[n])
        assert back.pop("label")
        if d["kind"] == "claim":
            back["start"], back["end"] = back.pop("char_start"), back.pop("char_end")
        assert back == d
    def edges(graph: nx.Graph) -> list[tuple[str, str, list[tuple[str, object]]]]:
        return sorted((u, v, sorted((k, x) for k, x in d.items() if k != "id")) for u, v, d in graph.edges(data=True))
    assert edges(h) == edges(g)


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "html"])
def test_cli_formats(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                     capsys: pytest.CaptureFixture[str]) -> None:
    """`--format graphml|gexf|html` writes to stdout, or atomically to -o FILE."""
    import claimcheck.cli as cli

    monkeypatch.setattr(cli, "Pipeline", lambda **o: claimcheck.Pipeline(**{"encoder": FakeEncoder(), **o}))
    assert cli.main(["check", str(EXAMPLES / "quake.jsonl"), "--format", fmt]) == 0
    out = capsys.readouterr().out
    target = tmp_path / f"report.{fmt}"
    assert cli.main(["check", str(EXAMPLES / "quake.jsonl"), "--format", fmt, "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert target.read_text(encoding="utf-8") == out
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    if fmt == "html":
        assert out.startswith("<!DOCTYPE html>")
    else:
        g = nx.read_graphml(target, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(target)
        assert g.number_of_nodes() > 0
