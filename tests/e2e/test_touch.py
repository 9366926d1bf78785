"""Placing points by hand in a real browser: a click on the map places a point of the class
picked where it was clicked, shift-click the other class, a click on a point removes it,
Undo and Clear; every edit retrains on the server; the link and the data export carry the
points; a tap on a phone places one too."""

from __future__ import annotations

import numpy as np

import neuron_core as nc
from neuron_core.edits import encode_edits
from tests.e2e.helpers import (
    LIVE,
    PHONE,
    TIMEOUT_MS,
    VIEW_JS,
    exceptions,
    goto,
    swipe_up,
    wait_for_app,
)

HOOK = f"globalThis.__neuronLiveView.test.view({VIEW_JS})"


def open_view(page, base: str, query: str = "") -> None:
    """Open the app and wait for the live view's first painted run."""
    goto(page, base, query=query)
    page.wait_for_function(f"() => globalThis.__neuronLiveView?.test && {VIEW_JS}?.dataset.frames")


def where(page, x: float, y: float) -> tuple[float, float]:
    """The page pixel where the map draws the data point (x, y)."""
    return page.evaluate(
        f"""([x, y]) => {{ const v = {HOOK}; const [px, py] = v.map.frame.toPixel(x, y);
              const r = v.map.surface.top.getBoundingClientRect();
              return [r.left + px, r.top + py]; }}""",
        [x, y],
    )


def state(page) -> dict:
    """The run the view shows: its id, the points drawn and the run's points and classes."""
    return page.evaluate(
        f"""() => {{ const v = {HOOK}; const [x0, x1, y0, y1] = v.run.meta.bounds;
              return {{ run: v.root.dataset.run, points: +v.root.dataset.points,
                        epochs: +v.root.dataset.epochs, xy: Array.from(v.run.points),
                        cls: Array.from(v.run.cls), cell: [(x1 - x0) / 99, (y1 - y0) / 99] }}; }}"""
    )


def edit(page, act) -> dict:
    """Do ``act`` (a click), check the point count moved at once, wait for the new run."""
    before = state(page)
    act()
    drawn = int(page.evaluate(f"() => {VIEW_JS}.dataset.points"))
    page.wait_for_function(f"() => {VIEW_JS}.dataset.run !== '{before['run']}'", timeout=TIMEOUT_MS)
    wait_for_app(page)
    after = state(page)
    after["drawn_at_once"] = drawn
    return after


def click_at(page, x, y, shift=False):
    px, py = where(page, x, y)

    def act():
        if shift:
            page.keyboard.down("Shift")
        page.mouse.click(px, py)
        if shift:
            page.keyboard.up("Shift")

    return act


def test_clicks_place_and_remove_points_and_the_run_retrains(page, app_url):
    open_view(page, app_url, query="source=draw")
    view = page.locator(LIVE)
    s = state(page)
    assert s["points"] == 0 and s["epochs"] == 0
    assert "The map has no points" in page.get_by_test_id("stExpander").first.inner_text()
    class0 = view.get_by_role("button", name="Class 0")
    class1 = view.get_by_role("button", name="Class 1")
    assert class0.get_attribute("aria-pressed") == "true"
    assert page.get_by_text("Placed points are training points").is_visible()
    assert not view.get_by_role("button", name="Undo").is_visible()  # nothing to undo yet

    s = edit(page, click_at(page, 0.5, 0.5))
    assert s["drawn_at_once"] == 1 and s["points"] == 1
    assert abs(s["xy"][0] - 0.5) <= s["cell"][0] and abs(s["xy"][1] - 0.5) <= s["cell"][1]
    assert s["cls"] == [0]
    assert "The map has one point" in page.get_by_test_id("stExpander").first.inner_text()

    s = edit(page, click_at(page, -1.0, -1.2, shift=True))  # shift: the other class
    assert s["points"] == 2 and s["cls"] == [0, 1] and s["epochs"] == 300  # it trains
    assert abs(s["xy"][2] + 1.0) <= s["cell"][0] and abs(s["xy"][3] + 1.2) <= s["cell"][1]

    class1.click()
    assert class1.get_attribute("aria-pressed") == "true"
    assert class0.get_attribute("aria-pressed") == "false"
    trained = edit(page, click_at(page, 1.2, -0.8))
    assert trained["cls"] == [0, 1, 1] and trained["drawn_at_once"] == 3
    assert "pts=" in page.url

    s = edit(page, click_at(page, 0.5, 0.5))  # on the first point: it goes
    assert s["drawn_at_once"] == 2 and s["points"] == 2 and s["cls"] == [1, 1]
    s = edit(page, lambda: view.get_by_role("button", name="Undo").click())
    assert s["points"] == 3 and s["xy"] == trained["xy"]
    s = edit(page, lambda: view.get_by_role("button", name="Clear").click())
    assert s["points"] == 0 and "pts=" not in page.url
    s = edit(page, lambda: view.get_by_role("button", name="Undo").click())
    assert s["xy"] == trained["xy"]
    assert not page.console_errors


def test_the_link_and_the_data_export_carry_the_points(page, app_url, browser):
    open_view(page, app_url, query="source=draw")
    for x, y, shift in [(0.2, 0.3, False), (-1.5, 1.1, True), (1.3, -0.4, False)]:
        edit(page, click_at(page, x, y, shift))
    mine = state(page)
    link = page.url
    # A fresh browser (no session, no cookies) opens the same points.
    other = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        fresh = other.new_page()
        open_view(fresh, app_url, query=link.split("?", 1)[1])
        theirs = state(fresh)
        assert theirs["cls"] == mine["cls"]
        np.testing.assert_allclose(theirs["xy"], mine["xy"], atol=1e-6)
    finally:
        other.close()
    page.locator("[data-testid='stPopover']").filter(has_text="Export").locator(
        "button"
    ).first.click()
    body = page.locator("[data-testid='stPopoverBody']")
    with page.expect_download() as info:
        body.get_by_role("button", name="Dataset (CSV)").click()
    with open(info.value.path(), "rb") as f:
        data = nc.load_csv(f.read())
    np.testing.assert_allclose(data.X.ravel(), mine["xy"], atol=1e-6)
    assert list(data.y) == mine["cls"]


def test_a_click_on_a_generated_point_removes_it(page, app_url):
    open_view(page, app_url, query="points=60")
    s = state(page)
    assert s["points"] == 60
    x, y = s["xy"][10], s["xy"][11]
    after = edit(page, click_at(page, x, y))
    assert after["drawn_at_once"] == 59 and after["points"] == 59
    left = np.array(after["xy"]).reshape(-1, 2)
    assert not np.any(np.all(np.abs(left - [x, y]) < 1e-6, axis=1))
    assert "rm=" in page.url


def test_a_tap_on_a_phone_places_a_point(browser, app_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        open_view(page, app_url, query="source=draw")
        page.locator(LIVE).locator(".lv-map .lv-canvas").scroll_into_view_if_needed()
        px, py = where(page, -0.4, 0.6)
        s = edit(page, lambda: page.touchscreen.tap(px, py))
        assert s["points"] == 1 and s["cls"] == [0]
        assert abs(s["xy"][0] + 0.4) <= s["cell"][0] and abs(s["xy"][1] - 0.6) <= s["cell"][1]
    finally:
        context.close()


def test_on_a_phone_with_points_placed_a_tap_adds_one_and_a_swipe_still_scrolls(browser, app_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.set_default_timeout(TIMEOUT_MS)
    placed = {"added": [(-1.0, -1.0, 0), (1.0, 1.0, 1), (-1.2, 0.8, 0)], "removed": []}
    query = "source=draw&" + "&".join(f"{k}={v}" for k, v in encode_edits(placed).items())
    try:
        page = context.new_page()
        open_view(page, app_url, query=query)
        assert state(page)["points"] == 3
        canvas = page.locator(LIVE).locator(".lv-map .lv-canvas")
        canvas.scroll_into_view_if_needed()
        px, py = where(page, 0.9, -0.9)
        s = edit(page, lambda: page.touchscreen.tap(px, py))
        assert s["points"] == 4 and s["cls"] == [0, 1, 0, 0]
        assert abs(s["xy"][6] - 0.9) <= s["cell"][0] and abs(s["xy"][7] + 0.9) <= s["cell"][1]

        # A one-finger swipe up that starts on the map scrolls the page and places nothing.
        box = canvas.bounding_box()
        scroller = "document.querySelector('[data-testid=stMain]')"
        before = page.evaluate(f"() => {scroller}.scrollTop")
        swipe_up(page, box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.8)
        page.wait_for_function(f"() => {scroller}.scrollTop > {before} + 100")
        wait_for_app(page)
        after = state(page)
        assert after["points"] == 4 and after["run"] == s["run"]  # no point, no new run
        assert exceptions(page) == []
    finally:
        context.close()
