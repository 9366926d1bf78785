"""The α inputs of the Learning rates page: one per preset the data has, filled from the
presets whenever the data changes (the learner's edits last until then), a shared link's
own values winning on arrival.
"""

from __future__ import annotations

import streamlit as st

from neuron_core.controls import BY_KEY, CONTROLS
from neuron_core.learning_rates import Presets
from neuron_core.number_format import number
from ui.links import page_default
from ui.stage import alpha_button

# The page's α inputs, in the controls table's order (its link carries them as a1…a4).
KEYS = tuple(c.key for c in CONTROLS if c.part == "learning_rates" and c.kind == "number")


def _fill(slots) -> None:
    for key, (_, a) in zip(KEYS, slots, strict=False):
        st.session_state[key] = a


def preset_slots(p: Presets) -> list[tuple[str, float]]:
    """(kind, α) for each preset this data has; on new data the inputs take those values."""
    slots = [(kind, a) for kind, a in p.alphas.items() if a is not None]
    if st.session_state.get("_lr_for") != p.alphas:
        st.session_state._lr_for = p.alphas
        for key, (_, a) in zip(KEYS, slots, strict=False):
            st.session_state[key] = page_default(key, a)
        for key in KEYS[len(slots) :]:
            st.session_state.pop(key, None)
    return slots


def alpha_inputs(p: Presets, slots, sidebar_alpha: float) -> list[float]:
    """One input per preset, the reset button and a word on any preset the data lacks;
    returns the α values to compare (the sidebar's α appended when it is not among them)."""
    cols = st.columns(len(slots))
    for col, key, (kind, _) in zip(cols, KEYS, slots, strict=False):
        lo, hi, _ = BY_KEY[key].span
        col.number_input(
            f"α {kind}",
            min_value=lo,
            max_value=hi,
            format="%g",
            key=key,
            help="Type any positive step size.",
        )
        alpha_button(col, st.session_state[key], f"{key}_open", go=True)
    st.button("Reset to the presets", on_click=_fill, args=(slots,), key="lr_reset")
    if p.alphas["too large"] is None or p.alphas["diverging"] is None:
        missing = [k for k in ("too large", "diverging") if p.alphas[k] is None]
        st.caption(
            f"On this data no α up to {number(p.limit, 2)} (the search stops at "
            f"{number(2**14, 5)}/L or the largest α the Playground offers) was "
            f"{' or '.join(missing)}"
            + (
                ": without L2 the weights grow at most linearly, so the numbers never overflow."
                if p.alphas["diverging"] is None
                else "."
            )
        )
    alphas = [float(st.session_state[k]) for k in KEYS[: len(slots)]]
    if sidebar_alpha not in alphas:
        alphas.append(sidebar_alpha)
    return alphas
