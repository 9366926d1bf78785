"""One verdict on a run, the same on every page, preset and banner.

- **diverged**: the cost or the weights stopped being finite (training stopped early);
- **oscillating**: the cost went up at some epoch (a step overshot) but stayed finite;
- **crawling**: it only fell, but did not get within 1 % of the best cost J* in time;
- **converged**: it only fell and ended within 1 % of J* (or, with no finite J*, it only
  fell: separable data has no optimum to reach, only a cost falling towards 0).

A cost that ends above where it started but stays finite is *oscillating*, not diverged:
with α far above 1/L the weights may jump between two sides of the valley for ever
(α = 86 on the moons swings between J ≈ 0.2 and 1) and still end with a good boundary.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

WITHIN = 0.01  # "close to the optimum": within 1 % of J*


@dataclass(frozen=True)
class Verdict:
    """What a run did.

    Attributes
    ----------
    kind : str
        ``converged``, ``crawling``, ``oscillating`` or ``diverged`` (its words:
        `neuron_core.verdict_words`).
    epoch : int or None
        diverged: the first epoch that was not finite; oscillating: the first epoch whose
        cost went up; converged: the first epoch from which the cost stays within 1 % of J*
        (None without a finite J*); crawling: None.
    settles : bool
        An oscillating run that still ends within 1 % of J*.
    """

    kind: str
    epoch: int | None
    settles: bool = False


def first_rise(cost, tol=1e-12):
    """First epoch whose cost is above the previous one (beyond rounding), or None."""
    c = np.asarray(cost, dtype=float)
    if len(c) < 2:
        return None
    up = np.diff(c) > tol * max(1.0, float(np.abs(c).max()))
    return int(np.argmax(up)) + 1 if up.any() else None


def epochs_within(cost, optimum_cost, rel=WITHIN):
    """First epoch k with cost[j] − J* ≤ rel·|J*| for every j ≥ k, or None.

    Parameters
    ----------
    cost : ndarray of shape (K,)
    optimum_cost : float
        J*, the lowest cost (finite).
    rel : float
    """
    cost = np.asarray(cost, dtype=float)
    ok = cost - optimum_cost <= rel * abs(optimum_cost)
    if not ok.size or not ok[-1]:
        return None
    bad = np.flatnonzero(~ok)
    return 0 if not bad.size else int(bad[-1] + 1)


def verdict(history, optimum_cost=None) -> Verdict:
    """The verdict on a training history.

    Parameters
    ----------
    history : History
        Its ``cost`` (K,) and ``diverged_at`` are read.
    optimum_cost : float or None
        J*; None (or not finite) when the data has no finite optimum.
    """
    if history.diverged_at is not None:
        return Verdict("diverged", int(history.diverged_at))
    has_target = optimum_cost is not None and np.isfinite(optimum_cost)
    reach = epochs_within(history.cost, optimum_cost) if has_target else None
    rise = first_rise(history.cost)
    if rise is not None:
        return Verdict("oscillating", rise, settles=reach is not None)
    if has_target and reach is None:
        return Verdict("crawling", None)
    return Verdict("converged", reach)


def run_verdict(run) -> Verdict:
    """`verdict` of a `Run` against its own optimum (J* only when it is finite)."""
    opt = run.optimum
    return verdict(run.history, opt.cost if opt.finite else None)
