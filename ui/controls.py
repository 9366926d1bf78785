"""The sidebar controls every page shares, drawn from the controls table, and the cached run.

`app.py` calls `sidebar()` once per rerun, before the page runs; pages then call
`current_run()`. Session state holds only plain values (widget values, upload bytes). The
URL is not bound to the widgets: `ui.links` reads a link once, on arrival, into session
state, and writes the URL from the settings after every run, so one reader decides.
"""

from __future__ import annotations

from contextvars import ContextVar
from functools import lru_cache

import streamlit as st

import neuron_core as nc
from neuron_core.controls import (
    ALPHAS,
    BY_KEY,
    DATASET_LABELS,
    FEATURE_LABELS,
    RUN_KEYS,
    Settings,
    defaults,
    settings_from,
)
from neuron_core.edits import apply_edits, empty_dataset, no_edits
from neuron_core.number_format import setting
from neuron_core.stage import STAGE_KEYS
from ui.cache import generated_dataset, trained_run, uploaded_dataset
from ui.edits import current_edits, keep_edits
from ui.start import start_controls
from ui.upload import upload_controls

__all__ = [
    "ALPHAS",
    "DATASET_LABELS",
    "DEFAULTS",
    "FEATURE_LABELS",
    "Settings",
    "current_data",
    "current_run",
    "current_settings",
    "current_theme",
    "presenting",
    "sidebar",
    "sidebar_stale",
    "stage_sidebar_controls",
]

DEFAULTS = defaults()


@lru_cache(maxsize=1024, typed=True)  # typed: 1 and 1.0 print differently
def _shown(value) -> str:
    """A widget's option as the page writes it: numbers through the one formatter (once
    per value: the α and epochs sliders format ~200 options on every rerun)."""
    return setting(value) if isinstance(value, float) else str(value)


# While `sidebar(stage=True)` draws: the slots kept for the stage's controls (key → the
# slot and the widget's extra arguments), filled by `stage_sidebar_controls`.
_slots: ContextVar[dict | None] = ContextVar("stage_slots", default=None)
_SLOTS = "_stage_slots"  # session state: this session's slots, from its last full run
_DRAWN = "_sidebar_drawn"  # session state: what the last full run drew outside the stage


def hold_values(keys) -> None:
    """Keep the values of widgets a run may not draw: Streamlit drops a widget's value
    after a run that did not draw it, but not a plain session-state value."""
    ss = st.session_state
    for key in keys:
        if key in ss:
            ss[key] = ss[key]


def control(container, key: str, **extra):
    """Draw the table's widget for ``key`` in ``container`` and return its value.

    The value lives in session state under ``key`` (set to the default on first use), so no
    widget is ever given a second default that could disagree with the table. Inside
    `sidebar(stage=True)` a stage control gets an empty slot instead (see there).
    """
    c = BY_KEY[key]
    if key not in st.session_state:
        st.session_state[key] = list(c.default) if c.kind == "multiselect" else c.default
    slots = _slots.get()
    if slots is not None and key in STAGE_KEYS:
        slots[key] = (container.container(), extra)
        return st.session_state[key]
    fmt = extra.pop("format_func", None) or (c.labels.get if c.labels else _shown)
    common = dict(key=key, help=c.help or None, **extra)
    match c.kind:
        case "select":
            return container.selectbox(c.label, c.options, format_func=fmt, **common)
        case "radio":
            return container.radio(c.label, c.options, format_func=fmt, horizontal=True, **common)
        case "segmented":
            return container.segmented_control(c.label, c.options, **common)
        case "multiselect":
            return container.multiselect(c.label, c.options, format_func=fmt, **common)
        case "steps":
            return container.select_slider(c.label, c.options, format_func=fmt, **common)
        case "toggle":
            return container.toggle(c.label, **common)
        case "slider":
            lo, hi, step = c.span
            return container.slider(c.label, lo, hi, step=step, **common)
        case "number":
            lo, hi, step = c.span
            return container.number_input(c.label, lo, hi, step=step, **common)
    raise ValueError(f"unknown control kind {c.kind!r}")


def _new_sample():
    lo, hi, _ = BY_KEY["seed"].span  # past the last seed, back to the first
    st.session_state.seed = lo + (st.session_state.get("seed", lo) + 1 - lo) % (hi - lo + 1)


def sidebar(stage: bool = False) -> Settings:
    """Draw the shared controls in the sidebar and return their values.

    In presenter mode only α and epochs stay in view; every other control moves into a
    collapsed expander. They are still drawn there, so their values survive (Streamlit
    forgets a widget's state in a run that does not draw it).

    ``stage``: the page draws the controls its live view also sets (α, epochs, λ, the
    inputs) from its own `st.fragment`, so a change of one, there or here, reruns only that
    fragment; the sidebar keeps an empty slot where each goes, which
    `stage_sidebar_controls` fills on every run of the fragment (a fragment may draw into
    a container made outside it).
    """
    ss = st.session_state
    hold_values(STAGE_KEYS)  # the stage's fragment does not run off the Playground
    ss[_SLOTS] = {} if stage else None
    token = _slots.set(ss[_SLOTS])
    try:
        _sidebar_controls()
    finally:
        _slots.reset(token)
    s = current_settings()
    keep_edits(s)
    ss[_DRAWN] = _outside()
    return s


def _outside():
    """What the sidebar draws outside the stage's fragment that the stage can change: the
    start (the view's "Train from here", the start line's "Start from zero again") and,
    for a chosen start, its inputs (one number per input)."""
    ss = st.session_state
    chosen = ss.get("init") == "chosen"
    return ss.get("init"), repr(ss.get("start")), tuple(ss.get("features", ())) if chosen else None


def sidebar_stale() -> bool:
    """Whether the stage changed something the sidebar drew outside its fragment since the
    last whole run (then the page reruns whole, so the sidebar shows it and keeps it)."""
    return st.session_state.get(_DRAWN) != _outside()


def stage_sidebar_controls() -> None:
    """Draw the stage's controls into the slots `sidebar(stage=True)` kept: first thing
    in the page's fragment, so the sidebar follows a change made on the view."""
    for key, (slot, extra) in (st.session_state.get(_SLOTS) or {}).items():
        control(slot, key, **extra)


def _sidebar_controls() -> None:
    sb = st.sidebar
    control(sb, "presenter")
    if presenting():
        _training_controls(sb)
        more = sb.expander("All controls: data, features, L2, start")
        _data_controls(more)
        _feature_controls(more)
        _regularisation_controls(more)
    else:
        _data_controls(sb)
        _feature_controls(sb)
        sb.header("Training")
        _training_controls(sb)
        _regularisation_controls(sb)


def _data_controls(sb):
    sb.header("Data")
    source = control(sb, "source") or DEFAULTS["source"]
    if source == "Generate":
        control(sb, "dataset")
        control(sb, "points")
        control(sb, "noise")
        c1, c2 = sb.columns([3, 2], vertical_alignment="bottom")
        control(c1, "seed")
        c2.button(
            "New",
            icon=":material/casino:",
            on_click=_new_sample,
            help="Draw a fresh set of points (a new seed).",
            key="new_sample",
            width="stretch",
        )
    elif source == "Draw":
        sb.caption(
            "Click on the Playground's map to place points: shift-click for the other "
            "class, click a point to remove it."
        )
    else:
        upload_controls(sb)
    control(sb, "test")


def _feature_controls(sb):
    sb.header("Features")
    # After an upload the chips use the file's column names, as the axes do.
    up = st.session_state.get("upload")
    names = nc.PLAIN_INPUTS
    if (st.session_state.get("source") or DEFAULTS["source"]) == "Upload CSV" and up:
        names = tuple(uploaded_dataset(up["raw"], up["columns"], up["positive"]).feature_names)
    # Streamlit's multiselect keeps its value as the chips' texts: new column names would
    # match none of them and empty the choice, so the choice is set again when names change.
    ss = st.session_state
    if ss.get("_feature_names", names) != names and "_features_kept" in ss:
        ss["features"] = list(ss["_features_kept"])
    ss["_feature_names"] = names
    ss["_features_kept"] = list(
        control(sb, "features", format_func=lambda f: nc.feature_label(f, names))
    )
    control(sb, "standardize")


def _training_controls(sb):
    control(sb, "alpha")
    control(sb, "epochs")


def _regularisation_controls(sb):
    control(sb, "l2")
    control(sb, "init")
    if st.session_state.get("init") == "random":
        control(sb, "init_seed")
    start_controls(sb, current_settings().features)


def presenting() -> bool:
    """Whether presenter mode is on (big type for projectors; see the Classroom kit)."""
    return bool(st.session_state.get("presenter", False))


def current_theme():
    """The figure theme every page passes to its builders: presenter sizes when presenting."""
    from neuron_core.figures import Theme  # figures load plotly; only pages that draw need it

    return Theme.presenting() if presenting() else Theme()


def current_settings() -> Settings:
    """Widget values from session state, defaults where a widget is not on screen."""
    ss = st.session_state
    return settings_from({k: ss[k] for k in RUN_KEYS if k in ss})


def current_data(s: Settings) -> nc.Dataset:
    """The dataset the settings name (the last good upload, a generated one, or the empty
    map of "Draw"), with the points placed and removed on the map (`ui.edits`)."""
    return apply_edits(_base_data(s), current_edits(s))


def _base_data(s: Settings) -> nc.Dataset:
    up = st.session_state.get("upload")
    if s.source == "Upload CSV" and up:
        data = uploaded_dataset(up["raw"], up["columns"], up["positive"])
        return nc.Dataset(data.X, data.y, up["name"], data.feature_names, data.classes)
    if s.source == "Draw":
        return empty_dataset()
    return generated_dataset(s.dataset, s.points, s.noise, s.seed)


def base_size(s: Settings) -> int:
    """How many rows the data has before any edit (removed indices point into them)."""
    return _base_data(s).m


def data_key(s: Settings):
    """What names the data beyond the settings: the uploaded file in use (a new file with
    the same name or size is new data too) and the edits made on the map; None for
    generated data as it is."""
    up = st.session_state.get("upload")
    key = None
    if s.source == "Upload CSV" and up:
        key = (up["name"], len(up["raw"]), hash(up["raw"]), up["columns"], str(up["positive"]))
    edits = current_edits(s)
    if no_edits(edits):
        return key
    return (key, tuple(map(tuple, edits["added"])), tuple(edits["removed"]))


def current_run(s: Settings | None = None, data: nc.Dataset | None = None) -> nc.Run:
    """Train (or fetch from the bounded cache) the run for the current settings (on
    ``data``, when the caller has `current_data` already: each cache look-up costs)."""
    s = s or current_settings()
    # One string names the run: Streamlit hashes it much faster than the settings object.
    key = repr((s, data_key(s)))
    return trained_run(key, s, current_data(s) if data is None else data)
