"""The Playground in a real browser: what a learner sees, clicks and shares."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.helpers import (
    PLOT,
    chart_title,
    choose,
    combobox_text,
    exceptions,
    fingerprint,
    goto,
    metrics,
    multiselect_tags,
    nudge_slider,
    plots,
    sidebar,
    slider_value,
    wait_for_app,
)

TITLE_EPOCH = re.compile(r"Epoch (\d+) of (\d+)")


def _epoch_in_title(page) -> tuple[int, int]:
    m = TITLE_EPOCH.search(chart_title(page))
    assert m, f"no 'Epoch k of n' in the chart title {chart_title(page)!r}"
    return int(m[1]), int(m[2])


def test_first_load_draws_all_three_views(page, app_url, snap):
    goto(page, app_url)
    page.wait_for_selector(f"{PLOT} .gtitle")
    snap(page, "first-load")

    assert exceptions(page) == []
    charts = plots(page)
    assert len(charts) >= 1
    traces = [t for p in charts for t in p["traces"]]
    kinds = {t["type"] for t in traces}
    assert {"contour", "surface", "scatter"} <= kinds or {"heatmap", "surface", "scatter"} <= kinds
    ground = next(t for t in traces if t["type"] in ("contour", "heatmap"))
    surface = next(t for t in traces if t["type"] == "surface")
    assert ground["nz"] > 1 and surface["nz"] > 1  # a real grid, not an empty placeholder
    cost = next(t for t in traces if "cost" in t["name"].lower())
    assert cost["nx"] == cost["ny"] == 301  # epochs 0…300 at the defaults
    # Plotly painted them: an SVG contour layer, a WebGL canvas for 3-D, a cost path.
    chart = page.locator(PLOT).first
    assert chart.locator("g.contourlayer path, g.heatmaplayer image").count() > 0
    assert chart.locator("canvas").count() >= 1
    assert chart.locator("g.scatterlayer path.js-line").count() >= 1
    assert _epoch_in_title(page) == (300, 300)
    assert metrics(page)["Epoch"] == "300 / 300"
    assert page.console_errors == []


def test_play_animates_and_scrubber_jumps(page, app_url, snap):
    goto(page, app_url)
    chart = page.locator(PLOT).first
    chart.locator(".gtitle").wait_for()
    n_steps = plots(page)[0]["sliders"][0]["steps"]
    assert n_steps > 10

    # Record every frame Plotly starts and every title it shows while it plays.
    page.evaluate(
        """() => { window.__titles = []; window.__frames = [];
        const gd = document.querySelector('.js-plotly-plot');
        gd.on('plotly_animatingframe', e => window.__frames.push(e.name));
        window.__tick = setInterval(() => {
          const t = gd.querySelector('.gtitle');
          const s = t ? t.textContent : '';
          if (window.__titles[window.__titles.length - 1] !== s) window.__titles.push(s);
        }, 20); }"""
    )
    chart.locator(".updatemenu-button").filter(has_text="Play").click()
    # Software-rendered WebGL on a small, busy CI box can take a second a frame, so don't
    # wait for the last frame (bench/bench_browser.py times that): six frames are enough.
    log_js = "() => ({frames: window.__frames, titles: window.__titles})"
    try:
        page.wait_for_function(
            """() => { const i = window.__titles.findIndex(t => /Epoch 0 of/.test(t));
                       return i >= 0 && window.__titles.length - i >= 6; }""",
            timeout=120_000,
        )
    except PlaywrightTimeout:
        pytest.fail(f"Play did not show six frames in 2 minutes: {page.evaluate(log_js)}")
    log = page.evaluate(log_js)
    snap(page, "playing")
    chart.locator(".updatemenu-button").filter(has_text="Pause").click()
    page.evaluate("() => clearInterval(window.__tick)")
    epochs = [int(m[1]) for t in log["titles"] if (m := TITLE_EPOCH.search(t))]
    # Play restarts at epoch 0 and moves forward, one sampled epoch per frame.
    played = epochs[epochs.index(0) :]
    assert played == sorted(played) and len(set(played)) >= 6, log
    assert log["frames"][0] == "0" and len(log["frames"]) >= 6, log

    # Click a quarter of the way along the scrubber: the chart jumps to that epoch.
    before = fingerprint(page)
    rail = chart.locator(".slider-rail-touch-rect").first
    rail.scroll_into_view_if_needed()
    box = rail.bounding_box()
    page.mouse.click(box["x"] + 0.25 * box["width"], box["y"] + box["height"] / 2)
    page.wait_for_function(
        """() => { const gd = document.querySelector('.js-plotly-plot');
                   const s = gd._fullLayout.sliders[0];
                   if (Math.abs(s.active - 0.25 * (s.steps.length - 1)) > 2) return false;
                   return gd.querySelector('.gtitle').textContent.includes(
                       'Epoch ' + s.steps[s.active].label + ' of'); }"""
    )
    shown, total = _epoch_in_title(page)
    assert total == 300 and 0 < shown < 300
    active = page.evaluate(
        "() => { const s = document.querySelector('.js-plotly-plot')._fullLayout.sliders[0];"
        " return s.steps[s.active].label; }"
    )
    assert active == str(shown)
    assert fingerprint(page) != before  # the contour, surface and boundary moved
    snap(page, "scrubbed")


def test_alpha_and_epochs_redraw_with_new_numbers(page, app_url, snap):
    goto(page, app_url)
    page.wait_for_selector(f"{PLOT} .gtitle")
    start = metrics(page)
    start_picture = fingerprint(page)
    assert slider_value(page, "Learning rate α") == "0.5"

    nudge_slider(page, "Learning rate α", "ArrowRight")  # 0.5 → 0.7
    assert slider_value(page, "Learning rate α") == "0.7"
    assert "alpha=0.7" in page.url
    after_alpha = metrics(page)
    assert after_alpha["Cost J"] != start["Cost J"]
    assert fingerprint(page) != start_picture
    snap(page, "alpha-0.7")

    nudge_slider(page, "Epochs", "ArrowRight")  # 300 → 500
    assert slider_value(page, "Epochs") == "500"
    after_epochs = metrics(page)
    assert after_epochs["Epoch"] == "500 / 500"
    # 200 more epochs bring the cost closer still to the optimum J*.
    gap = after_epochs["Above the best cost J*"]
    assert float(gap) < float(after_alpha["Above the best cost J*"])
    assert _epoch_in_title(page) == (500, 500)
    cost = next(t for p in plots(page) for t in p["traces"] if "cost" in t["name"].lower())
    assert cost["nx"] == 501
    assert exceptions(page) == []
    snap(page, "epochs-500")


def test_dataset_and_features_redraw(page, app_url, snap):
    goto(page, app_url)
    page.wait_for_selector(f"{PLOT} .gtitle")
    moons = fingerprint(page)
    moons_numbers = metrics(page)

    choose(page, "Dataset", "Circles (a ring around a disc)")
    assert combobox_text(page, "Dataset") == "Circles (a ring around a disc)"
    circles = fingerprint(page)
    assert circles != moons
    linear_fit = metrics(page)
    assert linear_fit != moons_numbers
    snap(page, "circles-linear-features")

    # x₁² and x₂² let one neuron draw a circle: the ring becomes separable.
    choose(page, "Inputs to the neuron", "x₁²")
    choose(page, "Inputs to the neuron", "x₂²")
    assert multiselect_tags(page, "Inputs to the neuron") == ["x₁", "x₂", "x₁²", "x₂²"]
    assert fingerprint(page) != circles
    curved_fit = metrics(page)
    assert float(curved_fit["Train accuracy"].rstrip("%")) > float(
        linear_fit["Train accuracy"].rstrip("%")
    )
    assert "x%E2%82%81%C2%B2" in page.url or "x₁²" in page.url  # features are in the link
    assert exceptions(page) == []
    snap(page, "circles-squared-features")


def test_shared_link_reproduces_the_controls(page, browser, app_url, snap):
    query = urlencode(
        [
            ("dataset", "XOR (four quadrants)"),
            ("points", "300"),
            ("seed", "7"),
            ("features", "x₁"),
            ("features", "x₂"),
            ("features", "x₁·x₂"),
            ("alpha", "0.3"),
            ("epochs", "500"),
        ]
    )
    goto(page, app_url, query=query)
    page.wait_for_selector(f"{PLOT} .gtitle")
    snap(page, "shared-link")

    assert combobox_text(page, "Dataset") == "XOR (four quadrants)"
    assert multiselect_tags(page, "Inputs to the neuron") == ["x₁", "x₂", "x₁·x₂"]
    assert slider_value(page, "Learning rate α") == "0.3"
    assert slider_value(page, "Epochs") == "500"
    assert slider_value(page, "Number of points") == "300"
    assert sidebar(page).get_by_role("spinbutton", name="Seed").input_value() == "7"
    assert metrics(page)["Epoch"] == "500 / 500"
    assert _epoch_in_title(page) == (500, 500)
    assert page.get_by_test_id("stAlert").filter(has_text="cannot use").count() == 0
    picture = fingerprint(page)

    # Someone else opening the same link sees the very same picture.
    other = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        goto(other, app_url, query=query)
        other.wait_for_selector(f"{PLOT} .gtitle")
        assert fingerprint(other) == picture
    finally:
        other.close()


def test_bad_link_value_gets_a_friendly_note(page, app_url):
    goto(page, app_url, query="alpha=banana&epochs=300")
    page.wait_for_selector(f"{PLOT} .gtitle")
    assert exceptions(page) == []
    note = page.get_by_test_id("stAlert").filter(has_text="alpha=banana")
    assert note.count() == 1
    assert slider_value(page, "Learning rate α") == "0.5"
    wait_for_app(page)
