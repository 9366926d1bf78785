"""The one-step figure's arrow: how the step pulled the boundary near the chosen example.

It runs from where the old boundary z = 0 passed nearest to the example to where the new
one does; both are found among the grid's zero crossings, so straight and curved
boundaries are treated alike.
"""

from __future__ import annotations

import numpy as np

from .style import PURPLE, Theme, data_arrow

ARROW_COLOR = PURPLE  # apart from both class colours
MIN_ARROW = 0.12  # shortest arrow drawn, as a share of the plot's larger side


def boundary_crossings(xs, ys, Z):
    """Points where the grid function Z (ny, nx) crosses 0, interpolated along grid edges.

    Returns
    -------
    ndarray of shape (k, 2): (x, y) of each crossing; k = 0 when Z never changes sign.
    """
    Z = np.asarray(Z, dtype=float)
    out = []
    a, c = Z[:, :-1], Z[:, 1:]  # horizontal edges
    i, j = np.nonzero((a > 0) != (c > 0))
    t = a[i, j] / (a[i, j] - c[i, j])
    out.append(np.c_[xs[j] + t * (xs[j + 1] - xs[j]), ys[i]])
    a, c = Z[:-1, :], Z[1:, :]  # vertical edges
    i, j = np.nonzero((a > 0) != (c > 0))
    t = a[i, j] / (a[i, j] - c[i, j])
    out.append(np.c_[xs[j], ys[i] + t * (ys[i + 1] - ys[i])])
    return np.concatenate(out)


def nearest_crossing(xs, ys, Z, point):
    """The crossing of Z = 0 nearest to ``point`` (x, y), or None when there is none."""
    pts = boundary_crossings(xs, ys, Z)
    if len(pts) == 0:
        return None
    k = int(np.argmin(np.sum((pts - np.asarray(point)) ** 2, axis=1)))
    return float(pts[k, 0]), float(pts[k, 1])


def pull_arrow(grid, Z_before, Z_after, point, bounds, theme: Theme) -> dict | None:
    """The arrow annotation from the old boundary to the new one near ``point``, or None
    when either boundary is missing or the line barely moved there.

    Z_before, Z_after : ndarray of shape (len(grid.ys), len(grid.xs)), z on the grid.
    """
    start = nearest_crossing(grid.xs, grid.ys, Z_before, point)
    end = nearest_crossing(grid.xs, grid.ys, Z_after, point)
    if start is None or end is None:
        return None
    span = max(bounds[1] - bounds[0], bounds[3] - bounds[2])
    moved = np.hypot(end[0] - start[0], end[1] - start[1])
    if moved < 0.02 * span:
        return None  # the line barely moved near this example: an arrowhead alone would mislead
    if moved < MIN_ARROW * span:
        # A one-step move is often a few pixels: an arrow that short is a speck hidden under
        # the ring. Keep its head on the new boundary and its direction; lengthen its tail.
        d = (np.asarray(end) - np.asarray(start)) / moved
        start = tuple(np.asarray(end) - MIN_ARROW * span * d)
    return data_arrow(
        start, end, color=ARROW_COLOR, width=theme.line + 1, head_style=2, head_size=1.3
    )
