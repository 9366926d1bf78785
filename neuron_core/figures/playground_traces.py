"""Traces of the Playground figure: the probability map, the points, the boundary line,
the ŷ surface with its points, and the cost curves. Plain dicts (see `playground`).
"""

from __future__ import annotations

import numpy as np

from ..experiment import Run
from .style import (
    BOUNDARY_COLOR,
    CLASS_COLORS,
    CLASS_SYMBOLS,
    PROB_COLORSCALE,
    TEST_COLOR,
    class_label,
)


def probability_map(contour, grid, theme, linear, stacked):
    """ŷ over the plane as a shaded contour, with its colour bar (and the 0.5 line when the
    boundary is curved)."""
    colorbar = (  # stacked: across the top of the map, so the map keeps the full width
        dict(
            orientation="h",
            x=0.5,
            xanchor="center",
            y=1.0,
            yanchor="top",
            len=0.8,
            title=dict(text="ŷ", side="left", font=dict(size=theme.font)),
        )
        if stacked
        else dict(
            x=0.455,
            xanchor="left",
            y=1.0,
            yanchor="top",
            len=0.5,
            title=dict(text="ŷ", font=dict(size=theme.font)),
        )
    )
    return contour | dict(
        x=grid.xs,
        y=grid.ys,
        zmin=0.0,
        zmax=1.0,
        colorscale=PROB_COLORSCALE,
        contours=dict(start=0.5, end=0.5, size=0.5, coloring="heatmap", showlines=not linear),
        line=dict(width=theme.line, color=BOUNDARY_COLOR),
        colorbar=colorbar
        | dict(
            thickness=14,
            tickvals=[0, 0.5, 1],
            tickfont=dict(size=theme.font - 2),
        ),
        hovertemplate="x₁ = %{x:.2f}<br>x₂ = %{y:.2f}<br>ŷ = P(class 1) = %{z:.2f}<extra></extra>",
        name="ŷ",
        showlegend=False,
        xaxis="x",
        yaxis="y",
    )


def data_points(prep, theme):
    """Train points filled, test points hollow; the legend shows the two classes plus one
    entry for "hollow = test" (see `test_key`), so it stays short enough for a phone."""
    data, classes = prep.data, prep.data.classes
    traces = []
    for part, idx in (("train", prep.train_idx), ("test", prep.test_idx)):
        for k in (0, 1):
            pts = data.X[idx][data.y[idx] == k]
            train = part == "train"
            traces.append(
                dict(
                    type="scatter",
                    x=pts[:, 0],
                    y=pts[:, 1],
                    mode="markers",
                    name=class_label(classes, k) if train else f"{class_label(classes, k)}, test",
                    showlegend=train,
                    legendgroup=f"class {k}" if train else "test",
                    legendrank=1 + k,
                    marker=dict(
                        symbol=CLASS_SYMBOLS[k] + ("" if train else "-open"),
                        color=CLASS_COLORS[k],
                        size=theme.marker,
                        line=dict(
                            width=1 if train else 2,
                            color="white" if train else CLASS_COLORS[k],
                        ),
                    ),
                    hovertemplate=f"{part} point, {class_label(classes, k)}"
                    "<br>x₁ = %{x:.2f}<br>x₂ = %{y:.2f}<extra></extra>",
                    xaxis="x",
                    yaxis="y",
                    legend="legend",
                )
            )
    return traces


def test_key(prep, theme):
    """A legend-only entry: hollow markers are test points (click it to hide them)."""
    return dict(
        type="scatter",
        x=[None],
        y=[None],
        mode="markers",
        name="test points (hollow)",
        legendgroup="test",
        legendrank=3,
        showlegend=len(prep.test_idx) > 0,
        marker=dict(symbol="circle-open", color="#444444", size=theme.marker, line=dict(width=2)),
        hoverinfo="skip",
        xaxis="x",
        yaxis="y",
        legend="legend",
    )


def boundary_line(line, theme, linear):
    """The ŷ = 0.5 straight line of a linear model (hidden when the boundary is a curve)."""
    return line | dict(
        mode="lines",
        name="boundary ŷ = 0.5",
        legendrank=4,
        line=dict(color=BOUNDARY_COLOR, width=theme.line),
        hoverinfo="skip",
        showlegend=linear,
        xaxis="x",
        yaxis="y",
        legend="legend",
    )


def surface_trace(surface, grid):
    """The 3-D ŷ surface over the grid, with its 0.5 level drawn on it."""
    return surface | dict(
        x=grid.xs,
        y=grid.ys,
        cmin=0.0,
        cmax=1.0,
        colorscale=PROB_COLORSCALE,
        showscale=False,
        opacity=0.92,
        contours=dict(
            z=dict(show=True, start=0.5, end=0.5, size=0.5, color=BOUNDARY_COLOR, width=6)
        ),
        hovertemplate="x₁ = %{x:.2f}<br>x₂ = %{y:.2f}<br>ŷ = %{z:.2f}<extra></extra>",
        name="ŷ surface",
        showlegend=False,
        scene="scene",
    )


def surface_points(prep, theme):
    """The training points in the 3-D view, at height 0 (class 0) or 1 (class 1)."""
    data = prep.data
    traces = []
    for k in (0, 1):
        pts = data.X[data.y == k]
        traces.append(
            dict(
                type="scatter3d",
                x=pts[:, 0],
                y=pts[:, 1],
                z=np.full(len(pts), float(k)),
                mode="markers",
                marker=dict(
                    size=max(3, theme.marker // 3), color=CLASS_COLORS[k], symbol=CLASS_SYMBOLS[k]
                ),
                name=f"{class_label(data.classes, k)} at height {k}",
                showlegend=False,
                hovertemplate=f"{class_label(data.classes, k)}<extra></extra>",
                scene="scene",
            )
        )
    return traces


def cost_curves(run: Run, now, test_now, theme):
    """Training (and test) cost per epoch, the current-epoch markers and the J* line."""
    h = run.history
    e = np.arange(len(h.cost))
    axes = dict(xaxis="x2", yaxis="y2", legend="legend2")
    has_test = h.test_cost is not None
    marker = dict(size=theme.marker + 5, line=dict(width=2, color="white"))
    traces = [
        dict(
            type="scatter",
            x=e,
            y=h.cost,
            mode="lines",
            name="training cost",
            line=dict(color=CLASS_COLORS[0], width=theme.line),
            hovertemplate="epoch %{x}<br>training cost %{y:.4f}<extra></extra>",
            **axes,
        ),
        dict(
            type="scatter",
            x=e if has_test else [],
            y=h.test_cost if has_test else [],
            mode="lines",
            name="test cost",
            showlegend=has_test,
            line=dict(color=TEST_COLOR, width=max(1.0, theme.line - 1), dash="dash"),
            hovertemplate="epoch %{x}<br>test cost %{y:.4f}<extra></extra>",
            **axes,
        ),
        now
        | dict(
            mode="markers",
            name="shown epoch",
            showlegend=False,
            marker=dict(color=CLASS_COLORS[0], **marker),
            hovertemplate="epoch %{x}: cost %{y:.4f}<extra></extra>",
            **axes,
        ),
        test_now
        | dict(
            mode="markers",
            name="shown epoch, test",
            showlegend=False,
            marker=dict(color=TEST_COLOR, **marker),
            hovertemplate="epoch %{x}: test cost %{y:.4f}<extra></extra>",
            **axes,
        ),
    ]
    if run.optimum.finite:  # a dotted floor: the lowest cost any (w, b) can reach
        traces.append(
            dict(
                type="scatter",
                x=[0, max(1, h.epochs)],
                y=[run.optimum.cost] * 2,
                mode="lines",
                name=f"best possible J* = {run.optimum.cost:.4f}",
                line=dict(color="#555555", width=2, dash="dot"),
                hoverinfo="skip",
                **axes,
            )
        )
    return traces
