"""Where the browser's time goes: the Playground figure drawn by Plotly alone, in Chromium.

    python bench/bench_draw.py              # 3 repeats
    python bench/bench_draw.py --repeats 5

No Streamlit: a blank page loads the plotly.js that ships with the plotly package and draws
the figure the Playground sends at the defaults (moons, 200 points, 300 epochs). Variants,
timed in the same browser in the same run:

- playground         the figure as sent
- without 3-D scene  the same with the sigmoid surface and its points removed
- reference          one 300-point line with as many frames (the least any chart costs)

Measures, medians in milliseconds: ``newPlot`` (first draw, until the next animation
frame), ``react`` (redraw with a new figure, as after an α change) and ``play`` (Play to
the last frame) against its nominal duration (frames × frame duration). Headless Chromium
draws WebGL in software (SwiftShader) here; a machine with a GPU draws the 3-D scene far
faster, so the "without 3-D scene" column is the part this benchmark can vouch for.
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from anywhere

import numpy as np  # noqa: E402
import plotly  # noqa: E402
import plotly.graph_objects as go  # noqa: E402
import plotly.io as pio  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

import neuron_core as nc  # noqa: E402
from neuron_core.figures import playground_figure  # noqa: E402
from tests.e2e.helpers import chromium_available, launch_browser  # noqa: E402

PAGE = """<html><head><meta charset="utf-8"><script src="plotly.min.js"></script></head>
<body style="margin:0"><div id="g" style="width:1150px;height:960px"></div></body></html>"""

DRAW_JS = """async (f) => {
  const gd = document.getElementById('g');
  const paint = () => new Promise(r => requestAnimationFrame(() => r()));
  let t = performance.now();
  await Plotly.newPlot(gd, f.data, f.layout, {});
  await paint();
  const newPlot = performance.now() - t;
  await Plotly.addFrames(gd, f.frames);
  t = performance.now();
  await Plotly.react(gd, JSON.parse(JSON.stringify(f.data)), f.layout);
  await paint();
  const react = performance.now() - t;
  const play = f.layout.updatemenus[0].buttons[0].args[1];
  const done = new Promise(r => gd.on('plotly_animated', r));
  t = performance.now();
  Plotly.animate(gd, null, play);
  await done;
  return {newPlot, react, play: performance.now() - t,
          nominal: f.frames.length * play.frame.duration};
}"""


def playground() -> dict:
    run = nc.run_experiment(
        nc.prepare(nc.make_dataset("moons", 200, 0.1, 0)), alpha=0.5, epochs=300
    )
    return json.loads(pio.to_json(playground_figure(run, nc.sample_frames(run.history.cost, 100))))


def without_3d(fig: dict) -> dict:
    f = copy.deepcopy(fig)
    keep = [i for i, t in enumerate(f["data"]) if "scene" not in t]
    new = {old: i for i, old in enumerate(keep)}
    f["data"] = [f["data"][i] for i in keep]
    for fr in f["frames"]:
        pairs = [(new[t], d) for t, d in zip(fr["traces"], fr["data"], strict=True) if t in new]
        fr["traces"], fr["data"] = [p[0] for p in pairs], [p[1] for p in pairs]
    f["layout"].pop("scene", None)
    return f


def reference(n_frames: int, ms: int) -> dict:
    x = np.linspace(0, 10, 300)
    play = {"frame": {"duration": ms, "redraw": True}, "transition": {"duration": 0}}
    fig = go.Figure(
        go.Scatter(x=x, y=np.sin(x)),
        frames=[go.Frame(data=[go.Scatter(y=np.sin(x + k / 10))]) for k in range(n_frames)],
    )
    fig.update_layout(
        updatemenus=[{"type": "buttons", "buttons": [{"method": "animate", "args": [None, play]}]}]
    )
    return json.loads(pio.to_json(fig))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    if not chromium_available():
        print("needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)")
        return 2
    full = playground()
    ms = full["layout"]["updatemenus"][0]["buttons"][0]["args"][1]["frame"]["duration"]
    figures = {
        "playground": full,
        "without 3-D scene": without_3d(full),
        "reference": reference(len(full["frames"]), ms),
    }
    folder = Path(tempfile.mkdtemp(prefix="bench-draw-"))
    (folder / "index.html").write_text(PAGE)
    js = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    (folder / "plotly.min.js").write_bytes(js.read_bytes())

    results: dict[str, list[dict]] = {name: [] for name in figures}
    with sync_playwright() as pw:
        browser = launch_browser(pw)
        try:
            for i in range(args.repeats):
                for name, fig in figures.items():
                    page = browser.new_page(viewport={"width": 1400, "height": 1000})
                    page.goto((folder / "index.html").as_uri())
                    r = page.evaluate(DRAW_JS, fig)
                    page.close()
                    results[name].append(r)
                    print(f"  {name} #{i + 1}: " + ", ".join(f"{k} {v:.0f}" for k, v in r.items()))
        finally:
            browser.close()

    print(
        f"\nthe plotly.js bundled with plotly {plotly.__version__}, headless Chromium, "
        f"{len(full['frames'])} frames × {ms} ms; medians over {args.repeats} repeats, ms"
    )
    print(f"| {'figure':18} | newPlot |   react |    play | nominal | play / nominal |")
    print("|--------------------|---------|---------|---------|---------|----------------|")
    for name, runs in results.items():
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        print(
            f"| {name:18} | {med['newPlot']:7.0f} | {med['react']:7.0f} | {med['play']:7.0f} "
            f"| {med['nominal']:7.0f} | {med['play'] / med['nominal']:14.2f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
