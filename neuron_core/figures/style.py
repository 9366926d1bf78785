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


def base_layout(theme: Theme, **extra) -> dict:
    """Layout shared by every figure."""
    layout = dict(
        font=dict(family=FONT_FAMILY, size=theme.font, color="#111111"),
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin=dict(l=60, r=20, t=150, b=50),
        hoverlabel=dict(font_size=theme.font),
        legend=dict(orientation="h", yanchor="bottom", y=1.05, x=0, font_size=theme.font),
    )
    layout.update(extra)
    return layout


def class_label(classes, k) -> str:
    """How class k is named in legends: 'class 1 (dog)' when the file had its own names."""
    original = classes[k]
    return f"class {k}" if str(original) == str(k) else f"class {k} ({original})"
