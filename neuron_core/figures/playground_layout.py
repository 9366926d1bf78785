"""Layout of the Playground figure: where each view sits, the headline, the axes.

Plain dicts (see `playground`). Side by side: map and surface on top, cost below; stacked
(phones, "One view per row"): one view under the other, each full width.
"""

from __future__ import annotations

import numpy as np

from ..experiment import Run
from .style import Theme, base_layout

TITLES = ("Decision boundary ŷ = 0.5", "Output surface ŷ = σ(z)")


def frame_title(run: Run, e, theme: Theme, height, stacked=False) -> dict:
    """The headline over the views; two short lines so it fits a phone too."""
    h = run.history
    text = f"Epoch {e} of {h.epochs} · cost J = {h.cost[e]:.4f}"
    text += f"<br>train accuracy {h.accuracy[e]:.0%}"
    if h.test_accuracy is not None:
        text += f" · test accuracy {h.test_accuracy[e]:.0%}"
    # The whole title in every frame: an animation frame's layout replaces, not merges.
    # plotly anchors a two-line title by its first line: put that line near the top.
    size = title_size(theme, stacked)
    return dict(
        text=f"<b>{text}</b>",  # bold in every frame (Streamlit bolds only the first)
        x=0.01,
        xanchor="left",
        y=1.0 - (1.3 * size + 8 + head_room(stacked)) / height,
        yanchor="bottom",
        yref="container",
        font=dict(size=size, color="#111111"),
    )


def title_size(theme: Theme, stacked) -> int:
    """Font size of the headline: a little smaller on a phone."""
    return theme.font + 1 if stacked else theme.title


def head_room(stacked) -> int:
    # A phone shows Plotly's tool bar all the time, over the top-right corner: start lower.
    return 34 if stacked else 0


def view_domains(stacked):
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


def figure_layout(run: Run, shown, theme: Theme, bounds, stacked, height) -> dict:
    """The whole layout: axes of the map and the cost, the 3-D scene, legends, headline."""
    h, data = run.history, run.prepared.data
    dom = view_domains(stacked)
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
    top = (215 if stacked else 150) + (50 if theme.presenter else 0) + head_room(stacked)
    layout.update(
        title=frame_title(run, shown, theme, height, stacked),
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
            subplot_title(TITLES[0], dom["map"][0], dom["map_title"], theme),
            subplot_title(TITLES[1], dom["scene"][0], dom["scene"][1][1], theme),
        ],
        # Two legends that wrap to the width (one row on a laptop, a few on a phone): the
        # data's under the title, the cost's just above the cost plot, where it names the
        # curves without covering them.
        legend=dict(
            orientation="h",
            x=0,
            xanchor="left",
            y=1.0 - (2.7 * title_size(theme, stacked) + 16 + head_room(stacked)) / height,
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


def subplot_title(text, x_dom, y_top, theme):
    """A view's title as an annotation above its domain."""
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
