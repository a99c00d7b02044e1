"""The optional NLI cross-encoder backend, on a tiny model the test builds itself."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimcheck
from claimcheck import Claim, NLIJudge
from claimcheck._nli import nli_label_order
from claimcheck.errors import ConfigError, ModelError


def _claim(cid: str, text: str) -> Claim:
    return Claim(id=cid, article=cid, source=cid, speaker=None, text=text, start=0, end=len(text))


@pytest.fixture(scope="module")
def tiny_nli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A randomly initialised 2-layer BERT NLI model with a shuffled label order."""
    transformers = pytest.importorskip("transformers")
    from claimcheck._encode import default_model_path

    path = tmp_path_factory.mktemp("tiny-nli")
    tok = transformers.AutoTokenizer.from_pretrained(default_model_path())
    config = transformers.BertConfig(
        vocab_size=tok.vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, num_labels=3,
        id2label={0: "ENTAILMENT", 1: "NEUTRAL", 2: "CONTRADICTION"},
        label2id={"ENTAILMENT": 0, "NEUTRAL": 1, "CONTRADICTION": 2},
    )
    transformers.set_seed(0)
    transformers.BertForSequenceClassification(config).save_pretrained(path)
    tok.save_pretrained(path)
    return path


def test_label_order_is_read_from_config(tiny_nli: Path) -> None:
    """The judge takes the label order from the model's id2label, not a fixed order."""
    judge = NLIJudge(model=str(tiny_nli), combine=False)
    probs = judge.probabilities([("A man sleeps.", "A man is awake.")])
    assert judge._order == ["entailment", "neutral", "contradiction"]
    assert set(probs[0]) == {"contradiction", "entailment", "neutral"}
    assert abs(sum(probs[0].values()) - 1.0) < 1e-4


def test_nli_judge_is_symmetric_and_labels_are_valid(tiny_nli: Path) -> None:
    """Swapping the two claims gives the same label and score; labels are claimcheck's."""
    judge = NLIJudge(model=str(tiny_nli), combine=False)
    a, b = _claim("a", "The summit is in Geneva."), _claim("b", "The summit will take place in Paris.")
    j1, j2 = judge.judge(a, b, 0.7), judge.judge(b, a, 0.7)
    assert (j1.label, j1.score) == (j2.label, j2.score)
    assert j1.label in claimcheck.LABELS
    assert 0.0 <= j1.score <= 1.0


def test_combined_keeps_rule_conflicts(tiny_nli: Path) -> None:
    """With combine=True an explained rule contradiction is kept, whatever the model says."""
    from claimcheck._types import Frame, Quantity

    a = attrs_evolve(_claim("a", "40 people died"), Frame(quantities=(Quantity(40, "people", "exact", "40"),)))
    b = attrs_evolve(_claim("b", "12 people died"), Frame(quantities=(Quantity(12, "people", "exact", "12"),)))
    j = NLIJudge(model=str(tiny_nli)).judge(a, b, 0.9)
    assert j.label == "contradiction" and j.kind == "numeric"


def attrs_evolve(c: Claim, frame: object) -> Claim:
    import attrs

    return attrs.evolve(c, frame=frame)


def test_missing_model_is_a_model_error(tmp_path: Path) -> None:
    """A model path that does not exist raises ModelError, not a library traceback."""
    judge = NLIJudge(model=str(tmp_path / "no-such-model"), combine=False)
    with pytest.raises(ModelError):
        judge.probabilities([("a b c", "d e f")])


def test_label_names_must_be_nli() -> None:
    """A config whose labels are not NLI labels is refused with ConfigError."""
    with pytest.raises(ConfigError):
        nli_label_order({0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"})
