"""Every page in the navigation opens cleanly, on a projector-sized screen and on a phone."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.e2e.helpers import (
    IPHONE_UA,
    PHONE,
    TIMEOUT_MS,
    exceptions,
    expect_rerun,
    goto,
    horizontal_overflow,
    nav_links,
    wait_for_app,
)


def _slug(href: str) -> str:
    return urlsplit(href).path.strip("/") or "home"


def test_every_page_in_the_navigation_opens(page, app_url, snap):
    goto(page, app_url)
    links = nav_links(page)
    assert len(links) >= 2, links
    assert any(urlsplit(link["href"]).path.strip("/") == "" for link in links)  # home is listed

    problems = {}
    for link in links:
        nav = page.locator(f"[data-testid='stSidebarNav'] a[href='{link['href']}']")
        if urlsplit(link["href"]).path != urlsplit(page.url).path:
            with expect_rerun(page):
                nav.first.click()
        page.wait_for_url(lambda url, href=link["href"]: url.split("?")[0] == href)
        wait_for_app(page)
        page.locator("h1").first.wait_for(timeout=TIMEOUT_MS)  # every page has a title
        snap(page, _slug(link["href"]), full_page=True)
        found = exceptions(page)
        if found:
            problems[link["text"]] = found
    assert problems == {}
    assert page.console_errors == []


def test_phone_width_has_no_horizontal_scroll(browser, app_url, screenshots):
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, user_agent=IPHONE_UA
    )
    context.set_default_timeout(TIMEOUT_MS)
    try:
        phone = context.new_page()
        goto(phone, app_url)
        links = nav_links(phone)
        overflow = {}
        for link in links:
            path = urlsplit(link["href"]).path
            goto(phone, app_url, path)
            phone.screenshot(path=str(screenshots / f"phone-{_slug(link['href'])}.png"))
            assert exceptions(phone) == [], link["text"]
            if (px := horizontal_overflow(phone)) > 0:
                overflow[link["text"]] = px
        assert overflow == {}, f"pages that scroll sideways at 390 px (by px): {overflow}"
    finally:
        context.close()
