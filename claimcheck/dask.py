"""Run claimcheck on a Dask cluster, for corpora beyond one machine.

:func:`check` gives the same :class:`~claimcheck.Report` as
:func:`claimcheck.check` on the same articles, but spreads the work over
the workers of a ``dask.distributed`` cluster:

1. **Claims and embeddings**, per partition of the input, on the workers.
   Each worker builds its own :class:`~claimcheck.Pipeline` from a small
   picklable copy of yours and keeps it (spaCy and the embedding model are
   loaded once per worker process, not once per task).
2. **Candidate pairs**, blocked: each task compares the embeddings of two
   partitions and keeps, for every row, its ``top_k`` best matches above
   ``topic_threshold``; the per-row lists are merged in a tree on the
   workers.  No worker ever holds more than two partitions' embeddings.
3. **Judging**, per partition of the candidate pairs, on the workers.
4. **Clusters, report and graph** with :meth:`Pipeline.finish` on the client.

Claim ids and order are those of the single-machine path: articles are
sorted by id and each article's claims keep the splitter's numbering.

Dask is an optional dependency (``pip install 'claimcheck[dask]'``).
Importing this module always works; calling :func:`check` without Dask
raises :class:`DaskNotInstalledError`.

>>> from dask.distributed import Client, LocalCluster          # doctest: +SKIP
>>> import claimcheck, claimcheck.dask
>>> cluster = LocalCluster(n_workers=2, threads_per_worker=1)   # doctest: +SKIP
>>> with Client(cluster) as client:                             # doctest: +SKIP
...     report = claimcheck.dask.check(claimcheck.read_paths(["examples/quake.jsonl"]),
...                                    client=client)
>>> len(report.contradictions) > 0                              # doctest: +SKIP
True

The blocked candidate search is also available without Dask, for testing
and as its definition, in :func:`blocked_candidate_pairs`.
"""

from __future__ import annotations

import hashlib
import importlib
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import attrs
import numpy as np
import numpy.typing as npt

from ._judge import judge_pairs
from ._match import _group_ids
from ._pipeline import Pipeline, figure_pairs
from ._report import Report
from ._types import Article, Claim, Judgement, Skipped
from .errors import ClaimcheckError, ConfigError, InputError, ModelError

__all__ = ["DaskNotInstalledError", "blocked_candidate_pairs", "check"]

#: Columns of a dask dataframe that become article fields; others are ignored.
ARTICLE_COLUMNS = ("id", "source", "text", "title", "published", "url")

#: The most float64 similarities one task holds at a time (128 MB).
_MAX_CHUNK_CELLS = 1 << 24

#: How many partial candidate lists one merge task combines.
_FAN_IN = 8


class DaskNotInstalledError(ConfigError, ImportError):
    """``claimcheck.dask`` was used without Dask installed.

    It is both a :class:`~claimcheck.errors.ConfigError` (so
    ``except ClaimcheckError`` catches it) and an :class:`ImportError`.

    >>> issubclass(DaskNotInstalledError, ImportError)
    True
    """


def _import(name: str) -> Any:
    """A Dask module, typed ``Any`` (Dask's own annotations are partial)."""
    return importlib.import_module(name)


def _require_dask() -> Any:
    try:
        dask = _import("dask")
        _import("dask.bag")
        _import("distributed")
    except ImportError as exc:
        raise DaskNotInstalledError(
            f"claimcheck.dask needs Dask and dask.distributed ({exc}): "
            "pip install 'claimcheck[dask]'  (or: pip install 'dask[distributed]')"
        ) from None
    return dask


# -- the blocked candidate search (pure numpy; runs inside Dask tasks) -------

Triples = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]


def _empty() -> Triples:
    return (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))


def _select(i: npt.NDArray[np.int64], j: npt.NDArray[np.int64], s: npt.NDArray[np.float64],
            top_k: int) -> Triples:
    """Keep, for each row ``i``, its ``top_k`` best ``(j, s)``: highest
    ``s`` first, ties by smaller ``j`` (the order of ``candidate_pairs``)."""
    if len(i) == 0:
        return _empty()
    order = np.lexsort((j, -s, i))
    i, j, s = i[order], j[order], s[order]
    first = np.searchsorted(i, i, side="left")
    keep = (np.arange(len(i)) - first) < top_k
    return i[keep], j[keep], s[keep]


def _merge(top_k: int, *parts: Triples) -> Triples:
    """Combine candidate lists of the same rows: the top ``top_k`` of their union."""
    parts = tuple(p for p in parts if len(p[0]))
    if not parts:
        return _empty()
    if len(parts) == 1:
        return parts[0]
    return _select(np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]),
                   np.concatenate([p[2] for p in parts]), top_k)


@attrs.frozen
class _Block:
    """One block of the embedding matrix: rows, their global indices and group codes."""

    emb: npt.NDArray[np.float32]
    index: npt.NDArray[np.int64]
    group: npt.NDArray[np.int64]


def _block_pair(p: _Block, q: _Block, threshold: float, top_k: int, same: bool) -> tuple[Triples, Triples]:
    """Candidates between two blocks: for the rows of ``p`` among ``q`` and,
    unless ``p`` is ``q`` (``same``), for the rows of ``q`` among ``p``.

    Similarities are the cosines of the float32 rows computed in float64
    and rounded to 6 decimals, so a value does not depend on how the
    matrix was cut into blocks.
    """
    if len(p.index) == 0 or len(q.index) == 0:
        return _empty(), _empty()
    a = p.emb.astype(np.float64)
    b = q.emb.astype(np.float64)
    step = max(1, _MAX_CHUNK_CELLS // len(q.index))
    fwd: list[Triples] = []
    bwd: list[Triples] = []
    for lo in range(0, len(p.index), step):
        hi = min(len(p.index), lo + step)
        sims = np.round(a[lo:hi] @ b.T, 6)
        sims[p.group[lo:hi, None] == q.group[None, :]] = -np.inf
        r, c = np.nonzero(sims >= threshold)
        s = sims[r, c]
        rows, cols = p.index[lo + r], q.index[c]
        fwd.append(_select(rows, cols, s, top_k))
        if not same:
            bwd.append(_select(cols, rows, s, top_k))
    return _merge(top_k, *fwd), _merge(top_k, *bwd)


def _assemble(merged: Iterable[Triples]) -> list[tuple[int, int, float]]:
    """Per-row candidates -> sorted pairs ``(i, j, cosine)`` with ``i < j``.

    When both rows chose each other, the value seen from the later row is
    kept, as in :func:`claimcheck._match.candidate_pairs`.
    """
    parts = [m for m in merged if len(m[0])]
    if not parts:
        return []
    i = np.concatenate([m[0] for m in parts])
    j = np.concatenate([m[1] for m in parts])
    s = np.concatenate([m[2] for m in parts])
    order = np.argsort(i, kind="stable")
    keep: dict[tuple[int, int], float] = {}
    for x, y, v in zip(i[order].tolist(), j[order].tolist(), s[order].tolist()):
        keep[(x, y) if x < y else (y, x)] = float(v)
    return sorted((x, y, v) for (x, y), v in keep.items())


def _check_search_options(threshold: float, top_k: int) -> None:
    if not 0.0 <= threshold <= 1.0:
        raise ConfigError(f"threshold must be between 0 and 1, got {threshold!r}")
    if top_k < 1:
        raise ConfigError(f"top_k must be at least 1, got {top_k!r}")


def blocked_candidate_pairs(
    emb: npt.NDArray[np.float32],
    groups: Sequence[object],
    *,
    threshold: float,
    top_k: int,
    block: int = 4096,
) -> list[tuple[int, int, float]]:
    """Same-topic pairs ``(i, j, cosine)`` found block by block, in one process.

    This is the search that :func:`check` runs on Dask workers, with the
    same per-block code and the same merge, so it can be tested without
    a cluster.  The rule is that of
    :func:`claimcheck._match.candidate_pairs` (the exact search): a pair
    of rows from different ``groups`` is kept when its cosine, rounded to
    6 decimals, is at least ``threshold`` and one row is among the other's
    ``top_k`` nearest rows of other groups, ties going to the smaller
    index.  Cosines are computed in float64 from the float32 rows, so the
    result does not depend on ``block``.

    >>> e = np.array([[1, 0], [1, 0], [0, 1], [0.6, 0.8]], dtype=np.float32)
    >>> blocked_candidate_pairs(e, ["a", "b", "b", "a"], threshold=0.5, top_k=1, block=2)
    [(0, 1, 1.0), (2, 3, 0.8)]
    >>> from claimcheck._match import candidate_pairs
    >>> candidate_pairs(e, ["a", "b", "b", "a"], threshold=0.5, top_k=1)
    [(0, 1, 1.0), (2, 3, 0.8)]
    """
    _check_search_options(threshold, top_k)
    if block < 1:
        raise ConfigError(f"block must be at least 1, got {block!r}")
    emb = np.asarray(emb, dtype=np.float32)
    n = emb.shape[0]
    if emb.ndim != 2 or len(groups) != n:
        raise InputError(f"emb must be 2-D with one row per group, got shape {emb.shape} for {len(groups)} groups")
    if n < 2:
        return []
    codes = _group_ids(groups)
    blocks = [_Block(emb=emb[lo:lo + block], index=np.arange(lo, min(n, lo + block), dtype=np.int64),
                     group=codes[lo:lo + block]) for lo in range(0, n, block)]
    rows: list[list[Triples]] = [[] for _ in blocks]
    for x, bx in enumerate(blocks):
        for y in range(x, len(blocks)):
            fwd, bwd = _block_pair(bx, blocks[y], threshold, top_k, same=x == y)
            rows[x].append(fwd)
            rows[y].append(bwd)
    return _assemble(_merge(top_k, *r) for r in rows)


# -- the worker side: one Pipeline per worker process ------------------------


@attrs.frozen
class _Spec:
    """What the workers get: a pipeline with no model loaded, and a key for it."""

    token: str
    pipeline: Pipeline


_PIPELINES: OrderedDict[str, Pipeline] = OrderedDict()
_PIPELINES_LOCK = threading.Lock()
_KEEP_PIPELINES = 2


_T = TypeVar("_T")


def _unloaded(component: _T) -> _T:
    """A copy without loaded models: attrs components are rebuilt from their
    init fields, recursively (a ``CachedEncoder`` wrapping a loaded encoder),
    which drops caches such as ``SentenceTransformerEncoder._st`` and
    ``SpacySplitter._nlp``.  Other objects are shipped as they are."""
    if not attrs.has(type(component)):
        return component
    cls: Any = type(component)
    changes: dict[str, Any] = {}
    for field in attrs.fields(cls):
        value = getattr(component, field.name)
        if field.init and attrs.has(type(value)):
            changes[field.alias or field.name] = _unloaded(value)
    names = attrs.fields_dict(cls)
    if "n_process" in names and names["n_process"].init and getattr(component, "n_process", 0) is None:
        changes["n_process"] = 1  # the workers are the parallelism; no spaCy processes inside them
    copy: _T = attrs.evolve(component, **changes)  # type: ignore[misc]
    return copy


def _make_spec(pipeline: Pipeline) -> _Spec:
    light = attrs.evolve(pipeline, splitter=_unloaded(pipeline.splitter), encoder=_unloaded(pipeline.encoder),
                         judge=_unloaded(pipeline.judge))
    if "progress" in attrs.fields_dict(Pipeline):
        no_bars: dict[str, Any] = {"progress": False}
        light = attrs.evolve(light, **no_bars)  # no progress bars in worker logs
    try:
        import cloudpickle

        blob = cloudpickle.dumps(light)
    except Exception as exc:  # noqa: BLE001 - anything that cannot travel is a config error
        raise ConfigError(f"the pipeline cannot be sent to Dask workers (it does not pickle): {exc}") from exc
    return _Spec(token=hashlib.sha256(blob).hexdigest(), pipeline=light)


def _worker_pipeline(spec: _Spec) -> Pipeline:
    """This process's pipeline for ``spec``, built (models loaded) on first use."""
    with _PIPELINES_LOCK:
        found = _PIPELINES.get(spec.token)
        if found is not None:
            _PIPELINES.move_to_end(spec.token)
            return found
        pipeline = spec.pipeline
        # load the models now, once, under the lock (stages load them lazily)
        claims, _ = pipeline.extract([Article(id="warm-up", source="warm-up", text="The models were loaded.")])
        pipeline.embed(claims)
        _PIPELINES[spec.token] = pipeline
        while len(_PIPELINES) > _KEEP_PIPELINES:
            _PIPELINES.popitem(last=False)
        return pipeline


@attrs.frozen
class _Part:
    """What one input partition becomes on a worker."""

    articles: list[Article]
    claims: list[Claim]
    emb: npt.NDArray[np.float32]
    skipped: list[Skipped]


def _extract_part(items: Sequence[object], spec: _Spec) -> _Part:
    pipeline = _worker_pipeline(spec)
    arts, todo, skipped = pipeline.prepare(list(items))
    claims, more = pipeline.extract(todo)
    emb = pipeline.embed(claims)
    return _Part(articles=arts, claims=claims, emb=emb, skipped=[*skipped, *more])


def _light(part: _Part) -> tuple[list[Article], list[Claim], list[Skipped], int]:
    return part.articles, part.claims, part.skipped, int(part.emb.shape[1]) if part.emb.ndim == 2 else 0


def _to_block(part: _Part, index: npt.NDArray[np.int64], group: npt.NDArray[np.int64]) -> _Block:
    return _Block(emb=np.asarray(part.emb, dtype=np.float32), index=index, group=group)


def _embedding(block: _Block) -> npt.NDArray[np.float32]:
    return block.emb


def _judge_part(spec: _Spec, triples: Sequence[tuple[Claim, Claim, float]]) -> list[Judgement]:
    return judge_pairs(_worker_pipeline(spec).judge, list(triples))


def _records(frame: Any) -> list[dict[str, Any]]:
    """Rows of a pandas partition as article dicts (missing values -> None)."""
    cols = [c for c in ARTICLE_COLUMNS if c in frame.columns]
    out = []
    for row in frame[cols].itertuples(index=False, name=None):
        rec: dict[str, Any] = {}
        for col, value in zip(cols, row):
            if value is not None and not isinstance(value, str):
                try:
                    import pandas as pd

                    if pd.isna(value):
                        value = None
                except (ImportError, TypeError, ValueError):
                    pass
            if value is not None and not isinstance(value, str) and hasattr(value, "item") and \
                    type(value).__module__ == "numpy":
                value = value.item()
            rec[col] = value
        out.append(rec)
    return out


# -- the client side ---------------------------------------------------------


class _Runner:
    """Persist and compute delayed objects on a client, or in-process."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def persist(self, objs: list[Any]) -> list[Any]:
        if not objs:
            return []
        if self.client is not None:
            return list(self.client.persist(objs))
        return list(_import("dask").persist(*objs, scheduler="sync"))

    def compute(self, objs: list[Any]) -> list[Any]:
        if not objs:
            return []
        if self.client is not None:
            return list(self.client.gather(self.client.compute(objs)))
        return list(_import("dask").compute(*objs, scheduler="sync"))

    def workers(self) -> int:
        if self.client is None:
            return 1
        return max(1, len(self.client.scheduler_info().get("workers", {})))


def _input_partitions(articles: Any, npartitions: int | None, runner: _Runner) -> list[Any]:
    """The input as a list of delayed partitions.  A list or iterable is
    checked on the client (the errors of ``claimcheck.check``), sorted by
    id and cut into contiguous partitions."""
    dask = _import("dask")
    db = _import("dask.bag")

    if isinstance(articles, db.Bag):
        bag = articles if npartitions is None else articles.repartition(npartitions=npartitions)
        return list(bag.to_delayed())
    if dask.is_dask_collection(articles):
        if hasattr(articles, "columns") and hasattr(articles, "to_delayed"):
            if "text" not in articles.columns:
                raise InputError(f"the dataframe has no 'text' column (columns: {list(articles.columns)})")
            frame = articles if npartitions is None else articles.repartition(npartitions=npartitions)
            return [dask.delayed(_records)(d) for d in frame.to_delayed()]
        raise InputError(f"expected a dask Bag or DataFrame of articles, got {type(articles).__name__}")
    from ._io import coerce_articles

    arts = sorted(coerce_articles(articles), key=lambda a: a.id)
    n = npartitions or max(1, min(4 * runner.workers(), math.ceil(len(arts) / 50)))
    n = max(1, min(n, len(arts)))
    size = math.ceil(len(arts) / n) if arts else 1
    return [dask.delayed(arts[k:k + size], traverse=False) for k in range(0, max(1, len(arts)), size)]


def _tree_merge(dask: Any, top_k: int, parts: list[Any]) -> Any:
    if not parts:
        return dask.delayed(_empty)()
    while len(parts) > 1:
        parts = [dask.delayed(_merge)(top_k, *parts[k:k + _FAN_IN]) for k in range(0, len(parts), _FAN_IN)]
    return dask.delayed(_merge)(top_k, parts[0])


def _open_client(client: Any) -> tuple[Any, Callable[[], None]]:
    """A client object and how to close it (only if we opened it)."""
    distributed = _import("distributed")
    Client = distributed.Client

    if isinstance(client, str):
        try:
            opened = Client(client)
        except Exception as exc:  # noqa: BLE001 - an unreachable scheduler is a config error
            raise ConfigError(f"cannot connect to the Dask scheduler at {client!r}: {exc}") from exc
        return opened, opened.close
    if client is None:
        try:
            return distributed.default_client(), lambda: None
        except ValueError:
            return None, lambda: None
    if not isinstance(client, Client):
        raise ConfigError(f"client must be a dask.distributed.Client or a scheduler address, "
                          f"got {type(client).__name__}")
    return client, lambda: None


def check(
    articles: Any,
    client: Any = None,
    *,
    npartitions: int | None = None,
    pipeline: Pipeline | None = None,
    skipped_input: Iterable[Skipped] = (),
    **options: Any,
) -> Report:
    """Check ``articles`` on a Dask cluster; the same :class:`Report` as
    :func:`claimcheck.check`.

    ``articles`` may be:

    - a ``dask.bag.Bag`` of :class:`~claimcheck.Article` objects, dicts
      or strings (each partition is prepared and split on a worker);
    - a dask DataFrame with a ``text`` column and optionally ``id``,
      ``source``, ``title``, ``published`` and ``url`` (other columns are
      ignored);
    - anything :func:`claimcheck.check` accepts (a list or iterable of
      articles, dicts or strings), which is checked on the client, sorted
      by id and cut into ``npartitions`` partitions.

    ``client`` is a ``dask.distributed.Client``, a scheduler address such
    as ``"tcp://scheduler:8786"`` (a client is opened and closed for the
    call), or ``None`` for the current default client; with no client at
    all everything runs in this process, one task at a time.
    ``npartitions`` repartitions a bag or dataframe, and sets how many
    partitions a list is cut into (default: about four per worker, at
    most 50 articles each).  Pass either a ``pipeline`` or the options of
    :class:`~claimcheck.Pipeline` (``encoder=``, ``top_k=``, ...), not both.

    Each worker loads the models once and keeps them for later tasks and
    later calls with the same pipeline.  Errors raised on a worker
    (an :class:`~claimcheck.errors.InputError` for a bad article, a
    :class:`~claimcheck.errors.ModelError` for a model that cannot be
    loaded) are raised here; any other failure of the cluster is raised as
    :class:`~claimcheck.errors.ClaimcheckError`.

    >>> import claimcheck, claimcheck.dask
    >>> from dask.distributed import Client, LocalCluster         # doctest: +SKIP
    >>> client = Client(LocalCluster(n_workers=2, threads_per_worker=1))  # doctest: +SKIP
    >>> arts = claimcheck.read_paths(["examples/quake.jsonl"])
    >>> report = claimcheck.dask.check(arts, client=client, encoder=claimcheck.HashingEncoder())  # doctest: +SKIP
    >>> report.to_json() == claimcheck.check(arts, encoder=claimcheck.HashingEncoder()).to_json()  # doctest: +SKIP
    True

    A bag read straight from JSONL files on the cluster's storage:

    >>> import json, dask.bag as db                                # doctest: +SKIP
    >>> bag = db.read_text("s3://news/2026-*.jsonl").map(json.loads)  # doctest: +SKIP
    >>> report = claimcheck.dask.check(bag, client=client)         # doctest: +SKIP
    """
    dask = _require_dask()
    if pipeline is not None and options:
        raise ConfigError(f"pass either pipeline= or pipeline options, not both (got {sorted(options)})")
    if pipeline is None:
        try:
            pipeline = Pipeline(**options)
        except TypeError as exc:
            raise ConfigError(f"unknown or invalid option: {exc}") from None
    if not isinstance(pipeline, Pipeline):
        raise ConfigError(f"pipeline must be a claimcheck.Pipeline, got {type(pipeline).__name__}")
    if npartitions is not None and (not isinstance(npartitions, int) or npartitions < 1):
        raise ConfigError(f"npartitions must be a positive integer, got {npartitions!r}")
    spec = _make_spec(pipeline)
    the_client, close = _open_client(client)
    try:
        return _run(dask, pipeline, spec, articles, _Runner(the_client), npartitions, list(skipped_input))
    except ClaimcheckError:
        raise
    except Exception as exc:  # noqa: BLE001 - worker deaths, lost connections, ...
        raise ClaimcheckError(f"the Dask computation failed: {type(exc).__name__}: {exc}") from exc
    finally:
        close()


def _run(dask: Any, pipeline: Pipeline, spec: _Spec, articles: Any, runner: _Runner,
         npartitions: int | None, skipped_input: list[Skipped]) -> Report:
    delayed = dask.delayed
    inputs = _input_partitions(articles, npartitions, runner)
    spec_d = delayed(spec, traverse=False)

    # 1. prepare, split and embed each partition on the workers; keep the results there
    parts = runner.persist([delayed(_extract_part)(items, spec_d) for items in inputs])
    light = runner.compute([delayed(_light)(p) for p in parts])

    # the single-machine order: articles by id, each article's claims in splitter order
    all_articles = sorted((a for lp in light for a in lp[0]), key=lambda a: a.id)
    for a, b in zip(all_articles, all_articles[1:]):
        if a.id == b.id:
            raise InputError(f"duplicate article id {a.id!r} (in two partitions of the input)")
    where: dict[str, tuple[int, int, int]] = {}
    for p, (_arts, claims, _skipped, _dim) in enumerate(light):
        start = 0
        for c in claims:
            if c.article not in where or where[c.article][0] != p:
                if c.article in where:
                    raise ModelError(f"the splitter returned the claims of article {c.article!r} out of order")
                where[c.article] = (p, start, start)
            q, s, e = where[c.article]
            if e != start:
                raise ModelError(f"the splitter returned the claims of article {c.article!r} out of order")
            where[c.article] = (q, s, e + 1)
            start += 1
    known = {a.id for a in all_articles}
    for aid in where:
        if aid not in known:
            raise ModelError(f"the splitter returned a claim of unknown article {aid!r}")
    claims_g: list[Claim] = []
    index = [np.zeros(len(lp[1]), dtype=np.int64) for lp in light]
    for a in all_articles:
        if a.id in where:
            p, s, e = where[a.id]
            index[p][s:e] = np.arange(len(claims_g), len(claims_g) + e - s)
            claims_g.extend(light[p][1][s:e])
    n = len(claims_g)
    codes = _group_ids([(c.source, c.speaker or "") for c in claims_g])
    skipped = [*skipped_input, *(s for lp in light for s in lp[2])]
    dim = max((lp[3] for lp in light), default=0)

    # 2. blocked candidate search between every two partitions, merged per row on the workers
    blocks = runner.persist([delayed(_to_block)(part, index[p], codes[index[p]]) for p, part in enumerate(parts)])
    del parts  # the claims are on the client now; the workers keep only the embeddings
    t, k = pipeline.topic_threshold, pipeline.top_k
    rows: list[list[Any]] = [[] for _ in blocks]
    if n >= 2:
        for x in range(len(blocks)):
            for y in range(x, len(blocks)):
                if len(index[x]) == 0 or len(index[y]) == 0:
                    continue
                pair = delayed(_block_pair, nout=2)(blocks[x], blocks[y], t, k, x == y)
                rows[x].append(pair[0])
                if x != y:
                    rows[y].append(pair[1])
    merged = runner.compute([_tree_merge(dask, k, r) for r in rows if r])
    pairs = _assemble(merged)

    # 3. judge the candidate pairs on the workers
    size = max(1, math.ceil(len(pairs) / max(1, 2 * runner.workers())))
    size = min(size, 5000)
    chunks = [[(claims_g[i], claims_g[j], s) for i, j, s in pairs[lo:lo + size]]
              for lo in range(0, len(pairs), size)]
    judged_parts = runner.compute([delayed(_judge_part)(spec_d, chunk) for chunk in chunks])
    judged = [j for part in judged_parts for j in part]
    if len(judged) != len(pairs):
        raise ModelError(f"the judge returned {len(judged)} judgements for {len(pairs)} pairs")

    # 4. the embeddings come back for the clusters; clusters, report and graph on the client
    embs = runner.compute([delayed(_embedding)(b) for b in blocks])
    emb = np.zeros((n, dim), dtype=np.float32)
    for p, e in enumerate(embs):
        if len(index[p]):
            emb[index[p]] = e
    # 5. the pairs that give one distinctive figure, as Pipeline.find_pairs adds
    # them (a handful: judged here)
    extra = figure_pairs(claims_g, emb, {(i, j) for i, j, _s in pairs})
    if extra:
        judged += judge_pairs(pipeline.judge, [(claims_g[i], claims_g[j], s) for i, j, s in extra])
        pairs = [*pairs, *extra]
    return pipeline.finish(all_articles, claims_g, emb, pairs, judged, skipped)

