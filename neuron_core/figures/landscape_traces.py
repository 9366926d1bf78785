"""The landscape figure's traces, bottom to top: the map of J (a contour or a surface), the
whole path, the path so far and the current point (the two that move), the start and the
scikit-learn optimum; on the 2-D map, last, an invisible grid of points a click selects
(`PICK`: plotly reports clicks on points only, so a click anywhere on the map selects the
nearest one and the page starts the descent there). 2-D traces are ``scatter``; with
``surface`` they are ``scatter3d``.
"""

from __future__ import annotations

import numpy as np

from ..landscape import LandscapeView, level_to_cost
from ..number_format import number
from .animation import compact
from .style import CLASS_COLORS, FAINT, INK, VERMILLION, Theme

# The moving traces' names: frames replace the traces so named.
PATH_SO_FAR, NOW = "path so far", "now"
PATH_COLOR, OPT_COLOR = INK, VERMILLION
PICK = "pick a start"  # the invisible grid a click on the 2-D map selects
PICK_EVERY = 2  # its points: every other point of the map's grid (30 × 30 at the default)
# A click selects a point, and plotly then fades every other point of the figure until the
# page redraws: the visible traces keep their look.
_KEEP_LOOK = dict(unselected=dict(marker=dict(opacity=1)))


def landscape_traces(view: LandscapeView, keep, e, opt, surface, theme: Theme) -> list:
    """Every trace of the figure at epoch ``e`` (``keep``: the path's epochs drawn)."""
    path, now = moving_traces(view, keep, e, surface)
    traces = [
        _surface(view) if surface else _contour(view, theme),
        _whole_path(view, keep, surface),
        path | _path_style(surface, theme),
        now | _now_style(surface, theme),
        _start(view, surface, theme),
        _optimum(view, opt, surface, theme),
    ]
    if surface:
        return traces
    return [traces[0], *(t | _KEEP_LOOK for t in traces[1:]), pick_grid(view)]


def pick_grid(view: LandscapeView, every=PICK_EVERY) -> dict:
    """The invisible points a click on the 2-D map selects: every ``every``-th point of the
    map's grid, each saying J there and that a click starts the descent there."""
    g1, g2 = np.meshgrid(view.w1s[::every], view.w2s[::every])
    return dict(
        type="scatter",
        x=compact(g1.ravel()),
        y=compact(g2.ravel()),
        customdata=np.round(view.J[::every, ::every].ravel(), 5).tolist(),
        mode="markers",
        marker=dict(size=12, color="rgba(0,0,0,0)"),
        selected=dict(marker=dict(opacity=0)),
        unselected=dict(marker=dict(opacity=0)),
        hovertemplate="w₁ = %{x:.2f}<br>w₂ = %{y:.2f}<br>J = %{customdata:.4f}"
        "<br>Click: start here<extra></extra>",
        name=PICK,
        showlegend=False,
    )


def moving_traces(view: LandscapeView, keep, e, surface) -> list:
    """The path up to epoch ``e`` and the point at ``e``: what a frame replaces, in the
    order (`PATH_SO_FAR`, `NOW`)."""
    idx = np.r_[keep[keep < e], e]
    p, z = view.path[idx], view.path_J[idx]
    pz = dict(z=compact(z)) if surface else {}
    return [
        dict(type=_kind(surface), x=compact(p[:, 0]), y=compact(p[:, 1]), **pz),
        dict(
            type=_kind(surface),
            x=[float(view.path[e, 0])],
            y=[float(view.path[e, 1])],
            **({"z": [float(view.path_J[e])]} if surface else {}),
        ),
    ]


def _kind(surface):
    return "scatter3d" if surface else "scatter"


def _ticks(view: LandscapeView, n=6):
    lv = view.level
    vals = np.linspace(float(lv.min()), float(lv.max()), n)
    return vals, [number(c, 3) for c in level_to_cost(vals, view.floor, view.delta)]


def _contour(view: LandscapeView, theme):
    vals, text = _ticks(view)
    return dict(
        type="contour",
        x=view.w1s,
        y=view.w2s,
        z=compact(view.level),
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


def _surface(view: LandscapeView):
    # Cap the walls so a far-flung path does not flatten the valley into a sheet.
    cap = float(np.quantile(view.J, 0.9))
    return dict(
        type="surface",
        x=view.w1s,
        y=view.w2s,
        z=compact(np.minimum(view.J, cap)),
        colorscale="Viridis",
        reversescale=True,
        showscale=False,
        opacity=0.9,
        hovertemplate="w₁ = %{x:.2f}<br>w₂ = %{y:.2f}<br>J = %{z:.4f}<extra></extra>",
        name="J",
        showlegend=False,
    )


def _whole_path(view, keep, surface):
    extra = dict(z=compact(view.path_J[keep])) if surface else {}
    return dict(
        type=_kind(surface),
        x=compact(view.path[keep, 0]),
        y=compact(view.path[keep, 1]),
        **extra,
        mode="lines",
        name="whole path",
        showlegend=False,
        line=dict(color="rgba(255,255,255,0.8)" if not surface else FAINT, width=1.5),
        hoverinfo="skip",
    )


def _path_style(surface, theme):
    return dict(
        mode="lines+markers",
        name=PATH_SO_FAR,
        line=dict(color=PATH_COLOR, width=max(1.5, 0.6 * theme.line)),  # zig-zags stay legible
        marker=dict(size=max(3, theme.marker // 2) if not surface else 3, color=PATH_COLOR),
        hovertemplate="w₁ = %{x:.3f}<br>w₂ = %{y:.3f}<extra>path</extra>",
    )


def _now_style(surface, theme):
    return dict(
        mode="markers",
        name=NOW,
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


def _optimum(view, opt, surface, theme):
    """The scikit-learn optimum as a star; an empty legend-only entry when there is none."""
    finite = bool(opt.finite)
    w = np.asarray(opt.w[:2]) if finite else np.array([np.nan, np.nan])
    extra = {}
    if surface:
        extra = dict(z=[_cost_at_view(view, w)] if finite else [])
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


def _cost_at_view(view, w12):
    # J on the drawn slice (b, w[2:] fixed) at the optimum's (w₁, w₂), for its 3-D height.
    i = int(np.abs(view.w2s - w12[1]).argmin())
    j = int(np.abs(view.w1s - w12[0]).argmin())
    return float(view.J[i, j])
