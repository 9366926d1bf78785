"""The Streamlit side of links: read the URL on arrival, keep it in step, show the notice.

The widgets are not bound to the URL (``bind="query-params"`` parses values its own way).
Instead `arrive` reads the URL with `neuron_core.links.read_link` into session state before
any widget is drawn, so the notice and the page always agree, and `sync_url` writes the URL
from what the page shows after each run (short spellings, defaults left out), so the
address bar is always a link that reproduces the page.
"""

from __future__ import annotations

from dataclasses import asdict

import streamlit as st

from neuron_core.controls import BY_KEY, CONTROLS
from neuron_core.links import link_pairs, notice, read_link
from neuron_core.markdown_safe import inert
from ui.edits import EMPTY, current_edits, from_link

_PENDING = "_link_local"  # page-local values from the link, until the page takes them
_DEFAULTS = "_local_defaults"  # the defaults a page worked out from its data


def _history_navigation() -> bool:
    """Whether this run comes from the browser's Back or Forward button."""
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx
    except ImportError:  # pragma: no cover - a future Streamlit without it
        return False
    ctx = get_script_run_ctx()
    return bool(getattr(ctx, "is_history_navigation", False))


def _requested_page() -> str | None:
    """The last path segment of the address the browser asked for, if known."""
    url = getattr(st.context, "url", None) or ""
    path = url.split("?", 1)[0].split("://", 1)[-1]
    return path.split("/", 1)[1].rstrip("/") if "/" in path else None


def arrive(page_path: str, known_paths=(), home: str = "the home page") -> None:
    """On a session's first run (and on Back/Forward) read the link into session state.

    Run controls the link names get its value; on Back/Forward the rest go back to their
    default (the URL holds only values that differ from it). Page-local values wait in
    session state for the page (see `page_default`). Notes go to ``link_notes``.
    """
    ss = st.session_state
    if "link_notes" in ss and not _history_navigation():
        return
    first = "link_notes" not in ss
    query = {k: st.query_params.get_all(k) for k in st.query_params}
    reading = read_link(query, page_path)
    for c in CONTROLS:
        if c.key in reading.values:
            value = reading.values[c.key]
            ss[c.key] = list(value) if c.kind == "multiselect" else value
        elif c.part in ("run", "view") and not first:
            ss[c.key] = list(c.default) if c.kind == "multiselect" else c.default
    if "edits" in reading.values:
        from_link(reading.values["edits"])
    elif not first:
        from_link(EMPTY)
    ss[_PENDING] = {
        k: v for k, v in reading.values.items() if k in BY_KEY and BY_KEY[k].part == page_path
    }
    notes = list(reading.notes)
    asked = _requested_page()
    if first and asked and known_paths and asked.rsplit("/", 1)[-1] not in known_paths:
        notes.append(f"There is no page {inert('/' + asked)} in this app; this is {home}.")
    ss.link_notes = notes
    ss._notes_for = None  # the URL the notes describe, set by the first `sync_url`


def page_default(key: str, default):
    """The value a page-local control starts at: the link's, once, if the link that opened
    the page carried one, else ``default`` (remembered, so links leave it out)."""
    ss = st.session_state
    ss.setdefault(_DEFAULTS, {})[key] = default
    return ss.get(_PENDING, {}).pop(key, default)


def link_values(settings, page_path: str) -> dict:
    """Every value a link to this page carries: the settings, presenter mode and the
    page's own choices as session state holds them now."""
    ss = st.session_state
    out = {**asdict(settings), "presenter": bool(ss.get("presenter", False))}
    out["edits"] = current_edits(settings)
    pending = ss.get(_PENDING, {})
    for c in CONTROLS:
        if c.part == page_path and page_path:
            value = ss.get(c.key, pending.get(c.key))
            if value is not None:
                out[c.key] = value
    return out


def local_defaults() -> dict:
    """The defaults pages worked out from their data (presets, the example)."""
    return dict(st.session_state.get(_DEFAULTS, {}))


def sync_url(settings, page_path: str) -> None:
    """Write the URL from what the page shows, if it says anything else."""
    pairs = link_pairs(link_values(settings, page_path), page_path, local_defaults())
    want: dict[str, list[str]] = {}
    for k, v in pairs:
        want.setdefault(k, []).append(v)
    # The notes describe the page as the link opened it: once a control moves, they go.
    ss = st.session_state
    if ss.get("_notes_for") is None:
        ss._notes_for = want
    elif ss._notes_for != want:
        ss.link_notes = []
    now = {k: st.query_params.get_all(k) for k in st.query_params}
    if now != want:
        st.query_params.from_dict({k: v[0] if len(v) == 1 else v for k, v in want.items()})


def link_notice() -> None:
    """One notice for everything the link that opened the page had wrong."""
    notes = st.session_state.get("link_notes")
    if notes:
        st.warning(notice(notes), icon=":material/link_off:")


__all__ = ["arrive", "link_notice", "link_values", "local_defaults", "page_default", "sync_url"]
