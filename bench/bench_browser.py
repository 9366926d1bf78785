"""How fast the app feels in a real browser: headless Debian Chromium driven by Playwright.

    python bench/bench_browser.py               # 5 repeats at the defaults and at the maxima
    python bench/bench_browser.py --repeats 3 --play-repeats 1
    python bench/bench_browser.py --url http://localhost:8501   # an app that is already running
    python bench/bench_browser.py --edits       # a click that places a point, beside α on stage

For each setting (the defaults; the maxima: 2 000 points, 5 000 epochs, all seven features),
each repeat opens a fresh browser context and measures:

- first chart   navigation start → the first chart is on screen: the live view has painted
                a frame (the reference: its Plotly chart has data and a title); timed
                inside the page with performance.now(), polled every animation frame
- app idle      navigation start → the script has finished and nothing is stale
- α change      key press on the α slider (one step down, to a value not cached yet) → the
                view has painted the new run (the reference: Plotly holds the new figure)
- α on stage    the same, from the α slider on the live view's own bar (the stage) instead of
                the sidebar's (the Playground only: the reference has no stage)
- α → data      the same key press → the websocket message carrying the new run arrives
                (the server's share: rerun, training, payload); the rest is the browser
- bytes         websocket payload the server sends (Playwright ``framereceived``): for the
                first load (the static JS bundle over HTTP is not counted) and per α change
- Play fps      frames painted per second during 5 s of Play at one epoch per frame (the
                reference: Plotly animation frames per second while its Play runs)
- epoch @ 5 s   the epoch reached after 5 s of Play (one epoch per frame)
- ms / frame    the view's own painting time per frame (JS only: map, sheet, cost, numbers),
                median over the frames played

With ``--edits`` (issue 20: points placed by hand), each repeat opens the defaults (200
points), makes one α change on the stage (the reference, side by side in the same page and
session) and then places `EDITS` points with a click on the map, each at a spot not clicked
before (so the server trains afresh, no cache):

- edit → point     the click → the view draws one point more (the point itself, at once)
- edit → painted   the click → the new run painted (the server's rerun and training included)
- edit → data      the click → the websocket message with the new run arrives
- edit bytes       websocket payload per edit (target ≤ 60 KB at the defaults)

A reference runs in the same session: bench/reference_app.py, a Streamlit page with one
300-point Plotly line (68 frames, Play) and one slider, on its own server: what any chart
costs on this machine and browser. Medians over the repeats are printed. Targets (reported,
never asserted): Play ≥ 50 fps (TensorFlow Playground: 55 here), α change ≤ 0.4 s, ≤ 60 KB
per α change at the defaults and ≤ 400 KB at the maxima, first chart ≤ the reference's
+ 0.5 s. The machine's load matters (painting shares the CPU with the server): run it quiet; the
first line printed gives the load average. The page-side timers are in bench/browser_probes.py.
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

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.browser_probes import (  # noqa: E402
    ARM_EDIT_JS,
    ARM_REDRAW_JS,
    DATA_ARRIVED_JS,
    FIRST_CHART_JS,
    PLAY_JS,
    WsBytes,
)
from bench.common import ALPHA, MAXIMA, machine  # noqa: E402
from neuron_core.links import share_query  # noqa: E402
from tests.e2e.helpers import (  # noqa: E402
    DESKTOP,
    LIVE,
    chromium_available,
    launch_browser,
    running_server,
    slider_input,
    wait_for_app,
)

SETTINGS = {"defaults": "", "maxima": share_query(MAXIMA)}
TIMEOUT_MS = 180_000  # the maxima train for seconds on a small machine
TARGETS = {
    "first chart (s)": "ref + 0.5",
    "α change (s)": "≤ 0.4",
    "α change on stage (s)": "≤ 0.4",
    "α bytes (KB)": "≤ 60/400",
    "Play fps": "≥ 50",
    "Play bytes (KB)": "0",
    "edit → painted (s)": "≤ 0.3",
    "edit → point (s)": "1 frame",
    "edit bytes (KB)": "≤ 60",
}
EDITS = 3  # points placed per repeat (--edits)


def first_load(page, ws: WsBytes, url: str, query: str) -> dict:
    """Open the page; time its first chart and its idle, count the bytes of the load."""
    page.goto(f"{url}/?{query}" if query else url, wait_until="commit")
    page.wait_for_function("() => window.__firstChart !== undefined", polling=50)
    out = {"first chart (s)": page.evaluate("() => window.__firstChart") / 1000}
    wait_for_app(page, TIMEOUT_MS)
    out["app idle (s)"] = page.evaluate("() => performance.now()") / 1000
    time.sleep(0.3)  # late frames of the first load belong to it, not to the α change
    out["load bytes (KB)"] = ws.take() / 1e3
    return out


def alpha_change(page, ws: WsBytes) -> dict:
    """One step down on the α slider (a value this server has not cached): the redraw."""
    page.evaluate(ARM_REDRAW_JS)
    slider_input(page, ALPHA.label).focus()
    page.keyboard.press("ArrowLeft")
    return _redrawn(page, ws, "")


def stage_alpha_change(page, ws: WsBytes) -> dict:
    """One more step down, on the stage's α slider: the same redraw, from the view's bar."""
    stage = page.locator(LIVE).get_by_role("slider", name=ALPHA.label)
    if not page.locator(LIVE).count():
        return {}
    page.evaluate(ARM_REDRAW_JS)
    stage.focus()
    page.keyboard.press("ArrowLeft")
    return _redrawn(page, ws, " on stage")


def _redrawn(page, ws: WsBytes, where: str) -> dict:
    """The α change just made: time to the new run painted, to its data, to idle; bytes."""
    page.wait_for_function("() => window.__t1 !== null", polling="raf")
    out = {
        f"α change{where} (s)": page.evaluate("() => (window.__t1 - window.__t0) / 1000"),
        f"α → data{where} (s)": page.evaluate(DATA_ARRIVED_JS),
    }
    wait_for_app(page, TIMEOUT_MS)
    out[f"α idle{where} (s)"] = page.evaluate("() => (performance.now() - window.__t0) / 1000")
    time.sleep(0.3)
    out[f"α bytes{where} (KB)"] = ws.take() / 1e3
    return out


def play(page, ws: WsBytes) -> dict:
    """Five seconds of Play at one epoch per frame."""
    p = page.evaluate(PLAY_JS)
    out = {"Play fps": p["fps"], "epoch @ 5 s": p["epoch"]}
    if "ms" in p:  # the reference has no painting of its own to time
        out["ms / frame (paint)"] = p["ms"]
    out["Play bytes (KB)"] = ws.take() / 1e3
    return out


def place_point(page, ws: WsBytes, rng) -> dict:
    """One click on an empty spot of the map: the point drawn, the new run painted, bytes."""
    for _ in range(50):  # a spot where no point is (a click there would remove it)
        x, y = rng.uniform(-1.0, 2.0), rng.uniform(-0.5, 1.0)
        at = page.evaluate(ARM_EDIT_JS, [x, y])
        if at is not None:
            break
    page.mouse.click(*at)
    page.wait_for_function("() => window.__t1 !== null", polling="raf", timeout=TIMEOUT_MS)
    out = {
        "edit → point (s)": page.evaluate("() => (window.__tp - window.__t0) / 1000"),
        "edit → painted (s)": page.evaluate("() => (window.__t1 - window.__t0) / 1000"),
        "edit → data (s)": page.evaluate(DATA_ARRIVED_JS),
    }
    wait_for_app(page, TIMEOUT_MS)
    time.sleep(0.3)
    out["edit bytes (KB)"] = ws.take() / 1e3
    return out


def one_edit_repeat(browser, url: str, seed: int) -> list[dict]:
    """The defaults, one α change on the stage (the reference), then `EDITS` clicks that
    each place a point: one dict per click, each with that α change beside it."""
    import numpy as np

    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(FIRST_CHART_JS)
    page = context.new_page()
    ws = WsBytes(page)
    rng = np.random.default_rng(seed)
    try:
        first_load(page, ws, url, "")
        ref = stage_alpha_change(page, ws)
        page.locator(LIVE).locator(".lv-map .lv-canvas").scroll_into_view_if_needed()
        return [ref | place_point(page, ws, rng) for _ in range(EDITS)]
    finally:
        context.close()


def measure_edits(url: str, repeats: int) -> dict:
    """``{"edits at 200 points": [one dict per click]}``, printing each as it ends."""
    runs = []
    with sync_playwright() as pw:
        browser = launch_browser(pw)
        try:
            one_edit_repeat(browser, url, seed=10_000)  # warm-up: imports, first compile
            for i in range(repeats):
                for r in one_edit_repeat(browser, url, seed=i):
                    runs.append(r)
                    shown = ", ".join(f"{k} {v:.3g}" for k, v in r.items())
                    print(f"  edit #{len(runs)}: {shown}", flush=True)
        finally:
            browser.close()
    return {"edits at 200 points": runs}


def one_repeat(browser, url: str, query: str, with_play: bool) -> dict:
    """Every measure in a fresh browser context (no cache, no session)."""
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(FIRST_CHART_JS)
    page = context.new_page()
    ws = WsBytes(page)
    try:
        out = first_load(page, ws, url, query)
        out |= alpha_change(page, ws)
        out |= stage_alpha_change(page, ws)
        if with_play:
            out |= play(page, ws)
    finally:
        context.close()
    return out


def measure(scenarios: dict, warm: list, repeats: int, play_repeats: int) -> dict:
    """``{scenario: [one dict per repeat]}``, printing each repeat as it ends."""
    results: dict[str, list[dict]] = {}
    with sync_playwright() as pw:
        browser = launch_browser(pw)
        try:
            # Warm-up: a server's first run imports and compiles; users after it don't pay.
            for where in warm:
                one_repeat(browser, where, "", with_play=False)
            for name, (where, query) in scenarios.items():
                results[name] = []
                for i in range(repeats):
                    r = one_repeat(browser, where, query, with_play=i < play_repeats)
                    results[name].append(r)
                    shown = ", ".join(f"{k} {v:.3g}" for k, v in r.items())
                    print(f"  {name} #{i + 1}: {shown}", flush=True)
        finally:
            browser.close()
    return results


def print_medians(results: dict) -> None:
    """A markdown table: one row per measure, one column per scenario, with the targets."""
    keys = list(dict.fromkeys(k for runs in results.values() for r in runs for k in r))
    names = list(results)
    print(f"| {'measure':24} | " + " | ".join(f"{n:>9}" for n in names) + " | target |")
    print("|" + "-" * 26 + "|" + "|".join("-" * 11 for _ in names) + "|--------|")
    for k in keys:
        cells = []
        for n in names:
            vals = [r[k] for r in results[n] if k in r]
            cells.append(f"{statistics.median(vals):9.3g}" if vals else f"{'—':>9}")
        print(f"| {k:24} | " + " | ".join(cells) + f" | {TARGETS.get(k, ''):6} |")


def run_all(args, url: str, ref: str) -> dict:
    """The chosen settings on ``url``, then the reference at ``ref``."""
    names = [args.only] if args.only else list(SETTINGS)
    scenarios = {name: (url, SETTINGS[name]) for name in names}
    scenarios["reference"] = (ref, "")
    return measure(scenarios, [url, ref], args.repeats, args.play_repeats)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--play-repeats", type=int, default=3, help="Play is slow; fewer repeats")
    ap.add_argument("--url", help="measure an app that is already running here")
    ap.add_argument("--only", choices=sorted(SETTINGS), help="one setting only")
    ap.add_argument("--edits", action="store_true", help="clicks that place points (issue 20)")
    args = ap.parse_args(argv)
    if not chromium_available():
        print("needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)")
        return 2
    print(f"bench_browser: {machine()}", flush=True)
    logs = Path(tempfile.mkdtemp(prefix="bench-browser-"))
    if args.edits:
        if args.url:
            results = measure_edits(args.url, args.repeats)
        else:
            with running_server(logs / "app.log") as (_, url):
                results = measure_edits(url, args.repeats)
        print(f"\nMedians over {args.repeats} repeats of {EDITS} clicks, headless Chromium")
        print_medians(results)
        return 0
    with running_server(logs / "reference.log", script="bench/reference_app.py") as (_, ref):
        if args.url:
            results = run_all(args, args.url, ref)
        else:
            with running_server(logs / "app.log") as (_, url):
                results = run_all(args, url, ref)
    print(f"\nMedians over {args.repeats} repeats (Play: {args.play_repeats}), headless Chromium")
    print_medians(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
