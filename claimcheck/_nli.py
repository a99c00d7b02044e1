"""An optional judge backed by a Hugging Face NLI cross-encoder.

No NLI model can be had offline here, so this backend is for users who have
one (for example ``cross-encoder/nli-deberta-v3-xsmall`` in their cache or
on disk).  The label order is read from the model's config, never assumed.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from ._judge import Judge, RuleJudge
from ._types import Claim, Judgement
from .errors import ConfigError, ModelError

__all__ = ["NLIJudge", "nli_label_order"]

_CANON = {"contradiction": "contradiction", "contradict": "contradiction", "entailment": "entailment",
          "entail": "entailment", "neutral": "neutral"}


def nli_label_order(id2label: dict[int, str] | dict[str, str]) -> list[str]:
    """Map a config's ``id2label`` to claimcheck's NLI names, by index.

    >>> nli_label_order({0: "CONTRADICTION", 1: "ENTAILMENT", 2: "NEUTRAL"})
    ['contradiction', 'entailment', 'neutral']
    >>> nli_label_order({"0": "entailment", "1": "neutral", "2": "contradiction"})
    ['entailment', 'neutral', 'contradiction']
    """
    items = sorted(((int(k), str(v)) for k, v in id2label.items()), key=lambda kv: kv[0])
    out = []
    for _, name in items:
        key = name.strip().lower()
        if key not in _CANON:
            raise ConfigError(
                f"NLI model label {name!r} is not one of contradiction/entailment/neutral; "
                "set NLIJudge(labels=[...]) to say which is which")
        out.append(_CANON[key])
    if sorted(out) != ["contradiction", "entailment", "neutral"]:
        raise ConfigError(f"NLI model labels {out} must be contradiction, entailment and neutral once each")
    return out


@attrs.define(kw_only=True)
class NLIJudge:
    """Judge pairs with an NLI cross-encoder, optionally combined with the rules.

    ``model`` is any sentence-transformers ``CrossEncoder`` name or path.
    ``labels`` overrides the label order read from the model config.  With
    ``combine=True`` (the default) the :class:`RuleJudge` decides first: its
    explained conflicts win, and the model decides the rest; the model's
    contradiction is symmetrised by scoring both orders.

    >>> NLIJudge(model="path/to/nli-model")          # doctest: +SKIP
    """

    model: str
    labels: Sequence[str] | None = None
    combine: bool = True
    rules: Judge = attrs.field(factory=RuleJudge)
    threshold: float = 0.5
    batch_size: int = 32
    device: str = "cpu"
    _ce: Any = attrs.field(default=None, init=False, repr=False)
    _order: list[str] | None = attrs.field(default=None, init=False, repr=False)

    def _load(self) -> tuple[Any, list[str]]:
        if self._ce is not None and self._order is not None:
            return self._ce, self._order
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            from sentence_transformers import CrossEncoder

            ce = CrossEncoder(self.model, device=self.device, trust_remote_code=False)
        except Exception as exc:  # noqa: BLE001 - any loader failure is a model error
            raise ModelError(f"could not load the NLI model {self.model!r}: {exc}") from exc
        if self.labels is not None:
            order = list(self.labels)
            nli_label_order(dict(enumerate(order)))  # validate
        else:
            config = getattr(getattr(ce, "model", None), "config", None)
            id2label = getattr(config, "id2label", None)
            if not id2label or len(id2label) != 3:
                raise ModelError(f"{self.model!r} is not a 3-way NLI model (id2label={id2label!r})")
            order = nli_label_order(id2label)
        self._ce, self._order = ce, order
        return ce, order

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
        """Symmetrised label probabilities for text pairs."""
        if not pairs:
            return []
        ce, order = self._load()
        both = list(pairs) + [(b, a) for a, b in pairs]
        try:
            logits = ce.predict(both, batch_size=self.batch_size, show_progress_bar=False,
                                apply_softmax=True, convert_to_numpy=True)
        except Exception as exc:  # noqa: BLE001
            raise ModelError(f"the NLI model failed: {exc}") from exc
        n = len(pairs)
        out = []
        for k in range(n):
            row: dict[str, float] = {}
            for i, name in enumerate(order):
                p = (float(logits[k][i]) + float(logits[n + k][i])) / 2.0
                row[name] = p if math.isfinite(p) else 0.0
            out.append(row)
        return out

    def judge(self, a: Claim, b: Claim, similarity: float) -> Judgement:
        """Judge one pair (see :meth:`judge_many`)."""
        return self.judge_many([(a, b, similarity)])[0]

    def judge_many(self, pairs: Iterable[tuple[Claim, Claim, float]]) -> list[Judgement]:
        """Judge pairs in one batch of model calls."""
        pairs = list(pairs)
        out: list[Judgement | None] = [None] * len(pairs)
        if self.combine:
            out = [self.rules.judge(a, b, s) for a, b, s in pairs]
        todo = [k for k, r in enumerate(out) if r is None or r.label not in {"contradiction", "update"}]
        probs = self.probabilities([(pairs[k][0].text, pairs[k][1].text) for k in todo])
        for k, p in zip(todo, probs):
            a, b, s = pairs[k]
            if (a.id, a.text) > (b.id, b.text):
                a, b = b, a
            best = max(p, key=lambda name: (p[name], name))
            label = {"neutral": "compatible"}.get(best, best)
            if label == "contradiction" and p["contradiction"] < self.threshold:
                label = "compatible"
            reason = (f"the NLI model {self.model!r} gives contradiction {p['contradiction']:.2f}, "
                      f"entailment {p['entailment']:.2f}, neutral {p['neutral']:.2f}")
            if label == "contradiction":
                reason = f"{reason}: \u201c{a.text}\u201d vs \u201c{b.text}\u201d"
            out[k] = Judgement(a=a.id, b=b.id, label=label, score=round(min(0.99, p[best]), 4),
                               kind="other" if label == "contradiction" else "none", reason=reason,
                               evidence=(a.text, b.text) if label == "contradiction" else None,
                               similarity=round(float(s), 4) if math.isfinite(s) else 0.0)
        return [j for j in out if j is not None]
