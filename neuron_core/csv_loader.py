"""Load a learner's CSV file as a two-feature, two-class `Dataset`.

The rules and limits live in `neuron_core.csv_rules`, reading in `csv_bytes` and
`csv_table`; this module picks the columns (`csv_columns`), converts the cells
(`csv_cells`) and maps the labels to 0/1. Every problem raises `DataError` with a
sentence saying where (data row and file line, column) and what to do; the problems of a
file's rows (bad shape, bad cells, missing labels) are all collected first and reported in
one message, each kind once with its first rows (`csv_rules.Problems`).

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
- Text labels that differ only in case, or say yes or no another way (Y/N, yes/no,
  true/false, 1/0), are one class, named by its most common spelling (`csv_labels`);
  `inspect_csv` says so per column (``CsvPreview.merges``), so an app can tell the learner.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .csv_bytes import decode, read_source
from .csv_cells import distinct, features, labels, listing, match_positive, show
from .csv_columns import index_column, label_like, named_labels, pick_columns, too_few_columns
from .csv_labels import merge_note
from .csv_rules import MAX_ROWS, DataError, Problems, Table
from .csv_table import split_table
from .datasets import Dataset

__all__ = ["MAX_ROWS", "CsvPreview", "DataError", "inspect_csv", "load_csv"]

PREVIEW_VALUES = 50


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
        For each of ``columns``: how many distinct values (classes) it holds.
    merges : tuple of (str or None)
        For each of ``columns``: a sentence naming the spellings read as one class
        (`neuron_core.csv_labels`), or None.
    """

    columns: tuple[str, ...]
    label_guess: str
    label_values: tuple
    n_rows: int
    index_column: str | None = None
    label_choices: tuple[str, ...] = ()
    values: tuple[tuple, ...] = ()
    counts: tuple[int, ...] = ()
    merges: tuple[str | None, ...] = ()

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

    def merge_of(self, column: str) -> str | None:
        """Which of ``column``'s spellings are read as one class, in a sentence, or None."""
        return self.merges[self.columns.index(column)]


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
    table, name = _read_table(source)
    i1, i2, il = pick_columns(table, columns)
    problems = Problems(table.problems)  # rows left out for their shape, then bad cells
    X = features(table, (i1, i2), problems)
    found, per_row = labels(table, il, problems)
    names, column = found.names, table.header[il]
    if positive is not None:
        pos = match_positive(positive, found, column)
    elif len(names) > 2:
        problems.add(
            "classes",
            f"The label column '{column}' has {len(names)} different values "
            f"({listing(names)}); the neuron separates two classes. Pick a positive class "
            "(positive=...) to train it against all the others.",
        )
    if len(names) == 1:
        problems.add(
            "classes",
            f"The label column '{column}' has only one value ({show(names[0])}). A classifier "
            "needs examples of two classes.",
        )
    problems.raise_if_any()
    if positive is None:
        pos = 1
        classes = (names[0], names[1])
    else:
        rest = [n for k, n in enumerate(names) if k != pos]
        classes = (rest[0] if len(rest) == 1 else f"not {names[pos]}", names[pos])
    y = np.array([k == pos for k in per_row], dtype=np.int64)
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
    table, _ = _read_table(source)
    named = [i for i, name in enumerate(table.header) if name]
    if len(named) < 3:
        too_few_columns(table.header)
    index = index_column(table)
    usable = [i for i in named if i != index]
    classes = {i: distinct(table, i) for i in named}
    found = {i: c.names for i, c in classes.items()}
    choices = label_like(table, usable, found)
    named_label = named_labels(table.header, usable)
    fallback = named_label[0] if named_label else usable[-1]  # what load_csv would take
    guess = choices[0] if len(choices) == 1 else fallback
    shown = {i: values[:PREVIEW_VALUES] for i, values in found.items()}
    return CsvPreview(
        columns=tuple(table.header[i] for i in named),
        label_guess=table.header[guess],
        label_values=shown[guess],
        n_rows=len(table.rows),
        index_column=None if index is None else table.header[index],
        label_choices=tuple(table.header[i] for i in choices),
        values=tuple(shown[i] for i in named),
        counts=tuple(len(found[i]) for i in named),
        merges=tuple(merge_note(table.header[i], classes[i]) for i in named),
    )


def _read_table(source) -> tuple[Table, str]:
    """The source's `Table` and display name, every limit checked on the way."""
    data, name = read_source(source)
    return split_table(decode(data), MAX_ROWS), name
