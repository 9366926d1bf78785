"""Batch gradient descent, one epoch at a time: `iter_epochs` and `train` → `History`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from .logistic import cost, step
from .validation import check_alpha, check_data, check_epochs, check_initial, check_l2


@dataclass(frozen=True, eq=False)
class Snapshot:
    """The state after ``epoch`` epochs: weights (n,), bias and cost J at that state."""

    epoch: int
    w: np.ndarray
    b: float
    cost: float


@dataclass(frozen=True, eq=False)
class History:
    """Everything a run went through; row k is the state after k epochs (row 0: start).

    Attributes
    ----------
    w : ndarray of shape (K, n)
    b, cost, accuracy : ndarray of shape (K,)
        ``accuracy`` is on the training set (ŷ ≥ 0.5 predicts class 1).
    test_cost, test_accuracy : ndarray of shape (K,) or None
    diverged_at : int or None
        The first epoch whose cost or parameters were not finite; the arrays stop just
        before it (K = diverged_at), otherwise K = epochs + 1.
    """

    w: np.ndarray
    b: np.ndarray
    cost: np.ndarray
    accuracy: np.ndarray
    test_cost: np.ndarray | None
    test_accuracy: np.ndarray | None
    diverged_at: int | None

    @property
    def epochs(self) -> int:
        """Number of epochs completed (the last row's epoch)."""
        return len(self.cost) - 1


def iter_epochs(X, y, *, alpha, l2=0.0, w0=None, b0=0.0) -> Iterator[Snapshot]:
    """Yield a `Snapshot` per epoch, starting with epoch 0 (the initial state).

    The generator never ends on its own unless training diverges (cost or parameters no
    longer finite); then it stops after the last finite snapshot. Stop it whenever you like.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,), values in {0, 1}
    alpha : float > 0
    l2 : float ≥ 0
    w0 : ndarray of shape (n,) or None (zeros)
    b0 : float
    """
    alpha, l2 = check_alpha(alpha), check_l2(l2)
    X, y = check_data(X, y)
    w, b = check_initial(w0, b0, X.shape[1])
    return _iterate(X, y, alpha, l2, w, b)


def _iterate(X, y, alpha, l2, w, b):
    epoch = 0
    with np.errstate(all="ignore"):
        while True:
            J = cost(w, b, X, y, l2)
            if not (np.isfinite(J) and np.isfinite(b) and np.all(np.isfinite(w))):
                return
            yield Snapshot(epoch, w.copy(), float(b), J)
            w, b = step(w, b, X, y, alpha, l2)
            epoch += 1


def train(X, y, *, alpha, epochs, l2=0.0, w0=None, b0=0.0, X_test=None, y_test=None) -> History:
    """Run ``epochs`` epochs of batch gradient descent and record every state.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,), values in {0, 1}
    alpha : float > 0
        Learning rate α.
    epochs : int ≥ 0
    l2 : float ≥ 0, default 0
        Penalty ``(l2/2)·‖w‖²`` (bias not penalised).
    w0 : ndarray of shape (n,) or None
        Initial weights; None means zeros.
    b0 : float, default 0
    X_test : ndarray of shape (m_test, n), optional
    y_test : ndarray of shape (m_test,), optional

    Returns
    -------
    History
        Arrays of length ``epochs + 1``, shorter when training diverged.

    Raises
    ------
    ValueError
        For a bad hyper-parameter, shapes that disagree or labels other than 0/1.
    """
    alpha, epochs, l2 = check_alpha(alpha), check_epochs(epochs), check_l2(l2)
    X, y = check_data(X, y)
    w0, b0 = check_initial(w0, b0, X.shape[1])
    if (X_test is None) != (y_test is None):
        raise ValueError("X_test and y_test must be given together")
    if X_test is not None:
        X_test, y_test = check_data(X_test, y_test, "X_test", "y_test")
        if X_test.shape[1] != X.shape[1]:
            raise ValueError(f"X_test must have {X.shape[1]} columns like X, got {X_test.shape[1]}")

    W, B, C, A = _descend(X, y, alpha, epochs, l2, w0, b0)
    k = len(C)
    test_cost = test_acc = None
    if X_test is not None:
        test_cost, test_acc = evaluate_path(W, B, X_test, y_test, l2)
    return History(
        w=W,
        b=B,
        cost=C,
        accuracy=A,
        test_cost=test_cost,
        test_accuracy=test_acc,
        diverged_at=None if k == epochs + 1 else k,
    )


def _descend(X, y, alpha, epochs, l2, w0, b0):
    """The hot loop. X gets a column of ones so z and the gradient are one BLAS call each.

    Per epoch, one exp serves both the loss and the sigmoid: with e = exp(−|z|),
    log(1 + e^z) = max(z, 0) + log1p(e) and σ(z) = ½ + sign(z)·(1/(1+e) − ½).
    """
    m, n = X.shape
    Xa = np.empty((m, n + 1))
    Xa[:, :n] = X
    Xa[:, n] = 1.0
    s = 1.0 - 2.0 * y  # +1 for class 0, −1 for class 1: Σ relu(s·z) = (s·z + Σ|z|)/2
    half_minus_y = 0.5 - y
    positive = y.astype(bool)

    theta = np.empty(n + 1)
    theta[:n], theta[n] = w0, b0
    W = np.empty((epochs + 1, n))
    B = np.empty(epochs + 1)
    C = np.empty(epochs + 1)
    A = np.empty(epochs + 1)
    z, a, e, r = np.empty(m), np.empty(m), np.empty(m), np.empty(m)
    hit = np.empty(m, dtype=bool)
    g = np.empty(n + 1)
    lr = alpha / m
    shrink = 1.0 - alpha * l2  # w ← w − α(dw_data + λw) = (1 − αλ)w − α·dw_data

    with np.errstate(all="ignore"):  # divergence is detected below, not warned about
        for k in range(epochs + 1):
            np.dot(Xa, theta, out=z)
            np.abs(z, out=a)
            np.negative(a, out=e)
            np.exp(e, out=e)
            J = (np.log1p(e, out=r).sum() + 0.5 * (s @ z + a.sum())) / m
            if l2:
                J += 0.5 * l2 * (theta[:n] @ theta[:n])
            if not np.isfinite(J):
                return W[:k], B[:k], C[:k], A[:k]
            W[k], B[k], C[k] = theta[:n], theta[n], J
            np.greater_equal(z, 0.0, out=hit)
            A[k] = np.count_nonzero(np.equal(hit, positive, out=hit)) / m
            if k == epochs:
                break
            np.add(e, 1.0, out=r)
            np.reciprocal(r, out=r)
            r -= 0.5
            np.copysign(r, z, out=r)
            r += half_minus_y  # r = ŷ − y
            np.dot(r, Xa, out=g)
            g *= lr
            if l2:
                theta[:n] *= shrink
            theta -= g
    return W, B, C, A


def evaluate_path(W, B, X, y, l2=0.0, chunk=512):
    """Cost and accuracy on (X, y) for every recorded state (rows of W, B).

    Parameters
    ----------
    W : ndarray of shape (K, n)
    B : ndarray of shape (K,)
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,)

    Returns
    -------
    cost, accuracy : ndarrays of shape (K,)
    """
    K = len(B)
    costs, accs = np.empty(K), np.empty(K)
    for start in range(0, K, chunk):
        sl = slice(start, start + chunk)
        Z = X @ W[sl].T + B[sl]  # (m, chunk): every state's logits at once
        loss = np.logaddexp(0.0, Z) - y[:, None] * Z
        costs[sl] = loss.mean(axis=0) + 0.5 * l2 * np.einsum("kn,kn->k", W[sl], W[sl])
        accs[sl] = ((Z >= 0) == (y[:, None] > 0.5)).mean(axis=0)
    return costs, accs
