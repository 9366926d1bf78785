"""The math of one sigmoid neuron: forward pass, cross-entropy cost, gradients, one step.

Rows of ``X`` are examples (shape (m, n)), as numpy and scikit-learn lay data out.
The cost is computed from the logit z, never as ``log(sigmoid(z))``, so it stays finite
for any finite z.
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit


def sigmoid(z):
    """Logistic function ``1 / (1 + exp(-z))``, elementwise.

    Stable for every finite z (no overflow, no warnings): scipy's ``expit`` evaluates the
    two halves of the real line separately.

    Parameters
    ----------
    z : float or ndarray of any shape

    Returns
    -------
    float or ndarray of the same shape, values in [0, 1].
    """
    return expit(z)


def _logits(w, b, X):
    return X @ w + b


def cost(w, b, X, y, l2=0.0) -> float:
    """Mean cross-entropy plus an L2 penalty on the weights.

    ``J(w, b) = (1/m) Σ_i [log(1 + e^{z_i}) − y_i z_i] + (l2/2)·‖w‖²`` with ``z = Xw + b``,
    which equals the mean of ``−[y log ŷ + (1−y) log(1−ŷ)]``.

    Parameters
    ----------
    w : ndarray of shape (n,)
    b : float
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,), values in {0, 1}
    l2 : float, default 0
        Strength λ of the penalty ``(λ/2)·‖w‖²``; the bias is not penalised.

    Returns
    -------
    float
    """
    w = np.asarray(w, dtype=float)
    z = _logits(w, b, X)
    loss = np.logaddexp(0.0, z) - y * z
    J = loss.mean()
    if l2:  # skipped at l2 = 0: w·w may overflow for huge w, and 0·inf is nan
        J += 0.5 * l2 * (w @ w)
    return float(J)


def gradients(w, b, X, y, l2=0.0):
    """Gradient of `cost` with respect to w and b.

    ``dw = (1/m) Xᵀ(ŷ − y) + λw`` and ``db = (1/m) Σ_i (ŷ_i − y_i)``.

    Parameters
    ----------
    w : ndarray of shape (n,)
    b : float
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,)
    l2 : float, default 0

    Returns
    -------
    dw : ndarray of shape (n,)
    db : float
    """
    w = np.asarray(w, dtype=float)
    m = X.shape[0]
    dz = sigmoid(_logits(w, b, X)) - y
    dw = X.T @ dz / m + l2 * w
    return dw, float(dz.mean())


def step(w, b, X, y, alpha, l2=0.0):
    """One epoch of batch gradient descent; returns new ``(w, b)``, inputs untouched.

    Both updates use the gradients at the same old ``(w, b)``.

    Parameters
    ----------
    w : ndarray of shape (n,)
    b : float
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,)
    alpha : float
        Learning rate α.
    l2 : float, default 0

    Returns
    -------
    w : ndarray of shape (n,), a new array
    b : float
    """
    dw, db = gradients(w, b, X, y, l2)
    return np.asarray(w, dtype=float) - alpha * dw, float(b - alpha * db)


def predict_proba(w, b, X):
    """ŷ = σ(Xw + b) for each row of X; ndarray of shape (m,)."""
    return sigmoid(_logits(np.asarray(w, dtype=float), b, X))
