"""Claims a lesson preset makes about its run, as data: a metric, a comparison, a threshold.

A claim names a measured quantity of a run (`METRICS`), a comparison and a value, and may be
about a variant of the run with a few controls changed. `Claim.describe` says it in a
teacher's words; `Claim.check` measures it on a run, so a preset's text cannot drift away
from what the app shows.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, replace

import numpy as np

from .experiment import Run
from .features import feature_label
from .number_format import setting
from .verdict import run_verdict
from .verdict_words import MEANINGS, VERBS, claim


def _norms(run: Run):
    return np.linalg.norm(run.history.w, axis=1)


def _gap_fraction(run: Run) -> float:
    h, opt = run.history, run.optimum
    if not opt.finite:
        return float("nan")
    return float((h.cost[-1] - opt.cost) / (h.cost[0] - opt.cost))


# What a claim can measure on a run: a plain float (the verdict: its kind, a string).
METRICS = {
    "train_accuracy": lambda r: float(r.history.accuracy[-1]),
    "diverged": lambda r: float(r.history.diverged_at is not None),
    # (J_end − J*) / (J_0 − J*): 0 at the optimum, 1 where it started.
    "gap_fraction": _gap_fraction,
    "cost_rises": lambda r: float(np.sum(np.diff(r.history.cost) > 1e-9)),
    "final_over_initial_cost": lambda r: float(r.history.cost[-1] / r.history.cost[0]),
    # ‖w‖ at the last epoch over ‖w‖ halfway: > 1 while the weights still grow.
    "weight_growth": lambda r: float(_norms(r)[-1] / _norms(r)[len(r.history.cost) // 2]),
    "optimum_finite": lambda r: float(r.optimum.finite),
    # converged / crawling / oscillating / diverged: the one verdict every page shows.
    "verdict": lambda r: run_verdict(r).kind,
    "test_minus_train_cost": lambda r: float(r.history.test_cost[-1] - r.history.cost[-1]),
}
# What each claim checks, in a teacher's words: (metric, op) → a sentence with {v}.
SENTENCES = {
    ("train_accuracy", ">="): "the neuron gets at least {pct} of the training points right",
    ("train_accuracy", "<="): "the neuron gets at most {pct} of the training points right",
    ("gap_fraction", "<="): "the cost gets all the way down to the best possible value J* "
    "(within {pct} of the way from its start)",
    ("gap_fraction", ">="): "at the end, at least {pct} of the way from the starting cost "
    "down to the best possible J* is still to go",
    ("cost_rises", "=="): "the cost goes up in exactly {v} epochs",
    ("cost_rises", ">="): "the cost goes up in at least {v} epochs",
    ("final_over_initial_cost", "<="): "the cost still ends below {pct} of its starting value",
    ("weight_growth", ">="): "the weights are still growing at the end: ‖w‖ grows by at least "
    "{growth} over the second half of training",
    ("weight_growth", "<="): "the weights have stopped growing by the end",
    ("test_minus_train_cost", ">="): "the cost on the test points ends at least {v} above the "
    "cost on the training points",
}
WORDS_AT = {  # claims whose value picks the sentence
    ("train_accuracy", 1.0): "every training point ends up on its own side of the boundary",
    ("cost_rises", 0): "the cost never goes up",
    ("diverged", 0): "training never blows up: every number stays finite",
    ("diverged", 1): MEANINGS["diverged"],
    ("optimum_finite", 0): "there is no best finite w: the training points can be split perfectly",
    ("optimum_finite", 1): "a best finite w exists, so the cost has a real minimum",
    **{("verdict", kind): claim(kind) for kind in VERBS},  # the verdict's own words
}
_OPS = {"<=": operator.le, ">=": operator.ge, "==": operator.eq}


@dataclass(frozen=True)
class Claim:
    """``METRICS[metric](run) <op> value``, on the preset's run or on a variant of it.

    ``variant`` holds control overrides, e.g. ``(("features", ("x1", "x2")),)``: the claim is
    then about the same experiment with those controls changed (the comparison a teacher
    would make by hand).
    """

    metric: str
    op: str
    value: float | str
    variant: tuple[tuple[str, object], ...] = ()

    def instead(self, **changes) -> Claim:
        """The same claim about the variant run with ``changes``, e.g. ``.instead(l2=0.0)``."""
        return replace(self, variant=tuple(changes.items()))

    def describe(self) -> str:
        """The claim in a teacher's words, e.g. 'With only x₁, x₂ as inputs instead, the
        neuron gets at most 70 % of the training points right.'"""
        v = self.value
        text = WORDS_AT.get((self.metric, v)) or SENTENCES[(self.metric, self.op)].format(
            v=setting(v) if not isinstance(v, str) else v,
            pct=_share(v) if not isinstance(v, str) else v,
            growth=_share(v - 1) if not isinstance(v, str) else v,
        )
        if self.variant:
            changes = " and ".join(_change(k, x) for k, x in self.variant)
            return f"With {changes} instead, {text}."
        return text[0].upper() + text[1:] + "."

    def check(self, run: Run) -> tuple[float | str, bool]:
        """The value measured on ``run`` and whether the claim holds (NaN never holds; the
        verdict is measured as its kind, a string)."""
        measured = METRICS[self.metric](run)
        if isinstance(measured, str):
            return measured, _OPS[self.op](measured, self.value)
        return measured, bool(np.isfinite(measured) and _OPS[self.op](measured, self.value))


def _share(v: float) -> str:
    """A claim's threshold as a percentage, as set: 0.9 → '90 %', 0.001 → '0.1 %'."""
    return f"{setting(100 * v)} %"


def _change(control: str, value) -> str:
    if control == "features":
        return "only " + ", ".join(feature_label(f) for f in value) + " as inputs"
    if control == "standardize":
        return "standardisation " + ("on" if value else "off")
    if control == "epochs":
        return f"{int(value)} epochs"  # as the Epochs slider writes it
    names = {"alpha": "α", "l2": "λ"}
    return f"{names.get(control, control)} = {setting(value)}"
