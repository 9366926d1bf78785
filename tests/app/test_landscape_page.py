"""Cost landscape page in AppTest: default run, a preset α that diverges, the 3-D toggle.

The map, the path and the verdict are checked against the run recomputed here for the α
on the map (the moons at the sidebar's defaults): the path is that run's (w₁, w₂), the
map is `landscape_view`'s slice of J, and the banner says what `run_verdict` says.
"""

import numpy as np

import neuron_core as nc
from neuron_core.landscape import landscape_view, path_indices
from neuron_core.learning_rates import preset_alphas
from neuron_core.number_format import gap, number, setting
from neuron_core.verdict import run_verdict
from tests.figure_data import decode_array

PAGE = "pages/landscape.py"


def option(at, word):
    """The choice whose button reads ``word`` (the widget holds the preset's kind)."""
    labels = at.segmented_control(key="landscape_alpha").options
    kinds = ("sidebar", *(o.split(" (")[0].lower() for o in labels[1:]))
    return next(k for k, o in zip(kinds, labels, strict=True) if word in o)


def moons_run(alpha=0.5, l2=0.0, features=("x1", "x2")):
    prep = nc.prepare(nc.make_dataset("moons", 200, 0.1, 0), features, True, 0.25, seed=0)
    return nc.run_experiment(prep, alpha=alpha, epochs=300, l2=l2)


def preset(kind, l2=0.0):
    run = moons_run(l2=l2)
    F, y = run.prepared.F_train, run.prepared.y_train
    return preset_alphas(F, y, l2, epochs=300, w0=run.w0).alphas[kind]


def shows_the_run(at, ui, run):
    """The path is the run's (w₁, w₂), epoch by epoch; the map is its slice of J; the
    metrics are its α and its distance to the optimum."""
    h, fig = run.history, ui.chart(at)
    view = landscape_view(run)
    if fig["data"][0]["type"] == "contour":
        level = np.asarray(decode_array(fig["data"][0]["z"]), dtype=float)
        np.testing.assert_allclose(level, view.level, rtol=1e-5)
    last = fig["frames"][-1]
    assert last["name"] == str(h.epochs)
    x, y = decode_array(last["data"][0]["x"]), decode_array(last["data"][0]["y"])
    idx = path_indices(len(h.cost))
    shown = np.r_[idx[idx < h.epochs], h.epochs]  # the epochs the path line draws
    np.testing.assert_allclose(np.c_[x, y], view.path[shown], rtol=1e-6)
    if not view.clipped:  # a diverged path is held near the map; else it is the run's
        np.testing.assert_allclose(np.c_[x, y], h.w[shown, :2], rtol=1e-6)
    metrics = ui.metrics(at)
    assert metrics["α on this map"] == setting(run.alpha)
    if run.optimum.finite:
        dist = np.linalg.norm(h.w[-1, :2] - run.optimum.w[:2])
        assert metrics["Distance to the optimum (w₁, w₂)"] == number(dist, 3)
    return run_verdict(run)


def test_default_shows_the_map_and_the_runs_path(app, ui):
    at = ui.go_to(app, PAGE)
    ui.assert_clean(at)
    texts = " ".join(ui.texts(at))
    assert "Cost landscape" in texts
    assert "converges" in texts and "walks steadily" in texts
    assert "b* = " in texts and "held at the optimum's value" in texts
    fig = ui.chart(at)
    assert fig["data"][0]["type"] == "contour"
    last = fig["frames"][-1]
    assert last["name"] == "300"
    # The path's last point is the final (w₁, w₂) the page reports in the title.
    x, y = decode_array(last["data"][0]["x"]), decode_array(last["data"][0]["y"])
    title = last["layout"]["title"]["text"]
    assert f"w₁ = {number(x[-1], 3)}" in title and f"w₂ = {number(y[-1], 3)}" in title
    assert np.all(np.isfinite(x)) and np.all(np.isfinite(y))
    run = moons_run()
    assert shows_the_run(at, ui, run).kind == "converged"
    assert f"b* = {number(run.optimum.b, 3)}" in texts


def test_too_large_preset_oscillates_and_is_not_called_diverged(app, ui):
    at = ui.go_to(app, PAGE)
    at.segmented_control(key="landscape_alpha").set_value(option(at, "Too large")).run()
    ui.assert_clean(at)
    assert not at.error and not any("diverg" in t for t in ui.texts(at))
    assert any("oscillates" in str(w.value) for w in at.warning)
    v = shows_the_run(at, ui, moons_run(preset("too large")))
    assert v.kind == "oscillating"
    assert any(f"first goes up at epoch {v.epoch}:" in str(w.value) for w in at.warning)


def test_with_l2_the_diverging_preset_is_flagged_with_readable_numbers(app, ui):
    app.select_slider(key="l2").set_value(1.0).run()
    at = ui.go_to(app, PAGE)
    at.segmented_control(key="landscape_alpha").set_value(option(at, "Diverging")).run()
    ui.assert_clean(at)
    assert any("diverges" in str(e.value) for e in at.error)
    assert any("flies off the map" in t for t in ui.texts(at))
    title = ui.chart(at)["frames"][-1]["layout"]["title"]["text"]
    assert len(title) < 120, title  # no 300-digit cost
    v = shows_the_run(at, ui, moons_run(preset("diverging", l2=1.0), l2=1.0))
    assert v.kind == "diverged"
    assert any(f"diverges at epoch {v.epoch}.**" in str(e.value) for e in at.error)


def test_small_preset_crawls(app, ui):
    at = ui.go_to(app, PAGE)
    at.segmented_control(key="landscape_alpha").set_value(option(at, "Too small")).run()
    ui.assert_clean(at)
    assert any("crawls" in str(e.value) for e in at.info)
    run = moons_run(preset("too small"))
    assert shows_the_run(at, ui, run).kind == "crawling"
    above = gap(run.history.cost[-1], run.optimum.cost)
    said = f"the cost is still {above} above the best possible J*"
    assert any(said in str(e.value) for e in at.info)


def test_surface_toggle_draws_3d(app, ui):
    at = ui.go_to(app, PAGE)
    at.toggle(key="landscape_3d").set_value(True).run()
    ui.assert_clean(at)
    fig = ui.chart(at)
    assert fig["data"][0]["type"] == "surface" and "scene" in fig["layout"]
    run = moons_run()
    shows_the_run(at, ui, run)
    z = decode_array(fig["frames"][-1]["data"][0]["z"])
    np.testing.assert_allclose(z[-1], landscape_view(run).path_J[-1], rtol=1e-6)


def test_one_feature_asks_for_two(app, ui):
    at = ui.go_to(app, PAGE)
    at.multiselect(key="features").set_value(["x1"]).run()
    ui.assert_clean(at)
    assert any("two weights" in str(w.value) for w in at.warning)
    assert not at.get("plotly_chart")


def test_three_features_say_the_others_are_held(app, ui):
    at = ui.go_to(app, PAGE)
    at.multiselect(key="features").set_value(["x1", "x2", "x1^2"]).run()
    ui.assert_clean(at)
    assert any("other weights are held" in t for t in ui.texts(at))
    run = moons_run(features=("x1", "x2", "x1^2"))
    shows_the_run(at, ui, run)
    w3 = landscape_view(run).w_rest[0]
    assert any(f"= {number(w3, 3)}" in t for t in ui.texts(at) if "other weights" in t)


def test_a_preset_alpha_opens_the_playground_at_it_in_one_click(app, ui):
    at = ui.go_to(app, PAGE)
    assert not [b for b in at.button if b.key == "landscape_alpha_open"]  # the sidebar's α
    at.segmented_control(key="landscape_alpha").set_value("too large").run()
    alpha = preset_alphas(*_moons_train(), epochs=300).alphas["too large"]
    at.button(key="landscape_alpha_open").click().run()
    ui.assert_clean(at)
    assert at.session_state["alpha"] == alpha
    assert ui.live(at)["meta"]["alpha"] == alpha


def _moons_train():
    prep = nc.prepare(nc.make_dataset("moons", 200, 0.1, 0), ("x1", "x2"), True, 0.25, seed=0)
    return prep.F_train, prep.y_train
