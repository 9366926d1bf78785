"""Every figure that draws the data tells its two classes apart by shape as well as by
colour (for a greyscale projector and for colour-blind readers), and the colours are the
Okabe–Ito pair: a circle for class 0, a square for class 1, on every page's figures.
"""

from __future__ import annotations

import numpy as np
import pytest

import neuron_core as nc
from neuron_core.figures import CLASS_COLORS, CLASS_SYMBOLS
from neuron_core.figures.bug_lab_figure import bug_boundaries
from neuron_core.figures.learning_rates_figure import boundary_panel
from neuron_core.figures.one_step_figure import one_step_figure
from neuron_core.palette import BLUE, VERMILLION
from tests.figure_data import decode_array, prepared


def _printed(run):
    return nc.train(run.prepared.F_train, run.prepared.y_train, alpha=0.5, epochs=5)


# figure name -> its builder on a run, with what the page passes
FIGURES = {
    "one step": lambda run, h: one_step_figure(
        run.prepared, (h.w[10], h.b[10]), (h.w[-1], h.b[-1]), chosen=0
    ),
    "learning rates": lambda run, h: boundary_panel(run.prepared, h.w[-1], h.b[-1], "α = 0.5"),
    "bug lab, printed": lambda run, h: bug_boundaries(run.prepared, _printed(run), h)[0],
    "bug lab, corrected": lambda run, h: bug_boundaries(run.prepared, _printed(run), h)[1],
}


def _count(v) -> int:
    return len(decode_array(v) if isinstance(v, dict) else np.asarray(v))


def test_the_class_colours_are_okabe_ito_and_the_shapes_differ():
    assert CLASS_COLORS == (BLUE, VERMILLION)
    assert len(set(CLASS_SYMBOLS)) == 2


@pytest.mark.parametrize("name", FIGURES)
def test_each_class_has_its_own_shape_and_colour(name):
    run = nc.run_experiment(prepared("moons", ("x1", "x2")), alpha=0.5, epochs=50)
    fig, y = FIGURES[name](run, run.history), run.prepared.y_train
    drawn = {}
    for t in fig.data:
        marker = getattr(t, "marker", None)
        if t.type == "scatter" and marker is not None and marker.color in CLASS_COLORS:
            k = CLASS_COLORS.index(marker.color)
            drawn[k] = drawn.get(k, 0) + _count(t.x)
            assert marker.symbol == CLASS_SYMBOLS[k], (name, t.name)
    assert drawn == {0: int((y == 0).sum()), 1: int((y == 1).sum())}, name
