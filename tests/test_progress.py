"""Progress bars: on a terminal by default, silent when piped, forced on or off by option."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

import claimcheck
from claimcheck import HashingEncoder, Pipeline
from claimcheck.cli import main
from claimcheck.errors import ConfigError

ARTICLES = [
    {"id": "a", "source": "Wire", "text": "Officials said 40 people died in the flood. Rain fell on Monday."},
    {"id": "b", "source": "Herald", "text": "Officials said 12 people died in the flood. Rain fell on Monday."},
]
STAGES = ("articles parsed", "texts encoded", "pairs judged")


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_when_stderr_is_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    report = claimcheck.check(ARTICLES, encoder=HashingEncoder())
    assert capsys.readouterr().err == ""
    assert report.claims


def test_forced_on_writes_every_stage_and_changes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    quiet = claimcheck.check(ARTICLES, encoder=HashingEncoder(), progress=False)
    assert capsys.readouterr().err == ""
    loud = claimcheck.check(ARTICLES, encoder=HashingEncoder(), progress=True)
    err = capsys.readouterr().err
    for name in STAGES:
        assert name in err
    assert "2/2" in err  # both articles parsed
    assert loud.to_json() == quiet.to_json()


def test_default_draws_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    term = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", term)
    Pipeline(encoder=HashingEncoder()).run(ARTICLES)
    assert "articles parsed" in term.getvalue()
    monkeypatch.setattr(sys, "stderr", FakeTerminal())
    Pipeline(encoder=HashingEncoder(), progress=False).run(ARTICLES)
    assert sys.stderr.getvalue() == ""  # type: ignore[attr-defined]


def test_many_articles_are_split_in_steps_with_the_same_claims(capsys: pytest.CaptureFixture[str]) -> None:
    arts = [{"id": f"n{k:03d}", "source": f"S{k % 3}", "text": f"Officials said {k + 2} people died in the flood."}
            for k in range(70)]
    quiet = Pipeline(encoder=HashingEncoder(), progress=False).run(arts)
    loud = Pipeline(encoder=HashingEncoder(), progress=True).run(arts)
    assert "70/70" in capsys.readouterr().err
    assert loud.to_json() == quiet.to_json()
    assert len(loud.claims) == 70


def test_progress_must_be_a_bool_or_none() -> None:
    with pytest.raises(ConfigError, match="progress"):
        Pipeline(encoder=HashingEncoder(), progress="yes")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="progress"):
        claimcheck.check(ARTICLES, encoder=HashingEncoder(), progress=1)


def test_cli_progress_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck import cli

    monkeypatch.setattr(cli, "Pipeline", lambda **o: Pipeline(**{"encoder": HashingEncoder(), **o}))
    a, b = tmp_path / "wire.txt", tmp_path / "herald.txt"
    a.write_text(ARTICLES[0]["text"], encoding="utf-8")
    b.write_text(ARTICLES[1]["text"], encoding="utf-8")
    assert main(["check", str(a), str(b), "--format", "json"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["check", str(a), str(b), "--format", "json", "--progress"]) == 0
    assert "texts encoded" in capsys.readouterr().err
    assert main(["check", str(a), str(b), "--format", "json", "--no-progress"]) == 0
    assert capsys.readouterr().err == ""


def test_cli_cache_option_fills_the_cache(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("claimcheck._encode.SentenceTransformerEncoder", lambda: HashingEncoder())
    a = tmp_path / "wire.txt"
    a.write_text(ARTICLES[0]["text"], encoding="utf-8")
    cache = tmp_path / "cache"
    assert main(["check", str(a), "--format", "json", "--cache", str(cache)]) == 0
    first = capsys.readouterr().out
    assert list(cache.rglob("*.npy"))
    assert main(["check", str(a), "--format", "json", "--cache", str(cache)]) == 0
    assert capsys.readouterr().out == first
