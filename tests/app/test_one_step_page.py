"""The "One step by hand" page in AppTest: the numbers it shows are the core's numbers.

Every expected value is recomputed here from the same experiment (moons, the sidebar's
defaults) with `neuron_core.one_step`, then looked for, formatted as the page formats it,
in the LaTeX the page sent.
"""

from __future__ import annotations

import numpy as np
import pytest

import neuron_core as nc
from neuron_core.equations import num, vector
from neuron_core.number_format import number
from neuron_core.one_step import batch_step, example_step, worst_example

PAGE = "pages/one_step.py"
K = "one_step_"


def default_run(alpha=0.5, features=("x1", "x2")):
    data = nc.make_dataset("moons", 200, 0.1, seed=0)
    prep = nc.prepare(data, features, True, 0.25, seed=0)
    return nc.run_experiment(prep, alpha=alpha, epochs=300)


@pytest.fixture(scope="module")
def run():
    return default_run()


@pytest.fixture
def page(ui):
    at = ui.go_to(ui.new_app(), PAGE)
    ui.assert_clean(at)
    return at


def latex(at) -> str:
    return "\n".join(e.value for e in at.latex)


def shows_example(at, s, i):
    """The page's LaTeX holds this step's z, ŷ, loss, dz, dw and the new w, b."""
    text = latex(at)
    for v in (s.z, s.y_hat, s.loss, s.dz, s.b_new):
        assert num(v) in text, (num(v), text)
    assert vector(s.dw) in text and vector(s.w_new) in text
    assert any(e.value == f"Example #{i}" for e in at.subheader)


def test_default_shows_the_worst_example_stepped_from_epoch_5(page, run):
    prep, h = run.prepared, run.history
    i = worst_example(h.w[5], h.b[5], prep.F_train, prep.y_train)
    assert page.number_input(key=K + "example").value == i
    assert page.slider(key=K + "epoch").value == 5
    s = example_step(h.w[5], h.b[5], prep.F_train[i], prep.y_train[i], alpha=0.5)
    shows_example(page, s, i)
    metrics = {m.label: m.value for m in page.metric}
    assert metrics[f"ŷ on #{i} (label {int(prep.y_train[i])})"] == number(s.y_hat_new)
    assert metrics[f"Loss L on #{i}"] == number(s.loss_new)


def test_choosing_another_example_shows_its_numbers(page, run):
    prep, h = run.prepared, run.history
    at = page.number_input(key=K + "example").set_value(5).run()
    assert not at.exception
    s = example_step(h.w[5], h.b[5], prep.F_train[5], prep.y_train[5], alpha=0.5)
    shows_example(at, s, 5)


def test_epoch_zero_gives_the_numbers_you_can_check_on_paper(page):
    at = page.slider(key=K + "epoch").set_value(0).run()
    text = latex(at)
    assert r"w = \big({0},\ {0}\big)" in text
    assert r"= 0.500" in text and num(np.log(2)) in text  # ŷ = σ(0), L = log 2


def test_take_the_step_again_starts_from_the_updated_weights_and_reset_returns(page, run):
    prep, h = run.prepared, run.history
    i = page.number_input(key=K + "example").value
    x, y = prep.F_train[i], prep.y_train[i]
    first = example_step(h.w[5], h.b[5], x, y, alpha=0.5)
    at = page.button(key=K + "again").click().run()
    assert not at.exception
    second = example_step(first.w_new, first.b_new, x, y, alpha=0.5)
    shows_example(at, second, i)
    assert at.session_state[K + "state"]["steps"] == 1
    assert "1 step by hand" in " ".join(c.value for c in at.caption)
    at = at.button(key=K + "reset").click().run()
    shows_example(at, first, i)


def test_batch_switch_shows_the_sums_and_the_averaged_step(page, run):
    prep, h = run.prepared, run.history
    at = page.toggle(key=K + "batch").set_value(True).run()
    assert not at.exception
    bs = batch_step(h.w[5], h.b[5], prep.F_train, prep.y_train, alpha=0.5)
    text = latex(at)
    m = len(prep.y_train)
    assert rf"\frac{{{num(bs.loss_sum)}}}{{{m}}}" in text  # Σ L_i / m
    assert rf"\frac{{1}}{{{m}}}{vector(bs.dz_x_sum)}" in text  # (1/m) Σ dz_i x_i
    assert rf"\frac{{{num(bs.dz_sum)}}}{{{m}}}" in text  # Σ dz_i / m
    dw, db = nc.gradients(h.w[5], h.b[5], prep.F_train, prep.y_train)
    assert vector(dw) in text and num(db) in text
    assert at.dataframe[0].value.shape[0] == m  # one row per training example


def test_batch_steps_by_hand_retrace_the_training_run(page, run):
    h = run.history
    at = page.slider(key=K + "epoch").set_value(3).run()
    at = at.toggle(key=K + "batch").set_value(True).run()
    for _ in range(2):
        at = at.button(key=K + "again").click().run()
    state = at.session_state[K + "state"]
    np.testing.assert_allclose(state["w"], h.w[5], rtol=1e-12)
    assert state["b"] == pytest.approx(h.b[5], rel=1e-12, abs=1e-15)


def test_changing_alpha_in_the_sidebar_changes_the_step(page):
    at = page.select_slider(key="alpha").set_value(0.1).run()
    assert not at.exception
    run = default_run(alpha=0.1)
    prep, h = run.prepared, run.history
    i = at.number_input(key=K + "example").value
    s = example_step(h.w[5], h.b[5], prep.F_train[i], prep.y_train[i], alpha=0.1)
    shows_example(at, s, i)
    assert any(e.value == "Update, α = 0.1" for e in at.subheader)


def test_curved_features_show_a_per_input_table_and_a_contour(ui):
    at = ui.new_app()
    at.multiselect(key="features").set_value(["x1", "x2", "x1^2", "x2^2"]).run()
    at = ui.go_to(at, PAGE)
    ui.assert_clean(at)
    run = default_run(features=("x1", "x2", "x1^2", "x2^2"))
    prep, h = run.prepared, run.history
    i = at.number_input(key=K + "example").value
    s = example_step(h.w[5], h.b[5], prep.F_train[i], prep.y_train[i], alpha=0.5)
    table = at.dataframe[0].value
    assert list(table["input"]) == ["x₁", "x₂", "x₁²", "x₂²", "1 (bias b)"]
    np.testing.assert_allclose(table["dw = dz·x"], np.r_[s.dw, s.db], rtol=1e-12)
    np.testing.assert_allclose(table["x"], np.r_[s.x, 1.0])
    kinds = [t["type"] for t in ui.chart(at)["data"]]
    assert kinds.count("contour") == 2


def test_no_features_is_a_friendly_warning(ui):
    at = ui.new_app()
    at.multiselect(key="features").set_value([]).run()
    at = ui.go_to(at, PAGE)
    ui.assert_clean(at)
    assert any("at least one input" in w.value for w in at.warning)


def test_curved_features_in_batch_mode_tabulate_the_sums(ui):
    at = ui.new_app()
    at.multiselect(key="features").set_value(["x1", "x2", "x1*x2", "sin(x1)"]).run()
    at = ui.go_to(at, PAGE)
    at = at.toggle(key=K + "batch").set_value(True).run()
    ui.assert_clean(at)
    run = default_run(features=("x1", "x2", "x1*x2", "sin(x1)"))
    prep, h = run.prepared, run.history
    bs = batch_step(h.w[5], h.b[5], prep.F_train, prep.y_train, alpha=0.5)
    table = at.dataframe[1].value  # [0] is the per-example table
    np.testing.assert_allclose(table["Σ dz·x"], np.r_[bs.dz_x_sum, bs.dz_sum], rtol=1e-12)
    np.testing.assert_allclose(table["dw = Σ/m"], np.r_[bs.dw, bs.db], rtol=1e-12)
    np.testing.assert_allclose(table["w − 0.5·dw"], np.r_[bs.w_new, bs.b_new], rtol=1e-12)


@pytest.mark.parametrize("batch", [False, True], ids=["one example", "batch"])
def test_l2_adds_its_pull_to_dw_in_the_numbers(ui, batch):
    at = ui.new_app()
    at.select_slider(key="l2").set_value(0.1).run()
    at = ui.go_to(at, PAGE)
    if batch:
        at = at.toggle(key=K + "batch").set_value(True).run()
    ui.assert_clean(at)
    data = nc.make_dataset("moons", 200, 0.1, seed=0)
    run = nc.run_experiment(
        nc.prepare(data, ("x1", "x2"), True, 0.25, seed=0), alpha=0.5, epochs=300, l2=0.1
    )
    prep, h = run.prepared, run.history
    i = at.number_input(key=K + "example").value
    w, b = h.w[5], h.b[5]
    if batch:
        s = batch_step(w, b, prep.F_train, prep.y_train, alpha=0.5, l2=0.1)
    else:
        s = example_step(w, b, prep.F_train[i], prep.y_train[i], alpha=0.5, l2=0.1)
    text = latex(at)
    assert r"\lambda w" in text and rf"0.1\,{vector(w)}" in text  # the decay term, substituted
    assert vector(s.dw) in text and vector(s.w_new) in text


def _csv(shift: int) -> bytes:
    rows = "".join(f"{150 + i},{50 + (i * 7 + shift) % 23},{int(i >= 20)}\n" for i in range(40))
    return ("height,weight,label\n" + rows).encode()


def test_a_new_upload_with_as_many_rows_starts_the_hand_steps_again(ui):
    at = ui.new_app()
    at.segmented_control(key="source").set_value("Upload CSV").run()
    at.file_uploader(key="upload_file").upload("class.csv", _csv(0), "text/csv").run()
    at = ui.go_to(at, PAGE)
    at = at.button(key=K + "again").click().run()
    assert at.session_state[K + "state"]["steps"] == 1
    # Same file name, same number of rows, other values: new data, so the steps start again.
    at.file_uploader(key="upload_file").upload("class.csv", _csv(5), "text/csv").run()
    ui.assert_clean(at)
    assert at.session_state[K + "state"]["steps"] == 0
    assert "by hand" not in " ".join(c.value for c in at.caption)
