"""A start the learner chooses for gradient descent: a weight per input, by name, and b.

The run control ``start`` holds it as plain data: a tuple of ``(name, value)`` pairs, the
inputs' names (`neuron_core.features.FEATURES`) in table order and then ``"b"``, zeros left
out (a name that is missing starts at 0). Keyed by name, a start survives a change of
inputs: x₁'s weight stays x₁'s, an input added starts at 0 (`START_RULE` says so on
screen). The weights act on the inputs as the neuron sees them (standardised when
standardising). A link spells it ``x1:0.5,x2:-1,b:0.25`` (`spell_start`, `read_start`):
every value as the shortest text that reads back to the same float, so a link reopens the
very start. Values from the live view and the sidebar are checked here (`start_from_view`,
`start_problem`) before anything changes. No streamlit here.
"""

from __future__ import annotations

import math

import numpy as np

from .features import FEATURES, feature_label
from .number_format import count, number

BIAS = "b"
NAMES = (*FEATURES, BIAS)
START_LIMIT = 1000.0  # |value| a start may have: far past any weight a run needs
CLICK_DIGITS = 3  # significant digits of a start picked with a click on the Cost landscape
# The rule a chosen start keeps when the inputs change, said where the start is typed.
START_RULE = (
    "Each weight belongs to its input by name: change the inputs and x₁'s weight stays "
    "x₁'s; an input added starts at 0. The weights act on the inputs as the neuron sees "
    "them (standardised when Standardise inputs is on)."
)
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _value(v) -> float:
    """``v`` as a start value, or ValueError (not a finite number within the limit)."""
    if isinstance(v, bool) or not isinstance(v, int | float | np.floating | np.integer):
        raise ValueError("not a number")
    v = float(v)
    if not math.isfinite(v) or abs(v) > START_LIMIT:
        raise ValueError("not a finite number within the limit")
    return v


def canonical(values) -> tuple:
    """The start as the control holds it, from a mapping (or pairs) name → value.

    Raises ValueError for an unknown name or a value that is not a finite number within
    ±`START_LIMIT`. Zeros are left out, so an all-zero start is ``()``.
    """
    pairs = values.items() if isinstance(values, dict) else values
    got = {}
    for pair in pairs:
        name, v = pair
        if name not in NAMES:
            raise ValueError(f"unknown name {name!r}")
        got[name] = _value(v)
    return tuple((n, got[n] + 0.0) for n in NAMES if got.get(n, 0.0) != 0.0)


def start_vector(start, features) -> tuple[np.ndarray, float]:
    """(w, b) for the run's ``features`` (names missing from the start: 0)."""
    given = dict(start or ())
    return np.array([given.get(f, 0.0) for f in features], dtype=float), float(given.get(BIAS, 0))


def with_values(start, features, w, b) -> tuple:
    """``start`` with the run's ``features`` set to ``w`` and b to ``b`` (other inputs'
    weights kept). Raises ValueError as `canonical`."""
    given = dict(start or ())
    given.update(zip(features, (float(v) for v in w), strict=True))
    given[BIAS] = float(b)
    return canonical(given)


# ---------------------------------------------------------------- the link's spelling
def _text(v: float) -> str:
    """The shortest text that reads back to ``v`` (``1`` for 1.0, ``0.1`` for 0.1)."""
    return str(int(v)) if v == int(v) and abs(v) < 1e15 else repr(v)


def spell_start(start) -> str:
    """The link's spelling: ``x1:0.5,x2:-1,b:0.25`` ("" for the all-zero start)."""
    return ",".join(f"{n}:{_text(v)}" for n, v in start)


def read_start(text: str) -> tuple:
    """The start a link's text spells (`spell_start`); raises ValueError otherwise."""
    text = text.strip()
    if not text or text == "0":
        return ()
    pairs = []
    for part in text.split(","):
        name, sep, v = part.partition(":")
        if not sep:
            raise ValueError("not name:value")
        try:
            value = float(v.strip())
        except ValueError:
            raise ValueError("not a number") from None
        pairs.append((name.strip(), value))
    if len({n for n, _ in pairs}) != len(pairs):
        raise ValueError("a name twice")
    return canonical(pairs)


def show_start(start, features=None, inputs=None) -> str:
    """The start as the page writes it: ``w₁ = 0.5, w₂ = −1, b = 0.25`` through the one
    formatter (``features``: the run's inputs, else the names the start holds)."""
    given = dict(start or ())
    names = list(features) if features is not None else [n for n in FEATURES if n in given]
    if not given and features is None:
        return "w = 0 and b = 0"
    parts = [
        f"w{str(k + 1).translate(_SUB)} = {number(given.get(f, 0.0), 4, trim=True)}"
        + (f" (on {feature_label(f, inputs)})" if inputs else "")
        for k, f in enumerate(names)
    ]
    parts.append(f"b = {number(given.get(BIAS, 0.0), 4, trim=True)}")
    return ", ".join(parts)


def _significant(v: float, digits: int) -> float:
    """``v`` rounded to ``digits`` significant digits (a value, not text for people)."""
    return v if v == 0 else round(v, digits - 1 - math.floor(math.log10(abs(v))))


def start_at_weights(start, features, w0, b0, w1, w2) -> tuple | None:
    """The start a click on the Cost landscape asks for: (w₁, w₂) there, the rest of w and
    b as the run started (``w0``, ``b0``: zeros, the random start's or the chosen one's);
    None unless w₁ and w₂ are finite numbers within ±`START_LIMIT`. w₁ and w₂ are rounded
    to `CLICK_DIGITS` significant digits: a click is no finer, and the link stays short."""
    try:
        w1, w2 = (_significant(_value(v), CLICK_DIGITS) for v in (w1, w2))
    except ValueError:
        return None
    w = [w1, w2, *(float(v) for v in w0[2:])]
    return with_values(start, features, w, b0)


# ---------------------------------------------------------------- a start sent by the view
def start_problem(value, features) -> str | None:
    """Why ``value`` (``{"w": [a number per input], "b": number, "features": [the inputs'
    names]}``, the names optional) cannot start a run on ``features``, in a sentence; None
    if it can."""
    if not isinstance(value, dict) or not isinstance(value.get("w"), list):
        return "That start is not a set of weights and a bias; the run keeps its start."
    w, n = value["w"], len(features)
    if "features" in value and value["features"] != list(features):
        return (
            "The inputs changed after the neuron was set by hand (its weights belong to "
            "other inputs): set it again, then Train from here; the run keeps its start."
        )
    if len(w) != n:
        return (
            f"That start has {count(len(w))} weights and the neuron has {count(n)} inputs "
            "(they changed meanwhile?); the run keeps its start."
        )
    try:
        for v in (*w, value.get("b")):
            _value(v)
    except ValueError:
        return (
            "A start needs finite numbers between "
            f"{number(-START_LIMIT, trim=True)} and {number(START_LIMIT, trim=True)}; "
            "the run keeps its start."
        )
    return None


def start_from_view(value, features, start=()) -> tuple | None:
    """The start the live view's "Train from here" sends (``{"w": [...], "b": ...,
    "features": [...]}``, w in the order of the run's ``features``), kept with ``start``'s
    other inputs; None when `start_problem` finds something wrong (a stale or forged message
    changes nothing)."""
    if start_problem(value, features):
        return None
    return with_values(start, features, value["w"], value["b"])
