"""The cost landscape J(w₁, w₂) with the run's gradient-descent path walking across it.

The map is a slice of J: b (and any weights beyond the first two) held at the optimum's
values (the run's final values when there is no finite optimum), so the star sits at the
bottom of the valley drawn. Contour levels are log-spaced in J − J_low (J_low: the lowest
J on the grid) so the narrow floor of the valley gets as many lines as its walls. The path
moves with Play / the epoch slider, in the browser. What is drawn (the grid, the slice,
the path) is computed first, in `landscape_view`; the traces are built in
`landscape_traces`.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..experiment import Run
from ..landscape import LandscapeView, path_indices, weight_label
from ..number_format import number
from .animation import animated_figure
from .landscape_traces import NOW, OPT_COLOR, PATH_SO_FAR, landscape_traces, moving_traces
from .style import INK, Theme, axis, base_layout, data_arrow


def landscape_figure(
    run: Run,
    view: LandscapeView,
    frames,
    *,
    surface=False,
    theme: Theme | None = None,
    height=None,
    frame_ms=90,
) -> go.Figure:
    """Contour map (or 3-D surface) of J with the animated gradient-descent path.

    Parameters
    ----------
    run : Run
    view : LandscapeView
        From `landscape_view(run)`.
    frames : sequence of int
        Epochs to animate, increasing, last = the run's last epoch.
    surface : bool
        A 3-D surface instead of the contour map.

    Returns
    -------
    go.Figure
        Traces as `landscape_traces` lists them; frame ``str(e)`` replaces the traces named
        `PATH_SO_FAR` and `NOW` with the path up to epoch e.
    """
    theme = theme or Theme()
    height = height or (780 if theme.presenter else 680)
    frames = [int(e) for e in frames]
    keep = path_indices(len(run.history.cost))
    return animated_figure(
        landscape_traces(view, keep, frames[-1], run.optimum, surface, theme),
        _layout(run, view, surface, theme, height),
        height,
        frames,
        lambda e: moving_traces(view, keep, e, surface),
        (PATH_SO_FAR, NOW),
        lambda e: _title(run, e, theme, height),
        frame_ms=frame_ms,
        font=theme.font,
        pad=40 + 2 * theme.font,
    )


def _title(run: Run, e, theme, height) -> dict:
    h = run.history
    text = (  # two short lines, so a phone shows all of it
        f"Epoch {e} of {h.epochs} · J = {number(h.cost[e])}<br>"
        f"w₁ = {number(h.w[e, 0], 3)}, w₂ = {number(h.w[e, 1], 3)}, b = {number(h.b[e], 3)}"
    )
    size = theme.title - 2
    # plotly anchors a two-line title by its first line: put that line near the top.
    return dict(
        text=text,
        x=0.01,
        xanchor="left",
        y=1.0 - (1.3 * size + 8) / height,
        yanchor="bottom",
        yref="container",
        font=dict(size=size, color=INK),
    )


def _arrow_to_infinity(view: LandscapeView, opt, theme):
    """No finite optimum: an arrow from the path's end out along the solver's direction."""
    d = np.asarray(opt.w[:2], dtype=float)
    if not np.all(np.isfinite(d)) or np.linalg.norm(d) == 0:
        return []
    d = d / np.linalg.norm(d)
    end = view.path[-1]
    x0, x1, y0, y1 = view.w1s[0], view.w1s[-1], view.w2s[0], view.w2s[-1]
    # Walk from the path's end to the box edge along d (stay inside by 4 %).
    ts = []
    for lo, hi, p, v in ((x0, x1, end[0], d[0]), (y0, y1, end[1], d[1])):
        if v > 0:
            ts.append((hi - p) / v)
        elif v < 0:
            ts.append((lo - p) / v)
    t = 0.96 * max(0.0, min(ts)) if ts else 0.0
    if t <= 0:
        return []
    head = end + t * d
    return [
        data_arrow(end, head, color=OPT_COLOR, width=3, head_style=3, head_size=1.4),
        dict(
            x=float(head[0]),
            y=float(head[1]),
            xref="x",
            yref="y",
            text="<b>→ ∞ (no finite optimum)</b>",
            showarrow=False,
            xanchor="right" if d[0] > 0 else "left",
            yanchor="bottom",
            font=dict(size=theme.font, color=OPT_COLOR),
            bgcolor="rgba(255,255,255,0.85)",
        ),
    ]


def _layout(run: Run, view: LandscapeView, surface, theme: Theme, height) -> dict:
    layout = base_layout(theme)
    layout.update(
        title=_title(run, run.history.epochs, theme, height),
        margin=dict(l=60, r=20, t=6 * theme.title + 10, b=40 + 6 * theme.font),
        uirevision="landscape",
        legend=dict(
            orientation="h",
            x=0,
            xanchor="left",
            y=1.0 - (2.9 * theme.title + 8) / height,
            yref="container",
            yanchor="top",
            font=dict(size=theme.font - 1),
        ),
    )
    if surface:
        layout["scene"] = _scene(view, theme)
        return layout
    plane = dict(zeroline=True, zerolinecolor="rgba(255,255,255,0.6)", automargin=True)
    x_title, y_title = weight_label(view.names[0], 1), weight_label(view.names[1], 2)
    layout.update(
        xaxis=axis(theme, x_title, range=[view.w1s[0], view.w1s[-1]], **plane),
        yaxis=axis(theme, y_title, range=[view.w2s[0], view.w2s[-1]], **plane),
        annotations=[] if run.optimum.finite else _arrow_to_infinity(view, run.optimum, theme),
    )
    return layout


def _scene(view: LandscapeView, theme: Theme) -> dict:
    """The 3-D axes: w₁, w₂ over the map's box, J up; a camera looking down the valley."""
    small = theme.font - 3
    return dict(
        xaxis=axis(theme, "w₁", tick_size=small, range=[view.w1s[0], view.w1s[-1]]),
        yaxis=axis(theme, "w₂", tick_size=small, range=[view.w2s[0], view.w2s[-1]]),
        zaxis=axis(theme, "J", tick_size=small),
        camera=dict(eye=dict(x=1.15, y=-1.15, z=0.75)),
        aspectmode="manual",
        aspectratio=dict(x=1, y=1, z=0.7),
    )
