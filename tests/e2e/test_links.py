"""Shared links in a real browser: a hostile link's text shows as plain text and fetches
nothing; a link to a page that does not exist says so; on localhost the Share panel warns
that students' devices cannot open the address."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from tests.e2e.helpers import (
    EXCEPTION,
    expect_rerun,
    goto,
    nudge_slider,
    slider_value,
    wait_for_app,
)

HOST = "pixel.example"
PAYLOADS = [
    f"**bold** [click me](https://{HOST}/phish) ![](http://{HOST}/p.png)",
    f'<img src="http://{HOST}/i.png"> <a href="https://{HOST}/a">a</a>',
    ":red[red] :material/home: $x^2$ `tick`` ",
]


def test_a_markdown_html_image_payload_renders_as_plain_text_and_fetches_nothing(page, app_url):
    requests = []
    page.on("request", lambda r: requests.append(r.url) if urlsplit(r.url).hostname == HOST else 0)
    page.route(f"http*://{HOST}/**", lambda route: route.abort())  # never leave the machine
    query = urlencode([("alpha", PAYLOADS[0]), ("seed", PAYLOADS[1]), ("colour", PAYLOADS[2])])
    goto(page, app_url, query=query)
    assert page.locator(EXCEPTION).count() == 0

    notice = page.get_by_test_id("stAlert").filter(has_text="This link had")
    assert notice.count() == 1
    text = notice.inner_text().replace("\u2060", "")  # the joiner that defuses :material/
    # Each value is quoted character for character (cut to ~40 with "…"), never rendered.
    assert "alpha=**bold** [click me](https://pixel.…" in text
    assert 'seed=<img src="http://pixel.example/i.pn…' in text
    assert "colour=:red[red] :material/home: $x^2$ `…" in text
    for tag in ("img", "a", ".katex", "strong", "[data-testid='stIconMaterial']"):
        assert notice.locator(tag).count() == 0, tag
    assert "the page uses the default, 0.5" in text and "the page uses the default, 0." in text
    assert requests == []

    # The page uses what the notice says, and the address bar no longer holds the payload.
    alpha = page.get_by_test_id("stSidebar").get_by_role("slider", name="Learning rate α")
    assert alpha.get_attribute("aria-valuetext") == "0.5"
    assert HOST not in page.url and "alpha=" not in page.url


def test_a_link_to_a_missing_page_opens_the_playground_with_a_note(page, app_url):
    goto(page, app_url, "no_such_page", query="alpha=2")
    assert page.locator(EXCEPTION).count() == 0
    note = page.get_by_test_id("stAlert").filter(has_text="There is no page")
    assert note.count() == 1 and "/no_such_page" in note.inner_text()
    assert page.locator("h1").filter(has_text="Watch one neuron learn").count() == 1


def test_the_share_panel_on_localhost_says_how_students_can_reach_the_app(page, app_url):
    goto(page, app_url, "the_math", query="alpha=2&epochs=500")
    sidebar = page.get_by_test_id("stSidebar")
    with expect_rerun(page):  # the panel is built when it opens (ui.share.lazy_popover)
        sidebar.locator("[data-testid='stPopover'] button").first.click()
    body = page.locator("[data-testid='stPopoverBody']")
    body.wait_for(state="visible")
    wait_for_app(page)
    text = body.inner_text()
    assert "only works on this computer" in text and "Network URL" in text
    link = body.get_by_test_id("stCode").inner_text().replace("\n", "").strip()
    assert link.endswith("/the_math?alpha=2&epochs=500")  # the defaults are left out


def test_the_back_button_returns_to_the_settings_before(page, app_url):
    goto(page, app_url, query="alpha=2")
    assert slider_value(page, "Learning rate α") == "2"
    nudge_slider(page, "Learning rate α", "ArrowRight")  # 2 → 2.2, the next offered α
    assert slider_value(page, "Learning rate α") == "2.2" and "alpha=2.2" in page.url
    with expect_rerun(page):
        page.go_back()
    assert "alpha=2" in page.url
    assert slider_value(page, "Learning rate α") == "2"
    assert page.locator(EXCEPTION).count() == 0
