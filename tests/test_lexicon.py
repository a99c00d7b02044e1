"""Tests for the WordNet-derived antonym lexicon (claimcheck._lexicon)."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from claimcheck._lexicon import antonym_kind, are_antonyms, load_antonyms

REPO_ROOT = Path(__file__).resolve().parents[1]
SCRIPT = REPO_ROOT / "scripts" / "build_lexicon.py"
WORDNET_DIR = Path("/usr/share/wordnet")


def _tsv_text() -> str:
    resource = resources.files("claimcheck") / "data" / "antonyms.tsv"
    return resource.read_text(encoding="utf-8")


def _rows() -> list[tuple[str, ...]]:
    return [
        tuple(line.split("\t"))
        for line in _tsv_text().splitlines()
        if line and not line.startswith("#")
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hot", "cold"),
        ("increase", "decrease"),
        ("win", "lose"),
        ("accept", "reject"),
        ("rise", "fall"),
        ("agree", "disagree"),
        ("true", "false"),
        ("large", "small"),
    ],
)
def test_known_direct_pairs(a: str, b: str) -> None:
    assert are_antonyms(a, b)
    assert are_antonyms(b, a)
    assert antonym_kind(a, b) == "direct"
    assert antonym_kind(b, a) == "direct"
    assert b in load_antonyms()[a]
    assert a in load_antonyms()[b]


def test_known_rows_with_pos() -> None:
    rows = set(_rows())
    assert ("hot", "cold", "a", "direct") in rows
    assert ("increase", "decrease", "v", "direct") in rows
    assert ("increase", "decrease", "n", "direct") in rows
    assert ("win", "lose", "v", "direct") in rows
    assert ("up", "down", "r", "direct") in rows


def test_indirect_adjective_pairs() -> None:
    # "soggy" is a satellite of the "wet" head, whose direct antonym is "dry".
    assert antonym_kind("soggy", "dry") == "indirect"
    assert antonym_kind("dry", "soggy") == "indirect"
    assert ("soggy", "dry", "a", "indirect") in set(_rows())


def test_case_insensitive_and_underscores() -> None:
    assert are_antonyms("HOT", "Cold")
    assert antonym_kind("Increase", "DECREASE") == "direct"
    assert antonym_kind("a posteriori", "a priori") == "direct"
    assert antonym_kind("A_Posteriori", "a  priori") == "direct"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("venue", "agree"),
        ("agree", "venue"),
        ("big", "large"),  # synonyms (same synset)
        ("large", "big"),
        ("hot", "warm"),
        ("increase", "rise"),
        ("", "cold"),
    ],
)
def test_non_antonyms_absent(a: str, b: str) -> None:
    assert not are_antonyms(a, b)
    assert antonym_kind(a, b) is None


def test_row_format() -> None:
    text = _tsv_text()
    assert text.startswith("# ")
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in text.splitlines()[0]
    assert text.endswith("\n")
    rows = _rows()
    assert len(rows) > 10_000
    for row in rows:
        assert len(row) == 4, row
        word, antonym, pos, kind = row
        assert pos in {"a", "r", "v", "n"}, row
        assert kind in {"direct", "indirect"}, row
        for entry in (word, antonym):
            assert entry == entry.lower(), row
            assert entry == entry.strip() and "  " not in entry, row
            assert "_" not in entry, row
            assert not entry.endswith(("(a)", "(p)", "(ip)")), row
        if kind == "indirect":
            assert pos == "a", row


def test_sorted_and_unique() -> None:
    data_lines = [line for line in _tsv_text().splitlines() if not line.startswith("#")]
    assert data_lines == sorted(data_lines)
    assert len(data_lines) == len(set(data_lines))
    keys = [tuple(line.split("\t")[:3]) for line in data_lines]
    assert len(keys) == len(set(keys)), "a (word, antonym, pos) triple has two kinds"


def test_symmetric_over_whole_table() -> None:
    rows = set(_rows())
    for word, antonym, pos, kind in rows:
        assert (antonym, word, pos, kind) in rows, (word, antonym, pos, kind)
    table = load_antonyms()
    for word, antonyms in table.items():
        for antonym in antonyms:
            assert word in table[antonym], (word, antonym)
            assert antonym_kind(word, antonym) == antonym_kind(antonym, word)


def test_no_self_antonyms() -> None:
    for word, antonym, _pos, _kind in _rows():
        assert word != antonym
    for word, antonyms in load_antonyms().items():
        assert word not in antonyms
        assert not are_antonyms(word, word)


def test_load_is_cached_and_read_only() -> None:
    table = load_antonyms()
    assert table is load_antonyms()
    with pytest.raises(TypeError):
        table["hot"] = frozenset()  # type: ignore[index]


def test_file_size_reasonable() -> None:
    assert len(_tsv_text().encode("utf-8")) < 2_000_000


def test_rebuild_reproduces_committed_file(tmp_path: Path) -> None:
    if not (WORDNET_DIR / "data.adj").exists():
        pytest.skip(f"WordNet 3.0 database not installed at {WORDNET_DIR}")
    output = tmp_path / "antonyms.tsv"
    subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--wordnet-dir",
            str(WORDNET_DIR),
            "--output",
            str(output),
        ],
        check=True,
        capture_output=True,
    )
    committed = REPO_ROOT / "claimcheck" / "data" / "antonyms.tsv"
    assert output.read_bytes() == committed.read_bytes()


def test_relation_reads_every_dictionary_form() -> None:
    """"pants" is a WordNet word (the undergarment) and also the plural of
    "pant" (trousers): both senses count, so jeans are a kind of pants, not
    an exclusive alternative to them."""
    from claimcheck._taxonomy import relation

    assert relation("jeans", "pants") == "hypernym"
    assert relation("guitar", "flute") == "cohyponym"


def test_taxonomy_rebuild_reproduces_committed_file(tmp_path: Path) -> None:
    """scripts/build_taxonomy.py regenerates the shipped taxonomy, part-of rows included, byte for byte."""
    if not (WORDNET_DIR / "data.noun").exists():
        pytest.skip(f"WordNet 3.0 database not installed at {WORDNET_DIR}")
    output = tmp_path / "taxonomy.tsv.gz"
    subprocess.run([sys.executable, str(SCRIPT.parent / "build_taxonomy.py"), "--wordnet-dir", str(WORDNET_DIR),
                    "--output", str(output)], check=True, capture_output=True)
    assert output.read_bytes() == (REPO_ROOT / "claimcheck" / "data" / "taxonomy.tsv.gz").read_bytes()


def test_located_in_follows_part_of_links_one_way() -> None:
    """A city lies in its country and continent, not the reverse, and not in another country."""
    from claimcheck._taxonomy import located_in

    assert located_in("Baghdad", "Iraq") and located_in("baghdad", "asia")
    assert not located_in("Iraq", "Baghdad")
    assert not located_in("Geneva", "France")
    assert not located_in("Geneva", "Geneva")
    assert not located_in("Nowhereville", "Iraq")
