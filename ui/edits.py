"""The session's hand-placed points: which edits apply to the data now, and Undo.

Session state holds the edits (``edits``: placed points and removed indices, plain lists),
the data they were made on (``_edits_base``: a new dataset, seed or file starts afresh) and
the earlier edit lists for Undo. `neuron_core.edits` applies them and checks every change.
"""

from __future__ import annotations

import streamlit as st

from neuron_core.edits import EDIT_HELP, EMPTY, no_edits

UNDO_DEPTH = 100  # edits Undo can take back
FROM_LINK = "link"  # `_edits_base` of edits a link brought: they belong to the link's data


def base_key(s) -> tuple:
    """What names the data the edits apply to: the source and its generator's settings
    (an upload: the file, see `ui.controls.data_key`)."""
    up = st.session_state.get("upload")
    if s.source == "Upload CSV" and up:
        return (s.source, up["name"], len(up["raw"]), hash(up["raw"]))
    if s.source == "Draw":
        return (s.source,)
    return (s.source, s.dataset, s.points, s.noise, s.seed)


def current_edits(s) -> dict:
    """The edits that apply to the data ``s`` names (none if they were made on other data)."""
    ss = st.session_state
    if ss.get("_edits_base") in (base_key(s), FROM_LINK):
        return ss.get("edits") or EMPTY
    return EMPTY


def keep_edits(s) -> None:
    """Once per rerun, after the sidebar: edits a link brought belong to the data it opened
    with; edits made on other data (a new dataset, seed or source) are dropped."""
    ss = st.session_state
    key = base_key(s)
    if ss.get("_edits_base") == FROM_LINK:
        ss["_edits_base"] = key
    elif ss.get("_edits_base") != key:
        ss["edits"] = {"added": [], "removed": []}
        ss["_edits_undo"] = []
        ss["_edits_base"] = key


def set_edits(new: dict) -> None:
    """Make ``new`` the edits, keeping the old ones for Undo."""
    ss = st.session_state
    undo = ss.setdefault("_edits_undo", [])
    undo.append(ss.get("edits") or {"added": [], "removed": []})
    del undo[:-UNDO_DEPTH]
    ss["edits"] = new


def take_edits_off(s) -> bool | None:
    """Take every placed point off the map (kept for Undo). Returns whether they were made
    on the data ``s`` names (then Undo brings them back there), None if there were none."""
    ss = st.session_state
    if no_edits(ss.get("edits")) or ss.get("_edits_base") is None:
        return None
    same_data = ss["_edits_base"] == base_key(s)
    set_edits(dict(EMPTY))
    return same_data


def undo_edit() -> None:
    """Take the last edit back (nothing to undo: nothing changes)."""
    ss = st.session_state
    undo = ss.get("_edits_undo") or []
    if undo:
        ss["edits"] = undo.pop()


def from_link(edits: dict) -> None:
    """The edits a link carries, for the data the link names."""
    ss = st.session_state
    ss["edits"] = edits
    ss["_edits_undo"] = []
    ss["_edits_base"] = FROM_LINK


def edit_meta(s, data) -> dict:
    """What the view's editor needs: the class names, what Undo can do, and the counts."""
    ss = st.session_state
    edits = current_edits(s)
    return {
        "help": EDIT_HELP,
        "placed": data.placed,
        "removed": len(edits.get("removed", ())),
        "can_undo": bool(ss.get("_edits_undo")),
        "can_clear": not no_edits(edits),
    }
