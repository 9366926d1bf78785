"""Mount the Playground's live view (st.components.v2) and read back the epoch it shows.

The view's script (its ES modules joined, its CSS inside) is built by
`neuron_core.figures.live_view`; this module registers it once and mounts it with one
run's payload (built afresh each rerun: about 0.4 ms at the defaults, 2 ms at the maxima, so
no cache is needed).
"""

from __future__ import annotations

import pyarrow as pa
import streamlit as st

import neuron_core as nc
from neuron_core.edits import apply_op
from neuron_core.figures import Theme
from neuron_core.figures.live_view import live_view_payload, script
from neuron_core.messages import MAX_BATCH, unseen
from neuron_core.stage import stage_value
from neuron_core.start import start_from_view, start_problem
from ui.controls import base_size, current_data, current_settings
from ui.edits import current_edits, set_edits, undo_edit
from ui.start import choose_start, refuse_start

KEY = "live_view"
DONE = "_live_view_done"  # the view's last message taken: {"view": name, "seq": n}
# The view's code (and its CSS, which it puts in its own element) travels in an element of
# its own whose bytes never change, so Streamlit sends it once and then only a reference;
# the element that carries each run's data has a stub that hands the data to that code
# (see the end of live_view_js/live_view.mjs): an α change sends the run and these lines.
_code = st.components.v2.component("neuron_playground.live_view_code", js=script())
STUB = """export default function (component) {
  const hub = (globalThis.__neuronLiveView ||= { queue: [] });
  if (hub.mount) return hub.mount(component);
  hub.queue.push(component);
}"""
_component = st.components.v2.component("neuron_playground.live_view", js=STUB)


def live_view(
    run: nc.Run,
    *,
    theme: Theme,
    axis_names,
    feature_labels,
    stage: list | None = None,
    edit: dict | None = None,
) -> int:
    """Draw ``run`` in the live view; return the epoch the numbers below should show.

    The view keeps its own epoch and play state across reruns and reports the epoch back
    when the learner pauses, scrubs or Play reaches the end; the page then redraws its
    equations at that epoch. ``stage`` (`neuron_core.stage.stage_controls`) puts α, epochs,
    λ and the inputs in the view's bar; a change there sets the sidebar's value before the
    rerun it causes (`_control_changed`). ``edit`` (`ui.edits.edit_meta`) lets a click on
    the map place or remove a point, sent back the same way.
    """
    shown = shown_epoch(run.history.epochs)
    payload = live_view_payload(
        run, theme=theme, axis_names=axis_names, feature_labels=feature_labels
    )
    if stage is not None:
        payload["meta"]["stage"] = stage
    if edit is not None:
        payload["meta"]["edit"] = edit
    payload["meta"]["outbox"] = {"done": st.session_state.get(DONE), "batch": MAX_BATCH}
    _component(
        key=KEY,
        data=_as_arrow(payload),
        default={"epoch": None},
        on_epoch_change=_ignore,
        on_control_change=_control_changed,
    )
    return shown


def _control_changed() -> None:
    """Messages from the view (`neuron_core.messages`: each taken once, in order, none lost
    when a newer send replaced an older one): a stage control sets the session-state value
    the sidebar's widget holds (callbacks run before the rerun, so the sidebar draws the new
    value), a click on the map edits the points, "Train from here" sets the start. A message
    that names nothing the view sends, or a value its row lacks, changes nothing."""
    state = st.session_state.get(KEY)
    taken = unseen(state.get("control") if state is not None else None, st.session_state.get(DONE))
    if taken is None:
        return
    ops, st.session_state[DONE] = taken
    for op in ops:
        key, value = op.get("key"), op.get("value")
        if key == "edit":
            _edited(value)
        elif key == "start":
            _started(value)
        elif (picked := stage_value(op)) is not None:
            name, chosen = picked
            st.session_state[name] = list(chosen) if name == "features" else chosen


def _edited(op) -> None:
    """A click on the map (or Undo, Clear): checked by `neuron_core.edits.apply_op` against
    the points shown now, then kept (with the old edits for Undo)."""
    if op == {"op": "undo"}:
        undo_edit()
        return
    s = current_settings()
    new = apply_op(current_edits(s), op, current_data(s), base_size(s))
    if new is not None:
        set_edits(new)


def _started(value) -> None:
    """ "Train from here": ``{"w": [...], "b": ..., "features": [...]}``, w in the order of
    the run's inputs (standardised when standardising), checked by `neuron_core.start`
    before the run starts there ("Your start" picked); a bad one keeps the start and says
    why."""
    features = current_settings().features
    start = start_from_view(value, features, st.session_state.get("start", ()))
    if start is None:
        refuse_start(start_problem(value, features))
    else:
        choose_start(start)


def _as_arrow(payload: dict) -> dict:
    """The payload with its numpy arrays as one-column Arrow tables: Streamlit sends a table
    as it is, where it would turn an array into a pandas DataFrame first (1 ms of the ~25 ms
    of server CPU an α change costs; bench/bench_classroom.py). The view reads either."""
    return {k: pa.table({"0": v}) if hasattr(v, "dtype") else v for k, v in payload.items()}


def live_view_code() -> None:
    """The view's code, in its own (empty) element: put it at the end of the page."""
    _code(key="live_view_code")


def _ignore() -> None:
    """The rerun a report causes is all the page needs (the state holds the epoch)."""


def shown_epoch(last: int) -> int:
    """The epoch the view shows, by the view's own rule: the one it last reported, kept
    across runs (clipped to the new run), except that a learner at the end of one run sees
    the end of the next (more epochs show the new end)."""
    ss = st.session_state
    state = ss.get(KEY) or {}
    reported = state.get("epoch") if isinstance(state, dict) else None
    if reported is not None and reported != ss.get("_live_view_reported"):
        ss._live_view_epoch = int(reported)  # a new report from the view
    ss._live_view_reported = reported
    epoch, prev_last = ss.get("_live_view_epoch"), ss.get("_live_view_last")
    if epoch is None or (prev_last is not None and epoch >= prev_last):
        epoch = last
    epoch = min(max(int(epoch), 0), last)
    ss._live_view_epoch, ss._live_view_last = epoch, last
    return epoch
