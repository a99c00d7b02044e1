"""claimcheck: find where news sources disagree.

>>> import claimcheck
>>> claimcheck.Article(id="a1", source="Wire", text="Rain fell.").source
'Wire'

The main entry point is :func:`check`; :class:`Pipeline` lets you swap
the splitter, the encoder or the judge.
"""

from __future__ import annotations

from ._cache import CachedEncoder
from ._claims import REPORTING_VERBS, SpacySplitter, Splitter
from ._compare import compare, compare_many
from ._encode import DEFAULT_MODEL, Encoder, HashingEncoder, SentenceTransformerEncoder
from ._export import from_node_link, to_node_link, write_gexf, write_graphml
from ._html import render_html
from ._io import coerce_articles, read_paths
from ._judge import Judge, RuleJudge, Signal
from ._nli import NLIJudge
from ._pipeline import Pipeline, check
from ._report import GRAPH_SCHEMA, Report, build_graph
from ._types import KINDS, LABELS, Article, Claim, Cluster, Entity, Frame, Judgement, Quantity, Skipped
from .errors import ClaimcheckError, ConfigError, InputError, ModelError

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_MODEL",
    "GRAPH_SCHEMA",
    "KINDS",
    "LABELS",
    "REPORTING_VERBS",
    "Article",
    "CachedEncoder",
    "ClaimcheckError",
    "Claim",
    "Cluster",
    "ConfigError",
    "Encoder",
    "Entity",
    "Frame",
    "HashingEncoder",
    "InputError",
    "Judge",
    "Judgement",
    "ModelError",
    "NLIJudge",
    "Pipeline",
    "Quantity",
    "Report",
    "RuleJudge",
    "SentenceTransformerEncoder",
    "Signal",
    "Skipped",
    "SpacySplitter",
    "Splitter",
    "build_graph",
    "check",
    "coerce_articles",
    "compare",
    "compare_many",
    "from_node_link",
    "read_paths",
    "render_html",
    "to_node_link",
    "write_gexf",
    "write_graphml",
]
