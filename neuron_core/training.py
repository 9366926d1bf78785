"""Batch gradient descent, one epoch at a time: `iter_epochs` and `train` → `History`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from .logistic import cost, log_loss, step
from .validation import check_alpha, check_data, check_epochs, check_initial, check_l2

# A cost or parameter beyond this is on its way to overflow: the run has diverged. No run
# that settles comes near it (weights grow at most by α·max|x| an epoch, see `smoothness`),
# and stopping here keeps every number a page or an axis shows far from float64's 1.8e308.
BLOWN_UP = 1e100


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
        The first epoch whose cost or parameters were not finite or beyond `BLOWN_UP`; the
        arrays stop just before it (K = diverged_at), otherwise K = epochs + 1.
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
    longer finite, or beyond `BLOWN_UP`); then it stops after the last such snapshot. Stop it
    whenever you like.

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
            if not (J <= BLOWN_UP and abs(b) <= BLOWN_UP and np.all(np.abs(w) <= BLOWN_UP)):
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
    test_cost = test_acc = None
    if X_test is not None:
        test_cost, test_acc = evaluate_path(W, B, X_test, y_test, l2)
    diverged_at = None if len(C) == epochs + 1 else len(C)
    return History(W, B, C, A, test_cost, test_acc, diverged_at)


_CHUNK = 1000  # factors per product in the cost: each 1 + e ≤ 2, so a product stays < 2**1000


def _descend(X, y, alpha, epochs, l2, w0, b0):
    """The hot loop: per epoch one matvec, one exp, one transposed matvec and a few cheap passes.

    Row i of ``Xs`` is s_i·[x_i, 1] with s = 1 − 2y (+1 for class 0, −1 for class 1), so
    t = Xs·θ = s·z, the loss is softplus(t) (as in `log_loss`), and ŷ − y = s·σ(t): the
    gradient is Xsᵀσ(t) and y leaves the loop. One exp, e = exp(−|t|), serves loss and σ:

        softplus(t) = max(t, 0) + log(1 + e)
        σ(t) = max(e, [t > 0]) / (1 + e)      (1/(1+e) for t > 0, e/(1+e) for t < 0)

    Σ log(1 + e) is taken as the logs of column products of up to `_CHUNK` factors in [1, 2]:
    a few dozen logs per epoch instead of m (exp and log cost ~5 ns per element). Rounding
    1 + e and the products costs at most 1 ulp of 1 per example, so J is off by ≤ 2.2e-16;
    once J < 0.01 (≤ 2e-14 relative) each log1p(e) is taken exactly instead.
    """
    m, n = X.shape
    s = 1.0 - 2.0 * y
    Xs = np.empty((m, n + 1))
    np.multiply(X, s[:, None], out=Xs[:, :n])
    Xs[:, n] = s
    theta = np.r_[np.asarray(w0, dtype=float), float(b0)]  # stepped in place
    Theta = np.empty((epochs + 1, n + 1))
    C = np.empty(epochs + 1)
    misses = np.empty(epochs + 1, dtype=np.int64)
    K = _record_epochs(Xs, y, alpha, l2, theta, Theta, C, misses)
    finite = (np.abs(Theta[:K]) <= BLOWN_UP).all(axis=1)  # parameters can blow up before J
    if not finite.all():
        K = int(np.argmin(finite))
    W, B = np.ascontiguousarray(Theta[:K, :n]), Theta[:K, n].copy()
    return W, B, C[:K], (m - misses[:K]) / m


def _record_epochs(Xs, y, alpha, l2, theta, Theta, C, misses):
    """`_descend`'s loop: steps ``theta`` (n + 1,) in place, fills row k of Theta, C and
    misses for each epoch k, and returns how many rows it filled (fewer if J blew up)."""
    m, n = Xs.shape[0], Xs.shape[1] - 1
    with np.errstate(over="ignore"):  # an overflow here is a divergence, found in the loop
        Xs_lr = Xs * (alpha / m)  # the step's α/m folded into the gradient matvec
    # t ≥ thr exactly when an example is misclassified (z ≥ 0 predicts class 1): t ≥ 0 for
    # class 0, t > 0 (≥ the smallest positive float) for class 1.
    thr = np.where(y > 0.5, np.nextafter(0.0, 1.0), 0.0)
    cols = max(64, -(-m // _CHUNK))
    padded = np.ones(-(-m // cols) * cols)  # 1 + e, padded with ones to whole rows
    q, Q = padded[:m], padded.reshape(-1, cols)
    terms = np.empty(m + cols)  # max(t, 0) per example, then log of each column product
    relu, logs = terms[:m], terms[m:]
    w = theta[:n]
    t, e, p = np.empty(m), np.empty(m), np.empty(m)
    miss = np.empty(m, dtype=bool)
    g = np.empty(n + 1)
    shrink = 1.0 - alpha * l2  # w ← w − α(dw_data + λw) = (1 − αλ)w − α·dw_data
    last = len(C) - 1
    with np.errstate(all="ignore"):  # divergence is detected below, not warned about
        for k in range(last + 1):
            np.dot(Xs, theta, out=t)
            np.copysign(t, -1.0, out=e)
            np.exp(e, out=e)
            np.add(e, 1.0, out=q)
            np.multiply.reduce(Q, axis=0, out=logs)
            np.log(logs, out=logs)
            np.maximum(t, 0.0, out=relu)
            J = terms.sum() / m
            if J < 0.01:  # a nearly separated set: the tiny terms need every digit
                J = (relu.sum() + np.log1p(e, out=p).sum()) / m
            if l2:
                J += 0.5 * l2 * (w @ w)
            if not J <= BLOWN_UP:  # also catches nan
                return k
            Theta[k] = theta
            C[k] = J
            np.greater_equal(t, thr, out=miss)
            misses[k] = np.count_nonzero(miss)
            if k == last:
                break
            np.maximum(e, miss, out=p)
            np.divide(p, q, out=p)  # σ(t)
            np.dot(p, Xs_lr, out=g)
            if l2:
                w *= shrink
            theta -= g
    return last + 1


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
    # States recorded before a divergence may have logits beyond the float range on
    # these rows: their cost is then inf (or nan), reported rather than warned about.
    with np.errstate(all="ignore"):
        for start in range(0, K, chunk):
            sl = slice(start, start + chunk)
            Z = X @ W[sl].T + B[sl]  # (m, chunk): every state's logits at once
            costs[sl] = log_loss(Z, y[:, None]).mean(axis=0)
            if l2:
                costs[sl] += 0.5 * l2 * np.einsum("kn,kn->k", W[sl], W[sl])
            accs[sl] = ((Z >= 0) == (y[:, None] > 0.5)).mean(axis=0)
    return costs, accs
