"""Bug lab: the article's pseudocode as printed, run beside the corrected loop."""

import numpy as np
import streamlit as st

from neuron_core import verdict_words as words
from neuron_core.bug_lab import (
    CORRECTED_CODE,
    DIAGNOSES,
    PRINTED_CODE,
    printed_boundary,
)
from neuron_core.figures.bug_lab_figure import bug_boundaries, bug_cost_figure
from neuron_core.number_format import number, percent
from ui.cache import printed_run
from ui.charts import chart_config
from ui.controls import control, current_theme
from ui.notices import banner
from ui.page import page_run, start_page

s = start_page()

theme = current_theme()
st.title("Bug lab")
st.caption(
    "The source article ends with an eight-line training loop. Typed in as printed, it runs, "
    "but it cannot learn most boundaries. Here it trains on the same data, from the same "
    "start, with the same α and epochs as the corrected loop."
)
run = page_run(s)
prep, fixed, w0 = run.prepared, run.history, run.w0
printed = printed_run(prep.F_train, prep.y_train, s.alpha, s.epochs, w0, run.b0)

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

log_epochs = control(st, "bug_log_epochs")
st.plotly_chart(
    bug_cost_figure(printed, fixed, run.optimum, log_epochs=log_epochs, theme=theme),
    width="stretch",
    key="bug_costs",
    config=chart_config(),
    alt="The cost J per epoch of the printed loop and of the corrected loop (final values below).",
)
a, b = bug_boundaries(prep, printed, fixed, theme=theme)
left, right = st.columns(2)
boundaries = ((left, a, "printed", "bug_printed"), (right, b, "corrected", "bug_fixed"))
for col, fig, loop, key in boundaries:
    col.plotly_chart(
        fig,
        width="stretch",
        key=key,
        config=chart_config(),
        alt=f"The training points with the boundary the {loop} loop learned (described below).",
    )

w = printed.w[-1]
ws = ", ".join(number(v, 3) for v in w)
same = np.ptp(w - w0) == 0
moved = ""
if len(w) > 1 and same:
    moved = ", all equal" if not np.ptp(w0) else ", all moved by the same amount from the start"
st.markdown(
    f"**What the printed loop learned.** Its weights end at ({ws}){moved}: every weight got "
    "the same update in every epoch, so the weights can only move together, and z = w·x "
    "never adds b. "
    + printed_boundary(prep.features, s.standardize, not np.any(w0))
    + f" Its b did change, to {number(printed.b[-1], 3)}, but z never reads it."
)
if printed.diverged_at is not None:
    banner("diverged", words.diverged(printed.diverged_at, who="The printed loop"))
if fixed.diverged_at is not None:
    banner(
        "diverged",
        words.diverged(fixed.diverged_at, s.alpha) + " The corrected loop needs a smaller α on "
        "this data (see Learning rates).",
    )
gap = printed.cost[-1] - fixed.cost[-1]
st.caption(
    f"Final cost: printed {number(printed.cost[-1])}, corrected {number(fixed.cost[-1])} "
    f"({'higher' if gap > 0 else 'lower'} by {number(abs(gap))} for the printed loop). "
    "Accuracy on "
    f"the training points: {percent(printed.accuracy[-1], 0)} against "
    f"{percent(fixed.accuracy[-1], 0)}."
)
