"""Which epochs to show as animation frames."""

from __future__ import annotations

import numpy as np


def sample_frames(cost, k=100):
    """Pick at most ``k`` epochs to draw, always the first and the last.

    Epochs are spread evenly along the arc length of the cost curve (cost and epoch both
    scaled to [0, 1]), so frames crowd where the cost falls fast, usually early, and thin
    out on plateaus, while a flat curve still gets evenly spaced frames.

    Parameters
    ----------
    cost : ndarray of shape (K,)
        Cost per recorded epoch (row 0 = initial state).
    k : int ≥ 2

    Returns
    -------
    ndarray of sorted unique epoch indices, shape (≤ k,)
    """
    cost = np.asarray(cost, dtype=float)
    K = len(cost)
    if k >= K:
        return np.arange(K)
    span = np.ptp(cost)
    dc = np.abs(np.diff(cost)) / span if span > 0 else np.zeros(K - 1)
    arc = np.r_[0.0, np.cumsum(np.hypot(dc, 1.0 / (K - 1)))]
    targets = np.linspace(0.0, arc[-1], k)
    picks = np.unique(np.searchsorted(arc, targets).clip(0, K - 1))
    picks[0], picks[-1] = 0, K - 1
    return np.unique(np.r_[0, picks, K - 1])
