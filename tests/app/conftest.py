"""Shared AppTest fixtures for every page's tests.

- ``app``: a fresh ``AppTest`` session of app.py after its first run (the Playground).
- ``make_app(query=None)``: the same as a factory, optionally opened from a link's query.
- ``ui``: small readers of a run: ``ui.texts(at)``, ``ui.metrics(at)``, ``ui.chart(at)``,
  ``ui.live(at)`` (the Playground's live-view payload),
  ``ui.assert_clean(at)``, and ``ui.go_to(at, "pages/x.py")`` to switch page and run.

(Fixtures rather than ``from conftest import …``: several test folders have a conftest.)

AppTest quirk handled here (autouse): AppTest switches Streamlit's legacy ``pages/`` mode back
on before every run; `tests.apptest` switches it off as a live server does (see there).
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import open_panels, use_navigation

APP = Path(__file__).resolve().parents[2] / "app.py"
TIMEOUT = 60  # seconds per run: generous, the machine is small and shared


@pytest.fixture(scope="session", autouse=True)
def _navigation_app():
    with pytest.MonkeyPatch.context() as mp:
        use_navigation(mp)
        yield


def new_app(query: dict | None = None) -> AppTest:
    """A fresh session of app.py, run once; ``query`` is the link's query parameters."""
    at = open_panels(AppTest.from_file(str(APP), default_timeout=TIMEOUT))
    if query:
        at.query_params.update(query)
    return at.run()


@pytest.fixture
def app() -> AppTest:
    """A fresh app session after its first run (the Playground)."""
    return new_app()


@pytest.fixture
def make_app():
    """Factory: ``make_app(query=None)`` -> a fresh session run once."""
    return new_app


def go_to(at: AppTest, page: str) -> AppTest:
    """Switch to ``page`` (a path like ``"pages/landscape.py"``) and run."""
    return at.switch_page(page).run()


def texts(at: AppTest) -> list[str]:
    """Every piece of text the run put on screen (titles, notices, metrics, equations…)."""
    out = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "latex"):
        out += [str(e.value) for e in at.get(kind)]
    for kind in ("error", "warning", "info", "success", "exception"):
        out += [str(e.value) for e in at.get(kind)]
    out += [f"{m.label}: {m.value}" for m in at.metric]
    out += [e.label for e in at.expander]
    return out


def metrics(at: AppTest) -> dict[str, str]:
    """Metric label -> shown value."""
    return {m.label: m.value for m in at.metric}


def chart(at: AppTest, index: int = 0) -> dict:
    """The Plotly figure as sent to the browser: data, layout and frames."""
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def live(at: AppTest, index: int = 0) -> dict:
    """The live view's payload as sent to the browser: ``meta`` plus each named array."""
    import pyarrow as pa

    proto = at.get("bidi_component")[index].proto
    data = json.loads(proto.mixed.json)
    packs = {}
    for name in ("f32", "f64"):
        ref = data[name]["__streamlit_arrow_ref__"]
        table = pa.ipc.open_stream(proto.mixed.arrow_blobs[ref].data).read_all()
        packs[name] = table.column(0).to_numpy()
    out = {"meta": data["meta"]}
    for field, (pack, offset, size) in data["meta"]["fields"].items():
        out[field] = packs[pack][offset : offset + size]
    return out


def stage_note(at: AppTest) -> tuple[str, str]:
    """The Playground's one note above the view: (its icon, its line and its whole text)."""
    [note] = at.main.expander  # the page's only expander; popovers are not expanders
    return note.proto.icon, " ".join([note.label, *(m.value for m in note.markdown)])


def assert_clean(at: AppTest) -> None:
    """No exception and no traceback reached the page."""
    assert not at.exception, [e.value for e in at.exception]
    assert not any("Traceback" in t for t in texts(at))


@pytest.fixture(scope="session")
def ui() -> SimpleNamespace:
    """Readers of what a run shows, and page switching."""
    return SimpleNamespace(
        new_app=new_app,
        go_to=go_to,
        texts=texts,
        metrics=metrics,
        chart=chart,
        live=live,
        stage_note=stage_note,
        assert_clean=assert_clean,
    )
