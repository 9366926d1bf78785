"""Learning rates side by side: epochs to within 1 % of J*, divergence, the 1/L presets."""

import numpy as np
import pytest

import neuron_core as nc
from neuron_core.experiment import smoothness, suggested_alpha
from neuron_core.learning_rates import compare_rates, l_formula, preset_alphas
from neuron_core.verdict import epochs_within, first_rise


@pytest.fixture(scope="module")
def moons():
    prep = nc.prepare(nc.make_dataset("moons", 200, 0.1, 0), ("x1", "x2"), True, 0.25, seed=0)
    return prep.F_train, prep.y_train, nc.reference_optimum(prep.F_train, prep.y_train)


def brute_force_within(cost, target, rel=0.01):
    """Try every k and check every later epoch by hand."""
    for k in range(len(cost)):
        if all(c - target <= rel * abs(target) for c in cost[k:]):
            return k
    return None


@pytest.mark.parametrize(
    "cost",
    [
        [1.0, 0.5, 0.3, 0.202, 0.2009, 0.2001],
        [1.0, 0.2, 0.5, 0.201, 0.3, 0.2015, 0.2001],  # zig-zag: in, out, in again
        [1.0, 0.9, 0.8],
        [0.2, 0.2, 0.2],
        [0.201, 0.9, 0.2],
    ],
    ids=["falls-in", "zigzag", "never", "from-start", "leaves-and-returns"],
)
def test_epochs_within_matches_brute_force(cost):
    assert epochs_within(np.array(cost), 0.2) == brute_force_within(cost, 0.2)


def test_epochs_within_on_real_runs_matches_brute_force(moons):
    F, y, opt = moons
    for r in compare_rates(F, y, [0.05, 0.5, 3.0, 40.0], epochs=300, optimum_cost=opt.cost):
        assert r.epochs_to_optimum == brute_force_within(list(r.history.cost), opt.cost)


def test_good_alpha_reaches_the_optimum_and_tiny_alpha_does_not(moons):
    F, y, opt = moons
    tiny, good = compare_rates(F, y, [0.01, 2.7], epochs=300, optimum_cost=opt.cost)
    assert good.epochs_to_optimum is not None and good.outcome.kind == "converged"
    assert tiny.epochs_to_optimum is None and tiny.outcome.kind == "crawling"
    assert tiny.diverged_at is None and good.diverged_at is None


def test_alpha_far_too_large_without_l2_oscillates_not_diverges(moons):
    """α = 86 on the moons jumps between J ≈ 0.2 and 1 and may end above its start, but
    stays finite: that is an oscillation, and the table must not call it diverged."""
    F, y, opt = moons
    (r,) = compare_rates(F, y, [86.0], epochs=300, optimum_cost=opt.cost)
    assert np.all(np.isfinite(r.history.cost)) and r.history.diverged_at is None
    assert r.outcome.kind == "oscillating" and r.diverged_at is None
    assert "diverg" not in r.verdict


def test_non_finite_run_is_flagged_at_its_epoch(moons):
    F, y, _ = moons
    (r,) = compare_rates(F, y, [50.0], epochs=200, l2=1.0)  # α·λ > 2: w grows geometrically
    assert r.history.diverged_at is not None
    assert r.diverged_at == r.history.diverged_at
    assert r.outcome.kind == "diverged" and r.verdict == "diverges"
    assert np.all(np.isfinite(r.history.cost))


def test_presets_show_each_behaviour(moons):
    F, y, opt = moons
    p = preset_alphas(F, y)
    assert p.hint == suggested_alpha(F)
    assert np.isclose(p.L, smoothness(F))
    a = p.alphas
    assert a["too small"] < a["good"] < a["too large"]
    assert a["diverging"] is None  # without L2 the weights grow only linearly: no overflow
    small, good, large = compare_rates(
        F, y, [a["too small"], a["good"], a["too large"]], epochs=300, optimum_cost=opt.cost
    )
    assert small.outcome.kind == "crawling"
    assert good.outcome.kind == "converged"
    assert large.outcome.kind == "oscillating"


def test_diverging_preset_with_l2_really_overflows(moons):
    F, y, _ = moons
    a = preset_alphas(F, y, 1.0).alphas
    assert a["diverging"] is not None
    (r,) = compare_rates(F, y, [a["diverging"]], epochs=300, l2=1.0)
    assert r.outcome.kind == "diverged" and r.history.diverged_at is not None


def test_alpha_below_two_over_L_never_raises_the_cost(moons):
    F, y, _ = moons
    h = nc.train(F, y, alpha=1.9 / smoothness(F), epochs=300)
    assert first_rise(h.cost) is None and h.diverged_at is None


def test_same_start_for_every_alpha(moons):
    F, y, _ = moons
    w0 = np.array([0.3, -0.2])
    rs = compare_rates(F, y, [0.1, 1.0], epochs=5, w0=w0, b0=0.4)
    for r in rs:
        assert np.allclose(r.history.w[0], w0) and r.history.b[0] == 0.4


def test_formula_shows_this_datas_L(moons):
    F, _, _ = moons
    L_line, alpha_line = l_formula(F)
    assert f"{smoothness(F):.3g}" in L_line and f"{1 / smoothness(F):.3g}" in alpha_line
    assert r"+ \lambda" in l_formula(F, 0.1)[0] and r"+ \lambda" not in L_line
