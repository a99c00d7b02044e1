"""The fuzz targets of benchmarks/fuzz.py, replayed without atheris.

Every saved input under tests/fuzz/corpus/<target>/ (seeds, and the inputs
that crashed claimcheck before a fix: ``crash-*``) must now end in a result
or a ClaimcheckError, with the targets' invariants holding.  Hypothesis
drives the JSONL target and arbitrary JSON lines, bounded so CI stays fast.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import InputError, read_paths
from claimcheck._types import Skipped

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "corpus"


def _load_fuzz() -> Any:
    spec = importlib.util.spec_from_file_location("claimcheck_bench_fuzz", ROOT / "benchmarks" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


fuzz = _load_fuzz()


@pytest.fixture(scope="module")
def jsonl_target(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return fuzz.make_target("jsonl", tmp_path_factory.mktemp("fuzz"))


def test_corpus_has_the_crash_found_by_fuzzing() -> None:
    assert sorted(p.name for p in (CORPUS / "jsonl").glob("crash-*")), "the regression input is missing"
    assert len(list((CORPUS / "splitter").iterdir())) >= 5


@pytest.mark.parametrize("target", ["jsonl", "splitter"])
def test_replaying_the_corpus_finds_no_crash(target: str, tmp_path: Path) -> None:
    stats = fuzz.Stats(target, None)
    run = fuzz.guarded(fuzz.make_target(target, tmp_path), stats)
    files = sorted(f for f in (CORPUS / target).iterdir() if f.is_file())
    for f in files:
        run(f.read_bytes())
    assert stats.inputs == len(files)
    assert stats.crashes == {}


def test_a_crash_is_recorded_not_raised(tmp_path: Path) -> None:
    stats = fuzz.Stats("jsonl", tmp_path)

    def boom(data: bytes) -> int:
        raise KeyError("x")

    fuzz.guarded(boom, stats)(b"abc")
    assert stats.inputs == 1 and [k.split(" at ")[0] for k in stats.crashes] == ["KeyError"]
    assert (tmp_path / "jsonl").is_dir() and len(list((tmp_path / "jsonl").iterdir())) == 1


def test_integer_over_the_digit_limit_is_an_input_error(tmp_path: Path) -> None:
    """Found by the fuzzer: json.loads raises a plain ValueError past 4,300 digits."""
    f = tmp_path / "big.jsonl"
    f.write_text('{"id": "a", "text": "ok"}\n{"id": ' + "9" * 5000 + ', "text": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"big\.jsonl:2: invalid JSON: a number has too many digits"):
        read_paths([f])
    bad: list[Skipped] = []
    assert [a.id for a in read_paths([f], bad_lines=bad)] == ["a"]
    assert [s.article for s in bad] == [f"{f}:2"]


@settings(max_examples=60)
@given(st.binary(max_size=400))
def test_jsonl_target_invariants_hold_on_arbitrary_bytes(jsonl_target: Any, data: bytes) -> None:
    jsonl_target(data)  # raises Broken, or any crash, when the reader misbehaves


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
_article_like = st.fixed_dictionaries(
    {}, optional={"id": _json | st.text(max_size=5), "source": _json, "text": _json | st.text(max_size=30),
                  "published": _json | st.sampled_from(["2025-02-30", "2025-08-07", "twenty-three"]),
                  "title": _json, "url": _json, "extra": _json})


@settings(max_examples=60)
@given(st.lists(_article_like | _json, min_size=1, max_size=6))
def test_every_jsonl_line_is_an_article_or_a_reported_bad_line(tmp_path_factory: pytest.TempPathFactory,
                                                               values: list[Any]) -> None:
    f = tmp_path_factory.mktemp("lines") / "feed.jsonl"
    f.write_text("\n".join(json.dumps(v) for v in values) + "\n", encoding="utf-8")
    bad: list[Skipped] = []
    try:
        articles = read_paths([f], bad_lines=bad)
    except InputError as exc:  # duplicate ids refuse the whole file
        assert "duplicate article id" in str(exc)
        return
    assert len(articles) + len(bad) == len(values)
    for s in bad:
        line = int(s.article.rsplit(":", 1)[1])
        assert 1 <= line <= len(values) and s.reason.startswith(f"{f}:{line}:")
    for a in articles:
        assert isinstance(a.id, str) and isinstance(a.text, str) and isinstance(a.source, str)
