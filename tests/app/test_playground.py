"""The Playground page in AppTest: what a learner sees after each thing they do.

Widgets are driven by key, the way a browser sends their values. Uploads use AppTest's
``file_uploader`` driver (Streamlit 1.67), which hands the script an ``UploadedFile`` just
as the browser widget does; the drag-and-drop itself is covered by the browser tests.
Links are tested by opening a fresh session with ``query_params`` set, which Streamlit's
``bind="query-params"`` reads exactly as it reads a URL.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

import neuron_core as nc
from neuron_core.number_format import number
from ui.controls import DATASET_LABELS, DEFAULTS, FEATURE_LABELS

CIRCLE = ["x1", "x2", "x1^2", "x2^2"]
NOT_A_NUMBER = re.compile(r"\b(nan|inf|infinity)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def default(ui):
    """One default session shared by the read-only tests (they never change it)."""
    return ui.new_app()


def forward_equation(at) -> str:
    return next(e.value for e in at.latex if e.value.strip("$\n ").startswith("z ="))


def chart_points(ui, at) -> np.ndarray:
    """Every data point the live view is sent (train and test), sorted."""
    pts = ui.live(at)["points"].reshape(-1, 2).astype(float)
    return pts[np.lexsort(pts.T[::-1])]


def shown_epoch(at) -> int:
    """The epoch the equations are drawn at, from the heading above them."""
    heading = next(h.value for h in at.subheader if h.value.startswith("The equations at epoch"))
    return int(heading.rsplit(" ", 1)[1])


def numbers(ui, at) -> dict:
    """The run the view paints, at the epoch the page shows: what a learner reads."""
    p, k = ui.live(at), shown_epoch(at)
    n = p["meta"]["n"]
    return {
        "epoch": k,
        "epochs": p["meta"]["epochs"],
        "cost": round(float(p["cost"][k]), 6),
        "accuracy": round(float(p["acc"][k]), 6),
        "w": tuple(np.round(p["w"][k * n : (k + 1) * n].astype(float), 5)),
        "b": round(float(p["b"][k]), 6),
    }


def csv_bytes(data: nc.Dataset, names=("dog", "cat"), header="length,weight,label") -> bytes:
    rows = (f"{x:.6f},{y:.6f},{names[k]}" for (x, y), k in zip(data.X, data.y, strict=True))
    return (header + "\n" + "\n".join(rows) + "\n").encode()


def sorted_points(X) -> np.ndarray:
    X = np.round(np.asarray(X, dtype=float), 6)
    return X[np.lexsort(X.T[::-1])]


# ---------------------------------------------------------------- the default run


def test_default_run_shows_numbers_equations_and_the_live_view(default, ui):
    at = default
    ui.assert_clean(at)
    assert at.title[0].value == "Watch one neuron learn"
    assert shown_epoch(at) == DEFAULTS["epochs"]
    latex = " ".join(e.value for e in at.latex)
    for piece in (r"\sigma", r"\leftarrow", "dw", "db", "x_2 &= -"):
        assert piece in latex, piece
    assert f"= {float(ui.live(at)['cost'][-1]):.4f}" in latex  # J at the epoch shown
    assert not at.get("plotly_chart")  # the view is drawn in the browser, not by Plotly
    assert not at.error and not at.warning


def test_the_view_carries_every_epoch_of_the_run(default, ui):
    """w, b, the costs and the accuracies of every epoch, exactly those of the run."""
    p = ui.live(default)
    meta = p["meta"]
    data = nc.make_dataset(DEFAULTS["dataset"], DEFAULTS["points"], DEFAULTS["noise"], 0)
    prep = nc.prepare(data, ("x1", "x2"), True, DEFAULTS["test"] / 100, seed=0)
    run = nc.run_experiment(prep, alpha=DEFAULTS["alpha"], epochs=DEFAULTS["epochs"])
    h = run.history
    assert meta["epochs"] == DEFAULTS["epochs"] and meta["features"] == ["x1", "x2"]
    np.testing.assert_allclose(p["w"].reshape(-1, 2), h.w, rtol=1e-6, atol=1e-7)
    np.testing.assert_array_equal(p["b"], h.b)
    np.testing.assert_array_equal(p["cost"], h.cost)
    np.testing.assert_array_equal(p["test_cost"], h.test_cost)
    np.testing.assert_allclose(p["acc"], h.accuracy, atol=1e-7)
    np.testing.assert_allclose(meta["mean"], prep.scaler.mean)
    np.testing.assert_allclose(meta["scale"], prep.scaler.scale)
    assert meta["optimum"] == pytest.approx(run.optimum.cost)
    assert len(p["cls"]) == data.m and int(p["test"].sum()) == len(prep.test_idx)


def test_the_equations_follow_the_epoch_the_view_reports(make_app, ui):
    at = make_app()
    before = forward_equation(at)
    at.session_state["live_view"] = {"epoch": 10}  # what the view sends when paused there
    at.run()
    ui.assert_clean(at)
    assert shown_epoch(at) == 10
    assert forward_equation(at) != before
    p = ui.live(at)
    assert f"= {float(p['cost'][10]):.4f}" in " ".join(e.value for e in at.latex)
    w = p["w"][20:22].astype(float)  # epoch 10, two weights
    assert f"{abs(w[0]):.3f}" in forward_equation(at)

    # An α change keeps the epoch the learner was looking at.
    at.select_slider(key="alpha").set_value(0.3).run()
    assert shown_epoch(at) == 10
    # The end of one run stays the end of the next: more epochs show the new end.
    at.session_state["live_view"] = {"epoch": 300}
    at.run()
    at.select_slider(key="epochs").set_value(500).run()
    assert shown_epoch(at) == 500


# ---------------------------------------------------------------- every control retrains

CHANGES = {
    "alpha": ("select_slider", 0.05),
    "epochs": ("select_slider", 50),
    "dataset": ("selectbox", "circles"),
    "features": ("multiselect", CIRCLE),
    "l2": ("select_slider", 0.1),
}


@pytest.mark.parametrize("key", CHANGES)
def test_changing_a_control_changes_the_numbers_shown(key, default, make_app, ui):
    kind, value = CHANGES[key]
    at = make_app()
    getattr(at, kind)(key=key).set_value(value).run()
    ui.assert_clean(at)
    assert at.session_state[key] == value
    before, after = numbers(ui, default), numbers(ui, at)
    assert after["cost"] != before["cost"]
    assert forward_equation(at) != forward_equation(default)
    if key == "epochs":
        assert (after["epoch"], after["epochs"]) == (50, 50)
        assert len(ui.live(at)["cost"]) == 51
    if key == "features":
        assert "^2" in forward_equation(at)
        assert not any(e.value.count("x_2 &= -") for e in at.latex)  # no line formula
    if key == "l2":
        assert any(r"\lambda" in e.value for e in at.latex)
    if key == "dataset":
        assert not np.array_equal(chart_points(ui, at), chart_points(ui, default))


# ---------------------------------------------------------------- uploads


def test_upload_mode_without_a_file_says_what_to_do(make_app, ui):
    at = make_app()
    at.segmented_control(key="source").set_value("Upload CSV").run()
    ui.assert_clean(at)
    assert "Upload a CSV" in ui.stage_note(at)[1]
    assert at.file_uploader(key="upload_file")  # the uploader is on screen
    assert numbers(ui, at)["epochs"] == DEFAULTS["epochs"]  # the generated data still trains


def test_a_good_upload_trains_on_it_and_a_bad_one_keeps_it(make_app, ui):
    at = make_app()
    at.segmented_control(key="source").set_value("Upload CSV").run()
    data = nc.make_dataset("blobs", 60, 0.1, seed=4)
    at.file_uploader(key="upload_file").upload("pets.csv", csv_bytes(data), "text/csv").run()
    ui.assert_clean(at)
    assert not at.error
    np.testing.assert_allclose(chart_points(ui, at), sorted_points(data.X), atol=1e-6)
    meta = ui.live(at)["meta"]
    assert meta["classes"] == ["class 0 (cat)", "class 1 (dog)"]  # the file's own names
    assert meta["axis_names"] == ["length", "weight"]  # and its own column names
    good = numbers(ui, at)
    assert good["accuracy"] == 1.0  # two clean blobs: separable

    bad = b"length,weight,label\n1.0,2.0,dog\n3.0,heavy,cat\n"
    at.file_uploader(key="upload_file").set_value(("bad.csv", bad, "text/csv")).run()
    ui.assert_clean(at)
    message = " ".join(e.value for e in at.error)
    assert "bad.csv" in message and "could not be used" in message
    assert "heavy" in message or "row" in message  # the loader's own, precise words
    assert "previous data" in message
    np.testing.assert_allclose(chart_points(ui, at), sorted_points(data.X), atol=1e-6)
    assert numbers(ui, at) == good


def test_a_wide_file_shows_column_and_class_pickers(make_app, ui):
    at = make_app()
    at.segmented_control(key="source").set_value("Upload CSV").run()
    rng = np.random.default_rng(0)
    species = ["setosa", "versicolor", "virginica"]
    rows = [
        f"{i},{rng.normal(k, 0.3):.4f},{rng.normal(-k, 0.3):.4f},{species[k]}"
        for i in range(90)
        for k in [i % 3]
    ]
    text = "id,petal,sepal,species\n" + "\n".join(rows) + "\n"
    at.file_uploader(key="upload_file").upload("iris.csv", text.encode(), "text/csv").run()
    ui.assert_clean(at)
    for key in ("csv_label", "csv_x1", "csv_x2", "csv_positive"):
        assert at.selectbox(key=key), key
    at.selectbox(key="csv_x1").set_value("petal").run()
    at.selectbox(key="csv_x2").set_value("sepal").run()
    at.selectbox(key="csv_positive").set_value("setosa").run()
    ui.assert_clean(at)
    assert not at.error
    assert ui.live(at)["meta"]["classes"][1] == "class 1 (setosa)"
    assert len(chart_points(ui, at)) == 90


# ---------------------------------------------------------------- links


def test_a_link_reopens_the_same_controls(make_app, ui):
    # Spelled the way bind="query-params" writes the URL: labels for selectboxes and
    # multiselects (one parameter per chosen feature), plain numbers, true/false.
    link = {
        "dataset": DATASET_LABELS["circles"],
        "features": [FEATURE_LABELS[f] for f in CIRCLE],
        "alpha": "0.05",
        "epochs": "1000",
        "l2": "0.01",
        "points": "400",
        "noise": "0.2",
        "seed": "3",
        "test": "30",
        "standardize": "false",
        "init": "Random",
        "init_seed": "7",
    }
    at = make_app(link)
    ui.assert_clean(at)
    expected = dict(dataset="circles", features=CIRCLE, alpha=0.05, epochs=1000, l2=0.01,
                    points=400, noise=0.2, seed=3, test=30, standardize=False,
                    init="random", init_seed=7)  # fmt: skip
    assert {k: at.session_state[k] for k in expected} == expected
    assert not at.warning  # every value was understood
    assert (shown_epoch(at), numbers(ui, at)["epochs"]) == (1000, 1000)
    assert "^2" in forward_equation(at)


def test_bad_link_values_fall_back_to_the_defaults_with_a_notice(default, make_app, ui):
    link = {"alpha": "banana", "epochs": "0", "dataset": "nope", "l2": "-1"}
    at = make_app(link)
    ui.assert_clean(at)
    for key in link:
        assert at.session_state[key] == DEFAULTS[key], key
    notices = [w.value for w in at.warning if "link" in w.value]
    assert len(notices) == 1 and "4 values" in notices[0]  # one notice listing them all
    for key, value in link.items():
        assert f"{key}={value}" in notices[0], key
    assert numbers(ui, at) == numbers(ui, default)  # the default picture, nothing broken


# ---------------------------------------------------------------- too large a step


def test_too_large_a_learning_rate_explains_itself_without_nan(make_app, ui):
    at = make_app({"dataset": DATASET_LABELS["circles"], "alpha": "10"})
    ui.assert_clean(at)
    _, banner = ui.stage_note(at)
    assert "goes up" in banner or "diverges" in banner
    assert "α ≤" in banner  # it suggests a value
    assert not [t for t in ui.texts(at) if NOT_A_NUMBER.search(t)]
    constants = []
    json.loads(at.get("bidi_component")[0].proto.mixed.json, parse_constant=constants.append)
    assert constants == []  # no NaN or Infinity in what the view is sent


def test_a_run_that_really_diverges_shows_the_banner(make_app, ui):
    """Only overflow-sized inputs make logistic-regression descent diverge to infinity
    (its gradient is bounded by the inputs), so this uploads numbers near 1e140, the
    largest the loader takes, and squares them."""
    at = make_app()
    at.segmented_control(key="source").set_value("Upload CSV").run()
    data = nc.make_dataset("moons", 60, 0.1, seed=0)
    huge = nc.Dataset(data.X * 1e140, data.y, "huge")
    at.file_uploader(key="upload_file").upload("huge.csv", csv_bytes(huge), "text/csv")
    at.multiselect(key="features").set_value(["x1^2", "x2^2"])
    at.toggle(key="standardize").set_value(False)
    at.select_slider(key="alpha").set_value(10.0).run()
    ui.assert_clean(at)
    icon, banner = ui.stage_note(at)
    assert icon == ":material/error:"
    assert "diverges" in banner and "Standardise inputs" in banner
    assert "α ≤ 0" not in banner

    at.toggle(key="standardize").set_value(True).run()
    ui.assert_clean(at)
    assert "diverges" not in ui.stage_note(at)[1]
    assert not [t for t in ui.texts(at) if NOT_A_NUMBER.search(t)]


def test_the_app_runs_numpy_on_one_blas_thread(app):
    """Small matrices on a small shared host: app.py pins BLAS to one thread, once."""
    from threadpoolctl import threadpool_info

    blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert blas, "numpy should report its BLAS library"
    assert {lib["num_threads"] for lib in blas} == {1}


def test_new_sample_draws_fresh_points_and_keeps_the_rest(make_app, ui):
    at = make_app()
    before = chart_points(ui, at)
    at.button(key="new_sample").click().run()
    ui.assert_clean(at)
    assert at.number_input(key="seed").value == 1
    assert not np.array_equal(chart_points(ui, at), before)
    assert at.select_slider(key="alpha").value == 0.5  # nothing else moved


def test_an_overshooting_run_offers_its_safe_alpha_in_the_note(make_app, ui):
    at = make_app({"dataset": DATASET_LABELS["circles"], "alpha": "10"})
    button = at.button(key="stage_note_alpha")
    assert button.label.startswith("Set α = ") and button.label.endswith(" (1/L for this data)")
    safe = button.label.removeprefix("Set α = ").removesuffix(" (1/L for this data)")
    button.click().run()
    ui.assert_clean(at)
    assert number(at.session_state["alpha"], 4, trim=True) == safe
    assert "went up" not in ui.stage_note(at)[1]  # 1/L does not overshoot
    assert not [b for b in at.button if b.key == "stage_note_alpha"]


def test_the_stage_controls_keep_their_values_away_from_the_playground_and_back(make_app):
    # On the Playground the stage's fragment draws α, epochs, λ and the inputs into the
    # sidebar; elsewhere the sidebar draws them itself: leaving and returning keeps them.
    at = make_app()
    at.select_slider(key="alpha").set_value(2.0).run()
    at.select_slider(key="epochs").set_value(500).run()
    at.multiselect(key="features").set_value(["x1", "x2", "x1^2"]).run()
    for page in ("pages/landscape.py", "pages/playground.py", "pages/one_step.py"):
        at.switch_page(page).run()
        assert not at.exception
        assert at.select_slider(key="alpha").value == 2.0
        assert at.select_slider(key="epochs").value == 500
        assert at.multiselect(key="features").value == ["x1", "x2", "x1^2"]
    at.switch_page("pages/playground.py").run()
    assert at.query_params["alpha"] == "2" and at.query_params["epochs"] == "500"
