"""The optimum of the same objective, found by scikit-learn, to measure the run against."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

from .logistic import cost
from .validation import check_data, check_l2


@dataclass(frozen=True, eq=False)
class Optimum:
    """Minimiser of J(w, b) = mean cross-entropy + (l2/2)·‖w‖².

    ``separable`` says whether some (w, b) puts every training point on its own side
    (decided exactly, by `separable`). ``finite`` is False when no finite minimiser exists:
    separable data with l2 = 0, where the cost keeps falling as ‖w‖ grows; w, b then hold
    where the solver stopped.
    """

    w: np.ndarray
    b: float
    cost: float
    finite: bool
    separable: bool = False


def separable(X, y) -> bool:
    """Whether a hyperplane puts every row of X on the side of its label (strictly).

    A linear feasibility problem: find (w, b) with s_i·(x_i·w + b) ≥ 1 for s_i = ±1. It is
    feasible exactly when the classes can be split with no point on the boundary, whatever
    an iterative solver happened to reach. Duplicated points with both labels make it
    infeasible, as they should.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,), values in {0, 1}
    """
    X = np.asarray(X, dtype=float)
    s = np.where(np.asarray(y) > 0.5, 1.0, -1.0)
    if np.all(s == s[0]):
        return True
    # Scale each column to at most 1 so the solver's tolerances mean the same on any data.
    A = np.c_[X / np.maximum(np.abs(X).max(axis=0), 1e-300), np.ones(len(X))]
    res = linprog(
        np.zeros(A.shape[1]),
        A_ub=-(s[:, None] * A),
        b_ub=-np.ones(len(X)),
        bounds=[(None, None)] * A.shape[1],
        method="highs",
    )
    return bool(res.status == 0)


def reference_optimum(X, y, l2=0.0) -> Optimum:
    """Fit `LogisticRegression` with C matched to l2: C = 1/(l2·m), or C = ∞ for l2 = 0.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,), values in {0, 1}
    l2 : float ≥ 0

    Returns
    -------
    Optimum
    """
    l2 = check_l2(l2)
    X, y = check_data(X, y)
    m = X.shape[0]
    C = np.inf if l2 == 0 else 1.0 / (l2 * m)
    model = LogisticRegression(C=C, tol=1e-12, max_iter=10_000)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with np.errstate(all="ignore"):
            model.fit(X, y.astype(int))
    w, b = model.coef_[0].astype(float), float(model.intercept_[0])
    stalled = any(issubclass(c.category, ConvergenceWarning) for c in caught)
    J = cost(w, b, X, y, l2)
    split = separable(X, y)
    # Separable without a penalty: the cost keeps falling as ‖w‖ grows, so the solver
    # stops somewhere arbitrary on the way to infinity. Otherwise a finite minimiser exists
    # (except when classes only touch, quasi-separation, which shows up as a stalled solver).
    finite = not (split and l2 == 0) and np.isfinite(J) and not (stalled and l2 == 0 and split)
    return Optimum(w=w, b=b, cost=J, finite=bool(finite), separable=split)
