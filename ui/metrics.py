"""The numbers under the Playground's chart, written by the one formatter.

`run_metrics` is pure (label, value, help) so a test reads exactly what a learner sees;
`show_metrics` lays them out in a row that wraps instead of cutting a value off on a small
projector (1024 px with presenter type) or a phone.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

import neuron_core as nc
from neuron_core.numbers import gap, number, percent


def run_metrics(run: nc.Run, shown: int) -> list[tuple[str, str, str | None]]:
    """(label, value, help) for epoch ``shown`` of ``run``."""
    h, opt = run.history, run.optimum
    w, b = h.w[shown], float(h.b[shown])
    test = "—" if h.test_accuracy is None else percent(h.test_accuracy[shown])
    out = [
        ("Epoch", f"{shown} / {h.epochs}", None),
        ("Cost J", number(h.cost[shown]), None),
        ("Train accuracy", percent(h.accuracy[shown]), None),
        ("Test accuracy", test, None),
    ]
    if opt.finite:
        dist = float(np.linalg.norm(np.r_[w - opt.w, b - opt.b]))
        out.append(
            (
                "Above J*",
                gap(h.cost[shown], opt.cost),
                f"How far the cost is above J* = {number(opt.cost, 5)}, the best cost of the "
                "same objective (found by scikit-learn). Distance in (w, b): "
                f"{number(dist, 3)}.",
            )
        )
    else:
        out.append(("Best cost J*", "none", "Separable data: J → 0 only as ‖w‖ → ∞."))
    return out


def show_metrics(run: nc.Run, shown: int, container=st) -> None:
    """The metrics in one row that wraps on narrow screens (each as wide as its text)."""
    row = container.container(horizontal=True, gap="medium", key="run_metrics")
    for label, value, tip in run_metrics(run, shown):
        row.metric(label, value, help=tip, width="content")
