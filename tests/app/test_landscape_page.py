"""Cost landscape page in AppTest: default run, a preset α that diverges, the 3-D toggle."""

import numpy as np

from neuron_core.numbers import number
from tests.figure_data import decode_array

PAGE = "pages/landscape.py"


def option(at, word):
    """The choice whose button reads ``word`` (the widget holds the preset's kind)."""
    labels = at.segmented_control(key="landscape_alpha").options
    kinds = ("sidebar", *(o.split(" (")[0].lower() for o in labels[1:]))
    return next(k for k, o in zip(kinds, labels, strict=True) if word in o)


def test_default_shows_the_map_and_the_runs_path(app, ui):
    at = ui.go_to(app, PAGE)
    ui.assert_clean(at)
    texts = " ".join(ui.texts(at))
    assert "Cost landscape" in texts
    assert "walks steadily" in texts
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


def test_too_large_preset_oscillates_and_is_not_called_diverged(app, ui):
    at = ui.go_to(app, PAGE)
    at.segmented_control(key="landscape_alpha").set_value(option(at, "Too large")).run()
    ui.assert_clean(at)
    assert not at.error and not any("diverg" in t for t in ui.texts(at))
    assert any("oscillates" in str(w.value) for w in at.warning)


def test_with_l2_the_diverging_preset_is_flagged_with_readable_numbers(app, ui):
    app.select_slider(key="l2").set_value(1.0).run()
    at = ui.go_to(app, PAGE)
    at.segmented_control(key="landscape_alpha").set_value(option(at, "Diverging")).run()
    ui.assert_clean(at)
    assert any("diverges" in str(e.value) for e in at.error)
    assert any("flies off the map" in t for t in ui.texts(at))
    title = ui.chart(at)["frames"][-1]["layout"]["title"]["text"]
    assert len(title) < 120, title  # no 300-digit cost


def test_small_preset_crawls(app, ui):
    at = ui.go_to(app, PAGE)
    at.segmented_control(key="landscape_alpha").set_value(option(at, "Too small")).run()
    ui.assert_clean(at)
    assert any("crawls" in str(e.value) for e in at.info)


def test_surface_toggle_draws_3d(app, ui):
    at = ui.go_to(app, PAGE)
    at.toggle(key="landscape_3d").set_value(True).run()
    ui.assert_clean(at)
    fig = ui.chart(at)
    assert fig["data"][0]["type"] == "surface" and "scene" in fig["layout"]


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
