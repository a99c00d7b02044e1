"""The documentation: runnable examples, generated API page, relative links."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def _blocks(path: Path) -> list[str]:
    return _BLOCK.findall(path.read_text(encoding="utf-8"))


def _build_api_docs():  # noqa: ANN202 - a module
    spec = importlib.util.spec_from_file_location("build_api_docs", ROOT / "scripts" / "build_api_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_extending_examples_run() -> None:
    """Every ```python block of docs/extending.md runs, in order, in one namespace (# needs-model skipped)."""
    blocks = _blocks(DOCS / "extending.md")
    runnable = [b for b in blocks if "# needs-model" not in b]
    assert len(runnable) >= 5, "docs/extending.md lost its examples"
    namespace: dict[str, object] = {"__name__": "docs_extending"}
    for k, code in enumerate(runnable):
        exec(compile(code, f"docs/extending.md[block {k}]", "exec"), namespace)  # noqa: S102


def test_extending_marks_model_blocks() -> None:
    """Blocks that load a real model are marked # needs-model, so the test above skips them."""
    for code in _blocks(DOCS / "extending.md"):
        if re.search(r"SentenceTransformerEncoder\(|NLIJudge\(", code):
            assert "# needs-model" in code, code[:80]


def test_api_md_up_to_date() -> None:
    """docs/api.md equals what scripts/build_api_docs.py generates now."""
    expected = _build_api_docs().build()
    actual = (DOCS / "api.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/api.md is stale: run python scripts/build_api_docs.py"


def _md_files() -> list[Path]:
    return sorted(DOCS.glob("*.md")) + [ROOT / "README.md"]


@pytest.mark.parametrize("page", _md_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_exist(page: Path) -> None:
    """Every relative link in the page points to an existing file."""
    text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.MULTILINE | re.DOTALL)
    broken = []
    for target in _LINK.findall(text):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue  # absolute URL, mailto:, or an anchor in the same page
        path = target.split("#", 1)[0]
        if not (page.parent / path).exists():
            broken.append(target)
    assert not broken, f"{page.relative_to(ROOT)} links to missing files: {broken}"
