"""One step by hand: every quantity against neuron_core.gradients / step and plain formulas."""

import math

import numpy as np
import pytest

import neuron_core as nc
from neuron_core.one_step import batch_step, example_step, worst_example


def problem(m, n, seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(0.0, 1.5, (m, n))
    y = (rng.random(m) < 0.5).astype(float)
    y[:2] = [0.0, 1.0]
    return X, y, rng.normal(0.0, 1.0, n), float(rng.normal())


CASES = [
    pytest.param(n, seed, l2, id=f"n{n}-seed{seed}-l2={l2}")
    for n in (1, 2, 7)
    for seed in (0, 1)
    for l2 in (0.0, 0.1)
]


@pytest.mark.parametrize(("n", "seed", "l2"), CASES)
def test_single_example_gradients_equal_core_gradients_on_that_row(n, seed, l2):
    X, y, w, b = problem(30, n, seed)
    for i in (0, 1, 17):
        s = example_step(w, b, X[i], y[i], alpha=0.3, l2=l2)
        dw, db = nc.gradients(w, b, X[i : i + 1], y[i : i + 1], l2)
        np.testing.assert_allclose(s.dw, dw, rtol=1e-13, atol=1e-15)
        assert s.db == pytest.approx(db, rel=1e-13, abs=1e-15)
        w_new, b_new = nc.step(w, b, X[i : i + 1], y[i : i + 1], 0.3, l2)
        np.testing.assert_allclose(s.w_new, w_new, rtol=1e-13, atol=1e-15)
        assert s.b_new == pytest.approx(b_new, rel=1e-13, abs=1e-15)
        assert s.loss == pytest.approx(nc.cost(w, b, X[i : i + 1], y[i : i + 1]), rel=1e-13)
        assert s.loss_new == pytest.approx(nc.cost(w_new, b_new, X[i : i + 1], y[i : i + 1]))


def test_single_example_quantities_follow_the_article_formulas():
    x, y, w, b = np.array([0.5, -1.2]), 1.0, np.array([0.8, 0.3]), -0.1
    s = example_step(w, b, x, y, alpha=0.5)
    z = 0.8 * 0.5 + 0.3 * -1.2 - 0.1
    assert s.z == pytest.approx(z)
    assert s.y_hat == pytest.approx(1 / (1 + math.exp(-z)))
    assert s.loss == pytest.approx(-math.log(s.y_hat))
    assert s.dz == pytest.approx(s.y_hat - 1.0)
    np.testing.assert_allclose(s.dw, s.dz * x)
    assert s.db == s.dz
    np.testing.assert_allclose(s.w_new, w - 0.5 * s.dz * x)
    assert s.b_new == pytest.approx(b - 0.5 * s.dz)
    # A step on a misclassified-ish example moves its prediction towards its label.
    assert s.y_hat_new > s.y_hat


def test_step_from_zero_weights_has_the_hand_numbers():
    s = example_step(np.zeros(2), 0.0, np.array([2.0, -1.0]), 0, alpha=1.0)
    assert (s.z, s.y_hat, s.dz) == (0.0, 0.5, 0.5)
    assert s.loss == pytest.approx(math.log(2))
    np.testing.assert_array_equal(s.w_new, [-1.0, 0.5])
    assert s.b_new == -0.5


def test_example_step_does_not_mutate_its_inputs():
    w, x = np.array([1.0, 2.0]), np.array([0.3, 0.4])
    s = example_step(w, 0.0, x, 1, alpha=1.0)
    np.testing.assert_array_equal(w, [1.0, 2.0])
    assert s.w is not w and s.w_new is not w


@pytest.mark.parametrize(("n", "seed", "l2"), CASES)
def test_batch_step_equals_core_step_and_gradients(n, seed, l2):
    X, y, w, b = problem(50, n, seed)
    s = batch_step(w, b, X, y, alpha=0.7, l2=l2)
    dw, db = nc.gradients(w, b, X, y, l2)
    np.testing.assert_allclose(s.dw, dw, rtol=1e-13, atol=1e-15)
    assert s.db == pytest.approx(db, rel=1e-13, abs=1e-15)
    w_new, b_new = nc.step(w, b, X, y, 0.7, l2)
    np.testing.assert_allclose(s.w_new, w_new, rtol=1e-13, atol=1e-15)
    assert s.b_new == pytest.approx(b_new, rel=1e-13, abs=1e-15)
    assert s.cost == pytest.approx(nc.cost(w, b, X, y, l2), rel=1e-13)
    assert s.cost_new == pytest.approx(nc.cost(w_new, b_new, X, y, l2), rel=1e-13)
    assert s.m == 50


def test_batch_sums_are_the_sums_of_the_single_example_steps():
    X, y, w, b = problem(25, 3, 4)
    s = batch_step(w, b, X, y, alpha=0.1)
    singles = [example_step(w, b, X[i], y[i], alpha=0.1) for i in range(25)]
    np.testing.assert_allclose(s.dz_x_sum, np.sum([e.dw for e in singles], axis=0), rtol=1e-12)
    assert s.dz_sum == pytest.approx(sum(e.dz for e in singles), rel=1e-12)
    assert s.loss_sum == pytest.approx(sum(e.loss for e in singles), rel=1e-12)
    np.testing.assert_allclose(s.z, [e.z for e in singles], rtol=1e-13)
    np.testing.assert_allclose(s.dw, s.dz_x_sum / 25)


def test_repeated_batch_steps_retrace_the_training_history():
    data = nc.make_dataset("moons", 120, 0.1, 0)
    prep = nc.prepare(data, ("x1", "x2", "x1*x2"), True, 0.25, seed=0)
    run = nc.run_experiment(prep, alpha=0.5, epochs=12, l2=0.01)
    w, b = run.history.w[3], float(run.history.b[3])
    for k in range(4, 13):
        s = batch_step(w, b, prep.F_train, prep.y_train, alpha=0.5, l2=0.01)
        w, b = s.w_new, s.b_new
        np.testing.assert_allclose(w, run.history.w[k], rtol=1e-12, atol=1e-14)
        assert b == pytest.approx(run.history.b[k], rel=1e-12, abs=1e-14)


@pytest.mark.parametrize("z_scale", [50.0, 800.0, 1e6], ids=["z50", "z800", "z1e6"])
def test_extreme_logits_give_finite_quantities_without_warnings(z_scale):
    X = np.array([[1.0, 0.0], [-1.0, 0.0], [1.0, 1.0], [-1.0, -1.0]])
    y = np.array([0.0, 1.0, 1.0, 0.0])
    w = np.array([z_scale, 0.0])
    with np.errstate(all="raise", under="ignore"):
        for i in range(4):
            s = example_step(w, 0.0, X[i], y[i], alpha=1.0)
            assert np.all(np.isfinite([s.z, s.y_hat, s.loss, s.dz, s.db, s.b_new, s.loss_new]))
            assert np.all(np.isfinite(s.w_new))
        s = batch_step(w, 0.0, X, y, alpha=1.0)
    assert s.loss[0] == pytest.approx(z_scale)  # log(1 + e^z) − 0 ≈ z, not inf
    assert np.isfinite(s.cost) and np.isfinite(s.cost_new)


def test_worst_example_is_the_row_with_the_largest_loss():
    X, y, w, b = problem(40, 2, 3)
    i = worst_example(w, b, X, y)
    losses = [nc.cost(w, b, X[k : k + 1], y[k : k + 1]) for k in range(40)]
    assert i == int(np.argmax(losses))


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        (dict(alpha=0.0), "alpha"),
        (dict(alpha=0.1, l2=-1.0), "l2"),
        (dict(alpha=0.1, y=2), "y"),
    ],
    ids=["alpha-zero", "l2-negative", "label-two"],
)
def test_bad_hyper_parameters_raise_value_errors_naming_them(kwargs, match):
    args = dict(w=np.zeros(2), b=0.0, x=np.ones(2), y=1) | kwargs
    with pytest.raises(ValueError, match=match):
        example_step(**args)
