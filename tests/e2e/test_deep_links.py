"""A shared link to any page works on a server that has just started.

Community Cloud puts idle apps to sleep, so the first visitor after a wake-up is often a
student opening a teacher's link to one page. Streamlit's legacy ``pages/`` mode used to
run that page on its own then (no sidebar controls, every source file listed as a page);
`ui.page.start_page` hands it back to app.py. This needs a server of its own:
the shared one has long been warmed up by other tests.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.e2e.helpers import (
    exceptions,
    goto,
    nav_links,
    sidebar,
    slider_value,
    start_server,
    stop_server,
)

APP_PAGES = {"", "one_step", "the_math", "landscape", "learning_rates", "bug_lab", "lessons"}


@pytest.fixture
def fresh_url(tmp_path):
    proc, url = start_server(tmp_path / "fresh-server.log")
    try:
        yield url
    finally:
        stop_server(proc)


def _check_page(page, title: str) -> None:
    assert page.locator("h1").first.inner_text() == title
    assert page.get_by_text("Page not found").count() == 0
    links = nav_links(page)
    paths = {urlsplit(link["href"]).path.strip("/") for link in links}
    assert len(links) == len(APP_PAGES)  # the app's navigation, not one entry per file
    assert paths == APP_PAGES
    assert sidebar(page).get_by_text("Learning rate α").count() >= 1  # shared controls
    assert exceptions(page) == []


def test_first_visit_after_start_opens_the_linked_page_inside_the_app(browser, fresh_url, snap):
    first = browser.new_page(viewport={"width": 1400, "height": 900})
    goto(first, fresh_url, "landscape", "alpha=2")
    snap(first, "fresh-server-landscape")
    _check_page(first, "Cost landscape")
    assert "alpha=2" in first.url  # the link's settings survive the handover
    assert slider_value(first, "Learning rate α") == "2"
    first.close()

    second = browser.new_page(viewport={"width": 1400, "height": 900})
    goto(second, fresh_url, "one_step")
    _check_page(second, "One step by hand")
    second.close()

    # The home page's file name works as a URL too (the legacy mode's name for it).
    third = browser.new_page(viewport={"width": 1400, "height": 900})
    goto(third, fresh_url, "playground", "epochs=50")
    _check_page(third, "Watch one neuron learn")
    assert slider_value(third, "Epochs") == "50"
    third.close()
