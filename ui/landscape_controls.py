"""The Cost landscape page's choice of α: the sidebar's, or one of the data's presets."""

from __future__ import annotations

import streamlit as st

from neuron_core.controls import BY_KEY
from neuron_core.learning_rates import Presets
from neuron_core.number_format import setting
from ui.stage import alpha_button


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
