"""How every page hands a Plotly figure to Streamlit: one chart configuration.

On a phone Plotly's mode bar (zoom, pan, download) sits on top of the figure's title and
legend and is hard to hit with a finger; it is left out there (pinch and drag still work).
"""

from __future__ import annotations

import streamlit as st


def on_phone() -> bool:
    """Whether the browser says it is a phone (its User-Agent names a mobile device)."""
    return "Mobi" in (st.context.headers.get("User-Agent") or "")


def chart_config() -> dict:
    """The ``config`` for `st.plotly_chart`: no Plotly logo; no mode bar on a phone."""
    return {"displaylogo": False, "displayModeBar": not on_phone()}
