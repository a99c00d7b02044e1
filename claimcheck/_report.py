"""The result of a run: claims, clusters, contradictions and the graph."""

from __future__ import annotations

import json
import math
import textwrap
from pathlib import Path
from typing import Any, Literal

import attrs
import networkx as nx

from ._types import Article, Claim, Cluster, Judgement, Skipped
from .errors import ConfigError

__all__ = ["GRAPH_SCHEMA", "Report", "build_graph"]


#: Value of ``graph.graph["schema"]`` for graphs made by :func:`build_graph`.
GRAPH_SCHEMA = "claimcheck-graph/1"

#: Edge relation for each judgement label that gets an edge.
RELATION_OF_LABEL = {"entailment": "paraphrase", "contradiction": "contradicts", "update": "update"}


def _finite(x: float | None) -> float:
    """A float for a graph attribute: ``None`` and NaN/inf become 0.0."""
    if x is None or not math.isfinite(x):
        return 0.0
    return float(x)


def build_graph(
    claims: tuple[Claim, ...],
    clusters: tuple[Cluster, ...],
    judgements: tuple[Judgement, ...],
    articles: tuple[Article, ...] = (),
) -> nx.MultiDiGraph:
    """The report as a directed multigraph (schema in ``docs/graph.md``).

    Nodes have ``kind`` ``"source"`` (id ``source:<name>``), ``"article"``
    (id ``article:<id>``), ``"claim"`` (the claim id) or ``"cluster"``
    (the cluster id).  Edges have ``relation``: ``"asserts"`` (source to
    claim), ``"in_article"`` and ``"in_cluster"`` (claim to article and
    cluster), and ``"paraphrase"``, ``"contradicts"`` and ``"update"``
    (claim to claim, in the direction of the judgement's ``a -> b``).
    Edge keys are the relation names.  Every attribute is a str, int,
    float or bool, so the graph can be written as GraphML or GEXF.

    When ``articles`` is empty, article nodes are made from the claims
    (with empty ``title`` and ``url``).
    """
    g = nx.MultiDiGraph(schema=GRAPH_SCHEMA, complete=bool(articles))
    arts: dict[str, tuple[str, str, str, str]] = {}
    for a in articles:
        arts[a.id] = (a.source, a.title or "", a.published.isoformat() if a.published else "", a.url or "")
    for c in claims:
        arts.setdefault(c.article, (c.source, "", c.published.isoformat() if c.published else "", ""))
    for name in sorted({v[0] for v in arts.values()} | {c.source for c in claims}):
        g.add_node(f"source:{name}", kind="source", name=name)
    for aid in sorted(arts):
        source, title, published, url = arts[aid]
        g.add_node(f"article:{aid}", kind="article", source=source, title=title,
                   published=published, url=url)
    for cl in clusters:
        g.add_node(cl.id, kind="cluster", size=len(cl.claims), sources=", ".join(cl.sources),
                   representative=cl.representative, cohesion=_finite(cl.cohesion))
    cluster_of = {cid: cl.id for cl in clusters for cid in cl.claims}
    for c in claims:
        g.add_node(c.id, kind="claim", article=c.article, source=c.source,
                   speaker=c.speaker or "", voice=c.voice, text=c.text,
                   start=c.start, end=c.end, cluster=cluster_of.get(c.id, ""),
                   polarity="negative" if c.frame.negated else "positive",
                   modality=c.frame.modality)
    for c in claims:
        g.add_edge(f"source:{c.source}", c.id, key="asserts", relation="asserts",
                   speaker=c.speaker or "")
        g.add_edge(c.id, f"article:{c.article}", key="in_article", relation="in_article")
        if c.id in cluster_of:
            g.add_edge(c.id, cluster_of[c.id], key="in_cluster", relation="in_cluster")
    for j in judgements:
        relation = RELATION_OF_LABEL.get(j.label)
        if relation is None or j.a not in g or j.b not in g:
            continue
        ev_a, ev_b = j.evidence if j.evidence else ("", "")
        g.add_edge(j.a, j.b, key=relation, relation=relation, label=j.label,
                   score=_finite(j.score), kind=j.kind, reason=j.reason,
                   similarity=_finite(j.similarity), evidence_a=ev_a, evidence_b=ev_b)
    return g


@attrs.frozen(eq=False)
class Report:
    """What :func:`claimcheck.check` found.

    ``contradictions`` are the judgements labelled ``contradiction``,
    strongest first; ``judgements`` holds every pair that was judged.
    ``skipped`` says what was left out (page furniture, empty articles,
    limits reached).
    """

    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    clusters: tuple[Cluster, ...]
    judgements: tuple[Judgement, ...]
    skipped: tuple[Skipped, ...]
    graph: nx.Graph
    options: dict[str, Any] = attrs.field(factory=dict)

    @property
    def contradictions(self) -> tuple[Judgement, ...]:
        """Judged pairs labelled ``contradiction``, strongest first."""
        return tuple(sorted((j for j in self.judgements if j.label == "contradiction"),
                            key=lambda j: (-j.score, j.a, j.b)))

    @property
    def updates(self) -> tuple[Judgement, ...]:
        """Pairs where a later report supersedes an earlier one."""
        return tuple(j for j in self.judgements if j.label == "update")

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.articles)

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id (``KeyError`` if there is none)."""
        return self._claim_index()[claim_id]

    def _claim_index(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    # -- queries -----------------------------------------------------------

    def contradictions_by_cluster(self) -> dict[str, list[Judgement]]:
        """Contradictions grouped by the cluster of each side.

        A contradiction joins two claims from different clusters, so it is
        listed under both clusters.  Only clusters with at least one
        contradiction appear, in report order; each list is strongest
        first.  Example: ``for cid, js in report.contradictions_by_cluster().items():
        print(cid, len(js))``.
        """
        cluster_of = {m: cl.id for cl in self.clusters for m in cl.claims}
        found: dict[str, list[Judgement]] = {}
        for j in self.contradictions:
            for cid in dict.fromkeys((cluster_of.get(j.a), cluster_of.get(j.b))):
                if cid is not None:
                    found.setdefault(cid, []).append(j)
        return {cl.id: found[cl.id] for cl in self.clusters if cl.id in found}

    def disagreement_matrix(self, by: Literal["source", "voice"] = "source") -> dict[tuple[str, str], int]:
        """How often each pair of outlets (``by="source"``) or of voices
        (``by="voice"``: the speaker, else the outlet) contradict each other.

        The matrix is symmetric: ``m[x, y] == m[y, x]``; a contradiction
        between two speakers quoted by the same outlet counts once on the
        diagonal ``m[x, x]`` when ``by="source"``.  Pairs that never
        disagree are absent.  Example:
        ``report.disagreement_matrix(by="voice").get(("Donald Trump", "Vladimir Putin"), 0)``.
        """
        if by not in ("source", "voice"):
            raise ConfigError(f'by must be "source" or "voice", got {by!r}')
        index = self._claim_index()
        out: dict[tuple[str, str], int] = {}
        for j in self.contradictions:
            a, b = index[j.a], index[j.b]
            x, y = (a.source, b.source) if by == "source" else (a.voice, b.voice)
            for key in dict.fromkeys(((x, y), (y, x))):
                out[key] = out.get(key, 0) + 1
        return dict(sorted(out.items()))

    def contradicted(self, source: str) -> list[tuple[Claim, Judgement]]:
        """Claims of ``source`` that another voice contradicts, with the
        judgement, strongest first.

        ``source`` is compared, ignoring case, with each claim's outlet and
        with its voice (so a speaker's name works too).  When both sides
        of a contradiction match (two speakers in one outlet), both claims
        are listed.  Example: ``for claim, j in report.contradicted("Herald"): print(claim.text, j.reason)``.
        """
        want = source.casefold()
        index = self._claim_index()
        out: list[tuple[Claim, Judgement]] = []
        for j in self.contradictions:
            for cid in (j.a, j.b):
                c = index[cid]
                if want in (c.source.casefold(), c.voice.casefold()):
                    out.append((c, j))
        return out

    def claims_by_speaker(self, speaker: str) -> list[Claim]:
        """Claims whose speaker contains ``speaker`` (ignoring case), across
        all outlets, in report order.  Claims in an outlet's own voice
        (no speaker) never match.  Example: ``report.claims_by_speaker("putin")``.
        """
        want = speaker.casefold()
        return [c for c in self.claims if c.speaker is not None and want in c.speaker.casefold()]

    # -- exports -----------------------------------------------------------

    def to_node_link(self) -> dict[str, Any]:
        """The graph as node-link JSON data (see :func:`claimcheck.to_node_link`)."""
        from ._export import to_node_link

        return to_node_link(self)

    def write_graphml(self, path: str | Path) -> None:
        """Write the graph as GraphML to ``path`` (see :func:`claimcheck.write_graphml`)."""
        from ._export import write_graphml

        write_graphml(self, path)

    def write_gexf(self, path: str | Path) -> None:
        """Write the graph as GEXF to ``path`` (see :func:`claimcheck.write_gexf`)."""
        from ._export import write_gexf

        write_gexf(self, path)

    def to_html(self) -> str:
        """A self-contained HTML page of the report (see :func:`claimcheck.render_html`)."""
        from ._html import render_html

        return render_html(self)

    def article_status(self) -> list[dict[str, Any]]:
        per: dict[str, int] = {}
        for c in self.claims:
            per[c.article] = per.get(c.article, 0) + 1
        skipped_whole = {s.article: s.reason for s in self.skipped if s.what == "article"}
        out = []
        for art in self.articles:
            row = art.to_dict()
            row["claims"] = per.get(art.id, 0)
            if art.id in skipped_whole:
                row["status"] = "skipped"
                row["reason"] = skipped_whole[art.id]
            else:
                row["status"] = "processed"
            out.append(row)
        return out

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form: ``articles``, ``claims``, ``clusters``,
        ``contradictions``, plus ``updates``, ``skipped`` and ``summary``."""
        index = self._claim_index()

        def side(cid: str) -> dict[str, Any]:
            c = index[cid]
            return {"source": c.source, "speaker": c.speaker, "text": c.text}

        contradictions = []
        for j in self.contradictions:
            row = j.to_dict()
            row["a_claim"] = side(j.a)
            row["b_claim"] = side(j.b)
            contradictions.append(row)
        status = self.article_status()
        return {
            "articles": status,
            "claims": [c.to_dict() for c in self.claims],
            "clusters": [cl.to_dict() for cl in self.clusters],
            "contradictions": contradictions,
            "updates": [j.to_dict() for j in self.updates],
            "skipped": [s.to_dict() for s in self.skipped],
            "summary": {
                "articles": len(self.articles),
                "articles_processed": sum(1 for a in status if a["status"] == "processed"),
                "articles_skipped": sum(1 for a in status if a["status"] == "skipped"),
                "claims": len(self.claims),
                "clusters": len(self.clusters),
                "pairs_judged": len(self.judgements),
                "contradictions": len(contradictions),
                "updates": len(self.updates),
            },
            "options": self.options,
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """Deterministic JSON text of :meth:`to_dict`."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, sort_keys=False,
                          allow_nan=False)

    def to_text(self, *, width: int = 100) -> str:
        """A summary a person can read: contradictions side by side."""
        s = self.to_dict()["summary"]
        lines = [
            f"claimcheck: {s['articles']} article(s) "
            f"({s['articles_processed']} processed, {s['articles_skipped']} skipped), "
            f"{s['claims']} claims, {s['clusters']} clusters, {s['pairs_judged']} pairs judged, "
            f"{s['contradictions']} contradiction(s)",
        ]
        for row in self.article_status():
            if row["status"] == "skipped":
                lines.append(f"  skipped article {row['id']!r}: {row['reason']}")
        if not self.claims:
            lines.append("No claims were found, so there is nothing to compare.")
        index = self._claim_index()
        col = max(30, (width - 3) // 2)
        for k, j in enumerate(self.contradictions, start=1):
            a, b = index[j.a], index[j.b]
            lines.append("")
            lines.append(f"[{k}] {j.kind} contradiction (score {j.score:.2f})")
            lines.append(f"    why: {j.reason}")
            left = textwrap.wrap(f"{a.source} / {a.speaker or '(outlet)'}: \u201c{a.text}\u201d", col) or [""]
            right = textwrap.wrap(f"{b.source} / {b.speaker or '(outlet)'}: \u201c{b.text}\u201d", col) or [""]
            for r in range(max(len(left), len(right))):
                l_ = left[r] if r < len(left) else ""
                r_ = right[r] if r < len(right) else ""
                lines.append(f"    {l_:<{col}} | {r_}")
        if self.updates:
            lines.append("")
            lines.append(f"{len(self.updates)} later report(s) update earlier ones (not contradictions).")
        return "\n".join(lines) + "\n"
