"""One look for every figure: colour-blind-safe colours, two shapes, projector-size text.

Every colour a figure draws with is named here (one palette); every axis is styled by
`axis`; every cost chart gets its J* line and frame from `add_optimum_line` and `cost_chart`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np

from ..number_format import number
from ..palette import (  # noqa: F401  (the figures' colours, re-exported)
    AXIS_LINE,
    BLACK,
    BLUE,
    FAINT,
    FORMER,
    GREEN,
    GRID,
    INK,
    MUTED,
    ORANGE,
    PAPER,
    PURPLE,
    SKY_BLUE,
    VERMILLION,
    WALL,
    WALL_GRID,
)

CLASS_COLORS = (BLUE, VERMILLION)
# Shapes as well as colours, so the classes survive a greyscale projector.
CLASS_SYMBOLS = ("circle", "square")
# The two classes' colour and shape in words, for text alternatives.
CLASS_LOOKS = ("blue circles", "orange squares")
# ŷ from 0 to 1: pale blue → white at 0.5 → pale orange, light enough for markers on top.
PROB_COLORSCALE = [[0.0, "#8fc3e6"], [0.5, "#f7f7f7"], [1.0, "#f5b88f"]]
BOUNDARY_COLOR = INK
FONT_FAMILY = "Source Sans Pro, Arial, sans-serif"
# The best cost J* on every cost chart: its dotted line and its legend name.
OPTIMUM_LINE = dict(color=MUTED, width=2, dash="dot")
OPTIMUM_NAME = "optimum J*"


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


def axis(theme: Theme, title: str | None = None, *, tick_size: int | None = None, **extra) -> dict:
    """An axis with near-black ticks and title at the theme's sizes, plus ``extra`` entries.

    Spelled out on every axis: Streamlit's chart theme replaces a figure's template, so the
    template's fonts would not survive. ``tick_size`` defaults to two points under the text.
    """
    size = theme.font - 2 if tick_size is None else tick_size
    title_ = dict(font=dict(size=theme.font, color=INK))
    if title is not None:
        title_["text"] = title
    return dict(title=title_, tickfont=dict(size=size, color=INK), **extra)


def base_layout(theme: Theme, **extra) -> dict:
    """Layout shared by every figure."""
    layout = dict(
        font=dict(family=FONT_FAMILY, size=theme.font, color=INK),
        paper_bgcolor=PAPER,
        plot_bgcolor=PAPER,
        # Presenter type wraps the legend into more rows: leave room above the plots.
        margin=dict(l=60, r=20, t=215 if theme.presenter else 150, b=50),
        hoverlabel=dict(font_size=theme.font),
        legend=dict(orientation="h", yanchor="bottom", y=1.05, x=0, font_size=theme.font),
        # Defaults for every 2-D axis (outside Streamlit, which swaps the template).
        template=dict(
            layout=dict(
                xaxis=axis(theme, linecolor=AXIS_LINE, gridcolor=GRID),
                yaxis=axis(theme, linecolor=AXIS_LINE, gridcolor=GRID),
            )
        ),
    )
    layout.update(extra)
    return layout


def data_arrow(tail, head, *, color, width, head_style, head_size, **extra) -> dict:
    """A text-less layout annotation: an arrow in data coordinates from ``tail`` to ``head``."""
    return dict(
        x=float(head[0]),
        y=float(head[1]),
        ax=float(tail[0]),
        ay=float(tail[1]),
        xref="x",
        yref="y",
        axref="x",
        ayref="y",
        showarrow=True,
        arrowhead=head_style,
        arrowsize=head_size,
        arrowwidth=width,
        arrowcolor=color,
        text="",
        **extra,
    )


def plain(text) -> str:
    """A learner's text (a column or class name) for a Plotly title, legend or hover label.

    Plotly reads tags in text (``<a href=…>`` makes a live link, ``<b>``, ``<span style>``);
    escaped, the name shows as typed and nothing in it renders.
    """
    return html.escape(str(text), quote=False)


def class_name(classes, k) -> str:
    """How class k is named, as plain text: 'class 1 (dog)' when the file had its own names.

    For the live view, which writes it with textContent; Plotly needs `class_label`.
    """
    original = classes[k]
    return f"class {k}" if str(original) == str(k) else f"class {k} ({original})"


def class_label(classes, k) -> str:
    """`class_name` for a Plotly legend: the file's own name escaped (see `plain`)."""
    original = classes[k]
    return f"class {k}" if str(original) == str(k) else f"class {k} ({plain(original)})"


def optimum_label(cost: float) -> str:
    """The J* line's legend entry, e.g. 'optimum J* = 0.283'."""
    return f"{OPTIMUM_NAME} = {number(cost)}"


def add_optimum_line(fig, cost: float, last_epoch: int) -> None:
    """A dotted horizontal line at the best cost J*, across epochs 0..last_epoch."""
    fig.add_scatter(
        x=[0, max(1, last_epoch)],
        y=[cost] * 2,
        mode="lines",
        name=optimum_label(cost),
        line=OPTIMUM_LINE,
        hoverinfo="skip",
    )


def cost_chart(fig, theme: Theme, height, *, optimum, last_epoch, legend_y, log_epochs, **yaxis):
    """Finish a cost-per-epoch chart: J* as its floor (when finite), the legend under the
    plot, the epoch axis and a "cost J" axis (``yaxis`` entries override the title)."""
    if optimum.finite:
        add_optimum_line(fig, optimum.cost, last_epoch)
    layout = base_layout(theme)
    layout["margin"] = dict(l=60, r=20, t=20, b=50)
    layout["legend"] = dict(
        orientation="h", x=0, y=legend_y, yanchor="top", font=dict(size=theme.font - 1)
    )
    fig.update_layout(
        **layout,
        height=height,
        xaxis=axis(theme, zeroline=False, **epoch_axis(log_epochs)),
        yaxis=axis(theme, **({"title": "cost J", "zeroline": False} | yaxis)),
    )
    return fig


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
