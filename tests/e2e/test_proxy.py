"""A school's setup in a real browser: two replicas behind deploy/launch.py's HAProxy.

Each browser is pinned to one replica by the proxy's cookie (SRV), so its websocket, its
upload and its download all reach the process that holds its session. When a replica dies
its learners' pages reconnect to the live one and show the app again (the link in the
address bar restores their settings), and new learners only go to the live replica. Real
processes on loopback only; every wait is for a real event (the launcher's state file,
the connection state, the script state), never a fixed sleep.

Without HAProxy this file skips, except in CI (CI=true) where that is a failure.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request

import numpy as np
import pytest
from playwright.sync_api import expect

import neuron_core as nc
from neuron_core.controls import BY_KEY
from neuron_core.number_format import setting
from tests.e2e.helpers import (
    DESKTOP,
    LIVE,
    ROOT,
    TIMEOUT_MS,
    exceptions,
    expect_rerun,
    free_port,
    goto,
    live_view,
    nudge_slider,
    sidebar,
    slider_value,
    wait_for_app,
)

ALPHA = BY_KEY["alpha"].label
COOKIE = "SRV"  # deploy/haproxy.cfg
START_SECONDS = 180  # two cold replicas on a busy 2-core machine


def _haproxy() -> str:
    found = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/usr/local/sbin")
    if found:
        return found
    message = "haproxy not found: install Debian's haproxy (apt-get install haproxy)"
    if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes"):
        pytest.fail(message + " — required in CI", pytrace=False)
    pytest.skip(message)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as f:  # a zombie has exited but not been reaped yet
        return f.read().rsplit(")", 1)[1].split()[0] != "Z"


@pytest.fixture
def school(tmp_path, browser):
    """``python deploy/launch.py --replicas 2``; yields the launcher and its state file's
    contents once every replica and the proxy answer."""
    _haproxy()
    state_file = tmp_path / "state.json"
    log = open(tmp_path / "launcher.log", "wb")  # noqa: SIM115 - closed below
    cmd = [sys.executable, "deploy/launch.py", "--replicas", "2", "--port", str(free_port())]
    cmd += ["--state", str(state_file), "--logs", str(tmp_path / "logs")]
    launcher = subprocess.Popen(
        cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        deadline = time.monotonic() + START_SECONDS
        while not state_file.exists():  # the launcher writes it once everything answers
            assert launcher.poll() is None, (tmp_path / "launcher.log").read_text()
            assert time.monotonic() < deadline, "the launcher did not come up"
            time.sleep(0.2)
        yield launcher, json.loads(state_file.read_text())
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(launcher.pid, signal.SIGTERM)
        launcher.wait(timeout=30)
        log.close()


def _session(browser):
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.uncaught = []
    page.on("pageerror", lambda exc: page.uncaught.append(str(exc)))
    return page


def _replica(page) -> str:
    """The replica the proxy pinned this browser to, as its sticky cookie says."""
    return {c["name"]: c["value"] for c in page.context.cookies()}[COOKIE]


def _csv_file(tmp_path, name: str, seed: int):
    rng = np.random.default_rng(seed)
    y = np.repeat([0, 1], 15)
    height = np.round(160 + 12 * y + rng.normal(0, 4, 30), 1)
    weight = np.round(55 + 10 * y + rng.normal(0, 5, 30), 1)
    rows = "".join(f"{h},{w},{c}\n" for h, w, c in zip(height, weight, y, strict=True))
    path = tmp_path / name
    path.write_text("height,weight,label\n" + rows)
    return path


def _change_alpha(page) -> str:
    before, run = slider_value(page, ALPHA), live_view(page)["run"]
    nudge_slider(page, ALPHA)
    expect(page.locator(LIVE)).not_to_have_attribute("data-run", run)
    wait_for_app(page)
    assert slider_value(page, ALPHA) != before
    return slider_value(page, ALPHA)


_SHOWS_HEIGHT_JS = """() => [
  ...document.querySelectorAll("[data-testid='stBidiComponentIsolated']")].some(host => {
    const v = host.shadowRoot && host.shadowRoot.querySelector("[data-testid='live-view']");
    return !!(v && globalThis.__neuronLiveView.test.run(v).axis[0] === 'height');
  })"""


def _upload(page, path) -> None:
    """Upload ``path`` (the request that needs stickiness); return once the live view draws
    the file's columns."""
    with expect_rerun(page):
        sidebar(page).get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    page.wait_for_function(_SHOWS_HEIGHT_JS, timeout=TIMEOUT_MS)
    wait_for_app(page)


def _export_data(page) -> nc.Dataset:
    """Export → Dataset (CSV), downloaded and read back."""
    popover = page.locator("[data-testid='stPopover']").filter(has_text="Export")
    popover.locator("button").first.click()
    body = page.locator("[data-testid='stPopoverBody']")
    with page.expect_download() as info:
        body.get_by_role("button", name="Dataset (CSV)").click()
    with open(info.value.path(), "rb") as f:
        data = nc.load_csv(f.read())
    page.keyboard.press("Escape")
    return data


_ARM_RECONNECT_JS = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  window.__npLeft = false;
  window.__npConn = new MutationObserver(() => {
    if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') window.__npLeft = true;
  });
  window.__npConn.observe(app, {attributes: true,
                                attributeFilter: ['data-test-connection-state']});
}"""


def test_two_replicas_behind_the_proxy_keep_each_learner_on_one_and_survive_losing_one(
    school, browser, tmp_path, snap
):
    launcher, state = school
    url, pids = state["url"], {r["name"]: r["pid"] for r in state["replicas"]}
    a, b = _session(browser), _session(browser)
    goto(a, url, query="source=Upload+CSV")
    goto(b, url, query="source=Upload+CSV")
    assert {_replica(a), _replica(b)} == set(pids)  # one learner on each replica

    files = {a: _csv_file(tmp_path, "class-a.csv", 1), b: _csv_file(tmp_path, "class-b.csv", 2)}
    alphas = {}
    for page in (a, b):
        alphas[page] = _change_alpha(page)
        _upload(page, files[page])
        exported = _export_data(page)  # the download reaches the session's replica too
        sent = nc.load_csv(files[page].read_bytes())
        assert sorted(map(tuple, exported.X)) == sorted(map(tuple, sent.X))
        assert exceptions(page) == []
    snap(a, "before-failover")

    # The replica holding learner a dies (as a crash or an out-of-memory kill would).
    lost, live = _replica(a), _replica(b)
    a.evaluate(_ARM_RECONNECT_JS)
    os.killpg(pids[lost], signal.SIGKILL)
    a.wait_for_function("() => window.__npLeft === true", timeout=TIMEOUT_MS)
    a.wait_for_selector(
        "[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=TIMEOUT_MS
    )
    assert _replica(a) == live  # the proxy moved the browser to the live replica
    assert exceptions(a) == []  # the page stays as it was, no error
    # A fresh session there: Streamlit reruns a page that has fragments (the Playground's
    # stage) when it reconnects, and the link in the address bar brings the settings back;
    # the learner's next move of α then goes on from the link's α (one step above it), as it
    # would on any replica. An upload is gone with its replica's memory and is uploaded again.
    nudge_slider(a, ALPHA)
    a.wait_for_selector(LIVE)
    assert exceptions(a) == [] and a.uncaught == []
    options = [setting(v) for v in BY_KEY["alpha"].options]  # as the slider shows them
    assert slider_value(a, ALPHA) == options[options.index(alphas[a]) + 1]
    a.wait_for_function(f"() => location.search.includes('alpha={slider_value(a, ALPHA)}')")
    snap(a, "after-failover")

    # Nothing else broke: a uploads, downloads and moves α on its new replica; b never noticed.
    # (The uploader still shows the old file's name; choosing a file replaces it.)
    again = _csv_file(tmp_path, "class-a-again.csv", 3)
    _upload(a, again)
    exported = _export_data(a)
    assert sorted(map(tuple, exported.X)) == sorted(map(tuple, nc.load_csv(again.read_bytes()).X))
    _change_alpha(a)
    _change_alpha(b)
    assert live_view(b)["axis"] == ["height", "weight"]  # b's upload is still there
    assert exceptions(a) == [] and exceptions(b) == []

    # New learners only go to the live replica.
    for _ in range(4):
        with urllib.request.urlopen(url + "/", timeout=30) as r:
            assert f"{COOKIE}={live}" in r.headers.get("Set-Cookie", "")
    c = _session(browser)
    goto(c, url)
    assert _replica(c) == live
    assert exceptions(c) == []

    # SIGTERM stops everything the launcher started.
    os.killpg(launcher.pid, signal.SIGTERM)
    assert launcher.wait(timeout=30) == 0
    assert not any(_alive(pid) for pid in (state["haproxy_pid"], *pids.values()))
