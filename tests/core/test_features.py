"""Feature expansion by formula, and standardisation fitted on the training rows only."""

import numpy as np
import pytest

from neuron_core import (
    FEATURE_LATEX,
    FEATURES,
    Standardizer,
    expand_features,
    feature_label,
    is_linear,
    make_dataset,
    prepare,
)
from neuron_core.controls import FEATURE_LABELS

FORMULAS = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1^2": lambda x1, x2: x1 * x1,
    "x2^2": lambda x1, x2: x2 * x2,
    "x1*x2": lambda x1, x2: x1 * x2,
    "sin(x1)": lambda x1, x2: np.sin(x1),
    "sin(x2)": lambda x1, x2: np.sin(x2),
}

X = np.random.default_rng(0).normal(0.0, 2.0, (30, 2))


def test_feature_names_are_the_contract_list_in_order():
    assert FEATURES == ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)")


@pytest.mark.parametrize("name", FEATURES)
def test_each_feature_column_equals_its_formula(name):
    F = expand_features(X, [name])
    assert F.shape == (30, 1) and F.dtype == np.float64
    np.testing.assert_allclose(F[:, 0], FORMULAS[name](X[:, 0], X[:, 1]), rtol=1e-15)


@pytest.mark.parametrize(
    "names",
    [("x1", "x2"), ("x2", "x1"), ("x1*x2", "x1", "sin(x2)"), FEATURES, FEATURES[::-1]],
    ids=lambda names: "+".join(names),
)
def test_columns_follow_the_order_of_the_names(names):
    F = expand_features(X, names)
    assert F.shape == (30, len(names))
    for j, name in enumerate(names):
        np.testing.assert_allclose(F[:, j], FORMULAS[name](X[:, 0], X[:, 1]), rtol=1e-15)


@pytest.mark.parametrize(
    ("names", "shown"),
    [
        pytest.param(["x3"], "'x3'", id="unknown"),
        pytest.param(["x1", "cos(x1)"], "'cos(x1)'", id="unknown-after-known"),
        pytest.param(["X1"], "'X1'", id="wrong-case"),
        pytest.param([], "at least one", id="empty"),
        pytest.param(["x1", "x1"], "repeat", id="repeated"),
    ],
)
def test_bad_feature_names_raise_value_error(names, shown):
    with pytest.raises(ValueError) as info:
        expand_features(X, names)
    assert shown in str(info.value)


@pytest.mark.parametrize("shape", [(10,), (10, 3), (10, 1)])
def test_inputs_must_have_two_columns(shape):
    with pytest.raises(ValueError, match=r"X must have shape \(m, 2\)"):
        expand_features(np.zeros(shape), ["x1"])


def test_is_linear_only_for_exactly_x1_and_x2():
    assert is_linear(("x1", "x2")) and is_linear(("x2", "x1"))
    assert not is_linear(("x1",)) and not is_linear(("x1", "x2", "x1^2"))


def test_standardizer_statistics_come_from_the_training_rows_only():
    data = make_dataset("circles", 200, noise=0.1, seed=2)
    features = ("x1", "x2", "x1^2", "x1*x2")
    p = prepare(data, features, standardize=True, test_share=0.3, seed=4)
    raw = expand_features(data.X, features)
    np.testing.assert_allclose(p.scaler.mean, raw[p.train_idx].mean(axis=0), rtol=1e-12)
    np.testing.assert_allclose(p.scaler.scale, raw[p.train_idx].std(axis=0), rtol=1e-12)
    assert not np.allclose(p.scaler.mean, raw.mean(axis=0), rtol=1e-6, atol=0)
    np.testing.assert_allclose(p.F_train.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(p.F_train.std(axis=0), 1.0, rtol=1e-12)
    np.testing.assert_allclose(
        p.F_test, (raw[p.test_idx] - p.scaler.mean) / p.scaler.scale, rtol=1e-12
    )
    np.testing.assert_array_equal(p.y_train, data.y[p.train_idx])
    np.testing.assert_allclose(p.inputs(data.X[:5]), p.scaler.transform(raw[:5]), rtol=1e-15)


def test_without_standardising_the_inputs_are_the_raw_features():
    data = make_dataset("moons", 80, seed=2)
    p = prepare(data, ("x1", "x2", "x2^2"), standardize=False, test_share=0.25, seed=1)
    np.testing.assert_array_equal(p.F_train, expand_features(data.X[p.train_idx], p.features))


def test_constant_column_gets_unit_scale_instead_of_dividing_by_zero():
    F = np.c_[np.arange(5.0), np.full(5, 3.0)]
    scaler = Standardizer.fit(F)
    assert scaler.scale[1] == 1.0
    np.testing.assert_array_equal(scaler.transform(F)[:, 1], 0.0)


def test_unscaled_weights_give_the_same_logits_on_raw_features():
    rng = np.random.default_rng(3)
    F = rng.normal(5.0, 3.0, (40, 3))
    scaler = Standardizer.fit(F)
    w, b = rng.normal(size=3), 0.7
    w_raw, b_raw = scaler.unscale(w, b)
    np.testing.assert_allclose(F @ w_raw + b_raw, scaler.transform(F) @ w + b, rtol=1e-12)


def test_standardizer_handles_values_whose_squares_overflow():
    # filterwarnings = error: squaring 1e200 inside std() would raise here.
    rng = np.random.default_rng(4)
    F = rng.normal(5.0, 3.0, (40, 2))
    big, small = Standardizer.fit(F * 1e200), Standardizer.fit(F)
    np.testing.assert_allclose(big.scale, small.scale * 1e200, rtol=1e-12)
    np.testing.assert_allclose(big.transform(F * 1e200), small.transform(F), atol=1e-12)


@pytest.mark.parametrize(
    ("inputs", "labels"),
    [
        (None, "x₁ | x₂ | x₁² | x₂² | x₁·x₂ | sin x₁ | sin x₂"),
        (
            ("height", "weight"),
            "height | weight | height² | weight² | height·weight | sin(height) | sin(weight)",
        ),
        (
            ("body mass", "age"),
            "body mass | age | (body mass)² | age² | (body mass)·age | sin(body mass) | sin(age)",
        ),
    ],
    ids=["plain", "named", "spaced"],
)
def test_each_feature_reads_in_the_names_of_the_inputs(inputs, labels):
    labels = labels.split(" | ")
    shown = [feature_label(f) if inputs is None else feature_label(f, inputs) for f in FEATURES]
    assert shown == labels
    if inputs is None:
        assert list(FEATURE_LABELS.values()) == labels and tuple(FEATURE_LABELS) == FEATURES


def test_every_feature_has_its_latex():
    assert tuple(FEATURE_LATEX) == FEATURES
    assert FEATURE_LATEX["x1*x2"] == "x_1 x_2" and FEATURE_LATEX["sin(x2)"] == r"\sin x_2"
