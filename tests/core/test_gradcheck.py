"""The gradient check: finite differences agree with the analytic gradient to 1e-6."""

from decimal import Decimal, localcontext

import numpy as np
import pytest

import neuron_core as nc
from neuron_core.gradcheck import (
    _softplus_difference,
    central_difference,
    check_gradients,
    finite_difference_gradient,
    relative_error,
)

RUNS = [
    pytest.param(ds, feats, l2, alpha, std, id=f"{ds}-{len(feats)}f-l2={l2}-a={alpha}")
    for ds, feats, l2, alpha, std in [
        ("moons", ("x1", "x2"), 0.0, 0.5, True),
        ("linear", ("x1", "x2"), 0.0, 10.0, True),
        ("circles", ("x1", "x2", "x1^2", "x2^2"), 0.01, 3.0, True),
        ("xor", nc.FEATURES, 0.1, 1.0, True),
        ("blobs", ("x1", "x2"), 0.0, 0.5, False),
        ("spiral", ("x2", "sin(x1)", "x1*x2"), 0.001, 0.2, False),
    ]
]


@pytest.mark.parametrize(("ds", "feats", "l2", "alpha", "std"), RUNS)
def test_finite_differences_agree_to_1e6_at_every_stage_of_training(ds, feats, l2, alpha, std):
    prep = nc.prepare(nc.make_dataset(ds, 160, 0.1, 1), feats, std, 0.25, seed=1)
    run = nc.run_experiment(prep, alpha=alpha, epochs=600, l2=l2)
    h = run.history
    for e in sorted({0, 1, 5, 50, h.epochs}):  # from the start to (near) the minimum
        c = check_gradients(h.w[e], h.b[e], prep.F_train, prep.y_train, l2)
        assert c.passed(1e-6), (e, c.rel_error)
        np.testing.assert_array_equal(c.analytic, np.r_[run.gradients_at(e)])


@pytest.mark.parametrize("l2", [0.0, 0.5], ids=["no-l2", "l2"])
def test_finite_differences_match_a_generic_central_difference_of_the_cost(l2):
    rng = np.random.default_rng(7)
    X, y = rng.normal(size=(30, 3)), (rng.random(30) < 0.5).astype(float)
    w, b = rng.normal(size=3), 0.4
    careful = finite_difference_gradient(w, b, X, y, l2, eps=1e-4)
    plain = central_difference(lambda t: nc.cost(t[:3], t[3], X, y, l2), np.r_[w, b], 1e-4)
    # Same stencil, same ε: they differ only by the rounding of the plain subtraction.
    np.testing.assert_allclose(careful, plain, rtol=1e-9, atol=1e-11)


def test_a_wrong_gradient_is_caught():
    """The check must be able to fail: the article's np.sum slip gives every weight one value."""
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(40, 2)), (rng.random(40) < 0.5).astype(float)
    w, b = np.array([0.7, -0.4]), 0.1
    c = check_gradients(w, b, X, y)
    dz = nc.sigmoid(X @ w + b) - y
    collapsed = np.full(2, np.sum(X.T @ dz) / 40)
    assert relative_error(collapsed, c.numeric[:2]).max() > 1e-2
    assert c.passed()


def test_naive_subtraction_loses_digits_near_the_minimum():
    prep = nc.prepare(nc.make_dataset("moons", 200, 0.1, 0), ("x1", "x2"), True, 0.25, seed=0)
    h = nc.run_experiment(prep, alpha=10.0, epochs=1500).history
    c = check_gradients(h.w[-1], h.b[-1], prep.F_train, prep.y_train)
    assert np.abs(c.analytic).max() < 1e-10  # at the minimum
    assert c.max_rel_error < 1e-6
    assert c.naive_rel_error.max() > 1e-4


def exact_softplus_difference(a, d):
    """log(1+e^(a+d)) − log(1+e^(a−d)) in 60-digit decimal arithmetic: the reference."""
    with localcontext() as ctx:
        ctx.prec = 60
        a, d = Decimal(float(a)), Decimal(float(d))
        return float((1 + (a + d).exp()).ln() - (1 + (a - d).exp()).ln())


def test_softplus_difference_is_exact_odd_and_never_overflows():
    a = np.array([-1e6, -800.0, -30.0, -1.0, 0.0, 1.0, 30.0, 800.0, 1e6])
    for d in (1e-7, 0.3):
        with np.errstate(all="raise", under="ignore"):
            got = _softplus_difference(a, np.full_like(a, d))
            back = _softplus_difference(a, np.full_like(a, -d))
        np.testing.assert_array_equal(back, -got)
        assert np.all(np.isfinite(got))
        mid = np.abs(a) <= 800
        ref = [exact_softplus_difference(ai, d) for ai in a[mid]]
        np.testing.assert_allclose(got[mid], ref, rtol=1e-14)
        assert got[-1] == pytest.approx(2 * d, rel=1e-12)  # far right: softplus(t) ≈ t
        assert got[0] == 0.0  # far left: both terms underflow to 0


def test_exactly_zero_gradient_components_pass():
    X = np.array([[1.0, 2.0], [1.0, -2.0], [-1.0, 2.0], [-1.0, -2.0]])
    y = np.array([0.0, 1.0, 0.0, 1.0])
    c = check_gradients(np.zeros(2), 0.0, X, y)
    assert c.analytic[0] == 0.0 and c.analytic[2] == 0.0
    assert c.passed()


def test_extreme_parameters_raise_no_warnings():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(20, 2)), np.r_[np.zeros(10), np.ones(10)]
    with np.errstate(all="raise", under="ignore"):
        c = check_gradients(np.array([500.0, -900.0]), 40.0, X, y, l2=0.1)
    assert np.all(np.isfinite(c.numeric)) and c.passed()


def test_relative_error_uses_the_floor_for_zeros():
    np.testing.assert_array_equal(relative_error([0.0, 1.0], [0.0, 1.0]), [0.0, 0.0])
    assert relative_error(1e-20, 0.0)[()] == pytest.approx(1e-12)
    assert relative_error(2.0, 1.0)[()] == 0.5


def test_bad_eps_is_rejected():
    with pytest.raises(ValueError, match="eps"):
        check_gradients(np.zeros(2), 0.0, np.ones((3, 2)), np.array([0, 1, 0]), eps=0.0)
