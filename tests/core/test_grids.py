"""Probability surfaces, the boundary line and the cost landscape, point by point."""

import numpy as np
import pytest

from neuron_core import (
    Standardizer,
    boundary_segment,
    cost,
    cost_landscape,
    data_bounds,
    expand_features,
    make_dataset,
    make_grid,
    predict_proba,
    prepare,
    probability_grid,
    sigmoid,
    train,
)

FEATURE_SETS = [("x1", "x2"), ("x1", "x2", "x1^2", "x2^2"), ("x1*x2", "sin(x1)")]


def prepared(features, standardize=True):
    return prepare(make_dataset("circles", 120, noise=0.1, seed=3), features, standardize)


def test_bounds_contain_every_point_with_a_margin():
    X = make_dataset("spiral", 100, seed=1).X
    x0, x1, y0, y1 = data_bounds(X, margin=0.1)
    assert x0 < X[:, 0].min() and X[:, 0].max() < x1
    assert y0 < X[:, 1].min() and X[:, 1].max() < y1


@pytest.mark.parametrize("features", FEATURE_SETS, ids="+".join)
@pytest.mark.parametrize("standardize", [True, False], ids=["scaled", "raw"])
def test_probability_grid_equals_the_sigmoid_at_each_point(features, standardize):
    p = prepared(features, standardize)
    bounds = data_bounds(p.data.X)
    grid = make_grid(bounds, features, p.scaler, resolution=7)
    w, b = np.linspace(-1.0, 1.5, len(features)), 0.3
    P = probability_grid(grid, w, b)
    assert P.shape == (7, 7)
    assert grid.xs[0] == bounds[0] and grid.xs[-1] == bounds[1]
    assert grid.ys[0] == bounds[2] and grid.ys[-1] == bounds[3]
    for i, y in enumerate(grid.ys):
        for j, x in enumerate(grid.xs):
            F = p.scaler.transform(expand_features([[x, y]], features))
            assert P[i, j] == pytest.approx(sigmoid(F[0] @ w + b), rel=1e-12)


BOX = (-2.0, 3.0, -1.0, 1.5)


def on_box_edge(point, box=BOX, tol=1e-12):
    x, y = point
    x0, x1, y0, y1 = box
    inside = x0 - tol <= x <= x1 + tol and y0 - tol <= y <= y1 + tol
    on_edge = min(abs(x - x0), abs(x - x1), abs(y - y0), abs(y - y1)) < tol
    return inside and on_edge


@pytest.mark.parametrize(
    ("w", "b"),
    [
        pytest.param((1.0, 1.0), 0.0, id="diagonal"),
        pytest.param((0.0, 2.0), -1.0, id="horizontal"),
        pytest.param((3.0, 0.0), 1.5, id="vertical"),
        pytest.param((-0.4, 2.5), 0.7, id="shallow"),
        pytest.param((0.5, -1.0), 0.0, id="corner-to-corner"),
    ],
)
def test_boundary_segment_lies_on_the_line_and_ends_on_the_box(w, b):
    seg = boundary_segment(np.array(w), b, BOX)
    assert seg is not None
    (xa, ya), (xb, yb) = seg
    for point in seg:
        assert abs(w[0] * point[0] + w[1] * point[1] + b) < 1e-12
        assert on_box_edge(point)
    assert np.hypot(xb - xa, yb - ya) > 0


@pytest.mark.parametrize(
    ("w", "b"),
    [
        pytest.param((0.0, 0.0), 1.0, id="zero-weights"),
        pytest.param((1.0, 0.0), 10.0, id="line-left-of-box"),
        pytest.param((1.0, 1.0), -100.0, id="line-beyond-box"),
    ],
)
def test_boundary_segment_is_none_when_the_line_misses_the_box(w, b):
    assert boundary_segment(np.array(w), b, BOX) is None


def test_unscaled_boundary_passes_where_the_scaled_model_says_one_half():
    data = make_dataset("blobs", 150, noise=0.2, seed=6)
    p = prepare(data, ("x1", "x2"), standardize=True, test_share=0.2, seed=0)
    h = train(p.F_train, p.y_train, alpha=2.0, epochs=200)
    w_raw, b_raw = p.scaler.unscale(h.w[-1], h.b[-1])
    seg = boundary_segment(w_raw, b_raw, data_bounds(data.X))
    assert seg is not None
    (xa, ya), (xb, yb) = seg
    points = np.c_[np.linspace(xa, xb, 11), np.linspace(ya, yb, 11)]
    np.testing.assert_allclose(predict_proba(h.w[-1], h.b[-1], p.inputs(points)), 0.5, atol=1e-12)


def test_unscale_of_the_identity_standardizer_changes_nothing():
    w_raw, b_raw = Standardizer.identity(2).unscale(np.array([0.5, -2.0]), 0.25)
    np.testing.assert_array_equal(w_raw, [0.5, -2.0])
    assert b_raw == 0.25


@pytest.mark.parametrize(
    ("features", "w_rest", "b", "l2"),
    [
        pytest.param(("x1", "x2"), (), 0.0, 0.0, id="two-weights"),
        pytest.param(("x1", "x2"), (), -0.4, 0.2, id="bias-and-l2"),
        pytest.param(("x1", "x2", "x1^2", "x2^2"), (0.5, -1.0), 0.3, 0.1, id="fixed-extra-weights"),
    ],
)
def test_cost_landscape_equals_cost_at_each_weight_pair(features, w_rest, b, l2):
    p = prepared(features)
    w1s, w2s = np.linspace(-3, 3, 5), np.linspace(-2, 4, 4)
    J = cost_landscape(p.F_train, p.y_train, w1s, w2s, w_rest=w_rest, b=b, l2=l2)
    assert J.shape == (4, 5)
    for i, w2 in enumerate(w2s):
        for j, w1 in enumerate(w1s):
            w = np.r_[w1, w2, w_rest]
            assert J[i, j] == pytest.approx(cost(w, b, p.F_train, p.y_train, l2), rel=1e-12)
