"""A run's final prediction and its points as a small SVG: the lesson cards' pictures,
cheap enough to draw eleven of at once, and what each shows in words (its text alternative).
"""

from __future__ import annotations

import numpy as np

from .. import predict_proba
from ..datasets import DATASET_LABELS
from ..experiment import Run
from ..features import is_linear
from ..number_format import count, percent
from .style import CLASS_COLORS, CLASS_LOOKS, PROB_COLORSCALE

# The Playground's ŷ scale as (stop, RGB) pairs: the thumbnails shade with the same colours.
_STOPS = np.array([p for p, _ in PROB_COLORSCALE])
_RGB = np.array([[int(c[i : i + 2], 16) for i in (1, 3, 5)] for _, c in PROB_COLORSCALE])


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

    blank = _shades([0.5])[0]  # ŷ = 0.5: the card's background where no cell is drawn
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{size}' height='{size}' "
        f"viewBox='0 0 {size} {size}'><rect width='{size}' height='{size}' fill='{blank}'/>"
    ]
    for k, fill in enumerate(_shades(P)):
        i, j = k % cells, k // cells
        parts.append(
            f"<rect x='{i * c:.1f}' y='{size - (j + 1) * c:.1f}' width='{c + 0.5:.1f}' "
            f"height='{c + 0.5:.1f}' fill='{fill}'/>"
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


# Below this mean distance of ŷ from 0.5 over the points, the shading reads as pale.
_PALE = 0.1


def thumbnail_alt(run: Run) -> str:
    """What `thumbnail_svg` shows, in words, for a reader who cannot see it: the data, the
    two classes by colour and shape, the boundary's shape, and how many points it gets right.
    """
    data, h = run.prepared.data, run.history
    P = predict_proba(h.w[-1], h.b[-1], run.prepared.inputs(data.X))
    right = float(np.mean((P >= 0.5) == (data.y == 1)))
    ones = int(data.y.sum())
    classes = [f"{count(n)} {looks} (class {k})" for k, (n, looks) in enumerate(
        zip((len(data.y) - ones, ones), CLASS_LOOKS, strict=True))]  # fmt: skip
    line = "straight" if is_linear(run.prepared.features) else "curved"
    pale = float(np.mean(np.abs(P - 0.5))) < _PALE
    return (
        f"{DATASET_LABELS.get(data.name, data.name)}, {' and '.join(classes)}, over the "
        f"neuron's final prediction: a {line} boundary with {percent(right, 0)} of the points "
        "on their own class's side"
        + ("; the shading is pale everywhere, ŷ still close to 0.5." if pale else ".")
    )


def _shades(P) -> list[str]:
    """Each ŷ in P on `PROB_COLORSCALE`, interpolated between its stops, as #rrggbb."""
    rgb = np.stack([np.interp(P, _STOPS, _RGB[:, i]) for i in range(3)], axis=-1)
    return ["#{:02x}{:02x}{:02x}".format(*c) for c in np.clip(rgb, 0, 255).astype(int)]
