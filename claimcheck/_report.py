"""The result of a run: claims, clusters, contradictions and the graph."""

from __future__ import annotations

import json
import textwrap
from typing import Any

import attrs
import networkx as nx

from ._types import Article, Claim, Cluster, Judgement, Skipped

__all__ = ["Report", "build_graph"]


def build_graph(
    claims: tuple[Claim, ...],
    clusters: tuple[Cluster, ...],
    judgements: tuple[Judgement, ...],
) -> nx.Graph:
    """Claim nodes with their source, speaker and cluster; ``paraphrase``
    and ``contradiction`` edges with score, kind and reason.

    Node ids are claim ids.  Every node has ``kind="claim"``; every edge
    has ``relation`` (``"paraphrase"``, ``"contradiction"`` or
    ``"update"``), ``score``, ``kind`` and ``reason``.
    """
    g = nx.Graph()
    cluster_of = {cid: cl.id for cl in clusters for cid in cl.claims}
    for c in claims:
        g.add_node(c.id, kind="claim", article=c.article, source=c.source,
                   speaker=c.speaker or "", voice=c.voice, text=c.text,
                   start=c.start, end=c.end, cluster=cluster_of.get(c.id, ""))
    for j in judgements:
        if j.label in {"contradiction", "entailment", "update"}:
            relation = {"entailment": "paraphrase"}.get(j.label, j.label)
            g.add_edge(j.a, j.b, relation=relation, score=j.score, kind=j.kind,
                       reason=j.reason, similarity=j.similarity if j.similarity is not None else 0.0)
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
