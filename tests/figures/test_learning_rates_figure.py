"""Learning-rate figures on their data: one curve per α, divergence marked, boundaries."""

import numpy as np
import pytest

import neuron_core as nc
from neuron_core.figures.learning_rates_figure import (
    boundary_panel,
    cost_axis_top,
    rates_cost_figure,
)
from neuron_core.figures.style import Theme
from neuron_core.learning_rates import compare_rates
from tests.figure_data import prepared


@pytest.fixture(scope="module")
def setup():
    prep = prepared()
    opt = nc.reference_optimum(prep.F_train, prep.y_train)
    rs = compare_rates(
        prep.F_train, prep.y_train, [0.03, 2.7, 43.0, 170.0], epochs=150, optimum_cost=opt.cost
    )
    return prep, opt, rs


def test_one_curve_per_alpha_with_its_costs(setup):
    _, opt, rs = setup
    fig = rates_cost_figure(rs, opt)
    curves = [t for t in fig.data if t.mode == "lines" and t.name.startswith("α")]
    assert len(curves) == len(rs)
    for t, r in zip(curves, rs, strict=True):
        np.testing.assert_allclose(t.y, r.history.cost)
        assert f"{r.alpha:g}" in t.name and r.verdict in t.name


def test_only_a_non_finite_run_is_marked_diverged(setup):
    prep, opt, rs = setup
    fig = rates_cost_figure(rs, opt)
    assert not [t for t in fig.data if t.mode == "markers"]  # α = 170 oscillates, finite
    assert "diverg" not in " ".join(t.name for t in fig.data)
    rs = compare_rates(prep.F_train, prep.y_train, [0.5, 50.0], epochs=200, l2=1.0)
    fig = rates_cost_figure(rs, opt)
    crosses = [t for t in fig.data if t.mode == "markers"]
    bad = [r for r in rs if r.diverged_at is not None]
    assert len(bad) == 1 and len(crosses) == 1
    assert crosses[0].x == (min(bad[0].diverged_at, len(bad[0].history.cost) - 1),)
    assert crosses[0].marker.symbol == "x"


def test_a_diverged_cost_never_breaks_the_axis_or_the_hover(setup):
    prep, opt, _ = setup
    rs = compare_rates(prep.F_train, prep.y_train, [0.5, 50.0], epochs=200, l2=1.0)
    assert rs[1].history.cost.max() > 1e90  # ninety digits (BLOWN_UP ends it at 1e100)
    fig = rates_cost_figure(rs, opt)
    lo, hi = fig.layout.yaxis.range
    assert lo == 0.0 and hi < 10
    hovers = [c for t in fig.data if t.customdata is not None for c in t.customdata]
    assert hovers and max(len(c) for c in hovers) < 16


def test_log_epoch_axis_for_long_runs(setup):
    _, opt, rs = setup
    assert rates_cost_figure(rs, opt, log_epochs=True).layout.xaxis.type == "log"
    assert rates_cost_figure(rs, opt).layout.xaxis.type == "linear"


def test_optimum_floor_and_log_axis(setup):
    _, opt, rs = setup
    fig = rates_cost_figure(rs, opt, log=True)
    floor = next(t for t in fig.data if t.name.startswith("optimum"))
    assert floor.y == (opt.cost, opt.cost)
    assert fig.layout.yaxis.type == "log"
    assert fig.layout.yaxis.range is None


def test_linear_axis_is_clipped_when_a_run_flies_off(setup):
    _, opt, rs = setup
    top = cost_axis_top(rs, opt)
    assert top == pytest.approx(1.6 * rs[0].history.cost[0])
    assert tuple(rates_cost_figure(rs, opt).layout.yaxis.range) == (0.0, top)
    assert cost_axis_top(rs[:2], opt) is None  # calm runs: plotly's own range


def test_boundary_panel_shows_the_neurons_output(setup):
    prep, _, rs = setup
    h = rs[1].history
    fig = boundary_panel(prep, h.w[-1], h.b[-1], "good", theme=Theme.presenting())
    contour = fig.data[0]
    z = np.asarray(contour.z)
    i, j = 10, 25
    F = prep.inputs(np.array([[contour.x[j], contour.y[i]]]))
    assert z[i, j] == pytest.approx(nc.predict_proba(h.w[-1], h.b[-1], F)[0])
    assert contour.contours.start == 0.5
    points = [t for t in fig.data if t.type == "scatter"]
    assert sum(len(t.x) for t in points) == len(prep.train_idx)
    assert fig.layout.title.text == "good"
