"""Running app.py under Streamlit's AppTest as a live server runs it (tests and bench).

AppTest resets ``PagesManager.uses_pages_directory`` on every run, so each rerun would run
the current page file alone (Streamlit's legacy ``pages/`` mode). A live server leaves that
mode after the first ``st.navigation`` call; `ui.page.end_legacy_mode` is the one place that
switches it off, for the pages and for AppTest alike.
"""

from __future__ import annotations

import itertools

import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.pages_manager import PagesManager

from ui.page import end_legacy_mode


class NavigationPagesManager(PagesManager):
    """A PagesManager that knows the app uses ``st.navigation`` (as a live server does)."""

    def __init__(self, *args, **kwargs):
        end_legacy_mode()
        super().__init__(*args, **kwargs)


def use_navigation(monkeypatch=None) -> None:
    """Make AppTest build its sessions with `NavigationPagesManager`."""
    if monkeypatch is None:
        app_test_module.PagesManager = NavigationPagesManager
    else:
        monkeypatch.setattr(app_test_module, "PagesManager", NavigationPagesManager)


def send_trigger(at, event: str, value, key: str = "live_view"):
    """Run ``at`` as if the components-v2 element keyed ``key`` had called
    ``setTriggerValue(event, value)`` in the browser (its callback runs first, as live)."""
    import json

    from streamlit.components.v2.bidi_component.main import _make_trigger_id

    [el] = [e for e in at.get("bidi_component") if e.proto.id.endswith("-" + key)]
    states = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id = _make_trigger_id(el.proto.id, "events")
    state.json_trigger_value = json.dumps([{"event": event, "value": value}])
    return at._run(states)


def send_messages(at, view: str, ops: list[dict]):
    """Run ``at`` as if the live view named ``view`` had sent the messages it has not had
    confirmed, ``ops`` (each ``{"seq": n, "key": …, "value": …}``; `neuron_core.messages`)."""
    return send_trigger(at, "control", {"view": view, "ops": ops})


_views = itertools.count(1)


def send_control(at, key: str, value):
    """Run ``at`` as if a live view just made had sent one message ``{key, value}``."""
    return send_messages(at, f"view-{next(_views)}", [{"seq": 1, "key": key, "value": value}])


# The popovers whose content is built only while open (`ui.share.lazy_popover`): AppTest
# cannot click them open, so a test session starts with them open, as a learner who opened
# them sees them.
PANELS = ("share_open", "export_open")


def open_panels(at):
    """Open Share and Export in ``at`` (before or between runs); returns ``at``."""
    for key in PANELS:
        at.session_state[key] = True
    return at
