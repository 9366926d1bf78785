"""The sidebar controls every page shares, their URL binding, and the cached run.

`app.py` calls `sidebar()` once per rerun, before the page runs; pages then call
`current_run()`. Session state holds only plain values (widget values, upload bytes).
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

import neuron_core as nc
from pages._upload import upload_controls, uploaded_dataset

DATASET_LABELS = {
    "linear": "Linear (two sides of a line)",
    "blobs": "Blobs (two clouds)",
    "moons": "Moons (two crescents)",
    "circles": "Circles (a ring around a disc)",
    "xor": "XOR (four quadrants)",
    "spiral": "Spiral (two arms)",
}
FEATURE_LABELS = {
    "x1": "x₁",
    "x2": "x₂",
    "x1^2": "x₁²",
    "x2^2": "x₂²",
    "x1*x2": "x₁·x₂",
    "sin(x1)": "sin x₁",
    "sin(x2)": "sin x₂",
}
ALPHAS = (*tuple(round(m * 10.0**e, 6) for e in range(-4, 1) for m in (1, 1.5, 2, 3, 5, 7)), 10.0)
EPOCHS = (1, 2, 5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000)
L2S = (0.0, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
SOURCES = ("Generate", "Upload CSV")

# Every shared control: key (also the URL parameter), default, and what the URL may hold.
DEFAULTS = {
    "source": "Generate",
    "dataset": "moons",
    "points": 200,
    "noise": 0.1,
    "seed": 0,
    "test": 25,
    "features": ["x1", "x2"],
    "standardize": True,
    "alpha": 0.5,
    "epochs": 300,
    "l2": 0.0,
    "init": "zeros",
    "init_seed": 0,
}


@dataclass(frozen=True)
class Settings:
    """Everything that decides the run, as plain values (hashable, cacheable)."""

    source: str
    dataset: str
    points: int
    noise: float
    seed: int
    test: int
    features: tuple[str, ...]
    standardize: bool
    alpha: float
    epochs: int
    l2: float
    init: str
    init_seed: int


def _new_sample():
    st.session_state.seed = (st.session_state.get("seed", 0) + 1) % 10_000


def sidebar() -> Settings:
    """Draw the shared controls in the sidebar and return their values.

    In presenter mode only α and epochs stay in view; every other control moves into a
    collapsed expander. They are still drawn there, so their values and URL parameters
    survive (Streamlit forgets a widget's state in a run that does not draw it).
    """
    sb = st.sidebar
    sb.toggle(
        "Presenter mode",
        False,
        key="presenter",
        bind="query-params",
        help="Big type, thick lines and only the controls a live demo needs. "
        "A shared link opens in the same mode.",
    )
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
    return current_settings()


def _data_controls(sb):
    sb.header("Data")
    source = (
        sb.segmented_control(
            "Data source",
            SOURCES,
            default=DEFAULTS["source"],
            key="source",
            bind="query-params",
            help="Use a built-in generator, or upload your own two-feature CSV.",
        )
        or DEFAULTS["source"]
    )
    if source == "Generate":
        sb.selectbox(
            "Dataset",
            nc.DATASETS,
            index=nc.DATASETS.index(DEFAULTS["dataset"]),
            format_func=DATASET_LABELS.get,
            key="dataset",
            bind="query-params",
            help="The shape of the two classes. Some need curved boundaries.",
        )
        sb.slider(
            "Number of points",
            20,
            2000,
            DEFAULTS["points"],
            step=10,
            key="points",
            bind="query-params",
            help="Total points, half in each class.",
        )
        sb.slider(
            "Noise",
            0.0,
            0.5,
            DEFAULTS["noise"],
            step=0.05,
            key="noise",
            bind="query-params",
            help="How much the points are jittered: 0 is clean.",
        )
        c1, c2 = sb.columns([3, 2], vertical_alignment="bottom")
        c1.number_input(
            "Seed",
            0,
            9999,
            DEFAULTS["seed"],
            key="seed",
            bind="query-params",
            help="Same seed, same points: share it to reproduce a picture.",
        )
        c2.button(
            "New",
            icon=":material/casino:",
            on_click=_new_sample,
            help="Draw a fresh set of points (a new seed).",
            key="new_sample",
            width="stretch",
        )
    else:
        upload_controls(sb)
    sb.slider(
        "Test share (%)",
        0,
        50,
        DEFAULTS["test"],
        step=5,
        key="test",
        bind="query-params",
        help="Points held out (hollow markers) to check the neuron on data it never saw.",
    )


def _feature_controls(sb):
    sb.header("Features")
    sb.multiselect(
        "Inputs to the neuron",
        nc.FEATURES,
        default=DEFAULTS["features"],
        format_func=FEATURE_LABELS.get,
        key="features",
        bind="query-params",
        help="x₁² and x₂² let one neuron draw a circle; x₁·x₂ lets it solve XOR.",
    )
    sb.toggle(
        "Standardise inputs",
        DEFAULTS["standardize"],
        key="standardize",
        bind="query-params",
        help="Shift and scale each input to mean 0, spread 1 (training rows only).",
    )


def _training_controls(sb):
    sb.select_slider(
        "Learning rate α",
        ALPHAS,
        DEFAULTS["alpha"],
        key="alpha",
        bind="query-params",
        format_func=_fmt,
        help="Step size of gradient descent (log scale). Too big and it diverges.",
    )
    sb.select_slider(
        "Epochs",
        EPOCHS,
        DEFAULTS["epochs"],
        key="epochs",
        bind="query-params",
        help="Full passes over the training data, one update each.",
    )


def _regularisation_controls(sb):
    sb.select_slider(
        "L2 strength λ",
        L2S,
        DEFAULTS["l2"],
        key="l2",
        bind="query-params",
        format_func=_fmt,
        help="Adds (λ/2)·‖w‖² to the cost, pulling weights towards 0.",
    )
    sb.radio(
        "Initial weights",
        nc.INITS,
        index=0,
        key="init",
        bind="query-params",
        horizontal=True,
        format_func=str.capitalize,
        help="Start from w = 0, or from random weights (seeded).",
    )
    if st.session_state.get("init") == "random":
        sb.number_input(
            "Initial-weights seed",
            0,
            9999,
            DEFAULTS["init_seed"],
            key="init_seed",
            bind="query-params",
        )


def presenting() -> bool:
    """Whether presenter mode is on (big type for projectors; see the Classroom kit)."""
    return bool(st.session_state.get("presenter", False))


def current_theme():
    """The figure theme every page passes to its builders: presenter sizes when presenting."""
    from neuron_core.figures import Theme  # figures load plotly; only pages that draw need it

    return Theme.presenting() if presenting() else Theme()


def _fmt(v) -> str:
    return f"{v:g}"


def current_settings() -> Settings:
    """Widget values from session state, defaults where a widget is not on screen."""
    ss = st.session_state
    get = lambda k: ss.get(k, DEFAULTS[k])  # noqa: E731
    return Settings(
        source=get("source") or DEFAULTS["source"],
        dataset=get("dataset"),
        points=int(get("points")),
        noise=float(get("noise")),
        seed=int(get("seed")),
        test=int(get("test")),
        features=tuple(f for f in nc.FEATURES if f in (get("features") or ())),
        standardize=bool(get("standardize")),
        alpha=float(get("alpha")),
        epochs=int(get("epochs")),
        l2=float(get("l2")),
        init=get("init") or "zeros",
        init_seed=int(get("init_seed")),
    )


@st.cache_data(max_entries=32, ttl=3600, show_spinner=False)
def _generated_dataset(name, points, noise, seed) -> nc.Dataset:
    return nc.make_dataset(name, points, noise, seed)


def current_data(s: Settings) -> nc.Dataset:
    """The dataset the settings name: the last good upload, or a generated one."""
    up = st.session_state.get("upload")
    if s.source == "Upload CSV" and up:
        data = uploaded_dataset(up["raw"], up["columns"], up["positive"])
        return nc.Dataset(data.X, data.y, up["name"], data.feature_names, data.classes)
    return _generated_dataset(s.dataset, s.points, s.noise, s.seed)


@st.cache_data(max_entries=32, ttl=3600, show_spinner=False)
def _run(s: Settings, _data: nc.Dataset, data_key) -> nc.Run:
    prep = nc.prepare(_data, s.features, s.standardize, s.test / 100, seed=s.seed)
    return nc.run_experiment(
        prep, alpha=s.alpha, epochs=s.epochs, l2=s.l2, init=s.init, init_seed=s.init_seed
    )


def current_run(s: Settings | None = None) -> nc.Run:
    """Train (or fetch from the bounded cache) the run for the current settings."""
    s = s or current_settings()
    data = current_data(s)
    up = st.session_state.get("upload")
    data_key = (
        (up["name"], len(up["raw"]), hash(up["raw"]), up["columns"], str(up["positive"]))
        if s.source == "Upload CSV" and up
        else None
    )
    return _run(s, data, data_key)
