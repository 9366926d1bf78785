"""The controls table: every control a link can carry, with its default and allowed values.

One row per control: the key (session-state key and widget key), the URL parameter, the
widget kind, the label, the default, the allowed values (a list of options, or a range and
step) and how each value is spelled in a link. The sidebar widgets, `Settings`, the link
reader and writer (`neuron_core.links`), the presets' base and the checks all read it.

``part`` says where a control lives: ``"run"`` for the shared controls that decide the run
(the fields of `Settings`), ``"view"`` for presenter mode, or a page's URL path for a
control that only one page has (they travel in that page's share link).

The row type, `Control`, and the rules for reading a value against a row (`coerce`,
`allows`) live in `neuron_core.control_kinds`. No streamlit here: the table is plain data,
so it is tested and used without a server.
"""

from __future__ import annotations

from dataclasses import make_dataclass

from .alphas import ALPHAS
from .control_kinds import Control, coerce
from .datasets import DATASET_LABELS, DATASETS
from .experiment import INIT_LABELS, INITS
from .features import FEATURE_LABELS, FEATURES
from .start import START_RULE

EPOCHS = (1, 2, 5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000)
L2S = (0.0, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
SOURCES = ("Generate", "Upload CSV", "Draw")
# The Cost landscape's α choices: the sidebar's α, or one of the presets found on the data.
MAP_ALPHAS = ("sidebar", "too small", "good", "too large", "diverging")
LOG_EPOCHS_HELP = "Gives the first epochs, where most of the learning happens, room on a long run."


def _slider(key, label, default, lo, hi, step, help="", **kw):
    return Control(key, "slider", label, default, span=(lo, hi, step), help=help, **kw)


CONTROLS = (
    Control(
        "source",
        "segmented",
        "Data source",
        "Generate",
        options=SOURCES,
        spell={"Generate": "generate", "Upload CSV": "upload", "Draw": "draw"},
        help="Use a built-in generator, upload your own two-feature CSV, or draw: start from "
        "an empty map and click on the Playground's map to place points.",
    ),
    Control(
        "dataset",
        "select",
        "Dataset",
        "moons",
        options=tuple(DATASETS),
        labels=DATASET_LABELS,
        help="The shape of the two classes. Some need curved boundaries.",
    ),
    _slider("points", "Number of points", 200, 20, 2000, 10, "Total points, half in each class."),
    _slider("noise", "Noise", 0.1, 0.0, 0.5, 0.05, "How much the points are jittered: 0 is clean."),
    Control(
        "seed",
        "number",
        "Seed",
        0,
        span=(0, 9999, 1),
        help="Same seed, same points: share it to reproduce a picture.",
    ),
    _slider(
        "test",
        "Test share (%)",
        25,
        0,
        50,
        5,
        "Points held out (hollow markers) to check the neuron on data it never saw.",
    ),
    Control(
        "features",
        "multiselect",
        "Inputs to the neuron",
        ("x1", "x2"),
        options=tuple(FEATURES),
        labels=FEATURE_LABELS,
        help="x₁² and x₂² let one neuron draw a circle; x₁·x₂ lets it solve XOR.",
    ),
    Control(
        "standardize",
        "toggle",
        "Standardise inputs",
        True,
        help="Shift and scale each input to mean 0, spread 1 (training rows only).",
    ),
    Control(
        "alpha",
        "steps",
        "Learning rate α",
        0.5,
        options=ALPHAS,
        help="Step size of gradient descent (log scale). Too big and it overshoots or diverges.",
    ),
    Control(
        "epochs",
        "steps",
        "Epochs",
        300,
        options=EPOCHS,
        help="Full passes over the training data, one update each.",
    ),
    Control(
        "l2",
        "steps",
        "L2 strength λ",
        0.0,
        options=L2S,
        help="Adds (λ/2)·‖w‖² to the cost, pulling weights towards 0.",
    ),
    Control(
        "init",
        "radio",
        "Initial weights",
        "zeros",
        options=tuple(INITS),
        labels=INIT_LABELS,
        help="Start from w = 0, from random weights (seeded), or from weights you choose: "
        "type them here, set the neuron by hand on the Playground's map, or click the Cost "
        "landscape.",
    ),
    Control("init_seed", "number", "Initial-weights seed", 0, span=(0, 9999, 1)),
    Control("start", "start", "Your start", (), help=START_RULE),
    Control(
        "presenter",
        "toggle",
        "Presenter mode",
        False,
        part="view",
        help="Big type, thick lines and only the controls a live demo needs. "
        "A shared link opens in the same mode.",
    ),
    # Page-local choices: each page draws its own widget (bounds that depend on the data are
    # the page's); the link carries the value.
    Control(
        "landscape_alpha",
        "segmented",
        "Learning rate for this map",
        "sidebar",
        part="landscape",
        param="map_alpha",
        options=MAP_ALPHAS,
        spell={"too small": "small", "too large": "large"},
        help="The presets come from this data's curvature L (see the Learning rates page): "
        "0.01/L crawls, 1/L is quick, and the larger ones were checked to oscillate or diverge "
        "here.",
    ),
    Control(
        "landscape_3d",
        "toggle",
        "3-D surface",
        False,
        part="landscape",
        param="surface",
        help="Show J as a height.",
    ),
    *(
        Control(
            f"lr_{k}",
            "number",
            f"Learning rate {k + 1} on this page",
            None,  # the page's presets for the data decide it
            part="learning_rates",
            param=f"a{k + 1}",
            span=(1e-6, 1e6, None),
        )
        for k in range(4)
    ),
    Control(
        "lr_log", "toggle", "Log scale for the cost", False, part="learning_rates", param="log"
    ),
    Control(
        "lr_log_epochs",
        "toggle",
        "Log scale for the epochs",
        False,
        part="learning_rates",
        param="log_epochs",
        help=LOG_EPOCHS_HELP,
    ),
    Control(
        "bug_log_epochs",
        "toggle",
        "Log scale for the epochs",
        False,
        part="bug_lab",
        param="epoch_log",
        help=LOG_EPOCHS_HELP,
    ),
    Control(
        "one_step_example",
        "number",
        "Training example #",
        None,  # the example the neuron gets most wrong, found on the data
        part="one_step",
        param="example",
        span=(0, 9999, 1),
    ),
    Control(
        "one_step_epoch",
        "number",
        "Start from the run's weights after epoch",
        None,  # epoch 5, or the last epoch of a shorter run
        part="one_step",
        param="epoch",
        span=(0, max(EPOCHS), 1),
        help="Epoch 0 is the very first step. The last epoch is where the Playground ended.",
    ),
    Control(
        "one_step_batch",
        "toggle",
        "Average over all m (batch)",
        False,
        part="one_step",
        param="batch",
        help="The step the training loop takes each epoch: the same formulas, averaged.",
    ),
)
BY_KEY = {c.key: c for c in CONTROLS}
BY_PARAM = {c.url: c for c in CONTROLS}
RUN_KEYS = tuple(c.key for c in CONTROLS if c.part == "run")


def _field_type(c: Control):
    return {"multiselect": tuple, "toggle": bool, "start": tuple}.get(c.kind, type(c.default))


# Everything that decides the run, as plain values (hashable, cacheable): one field per
# "run" control, in table order.
Settings = make_dataclass(
    "Settings",
    [(c.key, _field_type(c)) for c in CONTROLS if c.part == "run"],
    frozen=True,
)
Settings.__module__ = __name__  # so it pickles and prints as neuron_core.controls.Settings
Settings.__doc__ = "Everything that decides the run, as plain values: one field per control."


def defaults() -> dict:
    """Every run control's default (key → value), the base of every preset."""
    return {k: BY_KEY[k].default for k in RUN_KEYS}


def settings_from(values: dict) -> Settings:
    """`Settings` from control values; missing or unusable values become the default."""
    return Settings(**{k: coerce(BY_KEY[k], values.get(k)) for k in RUN_KEYS})
