"""Bug-lab figures on their data: both cost curves, and both final boundaries."""

import numpy as np
import pytest

import neuron_core as nc
from neuron_core.bug_lab import train_printed
from neuron_core.figures.bug_lab_figure import bug_boundaries, bug_cost_figure
from neuron_core.figures.learning_rates_figure import rates_cost_figure
from neuron_core.learning_rates import compare_rates
from neuron_core.number_format import number, percent
from tests.figure_data import prepared


@pytest.fixture(scope="module")
def runs():
    prep = prepared("linear")
    F, y = prep.F_train, prep.y_train
    printed = train_printed(F, y, alpha=0.5, epochs=100)
    fixed = nc.train(F, y, alpha=0.5, epochs=100)
    return prep, printed, fixed, nc.reference_optimum(F, y)


def test_cost_curves_are_both_runs(runs):
    _, printed, fixed, opt = runs
    fig = bug_cost_figure(printed, fixed, opt)
    np.testing.assert_allclose(fig.data[0].y, printed.cost)
    np.testing.assert_allclose(fig.data[1].y, fixed.cost)
    assert "printed" in fig.data[0].name and "corrected" in fig.data[1].name
    assert fig.data[1].y[-1] < fig.data[0].y[-1]


def test_printed_boundary_goes_through_the_inputs_origin(runs):
    prep, printed, fixed, _ = runs
    left, right = bug_boundaries(prep, printed, fixed)
    # With standardised inputs the origin is the training mean: ŷ = 0.5 exactly there.
    centre = prep.scaler.mean
    F = prep.inputs(centre[None, :])
    assert np.allclose(F, 0.0)
    assert nc.predict_proba(printed.w[-1], 0.0, F)[0] == pytest.approx(0.5)
    z = np.asarray(left.data[0].z)
    x, y = np.asarray(left.data[0].x), np.asarray(left.data[0].y)
    i, j = 7, 31
    G = prep.inputs(np.array([[x[j], y[i]]]))
    assert z[i, j] == pytest.approx(nc.predict_proba(printed.w[-1], 0.0, G)[0])
    assert percent(printed.accuracy[-1], 0) in left.layout.title.text
    assert percent(fixed.accuracy[-1], 0) in right.layout.title.text


def test_the_optimum_line_is_the_rates_charts_line(runs):
    """One J* line: same label, style and reach in the bug-lab and learning-rate charts."""
    prep, printed, fixed, opt = runs
    rates = compare_rates(prep.F_train, prep.y_train, [0.5], epochs=100, optimum_cost=opt.cost)
    floors = [
        next(t for t in fig.data if t.name.startswith("optimum"))
        for fig in (bug_cost_figure(printed, fixed, opt), rates_cost_figure(rates, opt))
    ]
    assert floors[0].to_plotly_json() == floors[1].to_plotly_json()
    assert floors[0].name == f"optimum J* = {number(opt.cost)}"
    assert floors[0].y == (opt.cost, opt.cost) and floors[0].x == (0, 100)
    assert floors[0].line.dash == "dot"
