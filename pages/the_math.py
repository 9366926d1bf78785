"""The math: the gradient of one sigmoid neuron derived step by step, then checked live.

The derivation is in order (forward pass, loss, chain rule, simplification, cost, averaged
gradient, update); the check compares the analytic gradient with central finite
differences on the shared run; a box lists the slips in the source article.
"""

import pandas as pd
import streamlit as st

from neuron_core.gradcheck import check_gradients
from neuron_core.numbers import number, power_of_ten
from ui.controls import FEATURE_LABELS, current_run
from ui.page import start_page
from ui.upload import stop_if_too_large

s = start_page()

TOL = 1e-6


def step(title: str, text: str, *equations: str) -> None:
    st.subheader(title)
    st.markdown(text)
    for e in equations:
        st.latex(e)


l2 = s.l2 > 0
st.title("The math")
st.caption(
    "Where dz = ŷ − y comes from: the gradient of one neuron's cross-entropy, derived one "
    "factor at a time. Then check it yourself against finite differences on your data."
)

step(
    "1 · Forward pass",
    "One example x has n inputs. The neuron weighs them, adds its bias and squashes the "
    "sum into a probability of class 1.",
    r"z = w\cdot x + b = \sum_{j=1}^{n} w_j x_j + b",
    r"\hat y = \sigma(z) = \frac{1}{1 + e^{-z}}",
)
step(
    "2 · Loss of one example",
    "Cross-entropy: minus the log of the probability the neuron gave to the true label. "
    "It is 0 for a confident right answer and grows without bound for a confident wrong one.",
    r"L(y, \hat y) = -\big[\,y\log\hat y + (1-y)\log(1-\hat y)\,\big]",
    r"y = 1:\ L = -\log\hat y \qquad y = 0:\ L = -\log(1-\hat y)",
)
st.caption(
    "Written in z it is log(1 + eᶻ) − y·z, which the code evaluates: it never takes the log "
    "of a number that rounded to 0."
)
step(
    "3 · Chain rule",
    "wⱼ reaches L only through z and then ŷ, so its derivative is a product of three "
    "local derivatives, one per link of the chain.",
    r"\frac{\partial L}{\partial w_j} = "
    r"\frac{\partial L}{\partial \hat y}\cdot\frac{\partial \hat y}{\partial z}"
    r"\cdot\frac{\partial z}{\partial w_j}",
)
st.markdown("**The loss, as a function of ŷ:**")
st.latex(
    r"\frac{\partial L}{\partial \hat y} = -\frac{y}{\hat y} + \frac{1-y}{1-\hat y}"
    r" = \frac{\hat y - y}{\hat y\,(1-\hat y)}"
)
st.markdown("**The sigmoid, as a function of z** (its slope is built from its own value):")
st.latex(
    r"\begin{aligned}\frac{\partial \hat y}{\partial z} &= \frac{e^{-z}}{(1+e^{-z})^2}"
    r" \\ &= \underbrace{\frac{1}{1+e^{-z}}}_{\sigma(z)}\cdot"
    r"\underbrace{\frac{e^{-z}}{1+e^{-z}}}_{1-\sigma(z)} \\ &= \hat y\,(1-\hat y)\end{aligned}"
)
st.markdown("**z, as a function of one weight or the bias:**")
st.latex(r"\frac{\partial z}{\partial w_j} = x_j, \qquad \frac{\partial z}{\partial b} = 1")
step(
    "4 · Everything cancels",
    "The ŷ(1 − ŷ) of the sigmoid cancels the denominator of the loss's derivative. "
    "What is left is the error times the input:",
    r"\begin{aligned}\frac{\partial L}{\partial w_j} &= \frac{\hat y - y}{\hat y(1-\hat y)}"
    r"\cdot\hat y(1-\hat y)\cdot x_j \\ &= (\hat y - y)\,x_j\end{aligned}",
    r"dz \equiv \frac{\partial L}{\partial z} = \hat y - y",
    r"dw_j = dz\,x_j, \qquad db = dz",
)
st.caption(
    "The same cancellation is why cross-entropy suits a sigmoid: the step does not shrink "
    "when ŷ saturates near 0 or 1, as it would with a squared error."
)
penalty = r" + \frac{\lambda}{2}\lVert w\rVert^2" if l2 else ""
decay = r" + \lambda w" if l2 else ""
step(
    "5 · Cost over m examples",
    "Training uses all m examples at once: the cost J is the mean loss"
    + (", plus the L2 penalty chosen in the sidebar." if l2 else "."),
    r"J(w, b) = \frac{1}{m}\sum_{i=1}^{m} L\big(y^{(i)}, \hat y^{(i)}\big)" + penalty,
)
step(
    "6 · Averaged gradient",
    "The derivative of a mean is the mean of the derivatives: average dz·x over the examples. "
    "Stack the examples as the rows of X (m × n) and the sum becomes one matrix product.",
    r"\frac{\partial J}{\partial w_j} = \frac{1}{m}\sum_{i=1}^{m}"
    r"\big(\hat y^{(i)} - y^{(i)}\big)\,x^{(i)}_j" + (r" + \lambda w_j" if l2 else ""),
    r"dw = \frac{1}{m}\,X^\top(\hat y - y)" + decay,
    r"db = \frac{1}{m}\sum_{i=1}^{m}\big(\hat y^{(i)} - y^{(i)}\big)",
)
st.caption(
    "dw has one entry per input, n in all. The article stores examples as columns "
    "(X of shape n × m) and writes wᵀX; the numbers are the same."
)
step(
    "7 · Update",
    "Step against the gradient, by the learning rate α. Compute dw and db first, then "
    "update both from the same old w and b.",
    r"w \leftarrow w - \alpha\,dw, \qquad b \leftarrow b - \alpha\,db",
)

# ---------------------------------------------------------------- check it yourself
st.divider()
st.header("Check it yourself")
if not s.features:
    st.warning(
        "Pick at least one input in **Features** in the sidebar.", icon=":material/extension:"
    )
    st.stop()
run = current_run(s)
h, prep = run.history, run.prepared
stop_if_too_large(prep, s.l2)
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
        + (" + λw" if l2 else "")
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
SLIPS = [
    (
        "Sign in the loss",
        r"It prints $-[y\log\hat y \mathbin{\color{#D55E00}\mathbf{-}} (1-y)\log(1-\hat y)]$. "
        r"For y = 0 that is $\log(1-\hat y) \le 0$, smallest when $\hat y \to 1$: it would "
        "reward the wrong answer. The terms must be added (its derivative already assumes so).",
    ),
    (
        "The cost sums to n",
        r"$J = \frac{1}{m}\sum_{i=1}^{\color{#D55E00}n}$ runs over n, the number of inputs, "
        "not over the m examples: only the first n examples would count. The sum runs to m.",
    ),
    (
        "x counted twice",
        r"Its $(dz)_{avg} = \frac{1}{m}\sum dz\cdot x_n$ already contains $x_n$, yet the "
        r"update $w_n - \alpha\,(dz)_{avg}\cdot{\color{#D55E00}x_n}$ multiplies by it again. "
        r"Use $w_n - \alpha\,(dz)_{avg}$; and b should step by $(db)_{avg}$, the mean of dz.",
    ),
    (
        "+b missing in the pseudocode",
        "`z = np.dot(w.T, X)` drops the bias, so z = 0 at x = 0 whatever the weights: the "
        "boundary must pass through the origin, and the db it computes never reaches z.",
    ),
    (
        "dw collapsed to a scalar",
        "`np.sum(np.dot(dz.T, X))` adds the n per-input gradients into one number, so every "
        "weight gets the same update and the boundary cannot tilt freely. Keep the vector: "
        "`np.dot(X, dz.T) / m` in the article's layout, n values.",
    ),
]
with st.container(border=True):
    for k, (title, why) in enumerate(SLIPS, 1):
        st.markdown(f"**{k}. {title}.** {why}")
st.caption("The Bug lab page runs the printed pseudocode beside the corrected one.")
