"""The same-fact combiner: features, the shipped weights, and their provenance."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import Claim
from claimcheck._samefact import FEATURES, SameFactModel, default_model, same_fact_features, same_fact_probability
from claimcheck._types import Frame, Quantity
from claimcheck.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def _claim(text: str, cid: str = "a", participants: tuple[str, ...] = (),
           quantities: tuple[Quantity, ...] = ()) -> Claim:
    return Claim(id=cid, article=cid, source=cid, speaker=None, text=text, start=0, end=len(text),
                 frame=Frame(participants=participants, quantities=quantities))


def test_shipped_model_is_complete_and_documented() -> None:
    data = json.loads((ROOT / "claimcheck" / "data" / "same_fact.json").read_text("utf-8"))
    assert set(data["weights"]) == set(FEATURES)
    assert 0.0 < data["threshold"] < 1.0
    assert "STS-B train" in data["meta"]["trained_on"] and "MSRP test" in data["meta"]["trained_on"]
    m = default_model()
    # more similar and more overlapping pairs are more likely the same fact
    assert m.weights[FEATURES.index("cosine")] > 0


def test_features_order_and_values() -> None:
    a = _claim("Officials said 40 people died in the flood.")
    b = _claim("Officials said 12 people died in the flood.", "b")
    f = dict(zip(FEATURES, same_fact_features(a, b, 0.9)))
    assert f["numbers_differ"] == 1.0 and f["numbers_shared"] == 0.0
    assert 0.5 < f["jaccard"] < 1.0
    same = dict(zip(FEATURES, same_fact_features(a, a, 1.0)))
    assert same["numbers_shared"] == 1.0 and same["jaccard"] == 1.0 and same["token_sort"] == 1.0


def test_a_figure_written_in_words_is_shared() -> None:
    """"Two people" and "Two deaths" give one number though neither is in digits."""
    a = _claim("Two people have died in the flooding", quantities=(Quantity(2, "people", "exact", "Two"),))
    b = _claim("Two deaths have been confirmed", "b", quantities=(Quantity(2, "death", "exact", "Two"),))
    f = dict(zip(FEATURES, same_fact_features(a, b, 0.5)))
    assert f["numbers_shared"] == 1.0 and f["numbers_differ"] == 0.0


def test_one_shared_figure_outweighs_an_extra_one() -> None:
    """A figure on both sides means the numbers do not differ, whatever else one side adds."""
    a = _claim("Shareholders will receive 38 euros a share, 27 percent more than the close")
    b = _claim("The deal values the company at 38 euros per share", "b")
    f = dict(zip(FEATURES, same_fact_features(a, b, 0.5)))
    assert f["numbers_shared"] == 1.0 and f["numbers_differ"] == 0.0
    c = _claim("The deal values the company at 41 euros per share", "c")
    g = dict(zip(FEATURES, same_fact_features(a, c, 0.5)))
    assert g["numbers_shared"] == 0.0 and g["numbers_differ"] == 1.0


def test_shipped_model_weighs_figures() -> None:
    """Fitted with news-story pairs, the model rewards a shared figure and penalises differing ones."""
    m = default_model()
    assert m.weights[FEATURES.index("numbers_shared")] > 0 > m.weights[FEATURES.index("numbers_differ")]
    assert m.meta["story_pairs"] > 0


def test_fit_script_reads_labelled_story_pairs(st_encoder: object) -> None:
    """The fit script turns a story folder's gold into cross-outlet claim pairs of both labels."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("fit_same_fact", ROOT / "scripts" / "fit_same_fact.py")
    assert spec is not None and spec.loader is not None
    fit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fit)
    assert ROOT / "examples" / "heldout" in fit.story_folders()
    x, y, names = fit.story_pairs([ROOT / "examples" / "heldout"], 0.35)
    assert x.shape == (len(y), len(FEATURES)) == (len(names), len(FEATURES))
    assert 0 < int(y.sum()) < len(y)
    assert (x[:, FEATURES.index("cosine")] >= 0.35).all()
    assert {n.split("/")[0] for n in names} == {"heldout"}


def test_participants_lower_the_probability() -> None:
    a = _claim("The minister met the envoy.", participants=("france",))
    b = _claim("The minister met the envoy.", "b", participants=("germany",))
    c = _claim("The minister met the envoy.", "c", participants=("france",))
    assert same_fact_probability(a, b, 0.9) < same_fact_probability(a, c, 0.9)


def test_model_rejects_missing_weights() -> None:
    with pytest.raises(ConfigError):
        SameFactModel({"cosine": 1.0}, 0.0, 0.5)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80), st.floats(allow_nan=True, allow_infinity=True))
def test_probability_is_symmetric_and_finite(x: str, y: str, sim: float) -> None:
    a, b = _claim(x), _claim(y, "b")
    p = same_fact_probability(a, b, sim)
    assert math.isfinite(p) and 0.0 <= p <= 1.0
    assert p == same_fact_probability(b, a, sim)


@pytest.mark.slow
def test_fit_reproduces_the_shipped_model() -> None:
    if not (ROOT.parent / "shared" / "data" / "stsb").is_dir():
        pytest.skip("../shared/data/stsb not available")
    r = subprocess.run([sys.executable, "scripts/fit_same_fact.py", "--check"], cwd=ROOT,
                       capture_output=True, text=True, timeout=1800)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=3),
       st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=3), st.text(max_size=40))
def test_figures_of_any_value_keep_the_probability_finite(xs: list[float], ys: list[float], text: str) -> None:
    """Whatever figures the frames hold (NaN and infinities included), the
    number features are 0 or 1 and the probability is finite and symmetric."""
    a = _claim(text, quantities=tuple(Quantity(v, "people", "exact", "n") for v in xs))
    b = _claim(text[::-1], "b", quantities=tuple(Quantity(v, "people", "exact", "n") for v in ys))
    f = dict(zip(FEATURES, same_fact_features(a, b, 0.5)))
    assert f["numbers_shared"] in (0.0, 1.0) and f["numbers_differ"] in (0.0, 1.0)
    assert not (f["numbers_shared"] and f["numbers_differ"])
    p = same_fact_probability(a, b, 0.5)
    assert math.isfinite(p) and p == same_fact_probability(b, a, 0.5)
