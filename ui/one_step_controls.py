"""The controls of the One step page and where its hand-stepping stands.

The example and the starting epoch are widgets; the weights after "Take the step again" live
in session state as plain numbers (``one_step_state``), restarted whenever the run or the
starting epoch changes. Every key of the page starts with `K`.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

import neuron_core as nc
from neuron_core.controls import BY_KEY, Settings
from neuron_core.one_step import worst_example
from ui.controls import data_key
from ui.links import page_default

K = "one_step_"  # prefix of this page's session keys
START = 5  # default starting epoch: a line exists, still rough, so one example visibly tugs it


def picked() -> None:
    """Plot click: the clicked training point becomes the example."""
    ss = st.session_state
    for p in ss[K + "chart"].selection.get("points", []):
        cd = p.get("customdata")
        if cd is not None:
            ss[K + "example"] = int(cd[0] if isinstance(cd, list) else cd)
            return


def _advance(w, b) -> None:
    state = st.session_state[K + "state"]
    st.session_state[K + "state"] = dict(state, w=list(w), b=float(b), steps=state["steps"] + 1)


def _reset() -> None:
    st.session_state.pop(K + "state", None)


def starting_point(s: Settings, h: nc.History, F, Y) -> None:
    """Set the example and the epoch on new data: a shared link's, where this data has them,
    else epoch `START` and the example the neuron gets most wrong there."""
    ss, m = st.session_state, len(Y)
    # The example index names a training row: keep it while the rows stay the same.
    rows_key = repr((s.source, s.dataset, s.points, s.noise, s.seed, s.test, m, data_key(s)))
    if ss.get(K + "rows") != rows_key or not 0 <= ss.get(K + "example", m) < m:
        ss[K + "rows"] = rows_key
        ss[K + "epoch"] = min(int(page_default(K + "epoch", min(START, h.epochs))), h.epochs)
        worst = worst_example(h.w[ss[K + "epoch"]], h.b[ss[K + "epoch"]], F, Y)
        linked = int(page_default(K + "example", worst))
        ss[K + "example"] = linked if 0 <= linked < m else worst
        if linked >= m:  # a link made on larger data: say which example is shown instead
            st.info(
                f"The link asked for training example #{linked}, but this data has {m} "
                f"(#0 to #{m - 1}); showing #{worst}, the one the neuron gets most wrong.",
                icon=":material/link:",
            )
    ss[K + "epoch"] = min(int(ss.get(K + "epoch", START)), h.epochs)


def step_controls(h: nc.History, m: int) -> tuple[int, int, bool]:
    """The example, the starting epoch and the batch switch, in one row: (i, epoch, batch)."""
    c1, c2, c3 = st.columns([1, 2, 1.3], vertical_alignment="bottom")
    i = int(
        c1.number_input(
            BY_KEY[K + "example"].label,
            0,
            m - 1,
            key=K + "example",
            help=f"Any of the {m} training examples; or click a point on the plot.",
        )
    )
    epoch = 0
    if h.epochs > 0:
        epoch = c2.slider(
            BY_KEY[K + "epoch"].label, 0, h.epochs, key=K + "epoch", help=BY_KEY[K + "epoch"].help
        )
    batch = c3.toggle(
        f"Average over all m = {m} (batch)",  # the table's label, with this data's m
        key=K + "batch",
        help=BY_KEY[K + "batch"].help,
    )
    return i, epoch, batch


def hand_weights(s: Settings, h: nc.History, epoch: int) -> tuple[np.ndarray, float, int]:
    """(w, b, steps taken by hand): the run's weights after ``epoch``, then the hand steps."""
    origin = repr((s, epoch, data_key(s)))
    state = st.session_state.get(K + "state")
    if state is None or state["origin"] != origin:
        state = dict(origin=origin, w=h.w[epoch].tolist(), b=float(h.b[epoch]), steps=0)
        st.session_state[K + "state"] = state
    return np.array(state["w"]), float(state["b"]), state["steps"]


def step_buttons(step, epoch: int, taken: int, finite: bool) -> None:
    """'Take the step again', 'Reset' and where the hand-stepping started, in a row that
    wraps: on a small projector the buttons keep their whole labels."""
    row = st.container(horizontal=True, vertical_alignment="center")
    row.button(
        "Take the step again",
        key=K + "again",
        on_click=_advance,
        args=(step.w_new.tolist(), step.b_new),
        disabled=not finite,
        type="primary",
        help="Start the next step from the updated w and b shown below.",
    )
    row.button(
        "Reset",
        key=K + "reset",
        on_click=_reset,
        help=f"Back to the run's weights after epoch {epoch}.",
    )
    where = f"the run's weights after epoch {epoch}"
    row.caption(
        f"Starting point: {where}"
        + (f", then {taken} step{'s' * (taken != 1)} by hand." if taken else ".")
    )
