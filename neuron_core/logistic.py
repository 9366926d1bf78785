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


def log_loss(z, y):
    """Cross-entropy of label y at logit z: ``log(1 + e^z) − y·z``, elementwise.

    The same number as ``−[y log ŷ + (1−y) log(1−ŷ)]`` with ŷ = σ(z), taken from z so it
    is finite for every finite z (``np.logaddexp`` never overflows). A logit beyond the
    float range (±∞, from inputs or weights past 10³⁰⁸) costs 0 on its label's side and ∞
    on the other, where the formula alone would give ∞ − ∞.

    Parameters
    ----------
    z : float or ndarray
        Logits ``w·x + b``.
    y : float or ndarray broadcastable against z, values in {0, 1}
        Labels; e.g. z of shape (m, k) (k states) with y of shape (m, 1).

    Returns
    -------
    ndarray of the broadcast shape of z and y (0-d for scalars), values ≥ 0.
    """
    z = np.asarray(z, dtype=float)
    with np.errstate(invalid="ignore"):  # ∞ − ∞ and 0·∞ at infinite logits, replaced below
        loss = np.logaddexp(0.0, z) - y * z
    far = np.isinf(z)
    if far.any():
        loss = np.where(far, np.where((z > 0) == (np.asarray(y) > 0.5), 0.0, np.inf), loss)
    return loss


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
    J = log_loss(z, y).mean()
    if l2:  # skipped at l2 = 0: w·w may overflow for huge w, and 0·inf is nan
        J += 0.5 * l2 * (w @ w)
    return float(J)


def gradients(w, b, X, y, l2=0.0):
    """Gradient of `cost` with respect to w and b (parameters as in `cost`).

    ``dw = (1/m) Xᵀ(ŷ − y) + λw`` and ``db = (1/m) Σ_i (ŷ_i − y_i)``.

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
    w, b, X, y, l2
        As in `cost`.
    alpha : float
        Learning rate α.

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
