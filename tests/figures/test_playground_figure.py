"""The Playground figure, checked on the data it sends to the browser.

Every check reads the figure as `st.plotly_chart` serialises it (``plotly.io.to_json``),
decodes the typed arrays and recomputes what should be drawn from the run itself:
ŷ = σ(w·f(x) + b) on the grid for the epoch a frame is named after, the ŷ = 0.5 line,
the cost curve.
"""

from __future__ import annotations

import json
import re

import numpy as np
import plotly.io as pio
import pytest

import neuron_core as nc
from neuron_core.figures import Theme, playground_figure
from neuron_core.figures.animation import decode_array

LINEAR = ("x1", "x2")
CIRCLE = ("x1", "x2", "x1^2", "x2^2")


def make_run(dataset="moons", features=LINEAR, *, points=200, standardize=True, test=0.25,
             alpha=0.5, epochs=300, scale=1.0, l2=0.0):  # fmt: skip
    data = nc.make_dataset(dataset, points, 0.1, seed=0)
    if scale != 1.0:
        data = nc.Dataset(data.X * scale, data.y, "scaled", data.feature_names, data.classes)
    prep = nc.prepare(data, features, standardize, test, seed=0)
    return nc.run_experiment(prep, alpha=alpha, epochs=epochs, l2=l2)


def sent(fig) -> dict:
    """The figure exactly as the browser receives it."""
    return json.loads(pio.to_json(fig, validate=False))


def arr(spec) -> np.ndarray:
    return np.asarray(decode_array(spec), dtype=float)


def words(text: str) -> str:
    """Text as read on screen: tags such as <b> and <br> dropped."""
    return re.sub(r"<[^>]+>", " ", text).replace("  ", " ").strip()


def trace(d, name):
    return next(t for t in d["data"] if t.get("name") == name)


def by_epoch(d) -> dict[int, dict]:
    """Frame name (an epoch) -> {trace index: the frame's data for that trace}."""
    return {int(f["name"]): dict(zip(f["traces"], f["data"], strict=True)) for f in d["frames"]}


def y_hat(run, points, epoch):
    """ŷ at raw points (k, 2) for the state after ``epoch`` epochs, straight from the core."""
    h = run.history
    return nc.sigmoid(run.prepared.inputs(points) @ h.w[epoch] + h.b[epoch])


def grid_y_hat(run, trace_json, epoch):
    xs, ys = arr(trace_json["x"]), arr(trace_json["y"])
    gx, gy = np.meshgrid(xs, ys)
    return y_hat(run, np.c_[gx.ravel(), gy.ravel()], epoch).reshape(len(ys), len(xs))


@pytest.fixture(scope="module")
def linear():
    run = make_run()
    frames = nc.sample_frames(run.history.cost, 100)
    return run, frames, sent(playground_figure(run, frames))


@pytest.fixture(scope="module")
def curved():
    run = make_run("circles", CIRCLE, alpha=1.0)
    frames = nc.sample_frames(run.history.cost, 100)
    return run, frames, sent(playground_figure(run, frames))


# ---------------------------------------------------------------- structure


def test_three_views_use_the_right_trace_types(linear):
    _, _, d = linear
    types = [t["type"] for t in d["data"]]
    assert types.count("contour") == 1 and types.count("surface") == 1
    assert types.count("scatter3d") == 2  # the two classes at heights 0 and 1
    contour, surface = d["data"][types.index("contour")], d["data"][types.index("surface")]
    assert contour.get("xaxis", "x") == "x" and surface["scene"] == "scene"
    cost = trace(d, "training cost")
    assert cost["type"] == "scatter" and cost["mode"] == "lines"
    assert (cost["xaxis"], cost["yaxis"]) == ("x2", "y2")  # its own axes, below the map
    now = trace(d, "shown epoch")
    assert now["mode"] == "markers" and now["yaxis"] == "y2"


def test_frames_update_traces_of_the_same_type(linear):
    _, _, d = linear
    for f in d["frames"]:
        assert len(f["traces"]) == len(f["data"])
        for i, part in zip(f["traces"], f["data"], strict=True):
            assert d["data"][i]["type"] == part["type"]


@pytest.mark.parametrize("epochs", [1, 300, 5000])
def test_one_frame_per_sampled_epoch_first_and_last_included(epochs):
    run = make_run(epochs=epochs)
    frames = nc.sample_frames(run.history.cost, 100)
    d = sent(playground_figure(run, frames))
    names = [f["name"] for f in d["frames"]]
    assert names == [str(int(e)) for e in frames]
    assert len(names) <= 100
    assert names[0] == "0" and names[-1] == str(epochs)
    steps = d["layout"]["sliders"][0]["steps"]
    assert [s["args"][0] for s in steps] == [[n] for n in names]  # the slider scrubs frames
    assert [s["label"] for s in steps] == names


def test_play_button_animates_every_frame_with_redraw(linear):
    _, _, d = linear
    buttons = d["layout"]["updatemenus"][0]["buttons"]
    play = next(b for b in buttons if "Play" in b["label"])
    assert play["method"] == "animate" and play["args"][0] is None  # None = all frames
    assert play["args"][1]["frame"]["redraw"] is True  # contour and surface need a redraw


# ---------------------------------------------------------------- frame k shows epoch k


@pytest.mark.parametrize("fixture", ["linear", "curved"])
def test_frame_k_grids_are_y_hat_at_epoch_k(fixture, request):
    run, frames, d = request.getfixturevalue(fixture)
    contour = next(t for t in d["data"] if t["type"] == "contour")
    surface = next(t for t in d["data"] if t["type"] == "surface")
    i_contour, i_surface = d["data"].index(contour), d["data"].index(surface)
    frame = by_epoch(d)
    assert sorted(frame) == [int(e) for e in frames]
    for e in [*frames[:: max(1, len(frames) // 12)].tolist(), int(frames[-1])]:
        z = arr(frame[e][i_contour]["z"])
        assert z.shape == (len(arr(contour["y"])), len(arr(contour["x"])))
        np.testing.assert_allclose(z, grid_y_hat(run, contour, e), atol=1e-6)
        np.testing.assert_allclose(
            arr(frame[e][i_surface]["z"]), grid_y_hat(run, surface, e), atol=1e-6
        )


def test_frames_differ_as_training_moves_the_weights(linear):
    _, frames, d = linear
    i = next(i for i, t in enumerate(d["data"]) if t["type"] == "contour")
    frame = by_epoch(d)
    first, last = arr(frame[0][i]["z"]), arr(frame[int(frames[-1])][i]["z"])
    np.testing.assert_allclose(first, 0.5)  # w = 0, b = 0: ŷ = 0.5 everywhere
    assert np.ptp(last) > 0.9  # trained: confident on both sides


def test_cost_marker_of_frame_k_sits_on_the_cost_of_epoch_k(linear):
    run, _, d = linear
    h = run.history
    i_now = d["data"].index(trace(d, "shown epoch"))
    i_test = i_now + 1
    for e, parts in by_epoch(d).items():
        assert parts[i_now]["x"] == [e]
        assert parts[i_now]["y"] == pytest.approx([h.cost[e]], rel=1e-12)
        assert parts[i_test]["y"] == pytest.approx([h.test_cost[e]], rel=1e-12)


def test_cost_curves_are_the_whole_history(linear):
    run, _, d = linear
    h = run.history
    train = trace(d, "training cost")
    np.testing.assert_array_equal(arr(train["x"]), np.arange(h.epochs + 1))
    np.testing.assert_allclose(arr(train["y"]), h.cost, rtol=1e-12)
    np.testing.assert_allclose(arr(trace(d, "test cost")["y"]), h.test_cost, rtol=1e-12)


def test_before_play_the_figure_shows_the_chosen_epoch():
    run = make_run()
    frames = nc.sample_frames(run.history.cost, 100)
    shown = int(frames[len(frames) // 2])
    d = sent(playground_figure(run, frames, shown=shown))
    contour = next(t for t in d["data"] if t["type"] == "contour")
    np.testing.assert_allclose(arr(contour["z"]), grid_y_hat(run, contour, shown), atol=1e-6)
    assert trace(d, "shown epoch")["x"] == [shown]
    assert words(d["layout"]["title"]["text"]).startswith(f"Epoch {shown} of 300")
    slider = d["layout"]["sliders"][0]
    assert slider["steps"][slider["active"]]["label"] == str(shown)


def test_an_epoch_between_frames_is_drawn_and_the_slider_starts_just_before_it():
    run = make_run(epochs=300)
    frames = nc.sample_frames(run.history.cost, 40)
    shown = next(e for e in range(300) if e not in frames)
    d = sent(playground_figure(run, frames, shown=shown))
    contour = next(t for t in d["data"] if t["type"] == "contour")
    np.testing.assert_allclose(arr(contour["z"]), grid_y_hat(run, contour, shown), atol=1e-6)
    slider = d["layout"]["sliders"][0]
    assert int(slider["steps"][slider["active"]]["label"]) == max(e for e in frames if e < shown)


# ---------------------------------------------------------------- the boundary ŷ = 0.5


@pytest.mark.parametrize(
    "features, standardize",
    [(LINEAR, True), (LINEAR, False), (("x2", "x1"), True)],
    ids=["scaled", "raw", "x2-first"],
)
def test_boundary_line_lies_where_y_hat_is_one_half(features, standardize):
    run = make_run("blobs", features, standardize=standardize, alpha=0.3, epochs=200)
    frames = nc.sample_frames(run.history.cost, 100)
    d = sent(playground_figure(run, frames))
    i_line = d["data"].index(trace(d, "boundary ŷ = 0.5"))
    x0, x1 = d["layout"]["xaxis"]["range"]
    y0, y1 = d["layout"]["yaxis"]["range"]
    drawn = 0
    for e, parts in by_epoch(d).items():
        xs, ys = parts[i_line]["x"], parts[i_line]["y"]
        if e == 0:
            assert xs == [] and ys == []  # w = 0: no line exists
            continue
        if not xs:
            continue  # the line can leave the visible box early in training
        drawn += 1
        assert len(xs) == len(ys) == 2
        t = np.linspace(0.0, 1.0, 11)[:, None]
        a, b = np.array([xs[0], ys[0]]), np.array([xs[1], ys[1]])
        np.testing.assert_allclose(y_hat(run, a + t * (b - a), e), 0.5, atol=1e-9)
        for x, y in zip(xs, ys, strict=True):  # ends on the edges of the visible box
            assert x0 - 1e-9 <= x <= x1 + 1e-9 and y0 - 1e-9 <= y <= y1 + 1e-9
            assert min(abs(x - x0), abs(x - x1), abs(y - y0), abs(y - y1)) < 1e-9
    assert drawn >= len(d["frames"]) // 2


def test_linear_features_draw_a_line_curved_features_a_contour(linear, curved):
    for (_, _, d), is_line in ((linear, True), (curved, False)):
        contour = next(t for t in d["data"] if t["type"] == "contour")
        line = trace(d, "boundary ŷ = 0.5")
        assert contour["contours"]["showlines"] is (not is_line)
        assert contour["contours"]["start"] == contour["contours"]["end"] == 0.5
        assert line["showlegend"] is is_line
        i_line = d["data"].index(line)
        lengths = {len(parts[i_line]["x"]) for e, parts in by_epoch(d).items() if e > 0}
        assert lengths == ({2} if is_line else {0})
    # The curved run really has a closed ŷ = 0.5 curve to draw: inside high, corners low.
    _, frames, d = curved
    z = arr(by_epoch(d)[int(frames[-1])][0]["z"])
    assert z.min() < 0.5 < z.max()
    n = len(z) // 2
    assert (z[n, n] > 0.5) != (z[0, 0] > 0.5)


# ---------------------------------------------------------------- data markers


def test_test_points_are_hollow_train_points_filled(linear):
    run, _, d = linear
    prep = run.prepared
    shapes = {}
    for part, idx in (("train", prep.train_idx), ("test", prep.test_idx)):
        count = 0
        for k in (0, 1):
            label = f"class {k}" + (", test" if part == "test" else "")
            t = trace(d, label)
            symbol = t["marker"]["symbol"]
            assert symbol.endswith("-open") is (part == "test")
            shapes.setdefault(k, set()).add(symbol.removesuffix("-open"))
            pts = np.c_[arr(t["x"]), arr(t["y"])]
            expect = prep.data.X[idx][prep.data.y[idx] == k]
            np.testing.assert_allclose(np.sort(pts, axis=0), np.sort(expect, axis=0))
            count += len(pts)
        assert count == len(idx)
    assert len(shapes[0]) == len(shapes[1]) == 1 and shapes[0] != shapes[1]  # shape = class
    colors = {t["marker"]["color"] for t in d["data"][1:5]}
    assert len(colors) == 2


def test_surface_points_sit_at_the_height_of_their_class(linear):
    run, _, d = linear
    dots = [t for t in d["data"] if t["type"] == "scatter3d"]
    for k, t in enumerate(dots):
        np.testing.assert_array_equal(arr(t["z"]), k)
        assert len(arr(t["x"])) == int(np.sum(run.prepared.data.y == k))
    assert d["layout"]["scene"]["zaxis"]["range"] == [0, 1]


# ---------------------------------------------------------------- cost axis


def test_cost_axis_is_logarithmic_when_the_cost_spans_orders_of_magnitude():
    run = make_run("circles", CIRCLE, alpha=10.0, epochs=2000)
    h = run.history
    assert h.cost.max() / h.cost.min() > 100  # the premise: a cost that falls 100-fold
    d = sent(playground_figure(run, nc.sample_frames(h.cost, 100)))
    assert d["layout"]["yaxis2"]["type"] == "log"
    assert "log" in d["layout"]["yaxis2"]["title"]["text"]


def test_cost_axis_stays_linear_for_a_cost_within_one_order(linear):
    run, _, d = linear
    assert run.history.cost.max() / run.history.cost.min() < 10
    assert d["layout"]["yaxis2"]["type"] == "linear"
    assert d["layout"]["yaxis2"]["title"]["text"] == "cost J"


# ---------------------------------------------------------------- no NaN, ever


def _non_finite(node, path="$"):
    """Paths of every NaN or ±inf in the figure, typed arrays decoded."""
    if isinstance(node, dict):
        if "bdata" in node and "dtype" in node:
            a = decode_array(node)
            return [path] if a.dtype.kind == "f" and not np.all(np.isfinite(a)) else []
        return [p for k, v in node.items() for p in _non_finite(v, f"{path}.{k}")]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _non_finite(v, f"{path}[{i}]")]
    if isinstance(node, float) and not np.isfinite(node):
        return [path]
    return []


EXTREME_RUNS = {
    "diverging": dict(scale=1e160, standardize=False, alpha=10.0, epochs=300),
    "zig-zag": dict(dataset="circles", standardize=False, alpha=10.0, epochs=300),
    "saturated": dict(dataset="linear", features=nc.FEATURES, alpha=10.0, epochs=5000),
    "all-features-raw": dict(
        dataset="spiral", features=nc.FEATURES, standardize=False, alpha=10.0, epochs=500
    ),
    "no-test-data": dict(test=0.0),
    "strong-l2": dict(l2=1.0, epochs=50),
}


@pytest.mark.parametrize("kwargs", EXTREME_RUNS.values(), ids=EXTREME_RUNS.keys())
def test_no_nan_or_infinity_anywhere_in_the_figure(kwargs):
    run = make_run(**kwargs)
    frames = nc.sample_frames(run.history.cost, 100)
    text = pio.to_json(playground_figure(run, frames), validate=False)
    constants = []
    d = json.loads(text, parse_constant=constants.append)  # NaN / Infinity tokens
    assert constants == []
    assert _non_finite(d) == []
    assert [f["name"] for f in d["frames"]][-1] == str(run.history.epochs)


def test_a_run_that_diverges_at_once_still_draws_its_one_frame():
    run = make_run(**EXTREME_RUNS["diverging"])
    assert run.history.diverged_at == 1 and run.history.epochs == 0  # the premise
    d = sent(playground_figure(run, nc.sample_frames(run.history.cost, 100)))
    assert [f["name"] for f in d["frames"]] == ["0"]
    assert words(d["layout"]["title"]["text"]).startswith("Epoch 0 of 0")


def test_without_test_data_there_is_no_test_cost_or_accuracy():
    run = make_run(test=0.0)
    d = sent(playground_figure(run, nc.sample_frames(run.history.cost, 100)))
    assert len(arr(trace(d, "test cost")["y"])) == 0
    assert "test accuracy" not in d["layout"]["title"]["text"]
    assert not [t for t in d["data"] if t.get("name", "").endswith(", test") and len(t["x"])]


# ---------------------------------------------------------------- presenter theme


def test_presenter_theme_makes_text_markers_and_lines_bigger():
    run = make_run(epochs=20)
    frames = nc.sample_frames(run.history.cost, 100)
    normal = sent(playground_figure(run, frames, theme=Theme()))
    big = sent(playground_figure(run, frames, theme=Theme.presenting()))

    def sizes(d):
        return dict(
            font=d["layout"]["font"]["size"],
            title=d["layout"]["title"]["font"]["size"],
            legend=d["layout"]["legend"]["font"]["size"],
            subplot_titles=min(a["font"]["size"] for a in d["layout"]["annotations"]),
            marker=trace(d, "class 0")["marker"]["size"],
            line=trace(d, "boundary ŷ = 0.5")["line"]["width"],
            cost_line=trace(d, "training cost")["line"]["width"],
        )

    small, large = sizes(normal), sizes(big)
    assert all(large[k] > small[k] for k in small), (small, large)
    assert small["font"] >= 14  # readable even when not presenting


# ---------------------------------------------------------------- layout


def test_every_frame_retitles_the_figure_with_its_own_epoch(linear):
    run, _, d = linear
    h = run.history
    for f in d["frames"]:
        e = int(f["name"])
        title = f["layout"]["title"]
        assert words(title["text"]).startswith(
            f"Epoch {e} of {h.epochs} · cost J = {h.cost[e]:.4f}"
        )
        # a frame's layout replaces the title: it must carry its place and size too
        assert title["font"] == d["layout"]["title"]["font"]
        assert (title["x"], title["y"]) == (d["layout"]["title"]["x"], d["layout"]["title"]["y"])


def test_legends_name_classes_test_points_and_curves(linear):
    _, _, d = linear
    shown = [t for t in d["data"] if t.get("showlegend", True) and t.get("name")]
    data_legend = [t["name"] for t in shown if t.get("legend", "legend") == "legend"]
    cost_legend = [t["name"] for t in shown if t.get("legend") == "legend2"]
    assert set(data_legend) == {"class 0", "class 1", "test points (hollow)", "boundary ŷ = 0.5"}
    assert cost_legend[:2] == ["training cost", "test cost"]
    assert cost_legend[2].startswith("best possible J* = ")
    key = trace(d, "test points (hollow)")
    assert key["marker"]["symbol"].endswith("-open") and key["legendgroup"] == "test"
    assert {trace(d, f"class {k}, test")["legendgroup"] for k in (0, 1)} == {"test"}


def test_slider_hides_its_hundred_labels_but_shows_the_current_epoch(linear):
    _, _, d = linear
    slider = d["layout"]["sliders"][0]
    assert slider["font"]["color"].replace(" ", "") == "rgba(0,0,0,0)"  # step labels hidden
    assert slider["currentvalue"]["font"]["color"] == "#111111"
    assert slider["currentvalue"]["prefix"] == "Epoch "
    play = d["layout"]["updatemenus"][0]
    assert play["y"] > slider["y"]  # buttons above the full-width slider, not beside it


@pytest.mark.parametrize("stacked", [False, True], ids=["side-by-side", "stacked"])
def test_views_do_not_overlap(stacked):
    run = make_run(epochs=30)
    d = sent(playground_figure(run, nc.sample_frames(run.history.cost, 100), stacked=stacked))
    lay = d["layout"]
    boxes = {
        "map": (lay["xaxis"]["domain"], lay["yaxis"]["domain"]),
        "surface": (lay["scene"]["domain"]["x"], lay["scene"]["domain"]["y"]),
        "cost": (lay["xaxis2"]["domain"], lay["yaxis2"]["domain"]),
    }

    def apart(a, b):
        (ax, ay), (bx, by) = a, b
        return ax[1] <= bx[0] or bx[1] <= ax[0] or ay[1] <= by[0] or by[1] <= ay[0]

    names = list(boxes)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert apart(boxes[a], boxes[b]), (a, b)
    if stacked:  # one column, top to bottom: map, surface, cost; colour bar across the top
        assert boxes["map"][1][0] > boxes["surface"][1][1] > boxes["cost"][1][1]
        assert (
            next(t for t in d["data"] if t["type"] == "contour")["colorbar"]["orientation"] == "h"
        )
        assert lay["height"] > 1200
    else:
        assert boxes["map"][0][1] < boxes["surface"][0][0]  # side by side


def test_update_layout_on_the_returned_figure_still_wins():
    run = make_run(epochs=10)
    fig = playground_figure(run, nc.sample_frames(run.history.cost, 100))
    fig.update_layout(height=500, legend=dict(x=0.3))
    d = sent(fig)
    assert d["layout"]["height"] == 500
    assert d["layout"]["legend"]["x"] == 0.3
    assert d["layout"]["legend"]["orientation"] == "h"  # the rest of the raw legend stays
    assert fig.layout.height == 500


def test_no_plotly_py_shorthand_keys_reach_the_browser(linear):
    """The figure is written as raw dicts: ``title_font`` or ``font_size`` would be silently
    ignored by plotly.js, which only knows nested ``title.font`` / ``font.size``."""
    _, _, d = linear
    real = {"paper_bgcolor", "plot_bgcolor"}  # plotly.js attributes that contain "_"

    def keys(node, path):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "template":
                    continue  # validated by plotly.py, which expands shorthands itself
                yield path + "." + k, k
                yield from keys(v, path + "." + k)
        elif isinstance(node, list):
            for v in node:
                yield from keys(v, path + "[]")

    assert [p for p, k in keys(d, "$") if "_" in k and k not in real] == []
