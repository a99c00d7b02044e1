"""Tests for benchmarks/_readers.py and the benchmarks/pairs.py command line.

Everything runs on tiny hand-made files, except ``test_shared_data_splits``,
which reads ../shared/data when it exists and skips otherwise.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

import claimcheck

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import _readers as R  # noqa: E402

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def _held(s: str) -> bool:
    return int(hashlib.sha1(s.encode("utf-8")).hexdigest(), 16) % 5 == 0


def _load_pairs_cli() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmarks_pairs", BENCH / "pairs.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up in sys.modules
    spec.loader.exec_module(mod)
    return mod


# ---------------------------------------------------------------- readers


def test_read_sick(tmp_path: Path) -> None:
    """SICK TSV rows become Pairs with lower-cased 3-way labels; bare quotes survive; limit keeps a prefix."""
    f = tmp_path / "sick.txt"
    f.write_text(
        "pair_ID\tsentence_A\tsentence_B\trelatedness_score\tentailment_judgment\n"
        '1\tA "big" dog runs\tA dog runs\t4.5\tENTAILMENT\n'
        "2\tA man sings\tNobody sings\t3.6\tCONTRADICTION\n"
        "3\tA cat sleeps\tA car is red\t1.2\tNEUTRAL\n",
        encoding="utf-8",
    )
    pairs = R.read_sick(f)
    assert pairs == [
        R.Pair('A "big" dog runs', "A dog runs", "entailment"),
        R.Pair("A man sings", "Nobody sings", "contradiction"),
        R.Pair("A cat sleeps", "A car is red", "neutral"),
    ]
    assert R.read_sick(f, limit=2) == pairs[:2]


def test_read_sick_bad_label(tmp_path: Path) -> None:
    """An unknown SICK judgement raises ValueError naming the line."""
    f = tmp_path / "sick.txt"
    f.write_text("pair_ID\tsentence_A\tsentence_B\trelatedness_score\tentailment_judgment\n1\ta\tb\t1\tMAYBE\n",
                 encoding="utf-8")
    with pytest.raises(ValueError, match=":2:"):
        R.read_sick(f)


def test_pair_is_frozen() -> None:
    """Pair is immutable and its group defaults to None."""
    p = R.Pair("a", "b", "neutral")
    assert p.group is None
    with pytest.raises(AttributeError):
        p.a = "c"  # type: ignore[misc]


def _premises(n_held: int, n_train: int) -> tuple[list[str], list[str]]:
    held: list[str] = []
    train: list[str] = []
    k = 0
    while len(held) < n_held or len(train) < n_train:
        s = f"A café worker number {k} pours coffee."  # non-ASCII, so the UTF-8 encoding matters
        (held if _held(s) else train).append(s)
        k += 1
    return held[:n_held], train[:n_train]


def test_breaking_held_out_rule() -> None:
    """breaking_held_out is exactly int(sha1(utf-8 premise), 16) % 5 == 0."""
    held, train = _premises(5, 20)
    assert all(R.breaking_held_out(s) for s in held)
    assert not any(R.breaking_held_out(s) for s in train)
    for s in ["", "A man walks.", "Ünïcödé premise.", *held, *train]:
        assert R.breaking_held_out(s) == _held(s)


def test_read_breaking_nli_splits(tmp_path: Path) -> None:
    """The eval split holds exactly the rows whose premise hashes to 0 mod 5; train holds the rest."""
    held, train = _premises(3, 6)
    rows = []
    for i, s in enumerate([train[0], held[0], train[1], held[1], train[2], held[2], *train[3:]]):
        for j, lab in enumerate(["contradiction", "entailment", "neutral"]):
            rows.append({"sentence1": s, "sentence2": f"hyp {i}-{j}", "gold_label": lab,
                         "category": f"cat{i % 2}", "pairID": 3 * i + j})
    f = tmp_path / "dataset.jsonl"
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", encoding="utf-8")
    ev = R.read_breaking_nli(f)
    tr = R.read_breaking_nli(f, split="train")
    al = R.read_breaking_nli(f, split="all")
    assert [p.a for p in ev] == [r["sentence1"] for r in rows if _held(r["sentence1"])]
    assert [p.a for p in tr] == [r["sentence1"] for r in rows if not _held(r["sentence1"])]
    assert len(ev) == 9 and len(tr) == 18 and len(al) == 27
    assert {p.a for p in ev}.isdisjoint({p.a for p in tr})
    assert ev[0] == R.Pair(held[0], "hyp 1-0", "contradiction", "cat1")
    assert [p.label for p in ev[:3]] == ["contradiction", "entailment", "neutral"]
    assert R.read_breaking_nli(f, limit=4) == ev[:4]
    with pytest.raises(ValueError, match="split"):
        R.read_breaking_nli(f, split="test")


def test_read_msrp(tmp_path: Path) -> None:
    """MSRP TSV with a BOM and CRLF line ends: Quality 1 is paraphrase, 0 non-paraphrase."""
    f = tmp_path / "msr-para-test.tsv"
    text = ("Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n"
            '1\t11\t12\tShares rose 5 "percent".\tShares climbed 5 percent.\r\n'
            "0\t13\t14\tThe CEO resigned.\tProfits fell.\r\n")
    f.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    pairs = R.read_msrp(f)
    assert pairs == [
        R.Pair('Shares rose 5 "percent".', "Shares climbed 5 percent.", "paraphrase"),
        R.Pair("The CEO resigned.", "Profits fell.", "non-paraphrase"),
    ]
    assert R.read_msrp(f, limit=1) == pairs[:1]


def _fnc1_files(tmp_path: Path) -> Path:
    bodies = tmp_path / "competition_test_bodies.csv"
    bodies.write_text(
        'Body ID,articleBody\n1,"Police said ten people died.\n\nOfficials, however, said ""twelve""."\n'
        "2,Nothing happened today.\n",
        encoding="utf-8",
    )
    stances = tmp_path / "competition_test_stances.csv"
    stances.write_text(
        "Headline,Body ID,Stance\n"
        "H0,1,agree\n"
        "H1,2,unrelated\n"
        '"H2, with comma",1,disagree\n'
        "H3,1,agree\n"
        "H4,2,discuss\n"
        "H5,2,unrelated\n"
        "H6,1,agree\n"
        "H7,1,discuss\n",
        encoding="utf-8",
    )
    return stances


def test_read_fnc1_stances(tmp_path: Path) -> None:
    """FNC-1 rows join the headline with its (multi-line, quoted) body; the stance is kept as the label."""
    stances = _fnc1_files(tmp_path)
    pairs = R.read_fnc1_stances(stances)
    assert len(pairs) == 8
    assert pairs[0] == R.Pair("H0", 'Police said ten people died.\n\nOfficials, however, said "twelve".', "agree")
    assert pairs[2].a == "H2, with comma" and pairs[2].label == "disagree"
    assert R.read_fnc1_stances(stances, tmp_path / "competition_test_bodies.csv") == pairs


def test_read_fnc1_stances_balanced_limit(tmp_path: Path) -> None:
    """limit takes stances in turn, each in file order, skipping exhausted ones, and keeps file order."""
    stances = _fnc1_files(tmp_path)
    # round 1: agree H0, disagree H2, discuss H4, unrelated H1; round 2: agree H3, discuss H7 (disagree is used up)
    assert [p.a for p in R.read_fnc1_stances(stances, limit=6)] == ["H0", "H1", "H2, with comma", "H3", "H4", "H7"]
    assert [p.a for p in R.read_fnc1_stances(stances, limit=2)] == ["H0", "H2, with comma"]
    assert len(R.read_fnc1_stances(stances, limit=100)) == 8


def test_read_fnc1_bad_stance(tmp_path: Path) -> None:
    """An unknown stance or a missing body raises ValueError."""
    stances = _fnc1_files(tmp_path)
    stances.write_text("Headline,Body ID,Stance\nH,1,maybe\n", encoding="utf-8")
    with pytest.raises(ValueError, match="stance"):
        R.read_fnc1_stances(stances)
    stances.write_text("Headline,Body ID,Stance\nH,99,agree\n", encoding="utf-8")
    with pytest.raises(ValueError, match="99"):
        R.read_fnc1_stances(stances)


def test_read_jsonl(tmp_path: Path) -> None:
    """Generic JSONL: labels go through nli_gold, blank lines are skipped, category becomes group."""
    f = tmp_path / "mine.jsonl"
    f.write_text(
        '{"a": "x1", "b": "y1", "label": "contradiction", "category": "numbers"}\n'
        "\n"
        '{"a": "x2", "b": "y2", "label": "Entailment"}\n'
        '{"a": "x3", "b": "y3", "label": "compatible"}\n'
        '{"a": "x4", "b": "y4", "label": "update"}\n',
        encoding="utf-8",
    )
    assert R.read_jsonl(f) == [
        R.Pair("x1", "y1", "contradiction", "numbers"),
        R.Pair("x2", "y2", "entailment"),
        R.Pair("x3", "y3", "neutral"),
        R.Pair("x4", "y4", "neutral"),
    ]
    assert len(R.read_jsonl(f, limit=2)) == 2


def test_read_jsonl_errors(tmp_path: Path) -> None:
    """Bad JSONL rows (unknown label, missing key, non-string text) raise ValueError with the line number."""
    for line in ['{"a": "x", "b": "y", "label": "maybe"}', '{"a": "x", "label": "neutral"}',
                 '{"a": 1, "b": "y", "label": "neutral"}', "not json"]:
        f = tmp_path / "bad.jsonl"
        f.write_text('{"a": "ok", "b": "ok", "label": "neutral"}\n' + line + "\n", encoding="utf-8")
        with pytest.raises(ValueError, match=":2:"):
            R.read_jsonl(f)


# ---------------------------------------------------------------- label mapping


def test_nli_gold_mapping() -> None:
    """Data-set labels map onto contradiction/entailment/neutral, case-insensitively; unknown ones raise."""
    assert [R.nli_gold(x) for x in ["CONTRADICTION", "ENTAILMENT", "NEUTRAL", " neutral "]] == [
        "contradiction", "entailment", "neutral", "neutral"]
    assert R.nli_gold("paraphrase") == "entailment"
    with pytest.raises(ValueError):
        R.nli_gold("disagree")


def test_prediction_mapping() -> None:
    """claimcheck's five labels map to 3-way NLI and to MSRP's paraphrase / non-paraphrase."""
    assert {lab: R.to_nli(lab) for lab in claimcheck.LABELS} == {
        "contradiction": "contradiction", "entailment": "entailment",
        "compatible": "neutral", "update": "neutral", "unrelated": "neutral"}
    assert {lab: R.to_msrp(lab) for lab in claimcheck.LABELS} == {
        "contradiction": "non-paraphrase", "entailment": "paraphrase",
        "compatible": "non-paraphrase", "update": "non-paraphrase", "unrelated": "non-paraphrase"}
    for lab in claimcheck.LABELS:
        assert R.to_nli(lab) in R.NLI_LABELS and R.to_msrp(lab) in R.MSRP_LABELS


def test_fnc1_mapping() -> None:
    """FNC-1: only the disagree stance is gold disagree; a document is disagree iff any sentence contradicts."""
    assert [R.fnc1_gold(s) for s in R.FNC1_STANCES] == ["other", "disagree", "other", "other"]
    assert R.to_fnc1(["unrelated", "contradiction", "entailment"]) == "disagree"
    assert R.to_fnc1(["unrelated", "compatible", "update", "entailment"]) == "other"
    assert R.to_fnc1([]) == "other"


def test_split_sentences() -> None:
    """The regex splitter breaks at sentence ends and line breaks and drops pieces under three words."""
    text = 'Ten people died. "It was awful," he said. Officials said 12! Why?\n\nA new paragraph starts here.\nBy AP'
    assert R.split_sentences(text) == [
        "Ten people died.", '"It was awful," he said.', "Officials said 12!", "A new paragraph starts here."]
    assert R.split_sentences("The U.S. economy grew by 2.5 percent in May.") == [
        "The U.S. economy grew by 2.5 percent in May."]
    assert R.split_sentences("Why?", min_words=1) == ["Why?"]


# ---------------------------------------------------------------- metrics


GOLD = ["contradiction", "contradiction", "contradiction", "entailment", "entailment", "neutral"]
PRED = ["contradiction", "neutral", "neutral", "entailment", "contradiction", "neutral"]


def test_metrics_hand_example() -> None:
    """Metrics on a 6-item example computed by hand."""
    # contradiction: tp 1 (item 0), predicted 2 (items 0, 4), support 3 -> P 1/2, R 1/3, F1 2/5
    # entailment:    tp 1 (item 3), predicted 1, support 2            -> P 1,   R 1/2, F1 2/3
    # neutral:       tp 1 (item 5), predicted 3 (items 1, 2, 5), support 1 -> P 1/3, R 1, F1 1/2
    m = R.metrics(GOLD, PRED, R.NLI_LABELS)
    per = m["per_label"]
    assert isinstance(per, dict)
    expect = {"contradiction": (1 / 2, 1 / 3, 2 / 5, 3, 2), "entailment": (1.0, 1 / 2, 2 / 3, 2, 1),
              "neutral": (1 / 3, 1.0, 1 / 2, 1, 3)}
    for lab, (p, r, f1, support, predicted) in expect.items():
        assert per[lab]["precision"] == pytest.approx(p)
        assert per[lab]["recall"] == pytest.approx(r)
        assert per[lab]["f1"] == pytest.approx(f1)
        assert per[lab]["support"] == support and per[lab]["predicted"] == predicted
    assert m["accuracy"] == pytest.approx(3 / 6)
    assert m["balanced_accuracy"] == pytest.approx((1 / 3 + 1 / 2 + 1) / 3)  # 11/18
    assert m["macro_f1"] == pytest.approx((2 / 5 + 2 / 3 + 1 / 2) / 3)  # 47/90
    assert m["n"] == 6


def test_metrics_match_sklearn() -> None:
    """Metrics agree with scikit-learn on the hand example (skipped if scikit-learn is absent)."""
    sk = pytest.importorskip("sklearn.metrics")
    m = R.metrics(GOLD, PRED, R.NLI_LABELS)
    p, r, f, s = sk.precision_recall_fscore_support(GOLD, PRED, labels=list(R.NLI_LABELS), zero_division=0)
    per = m["per_label"]
    assert isinstance(per, dict)
    for k, lab in enumerate(R.NLI_LABELS):
        assert per[lab]["precision"] == pytest.approx(p[k])
        assert per[lab]["recall"] == pytest.approx(r[k])
        assert per[lab]["f1"] == pytest.approx(f[k])
        assert per[lab]["support"] == s[k]
    assert m["balanced_accuracy"] == pytest.approx(sk.balanced_accuracy_score(GOLD, PRED))
    assert m["accuracy"] == pytest.approx(sk.accuracy_score(GOLD, PRED))


def test_metrics_edge_cases() -> None:
    """Zero denominators give 0.0, absent labels are left out of the averages, and lengths must match."""
    m = R.metrics(["paraphrase", "paraphrase"], ["non-paraphrase", "other"], R.MSRP_LABELS)
    per = m["per_label"]
    assert isinstance(per, dict)
    assert per["paraphrase"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 2, "predicted": 0}
    assert per["non-paraphrase"]["support"] == 0 and per["non-paraphrase"]["predicted"] == 1
    assert m["balanced_accuracy"] == 0.0 and m["accuracy"] == 0.0
    assert R.metrics([], [], R.NLI_LABELS)["accuracy"] == 0.0
    with pytest.raises(ValueError):
        R.metrics(["neutral"], [], R.NLI_LABELS)


# ---------------------------------------------------------------- the command line


def test_cli_jsonl_and_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """pairs.py prints the tables for a JSONL file and skips a missing data folder with a note."""
    cli = _load_pairs_cli()
    f = tmp_path / "mine.jsonl"
    f.write_text(
        '{"a": "The summit is in Geneva.", "b": "The summit is in Rome.", "label": "contradiction", "category": "x"}\n'
        '{"a": "Ten people died.", "b": "Ten people were killed.", "label": "entailment"}\n'
        '{"a": "Prices rose.", "b": "It rained in Oslo.", "label": "neutral"}\n',
        encoding="utf-8",
    )
    assert cli.main(["--jsonl", str(f), "--encoder", "hashing"]) == 0
    out = capsys.readouterr().out
    assert "| label | precision | recall | F1 | support | predicted |" in out
    assert "| balanced accuracy | accuracy | macro F1 | pairs/s | n pairs |" in out
    assert "| category | contradictions | found | contradiction recall |" in out
    assert cli.main(["--data", "sick", "msrp", "--data-dir", str(tmp_path / "nowhere"), "--encoder", "hashing"]) == 0
    out = capsys.readouterr().out
    assert out.count("skipped:") == 2


# ---------------------------------------------------------------- the shared data (optional)


def test_shared_data_splits() -> None:
    """On ../shared/data: SICK test has 4927 pairs; Breaking-NLI eval is non-empty and shares no premise with train."""
    sick = SHARED_DATA / "sick2014" / "SICK_test_annotated.txt"
    breaking = SHARED_DATA / "breaking_nli" / "dataset.jsonl"
    if not sick.exists() or not breaking.exists():
        pytest.skip("../shared/data (SICK, Breaking-NLI) not present")
    pairs = R.read_sick(sick)
    assert len(pairs) == 4927
    assert {p.label for p in pairs} == set(R.NLI_LABELS)
    ev = R.read_breaking_nli(breaking, split="eval")
    tr = R.read_breaking_nli(breaking, split="train")
    assert ev and tr
    assert {p.a for p in ev}.isdisjoint({p.a for p in tr})
    assert len(ev) + len(tr) == len(R.read_breaking_nli(breaking, split="all"))


def test_calibration_table_and_ece() -> None:
    """Reliability bins hold the right judgements; ECE is 0 when scores match accuracy and grows when they don't."""
    mod = _load_pairs_cli()
    rows, ece = mod.calibration([0.95, 0.95, 0.55, 0.55], [True, True, True, False])
    assert [(r[0], r[1]) for r in rows] == [("0.5-0.6", 2), ("0.9-1.0", 2)]
    assert rows[0][3] == 0.5 and rows[1][3] == 1.0
    assert ece == pytest.approx(0.5 * 0.05 + 0.5 * 0.05)
    _, bad = mod.calibration([0.99] * 4, [False] * 4)
    assert bad == pytest.approx(0.99)
