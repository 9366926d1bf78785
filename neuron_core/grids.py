"""What the views draw over the input plane: probability surfaces and the boundary line.

The cost landscape, over the weights, is `neuron_core.landscape.cost_landscape`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .features import Standardizer, expand_features
from .logistic import sigmoid


@dataclass(frozen=True, eq=False)
class Grid:
    """A rectangular grid over the input plane.

    Attributes
    ----------
    xs : ndarray of shape (nx,)
    ys : ndarray of shape (ny,)
    F : ndarray of shape (ny·nx, n)
        The model's (expanded, scaled) features at every grid point, row-major in y.
    """

    xs: np.ndarray
    ys: np.ndarray
    F: np.ndarray


def data_bounds(X, margin=0.15):
    """Bounding box of X (m, 2) widened by ``margin`` of its size: (x0, x1, y0, y1)."""
    lo, hi = X.min(axis=0), X.max(axis=0)
    pad = np.maximum((hi - lo) * margin, 0.1)
    lo, hi = lo - pad, hi + pad
    return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])


def make_grid(bounds, features, scaler: Standardizer, resolution=50) -> Grid:
    """Grid of ``resolution``² points over ``bounds`` with the model's features at each."""
    xs = np.linspace(bounds[0], bounds[1], resolution)
    ys = np.linspace(bounds[2], bounds[3], resolution)
    gx, gy = np.meshgrid(xs, ys)
    F = scaler.transform(expand_features(np.c_[gx.ravel(), gy.ravel()], features))
    return Grid(xs=xs, ys=ys, F=F)


def probability_grid(grid: Grid, w, b):
    """ŷ at every grid point for one state: ndarray of shape (ny, nx)."""
    return sigmoid(grid.F @ np.asarray(w) + b).reshape(len(grid.ys), len(grid.xs))


def boundary_segment(w_raw, b_raw, bounds):
    """The line w1·x1 + w2·x2 + b = 0 clipped to ``bounds`` (in unscaled coordinates).

    Returns
    -------
    ((xa, ya), (xb, yb)) or None when the line misses the box or w is zero.
    """
    w1, w2 = float(w_raw[0]), float(w_raw[1])
    x0, x1, y0, y1 = bounds
    if abs(w1) < 1e-12 and abs(w2) < 1e-12:
        return None
    points = []
    if abs(w2) > 1e-12:  # crossings with the left and right edges
        for x in (x0, x1):
            y = -(w1 * x + b_raw) / w2
            if y0 <= y <= y1:
                points.append((x, y))
    if abs(w1) > 1e-12:  # crossings with the bottom and top edges
        for y in (y0, y1):
            x = -(w2 * y + b_raw) / w1
            if x0 <= x <= x1:
                points.append((x, y))
    points = sorted(set(points))
    if len(points) < 2:
        return None
    return points[0], points[-1]
