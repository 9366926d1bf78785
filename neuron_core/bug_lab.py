"""The source article's training loop as printed, next to the corrected one.

`PRINTED_CODE` is the article's pseudocode (its X is (n, m), one column per example),
laid out with its two bugs marked. Two slips change what it learns. z has no ``+ b``, so b
is updated but never used: the boundary z = 0 always passes through the origin of the
inputs. And ``np.sum`` adds the whole product up, so dw is one number,
Σ_i Σ_j dz_i·x_ij / m, and every weight takes the same step: from w = 0 the weights stay
equal, the boundary is stuck at one angle. (As printed, ``np.dot(dz.T, X)`` only lines up
if X is (m, n); either way the sum is the same.) The corrected loop, `CORRECTED_CODE`, is
what `neuron_core.train` runs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .features import FEATURE_LABELS
from .logistic import sigmoid
from .training import BLOWN_UP, evaluate_path
from .validation import check_alpha, check_data, check_epochs, check_initial

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
        "no + b, so the bias never reaches the output: z is 0 wherever every input is 0, "
        "and the boundary cannot shift away from that point (for x₁, x₂ standardised: the "
        "centre of the data).",
    ),
    (
        "dw = 1/m * (np.sum(np.dot(dz.T, X)))",
        "np.sum turns dw into one number, so every weight gets the same update: the weights "
        "can only move together (from w = 0 they stay equal), and the boundary's shape is "
        "fixed by the inputs instead of learned.",
    ),
)


def printed_boundary(features, standardized: bool, zero_start: bool) -> str:
    """What the printed loop's boundary looks like, said only where it holds.

    Every weight gets the same update, so from w = 0 the weights stay equal and z = c·Σⱼ xⱼ
    (no b): the boundary is where the inputs add up to zero. With x₁ and x₂ only that is a
    straight line through the origin of the inputs (the centre of the data when they are
    standardised); with curved inputs it is a curve of that fixed shape; from a random start
    (or one the learner chose) the start's own share moves it, and no simple picture holds.
    """
    if not zero_start:
        return (
            "From a start other than w = 0 the weights keep their starting differences and add "
            "the same amount each epoch, so the boundary is the start's boundary pushed by one "
            "shared number: it cannot tilt or bend freely."
        )
    units = " (in standardised units)" if standardized else ""
    centre = (
        "through the centre of the training data, since the inputs are standardised"
        if standardized
        else "through the origin"
    )
    if len(features) == 1:
        return f"So the boundary is {FEATURE_LABELS[features[0]]} = 0{units}, {centre}."
    total = " + ".join(FEATURE_LABELS[f] for f in features)
    if sorted(features) == ["x1", "x2"]:
        return (
            f"So the boundary z = 0 is the line {total} = 0{units}: one fixed direction, {centre}."
        )
    return (
        f"So the boundary z = 0 is where the inputs add up to zero, {total} = 0{units}: "
        "a curve whose shape and place the inputs fix. Training only scales z, so the "
        "boundary never moves or bends."
    )


@dataclass(frozen=True, eq=False)
class PrintedHistory:
    """The printed loop's run, laid out as `neuron_core.History`: row k is after k epochs.

    ``w`` is (K, n) and ``diverged_at`` the first epoch that stopped being finite (or None);
    ``b`` (K,) is the printed ``b`` variable, updated each epoch and never used by z; and
    ``cost``, ``accuracy`` (K,) are those of the model the loop really trains, ŷ = σ(w·x).
    """

    w: np.ndarray
    b: np.ndarray
    cost: np.ndarray
    accuracy: np.ndarray
    diverged_at: int | None


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
            if not (np.all(np.abs(w) <= BLOWN_UP) and abs(b) <= BLOWN_UP):
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
    finite = C <= BLOWN_UP  # False for inf and nan too
    if not finite.all():
        K = int(np.argmin(finite))
        W, B, C, A = W[:K], B[:K], C[:K], A[:K]
    complete = len(C) == epochs + 1
    return PrintedHistory(w=W, b=B, cost=C, accuracy=A, diverged_at=None if complete else len(C))
