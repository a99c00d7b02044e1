"""Run a sealed blind story set and print figures only, never its text.

    python benchmarks/sealed.py benchmarks/sealed/set6.tar.gz
    python benchmarks/sealed.py benchmarks/sealed/set6.tar.gz --unseal DIR   # after the first run is recorded
    python benchmarks/sealed.py --seal DIR OUT.tar.gz                         # seal a folder of stories

A blind set is a folder of multi-outlet stories (``<story>.jsonl`` plus
``<story>.gold.json``, the format of ``examples/clusters/README.md``) that
was written by someone who never read the code. It is useful only until
someone who changes the judge has read it, so it is kept as a compressed
archive: grep and a casual look see nothing. This script unpacks it to a
temporary folder, runs ``benchmarks/examples.py`` (contradictions found,
flags, traps) and ``benchmarks/clusters.py --data clusters`` (paraphrase
pairs together, negatives merged) on it without ``--show-*``, prints the
tables, and deletes the folder. Record that first run (commit, date,
figures) before anything else; only then ``--unseal`` it to read the
misses, after which it is a development set like ``examples/heldout5``.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import sys
import tarfile
import tempfile
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"sealed_{name}", HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up in sys.modules
    spec.loader.exec_module(mod)
    return mod


def seal(folder: Path, out: Path) -> None:
    """Pack the stories of ``folder`` (``*.jsonl``, ``*.gold.json``, ``README.md``) into ``out``."""
    names = sorted(p for p in folder.iterdir() if p.name.endswith((".jsonl", ".gold.json")) or p.name == "README.md")
    if not any(p.name.endswith(".gold.json") for p in names):
        raise SystemExit(f"{folder}: no <story>.gold.json files to seal")
    with tarfile.open(out, "w:gz") as tar:
        for p in names:
            info = tar.gettarinfo(str(p), arcname=p.name)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mtime = 0
            with open(p, "rb") as fh:
                tar.addfile(info, fh)


def unpack(archive: Path, into: Path) -> None:
    """Unpack ``archive`` into ``into`` (plain files only)."""
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar.getmembers():
            if not member.isfile() or "/" in member.name or member.name.startswith("."):
                raise SystemExit(f"{archive}: unexpected member {member.name!r}")
        tar.extractall(into, filter="data")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("archive", type=Path, nargs="?", help="a sealed set (.tar.gz)")
    ap.add_argument("--unseal", type=Path, metavar="DIR", help="unpack into DIR instead of running")
    ap.add_argument("--seal", nargs=2, type=Path, metavar=("DIR", "OUT"), help="seal the stories of DIR into OUT")
    args = ap.parse_args(argv)
    if args.seal:
        seal(*args.seal)
        print(f"sealed {args.seal[0]} into {args.seal[1]}")
        return 0
    if args.archive is None:
        ap.error("give a sealed archive (or --seal DIR OUT)")
    digest = hashlib.sha256(args.archive.read_bytes()).hexdigest()[:16]
    if args.unseal:
        args.unseal.mkdir(parents=True, exist_ok=True)
        unpack(args.archive, args.unseal)
        print(f"unpacked {args.archive} (sha256 {digest}) into {args.unseal}: it is a development set from now on")
        return 0
    print(f"sealed set {args.archive.name} (sha256 {digest}): figures only\n")
    with tempfile.TemporaryDirectory(prefix="claimcheck-sealed-") as tmp:
        unpack(args.archive, Path(tmp))
        _load("examples").main(["--stories", tmp])
        print()
        _load("clusters").main(["--data", "clusters", "--stories", tmp, "--show-errors", "0"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
