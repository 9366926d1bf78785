"""The offered learning rates: every α the app recommends is one the Playground can be set to."""

import math

import numpy as np
import pytest

import neuron_core as nc
from neuron_core.alphas import ALPHAS, on_grid, recommended
from neuron_core.controls import BY_KEY, settings_from
from neuron_core.learning_rates import preset_alphas
from neuron_core.lessons import PRESETS


def test_the_grid_is_sorted_and_no_step_is_larger_than_a_quarter():
    ratios = np.diff(np.log(ALPHAS))
    assert (ratios > 0).all()
    assert np.exp(ratios).max() <= 1.25 + 1e-9


def test_the_playground_offers_the_grid():
    assert BY_KEY["alpha"].options == ALPHAS
    assert BY_KEY["alpha"].default in ALPHAS


@pytest.mark.parametrize("alpha", [2.68, 43.0, 1600.0, 0.027, 1e-6, 1e4])
def test_on_grid_is_the_nearest_offered_alpha(alpha):
    a = on_grid(alpha)
    assert a in ALPHAS
    nearest = min(ALPHAS, key=lambda g: abs(math.log(g / alpha)))
    assert a == nearest


@pytest.mark.parametrize("alpha", [0.0, -1.0, math.inf, math.nan, 1e-8, 1e6])
def test_on_grid_refuses_what_the_grid_cannot_hold(alpha):
    assert on_grid(alpha) is None


def test_a_recommendation_below_the_grid_keeps_two_digits():
    assert recommended(3.14159e-9) == 3.1e-9


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.key)
def test_every_recommended_alpha_of_every_preset_can_be_set(preset):
    s = settings_from(preset.settings())
    data = nc.make_dataset(s.dataset, s.points, s.noise, s.seed)
    prep = nc.run_for(s, data).prepared
    found = preset_alphas(prep.F_train, prep.y_train, s.l2, epochs=s.epochs)
    assert found.hint in ALPHAS
    for kind, a in found.alphas.items():
        assert a is None or a in ALPHAS, (kind, a)
