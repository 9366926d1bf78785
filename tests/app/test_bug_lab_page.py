"""Bug-lab page in AppTest: printed and corrected code, both runs, the diagnoses.

Every curve and map is checked against the runs recomputed here: the printed loop
(`train_printed`, from the same start) and the corrected one (the sidebar's run).
"""

import numpy as np

import neuron_core as nc
from neuron_core.bug_lab import train_printed
from neuron_core.number_format import number, percent
from tests.figure_data import decode_array

PAGE = "pages/bug_lab.py"


def runs(features=("x1", "x2"), alpha=0.5):
    """(prepared data, printed history, corrected history) as the page trains them."""
    prep = nc.prepare(nc.make_dataset("moons", 200, 0.1, 0), features, True, 0.25, seed=0)
    fixed = nc.run_experiment(prep, alpha=alpha, epochs=300).history
    printed = train_printed(prep.F_train, prep.y_train, alpha=alpha, epochs=300, w0=fixed.w[0])
    return prep, printed, fixed


def shows_both_runs(at, ui, features=("x1", "x2"), alpha=0.5):
    """The cost chart's two curves are the two runs' costs; the left map is the printed
    loop's σ(w·x) with no bias, the right one the corrected σ(w·x + b)."""
    prep, printed, fixed = runs(features, alpha)
    charts = at.get("plotly_chart")
    assert len(charts) == 3
    costs = ui.chart(at, 0)["data"]
    np.testing.assert_allclose(decode_array(costs[0]["y"]), printed.cost, rtol=1e-6)
    np.testing.assert_allclose(decode_array(costs[1]["y"]), fixed.cost, rtol=1e-6)
    assert costs[0]["name"].startswith("as printed") and costs[1]["name"].startswith("corrected")
    grid = nc.make_grid(nc.data_bounds(prep.data.X), prep.features, prep.scaler, 60)
    for k, (w, b, name, h) in enumerate(
        (
            (printed.w[-1], 0.0, "As printed", printed),
            (fixed.w[-1], fixed.b[-1], "Corrected", fixed),
        ),
        start=1,
    ):
        fig = ui.chart(at, k)
        z = np.asarray(decode_array(fig["data"][0]["z"]), dtype=float)
        np.testing.assert_allclose(z, nc.probability_grid(grid, w, b), rtol=1e-6, atol=1e-9)
        assert fig["layout"]["title"]["text"] == f"{name}: accuracy {percent(h.accuracy[-1], 0)}"
    return prep, printed, fixed


def test_default_shows_both_loops_and_both_runs(app, ui):
    at = ui.go_to(app, PAGE)
    ui.assert_clean(at)
    codes = [c.value for c in at.code]
    assert any("BUG 1" in c for c in codes) and any("FIX 1" in c for c in codes)
    texts = " ".join(ui.texts(at))
    assert "Bug 1" in texts and "Bug 2" in texts
    assert "all equal" in texts
    _, printed, fixed = shows_both_runs(at, ui)
    ws = ", ".join(number(v, 3) for v in printed.w[-1])
    assert f"Its weights end at ({ws}), all equal" in texts
    assert (
        f"Final cost: printed {number(printed.cost[-1])}, corrected {number(fixed.cost[-1])}"
        in texts
    )


def test_more_features_and_alpha_change(app, ui):
    at = ui.go_to(app, PAGE)
    at.multiselect(key="features").set_value(["x1", "x2", "x1^2"]).run()
    at.select_slider(key="alpha").set_value(0.1).run()
    ui.assert_clean(at)
    shows_both_runs(at, ui, ("x1", "x2", "x1^2"), alpha=0.1)
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
