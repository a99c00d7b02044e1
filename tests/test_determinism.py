"""The same input gives byte-identical JSON whatever the article order or the torch thread count."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np
import pytest
import torch

import claimcheck
from claimcheck import HashingEncoder, Pipeline


@attrs.define
class NoisyEncoder:
    """HashingEncoder plus the kind of noise a real encoder shows: rows move a
    little with the torch thread count and with their position in the batch."""

    scale: float = 1e-4
    inner: HashingEncoder = attrs.field(factory=HashingEncoder)
    name: str = "noisy-hashing"

    def encode(self, texts: Sequence[str]) -> Any:
        m = self.inner.encode(texts).astype(np.float64)
        rng = np.random.default_rng(torch.get_num_threads())
        noise = rng.standard_normal(m.shape) * self.scale
        noise += np.arange(len(texts))[:, None] * self.scale / 10  # depends on the order of the batch
        m = m + noise
        return (m / np.linalg.norm(m, axis=1, keepdims=True)).astype(np.float32)


def _json(pipeline: Pipeline, articles: Sequence[claimcheck.Article], threads: int) -> str:
    saved = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        return pipeline.run(articles).to_json()
    finally:
        torch.set_num_threads(saved)


@pytest.fixture(scope="module")
def noisy() -> Pipeline:
    return Pipeline(encoder=NoisyEncoder())


def test_thread_noise_and_order_do_not_reach_the_report(
        noisy: Pipeline, quake_articles: list[claimcheck.Article]) -> None:
    reference = _json(noisy, quake_articles, 1)
    assert _json(noisy, quake_articles, 2) == reference
    assert _json(noisy, quake_articles[::-1], 2) == reference
    assert _json(noisy, quake_articles, 1) == reference


def test_the_noise_would_change_the_report_without_embed(
        noisy: Pipeline, quake_articles: list[claimcheck.Article]) -> None:
    """Control: the same stages fed the encoder's raw rows at two thread counts disagree."""
    arts, todo, skipped = noisy.prepare(quake_articles)
    claims, more = noisy.extract(todo)
    outs = []
    for threads in (1, 2):
        saved = torch.get_num_threads()
        torch.set_num_threads(threads)
        try:
            emb = noisy.encoder.encode([c.text for c in claims])
        finally:
            torch.set_num_threads(saved)
        pairs = noisy.find_pairs(claims, emb)
        outs.append(noisy.finish(arts, claims, emb, pairs, noisy.judge_candidates(claims, pairs),
                                 [*skipped, *more]).to_json())
    assert outs[0] != outs[1]


def test_embed_restores_the_thread_count(noisy: Pipeline, quake_articles: list[claimcheck.Article]) -> None:
    from claimcheck._pipeline import encode_threads

    saved = torch.get_num_threads()
    other = encode_threads() + 1  # a caller's setting that embed must override and then put back
    torch.set_num_threads(other)
    try:
        claims, _ = noisy.extract(noisy.prepare(quake_articles[:1])[1])
        emb = noisy.embed(claims)
        assert torch.get_num_threads() == other
    finally:
        torch.set_num_threads(saved)
    assert emb.shape == (len(claims), noisy.encoder.inner.dim)  # type: ignore[attr-defined]
    # rows follow the claims, duplicates included
    assert np.array_equal(noisy.embed([*claims, claims[0]])[-1], noisy.embed(claims)[0])


def test_same_input_twice_gives_the_same_json(hashing_pipeline: Pipeline,
                                              quake_articles: list[claimcheck.Article]) -> None:
    first = hashing_pipeline.run(quake_articles).to_json()
    assert hashing_pipeline.run(list(reversed(quake_articles))).to_json() == first
    assert hashing_pipeline.run(quake_articles).to_json() == first


@pytest.mark.slow
def test_real_encoder_is_identical_across_threads_and_order(
        st_encoder: claimcheck.SentenceTransformerEncoder, quake_articles: list[claimcheck.Article],
        seed_text: str) -> None:
    articles = [*quake_articles, claimcheck.Article(id="mt", source="The Moscow Times", text=seed_text)]
    p = Pipeline(encoder=st_encoder)
    reference = _json(p, articles, 1)
    assert _json(p, articles, 2) == reference
    assert _json(p, articles[::-1], 2) == reference


def test_embed_encodes_with_the_machine_thread_count(quake_articles: list[claimcheck.Article]) -> None:
    """Whatever the caller set, the encoder runs with one thread per usable CPU (all of them, not one)."""
    from claimcheck._pipeline import encode_threads

    seen: list[int] = []

    @attrs.define
    class Recording(HashingEncoder):
        def encode(self, texts: Sequence[str]) -> Any:
            seen.append(torch.get_num_threads())
            return super().encode(texts)

    pipe = Pipeline(encoder=Recording())
    claims, _ = pipe.extract(pipe.prepare(quake_articles[:1])[1])
    saved = torch.get_num_threads()
    try:
        for caller in (1, encode_threads() + 1):
            torch.set_num_threads(caller)
            pipe.embed(claims)
    finally:
        torch.set_num_threads(saved)
    assert seen == [encode_threads(), encode_threads()]
