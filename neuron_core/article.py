"""The source article's training loop as printed, next to the corrected one.

The article's pseudocode (its X is (n, m), one column per example)::

    for i in range(0,no_of_epochs):
      z=np.dot(w.T,X)
      y=sigmoid(z)
      dz=y-Y
      dw=1/m*(np.sum(np.dot(dz.T,X)))
      db=1/m*(np.sum(dz))
      w=w-a*dw
      b=b-a*db

Two slips change what it learns. z has no ``+ b``, so b is updated but never used: the
boundary z = 0 always passes through the origin of the inputs. And ``np.sum`` adds the
whole product up, so dw is one number, Σ_i Σ_j dz_i·x_ij / m, and every weight takes the
same step: from w = 0 the weights stay equal, the boundary is stuck at one angle. (As
printed, ``np.dot(dz.T, X)`` only lines up if X is (m, n); either way the sum is the same.)
The corrected loop is `neuron_core.train`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .logistic import sigmoid
from .training import evaluate_path, train
from .validation import check_alpha, check_data, check_epochs, check_initial

train_corrected = train  # the fix: z = w·x + b, dw = Xᵀ(ŷ − y)/m one entry per weight

PRINTED_CODE = """\
for i in range(0, no_of_epochs):
    # BUG 1: no + b
    z = np.dot(w.T, X)
    y = sigmoid(z)
    dz = y - Y
    # BUG 2: np.sum makes dw one number
    dw = 1/m * (np.sum(np.dot(dz.T, X)))
    db = 1/m * (np.sum(dz))
    w = w - a*dw   # same step for every w
    b = b - a*db   # z never reads b
"""

CORRECTED_CODE = """\
# X is (m, n): one row per example
for epoch in range(epochs):
    # FIX 1: the bias enters z
    z = X @ w + b
    y_hat = sigmoid(z)
    dz = y_hat - y
    # FIX 2: one entry per weight
    dw = X.T @ dz / m
    db = dz.sum() / m
    w = w - alpha * dw
    b = b - alpha * db
"""

DIAGNOSES = (  # (the printed line, what goes wrong), one line each
    (
        "z = np.dot(w.T, X)",
        "no + b, so the bias never reaches the output and the boundary z = 0 must pass "
        "through the origin of the inputs (with standardised inputs: the centre of the data).",
    ),
    (
        "dw = 1/m * (np.sum(np.dot(dz.T, X)))",
        "np.sum turns dw into one number, so every weight gets the same update: from w = 0 "
        "they stay equal and the boundary keeps one angle (w₁ = w₂: the line x₁ + x₂ = 0).",
    ),
)


@dataclass(frozen=True, eq=False)
class PrintedHistory:
    """The printed loop's run; row k is the state after k epochs.

    Attributes
    ----------
    w : ndarray of shape (K, n)
    b : ndarray of shape (K,)
        The printed ``b`` variable: updated each epoch, never used by z.
    cost, accuracy : ndarray of shape (K,)
        Of the model the loop really trains, ŷ = σ(w·x) (no bias).
    diverged_at : int or None
    """

    w: np.ndarray
    b: np.ndarray
    cost: np.ndarray
    accuracy: np.ndarray
    diverged_at: int | None

    @property
    def epochs(self) -> int:
        return len(self.cost) - 1


def train_printed(X, y, *, alpha, epochs, w0=None, b0=0.0) -> PrintedHistory:
    """Run the article's pseudocode as printed (vectorised, with a stable sigmoid and cost).

    Parameters
    ----------
    X : ndarray of shape (m, n)
        Rows are examples (the article's X transposed).
    y : ndarray of shape (m,), values in {0, 1}
    alpha : float > 0
    epochs : int ≥ 0
    w0 : ndarray of shape (n,) or None (zeros)
    b0 : float

    Returns
    -------
    PrintedHistory
    """
    alpha, epochs = check_alpha(alpha), check_epochs(epochs)
    X, y = check_data(X, y)
    w, b = check_initial(w0, b0, X.shape[1])
    m, n = X.shape
    row_sums = X.sum(axis=1)  # Σ_j x_ij: all np.sum leaves of X in dw
    W, B = np.empty((epochs + 1, n)), np.empty(epochs + 1)
    K = epochs + 1
    with np.errstate(all="ignore"):  # non-finite values end the run below, quietly
        for k in range(epochs + 1):
            W[k], B[k] = w, b
            if not (np.all(np.isfinite(w)) and np.isfinite(b)):
                K = k
                break
            if k == epochs:
                break
            dz = sigmoid(X @ w) - y  # z = w·x: no + b
            dw = float(dz @ row_sums) / m  # one number for every weight
            db = float(dz.sum()) / m
            w = w - alpha * dw
            b = b - alpha * db
    W, B = W[:K], B[:K]
    C, A = evaluate_path(W, np.zeros(K), X, y)  # the model trained has no bias
    finite = np.isfinite(C)
    if not finite.all():
        K = int(np.argmin(finite))
        W, B, C, A = W[:K], B[:K], C[:K], A[:K]
    complete = len(C) == epochs + 1
    return PrintedHistory(w=W, b=B, cost=C, accuracy=A, diverged_at=None if complete else len(C))
