"""Lesson presets in the app: loading one into every control, the picker, which one is
loaded (its note is the stage's, `ui.stage`; the cards' pictures are cached in `ui.cache`).

Presets are applied in a button or selectbox callback, which runs before the sidebar
draws its widgets, so the widgets (and, written after them, the URL) show the preset at once.
"""

from __future__ import annotations

from dataclasses import asdict

import streamlit as st

from neuron_core.lessons import BY_KEY, PRESETS, Preset
from ui.controls import Settings, current_settings
from ui.edits import take_edits_off

_CLEARED = "_preset_cleared"  # a preset just took the map's placed points off
# What the toast says, by whether the preset keeps the data the points were placed on (then
# Undo has them; on other data the browser's Back returns to the link that holds them).
CLEARED = {
    True: "The lesson starts from its own data: your placed points are off the map. "
    "Undo on the map (or the browser's Back button) brings them back.",
    False: "The lesson starts from its own data: your placed points are off the map. "
    "The browser's Back button brings them back.",
}


def apply_preset(key: str) -> None:
    """Set every shared control to the preset's value (call from a widget callback).

    A preset starts from its own data: points placed on the map are taken off (kept for
    Undo, and in the link Back returns to), and `preset_picker` says so once.
    """
    for name, value in BY_KEY[key].settings().items():
        st.session_state[name] = list(value) if name == "features" else value
    same_data = take_edits_off(current_settings())
    if same_data is not None:
        st.session_state[_CLEARED] = CLEARED[same_data]


def _pick_changed() -> None:
    key = st.session_state.get("preset_pick")
    if key:
        apply_preset(key)
    st.session_state.preset_pick = None  # a picker, not a state: ready for the next lesson


def settings_values(s: Settings) -> dict:
    """Settings as control key → value, the way presets and links hold them."""
    return asdict(s)


def matching_preset(s: Settings) -> Preset | None:
    """The preset whose every control equals the current settings, if any."""
    now = settings_values(s)
    for p in PRESETS:
        want = p.settings()
        if all(_same(now[k], want[k]) for k in want if _matters(k, want)):
            return p
    return None


def _matters(key: str, want: dict) -> bool:
    """Whether a preset's value for ``key`` decides the run (a seed or start it does not
    use does not)."""
    if key == "init_seed":
        return want["init"] == "random"
    if key == "start":
        return want["init"] == "chosen"
    return True


def _same(a, b) -> bool:
    if isinstance(b, float) or isinstance(a, float):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))
    if isinstance(b, tuple | list):
        return tuple(a) == tuple(b)
    return a == b


def preset_picker(container=st) -> None:
    """A compact selectbox that loads a lesson preset into every control (and, once, the
    word that a preset took the map's placed points off)."""
    said = st.session_state.pop(_CLEARED, None)
    if said:
        st.toast(said, icon=":material/undo:")
    container.selectbox(
        "Lesson preset",
        [p.key for p in PRESETS],
        index=None,
        key="preset_pick",
        format_func=lambda k: BY_KEY[k].title,  # options show text only, not icons
        placeholder="Load a lesson preset…",
        on_change=_pick_changed,
        label_visibility="collapsed",
        help="Sets every control to a scenario from the Lesson presets page.",
    )
