"""Playground: the decision boundary, the sigmoid surface and the cost, learning together."""

import numpy as np
import streamlit as st

import neuron_core as nc
from neuron_core.figures import playground_figure
from pages import _equations as eq
from pages._classroom import preset_note, preset_picker, share_panel
from pages._controls import ALPHAS, current_run, current_settings, current_theme, presenting
from pages._entry import run_inside_app
from pages._exports import export_panel

run_inside_app()


def chart_description(run, shown) -> str:
    """The chart in words, for screen readers and for anyone who cannot see the colours."""
    h, prep = run.history, run.prepared
    m_test = len(prep.test_idx)
    test = f" and {m_test} held-out test points (hollow)" if m_test else ""
    acc = f"{h.accuracy[shown]:.0%}"
    return (
        f"Chart: {len(prep.train_idx)} training points of '{prep.data.name}'{test}, class 0 as "
        f"blue circles and class 1 as orange squares, over the neuron's output ŷ. At epoch "
        f"{shown} of {h.epochs} it classifies {acc} of the training points correctly. The "
        f"3-D view shows ŷ as a surface; the cost curve runs from J = {h.cost[0]:.3f} at "
        f"epoch 0 to J = {h.cost[-1]:.3f} at epoch {h.epochs}."
    )


s = current_settings()
st.title("Watch one neuron learn")
st.caption(
    "One sigmoid neuron, ŷ = σ(w·x + b), trained by batch gradient descent on the "
    "cross-entropy cost. Press **▶ Play** to watch every epoch; drag the slider to jump."
)
kit = st.container(horizontal=True, vertical_alignment="center")  # wraps on a phone
preset_picker(kit)
share_panel(s, kit)
preset_note(s)

if err := st.session_state.get("upload_error"):
    st.error(f"That file could not be used. {err}  \nThe previous data is still shown.", icon="📄")
if s.source == "Upload CSV" and not st.session_state.get("upload"):
    st.info(
        "Upload a CSV in the sidebar to train on your own data. Until then, the "
        "generated dataset is shown.",
        icon="📤",
    )
if not s.features:
    st.warning("Pick at least one input in **Features** in the sidebar.", icon="🧩")
    st.stop()

run = current_run(s)
h, prep = run.history, run.prepared
if not presenting():
    export_panel(s, run, current_theme(), kit)
phone = "Mobi" in (st.context.headers.get("User-Agent") or "")
stacked = kit.toggle(
    "One view per row",
    value=phone,
    key="stacked",
    help="The map, the surface and the cost one under the other, each full width: easier "
    "to read on a narrow screen or a small projector. On by default on phones.",
)
safe_alpha = nc.suggested_alpha(prep.F_train, s.l2)
safer = (
    f"Try α ≤ {safe_alpha:g} (1/L for this data)."
    if safe_alpha >= min(ALPHAS)
    else "These inputs are so large that even the smallest α on the slider overshoots: "
    "switch on **Standardise inputs** (or rescale your data)."
)

if h.diverged_at is not None:
    st.error(
        f"**Training diverged at epoch {h.diverged_at}.** With α = {s.alpha:g} every step "
        "overshoots the bottom of the cost and lands higher up the other side, so the "
        "weights and the cost blew up to infinity. The run stops at the last finite epoch "
        f"({h.epochs}). {safer}",
        icon="💥",
    )
elif np.any(np.diff(h.cost) > 1e-12 * np.abs(h.cost[:-1]).max()):
    k = int(np.argmax(np.diff(h.cost) > 1e-12 * np.abs(h.cost[:-1]).max())) + 1
    st.warning(
        f"**The cost went up at epoch {k}.** α = {s.alpha:g} is large for this data: steps "
        f"overshoot the minimum and zig-zag. {safer}",
        icon="📈",
    )
if not run.optimum.finite:
    st.info(
        "The two classes can be separated perfectly, so the cost keeps falling as the "
        "weights grow, forever: there is no best finite w. Add a little L2 (λ) to tame it.",
        icon="♾️",
    )

# The epoch shown in the numbers below; back to the last epoch whenever the run changes.
if st.session_state.get("_shown_for") != s:
    st.session_state._shown_for = s
    st.session_state.shown_epoch = h.epochs
shown = min(int(st.session_state.get("shown_epoch", h.epochs)), h.epochs)

frames = nc.sample_frames(h.cost, 100)
fig = playground_figure(run, frames, shown=shown, theme=current_theme(), stacked=stacked)
st.plotly_chart(fig, width="stretch", key="playground_chart", config={"displaylogo": False})
st.caption(chart_description(run, shown))

if h.epochs > 0:
    shown = st.slider(
        "Epoch for the numbers and equations below",
        0,
        h.epochs,
        key="shown_epoch",
        help="The chart starts at this epoch too; Play always runs from epoch 0.",
    )

w, b = h.w[shown], float(h.b[shown])
dw, db = run.gradients_at(shown)
cols = st.columns(5)
cols[0].metric("Epoch", f"{shown} / {h.epochs}")
cols[1].metric("Cost J", f"{h.cost[shown]:.4f}")
cols[2].metric("Train accuracy", f"{h.accuracy[shown]:.1%}")
cols[3].metric("Test accuracy", "—" if h.test_accuracy is None else f"{h.test_accuracy[shown]:.1%}")
if run.optimum.finite:
    cols[4].metric(
        "Above the best cost J*",
        f"{h.cost[shown] - run.optimum.cost:.2e}",
        help=f"J* = {run.optimum.cost:.5f}, the optimum of the same objective found by "
        "scikit-learn. Distance in (w, b): "
        f"{np.linalg.norm(np.r_[w - run.optimum.w, b - run.optimum.b]):.3g}.",
    )
else:
    cols[4].metric("Best cost J*", "none", help="Separable data: J → 0 only as ‖w‖ → ∞.")

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
        "- **Left**: each point is an example; colour *and* shape give its class; hollow "
        "points are held out for testing. The background is the neuron's output ŷ, the "
        "probability of class 1; the black line is where ŷ = 0.5.\n"
        "- **Right**: the same ŷ as a height. One neuron always makes an S-shaped sheet; "
        "training tilts and sharpens it until class-1 points sit high and class-0 points low.\n"
        "- **Bottom**: the cost J, the average cross-entropy. Each epoch computes the "
        "gradient over all training points and takes one step of size α downhill."
    )
