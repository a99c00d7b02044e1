"""Shared fixtures: the real models (loaded once per session), the seed
article, the quake example and a fast model-free pipeline.

Hypothesis profiles: ``default``, ``ci`` (derandomised, so CI runs are
repeatable; chosen when ``CI`` is set) and ``thorough`` (1000 examples, for a
local bug hunt: ``HYPOTHESIS_PROFILE=thorough python -m pytest tests``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import claimcheck
from claimcheck import HashingEncoder, Pipeline, Quantity, Report, SentenceTransformerEncoder

settings.register_profile(
    "default",
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("ci", parent=settings.get_profile("default"), derandomize=True, print_blob=True)
settings.register_profile("thorough", parent=settings.get_profile("default"), max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default"))

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"
SEED_PATH = SHARED / "seeds" / "moscow-times-putin-trump-2025-08-07.txt"
SEED_ID = "mt"


@pytest.fixture(scope="session")
def st_encoder() -> SentenceTransformerEncoder:
    """The real sentence-transformers encoder, loaded once for the whole session."""
    enc = SentenceTransformerEncoder()
    try:
        enc.encode(["warm up"])
    except claimcheck.ModelError as exc:  # pragma: no cover - depends on the install
        pytest.skip(f"the bundled embedding model cannot be loaded: {exc}")
    return enc


@pytest.fixture(scope="session")
def figures() -> Callable[[str], list[Quantity]]:
    """The figures (``claimcheck._frames.quantities``) the real parser reads in a text."""
    from claimcheck._frames import quantities
    from claimcheck._nlp import DEFAULT_SPACY_MODEL, load_spacy

    nlp = load_spacy(DEFAULT_SPACY_MODEL)

    def read(text: str) -> list[Quantity]:
        return list(quantities(list(nlp(text))))

    return read


@pytest.fixture(scope="session")
def hashing_pipeline() -> Pipeline:
    """spaCy splitter + deterministic HashingEncoder: no sentence-transformers."""
    return Pipeline(encoder=HashingEncoder())


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """Path of the seed article; the test is skipped when ../shared is absent."""
    if not SEED_PATH.is_file():
        pytest.skip(f"seed article not found at {SEED_PATH}")
    return SEED_PATH


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_report(seed_text: str, st_encoder: SentenceTransformerEncoder) -> Report:
    """``check()`` on the seed article with the real models, computed once."""
    return claimcheck.check([{"id": SEED_ID, "source": "The Moscow Times", "text": seed_text}],
                            encoder=st_encoder)


@pytest.fixture(scope="session")
def quake_articles() -> list[claimcheck.Article]:
    return claimcheck.read_paths([EXAMPLES / "quake.jsonl"])


@pytest.fixture(scope="session")
def quake_report(quake_articles: list[claimcheck.Article], st_encoder: SentenceTransformerEncoder) -> Report:
    """``check()`` on examples/quake.jsonl with the real models, computed once."""
    return claimcheck.check(quake_articles, encoder=st_encoder)


@pytest.fixture()
def cli_with_session_encoder(monkeypatch: pytest.MonkeyPatch, st_encoder: SentenceTransformerEncoder) -> None:
    """Make the CLI reuse the session's encoder instead of loading the model again."""
    import claimcheck.cli as cli

    real_pipeline = cli.Pipeline

    def pipeline(**options: Any) -> Pipeline:
        options.setdefault("encoder", st_encoder)
        return real_pipeline(**options)

    monkeypatch.setattr(cli, "Pipeline", pipeline)
