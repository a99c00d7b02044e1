"""Judging two pieces of text directly: :func:`compare`."""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterable, Sequence

from ._encode import Encoder, SentenceTransformerEncoder
from ._frames import build_frame
from ._io import parse_date
from ._judge import Judge, RuleJudge, judge_pairs
from ._nlp import DEFAULT_SPACY_MODEL, load_spacy
from ._text import squash
from ._types import Claim, Judgement
from .errors import InputError

__all__ = ["compare", "compare_many"]


@functools.lru_cache(maxsize=1)
def _default_encoder() -> SentenceTransformerEncoder:
    return SentenceTransformerEncoder()


def _claims_for(texts: Sequence[str], *, side: str, published: _dt.date | None,
                speaker: str | None, source: str) -> list[Claim]:
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    out = []
    for k, (text, doc) in enumerate(zip(texts, nlp.pipe(texts, batch_size=64))):
        toks = [t for t in doc if not t.is_space]
        clean = squash(text)
        out.append(Claim(
            id=f"{side}{k}", article=f"{side}{k}", source=source, speaker=speaker, text=clean,
            start=0, end=len(text), frame=build_frame(toks, text=clean, published=published),
            published=published,
        ))
    return out


def compare_many(
    pairs: Iterable[tuple[str, str]],
    *,
    encoder: Encoder | None = None,
    judge: Judge | None = None,
    published_a: object = None,
    published_b: object = None,
) -> list[Judgement]:
    """Judge many ``(a, b)`` text pairs in one batch.

    Same results as :func:`compare` on each pair, but parsing and
    embedding are batched.
    """
    pairs = list(pairs)
    for k, p in enumerate(pairs):
        if not (isinstance(p, tuple) and len(p) == 2 and all(isinstance(x, str) for x in p)):
            raise InputError(f"pair #{k}: expected a (str, str) tuple")
    if not pairs:
        return []
    enc = encoder if encoder is not None else _default_encoder()
    jd = judge if judge is not None else RuleJudge()
    pa = parse_date(published_a, where="published_a")
    pb = parse_date(published_b, where="published_b")
    a_claims = _claims_for([a for a, _ in pairs], side="a", published=pa, speaker=None, source="A")
    b_claims = _claims_for([b for _, b in pairs], side="b", published=pb, speaker=None, source="B")
    emb_a = enc.encode([c.text for c in a_claims])
    emb_b = enc.encode([c.text for c in b_claims])
    sims = (emb_a * emb_b).sum(axis=1)
    return judge_pairs(jd, [(x, y, float(s)) for x, y, s in zip(a_claims, b_claims, sims)])


def compare(a: str, b: str, **context: object) -> Judgement:
    """Judge whether claim ``a`` and claim ``b`` contradict each other.

    ``context`` may give ``encoder=``, ``judge=``, ``published_a=`` and
    ``published_b=`` (ISO dates: reports from different dates whose
    numbers differ are an ``update``); any other keyword is an
    :class:`~claimcheck.errors.InputError`.

    >>> j = compare("The summit is in the UAE.", "The summit is in Geneva.")  # doctest: +SKIP
    >>> j.label, j.kind                                                       # doctest: +SKIP
    ('contradiction', 'place')
    """
    if not isinstance(a, str) or not isinstance(b, str):
        raise InputError("compare() takes two strings")
    unknown = sorted(set(context) - _CONTEXT)
    if unknown:
        raise InputError(f"compare() got unknown context {', '.join(map(repr, unknown))}; "
                         f"it takes {', '.join(sorted(_CONTEXT))}")
    return compare_many([(a, b)], **context)[0]  # type: ignore[arg-type]


#: the keyword arguments :func:`compare` passes on to :func:`compare_many`
_CONTEXT = frozenset({"encoder", "judge", "published_a", "published_b"})
