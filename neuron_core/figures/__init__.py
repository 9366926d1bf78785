"""What the browser draws, as pure functions of core results: plotly figure builders
(`go.Figure`) and the Playground's live view (`live_view`: its payload, JS and CSS).

Imported only by code that draws; `import neuron_core` does not load this package.
"""

from .style import CLASS_COLORS, CLASS_SYMBOLS, PROB_COLORSCALE, Theme

__all__ = ["CLASS_COLORS", "CLASS_SYMBOLS", "PROB_COLORSCALE", "Theme"]
