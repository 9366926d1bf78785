"""One verdict on a run: converged, crawling, oscillating or diverged, from the history."""

from types import SimpleNamespace

import numpy as np
import pytest

import neuron_core as nc
from neuron_core.lessons import BY_KEY, run_preset
from neuron_core.verdict import run_verdict, verdict
from neuron_core.verdict_words import short


def history(cost, diverged_at=None):
    return SimpleNamespace(cost=np.asarray(cost, dtype=float), diverged_at=diverged_at)


@pytest.mark.parametrize(
    ("cost", "diverged_at", "kind"),
    [
        ([0.69, 0.4, 0.25, 0.2001], None, "converged"),
        ([0.69, 0.6, 0.5, 0.45], None, "crawling"),
        ([0.69, 0.3, 0.9, 0.2, 1.0], None, "oscillating"),  # ends above its start: finite
        ([0.69, 0.3, 0.5, 0.2001, 0.2], None, "oscillating"),
        ([0.69, 5.0, 1e200], 3, "diverged"),
    ],
    ids=["converged", "crawling", "oscillating-ends-high", "oscillates-then-settles", "diverged"],
)
def test_verdict_of_a_history(cost, diverged_at, kind):
    assert verdict(history(cost, diverged_at), 0.2).kind == kind


def test_settling_oscillation_says_so():
    v = verdict(history([0.69, 0.3, 0.5, 0.2001, 0.2]), 0.2)
    assert v.settles and short(v) == "oscillates, then settles" and v.epoch == 2


def test_no_finite_optimum_is_never_crawling():
    assert verdict(history([0.69, 0.3, 0.1, 0.05]), None).kind == "converged"


def test_alpha_86_on_moons_oscillates():
    prep = nc.prepare(nc.make_dataset("moons", 200, 0.1, 0), ("x1", "x2"), True, 0.25, seed=0)
    run = nc.run_experiment(prep, alpha=86.0, epochs=300)
    assert run.history.cost[-1] > run.history.cost[0] or run.history.cost.max() > 0.9
    assert run_verdict(run).kind == "oscillating"


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("good-alpha", "converged"),
        ("alpha-too-small", "crawling"),
        ("alpha-too-large", "oscillating"),
        ("alpha-diverges", "diverged"),
    ],
)
def test_each_learning_rate_preset_earns_its_verdict(key, kind):
    assert run_verdict(run_preset(BY_KEY[key])).kind == kind
