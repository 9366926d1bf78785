"""The optimum of the same objective, found by scikit-learn, to measure the run against."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

from .logistic import cost
from .validation import check_data, check_l2


@dataclass(frozen=True, eq=False)
class Optimum:
    """Minimiser of J(w, b) = mean cross-entropy + (l2/2)·‖w‖².

    ``finite`` is False when no finite minimiser exists (separable data with l2 = 0: the
    cost keeps falling as ‖w‖ grows); w, b then hold where the solver stopped.
    """

    w: np.ndarray
    b: float
    cost: float
    finite: bool


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
    # Separable without a penalty: every point right, and the cost keeps falling as ‖w‖
    # grows, so the solver stops somewhere arbitrary on the way to infinity.
    separable = l2 == 0 and np.all((X @ w + b >= 0) == (y > 0.5))
    finite = not stalled and not separable and np.isfinite(J)
    return Optimum(w=w, b=b, cost=J, finite=bool(finite))
