"""Batch gradient descent, one epoch at a time: `iter_epochs` and `train` → `History`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from .logistic import cost, step
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


def _descend(X, y, alpha, epochs, l2, w0, b0):
    """The hot loop, then every recorded state scored at once.

    Row i of ``Xs`` is s_i·[x_i, 1] with s = 1 − 2y (+1 for class 0, −1 for class 1), so
    t = Xs·θ = s·z, the loss is softplus(t) (as in `log_loss`), and ŷ − y = s·σ(t): the
    gradient is Xsᵀσ(t) and y leaves the loop. An epoch is then one matvec, one exp, one
    reciprocal and one transposed matvec (`_step_epochs`); the costs and accuracies of all
    the states it recorded come afterwards from one matrix product per chunk of epochs
    (`_score_states`), instead of a dozen small array passes inside every epoch.
    """
    m, n = X.shape
    Xs = _signed(X, y)
    theta = np.r_[np.asarray(w0, dtype=float), float(b0)]  # stepped in place
    Theta = np.empty((epochs + 1, n + 1))
    filled = _step_epochs(Xs, alpha, l2, theta, Theta)
    C, misses = _score_states(Xs, y, l2, Theta[:filled])
    # The run ends before the first state whose cost (nan included) or parameters are
    # beyond BLOWN_UP: parameters can blow up before J.
    ok = (C <= BLOWN_UP) & (np.abs(Theta[:filled]) <= BLOWN_UP).all(axis=1)
    K = filled if ok.all() else int(np.argmin(ok))
    W, B = np.ascontiguousarray(Theta[:K, :n]), Theta[:K, n].copy()
    return W, B, C[:K], (m - misses[:K]) / m


def _signed(X, y):
    """``Xs`` (m, n + 1): row i is s_i·[x_i, 1], s = 1 − 2y (see `_descend`)."""
    m, n = X.shape
    s = 1.0 - 2.0 * y
    Xs = np.empty((m, n + 1))
    np.multiply(X, s[:, None], out=Xs[:, :n])
    Xs[:, n] = s
    return Xs


_CHECK_EVERY = 64  # epochs between looks for parameters past BLOWN_UP (the run is over)


def _step_epochs(Xs, alpha, l2, theta, Theta):
    """`_descend`'s loop: steps ``theta`` (n + 1,) in place and records it as row k of
    Theta after k epochs; returns how many rows it filled (fewer once the parameters have
    blown up: nothing after that state is kept)."""
    m, n = Xs.shape[0], Xs.shape[1] - 1
    with np.errstate(over="ignore"):  # an overflow here is a divergence, found later
        Xs_lr = Xs * (alpha / m)  # the step's α/m folded into the gradient matvec
    neg = -Xs  # −t = (−Xs)·θ, so σ(t) = 1 / (1 + exp(−t)) needs no sign flip per epoch
    u = np.empty(m)
    g = np.empty(n + 1)
    w = theta[:n]
    shrink = 1.0 - alpha * l2  # w ← w − α(dw_data + λw) = (1 − αλ)w − α·dw_data
    last = len(Theta) - 1
    with np.errstate(all="ignore"):  # divergence is detected afterwards, not warned about
        for k in range(last + 1):
            Theta[k] = theta
            if k == last:
                break
            if k % _CHECK_EVERY == 0 and not np.abs(theta).max() <= BLOWN_UP:
                return k + 1
            np.dot(neg, theta, out=u)
            np.exp(u, out=u)  # inf for a very negative t: σ is then 0, as it should be
            u += 1.0
            np.divide(1.0, u, out=u)  # σ(t)
            np.dot(u, Xs_lr, out=g)
            if l2:
                w *= shrink
            theta -= g
    return last + 1


_BLOCK = 32_768  # elements of t scored together (256 KB)
_PRODUCT = 1000  # factors per product in the cost: each 1 + e ≤ 2, so a product stays < 2**1000


def _score_states(Xs, y, l2, Theta):
    """(cost J, misclassified count) of each state (rows of Theta), on the rows of Xs.

    J is the mean of softplus(t) = max(t, 0) + log(1 + e), e = exp(−|t|), plus
    (l2/2)·‖w‖². Σ log(1 + e) is taken as the logs of products of up to `_PRODUCT` factors
    in [1, 2]: a few logs per state instead of m (exp and log cost ~5 ns per element).
    Rounding 1 + e and the products costs at most 1 ulp of 1 per example, so J is off by
    ≤ 2.2e-16; once J < 0.01 (≤ 2e-14 relative) each log1p(e) is taken exactly instead.
    t ≥ thr exactly when an example is misclassified (z ≥ 0 predicts class 1): t ≥ 0 for
    class 0, t > 0 (≥ the smallest positive float) for class 1.
    """
    K, m, n = len(Theta), Xs.shape[0], Xs.shape[1] - 1
    chunk = max(8, _BLOCK // m)  # states per block: a block of t stays in the CPU's cache
    C, misses = np.empty(K), np.empty(K, dtype=np.int64)
    thr = np.where(y > 0.5, np.nextafter(0.0, 1.0), 0.0)[:, None]
    with np.errstate(all="ignore"):  # states past BLOWN_UP give inf or nan, cut afterwards
        for start in range(0, K, chunk):
            sl = slice(start, start + chunk)
            ts = Xs @ Theta[sl].T  # (m, chunk): t of every example in every state
            misses[sl] = np.count_nonzero(ts >= thr, axis=0)
            relu = np.maximum(ts, 0.0).sum(axis=0)
            e = np.abs(ts, out=ts)
            np.negative(e, out=e)
            np.exp(e, out=e)
            q = e + 1.0
            logs = sum(np.log(q[r : r + _PRODUCT].prod(axis=0)) for r in range(0, m, _PRODUCT))
            J = (relu + logs) / m
            tiny = J < 0.01  # a nearly separated set: the tiny terms need every digit
            if tiny.any():
                J[tiny] = (relu[tiny] + np.log1p(e[:, tiny]).sum(axis=0)) / m
            if l2:
                W = Theta[sl, :n]
                J += 0.5 * l2 * np.einsum("kn,kn->k", W, W)
            C[sl] = J
    return C, misses


def evaluate_path(W, B, X, y, l2=0.0):
    """Cost and accuracy on (X, y) for every recorded state (rows of W, B), scored as
    training scores its own states (`_score_states`).

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
    # States recorded before a divergence may have logits beyond the float range on
    # these rows: their cost is then inf (or nan), reported rather than warned about.
    Theta = np.column_stack([np.asarray(W, dtype=float), np.asarray(B, dtype=float)])
    costs, misses = _score_states(_signed(X, y), y, l2, Theta)
    return costs, (len(y) - misses) / len(y)
