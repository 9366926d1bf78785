"""The Playground figure: decision boundary, sigmoid surface and cost, one Play for all.

Three views in one figure so a single Play button and a single epoch slider drive them in
sync, entirely in the browser (Plotly frames). Grids go out as float32 to keep it light.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..experiment import Run
from ..features import is_linear
from ..grids import boundary_segment, data_bounds, make_grid, probability_frames
from .animation import AnimatedFigure, animation_controls, typed_array
from .style import (
    BOUNDARY_COLOR,
    CLASS_COLORS,
    CLASS_SYMBOLS,
    PROB_COLORSCALE,
    TEST_COLOR,
    Theme,
    base_layout,
    class_label,
)

# Trace order; frames update only the moving ones.
PROB, BOUNDARY, SURFACE, COST_NOW, TEST_COST_NOW = 0, 5, 6, 11, 12
MOVING = [PROB, BOUNDARY, SURFACE, COST_NOW, TEST_COST_NOW]


def playground_figure(
    run: Run,
    frames,
    *,
    shown=None,
    heat_res=36,
    surface_res=26,
    theme: Theme | None = None,
    frame_ms=80,
    height=940,
) -> go.Figure:
    """Build the animated three-view figure.

    Parameters
    ----------
    run : Run
    frames : sequence of int
        Epochs to animate (from `sample_frames`), increasing.
    shown : int, optional
        Epoch drawn before Play is pressed (default: the last frame).
    heat_res, surface_res : int
        Grid sizes of the 2-D probability map and of the 3-D surface.
    """
    theme = theme or Theme()
    h, prep = run.history, run.prepared
    frames = [int(e) for e in frames]
    shown = frames[-1] if shown is None else int(shown)
    bounds = data_bounds(prep.data.X)
    heat = make_grid(bounds, prep.features, prep.scaler, heat_res)
    surf = make_grid(bounds, prep.features, prep.scaler, surface_res)
    epochs = sorted(set(frames) | {shown})
    P_heat = dict(zip(epochs, probability_frames(heat, h.w[epochs], h.b[epochs]), strict=True))
    P_surf = dict(zip(epochs, probability_frames(surf, h.w[epochs], h.b[epochs]), strict=True))
    linear = is_linear(prep.features)
    w_raw, b_raw = prep.scaler.unscale(h.w, h.b) if linear else (None, None)

    def boundary_xy(e):
        if not linear:
            return [], []
        seg = boundary_segment(_in_xy_order(prep.features, w_raw[e]), b_raw[e], bounds)
        return ([seg[0][0], seg[1][0]], [seg[0][1], seg[1][1]]) if seg else ([], [])

    def moving(e):
        bx, by = boundary_xy(e)
        return [
            dict(type="contour", z=typed_array(P_heat[e])),
            dict(type="scatter", x=bx, y=by),
            dict(type="surface", z=typed_array(P_surf[e])),
            dict(type="scatter", x=[e], y=[float(h.cost[e])]),
            dict(type="scatter", x=[e] if h.test_cost is not None else [], y=_test_point(h, e)),
        ]

    fig = make_subplots(
        rows=2,
        cols=2,
        specs=[[{"type": "xy"}, {"type": "scene"}], [{"type": "xy", "colspan": 2}, None]],
        row_heights=[0.66, 0.34],
        horizontal_spacing=0.06,
        vertical_spacing=0.12,
        subplot_titles=(
            "Decision boundary: where ŷ = 0.5",
            "Sigmoid output ŷ = σ(z) over the plane",
            "Cost J per epoch (lower is better)",
        ),
    )
    start = [
        go.Contour(z=P_heat[shown].astype(np.float32)),
        go.Scatter(x=boundary_xy(shown)[0], y=boundary_xy(shown)[1]),
        go.Surface(z=P_surf[shown].astype(np.float32)),
        go.Scatter(x=[shown], y=[h.cost[shown]]),
        go.Scatter(x=[shown] if h.test_cost is not None else [], y=_test_point(h, shown)),
    ]
    _add_map(fig, start[0], start[1], heat, prep, theme, linear)
    _add_surface(fig, start[2], surf, prep, theme)
    _add_cost(fig, start[3], start[4], run, theme)

    fig.update_layout(
        **base_layout(theme),
        title=dict(
            text=_title(run, shown), x=0.01, y=0.985, yref="container", font_size=theme.title
        ),
        height=height,
        uirevision="playground",
        **animation_controls(frames, frames.index(shown) if shown in frames else -1, frame_ms),
    )
    fig.update_annotations(font_size=theme.font + 1)
    return AnimatedFigure(
        fig,
        raw_frames=[
            dict(name=str(e), data=moving(e), traces=MOVING, layout=dict(title_text=_title(run, e)))
            for e in frames
        ],
    )


def _in_xy_order(features, w):
    # The line formula wants (weight of x1, weight of x2) whatever order the features are in.
    return (w[features.index("x1")], w[features.index("x2")])


def _test_point(h, e):
    return [float(h.test_cost[e])] if h.test_cost is not None else []


def _title(run: Run, e) -> str:
    h = run.history
    text = (
        f"Epoch {e} of {h.epochs} · cost J = {h.cost[e]:.4f} · train accuracy {h.accuracy[e]:.0%}"
    )
    if h.test_accuracy is not None:
        text += f" · test accuracy {h.test_accuracy[e]:.0%}"
    return text


def _add_map(fig, contour, line, grid, prep, theme, linear):
    contour.update(
        x=grid.xs,
        y=grid.ys,
        zmin=0.0,
        zmax=1.0,
        colorscale=PROB_COLORSCALE,
        contours=dict(start=0.5, end=0.5, size=0.5, coloring="heatmap", showlines=not linear),
        line=dict(width=theme.line, color=BOUNDARY_COLOR),
        colorbar=dict(title="ŷ", x=0.46, len=0.55, y=0.74, thickness=14, tickvals=[0, 0.5, 1]),
        hovertemplate="x₁ = %{x:.2f}<br>x₂ = %{y:.2f}<br>ŷ = P(class 1) = %{z:.2f}<extra></extra>",
        name="ŷ",
        showlegend=False,
    )
    fig.add_trace(contour, row=1, col=1)
    data, classes = prep.data, prep.data.classes
    for part, idx in (("train", prep.train_idx), ("test", prep.test_idx)):
        for k in (0, 1):
            pts = data.X[idx][data.y[idx] == k]
            fig.add_trace(
                go.Scatter(
                    x=pts[:, 0],
                    y=pts[:, 1],
                    mode="markers",
                    name=f"{class_label(classes, k)}, {part}",
                    marker=dict(
                        symbol=CLASS_SYMBOLS[k] + ("" if part == "train" else "-open"),
                        color=CLASS_COLORS[k],
                        size=theme.marker,
                        line=dict(
                            width=1 if part == "train" else 2,
                            color="white" if part == "train" else CLASS_COLORS[k],
                        ),
                    ),
                    hovertemplate=f"{part} point, {class_label(classes, k)}"
                    "<br>x₁ = %{x:.2f}<br>x₂ = %{y:.2f}<extra></extra>",
                ),
                row=1,
                col=1,
            )
    line.update(
        mode="lines",
        name="boundary ŷ = 0.5",
        line=dict(color=BOUNDARY_COLOR, width=theme.line),
        hoverinfo="skip",
        showlegend=linear,
    )
    fig.add_trace(line, row=1, col=1)
    x0, x1, y0, y1 = data_bounds(data.X)
    fig.update_xaxes(title_text=data.feature_names[0], range=[x0, x1], row=1, col=1)
    fig.update_yaxes(
        title_text=data.feature_names[1],
        range=[y0, y1],
        scaleanchor="x",
        constrain="domain",
        row=1,
        col=1,
    )


def _add_surface(fig, surface, grid, prep, theme):
    surface.update(
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
    )
    fig.add_trace(surface, row=1, col=2)
    data = prep.data
    for k in (0, 1):
        pts = data.X[data.y == k]
        fig.add_trace(
            go.Scatter3d(
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
            ),
            row=1,
            col=2,
        )
    axis = dict(title_font_size=theme.font, tickfont_size=theme.font - 3)
    fig.update_scenes(
        xaxis=dict(title=data.feature_names[0], **axis),
        yaxis=dict(title=data.feature_names[1], **axis),
        zaxis=dict(title="ŷ", range=[0, 1], tickvals=[0, 0.5, 1], **axis),
        camera=dict(eye=dict(x=1.55, y=-1.55, z=0.9)),
        aspectmode="manual",
        aspectratio=dict(x=1, y=1, z=0.6),
    )


def _add_cost(fig, now, test_now, run: Run, theme):
    h = run.history
    e = np.arange(len(h.cost))
    fig.add_trace(
        go.Scatter(
            x=e,
            y=h.cost,
            mode="lines",
            name="training cost",
            line=dict(color=CLASS_COLORS[0], width=theme.line),
            hovertemplate="epoch %{x}<br>training cost %{y:.4f}<extra></extra>",
        ),
        row=2,
        col=1,
    )
    fig.add_trace(
        go.Scatter(
            x=e if h.test_cost is not None else [],
            y=h.test_cost if h.test_cost is not None else [],
            mode="lines",
            name="test cost",
            line=dict(color=TEST_COLOR, width=theme.line - 1, dash="dash"),
            hovertemplate="epoch %{x}<br>test cost %{y:.4f}<extra></extra>",
        ),
        row=2,
        col=1,
    )
    marker = dict(size=theme.marker + 5, line=dict(width=2, color="white"))
    now.update(
        mode="markers",
        name="shown epoch",
        marker=dict(color=CLASS_COLORS[0], **marker),
        hovertemplate="epoch %{x}: cost %{y:.4f}<extra></extra>",
    )
    test_now.update(
        mode="markers",
        showlegend=False,
        marker=dict(color=TEST_COLOR, **marker),
        hovertemplate="epoch %{x}: test cost %{y:.4f}<extra></extra>",
    )
    fig.add_trace(now, row=2, col=1)
    fig.add_trace(test_now, row=2, col=1)
    if run.optimum.finite:  # a dotted floor: the lowest cost any (w, b) can reach
        fig.add_trace(
            go.Scatter(
                x=[0, max(1, h.epochs)],
                y=[run.optimum.cost] * 2,
                mode="lines",
                name=f"best possible J* = {run.optimum.cost:.4f}",
                line=dict(color="#555555", width=2, dash="dot"),
                hoverinfo="skip",
            ),
            row=2,
            col=1,
        )
    costs = np.r_[h.cost, h.test_cost if h.test_cost is not None else []]
    log = costs.min() > 0 and costs.max() / costs.min() > 30
    fig.update_xaxes(title_text="epoch", range=[0, max(1, h.epochs)], row=2, col=1)
    fig.update_yaxes(
        title_text="cost J" + (" (log scale)" if log else ""),
        type="log" if log else "linear",
        row=2,
        col=1,
    )
