"""Tests for the command line (claimcheck.cli.main).

Runs that get as far as the models reuse the session's encoder through the
``cli_with_session_encoder`` fixture; input errors never reach the models.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_json_output_has_the_report_keys(cli_with_session_encoder: None, seed_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """`check FILE --format json` prints one JSON report with articles, claims, clusters and contradictions."""
    assert main(["check", str(seed_path), "--format", "json", "--source", "Moscow Times"]) == 0
    out, err = capsys.readouterr()
    d = json.loads(out)
    assert {"articles", "claims", "clusters", "contradictions", "summary"} <= set(d)
    assert d["articles"][0]["id"] == seed_path.stem and d["articles"][0]["source"] == "Moscow Times"
    assert d["contradictions"] and all({"a", "b", "score", "kind", "reason"} <= set(j) for j in d["contradictions"])
    assert "Traceback" not in err


def test_text_output_mentions_contradictions(cli_with_session_encoder: None,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """The default text format lists each contradiction with its kind and reason."""
    assert main(["check", str(EXAMPLES / "quake.jsonl")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("claimcheck: 4 article(s)")
    assert "contradiction(s)" in out
    assert "[1] " in out and " contradiction (score " in out
    assert "why: " in out


def test_fail_on_contradiction_and_output_file(cli_with_session_encoder: None, seed_path: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """--fail-on-contradiction exits 1 on the seed, and -o writes the report to the file, not stdout."""
    target = tmp_path / "sub" / "report.json"
    assert main(["check", str(seed_path), "--format", "json", "-o", str(target), "--fail-on-contradiction"]) == 1
    out, _ = capsys.readouterr()
    assert out == ""
    d = json.loads(target.read_text(encoding="utf-8"))
    assert d["summary"]["contradictions"] >= 1
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]  # no temporary file left behind


def test_no_contradiction_exits_zero_even_with_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """--fail-on-contradiction exits 0 when nothing conflicts."""
    import claimcheck.cli as cli
    from claimcheck import HashingEncoder, Pipeline

    monkeypatch.setattr(cli, "Pipeline", lambda **o: Pipeline(**{"encoder": HashingEncoder(), **o}))
    p = tmp_path / "one.txt"
    p.write_text("Officials said the bridge over the river collapsed on Monday.", encoding="utf-8")
    assert main(["check", str(p), "--fail-on-contradiction"]) == 0
    assert "0 contradiction(s)" in capsys.readouterr().out


def test_malformed_jsonl_exits_2_naming_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A malformed JSONL line exits 2 with file:line on stderr and no traceback."""
    p = tmp_path / "feed.jsonl"
    p.write_text('{"id": "a", "text": "fine"}\n{"id": "b", "text": \n', encoding="utf-8")
    assert main(["check", str(p)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"{p}:2:" in err
    assert err.startswith("claimcheck: error: ")
    assert "Traceback" not in err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing input file exits 2 and names the file."""
    missing = tmp_path / "nope.txt"
    assert main(["check", str(missing)]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and "no such file" in err
    assert "Traceback" not in err


def test_bad_option_value_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--topic-threshold outside [0, 1] exits 2 with a readable message."""
    p = tmp_path / "a.txt"
    p.write_text("Rain fell on the town on Monday.", encoding="utf-8")
    assert main(["check", str(p), "--topic-threshold", "1.5"]) == 2
    assert "topic_threshold" in capsys.readouterr().err


def test_unwritable_output_exits_2(cli_with_session_encoder: None, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    """An -o path that cannot be written exits 2 and names the path."""
    p = tmp_path / "a.txt"
    p.write_text("Officials said the bridge over the river collapsed on Monday.", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "report.json"  # a path below a regular file
    assert main(["check", str(p), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert str(target) in err and "Traceback" not in err


def test_bad_model_exits_3(st_encoder: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A --model that cannot be loaded exits 3 with a model error, not a traceback."""
    p = tmp_path / "a.txt"
    p.write_text("Officials said the bridge over the river collapsed on Monday.", encoding="utf-8")
    assert main(["check", str(p), "--model", str(tmp_path / "no-such-model")]) == 3
    err = capsys.readouterr().err
    assert err.startswith("claimcheck: model error: ") and "no-such-model" in err
    assert "Traceback" not in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A missing subcommand or path is a usage error with status 2."""
    for argv in ([], ["check"], ["check", "x.txt", "--format", "xml"]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2
    assert "usage: claimcheck" in capsys.readouterr().err


def test_broken_pipe_exits_quietly(tmp_path: Path) -> None:
    """``claimcheck check ... | head -1`` must not print a BrokenPipeError traceback."""
    import subprocess
    import sys as _sys

    big = tmp_path / "many.jsonl"
    big.write_text("\n".join(
        json.dumps({"id": f"a{k}", "source": f"S{k % 3}", "text": f"Officials said {k} people attended the fair."})
        for k in range(400)) + "\n", encoding="utf-8")
    code = ("import sys, claimcheck.cli as c; from claimcheck import HashingEncoder, Pipeline; "
            "c.Pipeline = lambda **kw: Pipeline(encoder=HashingEncoder(), **kw); "
            "sys.exit(c.main(sys.argv[1:]))")
    proc = subprocess.Popen([_sys.executable, "-c", code, "check", str(big), "--format", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()  # the reader goes away
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=300) == 0
    assert "Traceback" not in err
