"""benchmarks/sealed.py: a blind story set kept as an archive, run for figures only."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
import tarfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("bench_sealed", REPO / "benchmarks" / "sealed.py")
assert spec is not None and spec.loader is not None
S = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = S
spec.loader.exec_module(S)


def _story(folder: Path) -> None:
    arts = [{"id": "a", "source": "A", "text": "The bridge reopened on Monday after repairs."},
            {"id": "b", "source": "B", "text": "The bridge stayed shut on Monday, officials said."}]
    (folder / "bridge.jsonl").write_text("\n".join(json.dumps(a) for a in arts) + "\n", encoding="utf-8")
    gold = {"event": "x", "articles": "bridge.jsonl", "same_fact": [], "compatible": [],
            "contradictions": [{"a": {"article": "a", "quote": "The bridge reopened on Monday"},
                                "b": {"article": "b", "quote": "The bridge stayed shut on Monday"},
                                "kind": "antonym", "why": "open or shut"}]}
    (folder / "bridge.gold.json").write_text(json.dumps(gold), encoding="utf-8")


def test_seal_then_unseal_gives_the_same_files(tmp_path: Path) -> None:
    """Sealing packs the stories; unsealing gives them back byte for byte, and
    the archive does not show their text to grep."""
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    _story(src)
    archive = tmp_path / "set.tar.gz"
    assert S.main(["--seal", str(src), str(archive)]) == 0
    assert b"bridge reopened" not in archive.read_bytes()
    assert S.main([str(archive), "--unseal", str(out)]) == 0
    for p in src.iterdir():
        assert (out / p.name).read_bytes() == p.read_bytes()


def test_an_archive_with_a_path_outside_its_folder_is_refused(tmp_path: Path) -> None:
    """A member such as "../x" is never unpacked."""
    archive = tmp_path / "bad.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        data = b"{}"
        info = tarfile.TarInfo("../escape.gold.json")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    with pytest.raises(SystemExit, match="unexpected member"):
        S.unpack(archive, tmp_path / "into")
    assert not (tmp_path / "escape.gold.json").exists()


def test_a_sealed_run_prints_figures_and_no_story_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The run prints the contradiction and cluster tables, never a sentence of the set."""
    src = tmp_path / "src"
    src.mkdir()
    _story(src)
    archive = tmp_path / "set.tar.gz"
    S.seal(src, archive)
    assert S.main([str(archive)]) == 0
    out = capsys.readouterr().out
    assert "story: bridge" in out and "paraphrase pairs together" in out
    assert "reopened" not in out and "stayed shut" not in out
