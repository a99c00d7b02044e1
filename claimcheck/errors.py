"""claimcheck's exception hierarchy.

Every error that claimcheck raises on purpose derives from
:class:`ClaimcheckError`, so callers can catch one type:

>>> from claimcheck.errors import ClaimcheckError, InputError
>>> try:
...     raise InputError("article 'a1': text must be a string")
... except ClaimcheckError as exc:
...     print(exc)
article 'a1': text must be a string
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ClaimcheckError",
    "ConfigError",
    "InputError",
    "ModelError",
]


class ClaimcheckError(Exception):
    """Base class of every error raised by claimcheck."""


class InputError(ClaimcheckError, ValueError):
    """Bad input: a missing file, malformed JSONL, a wrong type.

    The message names the file, the line or the article id.
    """


class ConfigError(ClaimcheckError, ValueError):
    """An option has an impossible value or an unknown name."""


class ModelError(ClaimcheckError, RuntimeError):
    """A model (spaCy pipeline, sentence-transformers encoder, NLI model)
    could not be loaded or failed while running."""


def _one_of(name: str, allowed: tuple[str, ...]) -> Any:
    """An attrs validator: the value must be one of ``allowed`` (a :class:`ConfigError` otherwise).

    >>> _one_of("html", ("strip", "keep"))(None, None, "drop")
    Traceback (most recent call last):
    ...
    claimcheck.errors.ConfigError: html must be one of strip, keep; got 'drop'
    """
    def validate(_inst: object, _attr: object, value: object) -> None:
        if value not in allowed:
            raise ConfigError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")
    return validate
