"""The banners about a run, drawn from its one verdict in the words of
`neuron_core.verdict_words` (diverged, oscillating, crawling, converged, and whether the
training points can be split perfectly): every page that shows a run's behaviour draws it
with `banner`, and the Playground's set with `run_notices`, so no two pages (or a page and
a preset) word the same run differently. Then the Playground's captions: how far an epoch
is from J*, and its views in words.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

import neuron_core as nc
from neuron_core import verdict_words as words
from neuron_core.markdown_safe import as_text
from neuron_core.number_format import count, gap, number, percent
from neuron_core.verdict import run_verdict

# How each kind of sentence is drawn: the Streamlit element and its icon.
STYLES = {
    "diverged": ("error", ":material/error:"),
    "oscillating": ("warning", ":material/ssid_chart:"),
    "crawling": ("info", ":material/hourglass_bottom:"),
    "converged": ("success", ":material/check_circle:"),
    "separable": ("info", ":material/all_inclusive:"),
}
ICONS = {kind: icon for kind, (_, icon) in STYLES.items()}


def banner(kind: str, text: str, container=st) -> None:
    """Draw one of `neuron_core.verdict_words`' sentences as the banner its ``kind`` gets."""
    element, icon = STYLES[kind]
    getattr(container, element)(text, icon=icon)


def safer_alpha(run: nc.Run, smallest_alpha: float) -> str:
    """The advice after an overshoot (`verdict_words.advice`) for this run's data."""
    return words.advice(nc.suggested_alpha(run.prepared.F_train, run.l2), smallest_alpha)


def verdict_text(run: nc.Run, smallest_alpha: float) -> tuple[str, str] | None:
    """(kind, sentence) for the run's verdict, or None when it simply converged."""
    v = run_verdict(run)
    if v.kind == "converged":
        return None
    text = words.sentence(v, run.alpha, run.history, run.optimum.cost)
    if v.kind in ("diverged", "oscillating"):
        text += " " + safer_alpha(run, smallest_alpha)
    return v.kind, text


def separable_text(run: nc.Run) -> str | None:
    """The 'no best finite w' notice, true to the run's accuracy, or None."""
    opt, h = run.optimum, run.history
    if opt.finite or not opt.separable or not len(h.accuracy):
        return None
    return f"{words.separable(float(h.accuracy[-1]), h.epochs)} {words.SEPARABLE_TAME}"


def run_notices(run: nc.Run, smallest_alpha: float, container=st) -> list[str]:
    """Draw the run's banners in ``container``; returns their kinds (for tests)."""
    kinds = []
    if said := verdict_text(run, smallest_alpha):
        kind, text = said
        banner(kind, text, container)
        kinds.append(kind)
    if text := separable_text(run):
        banner("separable", text, container)
        kinds.append("separable")
    return kinds


def stop_unless_trained(run: nc.Run) -> None:
    """Say why and stop the page when not even the run's start is finite (it diverged at
    epoch 0: inputs near the float range and random starting weights), so there is no epoch
    to show."""
    if run.history.epochs >= 0:
        return
    banner("diverged", words.diverged(0))
    st.stop()


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
    test = f" and {count(m_test)} held-out test points (hollow)" if m_test else ""
    return (
        f"The live view shows {count(len(prep.train_idx))} training points of "
        f"“{as_text(str(prep.data.name))}”{test}, class 0 as blue circles and class 1 as orange "
        "squares, over the neuron's output ŷ, with the boundary ŷ = 0.5 as a black line; ŷ as "
        f"a 3-D surface; and the cost per epoch. The equations below are at epoch {shown} of "
        f"{h.epochs}, where it classifies {percent(h.accuracy[shown], 0)} of the training "
        f"points correctly; the cost runs from J = {number(h.cost[0])} at epoch 0 to "
        f"J = {number(h.cost[-1])} at epoch {h.epochs}."
    )
