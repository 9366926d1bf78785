"""The live view's payload and its offline page: what the browser is given to paint.

What the browser paints from it is tested in the real browser (tests/e2e/test_live_view.py).
"""

from __future__ import annotations

import base64
import json
import re

import numpy as np
import pytest

import neuron_core as nc
from neuron_core.figures import Theme
from neuron_core.figures.live_view import (
    JS_DIR,
    css,
    live_view_payload,
    offline_html,
    script,
)
from neuron_core.palette import BLUE, INK, PAPER

CIRCLE = ("x1", "x2", "x1^2", "x2^2")


def _run(name="circles", features=CIRCLE, alpha=1.0, epochs=200, test=0.25, m=160):
    data = nc.make_dataset(name, m, 0.1, seed=2)
    prep = nc.prepare(data, features, True, test, seed=2)
    return nc.run_experiment(prep, alpha=alpha, epochs=epochs)


@pytest.fixture(scope="module")
def run():
    return _run()


def unpack(payload) -> dict:
    """Each named array of a payload, as the browser reads it."""
    out = {}
    for name, (pack, offset, size) in payload["meta"]["fields"].items():
        out[name] = payload[pack][offset : offset + size]
    return out


def test_payload_holds_every_epoch_of_the_history(run):
    p = live_view_payload(run)
    a, h, meta = unpack(p), run.history, p["meta"]
    assert meta["epochs"] == h.epochs == 200
    n = len(CIRCLE)
    np.testing.assert_allclose(a["w"].reshape(-1, n), h.w, rtol=1e-6, atol=1e-7)
    np.testing.assert_array_equal(a["b"], h.b)
    np.testing.assert_array_equal(a["cost"], h.cost)
    np.testing.assert_array_equal(a["test_cost"], h.test_cost)
    np.testing.assert_allclose(a["acc"], h.accuracy, atol=1e-7)
    np.testing.assert_allclose(a["test_acc"], h.test_accuracy, atol=1e-7)
    data = run.prepared.data
    np.testing.assert_array_equal(a["points"].reshape(-1, 2), data.X)  # float64: exact
    np.testing.assert_array_equal(a["cls"], data.y)
    assert np.flatnonzero(a["test"]).tolist() == sorted(run.prepared.test_idx.tolist())
    assert meta["features"] == list(CIRCLE) and meta["n"] == n
    np.testing.assert_allclose(meta["mean"], run.prepared.scaler.mean)
    np.testing.assert_allclose(meta["scale"], run.prepared.scaler.scale)
    assert p["f32"].dtype == np.float32 and p["f64"].dtype == np.float64


def test_payload_is_small_and_carries_no_grid():
    """A few kB at the defaults; under 400 kB at the maxima (2 000 points, 5 000 epochs,
    all seven features); the browser computes ŷ itself."""
    small = live_view_payload(_run("moons", ("x1", "x2"), 0.5, 300, m=200))
    big = live_view_payload(_run("moons", nc.FEATURES, 0.5, 5000, m=2000))
    size = lambda p: p["f32"].nbytes + p["f64"].nbytes + len(json.dumps(p["meta"]))  # noqa: E731
    assert size(small) < 25_000
    assert size(big) < 400_000
    assert not any("grid" in k for k in big["meta"]["fields"])


def test_meta_is_plain_json_without_nan_or_infinity():
    diverging = _run("moons", ("x1", "x2"), 10.0, 300)
    constants = []
    text = json.dumps(live_view_payload(diverging)["meta"])
    json.loads(text, parse_constant=constants.append)
    assert constants == []


def test_huge_costs_and_weights_stay_finite_numbers():
    """Inputs near 1e20, squared and unscaled: costs beyond float32, weights clipped to it."""
    data = nc.make_dataset("moons", 60, 0.1, seed=0)
    huge = nc.Dataset(data.X * 1e20, data.y, "huge")
    prep = nc.prepare(huge, ("x1^2", "x2^2"), False, 0.0)
    run = nc.run_experiment(prep, alpha=10.0, epochs=300)
    assert np.abs(run.history.w).max() > 1e38
    a = unpack(live_view_payload(run))
    assert np.all(np.isfinite(a["cost"])) and np.all(np.isfinite(a["w"]))
    assert a["cost"].max() > 1e38  # beyond float32: costs travel as float64


def test_without_test_data_there_are_no_test_arrays():
    p = live_view_payload(_run(test=0.0))
    a = unpack(p)
    assert a["test_cost"].size == 0 and a["test_acc"].size == 0 and not a["test"].any()
    assert p["meta"]["m_test"] == 0


def test_the_run_id_changes_with_the_run_only(run):
    same = live_view_payload(run)["meta"]["run"]
    assert live_view_payload(run)["meta"]["run"] == same
    assert live_view_payload(_run(alpha=0.5))["meta"]["run"] != same


def test_presenter_theme_travels_with_the_payload(run):
    normal = live_view_payload(run)["meta"]["style"]
    big = live_view_payload(run, theme=Theme.presenting())["meta"]["style"]
    assert big["presenter"] and not normal["presenter"]
    assert big["font"] > normal["font"] and big["line"] > normal["line"]


def test_the_script_holds_every_module_once_and_the_css():
    """Every module in live_view_js/ is reached from the entry and joined once; the CSS
    travels inside the script (sent once), comments and all; the bytes never change (the
    app's code element is cached by its content)."""
    js = script()
    assert script() is js
    modules = sorted(p.name for p in JS_DIR.glob("*.mjs"))
    assert [m for m in modules if js.count(f"// ---- {m}\n") != 1] == []
    assert js.count("export default function mountLiveView") == 1
    assert "\nexport " not in js.replace("\nexport default function mountLiveView", "")
    assert json.dumps(css(), ensure_ascii=False) in js
    assert "/* The live view: controls" in js  # comments are kept, not stripped


def test_the_palette_reaches_the_css_as_variables(run):
    """live_view.css names no colour of its own: each is a variable the payload fills."""
    sheet = css()
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgba?\(|(?<![\w-])(white|black)(?![\w-])", sheet)
    variables = set(re.findall(r"var\(--lv-([\w-]+)\)", sheet)) - {"h"}
    colours = live_view_payload(run)["meta"]["style"]["css"]
    assert variables == set(colours)
    assert colours["accent"] == BLUE and colours["ink"] == INK and colours["paper"] == PAPER


def test_the_feature_table_travels_as_data(run):
    """Every feature with its label and expression; the run's own take the page's labels."""
    labels = ["a", "b", "a²", "b²"]
    table = live_view_payload(run, feature_labels=labels)["meta"]["feature_table"]
    assert [row["name"] for row in table] == list(nc.FEATURES)
    by_name = {row["name"]: row for row in table}
    assert [by_name[f]["label"] for f in CIRCLE] == labels
    assert by_name["x1*x2"] == {"name": "x1*x2", "label": "x₁·x₂", "expr": ["mul", 0, 1]}
    assert by_name["x2^2"]["expr"] == ["pow", 1, 2] and by_name["sin(x1)"]["expr"] == ["sin", 0]


def test_the_view_never_parses_text_as_html():
    """Names are written with textContent (dom.mjs's `el`), never as markup."""
    js = script()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "DOMParser"):
        assert sink not in js, sink


def test_class_names_reach_the_view_unescaped():
    """The view writes them with textContent: '<=50K' must arrive as typed, not '&lt;'."""
    data = nc.make_dataset("moons", 60, 0.1, seed=0)
    named = nc.Dataset(data.X, data.y, "named", classes=("<=50K", "<b>&amp;"))
    run = nc.run_experiment(nc.prepare(named, ("x1", "x2"), True, 0.0), alpha=0.5, epochs=5)
    meta = live_view_payload(run)["meta"]
    assert meta["classes"] == ["class 0 (<=50K)", "class 1 (<b>&amp;)"]


@pytest.fixture(scope="module")
def page(run):
    labels = ["x₁", "x₂", "</script><img src=x onerror=alert(1)>", "x₂²"]
    p = live_view_payload(run, axis_names=("len <b>", "w"), feature_labels=labels)
    return p, offline_html(p, "Circles <lesson>", description="Boundary <and> cost.")


def test_offline_page_is_self_contained(page):
    _, text = page
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)\s*=""", text)
    # The only address in the page is SVG's namespace name, which is never fetched.
    assert set(re.findall(r"https?://[^\s\"'`]+", text)) == {"http://www.w3.org/2000/svg"}
    assert "export default function mountLiveView" in text
    assert len(text) < 200_000  # was 5.8 MB with plotly.js inside


def test_offline_page_escapes_what_it_embeds(page):
    _, text = page
    assert "<h1>Circles &lt;lesson&gt;</h1>" in text
    assert "Boundary &lt;and&gt; cost." in text
    blob = text.split("id='live-view-data'>", 1)[1].split("</script>", 1)[0]
    assert "<" not in blob  # a label can never close the script element
    assert "<img" not in text


def test_offline_page_carries_the_same_run(page):
    p, text = page
    blob = text.split("id='live-view-data'>", 1)[1].split("</script>", 1)[0]
    data = json.loads(blob)
    assert data["meta"] == json.loads(json.dumps(p["meta"]))
    f64 = np.frombuffer(base64.b64decode(data["f64"]), "<f8")
    f32 = np.frombuffer(base64.b64decode(data["f32"]), "<f4")
    np.testing.assert_array_equal(f64, p["f64"])
    np.testing.assert_array_equal(f32, p["f32"])
