"""WCAG 2.1 AA, checked by axe-core (the engine browsers' own audits use, bundled in
axe-playwright-python) on every page: on a projector-sized screen (1400×900), in presenter
mode at 1280×720 with a lesson preset loaded, on a phone (390×844, and once with its sidebar
open), and with an uploaded CSV; the Share and Export panels open too. The live view's
shadow root is checked with the rest (axe pierces open shadow roots).

A violation in Streamlit's or Plotly's own markup that this app cannot work around goes in
`UPSTREAM`, the one list of exceptions, as narrow as a rule and a selector; none is needed.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from neuron_core.lessons import PRESETS
from neuron_core.links import share_query
from tests.e2e.helpers import (
    DESKTOP,
    IPHONE_UA,
    PAGES,
    PHONE,
    browser_page,
    expect_rerun,
    goto,
    nav_links,
    sidebar,
    wait_for_app,
)

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
# (axe rule id, CSS selector of the elements it may flag, why this app cannot fix it).
UPSTREAM: tuple[tuple[str, str, str], ...] = ()

PRESET = PRESETS[0]
PRESENTER = {"width": 1280, "height": 720}
# Every scenario: browser-context options and the query each page is opened with.
SCENARIOS = {
    "desktop-1400x900": (dict(viewport=DESKTOP), ""),
    "presenter-1280x720-preset": (
        dict(viewport=PRESENTER),
        share_query({**PRESET.settings(), "presenter": True}),
    ),
    "phone-390x844": (dict(viewport=PHONE, is_mobile=True, user_agent=IPHONE_UA), ""),
}

_EXCUSED_JS = """([target, selector]) => {
  const el = document.querySelector(target);
  return !!el && el.matches(selector);
}"""


def violations(page) -> list[str]:
    """axe's WCAG 2.1 AA violations on the page as shown, one line per element, less the
    upstream exceptions."""
    found = []
    for v in Axe().run(page, options=AXE_OPTIONS).response["violations"]:
        for node in v["nodes"]:
            target = node["target"][0]  # a selector in the document (a list: in a shadow root)
            excused = isinstance(target, str) and any(
                rule == v["id"] and page.evaluate(_EXCUSED_JS, [target, selector])
                for rule, selector, _ in UPSTREAM
            )
            if not excused:
                summary = " ".join(node["failureSummary"].split())
                found.append(f"{v['id']} at {node['target']}: {summary}")
    return found


def assert_none(found: dict[str, list[str]]) -> None:
    """Fail with every violation, page by page, in full."""
    report = [f"{where}: {line}" for where, lines in found.items() for line in lines]
    assert not report, "axe found violations:\n" + "\n".join(report)


@pytest.fixture(params=list(SCENARIOS), ids=list(SCENARIOS))
def scenario(request, browser):
    options, query = SCENARIOS[request.param]
    with browser_page(browser, **options) as page:
        yield request.param, page, query


def test_the_pages_checked_are_the_navigations(page, app_url):
    goto(page, app_url)
    listed = {link["href"].removeprefix(app_url).strip("/") for link in nav_links(page)}
    assert listed == set(PAGES)


def _open_panel(page, label: str) -> None:
    with expect_rerun(page):  # a panel is built when it opens (ui.share.lazy_popover)
        button = page.locator("[data-testid='stPopover']").filter(has_text=label)
        button.locator("button").first.click()
    page.locator("[data-testid='stPopoverBody']").wait_for(state="visible")
    # The pointer leaves the button, so its tooltip (fading in) is not what axe reads.
    page.mouse.move(DESKTOP["width"] - 5, DESKTOP["height"] - 5)
    expect(page.locator(".stTooltipContent")).to_have_count(0)


def test_every_page_meets_wcag_21_aa(scenario, app_url, screenshots):
    name, page, query = scenario
    found = {}
    for path in PAGES:
        goto(page, app_url, path, query)
        page.screenshot(path=str(screenshots / f"axe-{name}-{path or 'home'}.png"))
        found[path or "home"] = violations(page)
        if path == "" and name.startswith("desktop"):  # the Playground's panels, open
            for label in ("Share", "Export"):
                _open_panel(page, label)
                found[f"home, {label} open"] = violations(page)
                page.keyboard.press("Escape")
                expect(page.get_by_test_id("stPopoverBody")).to_have_count(0)
    if name.startswith("phone"):  # the sidebar, open over the last page
        page.get_by_test_id("stExpandSidebarButton").click()
        expect(sidebar(page)).to_have_attribute("data-collapsed", "false")
        found["sidebar open"] = violations(page)
    assert_none(found)


def test_every_page_meets_wcag_21_aa_with_an_uploaded_csv(page, app_url, tmp_path):
    rows = [f"{150 + k},{50 + k % 7},{k % 2}" for k in range(30)]
    csv = tmp_path / "heights.csv"
    csv.write_text("height,weight,label\n" + "\n".join(rows) + "\n")
    goto(page, app_url, "", "source=Upload+CSV")
    with expect_rerun(page):
        sidebar(page).get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(csv))
    names_file = page.get_by_test_id("stCaptionContainer").filter(has_text=csv.name)
    expect(names_file).not_to_have_count(0)
    wait_for_app(page)
    found = {}
    for path in PAGES:  # by the navigation, so the session (and its upload) stays
        link = page.locator(f"[data-testid='stSidebarNav'] a[href='{app_url}/{path}']")
        if path:
            with expect_rerun(page):
                link.click()
        assert "Upload a CSV" not in page.inner_text("body"), path  # the file is still in use
        found[path or "home"] = violations(page)
    assert_none(found)


def test_a_dark_system_theme_keeps_the_checked_light_theme(browser, app_url):
    """The app offers one theme (.streamlit/config.toml; no theme choice in its menu), so a
    reader whose system asks for dark still gets the colours checked above."""
    with browser_page(browser, viewport=DESKTOP, color_scheme="dark") as page:
        goto(page, app_url, "bug_lab")
        background = page.get_by_test_id("stApp").evaluate("e => getComputedStyle(e).background")
        assert "rgb(255, 255, 255)" in background
        assert violations(page) == []
