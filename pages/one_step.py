"""One step by hand: one gradient-descent step on one example, every number substituted.

The step starts from the weights the shared run reached at a chosen epoch (default: epoch
5, where the line exists but is rough and small weights let one step move it visibly), on
the example the neuron gets most wrong: a mistake pulls the line hard, which is the lesson.
"Take the step again" keeps going from the new weights, held in session state as plain
numbers; the batch switch averages the same step over all m training examples.
"""

import numpy as np
import streamlit as st

import neuron_core as nc
from neuron_core import equations as eq
from neuron_core import verdict_words as words
from neuron_core.figures.one_step_figure import ARROW_NAME, one_step_figure
from neuron_core.figures.style import class_label
from neuron_core.number_format import setting
from neuron_core.one_step import batch_step, example_step
from ui.controls import current_theme, presenting
from ui.notices import banner
from ui.one_step_controls import (
    START,
    K,
    hand_weights,
    picked,
    starting_point,
    step_buttons,
    step_controls,
)
from ui.one_step_numbers import Shown, after_step, batch_numbers, example_numbers, feature_table
from ui.page import page_run, start_page

s = start_page()

st.title("One step by hand")
st.caption(
    "One step of gradient descent, on one training example, for one neuron: every "
    "quantity with its numbers substituted. Pick an example by number or click it on the plot."
)
run = page_run(s)
h, prep = run.history, run.prepared
F, Y = prep.F_train, prep.y_train
m, n = F.shape

starting_point(s, h, F, Y)
i, epoch, batch = step_controls(h, m)
w, b, taken = hand_weights(s, h, epoch)
x, y = F[i], float(Y[i])
step = batch_step(w, b, F, Y, s.alpha, s.l2) if batch else example_step(w, b, x, y, s.alpha, s.l2)
finite = bool(np.all(np.isfinite(step.w_new)) and np.isfinite(step.b_new))
step_buttons(step, epoch, taken, finite)
if not finite:
    banner("diverged", words.step_overflows(s.alpha))
    st.stop()

shown = Shown(i, y, m, tuple(prep.features), s.l2, s.alpha, batch)
kind = "one batch step over all training examples" if batch else f"one step on example #{i}"
fig = one_step_figure(prep, (w, b), (step.w_new, step.b_new), chosen=i, theme=current_theme())
left, right = st.columns([1, 1] if presenting() else [1.2, 1], gap="large")
with left:
    st.markdown(f"**The boundary before (dashed) and after (solid) {kind}**")
    st.plotly_chart(
        fig,
        width="stretch",
        key=K + "chart",
        on_select=picked,
        selection_mode="points",
        config={"displayModeBar": False},
        alt=f"The training points with the boundary before and after {kind}; example #{i} "
        "is ringed (described below).",
    )
    arrow = any(a.name == ARROW_NAME for a in fig.layout.annotations)
    st.caption(
        f"Ringed: example #{i}, {class_label(prep.data.classes, int(y))}. "
        + (
            "The arrow runs from where the old boundary passed nearest to it to where the new "
            "one does. "
            if arrow
            else "Near it the boundary barely moved, too little for an arrow. "
        )
        + "The plot is in the data's own units; the numbers use the neuron's inputs"
        + (" (standardised: mean 0, spread 1)." if s.standardize else ".")
    )
    after_step(step, shown, x, epoch)

with right:
    (batch_numbers if batch else example_numbers)(st, step, shown)
    if n > 3 or not nc.is_linear(prep.features):
        st.caption("Each input's share of the step:")
        feature_table(st, step, shown)
    st.subheader(f"Update, α = {setting(s.alpha)}")
    st.latex(eq.update_w(step.w, s.alpha, step.dw))
    st.latex(eq.update_b(step.b, s.alpha, step.db))

with st.expander(f"Why start at epoch {START}, on the example the neuron gets most wrong?"):
    st.markdown(
        f"After {START} epochs the boundary exists but is still rough, and the weights are "
        "still small, so one step can visibly move it. The example the neuron gets most wrong "
        "has the largest dz = ŷ − y, so it pulls hardest. Pick an example the neuron already "
        "gets right and dz is near 0: the line hardly moves. Slide to the last epoch and the "
        "weights have grown: the same pull turns the line much less. Slide to epoch 0 for the "
        "very first step: with w = 0 every example has z = 0 and ŷ = 0.5 (no boundary yet), "
        "numbers you can check on paper.\n\n"
        "One example pulls the line towards itself and ignores the rest. The batch switch "
        "averages the pulls of all m examples, which is the step the training loop takes: "
        "pressing **Take the step again** in batch mode retraces the run epoch by epoch."
    )
