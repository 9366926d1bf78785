"""One experiment end to end: data → split → features → scaling → training → optimum.

Pages share this so that every view shows the same run for the same settings.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .alphas import recommended
from .datasets import Dataset, split_indices
from .features import Standardizer, check_features, expand_features
from .logistic import gradients
from .number_format import number
from .reference import Optimum, reference_optimum
from .start import start_vector
from .training import History, train

# Where gradient descent starts: w = 0, seeded random weights, or the start the learner
# chose (the ``start`` control, `neuron_core.start`).
INITS = ("zeros", "random", "chosen")
INIT_LABELS = {"zeros": "Zeros", "random": "Random", "chosen": "Your start"}


@dataclass(frozen=True, eq=False)
class Prepared:
    """A dataset split and turned into model inputs.

    Attributes
    ----------
    data : Dataset
    features : tuple of str
    scaler : Standardizer
        Fitted on the training rows only (identity when scaling is off).
    train_idx, test_idx : int ndarrays into ``data.X``
    F_train : ndarray of shape (m_train, n)
    F_test : ndarray of shape (m_test, n)
    y_train, y_test : ndarrays of 0/1
    """

    data: Dataset
    features: tuple[str, ...]
    scaler: Standardizer
    train_idx: np.ndarray
    test_idx: np.ndarray
    F_train: np.ndarray
    F_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray

    def inputs(self, X):
        """Model inputs for raw points X (m, 2): expanded, then scaled like training."""
        return self.scaler.transform(expand_features(X, self.features))


def prepare(data: Dataset, features=("x1", "x2"), standardize=True, test_share=0.25, seed=0):
    """Split ``data`` (stratified, seeded) and build the model's inputs."""
    features = check_features(features)
    # Points placed by hand are training points; the test share applies to the rest.
    given = data.m - data.placed
    train_idx, test_idx = split_indices(data.y[:given], test_share, seed)
    train_idx = np.r_[train_idx, np.arange(given, data.m)].astype(int)
    F = expand_features(data.X, features)
    scaler = Standardizer.fit(F[train_idx]) if standardize else Standardizer.identity(F.shape[1])
    F = scaler.transform(F)
    return Prepared(
        data=data,
        features=features,
        scaler=scaler,
        train_idx=train_idx,
        test_idx=test_idx,
        F_train=F[train_idx],
        F_test=F[test_idx],
        y_train=data.y[train_idx].astype(float),
        y_test=data.y[test_idx].astype(float),
    )


def initial_weights(n, init="zeros", seed=0):
    """Starting weights (n,): zeros, or small Gaussian values from a seeded generator.

    A chosen start needs the inputs' names: see `initial_state`.
    """
    if init not in ("zeros", "random"):
        raise ValueError(f"init must be 'zeros' or 'random' here, got {init!r}")
    if init == "zeros":
        return np.zeros(n)
    return np.random.default_rng(seed).normal(0.0, 1.0, n)


def initial_state(features, init="zeros", seed=0, start=()) -> tuple[np.ndarray, float]:
    """(w0, b0) for a run on ``features``: `initial_weights` and b = 0, or the chosen
    ``start`` (`neuron_core.start`: by input name, missing ones 0)."""
    if init not in INITS:
        raise ValueError(f"init must be one of {INITS}, got {init!r}")
    if init == "chosen":
        return start_vector(start, features)
    return initial_weights(len(features), init, seed), 0.0


@dataclass(frozen=True, eq=False)
class Run:
    """A trained experiment: the inputs, the whole history and the reference optimum."""

    prepared: Prepared
    history: History
    optimum: Optimum
    alpha: float
    l2: float

    @property
    def w0(self) -> np.ndarray:
        """The starting weights (n,): row 0 of the history."""
        return self.history.w[0]

    @property
    def b0(self) -> float:
        """The starting bias: row 0 of the history."""
        return float(self.history.b[0])

    def gradients_at(self, epoch):
        """(dw, db) on the training set at a recorded epoch."""
        h = self.history
        return gradients(
            h.w[epoch], h.b[epoch], self.prepared.F_train, self.prepared.y_train, self.l2
        )


def run_experiment(
    prepared: Prepared,
    *,
    alpha,
    epochs,
    l2=0.0,
    init="zeros",
    init_seed=0,
    start=(),
    reference=reference_optimum,
):
    """Train on the training rows (test rows scored each epoch) and fit the optimum.

    The run starts at `initial_state` (``start``: the chosen start, used when ``init`` is
    ``"chosen"``); row 0 of the history is that start exactly. ``reference(F_train,
    y_train, l2)`` gives the optimum: `reference_optimum`, or a cached copy of it (the
    optimum does not depend on α, the epochs or the start, so an α change need not fit it
    again; ~40 % of training a run at the defaults).
    """
    w0, b0 = initial_state(prepared.features, init, init_seed, start)
    has_test = len(prepared.test_idx) > 0
    history = train(
        prepared.F_train,
        prepared.y_train,
        alpha=alpha,
        epochs=epochs,
        l2=l2,
        w0=w0,
        b0=b0,
        X_test=prepared.F_test if has_test else None,
        y_test=prepared.y_test if has_test else None,
    )
    optimum = reference(prepared.F_train, prepared.y_train, l2)
    return Run(prepared=prepared, history=history, optimum=optimum, alpha=alpha, l2=l2)


def run_for(settings, data: Dataset, reference=reference_optimum) -> Run:
    """The run the app shows for ``settings`` (a `neuron_core.controls.Settings`) on ``data``.

    The one pipeline from controls to a trained run: the app's cached run and every lesson
    preset go through it, so a preset trains exactly what its page then shows.
    ``reference`` fits the optimum (see `run_experiment`).
    """
    s = settings
    prep = prepare(data, s.features, s.standardize, s.test / 100, seed=s.seed)
    return run_experiment(
        prep,
        alpha=s.alpha,
        epochs=s.epochs,
        l2=s.l2,
        init=s.init,
        init_seed=s.init_seed,
        start=s.start,
        reference=reference,
    )


def smoothness(F, l2=0.0):
    """L, the largest curvature of J: λ_max of [F 1]ᵀ[F 1]/(4m) plus l2.

    Gradient descent decreases J at every step for α < 2/L; α = 1/L is a safe, fast choice.
    The matrix is formed from F divided by its largest entry, so inputs near 1e150 give a
    finite L (or ``inf`` when L itself is beyond float range) instead of an overflow.
    """
    Fa = np.c_[np.asarray(F, dtype=float), np.ones(len(F))]
    s = float(np.abs(Fa).max())
    Fs = Fa / s
    lam = float(np.linalg.eigvalsh(Fs.T @ Fs / (4.0 * len(F)))[-1])
    with np.errstate(over="ignore"):
        return float(lam * s * s + l2)


# Past this curvature a stable step needs α < 2/L below 1e-30, far under any α a learner
# picks, and the arithmetic the pages do on such inputs (finite differences, one step's
# logits, maps of the cost) overflows. Unstandardised inputs of about 1e15 and up get here.
MAX_SMOOTHNESS = 1e30


def descent_problem(F, l2=0.0) -> str | None:
    """Why gradient descent cannot sensibly run on these inputs, in a sentence; None if it can.

    Only inputs too large for float arithmetic get a sentence: standardising fixes them.
    """
    if smoothness(F, l2) <= MAX_SMOOTHNESS:
        return None
    largest = float(np.abs(np.asarray(F, dtype=float)).max())
    return (
        "These inputs are too large for gradient descent without standardising: the largest "
        f"is about {number(largest, 1)}, so even the smallest learning rate overshoots and the "
        "numbers on this page would overflow. Switch on **Standardise inputs** in the sidebar "
        "(or rescale the file's columns, e.g. change their units)."
    )


def suggested_alpha(F, l2=0.0):
    """The learning rate 1/L (see `smoothness`), rounded onto the offered α (see
    `neuron_core.alphas.recommended`), so the Playground can be set to it.

    0.0 when L is infinite: no learning rate is small enough for such inputs.
    """
    return recommended(1.0 / smoothness(F, l2))
