"""Hand-made features of (x1, x2), so one neuron can draw curved boundaries, and scaling."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

PLAIN_INPUTS = ("x₁", "x₂")


def _wrap(v: str) -> str:
    """A name with spaces, bracketed where an operator follows or precedes it."""
    return f"({v})" if " " in v else v


def _sine(v: str, k: int) -> str:
    """'sin x₁' for input k's plain name, else 'sin(height)'."""
    return f"sin {v}" if v == PLAIN_INPUTS[k] else f"sin({v})"


# How a feature is computed from the two inputs, as data both Python (`expand_features`) and
# the live view's JS (live_view_js/features.mjs) interpret, so a new feature is one row of
# `_TABLE`: ("x", i) is input i; ("pow", i, p) is input i to a whole power p ≥ 1 (repeated
# products, so x² is exactly x·x in both languages); ("mul", i, j) is input i times input j;
# ("sin", i) is the sine of input i.
_OPS = {
    "x": lambda x, i: x[i],
    "pow": lambda x, i, p: _power(x[i], p),
    "mul": lambda x, i, j: x[i] * x[j],
    "sin": lambda x, i: np.sin(x[i]),
}


def _power(v, p: int):
    out = v
    for _ in range(p - 1):
        out = out * v
    return out


def evaluate(expr, x1, x2):
    """A feature's expression (see `Feature.expr`) on the inputs: arrays of shape (m,)."""
    op, *args = expr
    return _OPS[op]((x1, x2), *args)


@dataclass(frozen=True)
class Feature:
    """One hand-made feature: its name, how it is computed, how it reads in LaTeX and words.

    Attributes
    ----------
    name : str
        The name in `FEATURES`, links and model files, e.g. ``"x1^2"``.
    expr : tuple
        How the column is computed from the inputs (x1, x2), as data: ``("pow", 0, 2)`` is
        x1², ``("mul", 0, 1)`` is x1·x2 (the operations are listed at ``_OPS``). The live
        view receives the same tuples and interprets them in the browser.
    latex : str
        How it reads in LaTeX, for equations and axis titles.
    label_of : callable
        ``label_of(a, b)`` is how it reads for a person when the inputs are named a and b.
    """

    name: str
    expr: tuple
    latex: str
    label_of: Callable

    def __post_init__(self):
        op, *args = self.expr
        if op not in _OPS or not all(isinstance(a, int) for a in args):
            raise ValueError(f"feature {self.name!r}: cannot compute {self.expr!r}")


_TABLE = (
    Feature("x1", ("x", 0), "x_1", lambda a, b: a),
    Feature("x2", ("x", 1), "x_2", lambda a, b: b),
    Feature("x1^2", ("pow", 0, 2), "x_1^2", lambda a, b: f"{_wrap(a)}²"),
    Feature("x2^2", ("pow", 1, 2), "x_2^2", lambda a, b: f"{_wrap(b)}²"),
    Feature("x1*x2", ("mul", 0, 1), "x_1 x_2", lambda a, b: f"{_wrap(a)}·{_wrap(b)}"),
    Feature("sin(x1)", ("sin", 0), r"\sin x_1", lambda a, b: _sine(a, 0)),
    Feature("sin(x2)", ("sin", 1), r"\sin x_2", lambda a, b: _sine(b, 1)),
)
BY_NAME = {f.name: f for f in _TABLE}
FEATURES = tuple(BY_NAME)
FEATURE_LATEX = {f.name: f.latex for f in _TABLE}


def feature_label(name: str, inputs=PLAIN_INPUTS) -> str:
    """How a feature reads for a person, in terms of the two inputs' names.

    ``feature_label("x1^2")`` is 'x₁²'; after an upload with columns ("height", "weight"),
    ``feature_label("x1*x2", ("height", "weight"))`` is 'height·weight', so the chips match
    the axes. A name with spaces is bracketed where an operator follows or precedes it.
    """
    a, b = (str(v) for v in inputs)
    return BY_NAME[name].label_of(a, b)


FEATURE_LABELS = {f: feature_label(f) for f in FEATURES}  # x₁, x₂, x₁², … as the app shows them


def check_features(names) -> tuple[str, ...]:
    """Return names as a tuple, or raise ValueError for an unknown or repeated name."""
    names = tuple(names)
    if not names:
        raise ValueError("features must name at least one feature")
    unknown = [nm for nm in names if nm not in BY_NAME]
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
    return np.column_stack([evaluate(BY_NAME[nm].expr, x1, x2) for nm in names]).astype(float)


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
