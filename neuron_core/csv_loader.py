"""Load a learner's CSV file as a two-feature, two-class `Dataset`.

Reading and shape checks live in `neuron_core.csv_rules`; this module picks the columns,
converts the cells and maps the labels to 0/1. Every problem raises `DataError` with a
sentence saying where (data row and file line, column) and what to do.

Decisions beyond the contract:

- A leading index column (header empty, "index", "id", "idx", "row", "#" or pandas'
  "Unnamed: 0", or holding the row numbers 0…m−1 or 1…m) is dropped when three columns
  remain and ``columns=`` is not given; in a three-column file the first column is always
  a feature. `inspect_csv` names it, so an app can say so.
- The label is the column named label, class or target, else the last column. `inspect_csv`
  also lists the label-like columns (named so, else holding text, else two-valued): when
  that is not exactly one column, an app should ask rather than take the guess.
- In semicolon- or tab-separated files a decimal comma ("1,5") is read as 1.5.
- Cells "", "nan", "NA", "N/A" and "null" (any case) count as missing and are refused.
- One-vs-rest with more than two labels names class 0 ``"not <positive>"``.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

import numpy as np

from neuron_core.csv_rules import (
    MAX_ROWS,
    MISSING,
    DataError,
    Table,
    decode,
    parse_number,
    read_source,
)
from neuron_core.csv_rules import split_table as _split_table
from neuron_core.datasets import Dataset

__all__ = ["MAX_ROWS", "CsvPreview", "DataError", "inspect_csv", "load_csv"]

# Squared features (x1^2, x1*x2) of values up to this size stay finite.
MAX_ABS = 1e150
LABEL_NAMES = frozenset({"label", "class", "target"})
PREVIEW_VALUES = 50
_INDEX_NAMES = frozenset({"", "index", "id", "idx", "row", "#"})


@dataclass(frozen=True)
class CsvPreview:
    """What a CSV file holds, for column and positive-class pickers.

    Attributes
    ----------
    columns : tuple of str
        The named columns, in file order.
    label_guess : str
        The column `load_csv` would use as the label: the one named label, class or
        target (any case), else the last column.
    label_values : tuple
        Up to 50 distinct values of that column, sorted; numbers if all are numbers.
    n_rows : int
        Number of data rows.
    index_column : str or None
        A leading column of row numbers or ids that `load_csv` skips.
    label_choices : tuple of str
        The label-like columns (named label, class or target; else holding text; else
        holding exactly two values). Not exactly one: the label is in doubt, ask.
    values : tuple of tuple
        For each of ``columns``: up to 50 distinct values, sorted, as in ``label_values``.
    counts : tuple of int
        For each of ``columns``: how many distinct values it holds.
    """

    columns: tuple[str, ...]
    label_guess: str
    label_values: tuple
    n_rows: int
    index_column: str | None = None
    label_choices: tuple[str, ...] = ()
    values: tuple[tuple, ...] = ()
    counts: tuple[int, ...] = ()

    @property
    def usable(self) -> tuple[str, ...]:
        """The columns that can be features or the label (all but the index column)."""
        return tuple(c for c in self.columns if c != self.index_column)

    def values_of(self, column: str) -> tuple:
        """Up to 50 distinct values of ``column``, sorted."""
        return self.values[self.columns.index(column)]

    def count_of(self, column: str) -> int:
        """How many distinct values ``column`` holds."""
        return self.counts[self.columns.index(column)]


def load_csv(source, columns=None, positive=None) -> Dataset:
    """Load a CSV file with two numeric feature columns and a label column.

    Parameters
    ----------
    source : str, path-like, bytes or binary file-like
        The file: a path, its bytes, or an uploaded file (``st.file_uploader``).
    columns : sequence of 3 str, optional
        ``(x1, x2, label)`` column names to pick from a wider file.
    positive : str or number, optional
        Label value that becomes class 1; every other label becomes 0 (one-vs-rest).

    Returns
    -------
    Dataset
        ``X`` of shape (m, 2) float64, ``y`` of shape (m,) int in {0, 1}, the file name,
        the two feature names and ``classes`` (original label values; class 1 is
        ``classes[1]``). Without ``positive``, labels {0, 1} stay as they are and any other
        two labels map in sorted order (numbers numerically) to 0 then 1.

    Raises
    ------
    DataError
        For every problem with the file or the arguments, saying where and what to do.
    """
    data, name = read_source(source)
    table = _split_table(decode(data), MAX_ROWS)
    i1, i2, il = _pick_columns(table, columns)
    X = np.array([[_feature(table, r, i1), _feature(table, r, i2)] for r in range(len(table.rows))])
    labels = _labels(table, il)
    values = sorted(set(labels))
    if len(values) == 1:
        raise DataError(
            f"The label column '{table.header[il]}' has only one value "
            f"({_show(values[0])}). A classifier needs examples of two classes."
        )
    if positive is not None:
        pos = _match_positive(positive, values, table.header[il])
        rest = [v for v in values if v != pos]
        negative = _display(rest[0]) if len(rest) == 1 else f"not {_display(pos)}"
        classes = (negative, _display(pos))
    elif len(values) > 2:
        raise DataError(
            f"The label column '{table.header[il]}' has {len(values)} different values "
            f"({_listing(values)}); the neuron separates two classes. Pick a positive class "
            "(positive=...) to train it against all the others."
        )
    else:
        pos = values[1]
        classes = (_display(values[0]), _display(pos))
    y = np.array([label == pos for label in labels], dtype=np.int64)
    return Dataset(X, y, name, (table.header[i1], table.header[i2]), classes)


def inspect_csv(source) -> CsvPreview:
    """Describe a CSV file's columns and likely label, without choosing the columns.

    Parameters
    ----------
    source : str, path-like, bytes or binary file-like
        As for `load_csv`.

    Returns
    -------
    CsvPreview

    Raises
    ------
    DataError
        If the file cannot be read as a table with at least three named columns.
    """
    data, _ = read_source(source)
    table = _split_table(decode(data), MAX_ROWS)
    named = [i for i, name in enumerate(table.header) if name]
    if len(named) < 3:
        _too_few_columns(table.header)
    index = _index_column(table)
    usable = [i for i in named if i != index]
    distinct = {i: _distinct(table, i) for i in named}
    choices = _label_like(table, usable, distinct)
    named_label = [i for i in usable if table.header[i].lower() in LABEL_NAMES]
    fallback = named_label[0] if named_label else usable[-1]  # what load_csv would take
    guess = choices[0] if len(choices) == 1 else fallback
    shown = {
        i: tuple(_display(v) for v in values[:PREVIEW_VALUES]) for i, values in distinct.items()
    }
    return CsvPreview(
        columns=tuple(table.header[i] for i in named),
        label_guess=table.header[guess],
        label_values=shown[guess],
        n_rows=len(table.rows),
        index_column=None if index is None else table.header[index],
        label_choices=tuple(table.header[i] for i in choices),
        values=tuple(shown[i] for i in named),
        counts=tuple(len(distinct[i]) for i in named),
    )


def _distinct(table: Table, c: int) -> list:
    """The column's distinct non-missing values, sorted: numbers if all are numbers."""
    texts = {t for t in {row[c] for row in table.rows} if t.lower() not in MISSING}
    keys = {_label_key(t, table.sep) for t in texts}
    if all(isinstance(k, float) for k in keys):
        return sorted(keys)
    return sorted(texts)  # as in load_csv: if any label is text, all are compared as text


def _label_like(table: Table, usable: list[int], distinct: dict) -> list[int]:
    """Columns that look like the label: named so; else holding text; else two-valued."""
    named = [i for i in usable if table.header[i].lower() in LABEL_NAMES]
    text = [i for i in usable if any(isinstance(v, str) for v in distinct[i])]
    two = [i for i in usable if len(distinct[i]) == 2]
    return named or text or two


def _index_column(table: Table) -> int | None:
    """The first column, if it holds row ids and three columns would remain without it."""
    if len(table.header) < 4:
        return None
    if _looks_like_index(table.header[0]):
        return 0
    numbers = [parse_number(row[0], False) for row in table.rows]
    if None in numbers or len(numbers) < 2:
        return None
    m = len(numbers)
    return 0 if numbers in (list(range(m)), list(range(1, m + 1))) else None


def _pick_columns(table: Table, columns) -> tuple[int, int, int]:
    """Indices of the two feature columns and the label column."""
    header = table.header
    if columns is not None:
        picked = tuple(_find_column(header, wanted) for wanted in _three_names(columns))
        if len(set(picked)) < 3:
            raise DataError(
                f"columns={tuple(header[i] for i in picked)} uses a column twice; pick two "
                "different feature columns and a separate label column."
            )
        _check_unique(header, picked)
        return picked
    usable = list(range(len(header)))
    if _index_column(table) == 0:
        usable = usable[1:]  # a saved pandas index or row id, not a feature
    if len(usable) < 3:
        _too_few_columns(header)
    if len(usable) > 3:
        raise DataError(
            f"The file has {len(header)} columns ({_listing(header, 20)}); the playground "
            "uses two feature columns and a label column. Pick which three to use "
            "(columns=(x1, x2, label))."
        )
    for i in usable:
        if not header[i]:
            raise DataError(
                f"Column {i + 1} has no name in the header row. Give it a name, e.g. x1."
            )
    _check_unique(header, usable)
    named_label = [i for i in usable if header[i].lower() in LABEL_NAMES]
    if len(named_label) > 1:
        raise DataError(
            f"Both {' and '.join(repr(header[i]) for i in named_label)} look like the label "
            "column. Rename one of them, or pick the columns (columns=(x1, x2, label))."
        )
    label = named_label[0] if named_label else usable[-1]
    f1, f2 = (i for i in usable if i != label)
    return f1, f2, label


def _three_names(columns) -> list[str]:
    try:
        names = [str(c).strip() for c in columns] if not isinstance(columns, str) else []
    except TypeError:
        names = []
    if len(names) != 3:
        raise DataError(f"columns= must name three columns (x1, x2, label), got {columns!r}.")
    return names


def _find_column(header: tuple[str, ...], wanted: str) -> int:
    if wanted in header:
        return header.index(wanted)
    folded = [i for i, name in enumerate(header) if name.lower() == wanted.lower()]
    if len(folded) == 1:
        return folded[0]
    raise DataError(
        f"There is no column named {wanted!r} in the file. The columns are: "
        f"{_listing([n for n in header if n], 30)}."
    )


def _check_unique(header: tuple[str, ...], picked) -> None:
    for i in picked:
        twins = [j + 1 for j, name in enumerate(header) if name == header[i]]
        if len(twins) > 1:
            raise DataError(
                f"The header row names more than one column {header[i]!r} (columns "
                f"{', '.join(map(str, twins))}). Give each column a different name."
            )


def _looks_like_index(name: str) -> bool:
    name = name.lower()
    return name in _INDEX_NAMES or name.removeprefix("unnamed:").strip().isdigit()


def _too_few_columns(header: tuple[str, ...]) -> None:
    raise DataError(
        f"The file has only {len(header)} columns ({_listing(header)}); it needs "
        "two numeric feature columns and a label column, e.g. x1,x2,label."
    )


def _feature(table: Table, r: int, c: int) -> float:
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
            f"train on (the playground takes values up to {MAX_ABS:.0e}, so that squared "
            "features stay finite). Rescale that column, e.g. change its units, and upload "
            "again."
        )
    return value


def _label_key(text: str, sep: str) -> float | str | None:
    """A label as a finite number if it reads as one, else the stripped text; None if missing."""
    if text.lower() in MISSING:
        return None
    value = parse_number(text, sep != ",")
    return value if value is not None and math.isfinite(value) else text


def _labels(table: Table, c: int) -> list:
    """Label keys per row: all numbers (compared numerically) or, if any is text, all text."""
    keys = []
    for r, row in enumerate(table.rows):
        key = _label_key(row[c], table.sep)
        if key is None:
            raise DataError(
                f"{table.where(r)}: the label in column '{table.header[c]}' is missing. "
                "Every row needs a label; fill it in or delete that row."
            )
        keys.append(key)
    if all(isinstance(k, float) for k in keys):
        return keys
    return [row[c] for row in table.rows]


def _match_positive(positive, values: list, column: str):
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
        f"Values found: {_listing(values)}."
    )


def _as_number(value) -> float | None:
    return value if isinstance(value, float) else parse_number(value, True)


def _display(value):
    """A label as the learner wrote it: 1 rather than 1.0, text unchanged."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _show(value) -> str:
    value = _display(value)
    return repr(value) if isinstance(value, str) else str(value)


def _listing(values, limit: int = 10) -> str:
    shown = ", ".join(_cut(_show(v)) for v in values[:limit])
    return shown + (f" and {len(values) - limit} more" if len(values) > limit else "")


def _cut(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
