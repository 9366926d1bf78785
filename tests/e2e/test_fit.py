"""Everything fits the room's screen: presenter mode at 1024×768 and 1280×720, a phone at
390×844. No metric value, equation, button or control label is wider than its box (cut off
with "…" or only readable by scrolling sideways), on every page; the Playground's chart area
is left out (its own tests cover it). Presenter mode opens with the sidebar folded and α
one click away; the Share panel fits a 720-px-high projector with its link in view; the
navigation's icons are Material icons (no emoji, which school Linux boxes draw as boxes);
on a phone Plotly's mode bar never covers a figure's title.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.helpers import (
    IPHONE_UA,
    PAGES,
    PHONE,
    TIMEOUT_MS,
    browser_page,
    exceptions,
    goto,
    nav_links,
    wait_for_app,
)

FIT_JS = (Path(__file__).with_name("fit.js")).read_text()
SCREENS = {
    "presenter-1024x768": (dict(viewport={"width": 1024, "height": 768}), "presenter=true"),
    "presenter-1280x720": (dict(viewport={"width": 1280, "height": 720}), "presenter=true"),
    "phone-390x844": (dict(viewport=PHONE, is_mobile=True, user_agent=IPHONE_UA), ""),
}


@pytest.fixture(params=list(SCREENS), ids=list(SCREENS))
def screen(request, browser):
    options, query = SCREENS[request.param]
    with browser_page(browser, **options) as page:
        yield request.param, page, query


def test_nothing_is_cut_off_on_any_page(screen, app_url, screenshots):
    name, page, query = screen
    cut = {}
    for path in PAGES:
        goto(page, app_url, path, query)
        assert exceptions(page) == [], path
        page.screenshot(path=str(screenshots / f"fit-{name}-{path or 'home'}.png"))
        if found := page.evaluate(FIT_JS):
            cut[path or "home"] = found
    assert cut == {}, f"cut off at {name}: {cut}"


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)], ids=["1024x768", "1280x720"])
def test_presenter_link_opens_with_the_sidebar_folded_and_alpha_one_click_away(
    browser, app_url, size
):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        goto(page, app_url, "", "presenter=true")
        bar = page.get_by_test_id("stSidebar")
        assert bar.get_attribute("data-collapsed") == "true"
        page.get_by_test_id("stExpandSidebarButton").click()
        page.wait_for_function(
            "() => document.querySelector('[data-testid=stSidebar]').dataset.collapsed === 'false'"
        )
        alpha = bar.locator("input[type='range'][aria-label='Learning rate α']")
        alpha.wait_for(state="attached")
        bar.get_by_text("Learning rate α").wait_for(state="visible")
        box = bar.get_by_text("Epochs", exact=True).bounding_box()
        assert box is not None and box["y"] + box["height"] <= size[1]  # no scrolling needed
    finally:
        context.close()


def test_share_panel_fits_a_720_px_projector_with_the_link_in_view(browser, app_url, snap):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        goto(page, app_url, "landscape", "presenter=true")
        page.get_by_test_id("stExpandSidebarButton").click()
        share = page.locator("[data-testid='stPopover']").filter(has_text="Share")
        share.locator("button").first.click()
        body = page.locator("[data-testid='stPopoverBody']")
        body.wait_for(state="visible")
        body.locator("code").first.wait_for(state="visible")
        snap(page, "share-1280x720")
        page.mouse.move(1270, 10)  # away from the button: its tooltip is not the panel
        link = body.locator("code").first.bounding_box()
        panel = body.bounding_box()
        assert link is not None and panel is not None
        assert panel["y"] >= 0 and panel["y"] + panel["height"] <= 720 + 1, panel
        # The whole link and the Show QR button are inside the panel as it opens: nothing to
        # scroll to before a student can copy it or the teacher can project the code.
        bottom = panel["y"] + panel["height"]
        show = body.get_by_role("button", name="Show QR code").bounding_box()
        for box in (link, show):
            assert box["y"] >= panel["y"] and box["y"] + box["height"] <= bottom, (box, panel)
    finally:
        context.close()


def test_navigation_icons_are_material_icons(page, app_url):
    goto(page, app_url)
    links = nav_links(page)
    assert len(links) == 7
    nav = page.get_by_test_id("stSidebarNav")
    for link in nav.locator("a").all():
        icon = link.get_by_test_id("stIconMaterial")
        assert icon.count() == 1, link.inner_text()
        text = link.inner_text()
        assert all(ord(ch) < 0x2190 or 0x2200 <= ord(ch) < 0x2300 for ch in text), text


def test_on_a_phone_no_mode_bar_covers_a_figure_title(browser, app_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, user_agent=IPHONE_UA)
    context.set_default_timeout(TIMEOUT_MS)
    overlaps = {}
    try:
        page = context.new_page()
        for path in ("landscape", "learning_rates", "bug_lab"):
            goto(page, app_url, path)
            for k, chart in enumerate(page.locator(".js-plotly-plot").all()):
                chart.scroll_into_view_if_needed()
                chart.hover()
                wait_for_app(page)
                hit = chart.evaluate(
                    """gd => {
                      const bar = gd.querySelector('.modebar');
                      const title = gd.querySelector('.gtitle, .legend');
                      if (!bar || !title || !bar.getClientRects().length) return false;
                      const a = bar.getBoundingClientRect(), b = title.getBoundingClientRect();
                      const seen = a.width > 0 && getComputedStyle(bar).opacity !== '0';
                      return seen && a.left < b.right && b.left < a.right &&
                        a.top < b.bottom && b.top < a.bottom;
                    }"""
                )
                if hit:
                    overlaps.setdefault(path, []).append(k)
    finally:
        context.close()
    assert overlaps == {}
