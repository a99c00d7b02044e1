"""Frozen value types that carry data between claimcheck's stages."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Literal

import attrs

from .errors import InputError

__all__ = [
    "Article",
    "Claim",
    "Cluster",
    "Entity",
    "Frame",
    "Judgement",
    "LABELS",
    "KINDS",
    "Quantity",
    "Skipped",
]

Label = Literal["contradiction", "entailment", "compatible", "update", "unrelated"]
Kind = Literal[
    "numeric", "date", "place", "entity", "polarity", "antonym", "likelihood", "other", "none"
]

#: Every label a judge may give a pair of claims.
LABELS: tuple[str, ...] = ("contradiction", "entailment", "compatible", "update", "unrelated")
#: Every kind of conflict a judgement may name ("none" when there is no conflict).
KINDS: tuple[str, ...] = (
    "numeric", "date", "place", "entity", "polarity", "antonym", "likelihood", "other", "none",
)


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def to_date(value: _dt.date | str | None, *, where: str = "Article") -> _dt.date | None:
    """A publication date from ``None``, a date, a datetime or an ISO-8601
    string; an :class:`~claimcheck.errors.InputError` for anything else.

    >>> to_date("2026-08-11"), to_date(None)
    (datetime.date(2026, 8, 11), None)
    >>> to_date("last Tuesday")
    Traceback (most recent call last):
    ...
    claimcheck.errors.InputError: Article: 'published' must be an ISO date like 2025-08-07, got 'last Tuesday'
    """
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        for parse in (_dt.date.fromisoformat, lambda t: _dt.datetime.fromisoformat(t).date()):
            try:
                return parse(s)
            except ValueError:
                pass
    raise InputError(f"{where}: 'published' must be an ISO date like 2025-08-07, got {value!r}")


@attrs.frozen
class Article:
    """One article from one outlet.

    ``published`` may be given as a date or an ISO string ("2026-08-11");
    it is stored as a date.

    >>> a = Article(id="a1", source="Wire", text="Rain fell.", published="2026-08-11")
    >>> a.source, a.published
    ('Wire', datetime.date(2026, 8, 11))
    """

    id: str
    source: str
    text: str
    title: str | None = None
    published: _dt.date | None = attrs.field(default=None, converter=to_date)
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form of the article (without its text)."""
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "chars": len(self.text),
        }


@attrs.frozen
class Entity:
    """A named entity found inside a claim (spaCy NER label)."""

    text: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "label": self.label}


@attrs.frozen
class Quantity:
    """A number in a claim, with its bound and the thing it counts.

    ``bound`` is one of ``"exact"``, ``"at_least"``, ``"at_most"``,
    ``"about"``.  ``unit`` is the counted noun or unit ("people", "%",
    "$", "dead") in lower case, or ``""`` when none was found.  ``verb``
    is the lemma of the verb the number depends on ("kill", "injure");
    ``context`` the content lemmas around the number ("revenue", "quarter");
    ``qualifiers`` the lemmas that qualify the counted noun ("league" in
    "31 league goals", "european" and "competition" in "12 goals in
    European competition"): two counts with different qualifiers count
    different things.
    """

    value: float
    unit: str
    bound: str
    text: str
    verb: str = ""
    context: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit, "bound": self.bound, "text": self.text,
                "verb": self.verb}


@attrs.frozen
class Frame:
    """What a claim asserts beyond its words: polarity, hedging, time,
    places, entities and quantities.

    ``modality`` is "asserted", "hedged", "likely", "unlikely", "opinion"
    (what ought to be, what the speaker thinks) or "question"; opinions and
    questions are kept but never judged as contradictions.
    ``likelihood`` is ``None`` when the claim carries no hedge, else a
    number in [0, 1]: 0 for "will not happen", 1 for "certain/imminent".
    ``cues`` lists the words that set polarity and likelihood.  ``time``
    holds the time expressions as written and ``dates`` their ISO forms,
    resolved against the publication date where it is known.
    ``subject`` is the dictionary form of the common noun the claim is
    about ("residents were evacuated" -> "resident"), or "" when its
    subject is a name, a pronoun or missing.  ``nouns`` holds the lemmas
    the parser tagged as nouns and ``adjectives`` those it tagged as
    adjectives, so that a word is compared as the part of speech it is
    ("the highest level" is not the verb "level"; "too close to the
    industry" is not the verb "close").  ``agent`` is the name of who does
    the claim's action when the parse shows one ("Graywater" in "a group
    calling itself Graywater claimed responsibility", "Norrow
    Infrastructure" in "the track is maintained by Norrow
    Infrastructure"), ``action`` that verb's dictionary form and
    ``patient`` the content lemmas of what it is done to.  ``action`` is
    set whenever the claim has one main verb; ``agent`` and ``patient``
    only when the doer is named and what is done has a noun.
    """

    negated: bool = False
    modality: str = "asserted"
    likelihood: float | None = None
    cues: tuple[str, ...] = ()
    time: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    participants: tuple[str, ...] = ()
    lemmas: tuple[str, ...] = ()
    subject: str = ""
    nouns: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    agent: str = ""
    action: str = ""
    patient: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "polarity": "negative" if self.negated else "positive",
            "modality": self.modality,
            "likelihood": self.likelihood,
            "cues": list(self.cues),
            "time": list(self.time),
            "dates": list(self.dates),
            "places": list(self.places),
            "entities": [e.to_dict() for e in self.entities],
            "quantities": [q.to_dict() for q in self.quantities],
            "participants": list(self.participants),
            "subject": self.subject,
            "agent": self.agent,
            "action": self.action,
        }


@attrs.frozen
class Claim:
    """One atomic assertion taken from an article.

    ``article_text[start:end]`` is the evidence span the claim came from;
    ``text`` is the claim as it reads on its own (subject carried over,
    quotation marks and line breaks removed).  ``speaker`` is the person
    or institution the claim is attributed to, or ``None`` for the
    outlet's own voice.

    >>> c = Claim(id="a1:0", article="a1", source="Wire", speaker=None,
    ...           text="Rain fell.", start=0, end=10)
    >>> c.voice
    'Wire'
    """

    id: str
    article: str
    source: str
    speaker: str | None
    text: str
    start: int
    end: int
    speaker_mention: str | None = None
    attribution: str | None = None
    frame: Frame = attrs.field(factory=Frame)
    sentence: int = 0
    published: _dt.date | None = None

    @property
    def voice(self) -> str:
        """Who is answerable for the claim: the speaker, else the outlet."""
        return self.speaker if self.speaker is not None else self.source

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "article": self.article,
            "source": self.source,
            "speaker": self.speaker,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker_mention": self.speaker_mention,
            "attribution": self.attribution,
        }
        d.update(self.frame.to_dict())
        return d


@attrs.frozen
class Cluster:
    """Claims from one or more sources that state the same fact.

    ``representative`` is the id of the most central member.
    """

    id: str
    claims: tuple[str, ...]
    representative: str
    sources: tuple[str, ...]
    cohesion: float
    source_counts: tuple[tuple[str, int], ...] = ()
    speaker_counts: tuple[tuple[str, int], ...] = ()
    first_published: _dt.date | None = None
    last_published: _dt.date | None = None
    representative_text: str = ""
    outlets_total: int = 0

    @property
    def coverage(self) -> str:
        """"reported by 3 of 4 outlets"."""
        n = len(self.sources)
        total = self.outlets_total or n
        return f"reported by {n} of {total} outlet{'s' if total != 1 else ''}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "claims": list(self.claims),
            "representative": self.representative,
            "representative_text": self.representative_text,
            "sources": list(self.sources),
            "source_counts": dict(self.source_counts),
            "speaker_counts": dict(self.speaker_counts),
            "coverage": self.coverage,
            "first_published": self.first_published.isoformat() if self.first_published else None,
            "last_published": self.last_published.isoformat() if self.last_published else None,
            "size": len(self.claims),
            "cohesion": self.cohesion,
        }


@attrs.frozen
class Judgement:
    """The verdict on one pair of claims.

    ``score`` is the judge's confidence in ``label``, in [0, 1].
    ``reason`` is a sentence a person can read; ``evidence`` holds the
    two conflicting pieces of text (one from each claim) when there is a
    conflict.

    >>> j = Judgement(a="x", b="y", label="unrelated", score=0.9)
    >>> j.is_contradiction
    False
    """

    a: str
    b: str
    label: str
    score: float
    kind: str = "none"
    reason: str = ""
    evidence: tuple[str, str] | None = None
    similarity: float | None = None

    @property
    def is_contradiction(self) -> bool:
        """True when the label is ``"contradiction"``."""
        return self.label == "contradiction"

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "label": self.label,
            "score": self.score,
            "kind": self.kind,
            "reason": self.reason,
            "evidence": list(self.evidence) if self.evidence else None,
            "similarity": self.similarity,
        }


@attrs.frozen
class Skipped:
    """Something that was left out of the analysis, and why."""

    article: str
    what: str
    reason: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "what": self.what,
            "reason": self.reason,
            "start": self.start,
            "end": self.end,
        }
