"""The Playground's live view in a real browser: it paints, plays, pauses, scrubs, follows α,
and what it paints is the core's neuron.

The view lives in an open shadow root; Playwright's selectors pierce it, and its root
element carries ``data-epoch``, ``data-epochs``, ``data-playing`` and ``data-frames``; the
test hooks (``HOOKS``: live_view_js/testing.mjs) read back the ŷ it painted.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import numpy as np
import pytest
from playwright.sync_api import expect

import neuron_core as nc
from neuron_core.number_format import number
from tests.e2e.helpers import (
    HOOKS,
    LIVE,
    PHONE,
    TIMEOUT_MS,
    animation_frames,
    choose,
    combobox_text,
    exceptions,
    goto,
    horizontal_overflow,
    live_view,
    multiselect_tags,
    sidebar,
    slider_input,
    slider_value,
    wait_for_app,
)
from ui.controls import DATASET_LABELS, DEFAULTS, FEATURE_LABELS


def default_run(features=("x1", "x2"), dataset=None, alpha=None, epochs=None):
    data = nc.make_dataset(dataset or DEFAULTS["dataset"], DEFAULTS["points"], DEFAULTS["noise"], 0)
    prep = nc.prepare(data, features, True, DEFAULTS["test"] / 100, seed=0)
    return nc.run_experiment(
        prep, alpha=alpha or DEFAULTS["alpha"], epochs=epochs or DEFAULTS["epochs"]
    )


def equations_epoch(page) -> int:
    heading = page.get_by_role("heading", name=re.compile(r"^The equations at epoch \d+$"))
    return int(heading.inner_text().rsplit(" ", 1)[1])


def wait_for_equations_at(page, epoch: int) -> None:
    """The real event after the view reports an epoch: the page's rerun has redrawn the
    equations there (a quick rerun can come and go without a trace in the app's state)."""
    heading = page.get_by_role("heading", name=re.compile(r"^The equations at epoch \d+$"))
    expect(heading).to_have_text(f"The equations at epoch {epoch}", timeout=TIMEOUT_MS)
    wait_for_app(page)


def scrub_to(page, epoch: int) -> None:
    """Drag the view's epoch slider to ``epoch`` and let go; wait for the equations."""
    page.locator(LIVE).get_by_role("slider", name="Epoch").evaluate(
        """(el, k) => { el.value = k; el.dispatchEvent(new Event('input', {bubbles: true}));
                        el.dispatchEvent(new Event('change', {bubbles: true})); }""",
        epoch,
    )
    wait_for_equations_at(page, epoch)


def step_alpha(page, key: str) -> None:
    """Move α one step with the keyboard; wait for the view to paint the new run."""
    before = live_view(page)["run"]
    slider_input(page, "Learning rate α").focus()
    page.keyboard.press(key)
    expect(page.locator(LIVE)).not_to_have_attribute("data-run", before, timeout=TIMEOUT_MS)
    wait_for_app(page)


def next_run(page, before: str) -> dict:
    """The live view once it paints a run other than ``before``."""
    expect(page.locator(LIVE)).not_to_have_attribute("data-run", before, timeout=TIMEOUT_MS)
    return live_view(page)


def play_button(page):
    return page.locator(LIVE).get_by_role("button", name=re.compile(r"^(Play|Pause)$"))


def test_first_load_paints_all_three_views(page, app_url, snap):
    goto(page, app_url)
    view = live_view(page)
    snap(page, "first-load")
    assert exceptions(page) == []
    assert (view["epoch"], view["epochs"]) == (300, 300) and view["frames"] >= 1
    assert view["playing"] is False and play_button(page).get_attribute("aria-label") == "Play"
    assert view["class0"] + view["class1"] == DEFAULTS["points"]
    # Each view's canvases hold real pixels: the map's colours, boundary, points and the
    # boundary's grips, the sheet, the cost curve.
    inked = page.locator(LIVE).evaluate(
        """el => [...el.querySelectorAll('canvas')].map(c => {
             const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
             let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
             return n; })"""
    )
    assert len(inked) == 9 and all(n > 0 for n in inked), inked
    assert equations_epoch(page) == 300
    numbers = view["numbers"]
    run = default_run()
    assert numbers["cost"].startswith(f"{run.history.cost[-1]:.4f}")
    assert numbers["acc"].startswith(f"{100 * run.history.accuracy[-1]:.1f} %")
    assert page.console_errors == []


def test_play_shows_every_epoch_and_pause_stops_there(page, app_url, snap):
    goto(page, app_url)
    page.locator(LIVE).evaluate(
        """el => { window.__epochs = [];
                   new MutationObserver(() => window.__epochs.push(+el.dataset.epoch))
                     .observe(el, {attributes: true, attributeFilter: ['data-epoch']}); }"""
    )
    play_button(page).click()  # at the end of the run: Play starts again from epoch 0
    page.wait_for_function("() => window.__epochs.length >= 12", timeout=TIMEOUT_MS)
    assert live_view(page)["playing"] is True
    assert play_button(page).get_attribute("aria-label") == "Pause"
    snap(page, "playing")
    play_button(page).click()  # pausing tells the page the epoch: the equations follow
    expect(page.locator(LIVE)).to_have_attribute("data-playing", "false")
    wait_for_equations_at(page, live_view(page)["epoch"])
    view = live_view(page)
    seen = page.evaluate("() => window.__epochs")
    start = seen.index(0)
    steps = np.diff(seen[start:])
    assert len(steps) >= 10 and set(steps.tolist()) <= {0, 1}, seen  # 1 epoch a frame
    assert view["playing"] is False and 0 < view["epoch"] < 300
    animation_frames(page, 10)
    assert live_view(page)["epoch"] == view["epoch"]  # paused means paused
    assert equations_epoch(page) == view["epoch"]
    snap(page, "paused")


def test_scrubbing_sets_an_exact_epoch_and_the_equations_follow(page, app_url):
    goto(page, app_url)
    scrub = page.locator(LIVE).get_by_role("slider", name="Epoch")
    scrub_to(page, 42)
    assert live_view(page)["epoch"] == 42
    assert equations_epoch(page) == 42
    run = default_run()
    w, b = run.history.w[42], run.history.b[42]
    assert live_view(page)["numbers"]["b"] == f"{b:#.3g}".replace("-", "−")
    forward = page.locator(".katex").filter(has_text="z=").first.inner_text()
    assert number(abs(w[0]), 3) in forward  # the one formatter's digits
    # The keyboard moves one epoch at a time.
    scrub.focus()
    page.keyboard.press("ArrowRight")
    wait_for_equations_at(page, 43)
    assert live_view(page)["epoch"] == 43


def test_alpha_change_redraws_at_once_and_never_stacks_loops(page, app_url, snap):
    goto(page, app_url)
    scrub_to(page, 60)
    before = live_view(page)
    step_alpha(page, "ArrowRight")  # 0.5 → 0.7
    after = live_view(page)
    assert after["run"] != before["run"]
    assert after["epoch"] == 60  # the epoch the learner was looking at
    assert after["numbers"]["cost"] != before["numbers"]["cost"]
    assert equations_epoch(page) == 60
    # Paused, the view paints only when something changes: no loop keeps running.
    frames = live_view(page)["frames"]
    animation_frames(page, 15)
    assert live_view(page)["frames"] == frames

    # Playing through an α change: still one frame per animation frame.
    def frames_per_raf(n=30):
        return page.locator(LIVE).evaluate(
            """(el, n) => new Promise(done => { let f0 = null, k = 0;
                 const f = () => { if (f0 === null) f0 = +el.dataset.frames;
                   if (k++ < n) requestAnimationFrame(f);
                   else done((+el.dataset.frames - f0) / n); };
                 requestAnimationFrame(f); })""",
            n,
        )

    play_button(page).click()
    assert 0 < frames_per_raf() <= 1.2
    step_alpha(page, "ArrowLeft")  # back to 0.5 (a cached run), while playing
    assert live_view(page)["playing"] is True
    assert 0 < frames_per_raf() <= 1.2  # a second loop would paint twice per frame
    snap(page, "alpha-while-playing")
    assert exceptions(page) == [] and page.console_errors == []


@pytest.mark.parametrize(
    "features",
    [("x1", "x2"), nc.FEATURES],
    ids=["linear", "all-seven-features"],
)
def test_painted_yhat_and_the_browser_math_match_the_core(page, app_url, features):
    query = urlencode([("features", FEATURE_LABELS[f]) for f in features])
    goto(page, app_url, query=query)
    run = default_run(features)
    prep, h = run.prepared, run.history
    k = h.epochs
    nodes = [0, 99, 4321, 5050, 9999]
    view = page.locator(LIVE)
    painted = view.evaluate(f"(el, idx) => {HOOKS}.probe(el, idx)", nodes)
    X = np.array([[p["x1"], p["x2"]] for p in painted])
    core = nc.sigmoid(prep.inputs(X) @ h.w[k] + h.b[k])
    np.testing.assert_allclose([p["yhat"] for p in painted], core, atol=1e-6)
    # The features, the standardisation and σ, as the browser computes them.
    inputs = view.evaluate(f"(el, pts) => {HOOKS}.inputs(el, pts)", X.tolist())
    np.testing.assert_allclose(inputs, prep.inputs(X), rtol=1e-12, atol=1e-12)
    # Numbers as the core's one formatter writes them.
    values = [0.21, -0.000126, 1.26e-5, 3.1e300, 12345.6, 99999.7, -0.5, 0.0, 7.0, 1e-4]
    shown = view.evaluate(f"(el, vs) => {HOOKS}.format(el, vs, 4)", values)
    assert shown == [number(v, 4) for v in values]
    z = np.array([-800.0, -30.0, -1e-9, 0.0, 2.5, 30.0, 800.0])
    sigma = view.evaluate(f"(el, zs) => {HOOKS}.sigma(zs)", z.tolist())
    np.testing.assert_allclose(sigma, nc.sigmoid(z), rtol=1e-15, atol=0)


def test_boundary_passes_where_the_core_says(page, app_url):
    for features, tol in ((("x1", "x2"), 1e-4), (("x1", "x2", "x1^2", "x2^2"), 0.02)):
        query = urlencode(
            [("dataset", DATASET_LABELS["circles"])]
            + [("features", FEATURE_LABELS[f]) for f in features]
        )
        goto(page, app_url, query=query)
        run = default_run(features, dataset="circles")
        h = run.history
        segs = page.locator(LIVE).evaluate(f"el => {HOOKS}.boundary(el)")
        assert len(segs) > 10
        ends = np.array([p for seg in segs for p in seg])
        yhat = nc.sigmoid(run.prepared.inputs(ends) @ h.w[-1] + h.b[-1])
        assert np.abs(yhat - 0.5).max() < tol, features


def _views_on_screen(page) -> dict:
    """Where the controls, the numbers and the three views sit, against the window."""
    return page.locator(LIVE).evaluate(
        """el => { const box = s => { const r = el.querySelector(s).getBoundingClientRect();
                                       return [r.left, r.top, r.right, r.bottom]; };
                   return {play: box('.lv-play'), numbers: box('.lv-numbers'),
                           map: box('.lv-map .lv-canvas'), sheet: box('.lv-sheet .lv-canvas'),
                           cost: box('.lv-cost .lv-canvas'),
                           width: window.innerWidth, height: window.innerHeight}; }"""
    )


@pytest.mark.parametrize(
    "size, presenter",
    [((1400, 900), False), ((1280, 720), False), ((1280, 720), True), ((1024, 768), True)],
    ids=["1400x900", "1280x720", "1280x720-presenter", "1024x768-presenter"],
)
def test_play_the_numbers_and_all_three_views_fit_one_screen(browser, app_url, size, presenter):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        goto(page, app_url, query="presenter=true" if presenter else "")
        boxes = _views_on_screen(page)
        page.screenshot(path=f"/tmp/live-view-{size[0]}x{size[1]}-{presenter}.png")
        for name in ("play", "numbers", "map", "sheet", "cost"):
            left, top, right, bottom = boxes[name]
            assert left >= 0 and right <= boxes["width"] and top >= 0, name
            assert bottom <= boxes["height"], (name, boxes)
        # Side by side: the three views share a row.
        assert boxes["map"][1] == boxes["sheet"][1] == boxes["cost"][1]
        assert horizontal_overflow(page) == 0
    finally:
        context.close()


def test_phone_stacks_the_map_the_cost_and_the_sheet_with_play_above(browser, app_url, snap):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        goto(page, app_url)
        boxes = _views_on_screen(page)
        snap(page, "phone")
        assert boxes["play"][3] <= boxes["map"][1]  # Play right above the map
        # The cost curve right under the map (cause and effect together), then the sheet.
        assert boxes["map"][3] <= boxes["cost"][1] <= boxes["cost"][3] <= boxes["sheet"][1]
        for name in ("map", "sheet", "cost"):
            assert boxes[name][2] <= PHONE["width"] and boxes[name][2] - boxes[name][0] > 300
        assert horizontal_overflow(page) == 0
    finally:
        context.close()


def test_dataset_and_features_redraw(page, app_url):
    goto(page, app_url)
    moons = live_view(page)
    choose(page, "Dataset", DATASET_LABELS["circles"])
    assert combobox_text(page, "Dataset") == DATASET_LABELS["circles"]
    # The rerun has ended; the view paints its data when the component hands it over.
    circles = next_run(page, moons["run"])
    choose(page, "Inputs to the neuron", "x₁²")
    three = next_run(page, circles["run"])
    choose(page, "Inputs to the neuron", "x₂²")
    assert multiselect_tags(page, "Inputs to the neuron") == ["x₁", "x₂", "x₁²", "x₂²"]
    curved = next_run(page, three["run"])
    # x₁² and x₂² let one neuron draw a circle: the ring becomes (nearly) separable.
    acc = lambda v: float(v["numbers"]["acc"].split("%")[0])  # noqa: E731
    assert acc(curved) > acc(circles) + 20
    assert curved["numbers"]["w"].count(",") == 3  # four weights
    assert exceptions(page) == []


def test_shared_link_reproduces_the_run(page, browser, app_url):
    query = urlencode(
        [
            ("dataset", DATASET_LABELS["xor"]),
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
    assert combobox_text(page, "Dataset") == DATASET_LABELS["xor"]
    assert multiselect_tags(page, "Inputs to the neuron") == ["x₁", "x₂", "x₁·x₂"]
    assert slider_value(page, "Learning rate α") == "0.3"
    assert slider_value(page, "Epochs") == "500"
    assert sidebar(page).get_by_role("spinbutton", name="Seed").input_value() == "7"
    view = live_view(page)
    assert (view["epoch"], view["epochs"]) == (500, 500)
    assert page.get_by_test_id("stAlert").filter(has_text="cannot use").count() == 0

    other = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        goto(other, app_url, query=query)
        assert live_view(other)["run"] == view["run"]  # the very same run, to the bit
    finally:
        other.close()


def test_bad_link_value_gets_a_friendly_note(page, app_url):
    goto(page, app_url, query="alpha=banana&epochs=300")
    assert exceptions(page) == []
    assert page.get_by_test_id("stAlert").filter(has_text="alpha=banana").count() == 1
    assert slider_value(page, "Learning rate α") == "0.5"
    wait_for_app(page)
