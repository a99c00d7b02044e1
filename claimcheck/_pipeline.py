"""The pipeline: articles -> claims -> embeddings -> pairs -> judgements -> report."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import numpy as np

from ._claims import SpacySplitter, Splitter
from ._clean import english_score, looks_like_html, strip_html
from ._encode import Encoder, SentenceTransformerEncoder, encode_with_progress
from ._io import coerce_articles
from ._judge import Judge, RuleJudge, _frame_veto, figure_key, judge_pairs
from ._match import candidate_pairs, check_search_mode
from ._progress import check_progress, progress_enabled, stage
from ._report import Report, build_graph
from ._types import Article, Claim, Cluster, Judgement, Skipped
from .errors import ClaimcheckError, ConfigError, ModelError, _one_of

__all__ = ["Pipeline", "check"]


def _check_unit(name: str) -> Any:
    def validate(_inst: object, _attr: object, value: float) -> None:
        if not (0.0 <= value <= 1.0):
            raise ConfigError(f"{name} must be between 0 and 1, got {value!r}")
    return validate


def _positive(_inst: object, attr: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise ConfigError(f"{attr.name} must be at least 1, got {value!r}")


@attrs.frozen(kw_only=True)
class Pipeline:
    """A configured claimcheck run.  Every stage is replaceable.

    >>> from claimcheck import Pipeline, HashingEncoder
    >>> p = Pipeline(encoder=HashingEncoder())
    >>> p.topic_threshold
    0.35
    >>> p2 = attrs.evolve(p, top_k=5)
    """

    splitter: Splitter = attrs.field(factory=SpacySplitter)
    encoder: Encoder = attrs.field(factory=SentenceTransformerEncoder)
    judge: Judge = attrs.field(factory=RuleJudge)
    topic_threshold: float = attrs.field(default=0.35, validator=_check_unit("topic_threshold"))
    top_k: int = attrs.field(default=20, validator=_positive)
    max_chars: int = attrs.field(default=1_000_000, validator=_positive)
    html: str = attrs.field(default="strip", validator=_one_of("html", ("strip", "reject", "keep")))
    min_english: float = attrs.field(default=0.08, validator=_check_unit("min_english"))
    #: candidate search: "exact" (all pairs, blockwise), "ann" (approximate
    #: nearest-neighbour index, sub-quadratic) or "auto" (ANN from 50,000 claims)
    search: str = attrs.field(default="auto", validator=check_search_mode)
    #: progress bars on stderr (articles parsed, texts encoded, pairs judged):
    #: True, False, or None for "only when stderr is a terminal"
    progress: bool | None = attrs.field(default=None, validator=check_progress)

    def run(self, articles: Iterable[object] | str | Article, *, skipped_input: Iterable[Skipped] = ()) -> Report:
        """Check ``articles`` and return a :class:`Report`.

        ``skipped_input`` lists input that never became an article (bad JSONL
        lines, say); the report carries it so nothing is lost silently.

        ``run`` is :meth:`prepare`, :meth:`extract`, :meth:`embed`,
        :meth:`find_pairs`, :meth:`judge_candidates` and :meth:`finish` in
        turn; distributed runners (:mod:`claimcheck.dask`) call the same
        stages on parts of the corpus.
        """
        arts, todo, skipped = self.prepare(articles, skipped_input=skipped_input)
        claims, more_skipped = self.extract(todo)
        emb = self.embed(claims)
        pairs = self.find_pairs(claims, emb)
        judged = self.judge_candidates(claims, pairs)
        return self.finish(arts, claims, emb, pairs, judged, [*skipped, *more_skipped])

    def prepare(self, articles: Iterable[object] | str | Article, *,
                skipped_input: Iterable[Skipped] = ()) -> tuple[list[Article], list[Article], list[Skipped]]:
        """Validate and clean the input.

        Returns ``(all_articles, articles_to_analyse, skipped)``: every
        article sorted by id, the ones worth splitting (HTML stripped,
        over-long text cut to a prefix), and what was skipped and why.

        >>> from claimcheck import HashingEncoder
        >>> arts, todo, skipped = Pipeline(encoder=HashingEncoder()).prepare(["", "Rain fell."])
        >>> [a.text for a in todo], [s.reason for s in skipped]
        (['Rain fell.'], ['empty text'])
        """
        arts = sorted(coerce_articles(articles), key=lambda a: a.id)
        skipped: list[Skipped] = list(skipped_input)
        todo: list[Article] = []
        for k, a in enumerate(arts):
            if self.html != "keep" and looks_like_html(a.text):
                if self.html == "reject":
                    skipped.append(Skipped(article=a.id, what="article",
                                           reason="text is HTML (html='reject'); pass plain text or html='strip'"))
                    continue
                a = attrs.evolve(a, text=strip_html(a.text))
                arts[k] = a
                skipped.append(Skipped(article=a.id, what="markup",
                                       reason="HTML tags were stripped; spans refer to the stripped text"))
            score, n_words = english_score(a.text)
            if n_words >= 30 and score < self.min_english:
                skipped.append(Skipped(
                    article=a.id, what="article",
                    reason=f"text does not look like English ({score:.0%} common English words); "
                           "claimcheck's parser handles English only"))
                continue
            if not a.text.strip():
                skipped.append(Skipped(article=a.id, what="article", reason="empty text"))
            elif len(a.text) > self.max_chars:
                # analyse the beginning (a prefix keeps every offset valid) and say what was left out
                cut = a.text.rfind("\n", self.max_chars // 2, self.max_chars) + 1 or self.max_chars
                skipped.append(Skipped(
                    article=a.id, what="text", start=cut, end=len(a.text),
                    reason=f"not analysed: the article has {len(a.text)} characters, over the limit "
                           f"max_chars={self.max_chars}"))
                todo.append(attrs.evolve(a, text=a.text[:cut]))
            else:
                todo.append(a)
        return arts, todo, skipped

    def extract(self, todo: Sequence[Article]) -> tuple[list[Claim], list[Skipped]]:
        """Split prepared articles into claims, with what the splitter skipped."""
        claims: list[Claim] = []
        skipped: list[Skipped] = []
        todo = list(todo)
        try:
            # with a bar, a few articles at a time (splitters work article by article)
            step = _STEP if progress_enabled(self.progress) else max(1, len(todo))
            split = []
            with stage("articles parsed", len(todo), unit="article",
                       enabled=progress_enabled(self.progress)) as update:
                for start in range(0, len(todo), step):
                    split.extend(self.splitter.split(todo[start:start + step]))
                    update(len(todo[start:start + step]))
        except ClaimcheckError:
            raise
        except Exception as exc:  # noqa: BLE001 - a splitter's own failure is a model error
            raise ModelError(f"the splitter {type(self.splitter).__name__} failed: {exc}") from exc
        if len(split) != len(todo):
            raise ModelError(f"the splitter returned {len(split)} results for {len(todo)} articles")
        for a, (found, skips) in zip(todo, split):
            claims.extend(found)
            skipped.extend(skips)
            if not found:
                skipped.append(Skipped(article=a.id, what="article",
                                       reason="no claims found in the text"))
        return claims, skipped

    def embed(self, claims: Sequence[Claim]) -> np.ndarray[Any, Any]:
        """One L2-normalised row per claim, from the encoder.

        The result does not depend on the order of ``claims`` or on
        ``torch.get_num_threads()``: the encoder sees each distinct text
        once, sorted, so its batches are always the same; and a torch
        encoder runs with one intra-op thread per CPU this process may use
        (:func:`encode_threads`, whatever the caller set; the setting is
        restored afterwards), so on one machine no sum is ever split
        differently between threads.  Claims sit near the similarity
        thresholds, and a last-bit difference would otherwise change the
        report.

        >>> from claimcheck import HashingEncoder
        >>> Pipeline(encoder=HashingEncoder(dim=8)).embed([]).shape
        (0, 8)
        """
        import sys
        import threading

        texts = [c.text for c in claims]
        unique = sorted(set(texts))
        torch: Any = None
        if type(self.encoder).__name__ != "HashingEncoder" or "torch" in sys.modules:
            try:
                import torch
            except ImportError:  # pragma: no cover - torch comes with sentence-transformers
                torch = None
        # torch's thread setting is process-wide: one lock so that concurrent
        # embed calls (threaded runners) neither race nor restore a wrong value
        lock = globals().setdefault("_EMBED_THREADS_LOCK", threading.Lock())
        bar = progress_enabled(self.progress)
        with lock, stage("texts encoded", len(unique), unit="text", enabled=bar) as update:
            saved = torch.get_num_threads() if torch is not None else None
            fixed = encode_threads()
            try:
                if torch is not None and saved != fixed:
                    torch.set_num_threads(fixed)
                distinct = encode_with_progress(self.encoder, unique, update if bar else None)
            finally:
                if torch is not None and saved is not None and torch.get_num_threads() != saved:
                    torch.set_num_threads(saved)
        distinct = np.asarray(distinct)
        if distinct.ndim != 2 or distinct.shape[0] != len(unique):
            raise ModelError(f"encoder returned an array of shape {distinct.shape} for {len(unique)} texts")
        index = {t: k for k, t in enumerate(unique)}
        emb: np.ndarray[Any, Any] = distinct[[index[t] for t in texts]] if texts else distinct[:0]
        if emb.shape[0] != len(claims):
            raise ModelError(f"encoder returned {emb.shape[0]} rows for {len(claims)} texts")
        return emb

    def find_pairs(self, claims: Sequence[Claim], emb: np.ndarray[Any, Any]) -> list[tuple[int, int, float]]:
        """Candidate pairs ``(i, j, cosine)`` from different sources.

        Same-topic pairs from the embedding search, and the pairs that give
        one distinctive figure (:func:`figure_pairs`).

        ``search`` picks the exact search or the approximate nearest-neighbour
        index ("auto": the index from 50,000 claims up).
        """
        groups = [(c.source, c.speaker or "") for c in claims]
        pairs = candidate_pairs(emb, groups, threshold=self.topic_threshold, top_k=self.top_k,
                                search=self.search)
        return pairs + figure_pairs(claims, emb, {(i, j) for i, j, _s in pairs})

    def judge_candidates(self, claims: Sequence[Claim],
                         pairs: Sequence[tuple[int, int, float]]) -> list[Judgement]:
        """Judge each candidate pair with the pipeline's judge."""
        todo = [(claims[i], claims[j], s) for i, j, s in pairs]
        if not progress_enabled(self.progress):
            return judge_pairs(self.judge, todo)
        out: list[Judgement] = []
        with stage("pairs judged", len(todo), unit="pair", enabled=True) as update:
            for start in range(0, len(todo), 64 * _STEP):
                out.extend(judge_pairs(self.judge, todo[start:start + 64 * _STEP]))
                update(len(todo[start:start + 64 * _STEP]))
        return out

    def finish(self, arts: Sequence[Article], claims: Sequence[Claim], emb: np.ndarray[Any, Any],
               pairs: Sequence[tuple[int, int, float]], judged: Sequence[Judgement],
               skipped: Sequence[Skipped]) -> Report:
        """Cluster paraphrases and assemble the :class:`Report` and its graph."""
        claims = list(claims)
        clusters, more = self._clusters(claims, emb, list(pairs), list(judged))
        judgements = tuple(sorted([*judged, *more], key=lambda j: (j.a, j.b)))
        return Report(
            articles=tuple(arts),
            claims=tuple(claims),
            clusters=clusters,
            judgements=judgements,
            skipped=tuple(sorted(skipped, key=lambda s: (s.article, s.start or -1, s.what))),
            graph=build_graph(tuple(claims), clusters, judgements, articles=tuple(arts)),
            options={"topic_threshold": self.topic_threshold, "top_k": self.top_k,
                     "encoder": getattr(self.encoder, "name", type(self.encoder).__name__),
                     "judge": type(self.judge).__name__, "search": self.search},
        )

    def _clusters(self, claims: list[Claim], emb: np.ndarray[Any, Any],
                  pairs: list[tuple[int, int, float]],
                  judged: list[Judgement]) -> tuple[tuple[Cluster, ...], list[Judgement]]:
        """Paraphrase clusters, and the judgements made to keep conflicts apart."""
        index = {c.id: k for k, c in enumerate(claims)}
        edges = []
        cannot: set[tuple[int, int]] = set()
        judged_pairs = {(i, k) for i, k, _s in pairs}
        more: list[Judgement] = []

        def groups_of(c: Claim) -> tuple[str, str]:
            return (c.source, c.speaker or "")

        # Claims merge along "same fact" edges, strongest first, unless
        # (a) some pair across the two groups is blocked: a contradiction, an
        # update, or frames that disagree (numbers, places, dates, polarity,
        # likelihood), or (b) most judged pairs across them are not "the same
        # fact", so A~B~C chains do not pull unrelated facts together.
        verdicts: dict[tuple[int, int], bool] = {}

        def note(i: int, k: int, j: Judgement) -> None:
            key = (min(i, k), max(i, k))
            judged_pairs.add(key)
            if j.label == "entailment":
                verdicts[key] = True
                edges.append((key[0], key[1], j.score))
            else:
                verdicts[key] = False
                if j.label in {"contradiction", "update"} or _frame_veto(claims[i], claims[k]):
                    cannot.add(key)

        for j in judged:
            note(index[j.a], index[j.b], j)
        groups = _majority_groups(len(claims), edges, cannot, verdicts)
        # Judge the member pairs that were not candidates, and group again.
        # Pairs from the same source and speaker are judged only to keep
        # them apart; they never become judgements of the report.
        for _ in range(10):
            extra = []
            for members in groups:
                for x in range(len(members)):
                    for y in range(x + 1, len(members)):
                        i, k = members[x], members[y]
                        if (i, k) not in judged_pairs:
                            extra.append((i, k, float(emb[i] @ emb[k])))
            if not extra:
                break
            for (i, k, _s), j in zip(extra, judge_pairs(self.judge, [(claims[i], claims[k], s) for i, k, s in extra])):
                if groups_of(claims[i]) != groups_of(claims[k]):
                    more.append(j)
                note(i, k, j)
            groups = _majority_groups(len(claims), edges, cannot, verdicts)
        outlets_total = len({c.source for c in claims})
        out = []
        for members in groups:
            ids = tuple(claims[m].id for m in members)
            sub = emb[members]
            sims = sub @ sub.T
            if len(members) > 1:
                centre = int(np.argmax(sims.sum(axis=1)))
                upper = sims[np.triu_indices(len(members), k=1)]
                cohesion = round(float(upper.mean()), 4)
            else:
                centre, cohesion = 0, 1.0
            digest = hashlib.sha1("\n".join(ids).encode("utf-8")).hexdigest()[:12]
            dates = sorted(d for d in (claims[m].published for m in members) if d is not None)
            out.append(Cluster(
                id=f"cl-{digest}", claims=ids, representative=ids[centre],
                sources=tuple(sorted({claims[m].source for m in members})), cohesion=cohesion,
                source_counts=tuple(sorted(Counter(claims[m].source for m in members).items())),
                speaker_counts=tuple(sorted(Counter(claims[m].voice for m in members).items())),
                first_published=dates[0] if dates else None, last_published=dates[-1] if dates else None,
                representative_text=claims[members[centre]].text, outlets_total=outlets_total,
            ))
        return tuple(sorted(out, key=lambda c: (-len(c.claims), c.claims[0]))), more


#: articles split per progress update (pairs judged: 64 times as many)
_STEP = 32


def encode_threads() -> int:
    """The torch intra-op thread count :meth:`Pipeline.embed` always uses: the
    CPUs this process may run on.  A property of the machine, not of the
    caller's ``torch.set_num_threads``, so the same input on one machine
    always splits its sums the same way.

    >>> encode_threads() >= 1
    True
    """
    import os

    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


#: a figure given by more claims than this is too common to pair them all
_FIGURE_PAIR_LIMIT = 12


def figure_pairs(claims: Sequence[Claim], emb: np.ndarray[Any, Any],
                 seen: set[tuple[int, int]]) -> list[tuple[int, int, float]]:
    """Candidate pairs ``(i, j, cosine)`` the embedding search misses: claims
    of different sources or speakers that give the same distinctive figure
    (:func:`claimcheck._judge.figure_key`: "scorched about 6,800 hectares" /
    "it had consumed some 6,800 hectares"), not already in ``seen``.  A figure
    more than ``_FIGURE_PAIR_LIMIT`` claims give is left to the embeddings."""
    groups = [(c.source, c.speaker or "") for c in claims]
    seen = set(seen)
    by_key: dict[tuple[float, str], list[int]] = {}
    for k, c in enumerate(claims):
        for q in c.frame.quantities:
            key = figure_key(q)
            if key is not None:
                by_key.setdefault((key[1], key[2]), []).append(k)
    out: list[tuple[int, int, float]] = []
    for members in by_key.values():
        members = sorted(set(members))
        if len(members) < 2 or len(members) > _FIGURE_PAIR_LIMIT:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if groups[i] != groups[j] and (i, j) not in seen:
                    seen.add((i, j))
                    out.append((i, j, float(emb[i] @ emb[j])))
    return out


def _majority_groups(n: int, edges: Sequence[tuple[int, int, float]], cannot: set[tuple[int, int]],
                     verdicts: dict[tuple[int, int], bool]) -> list[list[int]]:
    """Merge along ``edges`` (strongest first) unless a ``cannot`` pair
    would end up in one group or most judged pairs across the two groups
    are not the same fact.  Deterministic; returns sorted groups.

    Cost: each item keeps its judged partners, and a merge scans only the
    partners of the smaller group's members (merging it into the larger),
    so the work is near-linear in the judged pairs rather than the product
    of the two group sizes.

    >>> _majority_groups(3, [(0, 1, 0.9), (1, 2, 0.8)], set(), {(0, 1): True, (1, 2): True, (0, 2): False})
    [[0, 1, 2]]
    >>> _majority_groups(3, [(0, 1, 0.9), (1, 2, 0.8)], {(0, 2)}, {(0, 1): True, (1, 2): True})
    [[0, 1], [2]]
    """
    # partners[x]: (y, +1) judged the same fact, (y, -1) judged not, (y, 0) must stay apart
    partners: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for (x, y), same in verdicts.items():
        if (x, y) not in cannot:
            mark = 1 if same else -1
            partners[x].append((y, mark))
            partners[y].append((x, mark))
    for x, y in cannot:
        partners[x].append((y, 0))
        partners[y].append((x, 0))
    group = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for i, k, _s in sorted(edges, key=lambda e: (-e[2], e[0], e[1])):
        gi, gk = group[i], group[k]
        if gi == gk:
            continue
        small, big = (gi, gk) if len(members[gi]) <= len(members[gk]) else (gk, gi)
        yes = no = 0
        blocked = False
        for x in members[small]:
            for y, mark in partners[x]:
                if group[y] != big:
                    continue
                if mark == 0:
                    blocked = True
                    break
                yes += mark > 0
                no += mark < 0
            if blocked:
                break
        if blocked or no > yes:
            continue
        for x in members[small]:
            group[x] = big
        members[big].extend(members.pop(small))
    return sorted((sorted(m) for m in members.values()), key=lambda g: g[0])


def check(articles: Iterable[object] | str | Article, **options: Any) -> Report:
    """Find where articles from several outlets contradict each other.

    ``articles`` may be :class:`Article` objects, dicts with ``text`` (and
    ``id``, ``source``, ``title``, ``published``, ``url``), or plain
    strings.  ``options`` are :class:`Pipeline` fields (``encoder=``,
    ``judge=``, ``splitter=``, ``topic_threshold=``, ``top_k=``,
    ``max_chars=``, ``html=`` "strip", "reject" or "keep", ``min_english=``,
    ``progress=`` True, False or None: bars on stderr only on a terminal).

    >>> import claimcheck
    >>> r = claimcheck.check([
    ...     {"id": "a", "source": "Wire", "text": "Officials said 40 people died in the flood."},
    ...     {"id": "b", "source": "Herald", "text": "Officials said 12 people died in the flood."},
    ... ])                                                   # doctest: +SKIP
    >>> [j.kind for j in r.contradictions]                   # doctest: +SKIP
    ['numeric']
    """
    try:
        pipeline = Pipeline(**options)
    except TypeError as exc:
        raise ConfigError(f"unknown or invalid option: {exc}") from None
    return pipeline.run(articles)
