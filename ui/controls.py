"""The sidebar controls every page shares, drawn from the controls table, and the cached run.

`app.py` calls `sidebar()` once per rerun, before the page runs; pages then call
`current_run()`. Session state holds only plain values (widget values, upload bytes). The
URL is not bound to the widgets: `ui.links` reads a link once, on arrival, into session
state, and writes the URL from the settings after every run, so one reader decides.
"""

from __future__ import annotations

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
]

DEFAULTS = defaults()


def _shown(value) -> str:
    """A widget's option as the page writes it: numbers through the one formatter."""
    return setting(value) if isinstance(value, float) else str(value)


def control(container, key: str, **extra):
    """Draw the table's widget for ``key`` in ``container`` and return its value.

    The value lives in session state under ``key`` (set to the default on first use), so no
    widget is ever given a second default that could disagree with the table.
    """
    c = BY_KEY[key]
    if key not in st.session_state:
        st.session_state[key] = list(c.default) if c.kind == "multiselect" else c.default
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


def sidebar() -> Settings:
    """Draw the shared controls in the sidebar and return their values.

    In presenter mode only α and epochs stay in view; every other control moves into a
    collapsed expander. They are still drawn there, so their values survive (Streamlit
    forgets a widget's state in a run that does not draw it).
    """
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
    s = current_settings()
    keep_edits(s)
    return s


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


def current_run(s: Settings | None = None) -> nc.Run:
    """Train (or fetch from the bounded cache) the run for the current settings."""
    s = s or current_settings()
    return trained_run(s, current_data(s), data_key(s))
