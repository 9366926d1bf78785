"""Node for the tests that run JavaScript without a browser (tests/js, the bundler's tests).

Node is a Debian package (``nodejs``); ``node --test`` needs no npm package. Without it
these tests skip, except in CI (``CI=true``) where a missing node is a failure, as a missing
Chromium is for tests/e2e.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

NODE = shutil.which("node")
OLDEST = 18  # node:test and `node --test DIR` (Ubuntu 22.04's nodejs is 12: too old)


def _major(node: str) -> int:
    out = subprocess.run([node, "--version"], capture_output=True, text=True, check=False)
    return int(out.stdout.strip().lstrip("v").split(".")[0] or 0)


def require_node() -> str:
    """The path of node, or skip (fail in CI) when there is none or it is too old."""
    if NODE and _major(NODE) >= OLDEST:
        return NODE
    message = f"node {OLDEST} or newer not found: install Debian's nodejs (apt-get install nodejs)"
    if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes"):
        pytest.fail(message + " — required in CI", pytrace=False)
    pytest.skip(message)


def run_node(*args: str, cwd=None, timeout: float = 120) -> subprocess.CompletedProcess:
    """``node *args``, its output captured as text (never raises on a non-zero exit)."""
    return subprocess.run(
        [require_node(), *args], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )
