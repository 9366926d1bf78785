"""Bug-lab page in AppTest: printed and corrected code, both runs, the diagnoses."""

import numpy as np

import neuron_core as nc
from neuron_core.bug_lab import train_printed
from tests.figure_data import decode_array

PAGE = "pages/bug_lab.py"


def test_default_shows_both_loops_and_both_runs(app, ui):
    at = ui.go_to(app, PAGE)
    ui.assert_clean(at)
    codes = [c.value for c in at.code]
    assert any("BUG 1" in c for c in codes) and any("FIX 1" in c for c in codes)
    texts = " ".join(ui.texts(at))
    assert "Bug 1" in texts and "Bug 2" in texts
    assert "all equal" in texts
    charts = at.get("plotly_chart")
    assert len(charts) == 3
    fig = ui.chart(at, 0)
    prep = nc.prepare(nc.make_dataset("moons", 200, 0.1, 0), ("x1", "x2"), True, 0.25, seed=0)
    printed = train_printed(prep.F_train, prep.y_train, alpha=0.5, epochs=300)
    np.testing.assert_allclose(decode_array(fig["data"][0]["y"]), printed.cost, rtol=1e-6)


def test_more_features_and_alpha_change(app, ui):
    at = ui.go_to(app, PAGE)
    at.multiselect(key="features").set_value(["x1", "x2", "x1^2"]).run()
    at.select_slider(key="alpha").set_value(0.1).run()
    ui.assert_clean(at)
    assert len(at.get("plotly_chart")) == 3
    assert "all equal" in " ".join(ui.texts(at))


def test_curved_features_are_not_described_as_a_line(app, ui):
    """With x₁², x₂² the printed loop's boundary is a curve: the page must not call it the
    line x₁ + x₂ = 0 through the origin, and must still say what the bug does in general."""
    at = ui.go_to(app, PAGE)
    at.multiselect(key="features").set_value(["x1", "x2", "x1^2", "x2^2"]).run()
    ui.assert_clean(at)
    texts = " ".join(ui.texts(at))
    assert "x₁ + x₂ = 0" not in texts and "the line" not in texts
    assert "same update" in texts and "x₁ + x₂ + x₁² + x₂² = 0" in texts


def test_linear_features_get_the_line_picture(app, ui):
    at = ui.go_to(app, PAGE)
    texts = " ".join(ui.texts(at))
    assert "the line x₁ + x₂ = 0" in texts and "centre of the training data" in texts


def test_log_epoch_axis_option(app, ui):
    at = ui.go_to(app, PAGE)
    assert ui.chart(at, 0)["layout"]["xaxis"]["type"] == "linear"
    at.toggle(key="bug_log_epochs").set_value(True).run()
    assert ui.chart(at, 0)["layout"]["xaxis"]["type"] == "log"
