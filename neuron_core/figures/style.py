"""One look for every figure: colour-blind-safe colours, two shapes, projector-size text."""

from __future__ import annotations

from dataclasses import dataclass

# Okabe–Ito blue and vermillion: distinguishable with every common colour-vision deficiency.
CLASS_COLORS = ("#0072B2", "#D55E00")
# Shapes as well as colours, so the classes survive a greyscale projector.
CLASS_SYMBOLS = ("circle", "square")
CLASS_SYMBOLS_3D = ("circle", "square")
# ŷ from 0 to 1: pale blue → white at 0.5 → pale orange, light enough for markers on top.
PROB_COLORSCALE = [[0.0, "#8fc3e6"], [0.5, "#f7f7f7"], [1.0, "#f5b88f"]]
BOUNDARY_COLOR = "#111111"
TRAIN_COLOR, TEST_COLOR = "#222222", "#009E73"
FONT_FAMILY = "Source Sans Pro, Arial, sans-serif"


@dataclass(frozen=True)
class Theme:
    """Sizes for normal and presenter mode (bigger everything, for the back of the room)."""

    font: int = 16
    title: int = 20
    marker: int = 9
    line: float = 3.0
    presenter: bool = False

    @classmethod
    def presenting(cls) -> Theme:
        return cls(font=20, title=24, marker=13, line=5.0, presenter=True)


def _axis_defaults(theme: Theme) -> dict:
    return dict(
        tickfont=dict(size=theme.font - 2, color="#111111"),
        title_font=dict(size=theme.font, color="#111111"),
        linecolor="#444444",
        gridcolor="#e3e3e3",
    )


def base_layout(theme: Theme, **extra) -> dict:
    """Layout shared by every figure."""
    layout = dict(
        font=dict(family=FONT_FAMILY, size=theme.font, color="#111111"),
        paper_bgcolor="white",
        plot_bgcolor="white",
        # Presenter type wraps the legend into more rows: leave room above the plots.
        margin=dict(l=60, r=20, t=215 if theme.presenter else 150, b=50),
        hoverlabel=dict(font_size=theme.font),
        legend=dict(orientation="h", yanchor="bottom", y=1.05, x=0, font_size=theme.font),
        # Defaults for every 2-D axis: near-black ticks, a size readable on a projector.
        template=dict(
            layout=dict(
                xaxis=_axis_defaults(theme),
                yaxis=_axis_defaults(theme),
            )
        ),
    )
    layout.update(extra)
    return layout


def class_label(classes, k) -> str:
    """How class k is named in legends: 'class 1 (dog)' when the file had its own names."""
    original = classes[k]
    return f"class {k}" if str(original) == str(k) else f"class {k} ({original})"


def add_optimum_line(fig, cost: float, last_epoch: int) -> None:
    """A dotted horizontal line at the best cost J*, across epochs 0..last_epoch."""
    fig.add_scatter(
        x=[0, max(1, last_epoch)],
        y=[cost] * 2,
        mode="lines",
        name=f"optimum J* = {cost:.4f}",
        line=dict(color="#555555", width=2, dash="dot"),
        hoverinfo="skip",
    )
