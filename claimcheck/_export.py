"""Graph exports: node-link JSON, GraphML and GEXF.

Every function takes a :class:`~claimcheck.Report` (or a graph made by
:func:`~claimcheck.build_graph`).  Files are written atomically: to a
temporary file in the same folder, then renamed.

GEXF reserves the node attributes ``start`` and ``end`` for time spans
(Gephi would read the claims' character offsets as a timeline), so the
GEXF file names them ``char_start`` and ``char_end``, and gives every
node a ``label`` (a source's name, an article's title or id, a claim's
text, a cluster's id) for display.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    from ._report import Report

__all__ = ["from_node_link", "gexf_bytes", "graphml_bytes", "to_node_link", "write_gexf", "write_graphml"]

#: GEXF name of node attributes whose own names GEXF reserves.
GEXF_RENAMED = {"start": "char_start", "end": "char_end"}


def _graph(report: Report | nx.Graph) -> nx.Graph:
    return report if isinstance(report, nx.Graph) else report.graph


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=str(target.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def to_node_link(report: Report | nx.Graph) -> dict[str, Any]:
    """The graph as node-link data: ``{"directed", "multigraph", "graph",
    "nodes": [...], "edges": [...]}``, ready for :func:`json.dumps`.

    Nodes carry ``id`` and their attributes; edges carry ``source``,
    ``target``, ``key`` (the relation) and their attributes.
    """
    data: dict[str, Any] = nx.node_link_data(_graph(report), edges="edges")
    return data


def from_node_link(data: dict[str, Any]) -> nx.MultiDiGraph:
    """Rebuild the graph from :func:`to_node_link` data."""
    g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    if not isinstance(g, nx.MultiDiGraph):  # pragma: no cover - data said otherwise
        g = nx.MultiDiGraph(g)
    return g


def graphml_bytes(report: Report | nx.Graph) -> bytes:
    """The graph as GraphML (UTF-8 XML)."""
    buf = io.BytesIO()
    nx.write_graphml(_graph(report), buf, encoding="utf-8")
    return buf.getvalue()


def _label(node: str, attrs: dict[str, Any]) -> str:
    kind = attrs.get("kind")
    if kind == "source":
        return str(attrs.get("name", node))
    if kind == "article":
        return str(attrs.get("title") or node)
    if kind == "claim":
        return str(attrs.get("text", node))
    return str(node)


def gexf_graph(report: Report | nx.Graph) -> nx.Graph:
    """A copy of the graph as it is written to GEXF (renamed offsets, labels)."""
    g = _graph(report)
    out = g.__class__()
    out.graph.update(g.graph)
    for n, attrs in g.nodes(data=True):
        row = {GEXF_RENAMED.get(k, k): v for k, v in attrs.items()}
        row.setdefault("label", _label(n, attrs))
        out.add_node(n, **row)
    if g.is_multigraph():
        out.add_edges_from(g.edges(keys=True, data=True))
    else:
        out.add_edges_from(g.edges(data=True))
    return out


def gexf_bytes(report: Report | nx.Graph) -> bytes:
    """The graph as GEXF 1.2 (UTF-8 XML), for Gephi."""
    buf = io.BytesIO()
    nx.write_gexf(gexf_graph(report), buf, encoding="utf-8")
    return buf.getvalue()


def write_graphml(report: Report | nx.Graph, path: str | Path) -> None:
    """Write the graph to ``path`` as GraphML; read it back with
    ``networkx.read_graphml(path, force_multigraph=True)``."""
    write_bytes_atomic(path, graphml_bytes(report))


def write_gexf(report: Report | nx.Graph, path: str | Path) -> None:
    """Write the graph to ``path`` as GEXF (``start``/``end`` become
    ``char_start``/``char_end``); read it back with ``networkx.read_gexf(path)``."""
    write_bytes_atomic(path, gexf_bytes(report))
