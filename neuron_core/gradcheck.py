"""Check the analytic gradient against central finite differences of the cost.

The naive check, ``(J(θ+ε) − J(θ−ε)) / 2ε`` with J evaluated twice, subtracts two nearly
equal numbers: about ``1e-16·J/ε`` of absolute error (≈1e-10 for ε = 1e-6), far too much
once the gradient is small, as it is near the minimum. `finite_difference_gradient` takes
the same central difference but subtracts example by example, in a form that never
cancels (see `_softplus_difference`), so it stays accurate to ~1e-16 absolute and the two
gradients agree to well under 1e-6 in relative terms at every stage of training.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .logistic import cost, gradients
from .validation import check_data, check_l2

EPS = 1e-7  # small enough that the ε² truncation error is negligible (~1e-15·J''')
MAX_NUDGE = 1e-3  # the most a nudge of one parameter may move a logit
FLOOR = 1e-8  # relative errors divide by at least this, so an exact zero is no problem


def central_difference(f, theta, eps=1e-6):
    """``(f(θ + ε·e_k) − f(θ − ε·e_k)) / 2ε`` for each component k.

    Parameters
    ----------
    f : callable, ndarray of shape (k,) -> float
    theta : ndarray of shape (k,)
    eps : float

    Returns
    -------
    ndarray of shape (k,)
    """
    theta = np.asarray(theta, dtype=float)
    out = np.empty_like(theta)
    for k in range(theta.size):
        step = np.zeros_like(theta)
        step[k] = eps
        out[k] = (f(theta + step) - f(theta - step)) / (2.0 * eps)
    return out


def _softplus_difference(a, d):
    """``log(1+e^(a+d)) − log(1+e^(a−d))`` without cancellation, elementwise.

    The difference equals ``log1p(r)`` with ``r = 2·sinh(d) / (e^(−a) + e^(−d))``; for
    a < 0 the same r is ``2·sinh(d)·e^a / (1 + e^(a−d))``. Each form keeps its exponentials
    ≤ 1 for its half of the line, so nothing overflows. The difference is odd in d, so it
    is computed for |d| and the sign put back: terms that should cancel cancel exactly.
    """
    sign, d = np.sign(d), np.abs(d)
    with np.errstate(over="ignore"):  # only for |d| > 700, far outside any sensible ε·x
        s = 2.0 * np.sinh(d)
        pos = s / (np.exp(-np.maximum(a, 0.0)) + np.exp(-d))
        neg = s * np.exp(np.minimum(a, 0.0)) / (1.0 + np.exp(np.minimum(a, 0.0) - d))
    return sign * np.log1p(np.where(a >= 0, pos, neg))


def finite_difference_gradient(w, b, X, y, l2=0.0, eps=EPS):
    """Central finite difference of the cost J for each weight and the bias.

    Nudging parameter k by ±ε moves every logit by ±ε·x_ik (x_ik = 1 for the bias). The
    per-example loss is ``log(1 + e^(s·z))`` with s = +1 for y = 0 and −1 for y = 1, so
    ``J(θ+ε) − J(θ−ε)`` is the mean of `_softplus_difference` terms, plus ``2λεw_k`` from
    the penalty. Nothing here uses the derivative formula being checked.

    Parameters
    ----------
    w, b, X, y, l2
        As in `neuron_core.cost`: w (n,), X (m, n), y (m,).
    eps : float
        The nudge; smaller for a column whose largest |x| times ε passes `MAX_NUDGE`.

    Returns
    -------
    ndarray of shape (n + 1,): the n weights, then the bias.
    """
    w = np.asarray(w, dtype=float)
    z = X @ w + b
    s = 1.0 - 2.0 * y
    inputs = np.c_[X, np.ones(len(X))]  # ∂z/∂θ_k: x_ik for a weight, 1 for the bias
    # The nudge of θ_k moves the logits by up to ε·max|x_k|: for inputs so large that this
    # passes MAX_NUDGE, shrink it to MAX_NUDGE (unscaled inputs near 1e14 would move z by 1e7).
    largest = np.abs(inputs).max(axis=0)
    h = np.where(eps * largest > MAX_NUDGE, MAX_NUDGE / np.maximum(largest, 1.0), eps)
    diffs = _softplus_difference((s * z)[:, None], s[:, None] * h * inputs)
    penalty = np.r_[2.0 * l2 * h[:-1] * w, 0.0]
    return (diffs.mean(axis=0) + penalty) / (2.0 * h)


def relative_error(a, b, floor=FLOOR):
    """``|a − b| / max(|a|, |b|, floor)``, elementwise."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.abs(a - b) / np.maximum(np.maximum(np.abs(a), np.abs(b)), floor)


@dataclass(frozen=True, eq=False)
class GradientCheck:
    """The analytic gradient of J beside two finite-difference estimates of it.

    Attributes
    ----------
    analytic : ndarray of shape (n + 1,)
        ``(dw_1, …, dw_n, db)`` from `neuron_core.gradients`.
    numeric : ndarray of shape (n + 1,)
        `finite_difference_gradient`: careful central differences.
    naive : ndarray of shape (n + 1,)
        `central_difference` on `neuron_core.cost`: two costs subtracted directly.
    rel_error, naive_rel_error : ndarray of shape (n + 1,)
        `relative_error` of each estimate against the analytic gradient.
    eps : float
    """

    analytic: np.ndarray
    numeric: np.ndarray
    naive: np.ndarray
    rel_error: np.ndarray
    naive_rel_error: np.ndarray
    eps: float

    @property
    def max_rel_error(self) -> float:
        return float(self.rel_error.max())

    def passed(self, tol=1e-6) -> bool:
        """Whether every component agrees to within ``tol`` relative error."""
        return bool(self.max_rel_error <= tol)


def check_gradients(w, b, X, y, l2=0.0, eps=EPS) -> GradientCheck:
    """Compare `neuron_core.gradients` with finite differences of `neuron_core.cost`.

    Parameters
    ----------
    w, b, X, y, l2
        As in `neuron_core.cost`: w (n,), X (m, n), y (m,) of 0/1, l2 ≥ 0.
    eps : float > 0
        The nudge of `finite_difference_gradient` and of the naive difference.

    Returns
    -------
    GradientCheck
    """
    X, y = check_data(X, y)
    l2 = check_l2(l2)
    if not (np.isfinite(eps) and eps > 0):
        raise ValueError(f"eps must be a positive finite number, got {eps!r}")
    w = np.asarray(w, dtype=float)
    b = float(b)
    dw, db = gradients(w, b, X, y, l2)
    analytic = np.r_[dw, db]
    numeric = finite_difference_gradient(w, b, X, y, l2, eps)
    naive = central_difference(lambda t: cost(t[:-1], t[-1], X, y, l2), np.r_[w, b], eps)
    return GradientCheck(
        analytic=analytic,
        numeric=numeric,
        naive=naive,
        rel_error=relative_error(analytic, numeric),
        naive_rel_error=relative_error(analytic, naive),
        eps=float(eps),
    )
