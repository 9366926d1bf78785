"""What the cost landscape shows, computed before any plotting: the slice of J(w₁, w₂)
the run ends in (`cost_landscape`), a view that frames the start, the path and the optimum,
and the log-spaced contour levels. numpy only.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .experiment import Run
from .features import feature_label
from .logistic import log_loss

MAX_PATH = 400  # path points sent per frame (every epoch when the run is shorter)
FAR = 1e3  # a path far off the view is drawn this many view sizes away, no farther
REACH = 2.5  # the view may reach this many "core sizes" beyond the start and the optimum
SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


@dataclass(frozen=True, eq=False)
class LandscapeView:
    """What the landscape shows, before any plotting.

    Attributes
    ----------
    w1s, w2s : ndarrays (res,)
    J : ndarray (res, res)
        J at (w1s[j], w2s[i]) in row i, column j, with b and w[2:] held where the slice is
        taken: at the optimum's values when it is finite (so the optimum's star sits at the
        bottom of the drawn valley), else at the run's final values.
    level : ndarray (res, res)
        log10(J − floor + δ): what the contour colours.
    floor, delta : float
        The lowest J on the grid, and δ, which keeps the log finite there.
    b : float
    w_rest : ndarray (n − 2,)
    path : ndarray (K, 2)
        The run's (w₁, w₂) after each epoch (when ``clipped``, held within `FAR` view sizes
        of the view, so a diverged path still fits a float32 and heads the same way).
    path_J : ndarray (K,)
        J on this slice at each path point (heights in 3-D).
    clipped : bool
        The path leaves the view (the view is kept around the start and the optimum).
    names : (str, str)
        Feature names of w₁ and w₂.
    at_optimum : bool
        The slice holds b and w[2:] at the optimum's values (False: at the run's last epoch).
    """

    w1s: np.ndarray
    w2s: np.ndarray
    J: np.ndarray
    level: np.ndarray
    floor: float
    delta: float
    b: float
    w_rest: np.ndarray
    path: np.ndarray
    path_J: np.ndarray
    clipped: bool
    names: tuple[str, str]
    at_optimum: bool = False


def landscape_view(run: Run, res=60) -> LandscapeView:
    """Grid, slice and path for `landscape_figure` (needs at least two features)."""
    h, prep = run.history, run.prepared
    F, y = prep.F_train, prep.y_train
    path = h.w[:, :2]
    opt = run.optimum
    # The star must sit in the valley it marks: slice through the optimum when there is one.
    at_optimum = bool(opt.finite)
    if at_optimum:
        b, w_rest = float(opt.b), np.asarray(opt.w[2:], dtype=float)
    else:
        b, w_rest = float(h.b[-1]), h.w[-1, 2:]
    (x0, x1, y0, y1), clipped = _bounds(path, run.optimum)
    w1s, w2s = np.linspace(x0, x1, res), np.linspace(y0, y1, res)
    J = cost_landscape(F, y, w1s, w2s, w_rest, b, run.l2)
    floor = float(J.min())
    delta = max(1e-4, 1e-3 * float(J.max() - floor))
    path_J = _slice_costs(F, y, path, w_rest, b, run.l2)
    if clipped:  # a diverged path reaches 10³⁰⁰: keep its direction, in float32's range
        span = max(x1 - x0, y1 - y0)
        lo, hi = np.array([x0, y0]) - FAR * span, np.array([x1, y1]) + FAR * span
        path = np.clip(path, lo, hi)
        path_J = np.minimum(path_J, FAR * float(J.max()))
    level = np.log10(J - floor + delta)
    names = (prep.features[0], prep.features[1])
    return LandscapeView(
        w1s, w2s, J, level, floor, delta, b, w_rest, path, path_J, clipped, names, at_optimum
    )


def level_to_cost(level, floor, delta):
    """Inverse of the contour transform: J from log10(J − floor + δ)."""
    return floor - delta + 10.0 ** np.asarray(level)


def cost_landscape(F, y, w1s, w2s, w_rest=(), b=0.0, l2=0.0):
    """J over a grid of the first two weights, the other weights and b held fixed.

    Parameters
    ----------
    F : ndarray of shape (m, n), n ≥ 2
        The model's inputs (expanded and scaled features).
    y : ndarray of shape (m,)
    w1s : ndarray of shape (g1,)
    w2s : ndarray of shape (g2,)
    w_rest : ndarray of shape (n − 2,)
    b : float
    l2 : float

    Returns
    -------
    ndarray of shape (g2, g1): J at (w1s[j], w2s[i]) in row i, column j.
    """
    g1, g2 = np.meshgrid(w1s, w2s)
    J = _slice_costs(F, y, np.c_[g1.ravel(), g2.ravel()], w_rest, b, l2)
    return J.reshape(g1.shape)


def _slice_costs(F, y, path, w_rest, b, l2, chunk=512):
    """J at each (w₁, w₂) row of ``path`` (K, 2) with w[2:] and b fixed: shape (K,)."""
    F, y = np.asarray(F, dtype=float), np.asarray(y, dtype=float)
    w_rest = np.asarray(w_rest, dtype=float)
    fixed = F[:, 2:] @ w_rest + b
    out = np.empty(len(path))
    with np.errstate(all="ignore"):  # a diverged path's logits pass 1e308: J is then inf
        for s in range(0, len(path), chunk):
            Z = F[:, :2] @ path[s : s + chunk].T + fixed[:, None]
            out[s : s + chunk] = log_loss(Z, y[:, None]).mean(axis=0)
    if l2:
        out += 0.5 * l2 * (np.sum(path**2, axis=1) + w_rest @ w_rest)
    return out


def _bounds(path, optimum):
    """A box holding the path and the optimum; clipped when the path flies far off."""
    core = [path[0], path[-1]]
    if optimum.finite:
        core = [path[0], np.asarray(optimum.w[:2])]
    core = np.array(core)
    lo, hi = core.min(axis=0), core.max(axis=0)
    size = max(float((hi - lo).max()), 1.0)
    limit_lo, limit_hi = lo - REACH * size, hi + REACH * size
    plo, phi = path.min(axis=0), path.max(axis=0)
    clipped = bool(np.any(plo < limit_lo) or np.any(phi > limit_hi))
    lo = np.maximum(np.minimum(lo, plo), limit_lo)
    hi = np.minimum(np.maximum(hi, phi), limit_hi)
    pad = np.maximum(0.12 * (hi - lo), 0.3)
    lo, hi = lo - pad, hi + pad
    return (float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])), clipped


def weight_label(name: str, k: int) -> str:
    """'w₁ (on x₁)': weight number k and the feature it multiplies (see `feature_label`)."""
    return f"w{str(k).translate(SUB)} (on {feature_label(name)})"


def path_indices(count, max_points=MAX_PATH):
    """Which epochs the path line includes: all of them for short runs, else every epoch of
    the first half of the budget (where zig-zags show) and evenly spread ones after."""
    if count <= max_points:
        return np.arange(count)
    head = max_points // 2
    tail = np.linspace(head, count - 1, max_points - head).round().astype(int)
    return np.unique(np.r_[np.arange(head), tail])
