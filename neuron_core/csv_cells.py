"""A table's cells as values: feature numbers, labels, the positive class, and labels shown
back as the learner wrote them. Every bad cell raises `DataError` saying where and why."""

from __future__ import annotations

import math
import numbers

from .csv_rules import MAX_ABS, MISSING, DataError, Table, parse_number
from .number_format import number


def feature(table: Table, r: int, c: int) -> float:
    """The number in row ``r``, column ``c``: finite and at most ``MAX_ABS`` in size."""
    text, column = table.rows[r][c], table.header[c]
    if text.lower() in MISSING:
        shown = "empty" if not text else f"missing ({text!r})"
        raise DataError(
            f"{table.where(r)}: the value in column '{column}' is {shown}. "
            "Fill in a number or delete that row."
        )
    value = parse_number(text, table.sep != ",")
    if value is None:
        raise DataError(
            f"{table.where(r)}: column '{column}' holds {text[:40]!r}, which is not a number. "
            "Feature columns must hold numbers such as 1.5 or -2e3; fix or delete that row."
        )
    if not math.isfinite(value):
        spelled = text.lower().lstrip("+-") in {"inf", "infinity", "nan"}
        why = "not finite" if spelled else "too large (it overflows to infinity)"
        raise DataError(
            f"{table.where(r)}: column '{column}' holds {text[:40]!r}, which is {why}. "
            "Features must be ordinary finite numbers; fix or delete that row."
        )
    if abs(value) > MAX_ABS:
        raise DataError(
            f"{table.where(r)}: column '{column}' holds {text[:40]!r}, which is too large to "
            f"train on (the playground takes values up to {number(MAX_ABS, 1)}, so that squared "
            "features stay finite). Rescale that column, e.g. change its units, and upload "
            "again."
        )
    return value


def label_key(text: str, sep: str) -> float | str | None:
    """A label as a finite number if it reads as one, else the stripped text; None if missing."""
    if text.lower() in MISSING:
        return None
    value = parse_number(text, sep != ",")
    return value if value is not None and math.isfinite(value) else text


def labels(table: Table, c: int) -> list:
    """Label keys per row: all numbers (compared numerically) or, if any is text, all text."""
    keys = []
    for r, row in enumerate(table.rows):
        key = label_key(row[c], table.sep)
        if key is None:
            raise DataError(
                f"{table.where(r)}: the label in column '{table.header[c]}' is missing. "
                "Every row needs a label; fill it in or delete that row."
            )
        keys.append(key)
    if all(isinstance(k, float) for k in keys):
        return keys
    return [row[c] for row in table.rows]


def distinct(table: Table, c: int) -> list:
    """The column's distinct non-missing values, sorted: numbers if all are numbers."""
    texts = {t for t in {row[c] for row in table.rows} if t.lower() not in MISSING}
    keys = {label_key(t, table.sep) for t in texts}
    if all(isinstance(k, float) for k in keys):
        return sorted(keys)
    return sorted(texts)  # as in load_csv: if any label is text, all are compared as text


def match_positive(positive, values: list, column: str):
    """The label key in ``values`` that ``positive`` means: "1" and 1 both match label 1."""
    text = str(positive).strip()
    number = parse_number(text, True)
    if isinstance(positive, numbers.Real) and not isinstance(positive, bool):
        try:
            number = float(positive)
        except (OverflowError, ValueError):
            number = None
    for same in (
        lambda v: isinstance(v, str) and v == text,
        lambda v: number is not None and _as_number(v) == number,
        lambda v: isinstance(v, str) and v.lower() == text.lower(),
    ):
        hits = [v for v in values if same(v)]
        if len(hits) == 1:
            return hits[0]
    raise DataError(
        f"positive={positive!r} is not a value of the label column '{column}'. "
        f"Values found: {listing(values)}."
    )


def _as_number(value) -> float | None:
    return value if isinstance(value, float) else parse_number(value, True)


def display(value):
    """A label as the learner wrote it: 1 rather than 1.0, text unchanged."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


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
