"""`train` and `iter_epochs` against the one-step reference, theory, and bad input."""

import itertools
import re
import warnings

import numpy as np
import pytest

from neuron_core import (
    cost,
    iter_epochs,
    make_dataset,
    prepare,
    smoothness,
    step,
    train,
)


def blobs(m=120, seed=0):
    data = make_dataset("blobs", m, noise=0.2, seed=seed)
    return data.X, data.y.astype(float)


def step_loop(X, y, alpha, epochs, l2=0.0, w0=None, b0=0.0):
    """The reference path: `step` applied `epochs` times, every state recorded."""
    w = np.zeros(X.shape[1]) if w0 is None else np.asarray(w0, dtype=float)
    b = b0
    W, B, C = [w], [b], [cost(w, b, X, y, l2)]
    for _ in range(epochs):
        w, b = step(w, b, X, y, alpha, l2)
        W.append(w)
        B.append(b)
        C.append(cost(w, b, X, y, l2))
    return np.array(W), np.array(B), np.array(C)


def accuracy_of(w, b, X, y):
    return np.mean((X @ w + b >= 0) == (y == 1))


RUNS = [
    pytest.param(0.5, 0.0, None, 0.0, id="zeros-start"),
    pytest.param(1.3, 0.0, [0.8, -1.5], 0.4, id="given-start"),
    pytest.param(0.9, 0.1, [2.0, 1.0], -1.0, id="l2"),
]


@pytest.mark.parametrize(("alpha", "l2", "w0", "b0"), RUNS)
def test_train_equals_a_loop_of_step(alpha, l2, w0, b0):
    X, y = blobs()
    h = train(X, y, alpha=alpha, epochs=300, l2=l2, w0=w0, b0=b0)
    W, B, C = step_loop(X, y, alpha, 300, l2, w0, b0)
    assert h.diverged_at is None and h.epochs == 300
    np.testing.assert_allclose(h.w, W, rtol=1e-12, atol=1e-13)
    np.testing.assert_allclose(h.b, B, rtol=1e-12, atol=1e-13)
    np.testing.assert_allclose(h.cost, C, rtol=1e-12)
    expected_acc = [accuracy_of(w, b, X, y) for w, b in zip(W, B, strict=True)]
    np.testing.assert_array_equal(h.accuracy, expected_acc)


def test_accuracy_counts_a_zero_logit_as_class_one():
    # From w = 0, b = 0 every z is 0, so ŷ = 0.5 and every example is predicted class 1.
    X, y = blobs(m=9)
    h = train(X, y, alpha=0.1, epochs=0)
    assert h.accuracy[0] == np.mean(y == 1)


def test_recorded_cost_keeps_every_digit_as_the_data_becomes_separated():
    # Separable data: the cost falls towards 0, where tiny per-example losses must not be
    # lost to rounding. Reference: the mean of softplus(±z), exact in floating point.
    p = prepare(make_dataset("blobs", 200, noise=0.0, seed=0), test_share=0.0)
    X, y = p.F_train, p.y_train
    h = train(X, y, alpha=100.0, epochs=5000)
    assert h.cost[-1] < 1e-6
    s = 1.0 - 2.0 * y
    exact = [np.logaddexp(0.0, s * (X @ w + b)).mean() for w, b in zip(h.w, h.b, strict=True)]
    np.testing.assert_allclose(h.cost, exact, rtol=1e-14)


@pytest.mark.parametrize(("alpha", "l2", "w0", "b0"), RUNS)
def test_iter_epochs_snapshots_agree_with_train(alpha, l2, w0, b0):
    X, y = blobs()
    h = train(X, y, alpha=alpha, epochs=50, l2=l2, w0=w0, b0=b0)
    snaps = list(itertools.islice(iter_epochs(X, y, alpha=alpha, l2=l2, w0=w0, b0=b0), 51))
    assert [s.epoch for s in snaps] == list(range(51))
    np.testing.assert_allclose([s.w for s in snaps], h.w, rtol=1e-12, atol=1e-13)
    np.testing.assert_allclose([s.b for s in snaps], h.b, rtol=1e-12, atol=1e-13)
    np.testing.assert_allclose([s.cost for s in snaps], h.cost, rtol=1e-12)


def test_iter_epochs_snapshots_are_independent_copies():
    X, y = blobs()
    it = iter_epochs(X, y, alpha=0.5)
    first = next(it)
    w_first = first.w.copy()
    next(it), next(it)
    np.testing.assert_array_equal(first.w, w_first)


@pytest.mark.parametrize("epochs", [0, 1, 25])
def test_history_has_one_row_per_epoch_plus_the_initial_state(epochs):
    X, y = blobs()
    h = train(X, y, alpha=0.5, epochs=epochs, w0=[0.3, -0.2], b0=0.7)
    assert h.w.shape == (epochs + 1, 2)
    for arr in (h.b, h.cost, h.accuracy):
        assert arr.shape == (epochs + 1,) and arr.dtype == np.float64
    np.testing.assert_array_equal(h.w[0], [0.3, -0.2])
    assert h.b[0] == 0.7
    assert h.cost[0] == pytest.approx(cost(np.array([0.3, -0.2]), 0.7, X, y), rel=1e-12)
    assert h.test_cost is None and h.test_accuracy is None
    assert h.diverged_at is None and h.epochs == epochs


@pytest.mark.parametrize("l2", [0.0, 0.05], ids=["no-l2", "l2"])
def test_test_cost_and_accuracy_are_scored_at_every_recorded_state(l2):
    p = prepare(make_dataset("moons", 160, noise=0.2, seed=4), test_share=0.3, seed=1)
    h = train(p.F_train, p.y_train, alpha=1.0, epochs=40, l2=l2, X_test=p.F_test, y_test=p.y_test)
    assert h.test_cost.shape == h.test_accuracy.shape == (41,)
    for k in range(41):
        w, b = h.w[k], h.b[k]
        assert h.test_cost[k] == pytest.approx(cost(w, b, p.F_test, p.y_test, l2), rel=1e-12)
        assert h.test_accuracy[k] == accuracy_of(w, b, p.F_test, p.y_test)
        assert h.cost[k] == pytest.approx(cost(w, b, p.F_train, p.y_train, l2), rel=1e-12)


DATASETS_FOR_MONOTONICITY = [
    pytest.param("linear", ("x1", "x2"), False, 0.0, id="linear-raw"),
    pytest.param("moons", ("x1", "x2"), True, 0.0, id="moons-scaled"),
    pytest.param("circles", ("x1", "x2", "x1^2", "x2^2"), False, 0.0, id="circles-quadratic-raw"),
    pytest.param("xor", ("x1", "x2", "x1*x2"), True, 0.1, id="xor-product-scaled-l2"),
    pytest.param("blobs", ("x1", "x2"), False, 0.5, id="blobs-raw-strong-l2"),
]


@pytest.mark.parametrize(("name", "features", "standardize", "l2"), DATASETS_FOR_MONOTONICITY)
def test_cost_never_increases_for_alpha_below_one_over_smoothness(name, features, standardize, l2):
    p = prepare(make_dataset(name, 150, noise=0.2, seed=2), features, standardize, test_share=0)
    alpha = 0.99 / smoothness(p.F_train, l2)
    h = train(p.F_train, p.y_train, alpha=alpha, epochs=400, l2=l2)
    assert h.cost[-1] < h.cost[0] - 0.05  # it really moved
    assert np.all(np.diff(h.cost) <= 1e-15)


def assert_clean_divergence(h, epochs):
    assert isinstance(h.diverged_at, int) and 0 < h.diverged_at <= epochs
    k = h.diverged_at
    assert h.w.shape == (k, 2) and h.b.shape == h.cost.shape == h.accuracy.shape == (k,)
    assert h.epochs == k - 1
    for arr in (h.w, h.b, h.cost, h.accuracy):
        assert np.all(np.isfinite(arr))


def test_divergence_on_huge_unscaled_data_is_reported_not_raised():
    X, y = blobs()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        h = train(X * 1e150, y, alpha=1e100, epochs=50, X_test=X[:20] * 1e150, y_test=y[:20])
    assert_clean_divergence(h, 50)
    assert h.test_cost.shape == (h.diverged_at,)


def test_divergence_deep_into_a_run_keeps_every_epoch_before_it():
    # α·l2 = 1000: the penalty alone multiplies w by −999 per epoch, so (λ/2)‖w‖² passes
    # BLOWN_UP (1e100) at epoch 17, well before it would overflow.
    X, y = blobs()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        h = train(X, y, alpha=1e3, l2=1.0, epochs=200)
        snaps = list(iter_epochs(X, y, alpha=1e3, l2=1.0))
    assert_clean_divergence(h, 200)
    assert h.diverged_at == 17
    assert len(snaps) == h.diverged_at  # the generator stops at the same place
    np.testing.assert_allclose([s.w for s in snaps], h.w, rtol=1e-12)
    W, _, _ = step_loop(X, y, 1e3, 10, l2=1.0)
    np.testing.assert_allclose(h.w[:11], W, rtol=1e-12)


def test_test_rows_with_logits_beyond_the_float_range_are_scored_without_warnings():
    # Training stays below BLOWN_UP (costs near 1e47), but the far larger test rows overflow z.
    X, y = blobs()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        h = train(X * 1e40, y, alpha=1e-35, epochs=20, X_test=X[:50] * 1e305, y_test=y[:50])
    assert h.diverged_at is None and np.all(np.isfinite(h.cost))
    assert h.test_cost.shape == (21,) and h.test_cost[0] == pytest.approx(np.log(2))
    assert not np.any(h.test_cost < 0)


def test_weights_overflowing_while_the_cost_stays_finite_count_as_divergence():
    # α·x overflows, so the first step sends w to inf; every logit is then −inf on the
    # correct side (cost 0), but a non-finite weight must still end the run.
    X, y = np.array([[-1e10], [1e10]]), np.array([0, 1])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        h = train(X, y, alpha=1e300, epochs=5, X_test=X[:1], y_test=y[:1])
    assert h.diverged_at == 1
    np.testing.assert_array_equal(h.w, [[0.0]])
    assert h.cost.shape == h.test_cost.shape == (1,)


def test_divergence_at_epoch_zero_cannot_happen_from_a_finite_start():
    X, y = blobs()
    h = train(X, y, alpha=1e300, epochs=5)
    assert h.cost.shape[0] >= 1 and np.isfinite(h.cost[0])


BAD_HYPERPARAMETERS = [
    pytest.param({"alpha": 0}, "alpha", "0", id="alpha-zero"),
    pytest.param({"alpha": -0.5}, "alpha", "-0.5", id="alpha-negative"),
    pytest.param({"alpha": float("nan")}, "alpha", "nan", id="alpha-nan"),
    pytest.param({"alpha": float("inf")}, "alpha", "inf", id="alpha-inf"),
    pytest.param({"alpha": "0.1"}, "alpha", "'0.1'", id="alpha-string"),
    pytest.param({"alpha": True}, "alpha", "True", id="alpha-bool"),
    pytest.param({"epochs": -1}, "epochs", "-1", id="epochs-negative"),
    pytest.param({"epochs": 2.5}, "epochs", "2.5", id="epochs-fraction"),
    pytest.param({"epochs": True}, "epochs", "True", id="epochs-bool"),
    pytest.param({"l2": -1}, "l2", "-1", id="l2-negative"),
    pytest.param({"l2": float("nan")}, "l2", "nan", id="l2-nan"),
    pytest.param({"w0": [1.0, 2.0, 3.0]}, "w0", "(3,)", id="w0-wrong-shape"),
    pytest.param({"b0": float("inf")}, "b0", "inf", id="b0-inf"),
]


@pytest.mark.parametrize(("change", "name", "shown"), BAD_HYPERPARAMETERS)
def test_bad_hyperparameter_raises_value_error_naming_it(change, name, shown):
    X, y = blobs(m=20)
    kwargs = {"alpha": 0.1, "epochs": 10, **change}
    with pytest.raises(ValueError, match=re.escape(name)) as info:
        train(X, y, **kwargs)
    assert shown in str(info.value)
    if name != "epochs":
        kwargs.pop("epochs")
        with pytest.raises(ValueError, match=re.escape(name)):
            next(iter_epochs(X, y, **kwargs))


BAD_DATA = [
    pytest.param(np.ones((5, 2)), np.array([0, 1, 0, 1]), "y", "(4,)", id="y-too-short"),
    pytest.param(np.ones(5), np.array([0, 1, 0, 1, 0]), "X", "(5,)", id="X-one-dimensional"),
    pytest.param(np.ones((0, 2)), np.array([]), "X", "(0, 2)", id="X-empty"),
    pytest.param(np.ones((4, 2)), np.array([0, 2, 0, 2]), "y", "2", id="labels-0-and-2"),
    pytest.param(np.ones((3, 2)), np.array([0, 1, -1]), "y", "-1", id="label-minus-one"),
    pytest.param(np.ones((3, 2)), np.array(["no", "yes", "no"]), "y", "'no'", id="text-labels"),
    pytest.param(
        np.array([[1.0, np.nan], [0, 0]]), np.array([0, 1]), "X", "finite", id="X-with-nan"
    ),
]


@pytest.mark.parametrize(("X", "y", "name", "shown"), BAD_DATA)
def test_bad_data_raises_value_error_naming_it(X, y, name, shown):
    with pytest.raises(ValueError, match=rf"\b{name}\b") as info:
        train(X, y, alpha=0.1, epochs=3)
    assert shown in str(info.value)


def test_label_error_quotes_the_plain_value_and_its_index():
    with pytest.raises(ValueError, match=r"got 2 at index 1"):
        train(np.ones((3, 2)), np.array([0, 2, 1]), alpha=0.1, epochs=1)


@pytest.mark.parametrize(
    ("X_test", "y_test", "shown"),
    [
        pytest.param(np.ones((4, 3)), np.array([0, 1, 0, 1]), "X_test", id="test-columns"),
        pytest.param(np.ones((4, 2)), None, "y_test", id="test-labels-missing"),
        pytest.param(np.ones((4, 2)), np.array([0, 1, 0]), "y_test", id="test-length"),
    ],
)
def test_mismatched_test_data_raises_value_error(X_test, y_test, shown):
    X, y = blobs(m=20)
    with pytest.raises(ValueError, match=shown):
        train(X, y, alpha=0.1, epochs=1, X_test=X_test, y_test=y_test)


@pytest.mark.parametrize("standardize", [True, False], ids=["standardised", "raw"])
def test_a_blowing_up_run_stops_while_its_numbers_are_still_readable(standardize):
    """α·λ = 10: every epoch multiplies w by −9, a divergence a slider can reach. The run
    stops once the cost or a weight passes BLOWN_UP, far from float64's limit."""
    import neuron_core as nc
    from neuron_core.training import BLOWN_UP

    data = nc.make_dataset("moons", 200, 0.1, seed=0)
    prep = nc.prepare(data, ("x1", "x2"), standardize, 0.25, seed=0)
    h = nc.run_experiment(prep, alpha=10.0, epochs=300, l2=1.0).history
    assert h.diverged_at is not None and h.diverged_at < 100
    for arr in (h.w, h.b, h.cost):
        assert np.all(np.abs(arr) <= BLOWN_UP)
