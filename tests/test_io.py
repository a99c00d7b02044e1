"""Tests for claimcheck._io: coercing user input and reading files."""

from __future__ import annotations

import datetime as _dt
import json
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck import Article, HashingEncoder, InputError, check, coerce_articles, read_paths


def test_dict_is_coerced_with_all_fields() -> None:
    """A dict becomes an Article with its id, source, title, url and parsed date."""
    [a] = coerce_articles([{"id": "w1", "source": "Wire", "text": "Rain fell.", "title": "Rain",
                            "published": "2025-08-07T10:15:00Z", "url": "https://example.org/r"}])
    assert a == Article(id="w1", source="Wire", text="Rain fell.", title="Rain",
                        published=_dt.date(2025, 8, 7), url="https://example.org/r")


def test_dict_without_source_uses_its_id() -> None:
    """A dict with no source gets its id as the source."""
    [a] = coerce_articles([{"id": "w1", "text": "Rain fell."}])
    assert a.source == "w1"


def test_integer_id_is_turned_into_a_string() -> None:
    """A JSON number as id is accepted and stored as a string."""
    [a] = coerce_articles([{"id": 7, "text": "Rain fell."}])
    assert a.id == "7"


def test_article_passes_through_unchanged() -> None:
    """An Article object is returned as is."""
    art = Article(id="a", source="Wire", text="Rain fell.")
    assert coerce_articles([art]) == [art]
    assert coerce_articles(art) == [art]


def test_single_string_and_single_dict_are_accepted() -> None:
    """A lone string or dict is treated as a one-article list."""
    assert [a.text for a in coerce_articles("Rain fell.")] == ["Rain fell."]
    assert [a.id for a in coerce_articles({"id": "x", "text": "Rain fell."})] == ["x"]


def test_mixed_list_keeps_order() -> None:
    """Articles, dicts and strings can be mixed; the output keeps the input order."""
    out = coerce_articles([Article(id="a", source="A", text="one"), {"id": "b", "text": "two"}, "three"])
    assert [a.text for a in out] == ["one", "two", "three"]


@given(st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=6, unique=True), st.randoms())
def test_plain_string_ids_do_not_depend_on_position(texts: list[str], rnd: random.Random) -> None:
    """A plain string's id and source depend only on its text, not on where it sits in the list."""
    first = {a.text: (a.id, a.source) for a in coerce_articles(texts)}
    shuffled = list(texts)
    rnd.shuffle(shuffled)
    second = {a.text: (a.id, a.source) for a in coerce_articles(shuffled)}
    assert first == second
    assert len({i for i, _ in first.values()}) == len(texts)
    assert all(i.startswith("doc-") for i, _ in first.values())


def test_string_id_is_a_stable_hash() -> None:
    """The id of a plain string is 'doc-' plus the first 10 hex digits of its SHA-1."""
    import hashlib

    assert coerce_articles(["Rain fell."])[0].id == "doc-" + hashlib.sha1(b"Rain fell.").hexdigest()[:10]


def test_duplicate_ids_are_refused_with_the_id() -> None:
    """Two articles with the same id raise InputError naming that id."""
    with pytest.raises(InputError, match="'same-id'"):
        coerce_articles([{"id": "same-id", "text": "a"}, {"id": "same-id", "text": "b"}])


def test_duplicate_id_across_types_is_refused() -> None:
    """An id given as the number 1 and as the string "1" is still a duplicate."""
    with pytest.raises(InputError, match="duplicate article id '1'"):
        coerce_articles([{"id": 1, "text": "a"}, Article(id="1", source="s", text="b")])


def test_same_plain_string_twice_is_a_duplicate() -> None:
    """The same plain string given twice is refused, since its hashed id repeats."""
    with pytest.raises(InputError, match="duplicate article id 'doc-"):
        coerce_articles(["Rain fell.", "Rain fell."])


def test_missing_text_field_is_refused() -> None:
    """A dict without 'text' raises InputError that names the field and the article."""
    with pytest.raises(InputError, match=r"article 'q'.*'text'"):
        coerce_articles([{"id": "q", "source": "Wire"}])


@pytest.mark.parametrize("bad", [None, 5, ["Rain"], {"body": "Rain"}, b"Rain"])
def test_text_of_wrong_type_is_refused(bad: object) -> None:
    """A 'text' that is not a string raises InputError naming the type it got."""
    with pytest.raises(InputError, match=f"'text' must be a string, got {type(bad).__name__}"):
        coerce_articles([{"id": "q", "text": bad}])


@pytest.mark.parametrize("field", ["id", "source", "title", "url"])
def test_other_fields_of_wrong_type_are_refused(field: str) -> None:
    """A list or dict where a string belongs raises InputError naming the field."""
    d: dict[str, object] = {"id": "q", "text": "Rain fell."}
    d[field] = ["not", "a", "string"]
    with pytest.raises(InputError, match=repr(field)):
        coerce_articles([d])


@pytest.mark.parametrize("bad", [5, b"bytes", object()])
def test_non_list_input_is_refused(bad: object) -> None:
    """Bytes, numbers and other objects are refused with InputError, not a TypeError."""
    with pytest.raises(InputError):
        coerce_articles(bad)  # type: ignore[arg-type]


def test_item_of_wrong_type_names_its_position() -> None:
    """An item that is neither Article, dict nor str is reported by its position."""
    with pytest.raises(InputError, match="article #1"):
        coerce_articles(["fine", 3.5])


def test_article_with_non_string_text_is_refused() -> None:
    """An Article whose text is not a string raises InputError."""
    with pytest.raises(InputError, match="'x'"):
        coerce_articles([Article(id="x", source="s", text=None)])  # type: ignore[arg-type]


def test_article_with_non_string_id_is_an_input_error() -> None:
    """check() on Articles whose ids are not strings raises an InputError about the id, never a TypeError."""
    with pytest.raises(InputError, match=r"\bid\b.*must be a string"):
        check([Article(id=1, source="s", text="Rain fell on the town."),  # type: ignore[arg-type]
               Article(id="b", source="s", text="Snow fell on the town.")], encoder=HashingEncoder())


@pytest.mark.parametrize("bad", ["yesterday", "2025-13-01", "07/08/2025", 20250807, True, ["2025-08-07"]])
def test_bad_published_date_is_refused(bad: object) -> None:
    """A 'published' that is not an ISO date raises InputError quoting the value."""
    with pytest.raises(InputError, match="'published' must be an ISO date"):
        coerce_articles([{"id": "q", "text": "x", "published": bad}])


def test_published_with_trailing_garbage_is_refused() -> None:
    """'2025-08-07garbage' is not an ISO date and raises InputError."""
    with pytest.raises(InputError):
        coerce_articles([{"id": "q", "text": "x", "published": "2025-08-07garbage"}])


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-08-07", _dt.date(2025, 8, 7)),
    (" 2025-08-07 ", _dt.date(2025, 8, 7)),
    ("2025-08-07T23:59:00+03:00", _dt.date(2025, 8, 7)),
    (_dt.datetime(2025, 8, 7, 12, 0), _dt.date(2025, 8, 7)),
    (_dt.date(2025, 8, 7), _dt.date(2025, 8, 7)),
    ("", None),
    (None, None),
])
def test_good_published_dates_are_read(value: object, expected: _dt.date | None) -> None:
    """ISO strings, dates and datetimes are read as dates; empty means no date."""
    assert coerce_articles([{"id": "q", "text": "x", "published": value}])[0].published == expected


# -- files ------------------------------------------------------------------


def _jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def test_jsonl_and_txt_are_read(tmp_path: Path) -> None:
    """A .jsonl file gives one article per line; a .txt file one article named after its stem."""
    j = _jsonl(tmp_path / "feed.jsonl", [{"id": "a", "source": "Wire", "text": "Rain fell."},
                                          {"id": "b", "source": "Herald", "text": "Snow fell.",
                                           "extra": "ignored"}])
    t = tmp_path / "story-1.txt"
    t.write_text("Hail fell.", encoding="utf-8")
    out = read_paths([j, t], source="Gazette")
    assert [(a.id, a.source, a.text) for a in out] == [
        ("a", "Wire", "Rain fell."), ("b", "Herald", "Snow fell."), ("story-1", "Gazette", "Hail fell.")]


def test_blank_lines_in_jsonl_are_skipped(tmp_path: Path) -> None:
    """Blank lines in JSONL are ignored and do not shift the line numbers of errors."""
    j = _jsonl(tmp_path / "feed.jsonl", [{"id": "a", "text": "x"}, "", "   ", "{broken"])
    with pytest.raises(InputError, match=r"feed\.jsonl:4: invalid JSON"):
        read_paths([j])


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    """A UTF-8 file with a byte-order mark is read without the BOM."""
    t = tmp_path / "bom.txt"
    t.write_bytes("\ufeffRain fell.".encode())
    assert read_paths([t])[0].text == "Rain fell."


@pytest.mark.parametrize(("line", "message"), [
    ('{"id": "b", "text": "unterminated}', "invalid JSON"),
    ('["a", "list"]', "expected a JSON object, got list"),
    ('{"id": "b"}', "missing the required field 'text'"),
    ('{"id": "b", "text": 42}', "'text' must be a string, got int"),
    ('{"id": "b", "text": "x", "published": "soon"}', "'published' must be an ISO date"),
])
def test_bad_jsonl_line_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    """A bad JSONL line raises InputError whose message starts with file:line and says what is wrong."""
    j = _jsonl(tmp_path / "articles.jsonl", [{"id": "a", "text": "fine"}, {"id": "c", "text": "fine"}, line])
    with pytest.raises(InputError) as info:
        read_paths([j])
    msg = str(info.value)
    assert msg.startswith(f"{j}:3: ")
    assert message in msg


def test_duplicate_ids_across_files_are_refused(tmp_path: Path) -> None:
    """The same id in two files raises InputError naming the id."""
    a = _jsonl(tmp_path / "a.jsonl", [{"id": "dup", "text": "x"}])
    b = _jsonl(tmp_path / "b.jsonl", [{"id": "dup", "text": "y"}])
    with pytest.raises(InputError, match="'dup'"):
        read_paths([a, b])


def test_missing_file_is_named(tmp_path: Path) -> None:
    """A path that does not exist raises InputError naming the path."""
    missing = tmp_path / "nope.jsonl"
    with pytest.raises(InputError, match=f"{missing}: no such file"):
        read_paths([missing])


def test_directory_is_refused(tmp_path: Path) -> None:
    """A directory given as a path raises InputError, not IsADirectoryError."""
    with pytest.raises(InputError, match="is a directory"):
        read_paths([tmp_path])


@pytest.mark.parametrize("name", ["latin1.txt", "latin1.jsonl"])
def test_non_utf8_file_is_refused(tmp_path: Path, name: str) -> None:
    """A file that is not UTF-8 raises InputError naming the file."""
    p = tmp_path / name
    p.write_bytes('{"id": "a", "text": "caf\u00e9"}\n'.encode("latin-1"))
    with pytest.raises(InputError, match=f"{p}: not UTF-8"):
        read_paths([p])


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x85"])
def test_jsonl_with_unicode_line_separator_in_text(tmp_path: Path, sep: str) -> None:
    """A JSONL line written by json.dumps(ensure_ascii=False) with U+2028 in its text is read intact."""
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"id": "a", "text": f"Rain fell.{sep}Snow fell."}, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    assert [a.text for a in read_paths([p])] == [f"Rain fell.{sep}Snow fell."]


def test_article_published_may_be_an_iso_string() -> None:
    """Article(published="2026-08-11") stores a date (the splitter resolves
    weekdays against it); a string that is no date is an InputError at once,
    not a failure deep inside the splitter."""
    a = Article(id="a", source="s", text="Rain fell on Sunday.", published="2026-08-11")  # type: ignore[arg-type]
    assert a.published == _dt.date(2026, 8, 11)
    with pytest.raises(InputError, match="ISO date"):
        Article(id="a", source="s", text="Rain fell.", published="last Tuesday")  # type: ignore[arg-type]
