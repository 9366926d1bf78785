"""Hand-made features of (x1, x2), so one neuron can draw curved boundaries, and scaling."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_FEATURE_FUNCS = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1^2": lambda x1, x2: x1**2,
    "x2^2": lambda x1, x2: x2**2,
    "x1*x2": lambda x1, x2: x1 * x2,
    "sin(x1)": lambda x1, x2: np.sin(x1),
    "sin(x2)": lambda x1, x2: np.sin(x2),
}
FEATURES = tuple(_FEATURE_FUNCS)

# How each feature reads in LaTeX, for equations and axis titles.
FEATURE_LATEX = {
    "x1": "x_1",
    "x2": "x_2",
    "x1^2": "x_1^2",
    "x2^2": "x_2^2",
    "x1*x2": "x_1 x_2",
    "sin(x1)": r"\sin x_1",
    "sin(x2)": r"\sin x_2",
}

PLAIN_INPUTS = ("x₁", "x₂")


def feature_label(name: str, inputs=PLAIN_INPUTS) -> str:
    """How a feature reads for a person, in terms of the two inputs' names.

    ``feature_label("x1^2")`` is 'x₁²'; after an upload with columns ("height", "weight"),
    ``feature_label("x1*x2", ("height", "weight"))`` is 'height·weight', so the chips match
    the axes. A name with spaces is bracketed where an operator follows or precedes it.
    """
    a, b = (str(v) for v in inputs)

    def wrap(v):
        return f"({v})" if " " in v else v

    labels = {
        "x1": a,
        "x2": b,
        "x1^2": f"{wrap(a)}²",
        "x2^2": f"{wrap(b)}²",
        "x1*x2": f"{wrap(a)}·{wrap(b)}",
        "sin(x1)": f"sin {a}" if a == PLAIN_INPUTS[0] else f"sin({a})",
        "sin(x2)": f"sin {b}" if b == PLAIN_INPUTS[1] else f"sin({b})",
    }
    return labels[name]


def check_features(names) -> tuple[str, ...]:
    """Return names as a tuple, or raise ValueError for an unknown or repeated name."""
    names = tuple(names)
    if not names:
        raise ValueError("features must name at least one feature")
    unknown = [nm for nm in names if nm not in _FEATURE_FUNCS]
    if unknown:
        raise ValueError(f"unknown feature {unknown[0]!r}; choose from {', '.join(FEATURES)}")
    if len(set(names)) != len(names):
        raise ValueError(f"features must not repeat, got {names!r}")
    return names


def expand_features(X, names):
    """Columns ``names`` computed from the two inputs.

    Parameters
    ----------
    X : ndarray of shape (m, 2)
    names : sequence of str from `FEATURES`

    Returns
    -------
    ndarray of shape (m, len(names)), float64
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (m, 2), got {X.shape}")
    names = check_features(names)
    x1, x2 = X[:, 0], X[:, 1]
    return np.column_stack([_FEATURE_FUNCS[nm](x1, x2) for nm in names]).astype(float)


def is_linear(names) -> bool:
    """True when the features are exactly x1 and x2 (the boundary is a straight line)."""
    return sorted(names) == ["x1", "x2"]


@dataclass(frozen=True, eq=False)
class Standardizer:
    """Per-column ``(F − mean) / scale``, with statistics from the training set only."""

    mean: np.ndarray
    scale: np.ndarray

    @classmethod
    def fit(cls, F):
        """Statistics of F (m, n); a constant column gets scale 1 so nothing divides by 0."""
        F = np.asarray(F, dtype=float)
        # Statistics of F / (column's largest |value|), scaled back: no square overflows
        # even for entries near 1e300.
        top = np.abs(F).max(axis=0) if len(F) else np.ones(F.shape[1])
        top = np.where(top > 0, top, 1.0)
        unit = F / top
        scale = unit.std(axis=0) * top
        return cls(mean=unit.mean(axis=0) * top, scale=np.where(scale > 1e-12, scale, 1.0))

    @classmethod
    def identity(cls, n):
        """A standardiser that changes nothing (for 'standardise inputs' off)."""
        return cls(mean=np.zeros(n), scale=np.ones(n))

    def transform(self, F):
        """Scaled copy of F (m, n)."""
        return (np.asarray(F, dtype=float) - self.mean) / self.scale

    def unscale(self, w, b):
        """Weights and bias acting on unscaled features: z = w·F_scaled + b = w'·F + b'."""
        w_raw = np.asarray(w) / self.scale
        return w_raw, b - np.asarray(w_raw) @ self.mean
