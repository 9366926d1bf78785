"""The Math page in AppTest: the derivation renders, and the live check agrees to 1e-6."""

from __future__ import annotations

import numpy as np
import pytest

import neuron_core as nc

PAGE = "pages/the_math.py"


def default_run(l2=0.0, features=("x1", "x2")):
    data = nc.make_dataset("moons", 200, 0.1, seed=0)
    prep = nc.prepare(data, features, True, 0.25, seed=0)
    return nc.run_experiment(prep, alpha=0.5, epochs=300, l2=l2)


@pytest.fixture
def page(ui):
    at = ui.go_to(ui.new_app(), PAGE)
    ui.assert_clean(at)
    return at


def check_table(at):
    table = at.dataframe[0].value
    analytic = table["analytic  a"].astype(float).to_numpy()
    numeric = table["finite difference  f"].astype(float).to_numpy()
    rel = table["relative error"].astype(float).to_numpy()
    return table, analytic, numeric, rel


def test_derivation_is_in_order_with_its_key_equations(page):
    titles = [e.value for e in page.subheader]
    order = ["Forward pass", "Loss", "Chain rule", "cancels", "Cost", "Averaged", "Update"]
    positions = [next(k for k, t in enumerate(titles) if word in t) for word in order]
    assert positions == sorted(positions)
    text = "\n".join(e.value for e in page.latex)
    assert r"\hat y\,(1-\hat y)" in text  # σ' = σ(1 − σ)
    assert r"= (\hat y - y)\,x_j" in text  # the simplification
    assert r"X^\top(\hat y - y)" in text  # the matrix form
    assert r"\lambda" not in text  # no L2 terms at λ = 0


def test_default_check_shows_the_run_gradient_and_agrees_to_1e6(page):
    h, prep = (run := default_run()).history, run.prepared
    table, analytic, numeric, rel = check_table(page)
    assert list(table["parameter"]) == ["w (x₁)", "w (x₂)", "b"]
    dw, db = nc.gradients(h.w[-1], h.b[-1], prep.F_train, prep.y_train)
    np.testing.assert_allclose(analytic, np.r_[dw, db], rtol=1e-9)
    np.testing.assert_allclose(numeric, analytic, rtol=1e-6)
    assert rel.max() <= 1e-6 and set(table["≤ 10⁻⁶"]) == {"✓"}
    assert "agree" in page.success[0].value


def test_another_epoch_checks_that_epoch(page):
    h, prep = (run := default_run()).history, run.prepared
    at = page.slider(key="math_epoch").set_value(7).run()
    assert not at.exception
    _, analytic, _, rel = check_table(at)
    dw, db = nc.gradients(h.w[7], h.b[7], prep.F_train, prep.y_train)
    np.testing.assert_allclose(analytic, np.r_[dw, db], rtol=1e-9)
    assert rel.max() <= 1e-6


def test_l2_in_the_sidebar_adds_the_penalty_and_still_agrees(ui):
    at = ui.new_app()
    at.select_slider(key="l2").set_value(0.1).run()
    at = ui.go_to(at, PAGE)
    ui.assert_clean(at)
    text = "\n".join(e.value for e in at.latex)
    assert r"\lambda w" in text and r"\lVert w\rVert^2" in text
    h, prep = (run := default_run(l2=0.1)).history, run.prepared
    _, analytic, _, rel = check_table(at)
    dw, db = nc.gradients(h.w[-1], h.b[-1], prep.F_train, prep.y_train, 0.1)
    np.testing.assert_allclose(analytic, np.r_[dw, db], rtol=1e-9)
    assert rel.max() <= 1e-6


def test_curved_features_get_one_row_each(ui):
    at = ui.new_app()
    at.multiselect(key="features").set_value(["x1", "x2", "x1*x2"]).run()
    at = ui.go_to(at, PAGE)
    ui.assert_clean(at)
    table, _, _, rel = check_table(at)
    assert list(table["parameter"]) == ["w (x₁)", "w (x₂)", "w (x₁·x₂)", "b"]
    assert rel.max() <= 1e-6


def test_the_five_slips_are_listed(page):
    slips = [m.value for m in page.markdown if m.value.startswith("**") and ". " in m.value[:6]]
    assert len(slips) == 5
    joined = " ".join(slips)
    for phrase in ("Sign in the loss", "sums to n", "counted twice", "+b missing", "scalar"):
        assert phrase in joined
