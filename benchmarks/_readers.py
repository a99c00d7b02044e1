"""Readers, label mapping and metrics for ``benchmarks/pairs.py``.

Every reader returns a list of :class:`Pair`, with the gold label already
mapped to the scheme that the set is scored in:

* NLI sets (SICK, Breaking-NLI, generic JSONL): ``contradiction``,
  ``entailment`` or ``neutral`` (:data:`NLI_LABELS`);
* MSRP: ``paraphrase`` or ``non-paraphrase`` (:data:`MSRP_LABELS`);
* FNC-1: the raw stance (``agree``, ``disagree``, ``discuss``,
  ``unrelated``); it is scored at the document level as ``disagree`` against
  ``other`` (:data:`FNC1_LABELS`, :func:`fnc1_gold`).

claimcheck's five labels are mapped onto these schemes by :func:`to_nli`,
:func:`to_msrp` and :func:`to_fnc1`.  Nothing here trains or tunes: the
readers only read the evaluation splits that ``../shared/data/README.md``
names.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "FNC1_LABELS",
    "FNC1_STANCES",
    "MSRP_LABELS",
    "NLI_LABELS",
    "Pair",
    "breaking_held_out",
    "fnc1_gold",
    "metrics",
    "nli_gold",
    "read_breaking_nli",
    "read_fnc1_stances",
    "read_jsonl",
    "read_msrp",
    "read_sick",
    "split_sentences",
    "to_fnc1",
    "to_msrp",
    "to_nli",
]

NLI_LABELS: tuple[str, ...] = ("contradiction", "entailment", "neutral")
MSRP_LABELS: tuple[str, ...] = ("paraphrase", "non-paraphrase")
FNC1_LABELS: tuple[str, ...] = ("disagree", "other")
FNC1_STANCES: tuple[str, ...] = ("agree", "disagree", "discuss", "unrelated")

# Gold labels accepted by nli_gold(), lower-cased.  claimcheck's own labels are
# accepted too, so that users can label their JSONL files in either vocabulary.
_NLI_ALIASES: dict[str, str] = {
    "contradiction": "contradiction",
    "contradict": "contradiction",
    "contradicts": "contradiction",
    "entailment": "entailment",
    "entails": "entailment",
    "paraphrase": "entailment",
    "neutral": "neutral",
    "compatible": "neutral",
    "update": "neutral",
    "unrelated": "neutral",
}


@dataclass(frozen=True, slots=True)
class Pair:
    """One labelled text pair; ``group`` is an optional sub-category (Breaking-NLI's ``category``)."""

    a: str
    b: str
    label: str
    group: str | None = None


# ---------------------------------------------------------------- label mapping


def nli_gold(label: str) -> str:
    """Map a data set's NLI label (any case, or a claimcheck label) to ``contradiction|entailment|neutral``."""
    key = label.strip().lower()
    if key not in _NLI_ALIASES:
        raise ValueError(f"unknown NLI label {label!r}; expected one of {sorted(_NLI_ALIASES)}")
    return _NLI_ALIASES[key]


def to_nli(pred: str) -> str:
    """Map a claimcheck label to the 3-way NLI scheme: anything but contradiction/entailment is neutral."""
    return pred if pred in ("contradiction", "entailment") else "neutral"


def to_msrp(pred: str) -> str:
    """Map a claimcheck label to MSRP's scheme: entailment is a paraphrase, anything else is not."""
    return "paraphrase" if pred == "entailment" else "non-paraphrase"


def fnc1_gold(stance: str) -> str:
    """Map an FNC-1 stance to the document-level scheme: ``disagree`` or ``other``."""
    return "disagree" if stance.strip().lower() == "disagree" else "other"


def to_fnc1(sentence_preds: Iterable[str]) -> str:
    """Document-level FNC-1 prediction: ``disagree`` if any (headline, body sentence) pair is a contradiction."""
    return "disagree" if any(p == "contradiction" for p in sentence_preds) else "other"


# ---------------------------------------------------------------- readers


def _tsv_rows(path: Path) -> list[dict[str, str]]:
    # utf-8-sig drops MSRP's byte-order mark; QUOTE_NONE because the sentences
    # contain bare double quotes that are not CSV quoting.
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_sick(path: str | Path, limit: int | None = None) -> list[Pair]:
    """Read a SICK 2014 file (TSV with header); ``limit`` keeps the first N rows."""
    out = []
    for k, row in enumerate(_tsv_rows(Path(path)), start=2):
        try:
            out.append(Pair(row["sentence_A"], row["sentence_B"], nli_gold(row["entailment_judgment"])))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}:{k}: bad SICK row: {exc}") from exc
        if limit is not None and len(out) >= limit:
            break
    return out


def breaking_held_out(sentence1: str) -> bool:
    """True when a Breaking-NLI premise belongs to the held-out (evaluation) split: sha1 % 5 == 0."""
    return int(hashlib.sha1(sentence1.encode("utf-8")).hexdigest(), 16) % 5 == 0


def read_breaking_nli(path: str | Path, split: str = "eval", limit: int | None = None) -> list[Pair]:
    """Read Breaking-NLI's ``dataset.jsonl``; ``split`` is ``eval`` (held-out premises), ``train`` or ``all``.

    ``group`` is the row's ``category``.  ``limit`` keeps the first N rows of
    the split (the file interleaves categories, so a prefix is mixed).
    """
    if split not in ("eval", "train", "all"):
        raise ValueError(f"split must be 'eval', 'train' or 'all', not {split!r}")
    out = []
    with open(path, encoding="utf-8") as fh:
        for k, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                s1, s2 = row["sentence1"], row["sentence2"]
                held = breaking_held_out(s1)
                if (split == "eval" and not held) or (split == "train" and held):
                    continue
                out.append(Pair(s1, s2, nli_gold(row["gold_label"]), row.get("category")))
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(f"{path}:{k}: bad Breaking-NLI row: {exc}") from exc
            if limit is not None and len(out) >= limit:
                break
    return out


def read_msrp(path: str | Path, limit: int | None = None) -> list[Pair]:
    """Read an MSRP TSV (BOM, header ``Quality #1 ID #2 ID #1 String #2 String``); Quality 1 is a paraphrase."""
    out = []
    for k, row in enumerate(_tsv_rows(Path(path)), start=2):
        try:
            quality = row["Quality"].strip()
            if quality not in ("0", "1"):
                raise ValueError(f"Quality must be 0 or 1, not {quality!r}")
            out.append(Pair(row["#1 String"], row["#2 String"], "paraphrase" if quality == "1" else "non-paraphrase"))
        except (KeyError, AttributeError, ValueError) as exc:
            raise ValueError(f"{path}:{k}: bad MSRP row: {exc}") from exc
        if limit is not None and len(out) >= limit:
            break
    return out


def read_fnc1_stances(stances: str | Path, bodies: str | Path | None = None, limit: int | None = None) -> list[Pair]:
    """Read FNC-1 (headline, whole body, stance) triples as ``Pair(headline, body, stance)``.

    ``bodies`` defaults to ``competition_test_bodies.csv`` next to
    ``stances``.  ``limit`` takes a deterministic, stance-balanced sample: the
    stances are visited in turn (agree, disagree, discuss, unrelated) and each
    visit takes that stance's next row in file order, until ``limit`` rows are
    taken or every stance runs out; the sample keeps file order.
    """
    stances = Path(stances)
    bodies = Path(bodies) if bodies is not None else stances.with_name("competition_test_bodies.csv")
    with open(bodies, encoding="utf-8", newline="") as fh:
        text = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(fh)}
    rows: list[Pair] = []
    with open(stances, encoding="utf-8", newline="") as fh:
        for k, row in enumerate(csv.DictReader(fh), start=2):
            try:
                stance = row["Stance"].strip().lower()
                if stance not in FNC1_STANCES:
                    raise ValueError(f"unknown stance {row['Stance']!r}")
                rows.append(Pair(row["Headline"], text[row["Body ID"]], stance))
            except (KeyError, AttributeError, ValueError) as exc:
                raise ValueError(f"{stances}:{k}: bad FNC-1 row: {exc!r}") from exc
    if limit is None or limit >= len(rows):
        return rows
    queues = {s: [i for i, p in enumerate(rows) if p.label == s] for s in FNC1_STANCES}
    taken: list[int] = []
    depth = 0
    while len(taken) < limit and any(depth < len(q) for q in queues.values()):
        for s in FNC1_STANCES:
            if len(taken) < limit and depth < len(queues[s]):
                taken.append(queues[s][depth])
        depth += 1
    return [rows[i] for i in sorted(taken)]


def read_jsonl(path: str | Path, limit: int | None = None) -> list[Pair]:
    """Read ``{"a": ..., "b": ..., "label": ...}`` lines; labels go through :func:`nli_gold`.

    An optional ``category`` (or ``group``) field becomes ``Pair.group``.
    """
    out = []
    with open(path, encoding="utf-8") as fh:
        for k, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                a, b = row["a"], row["b"]
                if not isinstance(a, str) or not isinstance(b, str):
                    raise ValueError("'a' and 'b' must be strings")
                group = row.get("category", row.get("group"))
                out.append(Pair(a, b, nli_gold(row["label"]), None if group is None else str(group)))
            except (KeyError, TypeError, AttributeError, ValueError) as exc:
                raise ValueError(f"{path}:{k}: bad JSONL row: {exc!r}") from exc
            if limit is not None and len(out) >= limit:
                break
    return out


# Split after . ! ? (optionally followed by a closing quote or bracket) when
# whitespace and an upper-case letter, digit or opening quote follow; also at
# line breaks.  Crude (it splits "Mr. Smith"), but enough for FNC-1 bodies.
_SENT_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_NEWLINES = re.compile(r"\s*\n\s*")


def split_sentences(text: str, min_words: int = 3) -> list[str]:
    """Split text into sentences with a simple regex; drop pieces with fewer than ``min_words`` words."""
    out = []
    for block in _NEWLINES.split(text):
        for piece in _SENT_END.split(block):
            piece = piece.strip()
            if len(piece.split()) >= min_words:
                out.append(piece)
    return out


# ---------------------------------------------------------------- metrics


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def metrics(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict[str, object]:
    """Per-label precision/recall/F1/support, accuracy, balanced accuracy and macro F1.

    Returns ``{"per_label": {label: {"precision", "recall", "f1", "support",
    "predicted"}}, "accuracy", "balanced_accuracy", "macro_f1", "n"}``.  A
    ratio with a zero denominator is 0.0.  Balanced accuracy and macro F1
    average over the labels with gold support (as scikit-learn's
    ``balanced_accuracy_score`` does); a prediction outside ``labels`` counts
    as wrong.
    """
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} items, pred has {len(pred)}")
    per_label: dict[str, dict[str, float | int]] = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
        support = sum(1 for g in gold if g == lab)
        predicted = sum(1 for p in pred if p == lab)
        precision, recall = _ratio(tp, predicted), _ratio(tp, support)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[lab] = {"precision": precision, "recall": recall, "f1": f1, "support": support,
                          "predicted": predicted}
    present = [v for v in per_label.values() if v["support"]]
    n = len(gold)
    return {
        "per_label": per_label,
        "accuracy": _ratio(sum(1 for g, p in zip(gold, pred) if g == p), n),
        "balanced_accuracy": sum(float(v["recall"]) for v in present) / len(present) if present else 0.0,
        "macro_f1": sum(float(v["f1"]) for v in present) / len(present) if present else 0.0,
        "n": n,
    }


# ---------------------------------------------------------------- rank correlation


def rank(values: Sequence[float]) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Ranks 1..n with ties given their average rank.

    >>> rank([10, 20, 20, 5]).tolist()
    [2.0, 3.5, 3.5, 1.0]
    """
    x = np.asarray(values, dtype=np.float64)
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(len(x), dtype=np.float64)
    ranks[order] = np.arange(1, len(x) + 1)
    for v in np.unique(x):
        tie = x == v
        if tie.sum() > 1:
            ranks[tie] = ranks[tie].mean()
    return ranks


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman rank correlation (Pearson on average ranks); nan if either side is constant.

    >>> round(spearman([1, 2, 3, 4], [10, 20, 30, 40]), 6), round(spearman([1, 2, 3], [3, 2, 1]), 6)
    (1.0, -1.0)
    """
    if len(x) != len(y):
        raise ValueError(f"x has {len(x)} values, y has {len(y)}")
    rx, ry = rank(x), rank(y)
    rx -= rx.mean()
    ry -= ry.mean()
    den = float(np.sqrt((rx * rx).sum() * (ry * ry).sum()))
    return float((rx * ry).sum() / den) if den else float("nan")
