"""The one-step figure: the decision boundary before and after a single gradient step.

Training points by class, the boundary before the step (dashed) and after it (solid), the
chosen example ringed, and an arrow from where the old boundary passed nearest to that
example to where the new one does: how the step pulled the line. Straight lines for the
features x1, x2; ŷ = 0.5 contours for any other feature set.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..experiment import Prepared
from ..features import is_linear
from ..grids import boundary_segment, data_bounds, make_grid
from .one_step_arrow import pull_arrow
from .style import (
    BOUNDARY_COLOR,
    CLASS_COLORS,
    CLASS_SYMBOLS,
    FORMER,
    GRID,
    Theme,
    axis,
    base_layout,
    class_label,
    plain,
)

BEFORE_COLOR = FORMER
ARROW_NAME = "pull"


def one_step_figure(
    prep: Prepared,
    before,
    after,
    *,
    chosen=None,
    theme: Theme | None = None,
    title=None,
    resolution=121,
    height=None,
) -> go.Figure:
    """Draw the boundary before and after one step.

    Parameters
    ----------
    prep : Prepared
        Data, split and features of the run; points are drawn in the data's own units.
    before, after : (w, b)
        Parameters before and after the step; w of shape (n,), b float.
    chosen : int, optional
        Index into the training rows of the example to ring (and to anchor the arrow).
    resolution : int
        Grid size for the ŷ = 0.5 contours (and for locating the arrow's ends).

    Returns
    -------
    go.Figure
        Traces: class 0 and class 1 training points (``customdata`` = training-row index,
        for click selection), boundary before, boundary after, then the ringed example.
        The arrow is the layout annotation named ``"pull"``.
    """
    theme = theme or Theme()
    bounds = data_bounds(prep.data.X)
    grid = make_grid(bounds, prep.features, prep.scaler, resolution)
    shape = (len(grid.ys), len(grid.xs))
    Z_before = (grid.F @ np.asarray(before[0]) + before[1]).reshape(shape)
    Z_after = (grid.F @ np.asarray(after[0]) + after[1]).reshape(shape)

    fig = go.Figure([_points(prep, k, theme) for k in (0, 1)])
    for label, (w, b), Z, color, dash in (
        ("boundary before", before, Z_before, BEFORE_COLOR, "dash"),
        ("boundary after", after, Z_after, BOUNDARY_COLOR, "solid"),
    ):
        line = dict(color=color, width=theme.line, dash=dash)
        if is_linear(prep.features):
            fig.add_trace(_line_trace(prep, w, b, bounds, label, line))
        else:
            fig.add_trace(_contour_trace(grid, Z, label, line))
    if chosen is not None:
        point = prep.data.X[prep.train_idx][chosen]
        fig.add_trace(_ring(prep, chosen, point, theme))
        arrow = pull_arrow(grid, Z_before, Z_after, tuple(point), bounds, theme)
        if arrow:
            fig.add_annotation(arrow | dict(name=ARROW_NAME))
    notes = [n for n in (_missing(Z_before, "before"), _missing(Z_after, "after")) if n]
    if notes:
        fig.add_annotation(_note("<br>".join(notes), theme))
    _frame(fig, prep, bounds, theme, title, height)
    return fig


def _points(prep: Prepared, k, theme) -> go.Scatter:
    """Class k's training points, each carrying its training-row index for click selection."""
    rows = np.flatnonzero(prep.y_train == k)
    X_train, name = prep.data.X[prep.train_idx], class_label(prep.data.classes, k)
    return go.Scatter(
        x=X_train[rows, 0],
        y=X_train[rows, 1],
        customdata=rows,
        mode="markers",
        name=name,
        marker=dict(
            symbol=CLASS_SYMBOLS[k],
            color=CLASS_COLORS[k],
            size=theme.marker,
            opacity=0.8,
            line=dict(width=1, color="white"),
        ),
        selected=dict(marker=dict(opacity=1.0)),
        unselected=dict(marker=dict(opacity=0.8)),
        hovertemplate=f"example #%{{customdata}}, {name}"
        "<br>x₁ = %{x:.2f}<br>x₂ = %{y:.2f}<br>click to pick it<extra></extra>",
    )


def _contour_trace(grid, Z, name, line) -> go.Contour:
    """The boundary z = 0 of a curved feature set, as the zero contour of Z on the grid."""
    return go.Contour(
        x=grid.xs,
        y=grid.ys,
        z=Z,
        contours=dict(start=0.0, end=0.0, size=1.0, coloring="none"),
        line=line,
        showscale=False,
        showlegend=True,
        name=name,
        hoverinfo="skip",
    )


def _ring(prep: Prepared, chosen, point, theme) -> go.Scatter:
    k = int(prep.y_train[chosen])
    return go.Scatter(
        x=[point[0]],
        y=[point[1]],
        mode="markers",
        name=f"example #{chosen}",
        marker=dict(
            symbol="circle-open",
            size=theme.marker + 16,
            color=BOUNDARY_COLOR,
            line=dict(width=theme.line),
        ),
        hovertemplate=f"example #{chosen}, {class_label(prep.data.classes, k)}"
        "<br>x₁ = %{x:.2f}<br>x₂ = %{y:.2f}<extra></extra>",
    )


def _note(text, theme) -> dict:
    """A note in the plot's lower-left corner."""
    return dict(
        text=text,
        xref="paper",
        yref="paper",
        x=0.01,
        y=0.01,
        xanchor="left",
        yanchor="bottom",
        align="left",
        showarrow=False,
        bgcolor="rgba(255,255,255,0.9)",
        font=dict(size=theme.font - 2),
    )


def _frame(fig, prep: Prepared, bounds, theme, title, height) -> None:
    """Layout and axes: equal scales on the data's own units, the legend above the plot."""
    x0, x1, y0, y1 = bounds
    if height is None:  # about what equal axis scales fill in a half-width column
        aspect = (y1 - y0) / (x1 - x0)
        height = int(np.clip(420 * aspect, 260, 560) + (155 if theme.presenter else 120))
    layout = base_layout(
        theme,
        margin=dict(l=55, r=10, t=(60 if title else 0) + (95 if theme.presenter else 70), b=45),
        legend=dict(orientation="h", yanchor="bottom", y=1.01, x=0, font_size=theme.font - 2),
    )
    fig.update_layout(
        **layout, height=height, clickmode="event+select", dragmode=False, uirevision="one-step"
    )
    if title:
        fig.update_layout(
            title=dict(text=title, x=0.01, y=0.98, yref="container", font_size=theme.title)
        )
    names = prep.data.feature_names
    fig.update_xaxes(axis(theme, plain(names[0]), gridcolor=GRID, zeroline=False, range=[x0, x1]))
    fig.update_yaxes(
        axis(theme, plain(names[1]), gridcolor=GRID, zeroline=False, range=[y0, y1]),
        scaleanchor="x",
        constrain="domain",
    )


def _missing(Z, when):
    """Why there is no boundary to draw for this state, or '' when there is one."""
    if np.all(Z == 0):
        return f"{when.capitalize()} the step: w = 0 and b = 0, so ŷ = 0.5 everywhere: no boundary."
    if np.all(Z > 0) or np.all(Z <= 0):
        return f"{when.capitalize()} the step the boundary lies outside this view."
    return ""


def _line_trace(prep, w, b, bounds, name, line):
    w_raw, b_raw = prep.scaler.unscale(np.asarray(w), float(b))
    f = prep.features
    seg = boundary_segment((w_raw[f.index("x1")], w_raw[f.index("x2")]), b_raw, bounds)
    xs, ys = ([seg[0][0], seg[1][0]], [seg[0][1], seg[1][1]]) if seg else ([], [])
    return go.Scatter(x=xs, y=ys, mode="lines", name=name, line=line, hoverinfo="skip")
