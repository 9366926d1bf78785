"""A run's final prediction and its points as a small SVG: the lesson cards' pictures,
cheap enough to draw eleven of at once.
"""

from __future__ import annotations

import numpy as np

from .. import predict_proba
from ..experiment import Run
from .style import CLASS_COLORS


def thumbnail_svg(run: Run, size: int = 220, cells: int = 18) -> str:
    """A small picture of a run: shaded final ŷ on a coarse grid, points as ● and ■."""
    X, y = run.prepared.data.X, run.prepared.data.y
    lo, hi = X.min(axis=0), X.max(axis=0)
    pad = 0.08 * (hi - lo)
    lo, hi = lo - pad, hi + pad
    edges = [np.linspace(lo[j], hi[j], cells + 1) for j in range(2)]
    mids = [(e[:-1] + e[1:]) / 2 for e in edges]
    g1, g2 = np.meshgrid(mids[0], mids[1])
    h = run.history
    P = predict_proba(h.w[-1], h.b[-1], run.prepared.inputs(np.c_[g1.ravel(), g2.ravel()]))
    c = size / cells

    def px(p):
        return (p[0] - lo[0]) / (hi[0] - lo[0]) * size, (hi[1] - p[1]) / (hi[1] - lo[1]) * size

    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{size}' height='{size}' "
        f"viewBox='0 0 {size} {size}'><rect width='{size}' height='{size}' fill='#f7f7f7'/>"
    ]
    for k, p in enumerate(P):
        i, j = k % cells, k // cells
        parts.append(
            f"<rect x='{i * c:.1f}' y='{size - (j + 1) * c:.1f}' width='{c + 0.5:.1f}' "
            f"height='{c + 0.5:.1f}' fill='{_shade(p)}'/>"
        )
    r = 2.6
    for p, label in zip(X, y, strict=True):
        x0, y0 = px(p)
        col = CLASS_COLORS[int(label)]
        if label:
            parts.append(
                f"<rect x='{x0 - r:.1f}' y='{y0 - r:.1f}' width='{2 * r:.1f}' "
                f"height='{2 * r:.1f}' fill='{col}'/>"
            )
        else:
            parts.append(f"<circle cx='{x0:.1f}' cy='{y0:.1f}' r='{r:.1f}' fill='{col}'/>")
    parts.append("</svg>")
    return "".join(parts)


def _shade(p: float) -> str:
    # The Playground's scale: pale blue (ŷ = 0) → near-white (0.5) → pale orange (1).
    lo, mid, hi = np.array([143, 195, 230]), np.array([247, 247, 247]), np.array([245, 184, 143])
    rgb = mid + (lo - mid) * (1 - 2 * p) if p < 0.5 else mid + (hi - mid) * (2 * p - 1)
    return "#{:02x}{:02x}{:02x}".format(*np.clip(rgb, 0, 255).astype(int))
