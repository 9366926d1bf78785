"""Cost landscape: J(w₁, w₂) as a map, and the gradient-descent path walking down it."""

from dataclasses import replace

import numpy as np
import streamlit as st

import neuron_core as nc
from neuron_core import verdict_words as words
from neuron_core.figures.landscape_figure import landscape_figure
from neuron_core.landscape import landscape_view, weight_label
from neuron_core.number_format import count, number, setting
from neuron_core.verdict import run_verdict
from ui.cache import rate_presets
from ui.charts import chart_config
from ui.controls import control, current_run, current_theme
from ui.landscape_controls import CHART, map_alpha, pick_start
from ui.notices import banner
from ui.page import page_run, start_page

s = start_page()

st.title("Cost landscape")
st.caption(
    "Every choice of weights has a cost J. Drawn over the two weights w₁ and w₂, J is a "
    "landscape with a valley; gradient descent walks downhill, one step per epoch. "
    "Press **▶ Play** to watch the walk."
)
base = page_run(s, 2, "The landscape needs two weights: pick at least two inputs in **Features**.")
prep = base.prepared
p = rate_presets(base, s.epochs)
alpha = map_alpha(s.alpha, p)
run = base if alpha == s.alpha else current_run(replace(s, alpha=alpha))
h = run.history
surface = control(st, "landscape_3d")

view = landscape_view(run)
frames = nc.sample_frames(h.cost, 80)
fig = landscape_figure(run, view, frames, surface=surface, theme=current_theme())
picking = pick_start(base, surface)
st.plotly_chart(
    fig,
    width="stretch",
    config=chart_config(),
    **({"key": CHART} | picking),
    alt=f"{'A 3-D surface' if surface else 'A contour map'} of the cost J over the weights w₁ "
    f"and w₂, with the path gradient descent took in {count(h.epochs)} epochs at "
    f"α = {setting(alpha)} (described below).",
)

# What this α did, in one line: the verdict every page gives this run, in its one wording.
v = run_verdict(run)
banner(v.kind, words.sentence(v, alpha, h, run.optimum.cost))
if view.clipped:
    far = np.abs(view.path).max()
    st.caption(
        f"The path flies off the map (|w| reaches {number(far, 3)}); the view is kept around the "
        "start and the optimum so the valley stays readable."
    )
if not run.optimum.finite:
    banner("separable", f"{words.separable()} {words.SEPARABLE_ARROW}")

rest = ""
if len(prep.features) > 2:
    others = ", ".join(
        f"{weight_label(f, k + 3).split(' ')[0]} = {number(w, 3)}"
        for k, (f, w) in enumerate(zip(prep.features[2:], view.w_rest, strict=True))
    )
    held = "the optimum's values" if view.at_optimum else "their final values"
    rest = f" The other weights are held at {held} too: {others}."
if view.at_optimum:
    where = (
        f"the bias is held at the optimum's value, b* = {number(view.b, 3)} (the run ends "
        f"at b = {number(h.b[-1], 3)}), so the star sits at the bottom of the valley drawn"
    )
else:
    where = (
        f"the bias is held at the run's final value, b = {number(view.b, 3)} (there is no "
        "finite optimum to slice through)"
    )
st.markdown(
    f"**How to read it.** The map is a slice of J: {where}, and only w₁ and w₂ vary.{rest} "
    "The path shows the run's real (w₁, w₂) at every epoch; its b was different on the way, "
    "so its steps need not point straight downhill on this slice. Contour levels are spaced "
    "on a log scale of the height above the map's lowest point, so the flat floor of the "
    "valley gets lines too."
)
cols = st.columns(3)
cols[0].metric("α on this map", setting(alpha))
cols[1].metric("Safe α ≈ 1/L", setting(p.hint), help="L bounds the curvature of J.")
if run.optimum.finite:
    dist = np.linalg.norm(h.w[-1, :2] - run.optimum.w[:2])
    cols[2].metric("Distance to the optimum (w₁, w₂)", number(dist, 3))
else:
    cols[2].metric("Optimum", "at infinity")
