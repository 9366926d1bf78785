"""How fast the app feels in a real browser: headless Debian Chromium driven by Playwright.

    python bench/bench_browser.py               # 5 repeats at the defaults and at the maxima
    python bench/bench_browser.py --repeats 3 --play-repeats 1
    python bench/bench_browser.py --url http://localhost:8501   # an app that is already running

For each setting (the defaults; the maxima: 2 000 points, 5 000 epochs, all seven features),
each repeat opens a fresh browser context and measures:

- first chart   navigation start → the Plotly chart has data and a title on screen
                (timed inside the page with performance.now(), polled every animation frame)
- app idle      navigation start → the script has finished and nothing is stale
- α change      key press on the α slider (one step down, to a value not cached yet) → the
                chart holds the new figure, at the next animation frame
- α → figure    the same key press → the websocket message carrying the new figure arrives
                (the server's share: rerun, training, figure, serialisation); the rest of
                "α change" is the browser decoding and drawing it
- α rerun idle  the same key press → the script has finished
- Play          click on ▶ Play → Plotly starts the last frame (`plotly_animatingframe`),
                against the nominal duration frames × frame duration read from the figure's
                Play button; lag beyond nominal is frames the browser could not draw in time
- bytes         websocket payload the server sends (Playwright ``framereceived``): for the
                first load (the static JS bundle over HTTP is not counted), per α change,
                and during playback (0: playback happens entirely in the browser)

A reference runs in the same session: bench/reference_app.py, a Streamlit page with one
300-point Plotly line (68 frames, Play) and one slider, on its own server: what any chart
costs on this machine and browser. Medians over the repeats are printed. Targets (issue 4,
reported, never asserted): first chart ≤ 3 s, α change ≤ 0.6 s, ≤ 1.5 MB per interaction,
playback within 20 % of nominal.
The machine's load matters (software WebGL shares the CPU with the server): run it quiet.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from anywhere

import streamlit.logger  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

# pages._links imports streamlit's caching outside a running app: silence its warnings.
streamlit.logger.set_log_level("error")

import neuron_core as nc  # noqa: E402
from pages._links import share_query  # noqa: E402
from tests.e2e.helpers import (  # noqa: E402
    DESKTOP,
    chromium_available,
    launch_browser,
    slider_input,
    start_server,
    stop_server,
    wait_for_app,
)

SETTINGS = {
    "defaults": "",
    "maxima": share_query({"points": 2000, "epochs": 5000, "features": nc.FEATURES}),
}

# Runs in every document before the app's own scripts: note when the chart first has data.
FIRST_CHART_JS = """(() => {
  // Timestamp every websocket message from the server, to split waiting from drawing.
  window.__ws = [];
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', e => window.__ws.push(
        [performance.now(), e.data.byteLength ?? e.data.size ?? e.data.length]));
    }
  };
  const look = () => {
    const gd = document.querySelector('.js-plotly-plot');
    if (gd && gd._fullData && gd._fullData.length && gd.querySelector('.gtitle')) {
      window.__firstChart = performance.now();
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();"""

ARM_REDRAW_JS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  window.__ref = gd.data;
  window.__t0 = null;
  window.__t1 = null;
  window.addEventListener('keydown', () => { window.__t0 = performance.now(); },
                          {capture: true, once: true});
  const look = () => {
    const now = document.querySelector('.js-plotly-plot');
    if (window.__t0 !== null && now && now.data !== window.__ref && now._fullData) {
      requestAnimationFrame(() => { window.__t1 = performance.now(); });  // after the paint
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}"""

ARM_PLAY_JS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const frames = gd._transitionData._frames;
  const play = gd.layout.updatemenus[0].buttons.find(b => /Play/.test(b.label));
  window.__play = {t0: null, last: null, shown: 0, n: frames.length,
                   lastName: frames[frames.length - 1].name,
                   ms: play.args[1].frame.duration};
  document.addEventListener('click', () => { window.__play.t0 = performance.now(); },
                            {capture: true, once: true});
  gd.on('plotly_animatingframe', e => {
    window.__play.shown += 1;
    if (e.name === window.__play.lastName) window.__play.last = performance.now();
  });
  return {n: window.__play.n, ms: window.__play.ms};
}"""


class WsBytes:
    """Websocket payload bytes the server sent to one page, with a resettable counter."""

    def __init__(self, page):
        self.total = 0
        page.on("websocket", self._attach)

    def _attach(self, ws):
        ws.on("framereceived", self._add)

    def _add(self, payload):
        self.total += len(payload.encode() if isinstance(payload, str) else payload)

    def take(self) -> int:
        n, self.total = self.total, 0
        return n


def one_repeat(browser, url: str, query: str, play: bool) -> dict:
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(180_000)
    context.add_init_script(FIRST_CHART_JS)
    page = context.new_page()
    ws = WsBytes(page)
    out: dict = {}
    try:
        page.goto(f"{url}/?{query}" if query else url, wait_until="commit")
        page.wait_for_function("() => window.__firstChart !== undefined", polling=50)
        out["first chart (s)"] = page.evaluate("() => window.__firstChart") / 1000
        wait_for_app(page, 180_000)
        out["app idle (s)"] = page.evaluate("() => performance.now()") / 1000
        time.sleep(0.3)  # late frames of the first load belong to it, not to the α change
        out["load bytes (MB)"] = ws.take() / 1e6

        page.evaluate(ARM_REDRAW_JS)
        thumb = slider_input(page, "Learning rate α")
        thumb.focus()
        page.keyboard.press("ArrowLeft")  # one step down: a value this server has not cached
        page.wait_for_function("() => window.__t1 !== null", polling="raf")
        out["α change (s)"] = page.evaluate("() => (window.__t1 - window.__t0) / 1000")
        # When the biggest message (the figure) arrived: the server's share of the wait.
        out["α → figure arrives (s)"] = page.evaluate(
            """() => { const after = window.__ws.filter(m => m[0] >= window.__t0);
                       if (!after.length) return NaN;
                       const big = after.reduce((a, b) => (b[1] > a[1] ? b : a));
                       return (big[0] - window.__t0) / 1000; }"""
        )
        wait_for_app(page, 180_000)
        out["α rerun idle (s)"] = page.evaluate("() => (performance.now() - window.__t0) / 1000")
        time.sleep(0.3)
        out["α bytes (MB)"] = ws.take() / 1e6

        if play:
            nominal = page.evaluate(ARM_PLAY_JS)
            page.locator(".js-plotly-plot .updatemenu-button").filter(has_text="Play").click()
            page.wait_for_function("() => window.__play.last !== null", timeout=600_000)
            p = page.evaluate("() => window.__play")
            out["Play → last frame (s)"] = (p["last"] - p["t0"]) / 1000
            out["Play nominal (s)"] = nominal["n"] * nominal["ms"] / 1000
            out["Play / nominal"] = out["Play → last frame (s)"] / out["Play nominal (s)"]
            out["Play bytes (MB)"] = ws.take() / 1e6
    finally:
        context.close()
    return out


TARGETS = {
    "first chart (s)": "≤ 3",
    "α change (s)": "≤ 0.6",
    "load bytes (MB)": "—",
    "α bytes (MB)": "≤ 1.5",
    "Play / nominal": "≤ 1.2",
    "Play bytes (MB)": "≤ 1.5",
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--play-repeats", type=int, default=3, help="Play is slow; fewer repeats")
    ap.add_argument("--url", help="measure an app that is already running here")
    ap.add_argument("--only", choices=sorted(SETTINGS), help="one setting only")
    args = ap.parse_args(argv)
    if not chromium_available():
        print("needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)")
        return 2

    proc = None
    url = args.url
    if not url:
        log = Path(tempfile.mkdtemp(prefix="bench-browser-")) / "server.log"
        proc, url = start_server(log)
    ref_log = Path(tempfile.mkdtemp(prefix="bench-browser-ref-")) / "server.log"
    ref_proc, ref_url = start_server(ref_log, script="bench/reference_app.py")
    scenarios = {name: (url, query) for name, query in SETTINGS.items()}
    if args.only:
        scenarios = {args.only: scenarios[args.only]}
    scenarios["reference"] = (ref_url, "")
    results: dict[str, list[dict]] = {}
    try:
        with sync_playwright() as pw:
            browser = launch_browser(pw)
            try:
                # Warm-up: a server's first run imports and compiles; users after it don't pay.
                one_repeat(browser, url, "", play=False)
                one_repeat(browser, ref_url, "", play=False)
                for name, (where, query) in scenarios.items():
                    results[name] = []
                    for i in range(args.repeats):
                        r = one_repeat(browser, where, query, play=i < args.play_repeats)
                        results[name].append(r)
                        shown = ", ".join(f"{k} {v:.3g}" for k, v in r.items())
                        print(f"  {name} #{i + 1}: {shown}", flush=True)
            finally:
                browser.close()
    finally:
        stop_server(ref_proc)
        if proc:
            stop_server(proc)

    keys = list(dict.fromkeys(k for runs in results.values() for r in runs for k in r))
    names = list(results)
    print()
    print(f"Medians over {args.repeats} repeats (Play: {args.play_repeats}), headless Chromium")
    header = f"| {'measure':24} | " + " | ".join(f"{n:>9}" for n in names) + " | target |"
    print(header)
    print("|" + "-" * 26 + "|" + "|".join("-" * 11 for _ in names) + "|--------|")
    for k in keys:
        cells = []
        for n in names:
            vals = [r[k] for r in results[n] if k in r]
            cells.append(f"{statistics.median(vals):9.3g}" if vals else f"{'—':>9}")
        print(f"| {k:24} | " + " | ".join(cells) + f" | {TARGETS.get(k, ''):6} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
