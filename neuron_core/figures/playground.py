"""The Playground figure: decision boundary, sigmoid surface and cost, one Play for all.

Three views in one figure so a single Play button and a single epoch slider drive them in
sync, entirely in the browser (Plotly frames). The traces and layout are written as plain
dicts: plotly's graph-object validation of a figure this size costs a few tenths of a
second per rerun, and every value here comes from already-checked arrays. Grids go out as
float32 typed arrays to keep the page light. The traces are built in `playground_traces`,
the layout in `playground_layout`.
"""

from __future__ import annotations

from ..experiment import Run
from ..features import is_linear
from ..grids import boundary_segment, data_bounds, make_grid, probability_frames
from .animation import AnimatedFigure, animated_figure, typed_array
from .playground_layout import figure_layout, frame_title
from .playground_traces import (
    boundary_line,
    cost_curves,
    data_points,
    probability_map,
    surface_points,
    surface_trace,
    test_key,
)
from .style import Theme

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
        probability_map(now[0], heat, theme, linear, stacked),
        *data_points(prep, theme),
        boundary_line(now[1], theme, linear),
        surface_trace(now[2], surf),
        *surface_points(prep, theme),
        *cost_curves(run, now[3], now[4], theme),
        test_key(prep, theme),  # last, so the trace numbers above stay fixed
    ]
    height = height or (1400 if stacked else 960)
    layout = figure_layout(run, shown, theme, bounds, stacked, height)
    # The slider starts at the shown epoch, or the last sampled one before it.
    active = max(i for i, e in enumerate(frames) if e <= shown) if shown >= frames[0] else 0
    return animated_figure(
        data,
        layout,
        height,
        frames,
        moving,
        MOVING,
        lambda e: frame_title(run, e, theme, height, stacked),
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
