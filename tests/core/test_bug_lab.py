"""The article's printed pseudocode: faithful (against a loop transcription) and its flaws."""

import math

import numpy as np
import pytest

import neuron_core as nc
from neuron_core.bug_lab import CORRECTED_CODE, PRINTED_CODE, train_printed


def literal_pseudocode(X_cols, Y, w, b, a, epochs):
    """The article's loop with plain Python lists; X_cols is the article's (n, m) layout."""
    n, m = len(X_cols), len(X_cols[0])
    for _ in range(epochs):
        z = [sum(w[j] * X_cols[j][i] for j in range(n)) for i in range(m)]  # np.dot(w.T, X)
        y = [1.0 / (1.0 + math.exp(-zi)) for zi in z]
        dz = [y[i] - Y[i] for i in range(m)]
        dw = 1 / m * sum(dz[i] * X_cols[j][i] for i in range(m) for j in range(n))  # np.sum
        db = 1 / m * sum(dz)
        w = [wj - a * dw for wj in w]
        b = b - a * db
    return w, b


@pytest.fixture(scope="module")
def tiny():
    X = np.array([[0.5, -1.0, 2.0], [1.5, 0.3, -0.7], [-0.4, 0.8, 0.1], [-1.2, -0.6, 0.9]])
    y = np.array([1.0, 1.0, 0.0, 0.0])
    return X, y


@pytest.mark.parametrize("w0", [None, [0.2, -0.5, 0.1]], ids=["zeros", "random-ish"])
def test_printed_matches_a_literal_loop_transcription(tiny, w0):
    X, y = tiny
    h = train_printed(X, y, alpha=0.3, epochs=7, w0=w0, b0=0.25)
    start = [0.0, 0.0, 0.0] if w0 is None else list(w0)
    w, b = literal_pseudocode(X.T.tolist(), y.tolist(), start, 0.25, 0.3, 7)
    np.testing.assert_allclose(h.w[-1], w, rtol=1e-12, atol=1e-14)
    assert h.b[-1] == pytest.approx(b, rel=1e-12)


def test_scalar_dw_moves_every_weight_together(tiny):
    X, y = tiny
    h = train_printed(X, y, alpha=0.5, epochs=50)
    assert np.ptp(h.w, axis=1).max() == 0.0  # from zeros, the weights stay equal
    assert np.abs(h.w[-1]).max() > 0.0  # but they did move


def test_bias_is_never_used(tiny):
    X, y = tiny
    h = train_printed(X, y, alpha=0.5, epochs=20)
    # The printed b drifts, but the model it trains is σ(w·x): its cost is that of b = 0.
    assert h.b[-1] != 0.0
    for k in (0, 5, 20):
        assert h.cost[k] == pytest.approx(nc.cost(h.w[k], 0.0, X, y), rel=1e-12)
    # Boundaries through the origin: z(0) = 0 for every state.
    assert np.all(h.w @ np.zeros(3) == 0.0)


def test_printed_cannot_learn_a_tilted_boundary_the_corrected_can():
    prep = nc.prepare(nc.make_dataset("linear", 200, 0.1, 0), ("x1", "x2"), True, 0.25, seed=0)
    F, y = prep.F_train, prep.y_train
    printed = train_printed(F, y, alpha=1.0, epochs=300)
    fixed = nc.train(F, y, alpha=1.0, epochs=300)
    assert printed.w[-1][0] == printed.w[-1][1]
    assert fixed.cost[-1] < printed.cost[-1]
    assert fixed.accuracy[-1] >= printed.accuracy[-1]


def test_corrected_listing_is_what_neuron_core_train_runs(tiny):
    X, y = tiny
    scope = dict(np=np, sigmoid=nc.sigmoid, X=X, y=y, m=len(y), alpha=0.4, epochs=10)
    scope |= dict(w=np.zeros(3), b=0.0)
    exec(CORRECTED_CODE, scope)  # the listing the page shows, run as is
    h = nc.train(X, y, alpha=0.4, epochs=10)
    np.testing.assert_allclose(scope["w"], h.w[-1], rtol=1e-12)
    assert scope["b"] == pytest.approx(h.b[-1], rel=1e-12)


def test_huge_values_stay_finite_and_quiet():
    X = np.array([[1e200, 1e200], [-1e200, -1e200]])
    h = train_printed(X, np.array([1.0, 0.0]), alpha=1e110, epochs=20)  # one step passes 1.8e308
    assert np.all(np.isfinite(h.cost)) and np.all(np.isfinite(h.w))
    assert h.diverged_at is not None


def test_bad_alpha_is_refused(tiny):
    X, y = tiny
    with pytest.raises(ValueError, match="alpha"):
        train_printed(X, y, alpha=-1.0, epochs=3)


def test_code_listings_mark_the_changed_lines():
    assert "BUG 1" in PRINTED_CODE and "BUG 2" in PRINTED_CODE
    assert "FIX 1" in CORRECTED_CODE and "FIX 2" in CORRECTED_CODE
    fixed = CORRECTED_CODE.splitlines()
    assert "+ b" in fixed[fixed.index("    # FIX 1: the bias enters z") + 1]
    printed = PRINTED_CODE.splitlines()
    assert "np.sum" in printed[next(i for i, t in enumerate(printed) if "BUG 2" in t) + 1]
