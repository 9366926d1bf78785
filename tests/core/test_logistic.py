"""The neuron's math against independent references: naive formulas and finite differences."""

import warnings

import numpy as np
import pytest

from neuron_core import cost, gradients, log_loss, predict_proba, sigmoid, step

# Underflow to 0 (exp(−1000) in float64) is the correctly rounded answer, not an error;
# overflow, division by zero and invalid operations are.
RAISE_ON_FP_ERRORS = {"all": "raise", "under": "ignore"}


def random_problem(m, n, seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(0.0, 1.5, (m, n))
    y = (rng.random(m) < 0.5).astype(float)
    y[:2] = [0.0, 1.0]  # both classes present
    w, b = rng.normal(0.0, 1.0, n), float(rng.normal())
    return X, y, w, b


def naive_cost(w, b, X, y, l2=0.0):
    """The article's formula, fine at moderate z."""
    a = 1.0 / (1.0 + np.exp(-(X @ w + b)))
    return -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a)) + 0.5 * l2 * np.sum(w**2)


def central_difference(f, x, h=1e-3):
    """4th-order central difference of a scalar function f at x (each coordinate)."""
    x = np.asarray(x, dtype=float)
    grad = np.empty_like(x)
    for j in range(x.size):
        e = np.zeros_like(x)
        e.flat[j] = h
        grad.flat[j] = (-f(x + 2 * e) + 8 * f(x + e) - 8 * f(x - e) + f(x - 2 * e)) / (12 * h)
    return grad


PROBLEMS = [
    pytest.param(n, seed, l2, id=f"n{n}-seed{seed}-l2={l2}")
    for n in (2, 5)
    for seed in (0, 1, 2)
    for l2 in (0.0, 0.3)
]


@pytest.mark.parametrize(("n", "seed", "l2"), PROBLEMS)
def test_gradient_matches_finite_differences(n, seed, l2):
    X, y, w, b = random_problem(40, n, seed)
    dw, db = gradients(w, b, X, y, l2)
    theta = np.r_[w, b]
    numeric = central_difference(lambda th: cost(th[:n], th[n], X, y, l2), theta)
    analytic = np.r_[dw, db]
    assert np.linalg.norm(analytic - numeric) / np.linalg.norm(numeric) < 1e-7
    assert dw.shape == (n,) and isinstance(db, float)


@pytest.mark.parametrize(("n", "seed", "l2"), PROBLEMS)
def test_cost_equals_mean_cross_entropy_at_moderate_logits(n, seed, l2):
    X, y, w, b = random_problem(50, n, seed)
    shrink = 5.0 / np.max(np.abs(X @ w + b))  # |z| ≤ 5: the naive logs keep ~13 digits
    w, b = w * shrink, b * shrink
    got = cost(w, b, X, y, l2)
    assert isinstance(got, float)
    assert got == pytest.approx(naive_cost(w, b, X, y, l2), rel=1e-12)


def test_sigmoid_equals_its_definition_and_is_symmetric():
    z = np.linspace(-30, 30, 601)
    np.testing.assert_allclose(sigmoid(z), 1.0 / (1.0 + np.exp(-z)), rtol=1e-14)
    np.testing.assert_allclose(sigmoid(-z), 1.0 - sigmoid(z), atol=1e-15)
    assert sigmoid(0.0) == 0.5


EXTREME_Z = np.array([-1e308, -1e300, -1000.0, -745.0, -40.0, 0.0, 40.0, 745.0, 1000.0, 1e308])


def test_sigmoid_is_finite_in_range_and_exact_at_extreme_logits():
    with warnings.catch_warnings(), np.errstate(**RAISE_ON_FP_ERRORS):
        warnings.simplefilter("error")
        s = sigmoid(EXTREME_Z)
    assert np.all(np.isfinite(s)) and np.all((s >= 0) & (s <= 1))
    assert s[0] == 0.0 and s[-1] == 1.0 and s[2] == 0.0 and s[-2] == 1.0
    assert np.all(np.diff(s) >= 0)


@pytest.mark.parametrize("z", [-1e308, -1000.0, 1000.0, 1e308], ids=lambda z: f"z={z:g}")
@pytest.mark.parametrize("label", [0.0, 1.0], ids=["y0", "y1"])
def test_cost_and_gradients_at_an_extreme_logit_are_exact_and_warning_free(z, label):
    # One example with logit z (X = [[z]], w = [1]): loss = log(1 + e^z) − y·z exactly.
    X, y, w = np.array([[z]]), np.array([label]), np.array([1.0])
    with warnings.catch_warnings(), np.errstate(**RAISE_ON_FP_ERRORS):
        warnings.simplefilter("error")
        got = cost(w, 0.0, X, y)
        dw, db = gradients(w, 0.0, X, y)
        w1, b1 = step(w, 0.0, X, y, alpha=0.1)
    wrong_side = (z > 0) != (label == 1)
    assert got == (abs(z) if wrong_side else 0.0)
    expected_dz = (1.0 if z > 0 else 0.0) - label  # ŷ − y with ŷ saturated at 0 or 1
    assert db == expected_dz
    assert dw[0] == expected_dz * z
    assert np.isfinite(w1).all() and np.isfinite(b1)


@pytest.mark.parametrize("how", ["huge-X", "huge-w"])
def test_cost_and_gradients_with_logits_near_float_max_stay_finite(how):
    # Logits ±1e308 for a four-example set, built either from huge inputs or huge weights.
    if how == "huge-X":
        X = np.array([[1e308, 0.0], [-1e308, 0.0], [1.0, 2.0], [-1.0, 0.5]])
        w = np.array([1.0, 0.5])
    else:
        X = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 2.0], [0.0, 0.5]])
        w = np.array([1e308, 0.5])
    y = np.array([0.0, 0.0, 1.0, 0.0])  # first example on the wrong side by 1e308
    with warnings.catch_warnings(), np.errstate(**RAISE_ON_FP_ERRORS):
        warnings.simplefilter("error")
        z = X @ w
        got = cost(w, 0.0, X, y)
        dw, db = gradients(w, 0.0, X, y)
        p = predict_proba(w, 0.0, X)
    assert z[0] == 1e308 and z[1] == -1e308
    assert got == pytest.approx(1e308 / 4, rel=1e-12)
    dz = np.array([1.0, 0.0, sigmoid(z[2]) - 1.0, sigmoid(z[3])])
    np.testing.assert_allclose(dw, X.T @ dz / 4, rtol=1e-12)
    assert db == pytest.approx(dz.mean(), rel=1e-12)
    assert p[0] == 1.0 and p[1] == 0.0 and np.isfinite(p).all()


@pytest.mark.parametrize("l2", [0.0, 0.2], ids=["no-l2", "l2"])
def test_step_is_pure_and_uses_the_gradient_at_the_old_parameters(l2):
    X, y, w, b = random_problem(30, 3, seed=7)
    originals = X.copy(), y.copy(), w.copy()
    dw, db = gradients(w, b, X, y, l2)
    w_new, b_new = step(w, b, X, y, alpha=0.7, l2=l2)
    np.testing.assert_array_equal(X, originals[0])
    np.testing.assert_array_equal(y, originals[1])
    np.testing.assert_array_equal(w, originals[2])
    assert w_new is not w and not np.shares_memory(w_new, w)
    np.testing.assert_allclose(w_new, w - 0.7 * dw, rtol=1e-15)
    assert b_new == pytest.approx(b - 0.7 * db, rel=1e-15)
    assert isinstance(b_new, float)


def test_step_accepts_a_list_of_weights_and_leaves_it_alone():
    X, y, _, _ = random_problem(10, 2, seed=3)
    w = [0.5, -0.25]
    w_new, _ = step(w, 0.0, X, y, alpha=0.1)
    assert w == [0.5, -0.25]
    assert isinstance(w_new, np.ndarray) and w_new.shape == (2,)


def test_log_loss_is_the_cross_entropy_and_cost_is_its_mean():
    z = np.linspace(-15, 15, 121)  # moderate logits: the naive logs keep ~9 digits
    for label in (0.0, 1.0):
        p = 1.0 / (1.0 + np.exp(-z))
        naive = -(label * np.log(p) + (1 - label) * np.log1p(-p))
        np.testing.assert_allclose(log_loss(z, label), naive, rtol=1e-9, atol=1e-12)
    X, y, w, b = random_problem(40, 3, seed=5)
    assert cost(w, b, X, y) == log_loss(X @ w + b, y).mean()


def test_log_loss_broadcasts_states_against_labels():
    Z = np.array([[0.0, 3.0], [-2.0, 5.0]])  # (m, k): two examples, two states
    y = np.array([1.0, 0.0])
    got = log_loss(Z, y[:, None])
    assert got.shape == (2, 2)
    np.testing.assert_array_equal(got[:, 1], [log_loss(3.0, 1.0), log_loss(5.0, 0.0)])


def test_log_loss_at_infinite_logits_is_zero_on_the_label_side_and_infinite_across():
    z = np.array([np.inf, -np.inf, np.inf, -np.inf])
    y = np.array([1.0, 0.0, 0.0, 1.0])
    with warnings.catch_warnings(), np.errstate(**RAISE_ON_FP_ERRORS):
        warnings.simplefilter("error")
        got = log_loss(z, y)
    np.testing.assert_array_equal(got, [0.0, 0.0, np.inf, np.inf])
