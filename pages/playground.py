"""Playground: the decision boundary, the sigmoid surface and the cost, learning together."""

import streamlit as st

import neuron_core as nc
from neuron_core import equations as eq
from ui.controls import (
    ALPHAS,
    FEATURE_LABELS,
    current_run,
    current_theme,
    presenting,
)
from ui.exports import export_panel
from ui.lessons import preset_note, preset_picker
from ui.live_view import live_view, live_view_code
from ui.notices import optimum_caption, run_notices, stop_unless_trained, view_description
from ui.page import require_features, start_page
from ui.share import share_panel

s = start_page()

st.title("Watch one neuron learn")
st.caption(
    "One sigmoid neuron, ŷ = σ(w·x + b), trained by batch gradient descent on the "
    "cross-entropy cost. **▶ Play** shows every epoch; drag the 3-D view to turn it."
)
kit = st.container(horizontal=True, vertical_alignment="center")  # wraps on a phone
preset_picker(kit)
share_panel(s, kit)
preset_note(s)

if s.source == "Upload CSV" and not st.session_state.get("upload"):
    st.info(
        "Upload a CSV in the sidebar to train on your own data. Until then, the "
        "generated dataset is shown.",
        icon=":material/upload_file:",
    )
require_features(s)
run = current_run(s)
stop_unless_trained(run)
h, prep = run.history, run.prepared
if not presenting():
    export_panel(s, run, current_theme(), kit)
run_notices(run, smallest_alpha=min(ALPHAS))

uploaded = s.source == "Upload CSV" and st.session_state.get("upload")
axis_names = prep.data.feature_names if uploaded else (FEATURE_LABELS["x1"], FEATURE_LABELS["x2"])
shown = live_view(
    run,
    theme=current_theme(),
    axis_names=axis_names,
    feature_labels=[FEATURE_LABELS[f] for f in prep.features],
)
st.caption(view_description(run, shown))

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
        st.caption("A tilde marks a standardised input: (x − mean) / spread of the training rows.")
with right:
    st.subheader("Gradient-descent update")
    decay = r" + \lambda w" if s.l2 else ""
    st.latex(r"dw = \tfrac{1}{m} X^\top(\hat y - y)" + decay + f" = {eq.vector(dw)}")
    st.latex(r"db = \tfrac{1}{m}\textstyle\sum_i(\hat y_i - y_i) = " + eq.num(db))
    st.latex(eq.update_w(w, s.alpha, dw))
    st.latex(eq.update_b(b, s.alpha, db))
    st.caption(f"m = {len(prep.y_train)} training examples. Both updates use the same old w and b.")

with st.expander("What am I looking at?"):
    st.markdown(
        "- **The map**: each point is an example; colour *and* shape give its class; hollow "
        "points are held out for testing. The background is the neuron's output ŷ, the "
        "probability of class 1; the black line is where ŷ = 0.5.\n"
        "- **The surface**: the same ŷ as a height (drag it to turn it). One neuron always "
        "makes an S-shaped sheet; training tilts and sharpens it until class-1 points sit "
        "high and class-0 points low.\n"
        "- **The cost curve**: the cost J, the average cross-entropy, per epoch; the dot is "
        "the epoch shown. Each epoch computes the gradient over all training points and "
        "takes one step of size α downhill.\n"
        "- **Play** runs every epoch; the slider beside it jumps to any epoch; the speed "
        "menu plays several epochs a frame or the whole run in a few seconds."
    )
live_view_code()
