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
from neuron_core.figures.one_step_figure import ARROW_NAME, one_step_figure
from neuron_core.figures.style import class_label
from neuron_core.numbers import number
from neuron_core.one_step import batch_step, example_step, worst_example
from ui.controls import (
    current_run,
    current_theme,
    presenting,
)
from ui.links import page_default
from ui.one_step_numbers import Shown, batch_numbers, change, example_numbers, feature_table
from ui.page import start_page
from ui.upload import stop_if_too_large

s = start_page()

ss = st.session_state
K = "one_step_"  # prefix of this page's session keys
START = 5  # default starting epoch: a line exists, still rough, so one example visibly tugs it


def _picked():
    """Plot click: the clicked training point becomes the example."""
    for p in ss[K + "chart"].selection.get("points", []):
        cd = p.get("customdata")
        if cd is not None:
            ss[K + "example"] = int(cd[0] if isinstance(cd, list) else cd)
            return


def _advance(w, b):
    state = ss[K + "state"]
    ss[K + "state"] = dict(state, w=list(w), b=float(b), steps=state["steps"] + 1)


def _reset():
    ss.pop(K + "state", None)


st.title("One step by hand")
st.caption(
    "One step of gradient descent, on one training example, for one neuron: every "
    "quantity with its numbers substituted. Pick an example by number or click it on the plot."
)
if not s.features:
    st.warning(
        "Pick at least one input in **Features** in the sidebar.", icon=":material/extension:"
    )
    st.stop()

run = current_run(s)
h, prep = run.history, run.prepared
stop_if_too_large(prep, s.l2)
F, Y = prep.F_train, prep.y_train
m, n = F.shape
linear = nc.is_linear(prep.features)

# The example index names a training row: keep it while the rows stay the same.
rows_key = repr((s.source, s.dataset, s.points, s.noise, s.seed, s.test, m))
# A shared link's example and epoch win on arrival, where this data has them.
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

c1, c2, c3 = st.columns([1, 2, 1.3], vertical_alignment="bottom")
i = int(
    c1.number_input(
        "Training example #",
        0,
        m - 1,
        key=K + "example",
        help=f"Any of the {m} training examples; or click a point on the plot.",
    )
)
if h.epochs > 0:
    epoch = c2.slider(
        "Start from the run's weights after epoch",
        0,
        h.epochs,
        key=K + "epoch",
        help="Epoch 0 is the very first step. The last epoch is where the Playground ended.",
    )
else:
    epoch = 0
batch = c3.toggle(
    f"Average over all m = {m} (batch)",
    key=K + "batch",
    help="The step the training loop takes each epoch: the same formulas, averaged.",
)

# Where the hand-stepping stands: restarted whenever the run or the starting epoch changes.
origin = repr((s, epoch))
state = ss.get(K + "state")
if state is None or state["origin"] != origin:
    state = dict(origin=origin, w=h.w[epoch].tolist(), b=float(h.b[epoch]), steps=0)
    ss[K + "state"] = state
w, b = np.array(state["w"]), float(state["b"])

x, y = F[i], float(Y[i])
step = batch_step(w, b, F, Y, s.alpha, s.l2) if batch else example_step(w, b, x, y, s.alpha, s.l2)
finite = bool(np.all(np.isfinite(step.w_new)) and np.isfinite(step.b_new))

# A row that wraps: on a small projector the buttons keep their whole labels.
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
taken = state["steps"]
row.caption(
    f"Starting point: {where}"
    + (f", then {taken} step{'s' * (taken != 1)} by hand." if taken else ".")
)
if not finite:
    st.error(
        f"This step overflows: with α = {s.alpha:g} the weights have grown past what a "
        "computer can hold. Press **Reset** or pick a smaller α in the sidebar.",
        icon=":material/error:",
    )
    st.stop()

label = class_label(prep.data.classes, int(y))
kind = "one batch step over all training examples" if batch else f"one step on example #{i}"
fig = one_step_figure(
    prep,
    (w, b),
    (step.w_new, step.b_new),
    chosen=i,
    theme=current_theme(),
)
left, right = st.columns([1, 1] if presenting() else [1.2, 1], gap="large")
with left:
    st.markdown(f"**The boundary before (dashed) and after (solid) {kind}**")
    st.plotly_chart(
        fig,
        width="stretch",
        key=K + "chart",
        on_select=_picked,
        selection_mode="points",
        config={"displayModeBar": False},
    )
    arrow = any(a.name == ARROW_NAME for a in fig.layout.annotations)
    st.caption(
        f"Ringed: example #{i}, {label}. "
        + (
            "The arrow runs from where the old boundary passed nearest to it to where the new "
            "one does. "
            if arrow
            else "Near it the boundary barely moved, too little for an arrow. "
        )
        + "The plot is in the data's own units; the numbers use the neuron's inputs"
        + (" (standardised: mean 0, spread 1)." if s.standardize else ".")
    )
    st.markdown("**After the step**")
    m1, m2 = st.columns(2)
    if batch and abs(step.cost_new - step.cost) < 1e-3 * step.cost and epoch > 0:
        st.info(
            f"By epoch {epoch} training has almost converged, so the averaged step barely "
            "moves the line. Slide the epoch towards 0 to watch the big early steps.",
            icon=":material/hourglass_bottom:",
        )
    if batch:
        m1.metric(
            "Cost J",
            number(step.cost_new),
            delta=f"{change(step.cost_new - step.cost)} from {number(step.cost)}",
            delta_color="inverse",
        )
        y_new = float(nc.predict_proba(step.w_new, step.b_new, x[None])[0])
        y_old = float(step.y_hat[i])
    else:
        m1.metric(
            f"Loss L on #{i}",
            number(step.loss_new),
            delta=f"{change(step.loss_new - step.loss)} from {number(step.loss)}",
            delta_color="inverse",
        )
        y_new, y_old = step.y_hat_new, step.y_hat
    m2.metric(
        f"ŷ on #{i} (label {int(y)})",
        number(y_new),
        delta=f"{change(y_new - y_old)} from {number(y_old)}",
        delta_color="normal" if y == 1 else "inverse",
    )

shown = Shown(i, y, m, tuple(prep.features), s.l2, s.alpha, batch)
with right:
    if batch:
        batch_numbers(st, step, shown)
    else:
        example_numbers(st, step, shown)
    if n > 3 or not linear:
        st.caption("Each input's share of the step:")
        feature_table(st, step, shown)
    st.subheader(f"Update, α = {s.alpha:g}")
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
