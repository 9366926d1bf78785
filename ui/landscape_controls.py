"""The Cost landscape page's choices: α (the sidebar's, or one of the data's presets), and
the start a click on the map picks."""

from __future__ import annotations

import streamlit as st

from neuron_core.controls import BY_KEY
from neuron_core.learning_rates import Presets
from neuron_core.number_format import setting
from neuron_core.start import start_at_weights
from ui.stage import alpha_button
from ui.start import choose_start, zero_again_button

CHART = "landscape_chart"
_PICKS = "_landscape_picks"  # starts picked on the map so far: each redraws a fresh chart
CLICK_HELP = (
    "**Click the map to start the descent there**: w₁ and w₂ where you click, the other "
    "weights and b as the run starts now. The path redraws from there, and the link keeps it."
)
SURFACE_HELP = (
    "To pick a start with a click, switch off **3-D surface**: the flat map takes clicks."
)


def map_alpha(sidebar_alpha: float, p: Presets) -> float:
    """Draw the learning-rate choice for the map and return the chosen α.

    The choice is a preset's kind (stable, so a shared link can name it), shown with its α;
    a kind this data has no preset for falls back to the sidebar's α.
    """
    alphas = {"sidebar": sidebar_alpha} | {k: a for k, a in p.alphas.items() if a is not None}
    labels = {k: f"{k.capitalize()} ({setting(a)})" for k, a in alphas.items()}
    labels["sidebar"] = f"Sidebar α = {setting(sidebar_alpha)}"
    if st.session_state.get("landscape_alpha") not in alphas:  # first visit, or not on this data
        st.session_state.landscape_alpha = "sidebar"
    c = BY_KEY["landscape_alpha"]  # the options this data has, not every preset kind
    pick = st.segmented_control(
        c.label, list(alphas), format_func=labels.get, key=c.key, help=c.help
    )
    alpha = alphas.get(pick or "sidebar", sidebar_alpha)
    if pick not in (None, "sidebar"):  # (drawn on the click's own rerun too, to go)
        alpha_button(st, alpha, "landscape_alpha_open", go=True)
    return alpha


def chart_key() -> str:
    """The map's element key: a fresh one after each pick, so no selection is left on the
    new map (plotly keeps a clicked point selected, and fades the rest, until it is
    cleared)."""
    picks = st.session_state.get(_PICKS, 0)
    return CHART if not picks else f"{CHART}_{picks}"


def pick_start(run, surface: bool) -> dict:
    """What the map's `st.plotly_chart` needs so a click picks the start (2-D only: a 3-D
    surface takes no clicks here), after saying how, with a way back to zero."""
    st.caption(SURFACE_HELP if surface else CLICK_HELP)
    if st.session_state.get("init") == "chosen":
        zero_again_button(st, "landscape_zero")
    if surface:
        return {}
    key = chart_key()

    def picked():
        event = st.session_state.get(key)
        points = (event or {}).get("selection", {}).get("points", [])
        for p in points[:1]:
            start = start_at_weights(
                st.session_state.get("start", ()),
                run.prepared.features,
                run.w0,
                run.b0,
                p.get("x"),
                p.get("y"),
            )
            if start is not None:
                choose_start(start)
                st.session_state[_PICKS] = st.session_state.get(_PICKS, 0) + 1

    return dict(key=key, on_select=picked, selection_mode="points")
