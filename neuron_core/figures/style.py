"""One look for every figure: colour-blind-safe colours, two shapes, projector-size text."""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np

from ..numbers import number

# Okabe–Ito blue and vermillion: distinguishable with every common colour-vision deficiency.
CLASS_COLORS = ("#0072B2", "#D55E00")
# Shapes as well as colours, so the classes survive a greyscale projector.
CLASS_SYMBOLS = ("circle", "square")
CLASS_SYMBOLS_3D = ("circle", "square")
# ŷ from 0 to 1: pale blue → white at 0.5 → pale orange, light enough for markers on top.
PROB_COLORSCALE = [[0.0, "#8fc3e6"], [0.5, "#f7f7f7"], [1.0, "#f5b88f"]]
BOUNDARY_COLOR = "#111111"
TRAIN_COLOR, TEST_COLOR = "#222222", "#009E73"
FONT_FAMILY = "Source Sans Pro, Arial, sans-serif"


@dataclass(frozen=True)
class Theme:
    """Sizes for normal and presenter mode (bigger everything, for the back of the room)."""

    font: int = 16
    title: int = 20
    marker: int = 9
    line: float = 3.0
    presenter: bool = False

    @classmethod
    def presenting(cls) -> Theme:
        return cls(font=20, title=24, marker=13, line=5.0, presenter=True)


def _axis_defaults(theme: Theme) -> dict:
    return dict(
        tickfont=dict(size=theme.font - 2, color="#111111"),
        title_font=dict(size=theme.font, color="#111111"),
        linecolor="#444444",
        gridcolor="#e3e3e3",
    )


def base_layout(theme: Theme, **extra) -> dict:
    """Layout shared by every figure."""
    layout = dict(
        font=dict(family=FONT_FAMILY, size=theme.font, color="#111111"),
        paper_bgcolor="white",
        plot_bgcolor="white",
        # Presenter type wraps the legend into more rows: leave room above the plots.
        margin=dict(l=60, r=20, t=215 if theme.presenter else 150, b=50),
        hoverlabel=dict(font_size=theme.font),
        legend=dict(orientation="h", yanchor="bottom", y=1.05, x=0, font_size=theme.font),
        # Defaults for every 2-D axis: near-black ticks, a size readable on a projector.
        template=dict(
            layout=dict(
                xaxis=_axis_defaults(theme),
                yaxis=_axis_defaults(theme),
            )
        ),
    )
    layout.update(extra)
    return layout


def plain(text) -> str:
    """A learner's text (a column or class name) for a Plotly title, legend or hover label.

    Plotly reads tags in text (``<a href=…>`` makes a live link, ``<b>``, ``<span style>``);
    escaped, the name shows as typed and nothing in it renders.
    """
    return html.escape(str(text), quote=False)


def class_label(classes, k) -> str:
    """How class k is named in legends: 'class 1 (dog)' when the file had its own names."""
    original = classes[k]
    return f"class {k}" if str(original) == str(k) else f"class {k} ({plain(original)})"


def add_optimum_line(fig, cost: float, last_epoch: int) -> None:
    """A dotted horizontal line at the best cost J*, across epochs 0..last_epoch."""
    fig.add_scatter(
        x=[0, max(1, last_epoch)],
        y=[cost] * 2,
        mode="lines",
        name=f"optimum J* = {number(cost)}",
        line=dict(color="#555555", width=2, dash="dot"),
        hoverinfo="skip",
    )


def cost_range(costs, room=1.6):
    """A linear cost axis [0, top] when some run climbs far above every start, else None.

    A diverged run's cost can reach 10³⁰⁰ before it stops: Plotly's own autorange then
    overflows (its axis reads "NaN×10^Infinity") and every other curve is squashed flat.
    The axis stops at ``room`` × the highest starting cost; the wild curve leaves the view.

    Parameters
    ----------
    costs : sequence of 1-D arrays (one per curve; None entries are skipped)
    """
    curves = [np.asarray(c, dtype=float) for c in costs if c is not None and len(c)]
    if not curves:
        return None
    top = room * max(float(c[0]) for c in curves)
    peak = max(float(np.max(np.where(np.isfinite(c), c, np.inf))) for c in curves)
    return [0.0, top] if peak > top else None


def cost_hover(cost) -> list[str]:
    """Each cost as the one formatter writes it, for ``customdata`` (hover never shows a
    300-digit number)."""
    return [number(c) for c in np.asarray(cost, dtype=float)]


def epoch_axis(log: bool) -> dict:
    """Title and type of the epoch axis, for ``axis(theme, **epoch_axis(log))``.

    A log epoch axis gives a long run's first epochs, where most of the learning happens,
    as much room as its last thousand (epoch 0 has no place on it and is left out).
    """
    return dict(title="epoch (log scale)" if log else "epoch", type="log" if log else "linear")
