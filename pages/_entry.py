"""Make sure a page always runs inside app.py, even on a fresh server.

A folder named ``pages/`` beside ``app.py`` puts Streamlit 1.67 in its legacy multipage
mode for the *first* script run after the server starts: a link such as ``/landscape``
then runs ``pages/landscape.py`` on its own (no sidebar, no shared controls, every file
listed as a page). The first ``st.navigation`` call ends that mode for good. On Community
Cloud the first run after the app wakes up is often a student opening a teacher's link, so
a page that finds itself run that way ends the mode and reruns, and app.py takes over on
the same URL. The page URLs equal the file names, so the legacy mode always finds the page
and never shows "Page not found" first.
"""

import streamlit as st


def run_inside_app() -> None:
    """Rerun through app.py if Streamlit's legacy pages/ mode ran this page alone."""
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a future Streamlit without the legacy mode
        return
    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        st.rerun()
