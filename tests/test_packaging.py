"""The wheel must carry every data file the package reads at run time.

Tests import claimcheck from the checkout, so a data file missing from the
wheel would pass every other test and fail only for users who ``pip install``.
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_data_file_is_declared_as_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["claimcheck"]
    pkg = ROOT / "claimcheck"
    files = [p.relative_to(pkg).as_posix() for p in (pkg / "data").iterdir() if p.is_file()]
    assert files, "claimcheck/data is empty"
    missing = [f for f in files if not any(fnmatch.fnmatch(f, g) for g in globs)]
    assert not missing, f"not in [tool.setuptools.package-data]: {missing}"
    assert "py.typed" in globs
