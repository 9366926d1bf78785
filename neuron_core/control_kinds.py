"""One control of the controls table: what it may hold, how it shows, and how a link spells it.

`Control` is the row type of `neuron_core.controls.CONTROLS`; `coerce` and `allows` are the
two ways of reading a value against a row (forgiving for the app's own widget state, exact
for presets and links). No streamlit here: plain data, tested without a server.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .number_format import setting
from .start import canonical, show_start, spell_start


@dataclass(frozen=True)
class Control:
    """One control: what it is called, what it may hold, and how a link spells it.

    kind: ``select``, ``radio``, ``segmented`` (one of ``options``), ``multiselect`` (a
    subset of ``options``), ``steps`` (a select slider over numeric ``options``),
    ``slider`` / ``number`` (a number in ``span = (lo, hi, step)``; step None: any value),
    ``toggle`` (True/False), ``start`` (a chosen start, see `neuron_core.start`).
    """

    key: str
    kind: str
    label: str
    default: object
    part: str = "run"
    param: str = ""  # the URL parameter; the key when empty
    options: tuple = ()
    labels: dict = field(default_factory=dict)  # value -> what the widget shows
    spell: dict = field(default_factory=dict)  # value -> URL spelling, when not str(value)
    span: tuple | None = None
    help: str = ""

    @property
    def url(self) -> str:
        return self.param or self.key

    def show(self, value) -> str:
        """The value as the page shows it (a label, or a plain number)."""
        if self.kind == "multiselect":
            return ", ".join(self.labels.get(v, str(v)) for v in value) or "none"
        if self.kind == "toggle":
            return "on" if value else "off"
        if self.kind == "start":
            return show_start(value)
        if value in self.labels:
            return self.labels[value]
        return setting(value) if isinstance(value, float) else str(value)

    def spelled(self, value) -> str:
        """The value as a link spells it: short, stable, ASCII where the value is."""
        if self.kind == "multiselect":
            return ",".join(self.spell.get(v, str(v)) for v in value)
        if self.kind == "toggle":
            return "true" if value else "false"
        if self.kind == "start":
            return spell_start(value)
        if value in self.spell:
            return self.spell[value]
        return number_text(value) if isinstance(value, float) else str(value)


def number_text(v: float) -> str:
    """A float as few characters as identify it: 0.5, 1e-04 → 0.0001, 300.0 → 300."""
    v = float(v)
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.10g}"


def coerce(c: Control, value):
    """``value`` as the control holds it (feature order, int/float/bool), else the default.

    For values the app itself produced (widget state): a widget that was cleared (None) or
    an off-table value falls back to the default rather than breaking the run.
    """
    if value is None:
        return c.default
    if c.kind == "multiselect":
        chosen = set(value) if isinstance(value, list | tuple) else set()
        return tuple(o for o in c.options if o in chosen)
    if c.kind == "toggle":
        return bool(value)
    if c.kind == "start":
        try:
            return canonical(value)
        except (TypeError, ValueError):
            return c.default
    if c.options:
        return value if value in c.options else c.default
    try:
        v = float(value)
    except (TypeError, ValueError):
        return c.default
    if not math.isfinite(v):
        return c.default
    return round(v) if isinstance(c.default, int) or c.span[2] == 1 else v


def allows(c: Control, value) -> bool:
    """Whether ``value`` is one the control can hold exactly (no snapping)."""
    if c.kind == "multiselect":
        return isinstance(value, tuple | list) and set(value) <= set(c.options)
    if c.kind == "toggle":
        return isinstance(value, bool)
    if c.kind == "start":
        try:
            return canonical(value) == tuple(value)
        except (TypeError, ValueError):
            return False
    if c.options:
        return value in c.options
    lo, hi, step = c.span
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if not (math.isfinite(value) and lo <= value <= hi):
        return False
    return step is None or math.isclose((value - lo) / step, round((value - lo) / step))
