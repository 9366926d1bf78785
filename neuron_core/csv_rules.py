"""The rules of a learner's CSV file: the limits, the separators, what counts as missing, how a
cell reads as a number, the parsed `Table` and the `DataError` every problem raises.

The reading itself is in three rooms, each built on this one: `neuron_core.csv_bytes` (a
source to text), `neuron_core.csv_table` (text to a `Table`) and `neuron_core.csv_loader`
(a `Table` to a `Dataset`, with `csv_columns` and `csv_cells`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


class DataError(ValueError):
    """A user's data file cannot be used; the message says where and what to do."""


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

    def where(self, i: int) -> str:
        """Say where data row ``i`` (0-based) is, as a learner counts: 'Data row 3 (line 4)'."""
        return f"Data row {i + 1} (line {self.lines[i]} of the file)"


def parse_number(text: str, decimal_comma: bool) -> float | None:
    """Read a stripped cell as a float (may be inf or nan); None if it is not a number."""
    if decimal_comma and _DECIMAL_COMMA.fullmatch(text):
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None
