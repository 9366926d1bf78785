"""The cost landscape J(w₁, w₂) with the run's gradient-descent path walking across it.

The map is a slice of J: b (and any weights beyond the first two) held at the run's final
values, so the valley drawn is the one the run ends in. Contour levels are log-spaced in
J − J_low (J_low: the lowest J on the grid) so the narrow floor of the valley gets as many
lines as its walls. The path moves with Play / the epoch slider, in the browser. What is
drawn (the grid, the slice, the path) is computed first, in `landscape_view`.
"""

from __future__ import annotations

import numpy as np

from ..experiment import Run
from ..landscape import LandscapeView, level_to_cost, path_indices, weight_label
from ..numbers import number
from .animation import AnimatedFigure, animated_figure, typed_array
from .style import CLASS_COLORS, Theme, base_layout

PATH_SO_FAR, NOW = 2, 3  # the moving traces, in both the 2-D and the 3-D figure
PATH_COLOR, OPT_COLOR = "#111111", "#D55E00"


def landscape_figure(
    run: Run,
    view: LandscapeView,
    frames,
    *,
    surface=False,
    theme: Theme | None = None,
    height=None,
    frame_ms=90,
) -> AnimatedFigure:
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
    """
    theme = theme or Theme()
    height = height or (780 if theme.presenter else 680)
    h = run.history
    frames = [int(e) for e in frames]
    keep = path_indices(len(h.cost))
    opt = run.optimum

    def moving(e):
        idx = np.r_[keep[keep < e], e]
        p, z = view.path[idx], view.path_J[idx]
        pz = dict(z=typed_array(z)) if surface else {}
        return [
            dict(type=_kind(surface), x=typed_array(p[:, 0]), y=typed_array(p[:, 1]), **pz),
            dict(
                type=_kind(surface),
                x=[float(view.path[e, 0])],
                y=[float(view.path[e, 1])],
                **({"z": [float(view.path_J[e])]} if surface else {}),
            ),
        ]

    now = moving(frames[-1])
    data = [
        _surface(view, theme) if surface else _contour(view, theme),
        _whole_path(view, keep, surface, theme),
        now[0] | _path_style(surface, theme),
        now[1] | _now_style(surface, theme),
        _start(view, surface, theme),
        _optimum(view, opt, run.l2, surface, theme),
    ]
    layout = _layout(run, view, surface, theme, height)
    return animated_figure(
        data,
        layout,
        height,
        frames,
        moving,
        [PATH_SO_FAR, NOW],
        lambda e: _title(run, e, theme, height),
        frame_ms=frame_ms,
        font=theme.font,
        pad=40 + 2 * theme.font,
    )


def _kind(surface):
    return "scatter3d" if surface else "scatter"


def _ticks(view: LandscapeView, n=6):
    lv = view.level
    vals = np.linspace(float(lv.min()), float(lv.max()), n)
    return vals, [f"{c:.3g}" for c in level_to_cost(vals, view.floor, view.delta)]


def _contour(view: LandscapeView, theme):
    vals, text = _ticks(view)
    return dict(
        type="contour",
        x=view.w1s,
        y=view.w2s,
        z=typed_array(view.level),
        customdata=np.round(view.J, 5).tolist(),
        ncontours=22,
        colorscale="Viridis",
        reversescale=True,
        contours=dict(coloring="fill", showlines=True),
        line=dict(width=0.6, color="rgba(255,255,255,0.55)"),
        colorbar=dict(
            title=dict(text="J", font=dict(size=theme.font)),
            tickvals=vals,
            ticktext=text,
            tickfont=dict(size=theme.font - 2),
            thickness=14,
            len=0.85,
        ),
        hovertemplate="w₁ = %{x:.2f}<br>w₂ = %{y:.2f}<br>J = %{customdata:.4f}<extra></extra>",
        name="J",
        showlegend=False,
    )


def _surface(view: LandscapeView, theme):
    # Cap the walls so a far-flung path does not flatten the valley into a sheet.
    cap = float(np.quantile(view.J, 0.9))
    return dict(
        type="surface",
        x=view.w1s,
        y=view.w2s,
        z=typed_array(np.minimum(view.J, cap)),
        colorscale="Viridis",
        reversescale=True,
        showscale=False,
        opacity=0.9,
        hovertemplate="w₁ = %{x:.2f}<br>w₂ = %{y:.2f}<br>J = %{z:.4f}<extra></extra>",
        name="J",
        showlegend=False,
    )


def _whole_path(view, keep, surface, theme):
    extra = dict(z=typed_array(view.path_J[keep])) if surface else {}
    return dict(
        type=_kind(surface),
        x=typed_array(view.path[keep, 0]),
        y=typed_array(view.path[keep, 1]),
        **extra,
        mode="lines",
        name="whole path",
        showlegend=False,
        line=dict(color="rgba(255,255,255,0.8)" if not surface else "#888888", width=1.5),
        hoverinfo="skip",
    )


def _path_style(surface, theme):
    return dict(
        mode="lines+markers",
        name="path so far",
        line=dict(color=PATH_COLOR, width=max(1.5, 0.6 * theme.line)),  # zig-zags stay legible
        marker=dict(size=max(3, theme.marker // 2) if not surface else 3, color=PATH_COLOR),
        hovertemplate="w₁ = %{x:.3f}<br>w₂ = %{y:.3f}<extra>path</extra>",
    )


def _now_style(surface, theme):
    return dict(
        mode="markers",
        name="now",
        marker=dict(
            size=theme.marker + (2 if surface else 7),
            color=CLASS_COLORS[0],
            line=dict(color="white", width=2),
        ),
        hovertemplate="now: w₁ = %{x:.3f}, w₂ = %{y:.3f}<extra></extra>",
    )


def _start(view, surface, theme):
    extra = dict(z=[float(view.path_J[0])]) if surface else {}
    return dict(
        type=_kind(surface),
        x=[float(view.path[0, 0])],
        y=[float(view.path[0, 1])],
        **extra,
        mode="markers",
        name="start",
        marker=dict(
            size=theme.marker + (1 if surface else 5),
            color="white" if surface else PATH_COLOR,
            symbol="circle" if surface else "circle-open",  # open symbols take marker.color
            line=dict(color=PATH_COLOR, width=3),
        ),
        hovertemplate="start<extra></extra>",
    )


def _optimum(view, opt, l2, surface, theme):
    """The scikit-learn optimum as a star; an empty legend-only entry when there is none."""
    finite = bool(opt.finite)
    w = np.asarray(opt.w[:2]) if finite else np.array([np.nan, np.nan])
    extra = {}
    if surface:
        z = _cost_at_view(view, w, l2) if finite else None
        extra = dict(z=[z] if finite else [])
    return dict(
        type=_kind(surface),
        x=[float(w[0])] if finite else [],
        y=[float(w[1])] if finite else [],
        **extra,
        mode="markers",
        name="optimum (scikit-learn)" if finite else "optimum: at infinity",
        marker=dict(
            size=theme.marker + (3 if surface else 11),
            color=OPT_COLOR,
            symbol="diamond" if surface else "star",
            line=dict(color="white", width=1.5),
        ),
        hovertemplate="scikit-learn optimum<br>w₁ = %{x:.3f}<br>w₂ = %{y:.3f}<extra></extra>",
        showlegend=finite,
    )


def _cost_at_view(view, w12, l2):
    # J on the drawn slice (b, w[2:] fixed) at the optimum's (w₁, w₂), for its 3-D height.
    J = view.J
    i = int(np.abs(view.w2s - w12[1]).argmin())
    j = int(np.abs(view.w1s - w12[0]).argmin())
    return float(J[i, j])


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
        font=dict(size=size, color="#111111"),
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
        dict(
            x=float(head[0]),
            y=float(head[1]),
            ax=float(end[0]),
            ay=float(end[1]),
            xref="x",
            yref="y",
            axref="x",
            ayref="y",
            showarrow=True,
            arrowhead=3,
            arrowsize=1.4,
            arrowwidth=3,
            arrowcolor=OPT_COLOR,
            text="",
        ),
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
    black = "#111111"

    def titled(text):
        return dict(text=text, font=dict(size=theme.font, color=black))

    x_title = weight_label(view.names[0], 1)
    y_title = weight_label(view.names[1], 2)
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
        axis = dict(tickfont=dict(size=theme.font - 3, color=black))
        layout["scene"] = dict(
            xaxis=dict(title=titled("w₁"), range=[view.w1s[0], view.w1s[-1]], **axis),
            yaxis=dict(title=titled("w₂"), range=[view.w2s[0], view.w2s[-1]], **axis),
            zaxis=dict(title=titled("J"), **axis),
            camera=dict(eye=dict(x=1.15, y=-1.15, z=0.75)),
            aspectmode="manual",
            aspectratio=dict(x=1, y=1, z=0.7),
        )
        return layout
    axis = dict(
        zeroline=True,
        zerolinecolor="rgba(255,255,255,0.6)",
        automargin=True,
        tickfont=dict(size=theme.font - 2, color=black),
    )
    layout.update(
        xaxis=axis | dict(title=titled(x_title), range=[view.w1s[0], view.w1s[-1]]),
        yaxis=axis | dict(title=titled(y_title), range=[view.w2s[0], view.w2s[-1]]),
        annotations=[] if run.optimum.finite else _arrow_to_infinity(view, run.optimum, theme),
    )
    return layout
