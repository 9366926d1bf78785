"""The chosen start in session state: typed in the sidebar, sent by the live view or a click
on the Cost landscape, and "Start from zero again".

Session state holds it as the ``start`` control holds it (`neuron_core.start`: pairs of
input name and value); ``init`` says whether the run uses it. Every way in goes through
`choose_start`, after `neuron_core.start` has checked the values.
"""

from __future__ import annotations

import contextlib

import streamlit as st

from neuron_core.landscape import weight_label
from neuron_core.start import (
    BIAS,
    START_LIMIT,
    START_RULE,
    canonical,
    show_start,
    start_vector,
    with_values,
)

NOTE = "_start_note"  # why the last start sent could not be used (shown once, then gone)
ZERO_AGAIN = "Start from zero again"


def _key(name: str) -> str:
    return f"start_{name}"


def choose_start(start: tuple) -> None:
    """Train from ``start`` (already checked): "Your start" picked, the values kept."""
    st.session_state["start"] = start
    st.session_state["init"] = "chosen"
    st.session_state.pop(NOTE, None)


def refuse_start(why: str) -> None:
    """Keep the run's start and say why once (`start_line` shows it)."""
    st.session_state[NOTE] = why


def start_from_zero() -> None:
    """Back to w = 0, b = 0 (the typed values stay for "Your start")."""
    st.session_state["init"] = "zeros"
    st.session_state.pop(NOTE, None)


def _typed(features) -> None:
    ss = st.session_state
    w = [ss.get(_key(f)) or 0.0 for f in features]
    # The inputs' bounds keep values in range: a ValueError cannot reach here, but would
    # keep the start as it was.
    with contextlib.suppress(ValueError):
        ss["start"] = with_values(ss.get("start", ()), features, w, ss.get(_key(BIAS)) or 0.0)


def start_controls(container, features) -> None:
    """The typed start, under the "Initial weights" radio when "Your start" is picked: a
    number input per input (labelled "w₁ (on x₁)") and one for b."""
    ss = st.session_state
    if ss.get("init") != "chosen":
        return
    try:
        start = canonical(ss.get("start", ()))
    except (TypeError, ValueError):
        start = ()
    w, b = start_vector(start, features)
    container.caption(START_RULE)
    for k, (name, value) in enumerate([*zip(features, w, strict=True), (BIAS, b)]):
        ss[_key(name)] = float(value)  # the start's value, however it was set
        container.number_input(
            "b (bias)" if name == BIAS else weight_label(name, k + 1),
            min_value=-START_LIMIT,
            max_value=START_LIMIT,
            step=0.1,
            format="%g",
            key=_key(name),
            on_change=_typed,
            args=(tuple(features),),
        )


def zero_again_button(container, key: str) -> None:
    """ "Start from zero again": back to w = 0, b = 0 (wherever a chosen start is shown)."""
    container.button(ZERO_AGAIN, on_click=start_from_zero, key=key, icon=":material/restart_alt:")


def start_line(container, s, features) -> None:
    """One short line where the run starts, when it is a chosen start, with a way back to
    zero; and why a start sent could not be used, once."""
    note = st.session_state.pop(NOTE, None)
    if note:
        container.warning(note, icon=":material/block:")
    if s.init != "chosen":
        return
    row = container.container(horizontal=True, vertical_alignment="center", key="start_line")
    row.caption(f"Gradient descent starts from your start: {show_start(s.start, features)}.")
    zero_again_button(row, "start_zero")
