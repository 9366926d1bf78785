"""Plotly figure builders: pure functions from core results to `go.Figure`.

Imported only by code that draws; `import neuron_core` does not load this package.
"""

from .playground import playground_figure
from .style import CLASS_COLORS, CLASS_SYMBOLS, PROB_COLORSCALE, Theme

__all__ = ["CLASS_COLORS", "CLASS_SYMBOLS", "PROB_COLORSCALE", "Theme", "playground_figure"]
