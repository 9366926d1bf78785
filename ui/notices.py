"""The banners about a run, from its one verdict: diverged, oscillating, crawling, and
whether the training points can be split perfectly. Every page that shows a run calls
`run_notices`, so no two pages (or a page and a preset) describe the same run differently.
Then the Playground's captions: how far an epoch is from J*, and its views in words.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

import neuron_core as nc
from neuron_core.number_format import gap, number, percent
from neuron_core.verdict import run_verdict

ICONS = {
    "diverged": ":material/error:",
    "oscillating": ":material/ssid_chart:",
    "crawling": ":material/hourglass_bottom:",
    "separable": ":material/all_inclusive:",
}


def safer_alpha(run: nc.Run, smallest_alpha: float) -> str:
    """The advice after an overshoot: 1/L for this data, or standardise when even the
    smallest α on the slider is too large."""
    safe = nc.suggested_alpha(run.prepared.F_train, run.l2)
    if safe >= smallest_alpha:
        return f"Try α ≤ {safe:g} (1/L for this data)."
    return (
        "These inputs are so large that even the smallest α on the slider overshoots: "
        "switch on **Standardise inputs** (or rescale your data)."
    )


def verdict_text(run: nc.Run, smallest_alpha: float) -> tuple[str, str] | None:
    """(kind, sentence) for the run's verdict, or None when it simply converged."""
    h, v, a = run.history, run_verdict(run), f"{run.alpha:g}"
    if v.kind == "diverged":
        return v.kind, (
            f"**Training diverged at epoch {v.epoch}.** With α = {a} every step overshoots "
            "the bottom of the cost and lands higher up the other side, until the weights and "
            "the cost overflowed. The run stops at the last finite epoch "
            f"({h.epochs}). {safer_alpha(run, smallest_alpha)}"
        )
    if v.kind == "oscillating":
        end = (
            "then settle near the bottom"
            if v.settles
            else "the cost stays finite, but it does not settle"
        )
        return v.kind, (
            f"**The cost went up at epoch {v.epoch}: α = {a} oscillates.** The steps overshoot "
            f"the minimum and jump across the valley; {end}. {safer_alpha(run, smallest_alpha)}"
        )
    if v.kind == "crawling":
        return v.kind, (
            f"**α = {a} crawls.** After {h.epochs} epochs the cost is still "
            f"{gap(h.cost[-1], run.optimum.cost)} above the best possible J* = "
            f"{number(run.optimum.cost)}: more epochs or a larger α would get there."
        )
    return None


def separable_text(run: nc.Run) -> str | None:
    """The 'no best finite w' notice, true to the run's accuracy, or None."""
    opt, h = run.optimum, run.history
    if opt.finite or not opt.separable:
        return None
    acc = float(h.accuracy[-1])
    now = (
        "The neuron already gets every training point right"
        if acc >= 1.0
        else f"After {h.epochs} epochs the neuron gets {percent(acc)} of them right and is "
        "still closing in"
    )
    return (
        "**The training points can be split perfectly** (some boundary puts every one on its "
        f"own side). {now}; making it more confident always lowers the cost, so the weights "
        "grow forever and there is no best finite w. Add a little L2 (λ) to tame it."
    )


def run_notices(run: nc.Run, smallest_alpha: float, container=st) -> list[str]:
    """Draw the run's banners in ``container``; returns their kinds (for tests)."""
    kinds = []
    if said := verdict_text(run, smallest_alpha):
        kind, text = said
        draw = {"diverged": container.error, "oscillating": container.warning}
        draw.get(kind, container.info)(text, icon=ICONS[kind])
        kinds.append(kind)
    if text := separable_text(run):
        container.info(text, icon=ICONS["separable"])
        kinds.append("separable")
    return kinds


def optimum_caption(run: nc.Run, shown: int) -> str:
    """The caption under the Playground's view: how far epoch ``shown`` is from J*, in the
    one formatter's numbers ('0 (at the optimum)' once the gap is below rounding)."""
    h, opt = run.history, run.optimum
    scrub = "Pause or scrub the view to see the equations at another epoch."
    if not opt.finite:
        return "Separable data: J → 0 only as ‖w‖ → ∞, so there is no best finite (w, b). " + scrub
    w, b = h.w[shown], float(h.b[shown])
    dist = float(np.linalg.norm(np.r_[w - opt.w, b - opt.b]))
    above = gap(h.cost[shown], opt.cost)
    where = "has reached it (within rounding)" if above.startswith("0 ") else f"is {above} above it"
    return (
        f"J* = {number(opt.cost, 5)} is the best cost of this objective (scikit-learn's "
        f"optimum); at epoch {shown} the cost {where}, and (w, b) is {number(dist, 3)} away "
        "from its optimum. " + scrub
    )


def view_description(run: nc.Run, shown: int) -> str:
    """The views in words, for screen readers and for anyone who cannot see the colours."""
    h, prep = run.history, run.prepared
    m_test = len(prep.test_idx)
    test = f" and {m_test} held-out test points (hollow)" if m_test else ""
    return (
        f"The live view shows {len(prep.train_idx)} training points of '{prep.data.name}'"
        f"{test}, class 0 as blue circles and class 1 as orange squares, over the neuron's "
        f"output ŷ, with the boundary ŷ = 0.5 as a black line; ŷ as a 3-D surface; and the "
        f"cost per epoch. The equations below are at epoch {shown} of {h.epochs}, where it "
        f"classifies {h.accuracy[shown]:.0%} of the training points correctly; the cost runs "
        f"from J = {h.cost[0]:.3f} at epoch 0 to J = {h.cost[-1]:.3f} at epoch {h.epochs}."
    )
