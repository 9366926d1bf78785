"""A reader whose system asks for reduced motion: nothing on the pages slides or fades (the
CSS transitions and animations end at once), and the Cost landscape's descent path does not
play by itself, though ▶ Play still plays it when asked. (The Playground's live view, a
shadow root, handles reduced motion itself and is tested with it.)
"""

from __future__ import annotations

from tests.e2e.helpers import PLOT, TIMEOUT_MS, animation_frames, chart_title, goto, plots

# The longest a CSS transition or animation of any element (or its ::before / ::after)
# would run, in ms, and which element: an endless animation counts as forever.
_SLOWEST_JS = """() => {
  const ms = list => list.split(",").map(v => parseFloat(v) * (v.trim().endsWith("ms") ? 1 : 1000));
  let most = 0, who = "";
  for (const e of document.querySelectorAll("*")) {
    for (const part of [null, "::before", "::after"]) {
      const c = getComputedStyle(e, part);
      const delays = ms(c.transitionDelay);
      const moves = ms(c.transitionDuration).map((d, k) => (d > 0 ? d + (delays[k] || 0) : 0));
      if (c.animationName !== "none") {
        const counts = c.animationIterationCount.split(",").map(n => n.trim());
        ms(c.animationDuration).forEach((d, k) => {
          const n = counts[k] || "1";
          moves.push(n === "infinite" ? Infinity : d * parseFloat(n));
        });
      }
      const longest = Math.max(0, ...moves);
      if (longest > most) {
        most = longest;
        const name = e.getAttribute("data-testid") || e.className;
        who = `${e.tagName.toLowerCase()}${part || ""} ${name}`;
      }
    }
  }
  return [most, who];
}"""


def test_css_motion_ends_at_once_when_the_reader_asks_for_less(page, app_url):
    goto(page, app_url)
    normal, _ = page.evaluate(_SLOWEST_JS)
    assert normal >= 100  # Streamlit's widgets do move: the check below can fail
    page.emulate_media(reduced_motion="reduce")
    for path in ("", "landscape", "lessons"):
        goto(page, app_url, path)
        slowest, where = page.evaluate(_SLOWEST_JS)
        assert slowest <= 1, f"{path or 'home'}: {where} moves for {slowest} ms"


def test_the_landscape_path_waits_for_play(page, app_url):
    page.emulate_media(reduced_motion="reduce")
    goto(page, app_url, "landscape")
    [chart] = plots(page)
    last = chart["sliders"][0]["steps"] - 1
    shown = chart_title(page)
    assert chart["sliders"][0]["active"] == last and "Epoch 300 of 300" in shown
    animation_frames(page, 30)  # half a second of frames: nothing moves by itself
    assert plots(page)[0]["sliders"][0]["active"] == last
    assert chart_title(page) == shown

    page.locator(f"{PLOT} .updatemenu-button", has_text="Play").click()
    page.wait_for_function(
        "([sel, shown]) => !document.querySelector(sel + ' .gtitle').textContent.includes(shown)",
        arg=[PLOT, "Epoch 300 of 300"],
        timeout=TIMEOUT_MS,
    )  # asked, it plays (from the first epoch)
