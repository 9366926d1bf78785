"""Checks at the public boundary: messages name the parameter and quote the bad value."""

from __future__ import annotations

import numbers

import numpy as np


def check_alpha(alpha) -> float:
    if isinstance(alpha, bool) or not isinstance(alpha, numbers.Real):
        raise ValueError(f"alpha must be a positive number, got {alpha!r}")
    if not np.isfinite(alpha) or alpha <= 0:
        raise ValueError(f"alpha must be a positive finite number, got {alpha!r}")
    return float(alpha)


def check_epochs(epochs) -> int:
    if isinstance(epochs, bool) or not isinstance(epochs, numbers.Integral):
        raise ValueError(f"epochs must be a whole number ≥ 0, got {epochs!r}")
    if epochs < 0:
        raise ValueError(f"epochs must be ≥ 0, got {epochs!r}")
    return int(epochs)


def check_l2(l2) -> float:
    if isinstance(l2, bool) or not isinstance(l2, numbers.Real):
        raise ValueError(f"l2 must be a number ≥ 0, got {l2!r}")
    if not np.isfinite(l2) or l2 < 0:
        raise ValueError(f"l2 must be a finite number ≥ 0, got {l2!r}")
    return float(l2)


def check_data(X, y, name="X", label_name="y"):
    """Return X as float64 (m, n) and y as float64 (m,) of 0/1, or raise ValueError."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError(f"{name} must be a non-empty 2-D array (m, n), got shape {X.shape}")
    if y.shape != (X.shape[0],):
        raise ValueError(
            f"{label_name} must have shape ({X.shape[0]},) to match {name}, got {y.shape}"
        )
    if not np.all(np.isfinite(X)):
        raise ValueError(f"{name} must contain only finite numbers")
    bad = ~np.isin(y, (0, 1))
    if bad.any():
        raise ValueError(
            f"{label_name} must contain only 0 and 1, got {y[bad][:1].tolist()[0]!r} at index "
            f"{int(np.argmax(bad))}"
        )
    return X, y.astype(float)


def check_initial(w0, b0, n):
    """Initial parameters: w0 None means zeros."""
    if w0 is None:
        w = np.zeros(n)
    else:
        w = np.array(w0, dtype=float).reshape(-1)
        if w.shape != (n,):
            raise ValueError(f"w0 must have shape ({n},), got {np.shape(w0)}")
        if not np.all(np.isfinite(w)):
            raise ValueError(f"w0 must be finite, got {w0!r}")
    if isinstance(b0, bool) or not isinstance(b0, numbers.Real) or not np.isfinite(b0):
        raise ValueError(f"b0 must be a finite number, got {b0!r}")
    return w, float(b0)
