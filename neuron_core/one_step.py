"""One gradient-descent step taken by hand: on one example, or averaged over all m.

Every intermediate quantity is kept in a frozen dataclass, so a page can print each
number with the formula it came from, and a test can compare each one against
`neuron_core.gradients` and `neuron_core.step`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .logistic import log_loss, sigmoid
from .validation import check_alpha, check_data, check_l2


@dataclass(frozen=True, eq=False)
class ExampleStep:
    """One step of gradient descent on a single example (x, y).

    Attributes
    ----------
    x : ndarray of shape (n,)
        The example's inputs (the model's features, after any scaling).
    y : float
        Its label, 0 or 1.
    w : ndarray of shape (n,)
    b : float
        Parameters before the step.
    alpha, l2 : float
        Learning rate α and L2 strength λ.
    z : float
        ``w·x + b``.
    y_hat : float
        ``σ(z)``.
    loss : float
        ``L(y, ŷ) = −[y log ŷ + (1−y) log(1−ŷ)]`` (the L2 penalty is not included).
    dz : float
        ``∂L/∂z = ŷ − y``.
    dw : ndarray of shape (n,)
        ``dz·x_j`` (plus ``λ·w_j`` when l2 > 0).
    db : float
        ``dz``.
    w_new : ndarray of shape (n,)
    b_new : float
        ``w − α·dw`` and ``b − α·db``.
    y_hat_new, loss_new : float
        The prediction and the loss for the same example after the step.
    """

    x: np.ndarray
    y: float
    w: np.ndarray
    b: float
    alpha: float
    l2: float
    z: float
    y_hat: float
    loss: float
    dz: float
    dw: np.ndarray
    db: float
    w_new: np.ndarray
    b_new: float
    y_hat_new: float
    loss_new: float


def example_step(w, b, x, y, alpha, l2=0.0) -> ExampleStep:
    """Take one gradient-descent step on the single example (x, y).

    Parameters
    ----------
    w : ndarray of shape (n,)
    b : float
    x : ndarray of shape (n,)
    y : 0 or 1
    alpha : float > 0
    l2 : float ≥ 0

    Returns
    -------
    ExampleStep
    """
    alpha, l2 = check_alpha(alpha), check_l2(l2)
    X, ys = check_data(np.atleast_2d(np.asarray(x, dtype=float)), np.atleast_1d(y), "x", "y")
    fields, z_new = _step(w, b, X, ys, alpha, l2)
    del fields["dz_x_sum"], fields["dz_sum"]  # a batch's sums: one example's are dw and db
    fields |= {k: float(fields[k][0]) for k in ("z", "y_hat", "dz")}  # one row: numbers
    y = float(ys[0])
    return ExampleStep(
        x=X[0],
        y=y,
        loss=float(log_loss(fields["z"], y)),
        y_hat_new=float(sigmoid(z_new[0])),
        loss_new=float(log_loss(z_new[0], y)),
        **fields,
    )


def _step(w, b, X, y, alpha, l2):
    """The step both views take, on the m rows of X (m = 1 for one example).

    Returns a dict of what it computes, named as in `BatchStep` (w, b, alpha, l2; z, y_hat,
    dz of shape (m,); dz_x_sum, dz_sum; dw, db, w_new, b_new), and the logits after the
    step, shape (m,).
    """
    w, b = np.asarray(w, dtype=float).copy(), float(b)
    m = X.shape[0]
    z = X @ w + b
    y_hat = sigmoid(z)
    dz = y_hat - y
    dz_x_sum, dz_sum = X.T @ dz, float(dz.sum())
    dw, db = dz_x_sum / m + l2 * w, dz_sum / m
    w_new, b_new = w - alpha * dw, b - alpha * db
    fields = dict(w=w, b=b, alpha=alpha, l2=l2, z=z, y_hat=y_hat, dz=dz, dw=dw, db=db)
    fields |= dict(dz_x_sum=dz_x_sum, dz_sum=dz_sum, w_new=w_new, b_new=b_new)
    return fields, X @ w_new + b_new


@dataclass(frozen=True, eq=False)
class BatchStep:
    """One step of batch gradient descent: the per-example quantities and their averages.

    Attributes
    ----------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,)
    w, b, alpha, l2 : as in `ExampleStep`
    z, y_hat, loss, dz : ndarray of shape (m,)
        The per-example quantities of `ExampleStep`, one per row of X.
    loss_sum : float
        ``Σ_i L_i``.
    dz_x_sum : ndarray of shape (n,)
        ``Σ_i dz_i·x_ij`` for each feature j, i.e. ``Xᵀ dz``.
    dz_sum : float
        ``Σ_i dz_i``.
    cost : float
        ``J = loss_sum / m`` (plus ``(λ/2)·‖w‖²``).
    dw : ndarray of shape (n,)
        ``dz_x_sum / m`` (plus ``λ·w``).
    db : float
        ``dz_sum / m``.
    w_new, b_new : parameters after the step.
    cost_new : float
        J after the step.
    """

    X: np.ndarray
    y: np.ndarray
    w: np.ndarray
    b: float
    alpha: float
    l2: float
    z: np.ndarray
    y_hat: np.ndarray
    loss: np.ndarray
    dz: np.ndarray
    loss_sum: float
    dz_x_sum: np.ndarray
    dz_sum: float
    cost: float
    dw: np.ndarray
    db: float
    w_new: np.ndarray
    b_new: float
    cost_new: float

    @property
    def m(self) -> int:
        """Number of examples averaged over."""
        return len(self.y)


def batch_step(w, b, X, y, alpha, l2=0.0) -> BatchStep:
    """Take one step of batch gradient descent, keeping every sum on the way.

    Parameters as in `example_step`, with X of shape (m, n) and y of shape (m,).

    Returns
    -------
    BatchStep
    """
    alpha, l2 = check_alpha(alpha), check_l2(l2)
    X, y = check_data(X, y)
    fields, z_new = _step(w, b, X, y, alpha, l2)
    loss = log_loss(fields["z"], y)

    def penalty(v):  # skipped at l2 = 0: v·v may overflow for huge v, and 0·inf is nan
        return 0.5 * l2 * float(v @ v) if l2 else 0.0

    return BatchStep(
        X=X,
        y=y,
        loss=loss,
        loss_sum=float(loss.sum()),
        cost=float(loss.mean()) + penalty(fields["w"]),
        cost_new=float(log_loss(z_new, y).mean()) + penalty(fields["w_new"]),
        **fields,
    )


def worst_example(w, b, X, y) -> int:
    """Index of the row of X (m, n) with the largest loss: the example the neuron gets most wrong.

    Ties go to the lowest index, so the answer is deterministic.
    """
    z = np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + float(b)
    return int(np.argmax(log_loss(z, np.asarray(y, dtype=float))))
