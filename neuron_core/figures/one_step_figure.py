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
from .style import (
    BOUNDARY_COLOR,
    CLASS_COLORS,
    CLASS_SYMBOLS,
    Theme,
    base_layout,
    class_label,
    plain,
)

BEFORE_COLOR = "#6b6b6b"
ARROW_COLOR = "#CC79A7"  # Okabe–Ito reddish purple: apart from both class colours
ARROW_NAME = "pull"
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
    data = prep.data
    bounds = data_bounds(data.X)
    X_train, y_train = data.X[prep.train_idx], prep.y_train
    grid = make_grid(bounds, prep.features, prep.scaler, resolution)
    shape = (len(grid.ys), len(grid.xs))
    Z_before = (grid.F @ np.asarray(before[0]) + before[1]).reshape(shape)
    Z_after = (grid.F @ np.asarray(after[0]) + after[1]).reshape(shape)
    linear = is_linear(prep.features)

    fig = go.Figure()
    for k in (0, 1):
        rows = np.flatnonzero(y_train == k)
        fig.add_trace(
            go.Scatter(
                x=X_train[rows, 0],
                y=X_train[rows, 1],
                customdata=rows,
                mode="markers",
                name=class_label(data.classes, k),
                marker=dict(
                    symbol=CLASS_SYMBOLS[k],
                    color=CLASS_COLORS[k],
                    size=theme.marker,
                    opacity=0.8,
                    line=dict(width=1, color="white"),
                ),
                selected=dict(marker=dict(opacity=1.0)),
                unselected=dict(marker=dict(opacity=0.8)),
                hovertemplate=f"example #%{{customdata}}, {class_label(data.classes, k)}"
                "<br>x₁ = %{x:.2f}<br>x₂ = %{y:.2f}<br>click to pick it<extra></extra>",
            )
        )
    for label, (w, b), Z, color, dash in (
        ("boundary before", before, Z_before, BEFORE_COLOR, "dash"),
        ("boundary after", after, Z_after, BOUNDARY_COLOR, "solid"),
    ):
        line = dict(color=color, width=theme.line, dash=dash)
        if linear:
            fig.add_trace(_line_trace(prep, w, b, bounds, label, line))
        else:
            fig.add_trace(
                go.Contour(
                    x=grid.xs,
                    y=grid.ys,
                    z=Z,
                    contours=dict(start=0.0, end=0.0, size=1.0, coloring="none"),
                    line=line,
                    showscale=False,
                    showlegend=True,
                    name=label,
                    hoverinfo="skip",
                )
            )
    if chosen is not None:
        x, y = X_train[chosen]
        k = int(y_train[chosen])
        fig.add_trace(
            go.Scatter(
                x=[x],
                y=[y],
                mode="markers",
                name=f"example #{chosen}",
                marker=dict(
                    symbol="circle-open",
                    size=theme.marker + 16,
                    color=BOUNDARY_COLOR,
                    line=dict(width=theme.line),
                ),
                hovertemplate=f"example #{chosen}, {class_label(data.classes, k)}"
                "<br>x₁ = %{x:.2f}<br>x₂ = %{y:.2f}<extra></extra>",
            )
        )
        _add_arrow(fig, grid, Z_before, Z_after, (x, y), bounds, theme)
    notes = [n for n in (_missing(Z_before, "before"), _missing(Z_after, "after")) if n]
    if notes:
        fig.add_annotation(
            text="<br>".join(notes),
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

    x0, x1, y0, y1 = bounds
    if height is None:  # about what equal axis scales fill in a half-width column
        aspect = (y1 - y0) / (x1 - x0)
        height = int(np.clip(420 * aspect, 260, 560) + (155 if theme.presenter else 120))
    fig.update_layout(
        **base_layout(theme),
        height=height,
        clickmode="event+select",
        dragmode=False,
        uirevision="one-step",
    )
    fig.update_layout(
        margin=dict(l=55, r=10, t=(60 if title else 0) + (95 if theme.presenter else 70), b=45),
        legend=dict(orientation="h", yanchor="bottom", y=1.01, x=0, font_size=theme.font - 2),
    )
    if title:
        fig.update_layout(
            title=dict(text=title, x=0.01, y=0.98, yref="container", font_size=theme.title)
        )
    # Explicit sizes: Streamlit's chart theme would otherwise shrink the tick labels.
    axis = dict(
        tickfont=dict(size=theme.font - 2, color="#111111"),
        title_font=dict(size=theme.font, color="#111111"),
        gridcolor="#e3e3e3",
        zeroline=False,
    )
    fig.update_xaxes(title_text=plain(data.feature_names[0]), range=[x0, x1], **axis)
    fig.update_yaxes(
        title_text=plain(data.feature_names[1]),
        range=[y0, y1],
        scaleanchor="x",
        constrain="domain",
        **axis,
    )
    return fig


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


def _add_arrow(fig, grid, Z_before, Z_after, point, bounds, theme):
    start = nearest_crossing(grid.xs, grid.ys, Z_before, point)
    end = nearest_crossing(grid.xs, grid.ys, Z_after, point)
    if start is None or end is None:
        return
    span = max(bounds[1] - bounds[0], bounds[3] - bounds[2])
    moved = np.hypot(end[0] - start[0], end[1] - start[1])
    if moved < 0.02 * span:
        return  # the line barely moved near this example: an arrowhead alone would mislead
    if moved < MIN_ARROW * span:
        # A one-step move is often a few pixels: an arrow that short is a speck hidden under
        # the ring. Keep its head on the new boundary and its direction; lengthen its tail.
        d = (np.asarray(end) - np.asarray(start)) / moved
        start = tuple(np.asarray(end) - MIN_ARROW * span * d)
    fig.add_annotation(
        name=ARROW_NAME,
        x=end[0],
        y=end[1],
        ax=start[0],
        ay=start[1],
        xref="x",
        yref="y",
        axref="x",
        ayref="y",
        showarrow=True,
        arrowhead=2,
        arrowsize=1.3,
        arrowwidth=theme.line + 1,
        arrowcolor=ARROW_COLOR,
        text="",
    )
