"""A chosen start in AppTest: the live view's "Train from here" (key "start"), the sidebar's
typed start, the Playground's line and "Start from zero again", links and every page."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from neuron_core.controls import RUN_KEYS, settings_from
from neuron_core.links import read_link
from neuron_core.start import START_LIMIT
from tests.apptest import send_control

PAGES = sorted(
    (f"pages/{p.name}" for p in (Path(__file__).resolve().parents[2] / "pages").glob("*.py")),
    key=lambda p: "playground" not in p,
)


def start(at, w, b):
    return send_control(at, "start", {"w": w, "b": b})


def settings(at):
    return settings_from({k: at.session_state[k] for k in RUN_KEYS if k in at.session_state})


def row0(ui, at):
    """(w, b) at epoch 0 as the live view got them (w as float32, b exact)."""
    p = ui.live(at)
    n = len(p["meta"]["features"]) if "features" in p["meta"] else 2
    return p["w"][:n].astype(float), float(p["b"][0])


def line(at) -> str:
    return " ".join(c.value for c in at.caption if "starts from your start" in c.value)


def test_train_from_here_starts_the_run_exactly_there(make_app, ui):
    at = make_app()
    w, b = [1.2345678901234567, -0.5], 0.25
    at = start(at, w, b)
    ui.assert_clean(at)
    s = settings(at)
    assert s.init == "chosen" and s.start == (("x1", w[0]), ("x2", w[1]), ("b", b))
    got_w, got_b = row0(ui, at)
    assert got_b == b  # exact: b travels as float64
    np.testing.assert_allclose(got_w, w, rtol=1e-7)  # w travels as float32
    # The run itself: row 0 is the start exactly (the cached run the page drew).
    import neuron_core as nc
    from ui.cache import generated_dataset

    run = nc.run_for(s, generated_dataset(s.dataset, s.points, s.noise, s.seed))
    np.testing.assert_array_equal(run.history.w[0], w)
    assert run.history.b[0] == b
    assert "w₁ = 1.235, w₂ = −0.5, b = 0.25" in line(at)
    # The address bar carries it, exactly.
    query = {k: at.query_params[k] for k in at.query_params}
    assert query["init"] == ["chosen"] or query["init"] == "chosen"
    reading = read_link({k: v if isinstance(v, list) else [v] for k, v in query.items()})
    assert reading.values["start"] == s.start and not reading.notes


@pytest.mark.parametrize(
    "value",
    [
        None,
        "w=1",
        {"w": [1.0], "b": 0.0},
        {"w": [1.0, 2.0, 3.0], "b": 0.0},
        {"w": [1.0, math.nan], "b": 0.0},
        {"w": [1.0, 2.0], "b": "0"},
        {"w": [1.0, 2 * START_LIMIT], "b": 0.0},
    ],
)
def test_junk_from_the_view_changes_nothing_and_says_so(make_app, ui, value):
    at = make_app()
    before = settings(at)
    cost0 = float(ui.live(at)["cost"][0])
    at = send_control(at, "start", value)
    ui.assert_clean(at)
    assert settings(at) == before
    assert float(ui.live(at)["cost"][0]) == cost0
    [warning] = [w.value for w in at.warning]
    assert warning.endswith("the run keeps its start.")
    at.run()  # said once
    assert not at.warning


def test_start_from_zero_again(make_app, ui):
    at = start(make_app(), [2.0, 1.0], -1.0)
    assert line(at)
    at.button(key="start_zero").click().run()
    ui.assert_clean(at)
    assert settings(at).init == "zeros" and not line(at)
    w, b = row0(ui, at)
    assert not w.any() and b == 0.0
    assert "start" not in at.query_params and "init" not in at.query_params


def test_the_sidebar_types_a_start_and_keeps_each_weight_by_input_name(make_app, ui):
    at = make_app()
    at.radio(key="init").set_value("chosen").run()
    assert at.radio(key="init").options == ["Zeros", "Random", "Your start"]
    at.number_input(key="start_x1").set_value(0.75).run()
    at.number_input(key="start_b").set_value(-0.5).run()
    ui.assert_clean(at)
    assert row0(ui, at) == (pytest.approx([0.75, 0.0]), -0.5)
    assert any("belongs to its input by name" in c.value for c in at.sidebar.caption)
    # Add x₁²: x₁ keeps its weight, the new input starts at 0.
    at.multiselect(key="features").set_value(["x1", "x2", "x1^2"]).run()
    assert at.number_input(key="start_x1").value == 0.75
    assert at.number_input(key="start_x1^2").value == 0.0
    w, _ = row0(ui, at)
    np.testing.assert_allclose(w[:3], [0.75, 0.0, 0.0])
    # A start sent by the view shows in the typed inputs.
    at = start(at, [0.1, 0.2, 0.3], 0.4)
    assert at.number_input(key="start_x2").value == 0.2
    assert at.number_input(key="start_b").value == 0.4


def test_a_link_with_a_start_opens_there_and_a_bad_one_gets_a_note(make_app, ui):
    at = make_app({"init": "chosen", "start": "x1:-1.5,b:0.125"})
    assert row0(ui, at) == (pytest.approx([-1.5, 0.0]), 0.125)
    assert not at.warning
    at = make_app({"init": "chosen", "start": "x1:1e400"})
    ui.assert_clean(at)
    notes = " ".join(w.value for w in at.warning)
    assert "Your start" in notes and "w = 0 and b = 0" in notes
    assert row0(ui, at) == (pytest.approx([0.0, 0.0]), 0.0)


def test_every_page_works_from_a_chosen_start(make_app, ui):
    at = make_app({"init": "chosen", "start": "x1:3,x2:-2,b:1.5", "epochs": "50"})
    for page in PAGES:
        ui.go_to(at, page)
        ui.assert_clean(at)
