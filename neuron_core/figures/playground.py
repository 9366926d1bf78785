"""The Playground figure: decision boundary, sigmoid surface and cost, one Play for all.

Three views in one figure so a single Play button and a single epoch slider drive them in
sync, entirely in the browser (Plotly frames). The traces and layout are written as plain
dicts: plotly's graph-object validation of a figure this size costs a few tenths of a
second per rerun, and every value here comes from already-checked arrays. Grids go out as
float32 typed arrays to keep the page light.
"""

from __future__ import annotations

import numpy as np

from ..experiment import Run
from ..features import is_linear
from ..grids import boundary_segment, data_bounds, make_grid, probability_frames
from .animation import AnimatedFigure, animated_figure, typed_array
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
TITLES = ("Decision boundary ŷ = 0.5", "Output surface ŷ = σ(z)")


def playground_figure(
    run: Run,
    frames,
    *,
    shown=None,
    heat_res=36,
    surface_res=26,
    theme: Theme | None = None,
    frame_ms=80,
    height=None,
    stacked=False,
) -> AnimatedFigure:
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
    height : int, optional
        Pixels; default 960 side by side, 1400 stacked.
    stacked : bool
        One view under the other (for phones) instead of map and surface side by side.
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
        has_test = h.test_cost is not None
        return [
            dict(type="contour", z=typed_array(P_heat[e])),
            dict(type="scatter", x=bx, y=by),
            dict(type="surface", z=typed_array(P_surf[e])),
            dict(type="scatter", x=[e], y=[float(h.cost[e])]),
            dict(type="scatter", x=[e] if has_test else [], y=_test_point(h, e)),
        ]

    now = moving(shown)
    data = [
        _probability_map(now[0], heat, theme, linear, stacked),
        *_data_points(prep, theme),
        _boundary_line(now[1], theme, linear),
        _surface(now[2], surf),
        *_surface_points(prep, theme),
        *_cost_curves(run, now[3], now[4], theme),
        _test_key(prep, theme),  # last, so the trace numbers above stay fixed
    ]
    height = height or (1400 if stacked else 960)
    layout = _layout(run, shown, theme, bounds, stacked, height)
    # The slider starts at the shown epoch, or the last sampled one before it.
    active = max(i for i, e in enumerate(frames) if e <= shown) if shown >= frames[0] else 0
    return animated_figure(
        data,
        layout,
        height,
        frames,
        moving,
        MOVING,
        lambda e: _title(run, e, theme, height, stacked),
        active=active,
        frame_ms=frame_ms,
        font=theme.font,
        pad=42 + 2 * theme.font,
    )


def _in_xy_order(features, w):
    # The line formula wants (weight of x1, weight of x2) whatever order the features are in.
    return (w[features.index("x1")], w[features.index("x2")])


def _test_point(h, e):
    return [float(h.test_cost[e])] if h.test_cost is not None else []


def _title(run: Run, e, theme: Theme, height, stacked=False) -> dict:
    """The headline over the views; two short lines so it fits a phone too."""
    h = run.history
    text = f"Epoch {e} of {h.epochs} · cost J = {h.cost[e]:.4f}"
    text += f"<br>train accuracy {h.accuracy[e]:.0%}"
    if h.test_accuracy is not None:
        text += f" · test accuracy {h.test_accuracy[e]:.0%}"
    # The whole title in every frame: an animation frame's layout replaces, not merges.
    # plotly anchors a two-line title by its first line: put that line near the top.
    size = _title_size(theme, stacked)
    return dict(
        text=f"<b>{text}</b>",  # bold in every frame (Streamlit bolds only the first)
        x=0.01,
        xanchor="left",
        y=1.0 - (1.3 * size + 8 + _head_room(stacked)) / height,
        yanchor="bottom",
        yref="container",
        font=dict(size=size, color="#111111"),
    )


def _title_size(theme: Theme, stacked) -> int:
    return theme.font + 1 if stacked else theme.title


def _head_room(stacked) -> int:
    # A phone shows Plotly's tool bar all the time, over the top-right corner: start lower.
    return 34 if stacked else 0


# ---------------------------------------------------------------- traces


def _probability_map(contour, grid, theme, linear, stacked):
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


def _data_points(prep, theme):
    """Train points filled, test points hollow; the legend shows the two classes plus one
    entry for "hollow = test" (see `_test_key`), so it stays short enough for a phone."""
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


def _test_key(prep, theme):
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


def _boundary_line(line, theme, linear):
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


def _surface(surface, grid):
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


def _surface_points(prep, theme):
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


def _cost_curves(run: Run, now, test_now, theme):
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


# ---------------------------------------------------------------- layout


def _domains(stacked):
    """Where each view sits, in fractions of the plotting area: (x range, y range)."""
    if stacked:  # the map's top strip holds its colour bar
        return dict(
            map=([0.0, 1.0], [0.70, 0.955]),
            map_title=1.0,
            scene=([0.0, 1.0], [0.35, 0.63]),
            cost=([0.0, 1.0], [0.0, 0.235]),
        )
    return dict(
        map=([0.0, 0.44], [0.42, 1.0]),
        map_title=1.0,
        scene=([0.57, 1.0], [0.42, 1.0]),  # clear of the colour bar and its labels
        cost=([0.0, 1.0], [0.0, 0.28]),
    )


def _layout(run: Run, shown, theme: Theme, bounds, stacked, height) -> dict:
    h, data = run.history, run.prepared.data
    dom = _domains(stacked)
    black = "#111111"
    title_font = dict(size=theme.font, color=black)

    def titled(text):  # raw dicts: no plotly.py shorthands like title_font, spell it out
        return dict(text=text, font=title_font)

    axis = dict(
        tickfont=dict(size=theme.font - 2, color=black),
        gridcolor="#e3e3e3",
        linecolor="#444444",
        zeroline=False,
        automargin=True,
    )
    costs = np.r_[h.cost, h.test_cost if h.test_cost is not None else []]
    log = bool(costs.min() > 0 and costs.max() / costs.min() > 30)
    scene_axis = dict(tickfont=dict(size=theme.font - 3, color=black))
    eye = 1.8 if stacked else 1.55  # far enough that tick labels and titles stay in the box
    layout = base_layout(theme)
    top = (215 if stacked else 150) + (50 if theme.presenter else 0) + _head_room(stacked)
    layout.update(
        title=_title(run, shown, theme, height, stacked),
        margin=dict(l=45 if stacked else 60, r=15 if stacked else 30, t=top, b=42 + 7 * theme.font),
        uirevision="playground",
        hoverlabel=dict(font=dict(size=theme.font)),
        xaxis=axis
        | dict(
            anchor="y",
            domain=dom["map"][0],
            title=titled(data.feature_names[0]),
            range=list(bounds[:2]),
        ),
        yaxis=axis
        | dict(
            anchor="x",
            domain=dom["map"][1],
            title=titled(data.feature_names[1]),
            range=list(bounds[2:]),
            scaleanchor="x",  # one unit is as long on both axes: the shapes are true
            constrain="domain",
            constraintoward="top" if stacked else "middle",
        ),
        scene=dict(
            domain=dict(x=dom["scene"][0], y=dom["scene"][1]),
            xaxis=dict(title=titled(data.feature_names[0]), **scene_axis),
            yaxis=dict(title=titled(data.feature_names[1]), **scene_axis),
            zaxis=dict(title=titled("ŷ"), range=[0, 1], tickvals=[0, 0.5, 1], **scene_axis),
            camera=dict(eye=dict(x=eye, y=-eye, z=0.58 * eye)),
            aspectmode="manual",
            aspectratio=dict(x=1, y=1, z=0.6),
        ),
        xaxis2=axis
        | dict(
            anchor="y2",
            domain=dom["cost"][0],
            title=titled("epoch"),
            range=[0, max(1, h.epochs)],
        ),
        yaxis2=axis
        | dict(
            anchor="x2",
            domain=dom["cost"][1],
            type="log" if log else "linear",
            title=titled("cost J" + (" (log scale)" if log else "")),
        ),
        annotations=[
            _subplot_title(TITLES[0], dom["map"][0], dom["map_title"], theme),
            _subplot_title(TITLES[1], dom["scene"][0], dom["scene"][1][1], theme),
        ],
        # Two legends that wrap to the width (one row on a laptop, a few on a phone): the
        # data's under the title, the cost's just above the cost plot, where it names the
        # curves without covering them.
        legend=dict(
            orientation="h",
            x=0,
            xanchor="left",
            y=1.0 - (2.7 * _title_size(theme, stacked) + 16 + _head_room(stacked)) / height,
            yref="container",
            yanchor="top",
            font=dict(size=theme.font),
            traceorder="normal",
        ),
        legend2=dict(
            orientation="h",
            x=0,
            xanchor="left",
            y=dom["cost"][1][1],
            yanchor="bottom",
            font=dict(size=theme.font - 1),
            traceorder="normal",
        ),
    )
    return layout


def _subplot_title(text, x_dom, y_top, theme):
    return dict(
        text=f"<b>{text}</b>",
        x=(x_dom[0] + x_dom[1]) / 2,
        xanchor="center",
        xref="paper",
        y=y_top,
        yanchor="bottom",
        yref="paper",
        yshift=6,
        showarrow=False,
        font=dict(size=theme.font + 1, color="#111111"),
    )
