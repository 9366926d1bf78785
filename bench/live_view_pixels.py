"""Every canvas of the live view, hashed, at a few settings: to prove a restructure of the
view's JS paints the same pixels.

    python bench/live_view_pixels.py dump before.json       # before the change
    python bench/live_view_pixels.py dump after.json        # after it
    python bench/live_view_pixels.py compare before.json after.json

Each scenario builds a run in Python, writes the view's offline page (`offline_html`: the
same script and CSS the app mounts, no server needed), opens it in headless Chromium at a
fixed window size, moves the epoch scrubber to a few epochs and records, per epoch, the
SHA-256 of every canvas's PNG (``toDataURL``) and the view's text. ``compare`` lists every
difference; with ``--png DIR`` a dump also saves the canvases for a look by eye.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from anywhere

import neuron_core as nc  # noqa: E402
from neuron_core.controls import defaults, settings_from  # noqa: E402
from neuron_core.features import FEATURE_LABELS  # noqa: E402
from neuron_core.figures import Theme  # noqa: E402
from neuron_core.figures.live_view import live_view_payload, offline_html  # noqa: E402
from tests.e2e.helpers import PHONE, launch_browser  # noqa: E402

DESKTOP = {"width": 1400, "height": 900}
PROJECTOR = {"width": 1280, "height": 720}
# name: (setting overrides, presenter, window, steps after loading: "log", "drag")
SCENARIOS = {
    "defaults": ({}, False, DESKTOP, ()),
    "circles-squares": (
        {"dataset": "circles", "features": ("x1", "x2", "x1^2", "x2^2")},
        False,
        DESKTOP,
        ("drag",),
    ),
    # The lessons' "α far too large" (λ = 1): diverges; all features, no test split.
    "diverging": (
        {"alpha": 10.0, "l2": 1.0, "features": nc.FEATURES, "test": 0},
        False,
        DESKTOP,
        ("log",),
    ),
    "presenter": ({"dataset": "xor", "features": ("x1", "x2", "x1*x2")}, True, PROJECTOR, ()),
    "phone": ({}, False, PHONE, ("log",)),
}

# Every canvas in the view, in document order, as a PNG data URL; the view's text; the
# colours, weights and sizes the CSS gives its controls and legends.
DUMP_JS = """el => ({
  canvases: Array.from(el.querySelectorAll('canvas'), c => c.toDataURL('image/png')),
  text: el.innerText,
  styles: ['.lv', '.lv-play', '.lv-restart', '.lv-speed', '.lv-scrub', '.lv-log', '.lv-epoch',
           '.lv-label', '.lv-value', '.lv-title', '.lv-sym', '.lv-hollow', '.lv-gradient',
           '.lv-map .lv-canvas', '.lv-cost .lv-canvas'].map(sel => {
    const e = el.querySelector(sel);
    if (!e) return [sel, null];
    const c = getComputedStyle(e);
    return [sel, ['color', 'backgroundColor', 'borderTopColor', 'accentColor', 'fontWeight',
                  'fontSize', 'width', 'height'].map(k => c[k]).join(' ')];
  }),
})"""
SEEK_JS = """(el, k) => {
  const s = el.querySelector('.lv-scrub');
  s.value = String(k);
  s.dispatchEvent(new Event('input'));
}"""


def scenario_page(overrides: dict, presenter: bool) -> tuple[str, int]:
    """The offline page of one scenario's run, and its last epoch."""
    s = settings_from(defaults() | overrides)
    data = nc.make_dataset(s.dataset, s.points, s.noise, s.seed)
    run = nc.run_for(s, data)
    theme = Theme.presenting() if presenter else Theme()
    labels = [FEATURE_LABELS[f] for f in run.prepared.features]
    axis = (FEATURE_LABELS["x1"], FEATURE_LABELS["x2"])
    payload = live_view_payload(run, theme=theme, axis_names=axis, feature_labels=labels)
    return offline_html(payload, "pixels"), run.history.epochs


def dump(out: Path, png: Path | None) -> None:
    from playwright.sync_api import sync_playwright

    result: dict[str, dict] = {}
    tmp = Path(tempfile.mkdtemp(prefix="lv-pixels-"))
    with sync_playwright() as pw:
        browser = launch_browser(pw)
        try:
            for name, (overrides, presenter, window, steps) in SCENARIOS.items():
                html, last = scenario_page(overrides, presenter)
                path = tmp / f"{name}.html"
                path.write_text(html, encoding="utf-8")
                context = browser.new_context(viewport=window, device_scale_factor=1)
                page = context.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
                page.goto(path.as_uri())
                view = page.locator("[data-testid='live-view'][data-frames]")
                view.wait_for()
                if "log" in steps:
                    view.locator(".lv-log").click()
                if "drag" in steps:
                    box = view.locator(".lv-sheet .lv-canvas").bounding_box()
                    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
                    page.mouse.move(x, y)
                    page.mouse.down()
                    page.mouse.move(x + 40, y + 15, steps=4)
                    page.mouse.up()
                shots = {}
                for k in sorted({0, last // 3, last}):
                    view.evaluate(SEEK_JS, k)
                    page.wait_for_function(
                        "k => { const v = document.querySelector('[data-testid=live-view]');"
                        " return +v.dataset.epoch === k; }",
                        arg=k,
                    )
                    # One more frame: everything the seek scheduled has been painted.
                    page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
                    d = view.evaluate(DUMP_JS)
                    shots[str(k)] = {
                        "canvases": [_sha(u) for u in d["canvases"]],
                        "text": d["text"],
                        "styles": d["styles"],
                    }
                    if png:
                        png.mkdir(parents=True, exist_ok=True)
                        for i, u in enumerate(d["canvases"]):
                            raw = base64.b64decode(u.split(",", 1)[1])
                            (png / f"{name}-e{k}-c{i}.png").write_bytes(raw)
                context.close()
                result[name] = {"epochs": shots, "errors": errors}
                print(f"{name}: {len(shots)} epochs, errors {errors}", flush=True)
        finally:
            browser.close()
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")


def _sha(data_url: str) -> str:
    return hashlib.sha256(data_url.encode()).hexdigest()[:16]


def compare(a: Path, b: Path) -> int:
    before = json.loads(a.read_text(encoding="utf-8"))
    after = json.loads(b.read_text(encoding="utf-8"))
    diffs = []
    for name, sa in before.items():
        sb = after.get(name)
        if sb is None:
            diffs.append(f"{name}: missing after")
            continue
        for k, ea in sa["epochs"].items():
            eb = sb["epochs"].get(k)
            if eb is None:
                diffs.append(f"{name} epoch {k}: missing after")
                continue
            for i, (ha, hb) in enumerate(zip(ea["canvases"], eb["canvases"], strict=False)):
                if ha != hb:
                    diffs.append(f"{name} epoch {k}: canvas {i} differs")
            if len(ea["canvases"]) != len(eb["canvases"]):
                diffs.append(f"{name} epoch {k}: canvas count differs")
            for (sel, a), (_, b) in zip(ea.get("styles", []), eb.get("styles", []), strict=False):
                if a != b:
                    diffs.append(f"{name} epoch {k}: {sel} styled {a!r} → {b!r}")
            if ea["text"] != eb["text"]:
                diffs.append(f"{name} epoch {k}: text differs: {ea['text']!r} → {eb['text']!r}")
        if sb["errors"]:
            diffs.append(f"{name}: page errors {sb['errors']}")
    total = sum(len(e["canvases"]) for s in before.values() for e in s["epochs"].values())
    print(f"{total} canvases in {len(before)} scenarios compared: {len(diffs)} differences")
    for d in diffs:
        print("  " + d)
    return 1 if diffs else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--png", type=Path, help="also save each canvas as a PNG here")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "dump":
        dump(args.out, args.png)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
