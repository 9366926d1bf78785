"""Gradient descent reaches scikit-learn's optimum of the same objective."""

import numpy as np
import pytest

from neuron_core import (
    gradients,
    make_dataset,
    prepare,
    reference_optimum,
    suggested_alpha,
    train,
)
from neuron_core.reference import separable

NON_SEPARABLE = [
    pytest.param("moons", 0.1, 0.0, 1500, id="moons-no-l2"),
    pytest.param("linear", 0.3, 0.0, 1500, id="noisy-linear-no-l2"),
    pytest.param("moons", 0.1, 0.01, 600, id="moons-l2"),
    pytest.param("blobs", 0.2, 0.05, 600, id="blobs-l2"),
]


@pytest.mark.parametrize(("name", "noise", "l2", "epochs"), NON_SEPARABLE)
def test_gradient_descent_converges_to_the_scikit_learn_optimum(name, noise, l2, epochs):
    p = prepare(make_dataset(name, 200, noise=noise, seed=1), test_share=0.0)
    X, y = p.F_train, p.y_train
    opt = reference_optimum(X, y, l2)
    assert opt.finite
    h = train(X, y, alpha=suggested_alpha(X, l2), epochs=epochs, l2=l2)
    np.testing.assert_allclose(h.w[-1], opt.w, atol=1e-5, rtol=0)
    assert abs(h.b[-1] - opt.b) < 1e-5
    assert h.cost[-1] == pytest.approx(opt.cost, abs=1e-9)


@pytest.mark.parametrize("l2", [0.0, 0.1], ids=["no-l2", "l2"])
def test_optimum_has_zero_gradient_and_matching_cost(l2):
    p = prepare(make_dataset("moons", 150, noise=0.2, seed=5), test_share=0.0)
    opt = reference_optimum(p.F_train, p.y_train, l2)
    dw, db = gradients(opt.w, opt.b, p.F_train, p.y_train, l2)
    assert np.max(np.abs(dw)) < 1e-6 and abs(db) < 1e-6
    assert isinstance(opt.cost, float) and opt.w.shape == (2,)


def test_stronger_l2_pulls_the_optimum_towards_zero():
    p = prepare(make_dataset("blobs", 150, noise=0.1, seed=5), test_share=0.0)
    norms = [np.linalg.norm(reference_optimum(p.F_train, p.y_train, l2).w) for l2 in (0, 0.1, 1)]
    assert norms[0] > norms[1] > norms[2]


def test_separable_data_without_l2_has_no_finite_optimum():
    data = make_dataset("linear", 100, noise=0.0, seed=0)
    assert not reference_optimum(data.X, data.y).finite
    assert reference_optimum(data.X, data.y, l2=0.01).finite


@pytest.mark.parametrize(
    ("X", "y", "expected"),
    [
        ([[0.0, 0.0], [1.0, 1.0]], [0, 1], True),
        ([[0, 0], [1, 1], [0, 1], [1, 0]], [0, 0, 1, 1], False),  # XOR's four corners
        ([[0.5, 0.5], [0.5, 0.5], [2.0, 2.0]], [0, 1, 1], False),  # one point, both labels
        ([[1e120, 0.0], [-1e120, 1.0]], [1, 0], True),  # scale does not matter
    ],
    ids=["two-points", "xor", "duplicate-both-labels", "huge-values"],
)
def test_separable_is_decided_exactly(X, y, expected):
    assert separable(np.array(X, dtype=float), np.array(y)) is expected


def test_optimum_says_whether_the_training_set_is_separable():
    p = prepare(make_dataset("circles", 200, noise=0.1, seed=0), ("x1", "x2"), test_share=0.25)
    assert not reference_optimum(p.F_train, p.y_train).separable
    p = prepare(
        make_dataset("circles", 200, noise=0.1, seed=0), ("x1", "x2", "x1^2", "x2^2"), True, 0.25
    )
    opt = reference_optimum(p.F_train, p.y_train)
    assert opt.separable and not opt.finite
    assert reference_optimum(p.F_train, p.y_train, 0.01).finite
