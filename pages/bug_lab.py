"""Bug lab: the article's pseudocode as printed, run beside the corrected loop."""

import numpy as np
import streamlit as st

from neuron_core.article import CORRECTED_CODE, DIAGNOSES, PRINTED_CODE, train_printed
from neuron_core.experiment import initial_weights
from neuron_core.figures.bug_lab import bug_boundaries, bug_cost_figure
from pages._controls import current_run, current_settings, current_theme
from pages._entry import run_inside_app

run_inside_app()


@st.cache_data(max_entries=16, ttl=3600, show_spinner=False)
def printed_run(F, y, alpha, epochs, w0):
    return train_printed(F, y, alpha=alpha, epochs=epochs, w0=w0)


s = current_settings()
theme = current_theme()
st.title("Bug lab")
st.caption(
    "The source article ends with an eight-line training loop. Typed in as printed, it runs, "
    "but it cannot learn most boundaries. Here it trains on the same data, from the same "
    "start, with the same α and epochs as the corrected loop."
)
if not s.features:
    st.warning("Pick at least one input in **Features** in the sidebar.", icon="🧩")
    st.stop()

run = current_run(s)
prep, fixed = run.prepared, run.history
F, y = prep.F_train, prep.y_train
w0 = initial_weights(F.shape[1], s.init, s.init_seed)
printed = printed_run(F, y, s.alpha, s.epochs, w0)

left, right = st.columns(2)
with left:
    st.subheader("As printed")
    st.code(PRINTED_CODE, language="python", wrap_lines=True)
with right:
    st.subheader("Corrected")
    st.code(CORRECTED_CODE, language="python", wrap_lines=True)

st.markdown(
    "\n".join(f"- **Bug {k}** `{code}`: {why}" for k, (code, why) in enumerate(DIAGNOSES, 1))
)

st.plotly_chart(
    bug_cost_figure(printed, fixed, run.optimum, theme=theme),
    width="stretch",
    key="bug_costs",
    config={"displaylogo": False},
)
a, b = bug_boundaries(prep, printed, fixed, theme=theme)
left, right = st.columns(2)
left.plotly_chart(a, width="stretch", key="bug_printed", config={"displaylogo": False})
right.plotly_chart(b, width="stretch", key="bug_fixed", config={"displaylogo": False})

w = printed.w[-1]
ws = ", ".join(f"{v:.3f}" for v in w)
same = np.ptp(w - w0) == 0
st.markdown(
    f"**What the printed loop learned.** Its weights end at ({ws})"
    + (
        ", all moved by exactly the same amount from where they started"
        if same and s.init != "zeros"
        else (", all equal" if same else "")
    )
    + ". So z = w·x is one number times the sum of the inputs"
    + (" (plus the random start's share)" if s.init != "zeros" else "")
    + ": the "
    "boundary z = 0 keeps one direction and passes through the origin of the inputs"
    + (
        " — the centre of the training data, since the inputs are standardised."
        if s.standardize
        else "."
    )
    + f" Its b did change, to {printed.b[-1]:.3f}, but z never reads it."
)
if printed.diverged_at is not None:
    st.error(
        f"The printed loop's weights stopped being finite at epoch {printed.diverged_at}; "
        "its curve ends at the last finite epoch.",
        icon="💥",
    )
if fixed.diverged_at is not None:
    st.error(
        f"The corrected loop diverged at epoch {fixed.diverged_at}: α = {s.alpha:g} is too "
        "large for this data (see Learning rates).",
        icon="💥",
    )
gap = printed.cost[-1] - fixed.cost[-1]
st.caption(
    f"Final cost: printed {printed.cost[-1]:.4f}, corrected {fixed.cost[-1]:.4f} "
    f"({'higher' if gap > 0 else 'lower'} by {abs(gap):.4f} for the printed loop). Accuracy on "
    f"the training points: {printed.accuracy[-1]:.0%} against {fixed.accuracy[-1]:.0%}."
)
