"""The stage in a real browser: the live view owns the screen at a projector's sizes with any
preset loaded, its controls sit on it and drive the same run as the sidebar, it keeps a
teacher's pace, and a phone shows the picture first.
"""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from neuron_core.lessons import PRESETS
from neuron_core.links import share_query
from tests.e2e.helpers import (
    LIVE,
    PHONE,
    TIMEOUT_MS,
    VIEW_JS,
    animation_frames,
    expect_rerun,
    goto,
    horizontal_overflow,
    live_view,
    sidebar,
    slider_value,
    swipe_up,
    wait_for_app,
)

STAGE_PARTS = {
    "bar": ".lv-bar",
    "stage": ".lv-stage",
    "numbers": ".lv-numbers",
    "map": ".lv-map",
    "sheet": ".lv-sheet",
    "cost": ".lv-cost",
}


def _boxes(page) -> dict:
    """Each part of the view against the window: [left, top, right, bottom]; the window's
    size and how far the page is scrolled."""
    return page.locator(LIVE).evaluate(
        """(el, parts) => {
             const out = {width: window.innerWidth, height: window.innerHeight,
                          scrolled: document.querySelector('[data-testid=stMain]')?.scrollTop
                                    || window.scrollY};
             for (const [name, sel] of Object.entries(parts)) {
               const r = el.querySelector(sel).getBoundingClientRect();
               out[name] = [r.left, r.top, r.right, r.bottom];
             }
             return out; }""",
        STAGE_PARTS,
    )


def _preset_query(preset, presenter: bool) -> str:
    return share_query({**preset.settings(), "presenter": presenter})


def _open_sidebar(page) -> None:
    """Open the sidebar (Streamlit remembers it open across the tab's next pages)."""
    if page.get_by_test_id("stSidebar").get_attribute("data-collapsed") == "false":
        return
    page.get_by_test_id("stExpandSidebarButton").click()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stSidebar]').dataset.collapsed === 'false'"
    )
    wait_for_app(page)


SIZES = [
    ((1400, 900), False, False),
    ((1280, 720), True, False),
    ((1280, 720), True, True),
    ((1024, 768), True, False),
    ((1024, 768), True, True),
]


@pytest.mark.parametrize(
    "size, presenter, open_sidebar",
    SIZES,
    ids=["1400x900", "1280x720-presenter", "1280x720-presenter-sidebar",
         "1024x768-presenter", "1024x768-presenter-sidebar"],
)  # fmt: skip
def test_every_preset_leaves_the_whole_stage_on_screen(
    browser, app_url, snap, size, presenter, open_sidebar
):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    context.set_default_timeout(TIMEOUT_MS)
    outside = {}
    try:
        page = context.new_page()
        for preset in PRESETS:
            goto(page, app_url, query=_preset_query(preset, presenter))
            if open_sidebar:
                _open_sidebar(page)
            b = _boxes(page)
            assert b["scrolled"] == 0
            for name in STAGE_PARTS:
                left, top, right, bottom = b[name]
                if left < 0 or top < 0 or right > b["width"] + 0.5 or bottom > b["height"] + 0.5:
                    outside.setdefault(preset.key, []).append((name, round(bottom)))
            assert horizontal_overflow(page) == 0, preset.key
            if preset.key in ("alpha-too-small", "alpha-diverges"):
                snap(page, preset.key)
    finally:
        context.close()
    assert outside == {}


def test_an_alpha_change_on_the_stage_keeps_the_view_in_place(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    context.set_default_timeout(TIMEOUT_MS)
    moved = {}
    try:
        page = context.new_page()
        for preset in PRESETS:
            goto(page, app_url, query=_preset_query(preset, True))
            view = page.locator(LIVE)
            top = view.bounding_box()["y"]
            before = live_view(page)["run"]
            alpha = page.locator(LIVE).get_by_role("slider", name="Learning rate α")
            with expect_rerun(page):
                alpha.focus()
                page.keyboard.press("ArrowLeft")  # one step smaller: the preset's note goes
            # The rerun has ended; the view paints the new run when its data is handed over.
            page.wait_for_function(f"() => {VIEW_JS}.dataset.run !== '{before}'")
            moved[preset.key] = abs(view.bounding_box()["y"] - top)
    finally:
        context.close()
    print("view top displacement after an α change (px):", moved)
    assert max(moved.values()) <= 4, moved


def test_the_stage_controls_drive_the_run_the_sidebar_and_the_link(page, app_url):
    goto(page, app_url)
    first = live_view(page)
    alpha = page.locator(LIVE).get_by_role("slider", name="Learning rate α")
    with expect_rerun(page):
        alpha.focus()
        page.keyboard.press("ArrowRight")  # 0.5 → 0.56
    page.wait_for_function(f"() => {VIEW_JS}.dataset.run !== '{first['run']}'")
    after_alpha = live_view(page)
    assert slider_value(page, "Learning rate α") == "0.56"  # the sidebar follows
    assert "alpha=0.56" in page.url  # and the link
    assert alpha.get_attribute("aria-valuetext") == "α = 0.56"

    epochs = page.locator(LIVE).get_by_role("combobox", name="Epochs")
    with expect_rerun(page):
        epochs.select_option("500")
    page.wait_for_function(f"() => {VIEW_JS}.dataset.epochs === '500'")
    wait_for_app(page)
    assert slider_value(page, "Epochs") == "500"
    assert "epochs=500" in page.url

    tile = page.locator(LIVE).get_by_role("button", name="x₁²", exact=True)
    assert tile.get_attribute("aria-pressed") == "false"
    with expect_rerun(page):
        tile.click()
    page.wait_for_function(f"() => {VIEW_JS}.dataset.run !== '{after_alpha['run']}'")
    wait_for_app(page)
    assert tile.get_attribute("aria-pressed") == "true"
    chips = sidebar(page).get_by_test_id("stMultiSelect").locator("[data-tag] [title]")
    assert chips.all_inner_texts() == ["x₁", "x₂", "x₁²"]
    assert "features=x1,x2,x1^2" in unquote(page.url)
    assert live_view(page)["run"] != after_alpha["run"]

    lam = page.locator(LIVE).get_by_role("combobox", name="L2 strength λ")
    with expect_rerun(page):
        lam.select_option("0.01")
    assert slider_value(page, "L2 strength λ") == "0.01"

    # Back in the sidebar: the stage shows the sidebar's value.
    thumb = sidebar(page).locator("input[type='range'][aria-label='Learning rate α']")
    with expect_rerun(page):
        thumb.focus()
        page.keyboard.press("ArrowLeft")
    assert alpha.get_attribute("aria-valuetext") == "α = 0.5"


def test_the_last_input_cannot_be_switched_off_on_the_stage(page, app_url):
    goto(page, app_url, query="features=x1")
    only = page.locator(LIVE).get_by_role("button", name="x₁", exact=True)
    assert only.get_attribute("aria-pressed") == "true"
    url = page.url
    only.click()
    animation_frames(page, 3)
    assert only.get_attribute("aria-pressed") == "true"
    assert page.url == url


def test_step_buttons_and_keys_move_one_epoch_at_a_time(page, app_url):
    goto(page, app_url)
    view = page.locator(LIVE)
    view.get_by_role("combobox", name="Speed").select_option("2/s")
    with expect_rerun(page):
        view.get_by_role("button", name="Restart").click()
    assert live_view(page)["epoch"] == 0
    with expect_rerun(page):
        view.get_by_role("button", name="Next epoch").click()
    assert live_view(page)["epoch"] == 1
    with expect_rerun(page):
        view.get_by_role("button", name="Next epoch").click()
    assert live_view(page)["epoch"] == 2
    with expect_rerun(page):
        view.get_by_role("button", name="Previous epoch").click()
    assert live_view(page)["epoch"] == 1
    with expect_rerun(page):
        view.get_by_role("button", name="Jump forward").click()
    assert live_view(page)["epoch"] == 31  # a tenth of 300
    # Keys while the view has focus.
    scrub = view.get_by_role("slider", name="Epoch")
    assert "Space" in scrub.get_attribute("title")
    with expect_rerun(page):
        scrub.focus()
        page.keyboard.press("ArrowRight")
    assert live_view(page)["epoch"] == 32
    with expect_rerun(page):
        page.keyboard.press("End")
    assert live_view(page)["epoch"] == 300
    with expect_rerun(page):
        page.keyboard.press("Home")
    assert live_view(page)["epoch"] == 0
    page.keyboard.press("Space")
    page.wait_for_function(f"() => {VIEW_JS}.dataset.playing === 'true'")
    with expect_rerun(page):
        page.keyboard.press("Space")
    assert live_view(page)["playing"] is False


def test_the_slowest_speed_leaves_time_to_talk(page, app_url):
    goto(page, app_url)
    view = page.locator(LIVE)
    speed = view.get_by_role("combobox", name="Speed")
    options = speed.evaluate("s => Array.from(s.options, o => o.text)")
    assert options[:5] == ["teacher's pace", "2 epochs/s", "5 epochs/s", "10 epochs/s",
                           "30 epochs/s"]  # fmt: skip
    speed.select_option("2/s")
    with expect_rerun(page):
        view.get_by_role("button", name="Restart").click()
    start = page.evaluate("() => performance.now()")
    view.get_by_role("button", name="Play").click()
    # Two seconds of the page's own clock, then the epoch Play has reached.
    page.wait_for_function(f"() => performance.now() - {start} >= 2000")
    reached = live_view(page)["epoch"]
    assert reached < 20  # 20 epochs take at least 2 s (10 s at 2 a second)
    page.wait_for_function(f"() => +{VIEW_JS}.dataset.epoch >= 1")  # and it does move


def test_teachers_pace_lingers_on_the_first_epochs(page, app_url):
    goto(page, app_url, query="alpha=1.5&epochs=150")
    view = page.locator(LIVE)
    view.get_by_role("combobox", name="Speed").select_option("linger")
    with expect_rerun(page):
        view.get_by_role("button", name="Restart").click()
    start = page.evaluate("() => performance.now()")
    view.get_by_role("button", name="Play").click()
    page.wait_for_function(f"() => +{VIEW_JS}.dataset.epoch >= 20", timeout=TIMEOUT_MS)
    first20 = page.evaluate(f"() => performance.now() - {start}")
    # The run plays in 12 s; its first 20 epochs, where the boundary swings into place, take
    # far more than 20/150 of that (an even pace would pass them in 1.6 s).
    assert first20 >= 3000


def test_a_phone_shows_the_picture_first_and_a_swipe_on_the_sheet_scrolls(browser, app_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        preset = next(p for p in PRESETS if p.key == "good-alpha")
        goto(page, app_url, query=_preset_query(preset, False))
        view = page.locator(LIVE)
        inside = lambda box: box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]  # noqa: E731
        assert inside(view.get_by_role("button", name="Play").bounding_box())
        assert inside(view.get_by_role("slider", name="Learning rate α").bounding_box())
        assert inside(view.locator(".lv-map .lv-canvas").bounding_box())
        b = _boxes(page)
        assert b["map"][3] <= b["cost"][1]  # the cost curve right under the map
        # A one-finger swipe up that starts on the 3-D sheet scrolls the page.
        sheet = view.locator(".lv-sheet .lv-canvas")
        sheet.scroll_into_view_if_needed()
        box = sheet.bounding_box()
        scroller = "document.querySelector('[data-testid=stMain]')"
        before = page.evaluate(f"() => {scroller}.scrollTop")
        swipe_up(page, box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.7)
        page.wait_for_function(f"() => {scroller}.scrollTop > {before} + 100")
        camera = page.evaluate(f"() => globalThis.__neuronLiveView.test.view({VIEW_JS})"
                               ".sheet.camera")  # fmt: skip
        assert camera == {"az": -0.6, "el": 0.5}  # not turned edge-on
        assert horizontal_overflow(page) == 0
    finally:
        context.close()


def test_show_qr_fills_half_the_screen_and_links_open_in_the_normal_layout(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        goto(page, app_url, query="presenter=true&alpha=2")
        page.locator("[data-testid='stPopover']").filter(has_text="Share").locator(
            "button"
        ).first.click()
        body = page.locator("[data-testid='stPopoverBody']")
        link = body.locator("code").first.inner_text().replace("\n", "")
        assert "alpha=2" in link and "presenter" not in link  # students get the normal layout
        body.get_by_role("button", name="Show QR code").click()
        image = page.get_by_role("dialog").locator("img").first
        image.wait_for(state="visible")
        page.wait_for_function(
            "() => { const i = document.querySelector('[role=dialog] img');"
            " return i && i.complete && i.naturalWidth > 0; }"
        )
        box = image.bounding_box()
        assert box["height"] >= 0.5 * 720 and box["y"] >= 0 and box["y"] + box["height"] <= 720
    finally:
        context.close()


def _record_runs(page) -> list[tuple[str, ...]]:
    """Every script run the server starts for this page, as the fragment ids it ran (empty: the
    whole app), read from the ``new_session`` message that opens each run on the websocket."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    runs: list[tuple[str, ...]] = []

    def frame(payload) -> None:
        if isinstance(payload, bytes):
            msg = ForwardMsg()
            msg.ParseFromString(payload)
            if msg.HasField("new_session"):
                runs.append(tuple(msg.metadata.run.fragment_ids))

    page.on("websocket", lambda ws: ws.on("framereceived", frame))
    return runs


@pytest.mark.parametrize("presenter", [False, True], ids=["normal", "presenter"])
def test_a_stage_change_reruns_only_the_stage_and_the_sidebar_and_link_follow(
    page, app_url, presenter
):
    runs = _record_runs(page)
    goto(page, app_url, query="presenter=1" if presenter else "")
    _open_sidebar(page)
    assert () in runs  # the page loads in a whole run
    alpha = page.locator(LIVE).get_by_role("slider", name="Learning rate α")
    before = len(runs)
    with expect_rerun(page):
        alpha.focus()
        page.keyboard.press("ArrowRight")  # 0.5 → 0.56
    page.wait_for_function("() => location.search.includes('alpha=0.56')")
    wait_for_app(page)
    # The change (and the epoch the view then reports) reran the stage's fragment, never the app.
    assert runs[before:] and all(runs[before:])
    assert slider_value(page, "Learning rate α") == "0.56"  # the sidebar follows
    assert "alpha=0.56" in page.url  # and so does the link
    assert live_view(page)["run"]

    # The sidebar's α is the stage's too: moving it reruns the fragment, and the view follows.
    before = len(runs)
    with expect_rerun(page):
        sidebar(page).locator("input[type='range'][aria-label='Learning rate α']").focus()
        page.keyboard.press("ArrowLeft")  # 0.56 → 0.5
    page.wait_for_function("() => !location.search.includes('alpha=')")
    wait_for_app(page)
    assert runs[before:] and all(runs[before:])
    assert alpha.get_attribute("aria-valuetext") == "α = 0.5"

    if not presenter:  # a control outside the stage still reruns the whole app
        before = len(runs)
        with expect_rerun(page):
            sidebar(page).get_by_role("button", name="New").click()
        assert () in runs[before:]
        assert slider_value(page, "Learning rate α") == "0.5"
