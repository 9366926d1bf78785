"""The verdict's sentences (neuron_core.verdict_words): finite, readable words for every run
state, "diverged at epoch 0" included, written with the one formatter."""

from __future__ import annotations

import re
from types import SimpleNamespace

import numpy as np
import pytest

from neuron_core import verdict_words as words
from neuron_core.lessons import BY_KEY, run_preset
from neuron_core.verdict import Verdict, run_verdict

# Anything the formatter never writes: a raw float, an exponent, a negative epoch, nan.
RAW = re.compile(r"\d{13,}|\de[+-]?\d|\bnan\b|\binf\b|epoch -|\(-1\)")


def _history(cost):
    cost = np.asarray(cost, dtype=float)
    return SimpleNamespace(cost=cost, epochs=len(cost) - 1)


STATES = {
    "diverged-at-0": (Verdict("diverged", 0), _history([])),
    "diverged-at-1": (Verdict("diverged", 1), _history([0.69])),
    "diverged-late": (Verdict("diverged", 53), _history(np.linspace(0.69, 2.9e98, 53))),
    "oscillating": (Verdict("oscillating", 9), _history([0.69, 0.3, 0.5, 0.4])),
    "settling": (Verdict("oscillating", 2, settles=True), _history([0.69, 0.3, 0.5, 0.2])),
    "crawling": (Verdict("crawling", None), _history([0.69, 0.6253])),
    "crawling-huge": (Verdict("crawling", None), _history([0.69, 3.1e250])),
    "converged": (Verdict("converged", 40), _history([0.69, 0.21])),
    "converged-no-optimum": (Verdict("converged", None), _history([0.69, 0.01])),
}


@pytest.mark.parametrize(("v", "h"), STATES.values(), ids=STATES.keys())
@pytest.mark.parametrize("alpha", [1e-4, 0.5, 10.0, 1.23456789e-7, 3e12])
def test_every_run_state_has_finite_readable_words(v, h, alpha):
    text = words.sentence(v, alpha, h, optimum_cost=0.2099)
    assert text.startswith("**") and text.count("**") % 2 == 0
    assert not RAW.search(text), text
    assert words.short(v) and not RAW.search(words.titled(alpha, v))


def test_diverged_at_epoch_0_says_there_is_nothing_to_show_and_what_to_do():
    text = words.diverged(0, 10.0)
    assert "epoch 0" in text and "no epoch to show" in text and "Standardise inputs" in text
    assert "last finite" not in text and "α = 10" not in text  # α plays no part at the start


def test_a_late_divergence_names_the_last_finite_epoch():
    assert "Training stops at epoch 52, the last finite one." in words.diverged(53, 10.0)


def test_alpha_is_written_as_picked():
    assert words.titled(1e-5, Verdict("converged", 3)) == "α = 1 × 10⁻⁵: converges"
    assert words.titled(0.0015, Verdict("crawling", None)) == "α = 0.0015: crawls (too slow)"


def test_advice_names_one_over_l_or_standardising():
    assert words.advice(0.73, 1e-4) == "Try α ≤ 0.73 (1/L for this data)."
    assert "Standardise inputs" in words.advice(1e-40, 1e-4)
    assert not RAW.search(words.advice(1.234567e-12, 1e-14))


def test_separable_words_follow_the_accuracy():
    assert "every training point right" in words.separable(1.0, 300)
    text = words.separable(0.9, 2000)
    assert "After 2000 epochs" in text and "90.0 %" in text and "still closing in" in text


@pytest.mark.parametrize("key", ["alpha-diverges", "alpha-too-large", "alpha-too-small"])
def test_a_preset_run_reads_the_same_from_its_verdict(key):
    run = run_preset(BY_KEY[key])
    v = run_verdict(run)
    text = words.sentence(v, run.alpha, run.history, run.optimum.cost)
    assert text.startswith(f"**α = {run.alpha:g} {words.VERBS[v.kind]}") and not RAW.search(text)
