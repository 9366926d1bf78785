"""Learning rates side by side: overlaid cost curves, and one small boundary map per α."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..experiment import Prepared
from ..grids import data_bounds, make_grid, probability_grid
from ..number_format import setting
from ..verdict_words import stopped_at, titled
from .style import (
    BLACK,
    BOUNDARY_COLOR,
    CLASS_COLORS,
    CLASS_SYMBOLS,
    GREEN,
    INK,
    ORANGE,
    PROB_COLORSCALE,
    PURPLE,
    SKY_BLUE,
    Theme,
    axis,
    base_layout,
    class_label,
    cost_chart,
    cost_hover,
    cost_range,
    plain,
)

# One colour and dash per α (Okabe–Ito, then black), so curves differ without colour too.
RATE_COLORS = (SKY_BLUE, GREEN, ORANGE, PURPLE, BLACK)
RATE_DASHES = ("dot", "solid", "dash", "dashdot", "longdash")


def rate_style(k):
    return RATE_COLORS[k % len(RATE_COLORS)], RATE_DASHES[k % len(RATE_DASHES)]


def rates_cost_figure(
    results, optimum, *, log=False, log_epochs=False, theme: Theme | None = None, height=460
):
    """Cost per epoch for each α, the optimum J* as a floor, divergence marked with ✕.

    Parameters
    ----------
    results : sequence of RateResult (see `neuron_core.learning_rates`)
    optimum : Optimum
    log : bool
        Logarithmic cost axis.
    log_epochs : bool
        Logarithmic epoch axis (long runs).
    """
    theme = theme or Theme()
    fig = go.Figure()
    top = cost_axis_top(results, optimum)
    for k, r in enumerate(results):
        color, dash = rate_style(k)
        c = r.history.cost
        fig.add_scatter(
            x=np.arange(len(c)),
            y=c,
            mode="lines",
            name=titled(r.alpha, r.outcome),
            line=dict(color=color, dash=dash, width=theme.line),
            customdata=cost_hover(c),
            hovertemplate=f"α = {setting(r.alpha)}<br>epoch %{{x}}<br>J = %{{customdata}}"
            "<extra></extra>",
        )
        if r.diverged_at is not None and len(c):  # a run with no finite epoch has no curve
            e = min(r.diverged_at, len(c) - 1)
            fig.add_scatter(
                x=[e],
                y=[float(c[e]) if top is None or log else min(float(c[e]), top)],
                mode="markers",
                name=f"{titled(r.alpha, r.outcome)} ({stopped_at(r.diverged_at)})",
                showlegend=False,
                marker=dict(symbol="x", size=theme.marker + 8, color=color, line=dict(width=2)),
                hovertemplate=f"{titled(r.alpha, r.outcome)} here<extra></extra>",
            )
    return cost_chart(
        fig,
        theme,
        height,
        optimum=optimum,
        last_epoch=max((len(r.history.cost) - 1 for r in results), default=1),
        legend_y=-0.2,
        log_epochs=log_epochs,
        title="cost J" + (" (log scale)" if log else ""),
        type="log" if log else "linear",
        **({} if log or top is None else {"range": [0.0, top]}),
    )


def cost_axis_top(results, optimum):
    """Top of a linear cost axis that keeps the settling curves readable, or None.

    A diverging run can climb many times above the start and squash every other curve
    flat; then the axis stops at 1.6 × the highest starting cost (the wild curve leaves the
    view, its ✕ and the table still tell).
    """
    rng = cost_range([r.history.cost for r in results])
    return None if rng is None else rng[1]


def boundary_panel(
    prep: Prepared, w, b, title, *, theme: Theme | None = None, height=360, res=60
) -> go.Figure:
    """The training points and the neuron's ŷ for one (w, b), the line ŷ = 0.5 in black.

    Works for any features: ŷ is evaluated on a grid of the input plane and the boundary is
    its 0.5 contour, so curved boundaries show as well as straight ones.
    """
    theme = theme or Theme()
    bounds = data_bounds(prep.data.X)
    grid = make_grid(bounds, prep.features, prep.scaler, res)
    P = probability_grid(grid, w, b)
    fig = go.Figure()
    fig.add_contour(
        x=grid.xs,
        y=grid.ys,
        z=P,
        zmin=0.0,
        zmax=1.0,
        colorscale=PROB_COLORSCALE,
        showscale=False,
        contours=dict(start=0.5, end=0.5, size=0.5, coloring="heatmap", showlines=True),
        line=dict(width=theme.line, color=BOUNDARY_COLOR),
        hovertemplate="x₁ = %{x:.2f}<br>x₂ = %{y:.2f}<br>ŷ = %{z:.2f}<extra></extra>",
        name="ŷ",
    )
    X, y = prep.data.X[prep.train_idx], prep.data.y[prep.train_idx]
    for k in (0, 1):
        pts = X[y == k]
        fig.add_scatter(
            x=pts[:, 0],
            y=pts[:, 1],
            mode="markers",
            name=class_label(prep.data.classes, k),
            marker=dict(
                symbol=CLASS_SYMBOLS[k],
                color=CLASS_COLORS[k],
                size=max(5, theme.marker - 3),
                line=dict(width=0.5, color="white"),
            ),
            hoverinfo="skip",
        )
    layout = base_layout(theme)
    layout["margin"] = dict(l=40, r=10, t=8 + 2 * theme.font, b=36)
    fig.update_layout(
        **layout,
        height=height,
        showlegend=False,
        title=dict(text=title, x=0.01, xanchor="left", font=dict(size=theme.font, color=INK)),
        xaxis=axis(theme, plain(prep.data.feature_names[0]), zeroline=False, range=[*bounds[:2]]),
        yaxis=axis(theme, plain(prep.data.feature_names[1]), zeroline=False, range=[*bounds[2:]]),
    )
    return fig
