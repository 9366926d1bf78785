"""A table's cells as values: feature numbers, label classes (`neuron_core.csv_labels`), the
positive class, and labels shown back as the learner wrote them. A bad cell is noted in the
file's `Problems` (saying where and why), so every bad row is reported in one message."""

from __future__ import annotations

import math
import numbers

import numpy as np

from .csv_labels import Classes, display, read_classes
from .csv_rules import MAX_ABS, MISSING, DataError, Problems, Table, parse_number
from .number_format import number

__all__ = ["display", "distinct", "features", "labels", "listing", "match_positive", "show"]


def features(table: Table, columns, problems: Problems) -> np.ndarray:
    """The numbers in ``columns`` (m, len(columns)): finite, at most ``MAX_ABS`` in size.

    A bad cell is noted in ``problems`` (one kind per column and reason) and reads as 0.
    """
    X = np.zeros((len(table.rows), len(columns)))
    for r in range(len(table.rows)):
        for j, c in enumerate(columns):
            value, why = _feature(table, r, c)
            if why is None:
                X[r, j] = value
            else:
                problems.at(table, r, (why[0], c), f"{table.where(r)}: {why[1]}")
    return X


def _feature(table: Table, r: int, c: int) -> tuple[float, tuple[str, str] | None]:
    """(value, None), or (0, (kind, what is wrong and what to do))."""
    text, column = table.rows[r][c], table.header[c]
    if text.lower() in MISSING:
        shown = "empty" if not text else f"missing ({text!r})"
        return 0.0, (
            "missing",
            f"the value in column '{column}' is {shown}. Fill in a number or delete that row.",
        )
    value = parse_number(text, table.sep != ",")
    if value is None:
        return 0.0, (
            "text",
            f"column '{column}' holds {text[:40]!r}, which is not a number. Feature columns "
            "must hold numbers such as 1.5 or -2e3; fix or delete that row.",
        )
    if not math.isfinite(value):
        spelled = text.lower().lstrip("+-") in {"inf", "infinity", "nan"}
        why = "not finite" if spelled else "too large (it overflows to infinity)"
        return 0.0, (
            "infinite",
            f"column '{column}' holds {text[:40]!r}, which is {why}. Features must be ordinary "
            "finite numbers; fix or delete that row.",
        )
    if abs(value) > MAX_ABS:
        return 0.0, (
            "huge",
            f"column '{column}' holds {text[:40]!r}, which is too large to train on (the "
            f"playground takes values up to {number(MAX_ABS, 1)}, so that squared features "
            "stay finite). Rescale that column, e.g. change its units, and upload again.",
        )
    return value, None


def labels(table: Table, c: int, problems: Problems) -> tuple[Classes, list[int | None]]:
    """The label column's classes and each row's class (None where the label is missing,
    noted in ``problems``)."""
    present = [r for r, row in enumerate(table.rows) if row[c].lower() not in MISSING]
    for r in sorted(set(range(len(table.rows))) - set(present)):
        problems.at(
            table,
            r,
            ("no label", c),
            f"{table.where(r)}: the label in column '{table.header[c]}' is missing. Every "
            "row needs a label; fill it in or delete that row.",
        )
    classes, index = read_classes([table.rows[r][c] for r in present], table.sep)
    per_row: list[int | None] = [None] * len(table.rows)
    for r, k in zip(present, index, strict=True):
        per_row[r] = k
    return classes, per_row


def distinct(table: Table, c: int) -> Classes:
    """The column's classes, as `labels` reads them (its distinct values, for a preview)."""
    texts = [t for t in {row[c] for row in table.rows} if t.lower() not in MISSING]
    return read_classes(texts, table.sep)[0]


def match_positive(positive, classes: Classes, column: str) -> int:
    """The class that ``positive`` means: its name or any spelling ("1" and 1 both match
    label 1, "YES" matches the class of "yes")."""
    text = str(positive).strip()
    value = parse_number(text, True)
    if isinstance(positive, numbers.Real) and not isinstance(positive, bool):
        try:
            value = float(positive)
        except (OverflowError, ValueError):
            value = None
    names = classes.names
    for same in (
        lambda k: isinstance(names[k], str) and names[k] == text,
        lambda k: text in classes.spellings[k],
        lambda k: value is not None and _as_number(names[k]) == value,
        lambda k: any(s.casefold() == text.casefold() for s in classes.spellings[k]),
    ):
        hits = [k for k in range(len(names)) if same(k)]
        if len(hits) == 1:
            return hits[0]
    raise DataError(
        f"positive={positive!r} is not a value of the label column '{column}'. "
        f"Values found: {listing(names)}."
    )


def _as_number(value) -> float | None:
    return float(value) if isinstance(value, int | float) else parse_number(value, True)


def show(value) -> str:
    """A label for a message: text quoted, numbers as written."""
    value = display(value)
    return repr(value) if isinstance(value, str) else str(value)


def listing(values, limit: int = 10) -> str:
    """The first ``limit`` values for a message, each cut short, then how many more."""
    shown = ", ".join(_cut(show(v)) for v in values[:limit])
    return shown + (f" and {len(values) - limit} more" if len(values) > limit else "")


def _cut(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
