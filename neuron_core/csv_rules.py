"""The rules of a learner's CSV file: the limits, the separators, what counts as missing, how a
cell reads as a number, the parsed `Table`, the `DataError` every problem raises and the
`Problems` of a file's rows, collected so that one upload reports them all.

The reading itself is in three rooms, each built on this one: `neuron_core.csv_bytes` (a
source to text), `neuron_core.csv_table` (text to a `Table`) and `neuron_core.csv_loader`
(a `Table` to a `Dataset`, with `csv_columns` and `csv_cells`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .number_format import count

# The limits of a learner's file, here and nowhere else: the uploader, its help, the messages
# and the server's own cap (.streamlit/config.toml, checked by a test) all read them.
MAX_ROWS = 10_000
MAX_MEGABYTES = 5
MAX_BYTES = MAX_MEGABYTES * 1_000_000
MAX_COLUMNS = 100
MAX_LINE_CHARS = 100_000
MAX_ABS = 1e150  # squared features (x1^2, x1*x2) of values up to this size stay finite

SEPARATORS = (",", ";", "\t")
SEPARATOR_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
MISSING = frozenset({"", "nan", "na", "n/a", "null"})
UPLOAD_NAME = "uploaded CSV"

_DECIMAL_COMMA = re.compile(r"[+-]?\d*,\d+(?:[eE][+-]?\d+)?")


ROWS_NAMED = 5  # rows a problem names before it counts the rest


class DataError(ValueError):
    """A user's data file cannot be used; the message says where and what to do.

    ``problems`` holds one sentence per kind of problem (the message joins them), so an app
    can list them; a single problem is the message itself.
    """

    def __init__(self, message: str, problems: tuple[str, ...] = ()):
        super().__init__(message)
        self.problems = tuple(problems) or (message,)

    def __reduce__(self):  # keeps ``problems`` when pickled (caches, processes)
        return type(self), (str(self), self.problems)


@dataclass(frozen=True)
class Table:
    """A parsed CSV file: header and data rows as stripped strings.

    Attributes
    ----------
    header : tuple of str
        Column names, whitespace stripped (an unnamed column is ``""``).
    rows : list of tuple of str
        Data rows, each with ``len(header)`` stripped fields.
    lines : list of int
        1-based line number in the file of each data row.
    sep : str
        The separator: ``","``, ``";"`` or ``"\\t"``.
    """

    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    lines: list[int]
    sep: str
    numbers: list[int] | None = None  # each row's data row number, when rows were left out
    problems: tuple = ()  # rows left out for their shape: `Problems.add` arguments

    def number(self, i: int) -> int:
        """Data row ``i``'s (0-based) number as a learner counts, 1 for the first."""
        return self.numbers[i] if self.numbers is not None else i + 1

    def where(self, i: int) -> str:
        """Say where data row ``i`` (0-based) is, as a learner counts: 'Data row 3 (line 4)'."""
        return f"Data row {self.number(i)} (line {self.lines[i]} of the file)"


class Problems:
    """A file's problems by kind: the first one's sentence (it says where and what to do) and
    every data row where that kind occurs, so one message names each kind once."""

    def __init__(self, found=()):
        self.found: dict = {}  # kind -> (sentence, [(row, line), …])
        for kind, sentence, row, line in found:  # e.g. a `Table`'s rows left out
            self.add(kind, sentence, row, line)

    def add(self, kind, sentence: str, row: int | None = None, line: int | None = None):
        """Note a problem of ``kind``; only the first sentence of a kind is kept."""
        rows = self.found.setdefault(kind, (sentence, []))[1]
        if row is not None:
            rows.append((row, line))

    def at(self, table: Table, i: int, kind, sentence: str):
        """Note a problem of ``kind`` in data row ``i`` of ``table``."""
        self.add(kind, sentence, table.number(i), table.lines[i])

    def raise_if_any(self) -> None:
        """Raise one `DataError` naming every kind of problem found, if any."""
        if not self.found:
            return
        said = tuple(_with_rows(sentence, rows) for sentence, rows in self.found.values())
        if len(said) == 1:
            raise DataError(said[0])
        head = f"The file has {len(said)} kinds of problems; fix them all and upload again:"
        raise DataError("\n".join([head, *(f"- {s}" for s in said)]), said)


def _with_rows(sentence: str, rows: list) -> str:
    """The first problem's sentence, then the other rows with the same problem."""
    more = rows[1:]
    if not more:
        return sentence
    named = more[:ROWS_NAMED]
    numbers, lines = _listed([r for r, _ in named]), _listed([ln for _, ln in named])
    rest = f", and {count(len(more) - len(named))} more rows" if len(more) > len(named) else ""
    s = "s" if len(named) > 1 else ""
    where = f"row{s} {numbers} (line{s} {lines})"
    return f"{sentence} The same kind of problem in data {where}{rest}."


def _listed(items) -> str:
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def parse_number(text: str, decimal_comma: bool) -> float | None:
    """Read a stripped cell as a float (may be inf or nan); None if it is not a number."""
    if decimal_comma and _DECIMAL_COMMA.fullmatch(text):
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None
