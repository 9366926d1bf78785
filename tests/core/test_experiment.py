"""One experiment end to end, and the step-size theory behind the suggested α."""

import numpy as np
import pytest

from neuron_core import (
    INITS,
    gradients,
    initial_weights,
    make_dataset,
    prepare,
    run_experiment,
    smoothness,
    suggested_alpha,
    train,
)
from neuron_core.alphas import ALPHAS


def hessian_by_differences(F, y, w, b, l2, h=1e-5):
    """Hessian of the cost at (w, b), by central differences of `gradients`."""
    theta = np.r_[w, b]
    n = len(theta)
    H = np.empty((n, n))
    for j in range(n):
        e = np.zeros(n)
        e[j] = h
        up, down = theta + e, theta - e
        g_up = np.r_[gradients(up[:-1], up[-1], F, y, l2)]
        g_down = np.r_[gradients(down[:-1], down[-1], F, y, l2)]
        H[:, j] = (g_up - g_down) / (2 * h)
    return H


@pytest.mark.parametrize("standardize", [True, False], ids=["scaled", "raw"])
def test_smoothness_is_the_largest_curvature_reached_at_zero_logits(standardize):
    p = prepare(make_dataset("moons", 100, seed=1), ("x1", "x2", "x1^2"), standardize, 0)
    F, y = p.F_train, p.y_train
    L = smoothness(F)
    at_zero = np.linalg.eigvalsh(hessian_by_differences(F, y, np.zeros(3), 0.0, 0.0))[-1]
    assert at_zero == pytest.approx(L, rel=1e-6)  # σ' = 1/4 everywhere when z = 0
    rng = np.random.default_rng(0)
    for _ in range(3):
        H = hessian_by_differences(F, y, rng.normal(size=3), rng.normal(), 0.0)
        assert np.linalg.eigvalsh(H)[-1] <= L * (1 + 1e-6)


def test_smoothness_adds_the_l2_strength():
    F = make_dataset("blobs", 50, seed=0).X
    assert smoothness(F, 0.3) == pytest.approx(smoothness(F) + 0.3, rel=1e-12)


@pytest.mark.parametrize("scale", [1e-3, 1.0, 30.0])
def test_suggested_alpha_is_one_over_smoothness_on_the_offered_alphas(scale):
    F = make_dataset("blobs", 50, seed=0).X * scale
    alpha = suggested_alpha(F)
    assert alpha in ALPHAS  # the Playground can be set to it
    assert alpha == pytest.approx(1 / smoothness(F), rel=0.13)  # grid steps are ≤ 25 %


@pytest.mark.parametrize("init", [i for i in INITS if i != "chosen"])
def test_initial_weights_are_seeded(init):
    a, b = initial_weights(4, init, seed=3), initial_weights(4, init, seed=3)
    np.testing.assert_array_equal(a, b)
    assert a.shape == (4,)
    if init == "zeros":
        np.testing.assert_array_equal(a, 0.0)
    else:
        assert not np.array_equal(a, initial_weights(4, init, seed=4))


def test_unknown_init_raises_value_error():
    with pytest.raises(ValueError, match="'ones'"):
        initial_weights(2, "ones")


def test_run_experiment_trains_on_the_training_rows_and_scores_the_test_rows():
    p = prepare(make_dataset("xor", 120, seed=2), ("x1", "x2", "x1*x2"), test_share=0.25, seed=5)
    run = run_experiment(p, alpha=1.0, epochs=60, l2=0.01, init="random", init_seed=9)
    w0 = initial_weights(3, "random", 9)
    h = train(
        p.F_train, p.y_train, alpha=1.0, epochs=60, l2=0.01, w0=w0, X_test=p.F_test, y_test=p.y_test
    )
    np.testing.assert_array_equal(run.history.w, h.w)
    np.testing.assert_array_equal(run.history.test_cost, h.test_cost)
    assert run.optimum.finite
    dw, db = run.gradients_at(30)
    ref_dw, ref_db = gradients(h.w[30], h.b[30], p.F_train, p.y_train, 0.01)
    np.testing.assert_array_equal(dw, ref_dw)
    assert db == ref_db


def test_run_experiment_without_test_rows_has_no_test_curves():
    p = prepare(make_dataset("moons", 60, seed=2), test_share=0.0)
    assert len(p.test_idx) == 0
    run = run_experiment(p, alpha=1.0, epochs=5)
    assert run.history.test_cost is None and run.history.test_accuracy is None


def test_smoothness_scales_with_the_square_of_the_inputs_without_overflowing():
    # filterwarnings = error: any overflow in forming [F 1]ᵀ[F 1] would fail this test.
    F = make_dataset("blobs", 50, seed=0).X
    big = F * 1e140  # the bias column of ones is then negligible next to F
    expected = np.linalg.eigvalsh(F.T @ F)[-1] / (4 * len(F))
    assert smoothness(big) == pytest.approx(1e280 * expected, rel=1e-9)
    assert suggested_alpha(big) == pytest.approx(1 / smoothness(big), rel=0.05)


def test_smoothness_beyond_float_range_is_infinite_and_no_alpha_is_suggested():
    F = make_dataset("blobs", 50, seed=0).X * 1e160
    assert smoothness(F) == np.inf
    assert suggested_alpha(F) == 0.0
