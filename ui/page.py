"""How every page starts: inside app.py, even on a fresh server; then the current settings,
and (`page_run`) the run, once enough inputs are picked.

A folder named ``pages/`` beside ``app.py`` puts Streamlit 1.67 in its legacy multipage
mode for the *first* script run after the server starts: a link such as ``/landscape``
then runs ``pages/landscape.py`` on its own (no sidebar, no shared controls, every file
listed as a page). The first ``st.navigation`` call ends that mode for good. On Community
Cloud the first run after the app wakes up is often a student opening a teacher's link, so
a page that finds itself run that way ends the mode and reruns, and app.py takes over on
the same URL. The page URLs equal the file names, so the legacy mode always finds the page
and never shows "Page not found" first.
"""

from __future__ import annotations

import streamlit as st

import neuron_core as nc
from neuron_core.controls import Settings
from neuron_core.edits import data_problem
from ui.controls import current_data, current_run, current_settings
from ui.upload import stop_if_too_large

# What a page says when the sidebar holds fewer inputs than it needs.
PICK_ONE = "Pick at least one input in **Features** in the sidebar."


def end_legacy_mode() -> bool:
    """Switch Streamlit's legacy ``pages/`` mode off; True when it was on.

    AppTest sessions (tests, bench) switch it on for every run too, and use this to undo it.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a future Streamlit without the legacy mode
        return False
    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        return True
    return False


def start_page() -> Settings:
    """The first line of every page: rerun through app.py if the legacy mode ran this page
    alone, else return the settings the sidebar holds."""
    if end_legacy_mode():
        st.rerun()
    return current_settings()


def require_features(s: Settings, at_least: int = 1, why: str = PICK_ONE) -> None:
    """Stop the page, saying ``why``, while fewer than ``at_least`` inputs are picked."""
    if len(s.features) < at_least:
        st.warning(why, icon=":material/extension:")
        st.stop()


def require_data(s: Settings) -> None:
    """Stop the page, saying why, while the data cannot train a neuron (a drawn map with
    fewer than two points, or one class only)."""
    problem = data_problem(current_data(s))
    if problem:
        st.warning(problem + " (on the Playground's map)", icon=":material/scatter_plot:")
        st.stop()


def page_run(s: Settings, at_least: int = 1, why: str = PICK_ONE) -> nc.Run:
    """The run a page explains: enough inputs picked (`require_features`), then the shared
    run, stopping with the reason when its inputs are too large for gradient descent."""
    require_features(s, at_least, why)
    require_data(s)
    run = current_run(s)
    stop_if_too_large(run.prepared, s.l2)
    return run
