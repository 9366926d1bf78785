"""The `Dataset` record, the built-in 2-D datasets (one `Generator` row each, with its label)
and a seeded, stratified train/test split.

Every generator has the same signature ``(n_samples, noise, rng) -> (X, y)`` and puts
half the points in each class. ``noise`` is the standard deviation of Gaussian jitter
relative to the data's unit scale: 0 is clean, 0.1 mild, 0.5 heavy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from sklearn.datasets import make_circles, make_moons


@dataclass(frozen=True, eq=False)
class Dataset:
    """A 2-D binary classification dataset.

    Attributes
    ----------
    X : ndarray of shape (m, 2), float64
        One example per row.
    y : ndarray of shape (m,), int
        Labels in {0, 1}.
    name : str
        Where the data came from (generator name or file name).
    feature_names : tuple of 2 str
        Names of the two input columns.
    classes : tuple
        The two original label values; class 1 is ``classes[1]``.
    placed : int
        How many of the last rows were placed by hand on the map (`neuron_core.edits`):
        they are always training rows.
    """

    X: np.ndarray
    y: np.ndarray
    name: str
    feature_names: tuple[str, str] = ("x1", "x2")
    classes: tuple = (0, 1)
    placed: int = 0

    @property
    def m(self) -> int:
        """Number of examples."""
        return int(self.X.shape[0])


def _halves(n):
    return n - n // 2, n // 2  # sizes of class 0 and class 1


def _labels(n):
    n0, n1 = _halves(n)
    return np.r_[np.zeros(n0, int), np.ones(n1, int)]


def _linear(n, noise, rng):
    # Points on both sides of a tilted line, at least a small margin away from it.
    y = _labels(n)
    along = rng.uniform(-1.0, 1.0, n)
    side = np.where(y == 1, 1.0, -1.0) * rng.uniform(0.08, 1.0, n)
    direction, normal = np.array([0.8, 0.6]), np.array([-0.6, 0.8])
    X = along[:, None] * direction + side[:, None] * normal + [0.2, -0.1]
    return X + rng.normal(0.0, noise, X.shape), y


def _blobs(n, noise, rng):
    y = _labels(n)
    centers = np.array([[-1.0, -0.6], [1.0, 0.6]])
    X = centers[y] + rng.normal(0.0, 0.35 + 2.0 * noise, (n, 2))
    return X, y


def _moons(n, noise, rng):
    X, y = make_moons(n_samples=_halves(n), noise=noise, random_state=_seed(rng))
    return X, y


def _circles(n, noise, rng):
    X, y = make_circles(n_samples=_halves(n), noise=noise, factor=0.5, random_state=_seed(rng))
    return X, y


def _xor(n, noise, rng):
    # Class 1 in quadrants I and III, class 0 in II and IV, kept off the axes.
    y = _labels(n)
    mag = rng.uniform(0.1, 1.0, (n, 2))
    sx = rng.choice([-1.0, 1.0], n)
    sy = np.where(y == 1, sx, -sx)
    X = mag * np.c_[sx, sy]
    return X + rng.normal(0.0, noise, X.shape), y


def _spiral(n, noise, rng):
    # Two interleaved arms of an Archimedean spiral, one turn and a half each.
    y = _labels(n)
    t = np.sqrt(rng.uniform(0.0, 1.0, n)) * 3.0 * np.pi
    angle = t + np.pi * y
    X = np.c_[t * np.cos(angle), t * np.sin(angle)] / (3.0 * np.pi)
    return X + rng.normal(0.0, noise, X.shape), y


def _seed(rng):
    return int(rng.integers(0, 2**31 - 1))


@dataclass(frozen=True)
class Generator:
    """One built-in dataset: its name, how it is made, and how the sidebar names it.

    ``make(n_samples, noise, rng)`` returns X (n_samples, 2) and y (n_samples,) in {0, 1}.
    """

    name: str
    make: Callable
    label: str


_TABLE = (
    Generator("linear", _linear, "Linear (two sides of a line)"),
    Generator("blobs", _blobs, "Blobs (two clouds)"),
    Generator("moons", _moons, "Moons (two crescents)"),
    Generator("circles", _circles, "Circles (a ring around a disc)"),
    Generator("xor", _xor, "XOR (four quadrants)"),
    Generator("spiral", _spiral, "Spiral (two arms)"),
)
GENERATORS = {g.name: g for g in _TABLE}
DATASETS = tuple(GENERATORS)
DATASET_LABELS = {g.name: g.label for g in _TABLE}


def make_dataset(name, n_samples=200, noise=0.1, seed=0) -> Dataset:
    """Generate a named 2-D dataset, the same for the same arguments.

    Parameters
    ----------
    name : str
        One of `DATASETS`.
    n_samples : int ≥ 4
        Total points; the classes get half each (class 0 one more when odd).
    noise : float ≥ 0
        Standard deviation of the jitter; 0 is clean, 0.1 mild.
    seed : int

    Returns
    -------
    Dataset
        ``X`` of shape (n_samples, 2), ``y`` of shape (n_samples,) in {0, 1}.
    """
    if name not in GENERATORS:
        raise ValueError(f"name must be one of {', '.join(DATASETS)}; got {name!r}")
    if isinstance(n_samples, bool) or not isinstance(n_samples, int | np.integer):
        raise ValueError(f"n_samples must be a whole number, got {n_samples!r}")
    if n_samples < 4:
        raise ValueError(f"n_samples must be at least 4, got {n_samples!r}")
    if not np.isfinite(noise) or noise < 0:
        raise ValueError(f"noise must be a finite number ≥ 0, got {noise!r}")
    rng = np.random.default_rng(seed)
    X, y = GENERATORS[name].make(int(n_samples), float(noise), rng)
    order = rng.permutation(len(y))  # mix the classes so any prefix is balanced too
    return Dataset(X=np.ascontiguousarray(X[order], dtype=float), y=y[order].astype(int), name=name)


def split_indices(y, test_share=0.25, seed=0):
    """Seeded, stratified split of example indices into train and test.

    Each class sends ``round(test_share · count)`` of its examples to the test set, but
    always keeps at least one in the training set.

    Parameters
    ----------
    y : ndarray of shape (m,)
    test_share : float in [0, 0.9]
    seed : int

    Returns
    -------
    train_idx, test_idx : sorted int ndarrays
    """
    if not 0.0 <= test_share <= 0.9:
        raise ValueError(f"test_share must be between 0 and 0.9, got {test_share!r}")
    rng = np.random.default_rng(seed)
    test = []
    for label in np.unique(y):
        idx = rng.permutation(np.flatnonzero(y == label))
        k = min(round(test_share * len(idx)), len(idx) - 1)
        test.append(idx[:k])
    test_idx = np.sort(np.concatenate([np.zeros(0, int), *test])).astype(int)
    train_idx = np.setdiff1d(np.arange(len(y)), test_idx)
    return train_idx, test_idx
