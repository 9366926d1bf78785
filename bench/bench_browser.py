"""How fast the app feels in a real browser: headless Debian Chromium driven by Playwright.

    python bench/bench_browser.py               # 5 repeats at the defaults and at the maxima
    python bench/bench_browser.py --repeats 3 --play-repeats 1
    python bench/bench_browser.py --url http://localhost:8501   # an app that is already running

For each setting (the defaults; the maxima: 2 000 points, 5 000 epochs, all seven features),
each repeat opens a fresh browser context and measures:

- first chart   navigation start → the first chart is on screen: the live view has painted
                a frame (the reference: its Plotly chart has data and a title); timed
                inside the page with performance.now(), polled every animation frame
- app idle      navigation start → the script has finished and nothing is stale
- α change      key press on the α slider (one step down, to a value not cached yet) → the
                view has painted the new run (the reference: Plotly holds the new figure)
- α → data      the same key press → the websocket message carrying the new run arrives
                (the server's share: rerun, training, payload); the rest is the browser
- bytes         websocket payload the server sends (Playwright ``framereceived``): for the
                first load (the static JS bundle over HTTP is not counted) and per α change
- Play fps      frames painted per second during 5 s of Play at one epoch per frame (the
                reference: Plotly animation frames per second while its Play runs)
- epoch @ 5 s   the epoch reached after 5 s of Play (one epoch per frame)
- ms / frame    the view's own painting time per frame (JS only: map, sheet, cost, numbers),
                median over the frames played

A reference runs in the same session: bench/reference_app.py, a Streamlit page with one
300-point Plotly line (68 frames, Play) and one slider, on its own server: what any chart
costs on this machine and browser. Medians over the repeats are printed. Targets (reported,
never asserted): Play ≥ 50 fps (TensorFlow Playground: 55 here), α change ≤ 0.4 s, ≤ 60 KB
per α change at the defaults and ≤ 400 KB at the maxima, first chart ≤ the reference's
+ 0.5 s. The machine's load matters (painting shares the CPU with the server): run it quiet.
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

# neuron_core.links imports streamlit's caching outside a running app: silence its warnings.
LIVE = "[data-testid='live-view']"
streamlit.logger.set_log_level("error")

import neuron_core as nc  # noqa: E402
from neuron_core.links import share_query  # noqa: E402
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
  // The live view sits in a shadow root; find it there.
  window.__view = () => {
    for (const host of document.querySelectorAll("[data-testid='stBidiComponentIsolated']")) {
      const v = host.shadowRoot && host.shadowRoot.querySelector("[data-testid='live-view']");
      if (v) return v;
    }
    return null;
  };
  const look = () => {
    const v = window.__view();
    const gd = document.querySelector('.js-plotly-plot');
    if ((v && v.hasAttribute('data-frames'))
        || (gd && gd._fullData && gd._fullData.length && gd.querySelector('.gtitle'))) {
      window.__firstChart = performance.now();
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();"""

ARM_REDRAW_JS = """() => {
  const v = window.__view();
  const gd = document.querySelector('.js-plotly-plot');
  window.__ref = v ? v.dataset.run : gd.data;
  window.__t0 = null;
  window.__t1 = null;
  window.addEventListener('keydown', () => { window.__t0 = performance.now(); },
                          {capture: true, once: true});
  const look = () => {
    const v = window.__view();
    const gd = document.querySelector('.js-plotly-plot');
    const changed = v ? v.dataset.run !== window.__ref && !v.hasAttribute('data-pending')
                      : gd && gd.data !== window.__ref && gd._fullData;
    if (window.__t0 !== null && changed) {
      requestAnimationFrame(() => { window.__t1 = performance.now(); });  // after the paint
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}"""

# Play for five seconds, counting frames painted (the view's data-frames, or Plotly's
# animation frames) and timing the view's own painting.
PLAY_JS = """() => new Promise(done => {
  const v = window.__view();
  const out = {};
  if (v) {
    const view = v.liveView, paint = view.paint.bind(view), times = [];
    view.paint = () => { const t = performance.now(); paint(); times.push(performance.now() - t); };
    const f0 = +v.dataset.frames;
    v.querySelector('.lv-speed').value = '1';
    v.querySelector('.lv-speed').dispatchEvent(new Event('change'));
    view.seek(0, false);
    view.toggle();
    const t0 = performance.now();
    setTimeout(() => {
      const dt = (performance.now() - t0) / 1000;
      out.fps = (+v.dataset.frames - f0) / dt;
      out.epoch = +v.dataset.epoch;
      times.sort((a, b) => a - b);
      out.ms = times[Math.floor(times.length / 2)];
      view.pause(false);
      view.paint = paint;
      done(out);
    }, 5000);
  } else {
    const gd = document.querySelector('.js-plotly-plot');
    let n = 0;
    gd.on('plotly_animatingframe', () => { n += 1; });
    const play = [...document.querySelectorAll('.updatemenu-button')]
      .find(b => /Play/.test(b.textContent));
    play.dispatchEvent(new MouseEvent('click', {bubbles: true}));
    const t0 = performance.now();
    // The reference's 68 frames take ~5.4 s at its nominal 80 ms; count for 5 s.
    setTimeout(() => { out.fps = n / ((performance.now() - t0) / 1000); out.epoch = n;
                       done(out); }, 5000);
  }
})"""


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
        out["load bytes (KB)"] = ws.take() / 1e3

        page.evaluate(ARM_REDRAW_JS)
        thumb = slider_input(page, "Learning rate α")
        thumb.focus()
        page.keyboard.press("ArrowLeft")  # one step down: a value this server has not cached
        page.wait_for_function("() => window.__t1 !== null", polling="raf")
        out["α change (s)"] = page.evaluate("() => (window.__t1 - window.__t0) / 1000")
        # When the biggest message (the new run) arrived: the server's share of the wait.
        out["α → data arrives (s)"] = page.evaluate(
            """() => { const after = window.__ws.filter(m => m[0] >= window.__t0);
                       if (!after.length) return NaN;
                       const big = after.reduce((a, b) => (b[1] > a[1] ? b : a));
                       return (big[0] - window.__t0) / 1000; }"""
        )
        wait_for_app(page, 180_000)
        out["α rerun idle (s)"] = page.evaluate("() => (performance.now() - window.__t0) / 1000")
        time.sleep(0.3)
        out["α bytes (KB)"] = ws.take() / 1e3

        if play:
            p = page.evaluate(PLAY_JS)
            out["Play fps"] = p["fps"]
            out["epoch @ 5 s"] = p["epoch"]
            if "ms" in p:
                out["ms / frame (paint)"] = p["ms"]
            out["Play bytes (KB)"] = ws.take() / 1e3
    finally:
        context.close()
    return out


TARGETS = {
    "first chart (s)": "ref + 0.5",
    "α change (s)": "≤ 0.4",
    "α bytes (KB)": "≤ 60/400",
    "Play fps": "≥ 50",
    "Play bytes (KB)": "0",
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
