"""Smoke tests for benchmarks/throughput.py that load no models."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "throughput.py"


@pytest.fixture(scope="module")
def throughput():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("claimcheck_bench_throughput", BENCH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def test_missing_file_is_skipped(throughput, tmp_path, capsys):  # type: ignore[no-untyped-def]
    rc = throughput.main(["--bodies", str(tmp_path / "absent.csv"), "--limit", "3"])
    out = capsys.readouterr().out
    assert rc == 0
    assert "skipped" in out and "absent.csv" in out
    assert "nproc" in out and "load average" in out


def test_read_bodies_and_outlets(throughput, tmp_path):  # type: ignore[no-untyped-def]
    csv_path = tmp_path / "bodies.csv"
    csv_path.write_text('Body ID,articleBody\n1,"One, two."\n21,Second body.\n5,Third body.\n',
                        encoding="utf-8")
    bodies = throughput.read_bodies(csv_path, 2)
    assert [(b.body_id, b.text) for b in bodies] == [(1, "One, two."), (21, "Second body.")]
    arts = throughput.articles_of(bodies)
    assert [a.id for a in arts] == ["fnc-1", "fnc-21"]
    assert [a.source for a in arts] == ["outlet-1", "outlet-1"]


def test_timed_judge_exposes_judge_many_only_when_wrapped_has_it(throughput):  # type: ignore[no-untyped-def]
    clock = throughput.Clock()

    class One:
        def judge(self, a, b, s):  # type: ignore[no-untyped-def]
            return (a, b, s)

    class Many(One):
        def judge_many(self, pairs):  # type: ignore[no-untyped-def]
            return [self.judge(*p) for p in pairs]

    assert not hasattr(throughput.TimedJudge(One(), clock), "judge_many")
    timed = throughput.TimedJudge(Many(), clock)
    assert timed.judge_many([(1, 2, 0.5)]) == [(1, 2, 0.5)]
    assert clock.calls["judge"] == 1 and clock.seconds["judge"] >= 0.0


@pytest.mark.slow
def test_parallel_parse_gives_the_same_claims() -> None:
    """SpacySplitter's two-process parse (the default from PARALLEL_FROM articles) changes nothing."""
    import claimcheck
    from claimcheck._claims import PARALLEL_FROM

    arts = [claimcheck.Article(id=f"p{k:02d}", source=f"S{k % 4}",
                               text=f"Officials said {k + 3} people died in the flood on Monday. "
                                    f"The mayor told reporters that {k} bridges had collapsed, and rescuers "
                                    "who reached the valley said the road was closed.")
            for k in range(PARALLEL_FROM)]
    auto = claimcheck.SpacySplitter()
    assert auto._processes(len(arts)) == (2 if (__import__("os").cpu_count() or 1) >= 2 else 1)
    assert auto._processes(PARALLEL_FROM - 1) == 1
    assert claimcheck.SpacySplitter(n_process=1)._processes(len(arts)) == 1
    one = claimcheck.SpacySplitter(n_process=1).split(arts)
    assert auto.split(arts) == one
    assert sum(len(found) for found, _ in one) >= len(arts)
