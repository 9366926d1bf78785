"""The one-step figure, checked on its data: points, both boundaries, the ring and the arrow.

Each check recomputes from the parameters what should be drawn: z = w·f(x) + b is 0 on a
boundary, the ring sits on the chosen training point, the arrow runs from the old boundary
to the new one.
"""

from __future__ import annotations

import json

import numpy as np
import plotly.io as pio
import pytest

import neuron_core as nc
from neuron_core.figures import Theme
from neuron_core.figures.one_step_arrow import boundary_crossings, nearest_crossing
from neuron_core.figures.one_step_figure import ARROW_NAME, one_step_figure
from neuron_core.grids import data_bounds
from neuron_core.one_step import example_step, worst_example
from tests.figure_data import decode_array, prepared

LINEAR = ("x1", "x2")
CIRCLE = ("x1", "x2", "x1^2", "x2^2")


def make_run(dataset="moons", features=LINEAR, epochs=300, standardize=True):
    prep = prepared(dataset, features, standardize=standardize)
    return nc.run_experiment(prep, alpha=0.5, epochs=epochs)


def sent(fig) -> dict:
    """The figure as the browser receives it."""
    return json.loads(pio.to_json(fig, validate=False))


def arr(v) -> np.ndarray:
    """A JSON array, plain or typed (base64 'bdata'), as float64."""
    return np.asarray(decode_array(v) if isinstance(v, dict) else v, dtype=float)


def z_at(prep, w, b, points):
    return prep.inputs(np.atleast_2d(points)) @ np.asarray(w) + b


def worst_step(run, epoch=-1):
    prep, h = run.prepared, run.history
    w, b = h.w[epoch], float(h.b[epoch])
    i = worst_example(w, b, prep.F_train, prep.y_train)
    s = example_step(w, b, prep.F_train[i], prep.y_train[i], alpha=run.alpha)
    return i, s


def arrow(spec):
    found = [a for a in spec["layout"].get("annotations", []) if a.get("name") == ARROW_NAME]
    return found[0] if found else None


@pytest.mark.parametrize("standardize", [True, False], ids=["standardised", "raw"])
def test_linear_boundaries_are_where_z_is_zero_before_and_after(standardize):
    run = make_run(standardize=standardize)
    prep = run.prepared
    i, s = worst_step(run)
    spec = sent(one_step_figure(prep, (s.w, s.b), (s.w_new, s.b_new), chosen=i))
    before, after = spec["data"][2], spec["data"][3]
    assert before["name"] == "boundary before" and before["line"]["dash"] == "dash"
    assert after["name"] == "boundary after" and after["line"]["dash"] == "solid"
    for trace, (w, b) in ((before, (s.w, s.b)), (after, (s.w_new, s.b_new))):
        ends = np.c_[arr(trace["x"]), arr(trace["y"])]
        assert ends.shape == (2, 2)
        np.testing.assert_allclose(z_at(prep, w, b, ends), 0.0, atol=1e-9)
        # and it is the other state's line only if the step did nothing
    assert not np.allclose(np.c_[before["x"], before["y"]], np.c_[after["x"], after["y"]])


def test_points_carry_their_training_row_for_click_selection():
    run = make_run()
    prep = run.prepared
    i, s = worst_step(run)
    spec = sent(one_step_figure(prep, (s.w, s.b), (s.w_new, s.b_new), chosen=i))
    X_train = prep.data.X[prep.train_idx]
    seen = []
    for k in (0, 1):
        t = spec["data"][k]
        rows = arr(t["customdata"]).astype(int)
        np.testing.assert_allclose(np.c_[arr(t["x"]), arr(t["y"])], X_train[rows])
        assert np.all(prep.y_train[rows] == k)
        seen.extend(rows)
    assert sorted(seen) == list(range(len(prep.train_idx)))


def test_chosen_example_is_ringed():
    run = make_run()
    prep = run.prepared
    i, s = worst_step(run)
    spec = sent(one_step_figure(prep, (s.w, s.b), (s.w_new, s.b_new), chosen=i))
    ring = spec["data"][4]
    assert ring["name"] == f"example #{i}"
    assert ring["marker"]["symbol"] == "circle-open"
    np.testing.assert_allclose([ring["x"][0], ring["y"][0]], prep.data.X[prep.train_idx[i]])


@pytest.mark.parametrize("features", [LINEAR, CIRCLE], ids=["line", "contour"])
def test_arrow_runs_from_the_old_boundary_to_the_new_one_towards_a_misclassified_point(
    features,
):
    run = make_run("circles" if features == CIRCLE else "moons", features)
    prep = run.prepared
    i, s = worst_step(run, epoch=5)
    assert s.dz**2 > 0.25  # the worst example is badly wrong: a big pull
    spec = sent(one_step_figure(prep, (s.w, s.b), (s.w_new, s.b_new), chosen=i))
    a = arrow(spec)
    assert a is not None and a["showarrow"] is True
    assert (a["axref"], a["ayref"]) == ("x", "y")
    tail, head = np.array([a["ax"], a["ay"]]), np.array([a["x"], a["y"]])
    assert abs(z_at(prep, s.w_new, s.b_new, head)[0]) < 0.05 * np.abs(s.w_new).sum()
    # Long enough to see (a short move gets a longer tail, same direction): the old
    # boundary is crossed on the way, so z under the old weights changes sign along it.
    b = data_bounds(prep.data.X)
    assert np.hypot(*(head - tail)) >= 0.119 * max(b[1] - b[0], b[3] - b[2])
    along = tail + np.linspace(0, 1, 200)[:, None] * (head - tail)
    z_old = z_at(prep, s.w, s.b, along)
    assert z_old.min() <= 0.05 * np.abs(s.w).sum() and z_old.max() >= -0.05 * np.abs(s.w).sum()
    point = prep.data.X[prep.train_idx[i]]
    # The step makes the example less wrong: the boundary moves towards it (maybe past it).
    assert np.dot(head - tail, point - tail) > 0


def test_contour_boundaries_are_the_zero_level_of_z_on_the_grid():
    run = make_run("circles", CIRCLE)
    prep = run.prepared
    i, s = worst_step(run)
    spec = sent(one_step_figure(prep, (s.w, s.b), (s.w_new, s.b_new), chosen=i, resolution=41))
    for trace, (w, b) in ((spec["data"][2], (s.w, s.b)), (spec["data"][3], (s.w_new, s.b_new))):
        assert trace["type"] == "contour"
        assert trace["contours"]["start"] == trace["contours"]["end"] == 0.0
        xs, ys = arr(trace["x"]), arr(trace["y"])
        gx, gy = np.meshgrid(xs, ys)
        want = z_at(prep, w, b, np.c_[gx.ravel(), gy.ravel()]).reshape(gx.shape)
        got = arr(trace["z"]).reshape(want.shape)
        np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-12)


def test_zero_weights_have_no_boundary_before_and_no_arrow_but_a_note():
    run = make_run()
    prep = run.prepared
    s = example_step(np.zeros(2), 0.0, prep.F_train[3], prep.y_train[3], alpha=0.5)
    spec = sent(one_step_figure(prep, (s.w, s.b), (s.w_new, s.b_new), chosen=3))
    assert spec["data"][2]["x"] == [] and len(spec["data"][3]["x"]) == 2
    assert arrow(spec) is None
    notes = [a["text"] for a in spec["layout"]["annotations"]]
    assert any("w = 0" in t and "no boundary" in t for t in notes)


def test_a_step_that_barely_moves_the_line_draws_no_arrow():
    run = make_run()
    prep, h = run.prepared, run.history
    w, b = h.w[-1], float(h.b[-1])
    spec = sent(one_step_figure(prep, (w, b), (w * (1 + 1e-6), b), chosen=0))
    assert arrow(spec) is None


def test_presenter_theme_draws_bigger_markers_and_lines():
    run = make_run()
    prep = run.prepared
    i, s = worst_step(run)
    args = (prep, (s.w, s.b), (s.w_new, s.b_new))
    normal, big = (
        sent(one_step_figure(*args, chosen=i)),
        sent(one_step_figure(*args, chosen=i, theme=Theme.presenting())),
    )
    assert big["data"][0]["marker"]["size"] > normal["data"][0]["marker"]["size"]
    assert big["data"][3]["line"]["width"] > normal["data"][3]["line"]["width"]
    assert big["layout"]["font"]["size"] > normal["layout"]["font"]["size"]


def test_axes_have_equal_scales_so_the_line_is_not_distorted():
    run = make_run()
    prep = run.prepared
    spec = sent(
        one_step_figure(prep, (run.history.w[-1], run.history.b[-1]), (run.history.w[-1], 0.1))
    )
    assert spec["layout"]["yaxis"]["scaleanchor"] == "x"
    assert len(spec["data"]) == 4  # no ring without a chosen example


def test_boundary_crossings_lie_on_a_straight_line_exactly():
    xs, ys = np.linspace(-2, 2, 31), np.linspace(-1, 3, 27)
    gx, gy = np.meshgrid(xs, ys)
    Z = 0.7 * gx - 1.3 * gy + 0.4
    pts = boundary_crossings(xs, ys, Z)
    assert len(pts) > 20
    np.testing.assert_allclose(0.7 * pts[:, 0] - 1.3 * pts[:, 1] + 0.4, 0.0, atol=1e-12)
    near = nearest_crossing(xs, ys, Z, (0.0, 0.0))
    foot = -0.4 * np.array([0.7, -1.3]) / (0.7**2 + 1.3**2)  # perpendicular foot from 0
    assert np.linalg.norm(np.array(near) - foot) < (xs[1] - xs[0])
    assert nearest_crossing(xs, ys, np.ones_like(Z), (0.0, 0.0)) is None


def test_a_markup_column_name_shows_as_text_not_as_a_link():
    from dataclasses import replace

    from neuron_core.figures.style import class_label, plain

    name = '<a href="https://example.org">click</a>'
    assert "<" not in plain(name) and "&lt;a href" in plain(name)
    assert "<a" not in class_label(("0", name), 1)
    # and so in the figure: axis titles, legend names and hover text carry no live tag
    data = nc.make_dataset("moons", 200, 0.1, seed=0)
    data = replace(data, feature_names=(name, "<b>x2</b>"), classes=("0", name))
    prep = nc.prepare(data, LINEAR, True, 0.25, seed=0)
    w, b = np.array([1.0, -1.0]), 0.1
    spec = sent(one_step_figure(prep, (w, b), (1.1 * w, b), chosen=0))
    layout = spec["layout"]
    titles = [layout[a]["title"]["text"] for a in ("xaxis", "yaxis")]
    assert titles == [plain(name), "&lt;b&gt;x2&lt;/b&gt;"]
    shown = titles + [t.get("name", "") + t.get("hovertemplate", "") for t in spec["data"]]
    assert any("&lt;a href" in t for t in shown[2:])
    assert not any("<a" in t or "<b>" in t for t in shown)
