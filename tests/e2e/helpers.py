"""Shared pieces of the browser tests (and of bench/bench_browser.py, bench_classroom.py).

Import them as ``from tests.e2e.helpers import wait_for_app`` (pytest puts the repo root on
``sys.path``; see ``pythonpath`` in pyproject.toml).

- `start_server` / `stop_server`: ``streamlit run app.py`` headless on a free port;
  `running_server` does both around a ``with`` block.
- `launch_browser`: Debian's Chromium (``/usr/bin/chromium``, or ``$CHROMIUM_PATH``) driven
  by Playwright; Playwright's own browser download is never needed.
- `wait_for_app`: the script has finished and nothing on screen is stale.
- `expect_rerun`: wrap a widget interaction; returns once the rerun it caused has finished.
- `plots`: what Plotly actually drew, read from the chart's ``gd.data`` / ``gd.layout``.
- `live_view`: what the Playground's live view shows (epoch, play state, labels, numbers).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Debian's Chromium; CHROMIUM_PATH points elsewhere (.ci/run sets it on Ubuntu-like boxes).
CHROMIUM = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
# A phone's User-Agent: the app leaves Plotly's mode bar out for it (ui/charts.py).
IPHONE_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
# Every page's url path, as app.py's navigation lists them ("" is the Playground).
PAGES = ("", "one_step", "the_math", "landscape", "learning_rates", "bug_lab", "lessons")
TIMEOUT_MS = 60_000  # generous: the machine running the tests may be small and busy

APP = "[data-testid='stApp']"
APP_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
EXCEPTION = "[data-testid='stException']"
PLOT = ".js-plotly-plot"
LIVE = (
    "[data-testid='live-view']"  # the Playground's live view (Playwright pierces its shadow root)
)


def chromium_available() -> bool:
    return os.access(CHROMIUM, os.X_OK)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(
    log_path: Path,
    port: int | None = None,
    timeout: float = 90.0,
    script: str = "app.py",
    options: tuple = (),
    prefix: tuple = (),
):
    """Start the app (or another ``script``, e.g. a benchmark's reference) headless from the
    repo root; return ``(process, base_url)`` once healthy.

    ``options`` are more ``streamlit run`` flags (``("--runner.postScriptGC", "false")``);
    ``prefix`` runs the server through another command (``("taskset", "-c", "0")``, which
    keeps the process id). Output goes to ``log_path`` (a file, not a pipe, so a chatty
    server never blocks). The server runs in its own process group so `stop_server` can end
    it and its children.
    """
    port = port or free_port()
    cmd = [
        *prefix,
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.fileWatcherType",
        "none",
        "--browser.gatherUsageStats",
        "false",
        *options,
    ]
    log = open(log_path, "wb")  # noqa: SIM115 - closed by stop_server
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    proc._log = log  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            stop_server(proc)
            raise RuntimeError(
                f"streamlit exited with code {proc.returncode}:\n{Path(log_path).read_text()}"
            )
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return proc, url
        except OSError:
            pass
        time.sleep(0.2)
    stop_server(proc)
    raise RuntimeError(
        f"streamlit not healthy after {timeout:.0f} s:\n{Path(log_path).read_text()}"
    )


def stop_server(proc) -> None:
    """End the server's whole process group: politely, then firmly."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    log = getattr(proc, "_log", None)
    if log:
        log.close()


@contextlib.contextmanager
def running_server(log_path: Path, **kwargs):
    """`start_server` for a ``with`` block: yields ``(process, base_url)``, stops it after."""
    proc, url = start_server(log_path, **kwargs)
    try:
        yield proc, url
    finally:
        stop_server(proc)


def launch_browser(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


@contextlib.contextmanager
def browser_page(browser, **options):
    """A page in a new browser context (``options`` as for ``browser.new_context``: a
    viewport, a phone's User-Agent, a colour scheme), with the tests' timeout; the context
    closes after the ``with`` block."""
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


# --- waiting ---------------------------------------------------------------------------------

_SETTLED_JS = """() => {
  // No message from the server since the last check (one animation frame ago): a run that
  // has just started may not have reached the DOM yet (see COUNT_MESSAGES_JS).
  const seen = window.__npMessages || 0;
  const quiet = window.__npSeen === seen;
  window.__npSeen = seen;
  if (!quiet) return false;
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  if (document.querySelector(
      "[data-stale='true'], [data-testid='stSpinner'], [data-testid='stSkeleton']")) return false;
  // Plotly charts load lazily and draw after the script has finished: wait for them too.
  const charts = document.querySelectorAll("[data-testid='stPlotlyChart']");
  const plotted = Array.from(charts).every(el => {
    const gd = el.querySelector('.js-plotly-plot');
    return gd && gd._fullLayout && gd.querySelector('.main-svg');
  });
  // A live view has painted the run it was last sent.
  const hosts = document.querySelectorAll("[data-testid='stBidiComponentIsolated']");
  const painted = Array.from(hosts).every(host => {
    const v = host.shadowRoot && host.shadowRoot.querySelector("[data-testid='live-view']");
    return !v || (v.hasAttribute('data-frames') && !v.hasAttribute('data-pending'));
  });
  return plotted && painted;
}"""


def wait_for_app(page, timeout: float = TIMEOUT_MS) -> None:
    """Wait until the script has finished, nothing is stale or spinning, every Plotly chart
    on the page has been drawn and a live view has painted its latest run."""
    page.wait_for_selector(APP_IDLE, timeout=timeout)
    page.wait_for_function(_SETTLED_JS, timeout=timeout)


_ARM_JS = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  window.__npRan = false;
  window.__npMessagesAtArm = window.__npMessages || 0;
  if (window.__npObserver) window.__npObserver.disconnect();
  // A quick run can flip the state to running and back within one task, before the callback
  // reads the attribute: each record's oldValue still shows the state it left.
  window.__npObserver = new MutationObserver(records => {
    const states = [...records.map(r => r.oldValue), app.getAttribute('data-test-script-state')];
    if (states.some(s => s && s !== 'notRunning')) window.__npRan = true;
  });
  window.__npObserver.observe(app, {attributes: true, attributeOldValue: true,
                                    attributeFilter: ['data-test-script-state']});
}"""


@contextlib.contextmanager
def expect_rerun(page, timeout: float = TIMEOUT_MS):
    """Wrap an interaction that makes Streamlit rerun; on exit the rerun has finished.

    Streamlit only flips ``data-test-script-state`` once the server starts the run, so right
    after a click the app still looks idle. A MutationObserver armed before the interaction
    records that a run started; then we wait for the app to settle again.
    """
    page.evaluate(_ARM_JS)
    yield
    page.wait_for_function(RAN_JS, timeout=timeout)
    wait_for_app(page, timeout)


# A run so quick that React renders "running" and "notRunning" in one go never changes the
# script-state attribute; the server's messages of that run still arrive. Counted from the
# page's first script on (`goto` installs it), they are the event a rerun always leaves.
COUNT_MESSAGES_JS = """(() => {
  const Native = window.WebSocket;
  if (!Native || Native.__npCounted) return;
  class Counted extends Native {
    constructor(...args) {
      super(...args);
      const count = () => { window.__npMessages = (window.__npMessages || 0) + 1; };
      this.addEventListener("message", count);
    }
  }
  Counted.__npCounted = true;
  window.WebSocket = Counted;
})()"""
RAN_JS = """() => window.__npRan === true
  || (window.__npMessages || 0) > (window.__npMessagesAtArm || 0)"""
FIRST_ELEMENT = ".stMainBlockContainer [data-testid='stElementContainer']"


def goto(page, base_url: str, path: str = "", query: str = "") -> None:
    """Open a page of the app (``path`` is its url_path, empty for home) and wait for it."""
    url = f"{base_url.rstrip('/')}/{path.strip('/')}"
    if query:
        url += "?" + query.lstrip("?")
    if not getattr(page, "_np_counting", False):  # once per page: it runs on every load
        page.add_init_script(COUNT_MESSAGES_JS)
        page._np_counting = True
    page.goto(url, wait_until="domcontentloaded", timeout=TIMEOUT_MS)
    # Connected and idle is also the state just before the first run starts: wait for the
    # run's first element, so "idle" below means that run has finished.
    page.wait_for_selector(FIRST_ELEMENT, state="attached", timeout=TIMEOUT_MS)
    wait_for_app(page)


# --- what is on screen -----------------------------------------------------------------------

_PLOTS_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => {
  const len = v => (v == null ? 0 : (v.length ?? (v.bdata ? -1 : 0)));
  const fl = gd._fullLayout || {};
  const title = (gd.layout && gd.layout.title && (gd.layout.title.text ?? gd.layout.title)) || '';
  const sliders = (fl.sliders || []).map(s => ({active: s.active, steps: (s.steps || []).length}));
  const frames = (gd._transitionData && gd._transitionData._frames) || [];
  return {
    title: typeof title === 'string' ? title : '',
    traces: (gd._fullData || gd.data || []).map(t => ({
      type: t.type, name: t.name || '', visible: t.visible !== false,
      nx: len(t.x), ny: len(t.y), nz: len(t.z),
    })),
    sliders, frames: frames.length,
    width: gd.clientWidth, height: gd.clientHeight,
    surfaces: gd.querySelectorAll('canvas').length,
  };
})"""


def plots(page) -> list[dict]:
    """One summary per Plotly chart on the page: trace types and sizes, sliders, frames."""
    return page.evaluate(_PLOTS_JS)


def trace_types(page) -> set[str]:
    return {t["type"] for p in plots(page) for t in p["traces"]}


_FINGERPRINT_JS = """(sel) => {
  const gd = document.querySelector(sel || '.js-plotly-plot');
  if (!gd || !gd._fullData) return null;
  const num = v => {
    if (v == null || !(ArrayBuffer.isView(v) || Array.isArray(v))) return [];
    const arr = r => ArrayBuffer.isView(r) || Array.isArray(r);
    return Array.from(v).flatMap(r => (arr(r) ? Array.from(r) : [r]));
  };
  return gd._fullData.map(t => {
    const vals = [...num(t.x), ...num(t.y), ...num(t.z)].filter(Number.isFinite);
    let s = 0, s2 = 0;
    for (const v of vals) { s += v; s2 += v * v; }
    return [t.type, vals.length, +s.toPrecision(8), +s2.toPrecision(8)];
  });
}"""


def fingerprint(page, selector: str = PLOT):
    """A compact digest of the numbers a chart is drawing (changes when the picture does)."""
    return page.evaluate(_FINGERPRINT_JS, selector)


def horizontal_overflow(page) -> int:
    """How many CSS pixels the body scrolls sideways (0: no horizontal scrolling)."""
    return page.evaluate(
        "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"
    )


def nav_links(page) -> list[dict]:
    """The pages listed in the sidebar navigation: ``[{'text': ..., 'href': ...}]``."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll(
             "[data-testid='stSidebarNav'] a, [data-testid='stSidebarNavLink']"))
           .map(a => ({text: a.innerText.trim(), href: a.href}))
           .filter((v, i, all) => v.href && all.findIndex(o => o.href === v.href) === i)"""
    )


# --- driving the sidebar controls ------------------------------------------------------------


def sidebar(page):
    return page.get_by_test_id("stSidebar")


def slider_input(page, label: str):
    """The range input of a sidebar slider or select-slider, by its label."""
    return sidebar(page).locator(f"input[type='range'][aria-label='{label}']")


def slider_value(page, label: str) -> str:
    """What the slider shows (for a select-slider: the formatted option, e.g. ``0.5``)."""
    return slider_input(page, label).get_attribute("aria-valuetext")


def nudge_slider(page, label: str, key: str = "ArrowRight", times: int = 1) -> None:
    """Move a sidebar slider by ``times`` steps with the keyboard and wait for the rerun."""
    thumb = slider_input(page, label)
    with expect_rerun(page):
        thumb.focus()
        for _ in range(times):
            page.keyboard.press(key)


def choose(page, label: str, option: str, within=None) -> None:
    """Pick ``option`` in the selectbox or multiselect labelled ``label``; wait for the rerun.

    Typing filters the list and opens it reliably (a bare click sometimes does not).
    """
    box = (within or sidebar(page)).get_by_role("combobox", name=label, exact=True)
    box.click()
    box.press_sequentially(option[:1])
    with expect_rerun(page):
        page.get_by_role("option", name=option, exact=True).click()
    if box.get_attribute("aria-expanded") == "true":
        page.keyboard.press("Escape")


def combobox_text(page, label: str, within=None) -> str:
    """The option a selectbox shows."""
    return (within or sidebar(page)).get_by_role("combobox", name=label, exact=True).input_value()


def multiselect_tags(page, label: str) -> list[str]:
    """The chips of a multiselect, in order."""
    box = (
        sidebar(page)
        .get_by_test_id("stMultiSelect")
        .filter(has=page.get_by_role("combobox", name=label, exact=True))
    )
    return box.locator("[data-tag] [title]").all_inner_texts()


def metrics(page) -> dict[str, str]:
    """``st.metric`` label → value, as shown."""
    out = {}
    for m in page.get_by_test_id("stMetric").all():
        label = m.get_by_test_id("stMetricLabel").inner_text().strip()
        out[label] = m.get_by_test_id("stMetricValue").inner_text().strip()
    return out


def chart_title(page, selector: str = PLOT) -> str:
    """The title Plotly currently draws (it follows the animation frame)."""
    return page.locator(selector).first.locator(".gtitle").first.text_content() or ""


# The view's test hooks (live_view_js/testing.mjs), reached through the hub its script sets
# up in the page: ``HOOKS + ".probe(el, …)"`` in a function given the view's root element.
HOOKS = "globalThis.__neuronLiveView.test"
# The live view's root element as a JS expression for the page (inside its host's shadow
# root; the code's own host draws nothing), for waits on its data attributes.
VIEW_JS = (
    "Array.from(document.querySelectorAll('[data-testid=stBidiComponentIsolated]'))"
    ".map(h => h.shadowRoot && h.shadowRoot.querySelector('[data-testid=live-view]'))"
    ".find(Boolean)"
)
_LIVE_JS = """el => {
  const r = HOOKS.run(el);
  const cells = Array.from(el.querySelectorAll('.lv-cell'), c => [
    c.className.match(/lv-cell-(\\w+)/)[1], c.querySelector('.lv-value').textContent]);
  return {epoch: +el.dataset.epoch, epochs: +el.dataset.epochs,
          playing: el.dataset.playing === 'true', frames: +el.dataset.frames,
          run: el.dataset.run, axis: r.axis, classes: r.classes, class0: r.class0,
          class1: r.class1, numbers: Object.fromEntries(cells)};
}""".replace("HOOKS", HOOKS)


def live_view(page) -> dict:
    """What the live view shows now: its data attributes, the run's labels and numbers."""
    return page.locator(LIVE).evaluate(_LIVE_JS)


def animation_frames(page, n: int = 5) -> None:
    """Let the page paint ``n`` more animation frames (a wait for real frames, not a sleep)."""
    page.evaluate(
        """n => new Promise(done => { const f = () => (--n > 0 ? requestAnimationFrame(f) : done());
                                       requestAnimationFrame(f); })""",
        n,
    )


def exceptions(page) -> list[str]:
    return page.locator(EXCEPTION).all_inner_texts()


def swipe_up(page, x: float, y: float, steps: int = 10, step_px: float = 20) -> None:
    """A one-finger swipe up from page pixel (x, y), through the browser's real touch input
    pipeline (CDP ``Input.dispatchTouchEvent``; ``page.touchscreen`` only taps)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for k in range(1, steps + 1):
        point = {"x": x, "y": y - step_px * k}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
