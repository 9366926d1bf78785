"""Built-in datasets: same seed, same data; balanced classes; the stratified split."""

import numpy as np
import pytest

from neuron_core import DATASETS, Dataset, make_dataset, split_indices
from neuron_core.controls import DATASET_LABELS


def test_all_contract_generators_are_offered():
    assert {"linear", "blobs", "moons", "circles", "xor", "spiral"} <= set(DATASETS)


def test_every_dataset_has_its_label_in_the_same_order():
    assert tuple(DATASET_LABELS) == DATASETS
    assert DATASET_LABELS["circles"] == "Circles (a ring around a disc)"
    assert all(label.lower().startswith(name) for name, label in DATASET_LABELS.items())


@pytest.mark.parametrize("name", DATASETS)
def test_same_seed_gives_identical_data(name):
    a, b = make_dataset(name, 120, noise=0.2, seed=7), make_dataset(name, 120, noise=0.2, seed=7)
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)


@pytest.mark.parametrize("name", DATASETS)
def test_different_seed_gives_different_data(name):
    a, b = make_dataset(name, 120, noise=0.2, seed=7), make_dataset(name, 120, noise=0.2, seed=8)
    assert not np.array_equal(a.X, b.X)


@pytest.mark.parametrize("n_samples", [4, 101, 200, 1001])
@pytest.mark.parametrize("name", DATASETS)
def test_classes_are_balanced_and_shapes_follow_the_contract(name, n_samples):
    data = make_dataset(name, n_samples, noise=0.1, seed=3)
    assert isinstance(data, Dataset)
    assert data.X.shape == (n_samples, 2) and data.X.dtype == np.float64
    assert data.y.shape == (n_samples,) and np.issubdtype(data.y.dtype, np.integer)
    assert set(np.unique(data.y)) == {0, 1}
    n1 = int(data.y.sum())
    assert abs((n_samples - n1) - n1) <= 1
    assert np.all(np.isfinite(data.X))
    assert data.name == name and data.m == n_samples
    assert len(data.feature_names) == 2 and all(isinstance(s, str) for s in data.feature_names)
    assert tuple(data.classes) == (0, 1)


@pytest.mark.parametrize("name", DATASETS)
def test_zero_noise_is_clean_and_more_noise_moves_the_points(name):
    clean = make_dataset(name, 100, noise=0.0, seed=1)
    noisy = make_dataset(name, 100, noise=0.3, seed=1)
    assert np.all(np.isfinite(clean.X))
    assert not np.allclose(clean.X, noisy.X)


def test_classes_are_mixed_so_any_prefix_has_both():
    for name in DATASETS:
        y = make_dataset(name, 200, seed=0).y
        assert 0 < y[:20].sum() < 20, name


@pytest.mark.parametrize(
    ("kwargs", "shown"),
    [
        pytest.param({"name": "donut"}, "'donut'", id="unknown-name"),
        pytest.param({"name": "Moons"}, "'Moons'", id="wrong-case-name"),
        pytest.param({"name": "moons", "n_samples": 3}, "3", id="too-few-samples"),
        pytest.param({"name": "moons", "n_samples": -10}, "-10", id="negative-samples"),
        pytest.param({"name": "moons", "n_samples": 50.5}, "50.5", id="fractional-samples"),
        pytest.param({"name": "moons", "n_samples": True}, "True", id="bool-samples"),
        pytest.param({"name": "moons", "n_samples": "100"}, "'100'", id="text-samples"),
        pytest.param({"name": "moons", "noise": -0.1}, "-0.1", id="negative-noise"),
        pytest.param({"name": "moons", "noise": float("nan")}, "nan", id="nan-noise"),
    ],
)
def test_bad_dataset_request_raises_value_error_quoting_it(kwargs, shown):
    with pytest.raises(ValueError) as info:
        make_dataset(**kwargs)
    message = str(info.value)
    assert shown in message
    assert ("name" in message) or ("n_samples" in message) or ("noise" in message)


@pytest.mark.parametrize("test_share", [0.0, 0.2, 0.25, 0.5])
def test_split_is_stratified_disjoint_covering_and_sorted(test_share):
    y = np.r_[np.zeros(61, int), np.ones(39, int)]
    train_idx, test_idx = split_indices(y, test_share, seed=3)
    assert np.intersect1d(train_idx, test_idx).size == 0
    np.testing.assert_array_equal(np.sort(np.r_[train_idx, test_idx]), np.arange(100))
    assert np.all(np.diff(train_idx) > 0) and np.all(np.diff(test_idx) > 0)
    for label, count in ((0, 61), (1, 39)):
        assert np.sum(y[test_idx] == label) == round(test_share * count)


def test_split_is_seeded():
    y = make_dataset("moons", 200, seed=0).y
    a, b, c = (
        split_indices(y, 0.25, seed=1),
        split_indices(y, 0.25, seed=1),
        split_indices(y, 0.25, 2),
    )
    np.testing.assert_array_equal(a[1], b[1])
    assert not np.array_equal(a[1], c[1])


def test_split_keeps_at_least_one_example_of_each_class_for_training():
    y = np.array([0, 0, 0, 1])
    train_idx, _ = split_indices(y, 0.9, seed=0)
    assert set(y[train_idx]) == {0, 1}


@pytest.mark.parametrize("test_share", [-0.1, 0.95, float("nan")])
def test_split_rejects_a_share_out_of_range(test_share):
    with pytest.raises(ValueError, match="test_share"):
        split_indices(np.array([0, 1, 0, 1]), test_share)
