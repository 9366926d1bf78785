"""A figure as one standalone HTML file that plays offline (plotly.js inlined)."""

from __future__ import annotations

import html

import plotly.graph_objects as go
import plotly.io as pio


def standalone_html(fig: go.Figure, title: str = "Neuron Playground", description: str = "") -> str:
    """The whole figure, frames and Play button included, as a self-contained HTML page.

    plotly.js is written into the page (about 4.7 MB), so it opens and animates with no
    internet connection: for a classroom whose network is down. ``description`` becomes a
    paragraph above the chart (what it shows, for screen readers too).
    """
    body = pio.to_html(
        fig,
        include_plotlyjs=True,
        full_html=False,
        auto_play=False,
        config={"displaylogo": False, "responsive": True},
        default_width="100%",
        default_height=f"{int(fig.layout.height or 900)}px",
    )
    caption = f"<p>{html.escape(description)}</p>\n" if description else ""
    return (
        "<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>\n"
        f"<title>{html.escape(title)}</title>\n"
        "<style>body{font-family:'Source Sans Pro',Arial,sans-serif;margin:1rem 2rem;"
        "color:#111}h1{font-size:1.6rem;margin:0 0 .3rem}p{margin:.2rem 0 .8rem}</style>\n"
        f"</head>\n<body>\n<h1>{html.escape(title)}</h1>\n{caption}{body}\n</body>\n</html>\n"
    )
