"""A click on the Cost landscape's map starts the descent there, in a real browser.

The map takes clicks through an invisible grid of points (plotly reports clicks on points
only): a click selects the nearest, and the page restarts the run from its (w₁, w₂). The
path's start moves there (within one cell of that grid), the link carries it, reloading
the link shows the same start, Back and Forward step through the starts picked, and
"Start from zero again" goes back to w = 0.
"""

from __future__ import annotations

from urllib.parse import unquote

from tests.e2e.helpers import exceptions, expect_rerun, goto

MAP = ".js-plotly-plot"

# The start marker's (w₁, w₂), and the pick grid's cell size, as the map draws them.
_START_JS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const start = gd._fullData.find(t => t.name === 'start');
  const pick = gd._fullData.find(t => t.name === 'pick a start');
  const xs = [...new Set(Array.from(pick.x))].sort((a, b) => a - b);
  const ys = [...new Set(Array.from(pick.y))].sort((a, b) => a - b);
  return {w: [start.x[0], start.y[0]], cell: [xs[1] - xs[0], ys[1] - ys[0]],
          xrange: gd._fullLayout.xaxis.range, yrange: gd._fullLayout.yaxis.range};
}"""
# Page pixels of a point (w₁, w₂) on the map.
_PIXEL_JS = """([w1, w2]) => {
  const gd = document.querySelector('.js-plotly-plot');
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  const box = gd.getBoundingClientRect();
  return [box.left + xa._offset + xa.l2p(w1), box.top + ya._offset + ya.l2p(w2)];
}"""


def shown(page) -> dict:
    return page.evaluate(_START_JS)


def click_map(page, w1: float, w2: float) -> None:
    page.locator(MAP).first.scroll_into_view_if_needed()
    x, y = page.evaluate(_PIXEL_JS, [w1, w2])
    with expect_rerun(page):
        page.mouse.click(x, y)


def test_a_click_on_the_map_starts_the_descent_there(page, browser, app_url, snap):
    goto(page, app_url, "landscape")
    before = shown(page)
    assert before["w"] == [0, 0]  # the default start, w = 0
    assert page.get_by_text("Click the map to start the descent there").count() == 1
    (x0, x1), (y0, y1) = before["xrange"], before["yrange"]
    want = (x0 + 0.3 * (x1 - x0), y0 + 0.7 * (y1 - y0))
    click_map(page, *want)
    snap(page, "landscape-start-picked")
    after = shown(page)
    cell = before["cell"]
    assert abs(after["w"][0] - want[0]) <= cell[0] and abs(after["w"][1] - want[1]) <= cell[1]
    link = unquote(page.url)
    assert "init=chosen" in link and "start=x1:" in link
    assert len(link.split("start=")[1]) <= 20  # x1:…,x2:… with 3 significant digits
    assert exceptions(page) == []
    # (Opening /landscape directly, Streamlit first probes /landscape/_stcore/…: two 404s.)
    assert [e for e in page.console_errors if "404" not in e] == []

    # The link reopens the same start in a fresh browser context.
    other = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    goto(other, app_url, "landscape", page.url.split("?", 1)[1])
    again = shown(other)
    assert again["w"] == after["w"]
    other.context.close()

    # A second click moves it again (a fresh map, nothing left selected) …
    want2 = (x0 + 0.6 * (x1 - x0), y0 + 0.2 * (y1 - y0))
    now = shown(page)
    click_map(page, *want2)
    moved = shown(page)
    assert abs(moved["w"][0] - want2[0]) <= now["cell"][0]
    assert abs(moved["w"][1] - want2[1]) <= now["cell"][1]
    # The browser's Back returns to the first start (the link before the second click).
    with expect_rerun(page):
        page.go_back()
    assert shown(page)["w"] == after["w"]
    with expect_rerun(page):
        page.go_forward()
    assert shown(page)["w"] == moved["w"]
    # … and "Start from zero again" goes back to w = 0.
    with expect_rerun(page):
        page.get_by_role("button", name="Start from zero again").click()
    assert shown(page)["w"] == [0, 0]
    assert "start=" not in unquote(page.url)
