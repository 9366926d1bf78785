"""Fixtures for the real-browser tests: one Streamlit server and one Chromium per session.

- ``app_url``     base URL ("http://127.0.0.1:PORT") of ``streamlit run app.py`` (session)
- ``browser``     Playwright Chromium from ``/usr/bin/chromium`` (session)
- ``page``        a fresh 1400×900 context and page; console errors in ``page.console_errors``
- ``screenshots`` the folder every screenshot goes to (printed at the end of the run)
- ``snap``        ``snap(page, "name")`` saves ``<test>-<name>.png`` there

Every test in this folder is marked ``e2e``. Without ``/usr/bin/chromium`` they skip, except
in CI (``CI=true``) where a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest

from tests.e2e.helpers import (
    CHROMIUM,
    DESKTOP,
    TIMEOUT_MS,
    chromium_available,
    launch_browser,
    start_server,
    stop_server,
)

HERE = Path(__file__).resolve().parent
_SHOTS: dict[str, Path] = {}


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.e2e)


def pytest_terminal_summary(terminalreporter):
    if "dir" in _SHOTS:
        terminalreporter.write_sep("-", "browser screenshots")
        terminalreporter.write_line(f"screenshots of every scenario: {_SHOTS['dir']}")


def _require_chromium():
    if chromium_available():
        return
    message = f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)"
    if _in_ci():
        pytest.fail(message + " — required in CI", pytrace=False)
    pytest.skip(message)


def _slug(text: str) -> str:
    return re.sub(r"[^\w.-]+", "_", text).strip("_")


@pytest.fixture(scope="session")
def screenshots() -> Path:
    if "dir" not in _SHOTS:
        _SHOTS["dir"] = Path(tempfile.mkdtemp(prefix="neuron-e2e-shots-"))
    return _SHOTS["dir"]


@pytest.fixture
def snap(request, screenshots):
    """``snap(page, name, full_page=False)``: save a screenshot named after the test."""
    test = _slug(request.node.name)

    def save(page, name: str, full_page: bool = False) -> Path:
        path = screenshots / f"{test}-{_slug(name)}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return save


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    _require_chromium()  # no browser, no point starting the server
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    proc, url = start_server(log)
    try:
        yield url
    finally:
        stop_server(proc)


@pytest.fixture(scope="session")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = launch_browser(pw)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(TIMEOUT_MS)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    pg.console_errors = errors
    try:
        yield pg
    finally:
        context.close()
