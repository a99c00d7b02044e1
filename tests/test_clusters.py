"""Paraphrase clusters: never hold a contradiction, carry outlet counts, stable under reordering."""

from __future__ import annotations

import claimcheck
from claimcheck import Report


def test_no_cluster_holds_a_contradiction(quake_report: Report) -> None:
    """No judged contradiction or update links two claims of one cluster."""
    cluster_of = {cid: cl.id for cl in quake_report.clusters for cid in cl.claims}
    for j in quake_report.judgements:
        if j.label in {"contradiction", "update"}:
            assert cluster_of[j.a] != cluster_of[j.b], j


def test_every_claim_in_exactly_one_cluster(quake_report: Report) -> None:
    """Clusters partition the claims, singletons included."""
    members = [cid for cl in quake_report.clusters for cid in cl.claims]
    assert sorted(members) == sorted(c.id for c in quake_report.claims)


def test_cluster_records(quake_report: Report) -> None:
    """Each cluster names its outlets with counts, its date range and its representative text."""
    total = len({a.source for a in quake_report.articles})
    by_id = {c.id: c for c in quake_report.claims}
    for cl in quake_report.clusters:
        d = cl.to_dict()
        assert sum(d["source_counts"].values()) == len(cl.claims)
        assert d["coverage"] == f"reported by {len(cl.sources)} of {total} outlets"
        assert d["representative_text"] == by_id[cl.representative].text
        dates = sorted(by_id[m].published for m in cl.claims if by_id[m].published)
        assert d["first_published"] == (dates[0].isoformat() if dates else None)
        assert d["last_published"] == (dates[-1].isoformat() if dates else None)


def test_clusters_do_not_depend_on_article_order(quake_articles: list[claimcheck.Article],
                                                 quake_report: Report, st_encoder: object) -> None:
    """Reversing the article order gives the same clusters with the same ids."""
    again = claimcheck.check(list(reversed(quake_articles)), encoder=st_encoder)
    assert [c.to_dict() for c in again.clusters] == [c.to_dict() for c in quake_report.clusters]
