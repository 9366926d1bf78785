"""The stage's controls as the live view draws them: α, epochs, λ and the feature tiles.

The Playground's live view carries the lesson's controls in its own bar, so a teacher never
needs the sidebar. They are the controls table's rows (`neuron_core.controls`), described
here as plain data for the browser: label, help, every option with the text it shows, and
the value now. The view sends a change back as ``{"key": …, "value": …}``; `stage_value`
checks it against the same row before anything is set. No streamlit here.
"""

from __future__ import annotations

from functools import lru_cache

from .control_kinds import allows, number_text
from .controls import BY_KEY
from .features import PLAIN_INPUTS, feature_label
from .number_format import number

# The run controls the stage carries, in the order its bar shows them.
STAGE_KEYS = ("alpha", "epochs", "l2", "features")
# Short names on the stage, where the sidebar has room for the long ones (the accessible
# name is the sidebar's label, so a screen reader hears the same control in both places).
SHORT = {"alpha": "α", "epochs": "Epochs", "l2": "λ", "features": "Inputs"}


def _option_text(key: str, value) -> str:
    # Every number the stage shows goes through the one formatter; the link keeps its own
    # spelling (number_text) as the value the browser sends back.
    return number(value, 4, trim=True) if isinstance(value, float) else str(value)


@lru_cache(maxsize=64)
def _choices(key: str, inputs: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """(options, texts) of one stage control: the same for every rerun with these input
    names, so formatted once (α and the epochs alone are ~1 500 numbers). Callers must not
    mutate the lists they get."""
    c = BY_KEY[key]
    if c.kind == "multiselect":
        return list(c.options), [feature_label(f, inputs) for f in c.options]
    return [number_text(v) for v in c.options], [_option_text(key, v) for v in c.options]


def stage_controls(values: dict, inputs=PLAIN_INPUTS) -> list[dict]:
    """The stage's controls for the browser, with ``values`` (control key → value) now.

    ``inputs`` names the two inputs (an upload's column names), so a feature tile reads as
    the axes do. Each entry: ``key``, ``label`` (the accessible name), ``short``, ``help``,
    ``kind`` (``steps`` or ``toggles``), ``options`` (values as the link spells them),
    ``texts`` (what each option shows) and ``value`` (spelled the same way).
    """
    out = []
    for key in STAGE_KEYS:
        c = BY_KEY[key]
        entry = {"key": key, "label": c.label, "short": SHORT[key], "help": c.help}
        options, texts = _choices(key, tuple(inputs))
        if c.kind == "multiselect":
            value = [f for f in c.options if f in values[key]]
            entry |= {"kind": "toggles", "options": options, "texts": texts, "value": value}
        else:
            value = number_text(values[key])
            entry |= {"kind": "steps", "options": options, "texts": texts, "value": value}
        out.append(entry)
    return out


def stage_value(change) -> tuple[str, object] | None:
    """(control key, value) for a change the view sent, or None unless it names a stage
    control and a value its row offers exactly (a stale or forged message changes nothing).
    """
    if not isinstance(change, dict) or change.get("key") not in STAGE_KEYS:
        return None
    c = BY_KEY[change["key"]]
    raw = change.get("value")
    if c.kind == "multiselect":
        # At least one input: the view would have nothing to draw (the sidebar can still
        # empty the list, and the page then says what to pick).
        if not isinstance(raw, list) or not raw or not all(isinstance(v, str) for v in raw):
            return None
        value = tuple(o for o in c.options if o in raw)
        return (c.key, value) if allows(c, list(raw)) else None
    by_text = {number_text(v): v for v in c.options}
    value = by_text.get(raw) if isinstance(raw, str) else None
    return (c.key, value) if value is not None else None
