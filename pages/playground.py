"""Playground: the decision boundary, the sigmoid surface and the cost, learning together."""

from dataclasses import asdict

import streamlit as st

import neuron_core as nc
from neuron_core import equations as eq
from neuron_core.edits import EDIT_HELP, data_problem, untrained_run
from neuron_core.stage import stage_controls
from ui.controls import (
    FEATURE_LABELS,
    current_data,
    current_run,
    current_settings,
    current_theme,
    presenting,
    sidebar_stale,
    stage_sidebar_controls,
)
from ui.edits import edit_meta
from ui.exports import export_panel
from ui.lessons import preset_picker
from ui.links import sync_url
from ui.live_view import live_view, live_view_code
from ui.notices import optimum_caption, stop_unless_trained, view_description
from ui.page import require_features, start_page
from ui.share import share_panel
from ui.stage import drawing_note, stage_css, stage_header, stage_note, what_am_i_looking_at
from ui.start import start_line

start_page()

# The stage: one header row and one note of fixed height, then the live view, which fits the
# window and carries α, epochs, λ and the inputs itself, so a lesson never needs the sidebar.
st.html(stage_css(presenting()))
kit = stage_header("Watch one neuron learn")
preset_picker(kit)  # a preset sets every control: it reruns the whole app
what_am_i_looking_at(kit)


@st.fragment
def stage() -> None:
    """Everything α, epochs, λ and the inputs change, so that a change of one (on the view
    or in the sidebar) reruns only this: their sidebar widgets, the address bar, Share and
    Export, the note, the view and the equations."""
    if sidebar_stale():
        st.rerun()  # the start changed (Train from here, Start from zero): the sidebar shows it
    stage_sidebar_controls()
    s = current_settings()
    noted = bool(st.session_state.get("link_notes"))
    sync_url(s, st.session_state._page_path)  # the address bar follows a fragment rerun too
    if noted and not st.session_state.get("link_notes"):
        st.rerun()  # the link's notice (drawn outside this fragment) goes once a value moves
    share_panel(s, kit)
    waiting = s.source == "Upload CSV" and not st.session_state.get("upload")
    require_features(s)
    data = current_data(s)
    # A drawn map the neuron cannot train on yet (too few points, one class): the view still
    # shows the map at the neuron's start, so the learner can place the points it needs.
    problem = data_problem(data)
    if problem:
        run = untrained_run(data, s.features, s.standardize, s.alpha, s.l2)
        drawing_note(problem)
    else:
        run = current_run(s, data)
        stop_unless_trained(run)
        if not presenting():
            export_panel(s, run, current_theme(), kit)
        stage_note(s, run, waiting_for_upload=waiting)
    shown = view(s, run, data)
    if problem:
        st.caption(EDIT_HELP)
    else:
        start_line(st, s, run.prepared.features)
        st.caption(view_description(run, shown))
        st.caption(EDIT_HELP)
        equations(s, run, shown)
    live_view_code()  # last on the page: the view's code, sent once (see ui.live_view)


def view(s, run, data) -> int:
    """The live view of ``run``; returns the epoch it shows."""
    prep = run.prepared
    uploaded = s.source == "Upload CSV" and st.session_state.get("upload")
    axis_names = (
        prep.data.feature_names if uploaded else (FEATURE_LABELS["x1"], FEATURE_LABELS["x2"])
    )
    return live_view(
        run,
        theme=current_theme(),
        axis_names=axis_names,
        feature_labels=[FEATURE_LABELS[f] for f in prep.features],
        stage=stage_controls(asdict(s), axis_names),
        edit=edit_meta(s, data),
    )


def equations(s, run, shown: int) -> None:
    """The forward pass and the update at the epoch the view shows."""
    h, prep = run.history, run.prepared
    w, b = h.w[shown], float(h.b[shown])
    dw, db = run.gradients_at(shown)
    st.subheader(f"The equations at epoch {shown}", anchor=False)
    st.caption(optimum_caption(run, shown))

    left, right = st.columns(2)
    with left:
        st.subheader("Forward pass")
        st.latex(eq.forward(prep.features, w, b, s.standardize))
        st.latex(r"\hat y = \sigma(z) = \frac{1}{1 + e^{-z}}")
        st.latex(r"L(y, \hat y) = -\big[\,y \log \hat y + (1-y)\log(1-\hat y)\,\big]")
        penalty = r" + \tfrac{\lambda}{2}\lVert w \rVert^2" if s.l2 else ""
        st.latex(
            r"J = \frac{1}{m}\sum_{i=1}^{m} L(y_i, \hat y_i)"
            + penalty
            + f" = {eq.num(h.cost[shown], 4)}"
        )
        if nc.is_linear(prep.features):
            w_raw, b_raw = prep.scaler.unscale(w, b)
            order = [prep.features.index("x1"), prep.features.index("x2")]
            line = eq.boundary_line(w_raw[order], b_raw)
            if line:
                st.latex(line)
                st.caption("The boundary ŷ = 0.5 is where z = 0, written in the data's own units.")
        if s.standardize:
            st.caption(
                "A tilde marks a standardised input: (x − mean) / spread of the training rows."
            )
    with right:
        st.subheader("Gradient-descent update")
        decay = r" + \lambda w" if s.l2 else ""
        st.latex(r"dw = \tfrac{1}{m} X^\top(\hat y - y)" + decay + f" = {eq.vector(dw)}")
        st.latex(r"db = \tfrac{1}{m}\textstyle\sum_i(\hat y_i - y_i) = " + eq.num(db))
        st.latex(eq.update_w(w, s.alpha, dw))
        st.latex(eq.update_b(b, s.alpha, db))
        st.caption(
            f"m = {len(prep.y_train)} training examples. Both updates use the same old w and b."
        )


stage()
