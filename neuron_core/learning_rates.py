"""Several learning rates on the same data from the same start, and how each one fares.

For the logistic cost, L = λ_max([X 1]ᵀ[X 1])/(4m) (+ λ) bounds the curvature, so α = 1/L is
safe and α < 2/L can never make the cost rise. Above 2/L the steps *may* overshoot, but the
true curvature near the optimum is often far below L (σ' < 1/4 there), so a much larger α can
still settle. And with λ = 0 the gradient is bounded (|ŷ − y| ≤ 1), so the weights grow at
most linearly and the cost almost never reaches infinity: a large α *oscillates*. Each run
gets the one verdict of `neuron_core.verdict`; `preset_alphas` looks for values that really
show each behaviour on the given data.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .alphas import ALPHAS, recommended
from .experiment import smoothness, suggested_alpha
from .number_format import latex
from .training import History, train
from .verdict import Verdict, epochs_within, first_rise, verdict
from .verdict_words import short

__all__ = ["Presets", "RateResult", "compare_rates", "l_formula", "preset_alphas"]


@dataclass(frozen=True, eq=False)
class RateResult:
    """One learning rate's run.

    Attributes
    ----------
    alpha : float
    history : History
    outcome : Verdict
        The run's verdict (see `neuron_core.verdict`).
    epochs_to_optimum : int or None
        First epoch from which the cost stays within 1 % of J* (None: never, or no finite J*).
    """

    alpha: float
    history: History
    outcome: Verdict
    epochs_to_optimum: int | None

    @property
    def final_cost(self) -> float:
        return float(self.history.cost[-1])

    @property
    def diverged_at(self) -> int | None:
        """First epoch that was not finite, None for a run that stayed finite."""
        return self.outcome.epoch if self.outcome.kind == "diverged" else None

    @property
    def verdict(self) -> str:
        """A few words for the table (`neuron_core.verdict_words.short`)."""
        return short(self.outcome)


def compare_rates(F, y, alphas, *, epochs, l2=0.0, w0=None, b0=0.0, optimum_cost=None):
    """Train once per α from the same (w0, b0) on the same data.

    Parameters
    ----------
    F : ndarray of shape (m, n)
    y : ndarray of shape (m,)
    alphas : sequence of float > 0
    epochs : int
    optimum_cost : float or None
        J* for "epochs to within 1 %"; None when there is no finite optimum.

    Returns
    -------
    list of RateResult, in the order of ``alphas``.
    """
    out = []
    for a in alphas:
        h = train(F, y, alpha=float(a), epochs=epochs, l2=l2, w0=w0, b0=b0)
        reach = None if optimum_cost is None else epochs_within(h.cost, optimum_cost)
        out.append(RateResult(float(a), h, verdict(h, optimum_cost), reach))
    return out


@dataclass(frozen=True)
class Presets:
    """Learning rates that show each behaviour on one dataset (see `preset_alphas`).

    ``alphas`` maps "too small" (crawls), "good" (converges), "too large" (oscillates) and
    "diverging" (stops being finite) to an α, or None when no α up to the search limit showed
    that behaviour (a "diverging" α may not exist for well-separated data).
    """

    L: float
    hint: float
    alphas: dict
    limit: float  # the largest α the search tried


def preset_alphas(F, y, l2=0.0, *, epochs=300, w0=None, b0=0.0, max_multiple=2.0**14):
    """Find α values that crawl, converge, zig-zag and diverge on this data.

    too small = 0.01/L, good = 1/L (see `suggested_alpha`); "too large" is the smallest
    α = 2ᵏ/L (k ≥ 1) whose run oscillates, and "diverging" the smallest 2ᵏ/L whose run stops
    being finite (none, often, without L2: the weights then grow only linearly). Every α is
    rounded onto the Playground's α (`neuron_core.alphas`), so each can be set there, and the
    search stops at its largest, `SEARCH_LIMIT`. Each candidate is trained for ``epochs``
    epochs to check, at the rounded value, from the run's start (``w0``, ``b0``).
    """
    L = smoothness(F, l2)
    hint = suggested_alpha(F, l2)
    found = {"too small": _round(0.01 / L), "good": hint, "too large": None, "diverging": None}
    mult = 2.0
    while mult <= max_multiple and mult / L <= SEARCH_LIMIT and found["diverging"] is None:
        a = _round(mult / L)
        h = train(F, y, alpha=a, epochs=epochs, l2=l2, w0=w0, b0=b0)
        if h.diverged_at is not None:
            found["diverging"] = a
        elif found["too large"] is None and first_rise(h.cost) is not None:
            found["too large"] = a
        mult *= 2.0
    if found["diverging"] is not None and found["too large"] is None:
        # Straight from calm to diverging: look between the last calm α and the first bad one.
        lo, hi = found["diverging"] / 2.0, found["diverging"]
        for _ in range(4):
            a = _round(np.sqrt(lo * hi))
            h = train(F, y, alpha=a, epochs=epochs, l2=l2, w0=w0, b0=b0)
            if h.diverged_at is not None:
                hi = a
            elif first_rise(h.cost) is not None:
                found["too large"] = a
                break
            else:
                lo = a
    return Presets(L=L, hint=hint, alphas=found, limit=min(max_multiple / L, SEARCH_LIMIT))


# The largest α the presets' search tries: the largest the Playground offers.
SEARCH_LIMIT = ALPHAS[-1]


def _round(a):
    return recommended(a)


def l_formula(F, l2=0.0) -> tuple[str, str]:
    """LaTeX for the hint, with this data's numbers: (L = …, α ≈ 1/L = …), two short lines."""
    L = smoothness(F, l2)
    lam = r" + \lambda" if l2 else ""
    return (
        rf"L = \lambda_{{\max}}\!\left(\tfrac{{1}}{{4m}}\,\tilde X^\top \tilde X\right){lam}"
        rf" = {latex(L, 3)}",
        rf"\alpha \approx \tfrac{{1}}{{L}} = {latex(1.0 / L, 3)}",
    )
