"""The landscape figure on its data: the path is the run's history, the map is J."""

import json

import numpy as np
import pytest

import neuron_core as nc
from neuron_core.figures.landscape_figure import landscape_figure
from neuron_core.figures.landscape_traces import NOW, PATH_SO_FAR
from neuron_core.landscape import landscape_view, level_to_cost, path_indices
from tests.figure_data import decode_array, prepared


def make_run(name="moons", alpha=0.5, epochs=120, features=("x1", "x2"), noise=0.1, l2=0.0):
    prep = prepared(name, features, noise=noise)
    return nc.run_experiment(prep, alpha=alpha, epochs=epochs, l2=l2)


@pytest.fixture(scope="module")
def moons():
    run = make_run()
    view = landscape_view(run, res=40)
    frames = nc.sample_frames(run.history.cost, 30)
    return run, view, frames, landscape_figure(run, view, frames).to_dict()


def test_path_in_every_frame_is_the_runs_w1_w2_history(moons):
    run, _, frames, fig = moons
    h = run.history
    keep = path_indices(len(h.cost))
    assert [f["name"] for f in fig["frames"]] == [str(e) for e in frames]
    # Each frame replaces the traces drawn as the path so far and the current point.
    names = [t.get("name") for t in fig["data"]]
    for f in fig["frames"]:
        e = int(f["name"])
        assert f["traces"] == [names.index(PATH_SO_FAR), names.index(NOW)]
        path, now = f["data"]
        xs, ys = decode_array(path["x"]), decode_array(path["y"])
        idx = np.r_[keep[keep < e], e]
        np.testing.assert_allclose(xs, h.w[idx, 0], rtol=1e-6, atol=1e-6)
        np.testing.assert_allclose(ys, h.w[idx, 1], rtol=1e-6, atol=1e-6)
        assert now["x"] == [pytest.approx(h.w[e, 0])] and now["y"] == [pytest.approx(h.w[e, 1])]


def test_optimum_marker_is_at_the_scikit_learn_optimum(moons):
    run, _, _, fig = moons
    star = next(t for t in fig["data"] if t.get("name", "").startswith("optimum"))
    assert star["x"] == [pytest.approx(run.optimum.w[0])]
    assert star["y"] == [pytest.approx(run.optimum.w[1])]


def test_contour_is_the_cost_with_b_at_the_optimums_value(moons):
    run, view, _, fig = moons
    prep, opt = run.prepared, run.optimum
    assert view.at_optimum and view.b == opt.b
    contour = fig["data"][0]
    assert contour["type"] == "contour"
    xs, ys = decode_array(contour["x"]), decode_array(contour["y"])
    J = np.asarray(contour["customdata"])
    level = decode_array(contour["z"])
    for i, j in [(0, 0), (5, 17), (39, 39), (22, 3)]:
        want = nc.cost(np.array([xs[j], ys[i]]), opt.b, prep.F_train, prep.y_train)
        assert J[i, j] == pytest.approx(want, abs=1e-5)
        assert level_to_cost(level[i, j], view.floor, view.delta) == pytest.approx(want, rel=1e-4)


def test_the_star_sits_at_the_bottom_of_the_drawn_slice(moons):
    """The map is a slice through the optimum, so no grid point is below the star."""
    run, view, _, _ = moons
    opt = run.optimum
    assert view.J.min() >= opt.cost - 1e-9
    i = int(np.abs(view.w2s - opt.w[1]).argmin())
    j = int(np.abs(view.w1s - opt.w[0]).argmin())
    assert view.J[i, j] - opt.cost <= 0.02 * (view.J.max() - opt.cost)


def test_without_a_finite_optimum_the_slice_is_at_the_runs_final_b():
    prep = prepared("linear", points=100, noise=0.0)
    run = nc.run_experiment(prep, alpha=1.0, epochs=100)
    view = landscape_view(run)
    assert not run.optimum.finite and not view.at_optimum
    assert view.b == run.history.b[-1]


def test_log_levels_stretch_the_valley_floor(moons):
    _, view, _, _ = moons
    # Half the colour range is spent on the lowest part of the cost range.
    mid = level_to_cost((view.level.min() + view.level.max()) / 2, view.floor, view.delta)
    assert mid - view.J.min() < 0.25 * (view.J.max() - view.J.min())


def test_view_holds_the_path_and_the_optimum(moons):
    run, view, _, fig = moons
    xr, yr = fig["layout"]["xaxis"]["range"], fig["layout"]["yaxis"]["range"]
    pts = np.r_[run.history.w[:, :2], run.optimum.w[None, :2]]
    assert xr[0] <= pts[:, 0].min() and pts[:, 0].max() <= xr[1]
    assert yr[0] <= pts[:, 1].min() and pts[:, 1].max() <= yr[1]
    assert not view.clipped


def test_a_run_that_flies_off_is_clipped_around_start_and_optimum():
    run = make_run(alpha=170.0, epochs=200)
    view = landscape_view(run, res=30)
    assert view.clipped
    opt = run.optimum.w[:2]
    assert view.w1s[0] < min(0.0, opt[0]) and max(0.0, opt[0]) < view.w1s[-1]
    assert view.w2s[0] < min(0.0, opt[1]) and max(0.0, opt[1]) < view.w2s[-1]
    assert np.abs(view.path).max() > max(abs(view.w1s).max(), abs(view.w2s).max())


def test_separable_data_gets_an_arrow_to_infinity_and_no_star():
    run = make_run("linear", alpha=1.0, epochs=100, noise=0.0)
    assert not run.optimum.finite
    fig = landscape_figure(run, landscape_view(run, res=30), [0, 50, 100]).to_dict()
    texts = [a.get("text", "") for a in fig["layout"]["annotations"]]
    assert any("∞" in t for t in texts)
    star = next(t for t in fig["data"] if t.get("name", "").startswith("optimum"))
    assert star["x"] == [] and not star["showlegend"]


def test_surface_path_sits_on_the_surface(moons):
    run, view, frames, _ = moons
    fig = landscape_figure(run, view, frames, surface=True).to_dict()
    assert fig["data"][0]["type"] == "surface" and "scene" in fig["layout"]
    last = fig["frames"][-1]["data"][0]
    z = decode_array(last["z"])
    assert z[-1] == pytest.approx(view.path_J[frames[-1]], rel=1e-5)
    prep, h = run.prepared, run.history
    e = int(frames[-1])
    assert view.path_J[e] == pytest.approx(
        nc.cost(h.w[e], view.b, prep.F_train, prep.y_train), rel=1e-9
    )


def test_more_features_hold_the_other_weights_at_the_optimums_values():
    run = make_run("circles", alpha=0.5, epochs=60, features=("x1", "x2", "x1*x2"))
    assert run.optimum.finite  # the premise
    view = landscape_view(run, res=20)
    np.testing.assert_array_equal(view.w_rest, run.optimum.w[2:])
    prep = run.prepared
    w = np.r_[view.w1s[3], view.w2s[7], view.w_rest]
    assert view.J[7, 3] == pytest.approx(nc.cost(w, view.b, prep.F_train, prep.y_train), rel=1e-9)


def test_figure_json_has_no_nan_or_infinity():
    run = make_run(alpha=170.0, epochs=200)
    fig = landscape_figure(run, landscape_view(run, res=30), [0, 100, 200])
    spec = fig.to_dict()
    json.dumps(spec, allow_nan=False, default=str)
    # Typed arrays hide their numbers from json.dumps: decode every trace, frames' too.
    traces = spec["data"] + [t for f in spec["frames"] for t in f["data"]]
    assert len(traces) == len(spec["data"]) + 2 * 3
    for t in traces:
        for k in ("x", "y", "z"):
            if k in t:
                assert np.all(np.isfinite(decode_array(t[k]).astype(float)))
