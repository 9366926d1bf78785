"""Choosing which epochs to animate."""

import numpy as np
import pytest

from neuron_core import sample_frames

DECAYING = 0.1 + np.exp(-np.arange(2001) / 150.0)


@pytest.mark.parametrize("k", [2, 10, 100, 500])
@pytest.mark.parametrize(
    "cost",
    [DECAYING, np.full(2001, 0.3), np.linspace(1.0, 0.2, 2001), DECAYING[::-1]],
    ids=["decaying", "flat", "linear", "rising"],
)
def test_frames_are_few_unique_sorted_and_include_first_and_last(cost, k):
    frames = sample_frames(cost, k)
    assert 2 <= len(frames) <= k
    assert frames[0] == 0 and frames[-1] == len(cost) - 1
    assert np.all(np.diff(frames) > 0)
    assert np.issubdtype(frames.dtype, np.integer)


def test_frames_crowd_where_the_cost_falls_fast():
    frames = sample_frames(DECAYING, 100)
    early = np.sum(frames < 400)  # the first fifth of the epochs holds most of the fall
    late = np.sum(frames >= 1600)  # the last fifth is a plateau
    assert early > 2 * late
    assert len(frames) > 50  # not collapsed onto a few epochs


def test_flat_cost_gets_evenly_spaced_frames():
    frames = sample_frames(np.full(1001, 0.5), 11)
    np.testing.assert_array_equal(frames, np.arange(0, 1001, 100))


@pytest.mark.parametrize("length", [1, 2, 5])
def test_short_history_keeps_every_epoch(length):
    np.testing.assert_array_equal(sample_frames(np.linspace(1, 0, length), 10), np.arange(length))
