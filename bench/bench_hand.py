"""Dragging the boundary by hand in a real browser: do the map, the boundary and J follow
the pointer at the screen's rate?

    python bench/bench_hand.py                 # 3 repeats at 2 000 and at 200 points
    python bench/bench_hand.py --repeats 5 --seconds 4

For each setting (2 000 points, the most the sidebar allows; 200, the default) each repeat
opens a fresh browser context on the Playground (inputs x₁, x₂: the boundary is a line),
grabs the line at its middle and drags it round a circle for a few seconds, one pointer
move per animation frame, dispatched in the page to the map's canvas (the handlers a mouse,
a finger or a pen reach). Measured in the page with performance.now():

- drag fps      frames the view painted per second during the drag (each frame: ŷ on the
                map's and the sheet's grids, the boundary, the grips, the cost line, the
                numbers; J and the accuracy on every training row at each move)
- ms / move     the view's own time per pointer move: the hand-set neuron's J and accuracy
                on the rows (setHand), median
- ms / frame    the view's painting time per frame, median
- Play fps      the reference in the same run: frames per second of Play at one epoch per
                frame on the same page (bench_browser.py measures it the same way)

Target (reported, never asserted): drag ≥ 50 fps at 2 000 points. Run it on a quiet machine;
the first line gives the load average.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from anywhere

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.browser_probes import FIRST_CHART_JS, PLAY_JS  # noqa: E402
from bench.common import machine  # noqa: E402
from neuron_core.controls import BY_KEY  # noqa: E402
from neuron_core.links import share_query  # noqa: E402
from tests.e2e.helpers import (  # noqa: E402
    DESKTOP,
    chromium_available,
    goto,
    launch_browser,
    running_server,
)

SETTINGS = {
    f"{BY_KEY['points'].span[1]} points": share_query({"points": BY_KEY["points"].span[1]}),
    "200 points": share_query({"points": 200}),
}
TIMEOUT_MS = 180_000

# Grab the line at its middle, then move round a circle (radius 40 px) one pointer move per
# animation frame for `seconds`; count the frames painted and time the view's own work.
DRAG_JS = """(seconds) => new Promise((done, fail) => {
  const v = window.__view();
  const view = globalThis.__neuronLiveView.test.view(v);
  const canvas = view.map.surface.top;
  const g = view.grip.drawn;
  if (!g) return fail(new Error('no line to grab'));
  const paint = view.paint.bind(view), setHand = view.setHand.bind(view);
  const paints = [], moves = [];
  view.paint = () => { const t = performance.now(); paint(); paints.push(performance.now() - t); };
  view.setHand = (w, b) => { const t = performance.now(); setHand(w, b);
                             moves.push(performance.now() - t); };
  const box = canvas.getBoundingClientRect();
  const at = (x, y) => ({clientX: box.left + x, clientY: box.top + y, pointerId: 1,
                         pointerType: 'mouse', isPrimary: true, bubbles: true, button: 0});
  const [mx, my] = g.mid;
  canvas.dispatchEvent(new PointerEvent('pointerdown', {...at(mx, my), buttons: 1}));
  const f0 = +v.dataset.frames, t0 = performance.now();
  const step = (t) => {
    const a = (t - t0) / 1000 * 2 * Math.PI;
    canvas.dispatchEvent(new PointerEvent('pointermove',
      {...at(mx + 40 * Math.sin(a), my + 40 * (1 - Math.cos(a))), buttons: 1}));
    if (t - t0 < seconds * 1000) return requestAnimationFrame(step);
    const dt = (performance.now() - t0) / 1000;
    canvas.dispatchEvent(new PointerEvent('pointerup', at(mx, my)));
    view.paint = paint;
    view.setHand = setHand;
    const median = (xs) => xs.sort((p, q) => p - q)[Math.floor(xs.length / 2)];
    done({fps: (+v.dataset.frames - f0) / dt, move: median(moves), paint: median(paints),
          hand: v.dataset.hand, rows: view.rows.train.y.length});
  };
  requestAnimationFrame(step);
})"""


def one_repeat(browser, url: str, query: str, seconds: float) -> dict:
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(FIRST_CHART_JS)
    page = context.new_page()
    try:
        goto(page, url, query=query)
        page.wait_for_function("() => window.__view()?.dataset.frames")
        d = page.evaluate(DRAG_JS, seconds)
        if d["hand"] != "true":
            raise RuntimeError("the drag did not set the neuron by hand")
        p = page.evaluate(PLAY_JS)
    finally:
        context.close()
    return {
        "drag fps": d["fps"],
        "ms / move (J)": d["move"],
        "ms / frame (paint)": d["paint"],
        "training rows": d["rows"],
        "Play fps (ref)": p["fps"],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=3.0, help="how long each drag lasts")
    args = ap.parse_args(argv)
    if not chromium_available():
        print("needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)")
        return 2
    print(f"bench_hand: {machine()}", flush=True)
    results: dict[str, list[dict]] = {}
    logs = Path(tempfile.mkdtemp(prefix="bench-hand-"))
    with running_server(logs / "app.log") as (_, url), sync_playwright() as pw:
        browser = launch_browser(pw)
        try:
            one_repeat(browser, url, "", 0.5)  # warm-up: the server's first run compiles
            for name, query in SETTINGS.items():
                results[name] = []
                for i in range(args.repeats):
                    r = one_repeat(browser, url, query, args.seconds)
                    results[name].append(r)
                    print(f"  {name} #{i + 1}: " + ", ".join(f"{k} {v:.3g}" for k, v in r.items()))
        finally:
            browser.close()
    names = list(results)
    print(f"\nMedians over {args.repeats} repeats, headless Chromium, {args.seconds:g} s drags")
    print(f"| {'measure':20} | " + " | ".join(f"{n:>11}" for n in names) + " | target |")
    print("|" + "-" * 22 + "|" + "|".join("-" * 13 for _ in names) + "|--------|")
    for k in results[names[0]][0]:
        cells = [f"{statistics.median(r[k] for r in results[n]):11.3g}" for n in names]
        target = "≥ 50" if k == "drag fps" else ""
        print(f"| {k:20} | " + " | ".join(cells) + f" | {target:6} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
