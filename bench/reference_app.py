"""The reference for bench/bench_browser.py: the least a Streamlit page with a Plotly chart costs.

One select-slider in the sidebar (labelled like the Playground's, so the benchmark drives
both the same way) and one 300-point line with 68 frames and a Play button (the Playground's
default frame count and duration), nothing else.
"""

import sys
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from neuron_core.controls import BY_KEY

st.set_page_config(page_title="reference", layout="wide")
alpha = st.sidebar.select_slider(
    BY_KEY["alpha"].label, [0.1, 0.15, 0.2, 0.3, 0.5, 0.7, 1.0], 0.5, key="alpha"
)
x = np.linspace(0.0, 10.0, 300)
frames = [
    go.Frame(data=[go.Scatter(x=x, y=np.sin(alpha * x + k / 10))], name=str(k)) for k in range(68)
]
play = {"frame": {"duration": 80, "redraw": True}, "transition": {"duration": 0}}
fig = go.Figure(go.Scatter(x=x, y=np.sin(alpha * x)), frames=frames)
fig.update_layout(
    title="reference: one 300-point line",
    height=600,
    updatemenus=[
        {
            "type": "buttons",
            "buttons": [{"label": "▶ Play", "method": "animate", "args": [None, play]}],
        }
    ],
)
st.plotly_chart(fig, width="stretch")
