"""Paraphrase clusters: never hold a contradiction, carry outlet counts, stable under reordering."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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


def _majority_reference(n: int, edges: list[tuple[int, int, float]], cannot: set[tuple[int, int]],
                        verdicts: dict[tuple[int, int], bool]) -> list[list[int]]:
    """The merge rule written the slow, obvious way: look at every pair across the two groups."""
    group = list(range(n))
    for i, k, _s in sorted(edges, key=lambda e: (-e[2], e[0], e[1])):
        gi, gk = group[i], group[k]
        if gi == gk:
            continue
        across = [(min(x, y), max(x, y)) for x in range(n) if group[x] == gi for y in range(n) if group[y] == gk]
        if any(p in cannot for p in across):
            continue
        yes = sum(verdicts.get(p) is True for p in across)
        no = sum(verdicts.get(p) is False for p in across)
        if no > yes:
            continue
        group = [gi if g == gk else g for g in group]
    out: dict[int, list[int]] = {}
    for x, g in enumerate(group):
        out.setdefault(g, []).append(x)
    return sorted(out.values(), key=lambda g: g[0])


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_majority_groups_matches_the_obvious_rule(data: st.DataObject) -> None:
    """The partner-list merge gives exactly the groups of the all-pairs rule."""
    from claimcheck._pipeline import _majority_groups

    n = data.draw(st.integers(2, 14))
    pair = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] < p[1])
    verdicts = data.draw(st.dictionaries(pair, st.booleans(), max_size=40))
    cannot = data.draw(st.sets(pair, max_size=6))
    edges = [(x, y, data.draw(st.sampled_from([0.5, 0.7, 0.9]))) for (x, y), v in sorted(verdicts.items()) if v]
    assert _majority_groups(n, edges, cannot, verdicts) == _majority_reference(n, edges, cannot, verdicts)


def test_majority_groups_is_not_quadratic_in_group_size() -> None:
    """A 30,000-claim chain of same-fact verdicts becomes one group quickly (all-pairs scanning takes minutes)."""
    import time

    from claimcheck._pipeline import _majority_groups

    n = 30_000
    edges = [(i, i + 1, 1.0 - i / (2 * n)) for i in range(n - 1)]
    verdicts = {(i, i + 1): True for i in range(n - 1)}
    t0 = time.process_time()
    groups = _majority_groups(n, edges, set(), verdicts)
    assert groups == [list(range(n))]
    assert time.process_time() - t0 < 10.0
