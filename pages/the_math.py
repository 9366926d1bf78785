"""The math: the gradient of one sigmoid neuron derived step by step, then checked live.

The derivation is in order (forward pass, loss, chain rule, simplification, cost, averaged
gradient, update); the check compares the analytic gradient with central finite
differences on the shared run; a box lists the slips in the source article.
"""

import pandas as pd
import streamlit as st

from neuron_core.derivation import SLIPS, derivation
from neuron_core.gradcheck import check_gradients
from neuron_core.number_format import number, power_of_ten
from ui.controls import FEATURE_LABELS
from ui.page import page_run, start_page

s = start_page()

TOL = 1e-6

st.title("The math")
st.caption(
    "Where dz = ŷ − y comes from: the gradient of one neuron's cross-entropy, derived one "
    "factor at a time. Then check it yourself against finite differences on your data."
)
for title, text, equations, note in derivation(s.l2 > 0):
    if title:
        st.subheader(title)
    st.markdown(text)
    for e in equations:
        st.latex(e)
    if note:
        st.caption(note)

# ---------------------------------------------------------------- check it yourself
st.divider()
st.header("Check it yourself")
run = page_run(s)
h, prep = run.history, run.prepared
epoch = (
    st.slider(
        "Parameters after epoch",
        0,
        h.epochs,
        h.epochs,
        key="math_epoch",
        help="The run in the sidebar: its w and b after this many epochs.",
    )
    if h.epochs > 0
    else 0
)
check = check_gradients(h.w[epoch], h.b[epoch], prep.F_train, prep.y_train, s.l2)
eps = check.eps
st.markdown(
    f"Nudge one parameter θ at a time by ±ε (ε = {power_of_ten(eps)}), evaluate the cost on the "
    f"{len(prep.y_train)} training examples, and take the slope. No derivative formula is "
    "used, so if the formulas above were wrong, the two columns would disagree."
)
st.latex(
    r"\frac{\partial J}{\partial \theta_k} \approx "
    r"\frac{J(\theta + \varepsilon e_k) - J(\theta - \varepsilon e_k)}{2\varepsilon}"
)
st.latex(r"\text{relative error} = \frac{|a - f|}{\max(|a|,\ |f|,\ 10^{-8})}")
names = [f"w ({FEATURE_LABELS[f]})" for f in prep.features] + ["b"]
# The verdict columns first: a phone shows the left of the table without scrolling.
table = pd.DataFrame(
    {
        "parameter": names,
        f"≤ {power_of_ten(TOL)}": ["✓" if v <= TOL else "✗" for v in check.rel_error],
        "relative error": check.rel_error,
        "analytic  a": check.analytic,
        "finite difference  f": check.numeric,
    }
)
digits = {"relative error": 2, "analytic  a": 10, "finite difference  f": 10}
st.dataframe(
    table.style.format({c: (lambda v, k=k: number(v, k)) for c, k in digits.items()}),
    hide_index=True,
    width="stretch",
)
worst = check.max_rel_error
if check.passed(TOL):
    st.success(
        f"All {len(names)} components agree: largest relative error {number(worst, 2)}, "
        f"well under {power_of_ten(TOL)}. The formula dw = (1/m)·Xᵀ(ŷ − y)"
        + (" + λw" if s.l2 else "")
        + " is right.",
        icon=":material/check_circle:",
    )
else:  # kept honest: if it ever fails, say so
    st.error(
        f"Largest relative error {number(worst, 2)} is above {power_of_ten(TOL)}.",
        icon=":material/cancel:",
    )
with st.expander("Why the difference is taken example by example"):
    naive = check.naive_rel_error.max()
    st.markdown(
        "Subtracting two costs that agree in their first ten digits leaves only the last "
        "few, and those are rounding noise: about 10⁻¹⁶·J/ε of error. Near the minimum, "
        "where the gradient itself is tiny, that noise swamps it. Here, computing "
        "J(θ + ε) and J(θ − ε) separately and subtracting gives a largest relative error of "
        f"**{number(naive, 2)}**; the check above instead subtracts each example's two losses in a "
        "form that cannot cancel (log1p of a ratio built from sinh ε), which gives "
        f"**{number(worst, 2)}**. Same stencil, same ε: only the rounding differs."
    )

# ---------------------------------------------------------------- the article's slips
st.divider()
st.header("Five slips in the source article")
st.caption(
    "The article this app is built on derives the right result, but five lines are printed "
    "wrong. Each one, and why it matters:"
)
with st.container(border=True):
    for k, (title, why) in enumerate(SLIPS, 1):
        st.markdown(f"**{k}. {title}.** {why}")
st.caption("The Bug lab page runs the printed pseudocode beside the corrected one.")
