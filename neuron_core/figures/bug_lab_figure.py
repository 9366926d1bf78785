"""Bug lab: the article's printed loop against the corrected one, on the same data."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..experiment import Prepared
from ..number_format import number, percent
from .learning_rates_figure import boundary_panel
from .style import BLUE, VERMILLION, Theme, cost_chart, cost_hover, cost_range

PRINTED_COLOR, CORRECTED_COLOR = VERMILLION, BLUE


def bug_cost_figure(
    printed, corrected, optimum, *, log_epochs=False, theme: Theme | None = None, height=420
):
    """Cost per epoch of the printed loop (no +b, scalar dw) and of the corrected one.

    Parameters
    ----------
    printed : PrintedHistory
    corrected : History
    optimum : Optimum
    """
    theme = theme or Theme()
    fig = go.Figure()
    for h, name, color, dash in (
        (printed, "as printed (no +b, one dw for all)", PRINTED_COLOR, "dash"),
        (corrected, "corrected", CORRECTED_COLOR, "solid"),
    ):
        fig.add_scatter(
            x=np.arange(len(h.cost)),
            y=h.cost,
            mode="lines",
            name=f"{name}: J = {number(h.cost[-1])}",
            line=dict(color=color, dash=dash, width=theme.line),
            customdata=cost_hover(h.cost),
            hovertemplate=f"{name}<br>epoch %{{x}}<br>J = %{{customdata}}<extra></extra>",
        )
    rng = cost_range([printed.cost, corrected.cost])
    return cost_chart(
        fig,
        theme,
        height,
        optimum=optimum,
        last_epoch=max(len(printed.cost), len(corrected.cost)) - 1,
        legend_y=-0.22,
        log_epochs=log_epochs,
        **({} if rng is None else {"range": rng}),
    )


def bug_boundaries(prep: Prepared, printed, corrected, *, theme: Theme | None = None, height=380):
    """Two boundary maps: the printed loop's final σ(w·x) (bias 0) and the corrected σ(w·x + b)."""
    theme = theme or Theme()
    w_p = printed.w[-1]
    left = boundary_panel(
        prep,
        w_p,
        0.0,
        f"As printed: accuracy {percent(printed.accuracy[-1], 0)}",
        theme=theme,
        height=height,
    )
    right = boundary_panel(
        prep,
        corrected.w[-1],
        corrected.b[-1],
        f"Corrected: accuracy {percent(corrected.accuracy[-1], 0)}",
        theme=theme,
        height=height,
    )
    return left, right
