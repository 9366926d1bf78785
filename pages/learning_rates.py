"""Learning rates: the same data and start, several α, side by side."""

import streamlit as st

from neuron_core import verdict_words as words
from neuron_core.figures.learning_rates_figure import boundary_panel, rates_cost_figure
from neuron_core.learning_rates import l_formula
from neuron_core.number_format import number, setting
from neuron_core.verdict import WITHIN
from ui.cache import rate_presets, rate_results
from ui.charts import chart_config
from ui.controls import control, current_theme
from ui.learning_rates_controls import alpha_inputs, preset_slots
from ui.notices import banner
from ui.page import page_run, start_page

s = start_page()

theme = current_theme()
st.title("Learning rates side by side")
st.caption(
    "The same data, the same starting weights, different step sizes α. Too small crawls, "
    "about right gets there fast, too large oscillates, and where L2 makes the weights grow "
    "geometrically, larger still diverges: the numbers overflow."
)
run = page_run(s)
prep, opt = run.prepared, run.optimum
F, y = prep.F_train, prep.y_train
p = rate_presets(run, s.epochs)
slots = preset_slots(p)

st.subheader("The hint: α ≈ 1/L")
for line in l_formula(F, s.l2):
    st.latex(line)
st.caption(
    "X̃ is the training inputs with a column of ones for b, m the number of rows. L bounds how "
    "sharply J can curve (σ′ ≤ ¼), so below 2/L every step lowers the cost. Above it a step "
    "*may* overshoot; near the optimum the curve is often gentler, so the presets were "
    "trained here to check what each one really does."
)

alphas = alpha_inputs(p, slots, s.alpha)
target = opt.cost if opt.finite else None
rs = rate_results(F, y, tuple(alphas), s.epochs, s.l2, run.w0, target, run.b0)

scales = st.container(horizontal=True)
log = control(scales, "lr_log")
log_epochs = control(scales, "lr_log_epochs")
st.plotly_chart(
    rates_cost_figure(rs, opt, log=log, log_epochs=log_epochs, theme=theme),
    width="stretch",
    key="lr_costs",
    config=chart_config(),
    alt=f"The cost J per epoch for α = {', '.join(setting(r.alpha) for r in rs)}: one curve each "
    "(the table below says what each did).",
)

names = {a: kind for kind, a in zip([k for k, _ in slots], alphas, strict=False)}
names.setdefault(s.alpha, "sidebar α")
within = f"{words.NEAR} J*"
table = [
    {  # the telling columns first: a phone shows the left of the table
        "α": setting(r.alpha),
        "what happened": r.verdict,
        "diverged at": words.stopped_at(r.diverged_at),
        within: "no finite J*"
        if target is None
        else ("never" if r.epochs_to_optimum is None else f"epoch {r.epochs_to_optimum}"),
        "final cost J": number(r.final_cost),
        "preset": names.get(r.alpha, ""),
    }
    for r in rs
]
st.dataframe(table, hide_index=True, width="stretch")
for r in rs:
    if r.diverged_at is not None:
        banner("diverged", words.diverged(r.diverged_at, r.alpha))
if target is None:
    banner("separable", f"{words.separable()} {words.SEPARABLE_NO_TARGET}")
else:
    st.caption(
        f"J* = {number(opt.cost, 5)} is the optimum found by scikit-learn. '{within}' counts the "
        f"first epoch from which the cost stays below {setting(1 + WITHIN)}·J*."
    )

st.subheader("Where each α left the boundary")
per_row = 3
for k, r in enumerate(rs):
    if k % per_row == 0:  # a row at a time, so a phone stacks them in α order
        cols = st.columns(per_row)
    h = r.history
    title = words.titled(r.alpha, r.outcome)
    fig = boundary_panel(prep, h.w[-1], h.b[-1], title, theme=theme, height=340)
    cols[k % per_row].plotly_chart(
        fig,
        width="stretch",
        key=f"lr_boundary_{k}",
        config=chart_config(),
        alt=f"{title}. The training points with the boundary this α left at its last epoch.",
    )
