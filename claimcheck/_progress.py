"""Progress bars for long runs: on a terminal by default, silent when piped."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

from .errors import ConfigError

__all__ = ["check_progress", "progress_enabled", "stage"]


def check_progress(_inst: object, _attr: object, value: Any) -> None:
    """attrs validator: ``progress`` is True, False or None."""
    if value is not None and not isinstance(value, bool):
        raise ConfigError(f"progress must be True, False or None (a bar only on a terminal), got {value!r}")


def progress_enabled(progress: bool | None, stream: IO[str] | None = None) -> bool:
    """Whether to draw bars: ``progress`` itself when it is a bool; for
    None, whether ``stream`` (default ``sys.stderr``) is a terminal.

    >>> import io
    >>> progress_enabled(None, io.StringIO()), progress_enabled(True, io.StringIO())
    (False, True)
    """
    if progress is not None:
        return progress
    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if callable(isatty) else False
    except (OSError, ValueError):  # a closed or detached stream
        return False


@contextmanager
def stage(desc: str, total: int, *, unit: str, enabled: bool,
          stream: IO[str] | None = None) -> Iterator[Callable[[int], object]]:
    """A bar for one pipeline stage; yields its ``update(n)`` function.

    When ``enabled`` is false nothing is imported or written and the
    update function does nothing.

    >>> import io
    >>> out = io.StringIO()
    >>> with stage("texts encoded", 3, unit="text", enabled=True, stream=out) as update:
    ...     update(3)
    >>> "texts encoded" in out.getvalue() and "3/3" in out.getvalue()
    True
    """
    if not enabled:
        yield _ignore
        return
    from tqdm import tqdm

    bar: Any = tqdm(total=total, desc=desc, unit=unit, file=sys.stderr if stream is None else stream,
                    dynamic_ncols=True, mininterval=0.5, leave=True)
    try:
        yield bar.update
    finally:
        bar.close()


def _ignore(_n: int) -> None:
    return None
