"""Turning user input (objects, dicts, strings, files) into Articles."""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ._types import Article, Skipped, to_date
from .errors import InputError

__all__ = ["coerce_articles", "read_paths", "parse_date"]

_FIELDS = {"id", "source", "text", "title", "published", "url"}


def parse_date(value: object, *, where: str) -> _dt.date | None:
    """Read a publication date: ``None``, a date, or an ISO-8601 string."""
    return to_date(value, where=where)  # type: ignore[arg-type]  # to_date checks the type


def _text_id(text: str) -> str:
    return "doc-" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:10]


def _from_mapping(d: Mapping[str, Any], *, where: str) -> Article:
    if "text" not in d:
        raise InputError(f"{where}: missing the required field 'text'")
    text = d["text"]
    if not isinstance(text, str):
        raise InputError(f"{where}: 'text' must be a string, got {type(text).__name__}")
    for key in ("id", "source", "title", "url"):
        v = d.get(key)
        if v is not None and not isinstance(v, (str, int)):
            raise InputError(f"{where}: {key!r} must be a string, got {type(v).__name__}")
    aid = str(d["id"]) if d.get("id") not in (None, "") else _text_id(text)
    source = str(d["source"]) if d.get("source") not in (None, "") else aid
    return Article(
        id=aid,
        source=source,
        text=text,
        title=None if d.get("title") is None else str(d["title"]),
        published=parse_date(d.get("published"), where=where),
        url=None if d.get("url") is None else str(d["url"]),
    )


def coerce_articles(items: Iterable[object] | str | Article) -> list[Article]:
    """Accept Articles, dicts or plain strings; check ids are unique.

    A plain string becomes an article whose id (and source) is a hash of
    its text, so the result does not depend on the order of the input.

    >>> [a.source for a in coerce_articles([{"id": "1", "source": "Wire", "text": "x"}])]
    ['Wire']
    >>> coerce_articles(["Rain fell."])[0].id
    'doc-9bd4d102c6'
    """
    if isinstance(items, (str, Article, Mapping)):
        items = [items]
    if isinstance(items, (bytes, bytearray)):
        raise InputError("articles must be text, not bytes: decode them first")
    try:
        seq = list(items)
    except TypeError as exc:
        raise InputError(f"articles must be a list of Article, dict or str, got {type(items).__name__}") from exc
    out: list[Article] = []
    for k, item in enumerate(seq):
        where = f"article #{k}"
        if isinstance(item, Article):
            for key in ("id", "source", "text"):
                if not isinstance(getattr(item, key), str):
                    raise InputError(f"{where} ({item.id!r}): {key} must be a string, "
                                     f"got {type(getattr(item, key)).__name__}")
            out.append(item)
        elif isinstance(item, Mapping):
            out.append(_from_mapping(item, where=where if "id" not in item else f"article {item['id']!r}"))
        elif isinstance(item, str):
            out.append(Article(id=_text_id(item), source=_text_id(item), text=item))
        else:
            raise InputError(f"{where}: expected an Article, a dict or a str, got {type(item).__name__}")
    seen: dict[str, int] = {}
    for k, a in enumerate(out):
        if a.id in seen:
            raise InputError(f"duplicate article id {a.id!r} (articles #{seen[a.id]} and #{k})")
        seen[a.id] = k
    return out


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}): {exc.reason}") from None


def _json_problem(exc: ValueError | RecursionError) -> str:
    """What was wrong with a line that ``json.loads`` refused, in a few words."""
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} (column {exc.colno})"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if "digits" in str(exc):
        return "a number has too many digits"
    return str(exc)


def read_paths(
    paths: Sequence[str | os.PathLike[str]],
    *,
    source: str | None = None,
    bad_lines: list[Skipped] | None = None,
) -> list[Article]:
    """Read ``.txt`` files (one article each) and ``.jsonl`` files (one per line).

    A text file's id is its stem and its source is ``source`` or the stem.
    Malformed JSONL stops with an :class:`InputError` naming file and line,
    unless a list is passed as ``bad_lines``: then each bad line is appended
    to it as a :class:`Skipped` (article ``"FILE:LINE"``) and reading goes on.
    """
    out: list[Article] = []
    places: list[str] = []  # where each article came from, for messages
    for raw in paths:
        path = Path(raw)
        if path.suffix.lower() == ".jsonl":
            text = _read_text(path)
            # split on newlines only: U+2028 and friends may sit inside JSON strings
            for lineno, line in enumerate(text.split("\n"), start=1):
                line = line.rstrip("\r")
                if not line.strip():
                    continue
                where = f"{path}:{lineno}"
                try:
                    try:
                        obj = json.loads(line)
                    except (ValueError, RecursionError) as exc:
                        # JSONDecodeError, an integer over Python's 4,300-digit limit, nesting too deep
                        raise InputError(f"{where}: invalid JSON: {_json_problem(exc)}") from None
                    if not isinstance(obj, dict):
                        raise InputError(f"{where}: expected a JSON object, got {type(obj).__name__}")
                    out.append(_from_mapping(obj, where=where))
                    places.append(where)
                except InputError as exc:
                    if bad_lines is None:
                        raise
                    bad_lines.append(Skipped(article=where, what="line", reason=str(exc)))
        else:
            text = _read_text(path)
            out.append(Article(id=path.stem, source=source or path.stem, text=text))
            places.append(str(path))
    first: dict[str, str] = {}
    for article, place in zip(out, places):
        if article.id in first:
            raise InputError(f"{place}: duplicate article id {article.id!r} (first at {first[article.id]})")
        first[article.id] = place
    return coerce_articles(out)
