"""Setting the neuron by hand in a real browser: dragging the boundary on the map (its
line, an end ring, the arrow's knob) with a mouse and with a finger, typing the weights,
"Train from here", and J as neuron_core computes it for the neuron shown."""

from __future__ import annotations

import re

import numpy as np
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

import neuron_core as nc
from neuron_core.number_format import number, percent
from neuron_core.start import START_LIMIT
from tests.e2e.helpers import (
    LIVE,
    PHONE,
    TIMEOUT_MS,
    VIEW_JS,
    expect_rerun,
    goto,
    wait_for_app,
)
from ui.controls import DEFAULTS

HOOKS = "globalThis.__neuronLiveView.test"


def prepared(features=("x1", "x2")) -> nc.Prepared:
    """The training rows the Playground's default run uses, as neuron_core prepares them."""
    data = nc.make_dataset(DEFAULTS["dataset"], DEFAULTS["points"], DEFAULTS["noise"], 0)
    return nc.prepare(data, features, True, DEFAULTS["test"] / 100, seed=0)


def open_view(page, base: str, query: str = "") -> None:
    goto(page, base, query=query)
    page.wait_for_function(f"() => globalThis.__neuronLiveView?.test && {VIEW_JS}?.dataset.frames")


def hook(page, name: str, *args):
    """A test hook of the view (live_view_js/testing.mjs) on its root, with ``args``."""
    return page.evaluate(f"(args) => {HOOKS}.{name}({VIEW_JS}, ...args)", list(args))


def attrs(page) -> dict:
    return page.evaluate(f"() => ({{...{VIEW_JS}.dataset}})")


def drag(page, start, end, steps: int = 12) -> None:
    """A mouse drag from ``start`` to ``end`` (page pixels), every move a real event."""
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(*end, steps=steps)
    page.mouse.up()


def off_line_px(page, prep, w, b, at) -> float:
    """How far (in screen pixels) the boundary z = 0 of (w, b) passes from the page pixel
    ``at``, from neuron_core's z on the data points under ``at`` and one pixel beside it."""
    pts = [hook(page, "toData", [at[0] + dx, at[1] + dy]) for dx, dy in ((0, 0), (1, 0), (0, 1))]
    z = prep.inputs(np.array(pts)) @ np.asarray(w) + b
    return abs(z[0]) / np.hypot(z[1] - z[0], z[2] - z[0])


def assert_numbers_follow(page, prep, hand) -> None:
    """J and the accuracy the view shows for the hand-set neuron are neuron_core's."""
    w, b = np.array(hand["w"]), hand["b"]
    J = nc.cost(w, b, prep.F_train, prep.y_train)
    assert abs(hand["cost"] - J) <= 1e-9 * max(1.0, J)
    acc = np.mean((prep.F_train @ w + b >= 0) == (prep.y_train > 0.5))
    # What the view shows is painted on the next frame: expect() waits for it.
    view = page.locator(LIVE)
    starts = lambda text: re.compile("^" + re.escape(text))  # noqa: E731
    expect(view.locator(".lv-cell-cost .lv-value")).to_have_text(starts(number(J) + " (test "))
    expect(view.locator(".lv-cell-acc .lv-value")).to_have_text(starts(percent(acc)))
    # The fields to type in follow too (the one with focus as well, until typed in).
    fields = [f"Weight on {nc.feature_label(f)}" for f in prep.features] + ["Bias b"]
    for name, v in zip(fields, (*w, b), strict=True):
        expect(view.get_by_role("textbox", name=name, exact=True)).to_have_value(number(v, 4))
    expect(view).to_have_attribute("data-w", ", ".join(number(v, 3) for v in w))
    expect(view).to_have_attribute("data-b", number(b, 3))
    assert attrs(page)["hand"] == "true"


def test_dragging_the_line_its_end_and_its_knob_sets_the_neuron(page, app_url, snap):
    open_view(page, app_url)
    prep = prepared()
    before = attrs(page)
    assert before["hand"] == "false" and before["playing"] == "false"
    epoch = hook(page, "shown")
    grips = hook(page, "grips")
    assert grips is not None

    # The line, grabbed at its middle, moved: it passes through where the mouse let go.
    mid = grips["mid"]
    target = (mid[0] + 35, mid[1] - 25)
    drag(page, mid, target)
    hand = hook(page, "hand")
    assert off_line_px(page, prep, hand["w"], hand["b"], target) <= 1.0
    assert_numbers_follow(page, prep, hand)
    # Moved parallel: the direction of w is the epoch's (w travels as float32).
    np.testing.assert_allclose(hand["w"], epoch["w"], rtol=1e-12)
    view = page.locator(LIVE)
    assert view.get_by_text("Your neuron", exact=True).is_visible()
    snap(page, "line-moved")

    # An end ring turns the line about the other ring.
    grips = hook(page, "grips")
    pivot, end = grips["ends"]
    target = (end[0] - 30, end[1] + 45)
    drag(page, end, target)
    hand = hook(page, "hand")
    assert off_line_px(page, prep, hand["w"], hand["b"], target) <= 1.0
    assert off_line_px(page, prep, hand["w"], hand["b"], pivot) <= 1.0
    assert_numbers_follow(page, prep, hand)

    # The knob: |w| changes, the line stays where it is.
    turned = hand
    knob, line_mid = hook(page, "grips")["knob"], hook(page, "grips")["mid"]
    away = np.subtract(knob, line_mid)
    drag(page, knob, tuple(np.add(knob, away * 0.8)))  # farther from the line: flatter
    hand = hook(page, "hand")
    k = np.linalg.norm(hand["w"]) / np.linalg.norm(turned["w"])
    assert 0.3 < k < 0.8
    np.testing.assert_allclose(hand["w"], np.multiply(turned["w"], k), rtol=1e-9)
    assert hand["b"] == pytest.approx(turned["b"] * k, rel=1e-9, abs=1e-12)
    assert_numbers_follow(page, prep, hand)

    # No drag placed a point or asked the server for anything.
    after = attrs(page)
    assert after["points"] == before["points"] and after["run"] == before["run"]
    assert hook(page, "control") is None

    # Back to the run: the epoch's neuron again.
    view.get_by_role("button", name="Back to the run").click()
    page.wait_for_function(f"() => {VIEW_JS}.dataset.hand === 'false'")
    assert hook(page, "shown") == epoch
    expect(view.get_by_role("button", name="Set by hand")).to_be_focused()
    assert not page.console_errors


def test_typed_weights_set_a_curved_neuron_and_train_from_here_sends_it(page, app_url, snap):
    features = ("x1", "x2", "x1^2")
    open_view(page, app_url, query="features=x1,x2,x1^2")
    prep = prepared(features)
    view = page.locator(LIVE)
    assert hook(page, "grips") is None  # no line to drag
    enter = view.get_by_role("button", name="Set by hand")
    assert enter.get_attribute("title").startswith("With these inputs the boundary is a curve")
    enter.click()
    assert attrs(page)["hand"] == "true"
    assert view.get_by_text("With these inputs the boundary is a curve").is_visible()
    first = view.get_by_role("textbox", name="Weight on x₁", exact=True)
    expect(first).to_be_focused()
    typed = {"Weight on x₁": "0.75", "Weight on x₂": "−2.5", "Weight on x₁²": "1.25e-1"}
    for name, text in typed.items():
        box = view.get_by_role("textbox", name=name, exact=True)
        box.fill(text)
        box.press("Enter")
    bias = view.get_by_role("textbox", name="Bias b")
    bias.fill("0,5")
    bias.press("Tab")
    hand = hook(page, "hand")
    assert hand["w"] == [0.75, -2.5, 0.125] and hand["b"] == 0.5
    assert_numbers_follow(page, prep, hand)
    snap(page, "typed")

    # Not a number: said, and the neuron stays.
    first.fill("two")
    first.press("Enter")
    assert first.get_attribute("aria-invalid") == "true"
    assert "type a number" in view.get_by_role("alert").text_content()
    assert hook(page, "hand")["w"] == [0.75, -2.5, 0.125]

    # "Train from here" hands the neuron to Python, full precision, in the inputs' order.
    with expect_rerun(page):
        view.get_by_role("button", name="Train from here").click()
    sent = hook(page, "control")
    assert sent["key"] == "start" and sent["value"]["w"] == [0.75, -2.5, 0.125]
    assert sent["value"]["b"] == 0.5  # and the inputs it was set on (Python checks them)
    assert sent["value"]["features"] == page.evaluate(
        f"() => {HOOKS}.view({VIEW_JS}).run.meta.features"
    )
    # The run trained from there arrives: the view leaves hand mode and the history's row 0
    # is the neuron set by hand (w travels as float32; b as float64, exactly).
    page.wait_for_function(f"() => {VIEW_JS}.dataset.hand === 'false'", timeout=TIMEOUT_MS)
    row = hook(page, "row", 0)
    assert np.allclose(row["w"], [0.75, -2.5, 0.125], rtol=1e-7, atol=0) and row["b"] == 0.5
    assert "starts from your start" in page.get_by_test_id("stMain").inner_text()
    # The sidebar (outside the stage's fragment) shows the start too, as "Train from here"
    # reran the whole page, and keeps it through a change that reruns the whole app.
    side = page.get_by_test_id("stSidebar")
    expect(side.get_by_role("radio", name="Your start")).to_be_checked()
    with expect_rerun(page):
        side.get_by_role("button", name="New").click()
    expect(side.get_by_role("radio", name="Your start")).to_be_checked()
    assert "starts from your start" in page.get_by_test_id("stMain").inner_text()
    assert not page.console_errors


def _touch_drag(cdp, start, end, steps: int = 10) -> None:
    """A one-finger drag through the browser's input pipeline (page.touchscreen only taps)."""

    def send(kind, points):
        touches = [{"x": x, "y": y} for x, y in points]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": touches})

    send("touchStart", [start])
    for k in range(1, steps + 1):
        send("touchMove", [[s + (e - s) * k / steps for s, e in zip(start, end, strict=True)]])
    send("touchEnd", [])


def test_a_finger_drags_the_line_on_a_phone_and_a_swipe_elsewhere_scrolls(browser, app_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        open_view(page, app_url)
        prep = prepared()
        page.locator(LIVE).locator(".lv-map .lv-canvas").scroll_into_view_if_needed()
        wait_for_app(page)
        cdp = context.new_cdp_session(page)
        mid = hook(page, "grips")["mid"]
        target = (mid[0] + 20, mid[1] + 30)
        _touch_drag(cdp, mid, target)
        page.wait_for_function(f"() => {VIEW_JS}.dataset.hand === 'true'")
        hand = hook(page, "hand")
        assert off_line_px(page, prep, hand["w"], hand["b"], target) <= 1.0
        assert_numbers_follow(page, prep, hand)

        # A swipe up that starts on the map away from the line scrolls the page.
        box = page.locator(LIVE).locator(".lv-map .lv-canvas").bounding_box()
        y = box["y"] + box["height"] * 0.75
        starts = [(box["x"] + box["width"] * fx, y) for fx in (0.3, 0.7)]
        start = max(starts, key=lambda p: off_line_px(page, prep, hand["w"], hand["b"], p))
        assert off_line_px(page, prep, hand["w"], hand["b"], start) > 40
        scroller = "document.querySelector('[data-testid=stMain]')"
        top = page.evaluate(f"() => {scroller}.scrollTop")
        _touch_drag(cdp, start, (start[0], start[1] - 200))
        page.wait_for_function(f"() => {scroller}.scrollTop > {top} + 100")
        assert hook(page, "hand") == hand  # the swipe moved the page, not the line
        assert attrs(page)["points"] == str(DEFAULTS["points"])  # and placed nothing
    finally:
        context.close()


def test_two_quick_clicks_keep_both_new_points_drawn(page, app_url):
    """The run trained on the first click must not hide the second click's point."""
    open_view(page, app_url, query="source=draw")
    page.evaluate(
        f"""() => {{ const v = {VIEW_JS}; window.__counts = [];
            new MutationObserver(() => window.__counts.push(+v.dataset.points)).observe(v,
              {{ attributes: true, attributeFilter: ['data-points', 'data-run'] }}); }}"""
    )
    run = attrs(page)["run"]
    first, second = hook(page, "toPage", [0.4, 0.6]), hook(page, "toPage", [-0.8, -0.3])
    page.mouse.click(*first)
    page.evaluate("() => window.__counts.push('second click')")
    page.mouse.click(*second)
    page.wait_for_function(
        f"() => {VIEW_JS}.dataset.run !== '{run}' && "
        f"{HOOKS}.view({VIEW_JS}).run.m === 2 && {VIEW_JS}.dataset.points === '2'"
    )
    wait_for_app(page)
    counts = page.evaluate("() => window.__counts")
    after = counts[counts.index("second click") + 1 :]
    assert after[0] == 2 and min(after) == 2, counts  # drawn at once, and never hidden again


def test_a_refused_train_from_here_leaves_the_neuron_set_by_hand(page, app_url):
    """Python refuses a start past its limit and the run stays; the next run (an α change)
    is not the run trained from the hand-set neuron: the neuron stays set by hand."""
    open_view(page, app_url)
    view = page.locator(LIVE)
    view.get_by_role("button", name="Set by hand").click()
    bias = view.get_by_role("textbox", name="Bias b")
    bias.fill(str(2 * START_LIMIT))
    bias.press("Enter")
    assert hook(page, "hand")["b"] == 2 * START_LIMIT
    with expect_rerun(page):
        view.get_by_role("button", name="Train from here").click()
    expect(page.get_by_text("the run keeps its start")).to_be_visible()
    assert attrs(page)["hand"] == "true"
    run = attrs(page)["run"]
    with expect_rerun(page):
        view.get_by_role("slider", name="Learning rate α").focus()
        page.keyboard.press("ArrowRight")
    expect(view).not_to_have_attribute("data-run", run)
    assert attrs(page)["hand"] == "true"  # (not left for a replay from epoch 0)
    assert hook(page, "hand")["b"] == pytest.approx(2 * START_LIMIT, rel=1e-12)
    assert attrs(page)["epoch"] == attrs(page)["epochs"]  # where it was, not replaying


def test_a_lost_or_doubled_edit_message_loses_and_doubles_no_point(page, app_url):
    """Streamlit keeps one trigger value per rerun: under load a second click's message
    replaces the first's before the server takes it, and a message can be taken twice. Here
    the socket drops the first click's message and delivers the second's twice."""
    edits = []

    def route(ws):
        server = ws.connect_to_server()

        def from_page(message):
            if isinstance(message, bytes) and b'"key":"edit"' in message:
                edits.append(message)
                if len(edits) == 1:
                    return  # lost, as when a newer message replaced it
                if len(edits) == 2:
                    server.send(message)  # taken twice
            server.send(message)

        ws.on_message(from_page)

    page.route_web_socket(re.compile(r".*/_stcore/stream"), route)
    open_view(page, app_url, query="source=draw")
    want = [[0.4, 0.6], [-0.8, -0.3], [1.1, 0.2]]
    run = attrs(page)["run"]
    for xy in want[:2]:
        page.mouse.click(*hook(page, "toPage", xy))
    page.wait_for_function(f"() => {VIEW_JS}.dataset.run !== '{run}'")
    # The third click's message follows the doubled one on the same socket.
    page.mouse.click(*hook(page, "toPage", want[2]))
    page.wait_for_function(f"() => {HOOKS}.view({VIEW_JS}).run.m === 3")
    wait_for_app(page)
    assert len(edits) == 3
    got = page.evaluate(f"() => Array.from({HOOKS}.view({VIEW_JS}).run.points)")
    # each once, in order (within a pixel and the 0.01 step a placed point is kept to)
    assert np.allclose(np.reshape(got, (-1, 2)), want, atol=0.02)
    assert attrs(page)["points"] == "3"


def test_axe_finds_nothing_in_the_view_with_a_hand_set_neuron(page, app_url):
    open_view(page, app_url)
    view = page.locator(LIVE)
    view.get_by_role("button", name="Set by hand").click()
    bias = view.get_by_role("textbox", name="Bias b")
    bias.fill("not a number")
    bias.press("Enter")  # the alert shows too
    options = {
        "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        "resultTypes": ["violations"],
    }
    found = Axe().run(page, options=options).response["violations"]
    in_view = [
        f"{v['id']} at {n['target']}: {' '.join(n['failureSummary'].split())}"
        for v in found
        for n in v["nodes"]
        if isinstance(n["target"][0], list)  # inside a shadow root: the view's
    ]
    assert in_view == []


def test_set_by_hand_at_epoch_0_starts_from_a_line_down_the_middle(page, app_url):
    """At epoch 0 (w = 0) there is no boundary to grab: "Set by hand" puts one on the map."""
    open_view(page, app_url)
    view = page.locator(LIVE)
    page.evaluate(f"() => {HOOKS}.view({VIEW_JS}).seek(0, true)")
    page.wait_for_function(f"() => {VIEW_JS}.dataset.epoch === '0'")
    assert hook(page, "shown")["w"] == [0, 0] and hook(page, "grips") is None
    view.get_by_role("button", name="Set by hand").click()
    page.wait_for_function(f"() => {HOOKS}.grips({VIEW_JS}) !== null")
    hand = hook(page, "hand")
    assert hand["w"][0] > 0 and hand["w"][1] == 0  # ŷ rises to the right of a vertical line
    bounds = page.evaluate(f"() => {HOOKS}.view({VIEW_JS}).run.meta.bounds")
    middle = [(bounds[0] + bounds[1]) / 2, (bounds[2] + bounds[3]) / 2]
    z = prepared().inputs(np.array([middle])) @ hand["w"] + hand["b"]
    assert abs(z[0]) < 1e-9
    # The first field has focus (the button pressed is gone) and shows w₁ all the same.
    expect(view.get_by_role("textbox", name="Weight on x₁", exact=True)).to_be_focused()
    assert_numbers_follow(page, prepared(), hand)


def _free_spot_on_the_line(page) -> tuple[float, float]:
    """A page pixel on the boundary line, clear of its rings and of every drawn point."""
    grips = hook(page, "grips")
    mid = np.array(grips["mid"])
    for end in grips["ends"]:
        for f in (0.3, 0.4, 0.5, 0.6, 0.7):
            at = mid + f * (np.array(end) - mid)
            clear = min(np.hypot(*(at - np.array(g))) for g in (*grips["ends"], grips["knob"], mid))
            hit = page.evaluate(
                f"""([x, y]) => {{ const v = {HOOKS}.view({VIEW_JS});
                      const r = v.map.surface.top.getBoundingClientRect();
                      return v.map.hit(x - r.left, y - r.top); }}""",
                at.tolist(),
            )
            if clear > 30 and hit < 0:
                return tuple(at.tolist())
    raise AssertionError("no free spot on the line")


def _placed_on(page, tap) -> None:
    """A press on the line that does not move places a point there (the run retrains) and
    leaves the neuron alone."""
    before = attrs(page)
    at = _free_spot_on_the_line(page)
    prep = prepared()
    epoch = hook(page, "shown")
    assert off_line_px(page, prep, epoch["w"], epoch["b"], at) <= 1.0  # on the line
    with expect_rerun(page):
        tap(*at)
    assert int(attrs(page)["points"]) == int(before["points"]) + 1
    assert attrs(page)["hand"] == "false" and hook(page, "hand") is None
    assert hook(page, "control")["key"] == "edit"


def test_a_click_or_a_tap_on_the_line_places_a_point_there(page, app_url, browser):
    open_view(page, app_url)
    _placed_on(page, page.mouse.click)

    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        phone = context.new_page()
        open_view(phone, app_url)
        phone.locator(LIVE).locator(".lv-map .lv-canvas").scroll_into_view_if_needed()
        wait_for_app(phone)
        _placed_on(phone, phone.touchscreen.tap)
    finally:
        context.close()
