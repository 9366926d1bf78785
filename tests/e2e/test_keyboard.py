"""The keyboard alone, around the Playground's live view (its own keys are tested with it):
Tab from the top of the page reaches the navigation, the sidebar's controls and then the
page's, in reading order, and every stop shows a focus ring a sighted reader can see; a lesson
card opens its preset from the keyboard.

A ring counts when, between the control focused and the control blurred, at least as many
pixels as a 1-px line around it change by 3:1 or more (WCAG 1.4.11's contrast for the parts
of a control). Transitions are off (reduced motion), so what is measured is the ring at rest.
"""

from __future__ import annotations

import io
from itertools import pairwise

import numpy as np
from PIL import Image

from tests.e2e.helpers import TIMEOUT_MS, expect_rerun, goto

_STOP_JS = """() => {
  let e = document.activeElement;
  while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
  if (!e || e === document.body) return null;
  window.__npFocused = e;
  const ids = (window.__npStops = window.__npStops || new WeakMap());  // a number per element
  if (!ids.has(e)) ids.set(e, (window.__npCount = (window.__npCount || 0) + 1));
  const host = e.getRootNode().host, outer = host || e;
  const rect = x => x.getBoundingClientRect();
  const tiny = x => rect(x).width < 8 || rect(x).height < 8;
  // A checkbox, radio or slider hides its real input in a 1-px box: what shows is around it.
  let seen = e.parentElement && tiny(e.parentElement) ? e.parentElement : e;
  while (seen.parentElement && tiny(seen)) seen = seen.parentElement;
  const area = outer.closest("[data-testid='stElementContainer']") || seen;
  const scroller = outer.closest("[data-testid='stSidebarContent'], [data-testid='stMain']");
  const box = x => { const r = rect(x); return [r.x, r.y, r.width, r.height]; };
  const words = x => {  // its text without the names of its Material icons
    const c = x.cloneNode(true);
    c.querySelectorAll("[data-testid='stIconMaterial']").forEach(i => i.remove());
    return c.textContent.replace(/\\s+/g, " ").trim();
  };
  return {
    id: ids.get(e),
    label: (e.getAttribute("aria-label") || words(e)).slice(0, 60),
    region: outer.closest("[data-testid='stSidebar']") ? "sidebar"
          : outer.closest("[data-testid='stMain']") ? "main" : "frame",
    live: !!host, seen: box(seen), area: box(area),
    // where it is on its scrolling pane, which Tab may have scrolled since the last stop
    at: (([x, y, w, h]) => [x, y + (scroller ? scroller.scrollTop : 0), w, h])(box(seen)),
    pane: rect(e).height > 0.8 * innerHeight,  // a scrolling pane itself (main, sidebar)
  };
}"""


def _luminance(png: bytes) -> np.ndarray:
    rgb = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=float) / 255
    lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return lin @ np.array([0.2126, 0.7152, 0.0722])


def ring_pixels(page, stop: dict) -> int:
    """Pixels around the focused control that change by ≥ 3:1 when it loses focus."""
    x, y, w, h = stop["area"]
    left, top = max(0.0, x - 6), max(0.0, y - 6)
    right = min(page.viewport_size["width"], x + w + 6)
    bottom = min(page.viewport_size["height"], y + h + 6)
    clip = dict(x=left, y=top, width=right - left, height=bottom - top)
    focused = _luminance(page.screenshot(clip=clip))
    page.evaluate("() => window.__npFocused.blur()")
    blurred = _luminance(page.screenshot(clip=clip))
    page.evaluate("() => window.__npFocused.focus({focusVisible: true})")
    ratio = (np.maximum(focused, blurred) + 0.05) / (np.minimum(focused, blurred) + 0.05)
    return int((ratio >= 3).sum())


def tab_stops(page, until=None, most: int = 150) -> list[dict]:
    """Press Tab from the top of the page until focus comes round again (or ``until(stop)``),
    measuring each stop's ring on the way."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    stops, seen = [], set()
    for _ in range(most):
        page.keyboard.press("Tab")
        stop = page.evaluate(_STOP_JS)
        if stop is None:
            continue
        if stop["id"] in seen:  # round again
            break
        seen.add(stop["id"])
        stop["ring"] = ring_pixels(page, stop)
        stops.append(stop)
        if until and until(stop):
            break
    return stops


def has_ring(stop: dict) -> bool:
    """At least as many ≥ 3:1 pixels changed as a 1-px line around what shows would make."""
    _, _, w, h = stop["seen"]
    return stop["ring"] >= 2 * (w + h)


def _centre(stop):
    x, y, w, h = stop["at"]
    return x + w / 2, y + h / 2, h


def _reads_after(a: dict, b: dict) -> bool:
    """b comes after a in reading order: lower down, or on the same line further right, or
    at the top of the next column (the live view's panels read one after the other: the
    map's legend, then the sheet beside it)."""
    ax, ay, ah = _centre(a)
    bx, by, bh = _centre(b)
    same_line = abs(by - ay) <= max(ah, bh) / 2
    next_column = b["at"][0] >= a["at"][0] + a["at"][2]
    return bx > ax if same_line else (by > ay or next_column)


def test_tab_walks_the_sidebar_then_the_page_in_reading_order_with_a_visible_ring(
    page, app_url, screenshots
):
    page.emulate_media(reduced_motion="reduce")
    goto(page, app_url)
    stops = tab_stops(page)
    labels = [s["label"] for s in stops]

    # Navigation first, then the sidebar's controls top to bottom, then the page's.
    expected = ["Playground", "Lesson presets", "Presenter mode", "Dataset", "Learning rate α"]
    expected += ["Epochs", "Lesson preset", "Share", "Export", "Play"]
    positions = [labels.index(text) for text in expected]
    assert positions == sorted(positions), labels
    sidebar = [k for k, s in enumerate(stops) if s["region"] == "sidebar"]
    main = [k for k, s in enumerate(stops) if s["region"] == "main" and not s["pane"]]
    assert sidebar[0] < main[0] and labels.index("Epochs") < main[0], labels
    out_of_order = [
        (a["label"], b["label"], _centre(a), _centre(b))
        for a, b in pairwise(stops)
        if a["region"] == b["region"] and not (a["pane"] or b["pane"])
        and not _reads_after(a, b)
    ]  # fmt: skip
    assert out_of_order == [], labels

    missing = [(s["label"], s["ring"]) for s in stops if not has_ring(s)]
    assert missing == [], f"{len(missing)} of {len(stops)} tab stops show no ring: {missing}"
    assert len(stops) >= 40  # the walk went through the whole page
    page.screenshot(path=str(screenshots / "keyboard-last-stop.png"))


def test_a_lesson_card_opens_its_preset_from_the_keyboard(page, app_url):
    page.emulate_media(reduced_motion="reduce")
    goto(page, app_url, "lessons")
    card = page.locator(".st-key-card_circles-squares")
    assert "Circles (a ring around a disc)" in card.locator("img").get_attribute("alt")

    def on_its_button(stop) -> bool:
        inside = "() => !!document.activeElement.closest('.st-key-open_circles-squares')"
        return page.evaluate(inside)

    stops = tab_stops(page, until=on_its_button)
    assert on_its_button(stops[-1]), [s["label"] for s in stops]
    assert has_ring(stops[-1])
    with expect_rerun(page):
        page.keyboard.press("Enter")
    page.locator("h1", has_text="Watch one neuron learn").wait_for(timeout=TIMEOUT_MS)
    assert "dataset=circles" in page.url
