"""A file's text split into a `Table` of stripped strings, its shape checked on the way.

- The separator (comma, semicolon or tab) is read off the header row; an Excel ``sep=;``
  first line is honoured.
- Blank lines are skipped; trailing empty header cells and trailing empty fields are ignored.
- Line endings may be LF, CRLF or CR.
- A line over ``MAX_LINE_CHARS`` or a header over ``MAX_COLUMNS`` is refused before anything
  slow (a 600 000-column header would otherwise take a minute to split).
"""

from __future__ import annotations

import csv
import io
import re

from .csv_rules import (
    MAX_COLUMNS,
    MAX_LINE_CHARS,
    SEPARATOR_NAMES,
    SEPARATORS,
    DataError,
    Problems,
    Table,
    parse_number,
)
from .number_format import count


def split_table(text: str, max_rows: int) -> Table:
    """Split CSV text into a `Table`, checking its shape (header, columns, ragged rows)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    _check_line_lengths(lines)
    sep = _excel_sep_line(lines)  # blanks the "sep=;" line, keeping line numbers
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise DataError("The file is empty. It needs a header row (e.g. x1,x2,label) and data.")
    if sep is None:
        following = next((line for line in lines[first + 1 :] if line.strip()), "")
        sep = _detect_separator(lines[first], following)
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=sep, skipinitialspace=True)
    header: tuple[str, ...] | None = None
    rows: list[tuple[str, ...]] = []
    row_lines: list[int] = []
    last_line = 0  # a quoted field may span lines: a row starts after the previous one ends
    try:
        for fields in reader:
            start, last_line = last_line + 1, reader.line_num
            cells = tuple(field.strip() for field in fields)
            if not any(cells):
                continue
            if header is None:
                header = _check_header(cells, start, sep)
                continue
            if len(rows) >= max_rows:
                raise DataError(
                    f"The file has more than {count(max_rows)} data rows; the playground trains "
                    f"on at most {count(max_rows)}. Keep a sample of the rows (for example the "
                    f"first {count(max_rows)}) and try again."
                )
            rows.append(cells)
            row_lines.append(start)
    except csv.Error as err:
        raise DataError(
            f"Line {reader.line_num} of the file could not be read as CSV ({err}). "
            'Check that line for an unclosed quote (") or an extremely long value.'
        ) from err
    assert header is not None  # a non-blank line exists, so the reader produced a header
    whole = Table(header, rows, row_lines, sep)
    shape, keep = [], []  # rows whose fields do not fit the header are left out, and said
    for i, cells in enumerate(rows):
        try:
            rows[i] = _fit_row(whole, i, cells)
            keep.append(i)
        except _BadShape as bad:
            shape.append((*bad.args, i + 1, row_lines[i]))
    if not rows:
        raise DataError(
            f"The file has a header row ({', '.join(header)}) but no data rows below it. "
            "Add one row per example."
        )
    if not shape:
        return whole
    if not keep:
        Problems(shape).raise_if_any()
    return Table(
        header,
        [rows[i] for i in keep],
        [row_lines[i] for i in keep],
        sep,
        numbers=[i + 1 for i in keep],
        problems=tuple(shape),
    )


class _BadShape(Exception):
    """A data row whose fields do not fit the header: (kind, sentence)."""


def _check_line_lengths(lines: list[str]) -> None:
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    if len(lines[longest]) > MAX_LINE_CHARS:
        raise DataError(
            f"Line {longest + 1} of the file is {count(len(lines[longest]))} characters long; the "
            f"playground reads lines of at most {count(MAX_LINE_CHARS)}, so this file could not be "
            "read as a table. A training file needs only two feature columns and a label "
            "column: delete the other columns (or that line's long value) and upload again."
        )


def _excel_sep_line(lines: list[str]) -> str | None:
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        found = re.fullmatch(r'"?sep=(.)"?', line.strip(), flags=re.IGNORECASE)
        if not found or found.group(1) not in SEPARATORS:
            return None
        lines[i] = ""
        return found.group(1)
    return None


def _count_outside_quotes(line: str, char: str) -> int:
    inside, count = False, 0
    for c in line:
        if c == '"':
            inside = not inside
        elif c == char and not inside:
            count += 1
    return count


def _detect_separator(header: str, following: str) -> str:
    """The candidate used most in the header; ties go to the one the next line agrees with."""

    def score(sep: str) -> tuple[int, bool]:
        n = _count_outside_quotes(header, sep)
        return n, n == _count_outside_quotes(following, sep)

    return max(SEPARATORS, key=score)  # max keeps the first of equals: comma, then semicolon


def _check_header(cells: tuple[str, ...], line: int, sep: str) -> tuple[str, ...]:
    while cells and not cells[-1]:
        cells = cells[:-1]  # "x1,x2,label," from spreadsheets: the trailing cell is nothing
    if len(cells) > MAX_COLUMNS:
        raise DataError(
            f"The header row (line {line}) has {count(len(cells))} columns; the playground reads "
            f"files with at most {MAX_COLUMNS}. Keep the two feature columns and the label "
            "column (delete the others) and upload again."
        )
    if len(cells) == 1:
        guess = next((c for c in "| :" if c in cells[0]), None)
        hint = f" It looks separated by {guess!r}, which is not supported." if guess else ""
        raise DataError(
            f"Only one column was found in the header row (line {line}: {cells[0][:60]!r}).{hint} "
            "Separate the columns with commas, semicolons or tabs, e.g. x1,x2,label."
        )
    if all(parse_number(c, sep != ",") is not None for c in cells if c):
        raise DataError(
            f"The first line ({', '.join(cells)}) holds numbers, not column names. "
            "Add a header row with the column names, e.g. x1,x2,label, as the first line."
        )
    return cells


def _fit_row(table: Table, i: int, cells: tuple[str, ...]) -> tuple[str, ...]:
    n = len(table.header)
    if len(cells) > n and not any(cells[n:]):
        return cells[:n]  # trailing empty fields ("1,2,0,,") carry nothing
    if len(cells) == n:
        return cells
    if any("\n" in cell for cell in cells):
        raise _BadShape(
            "quote",
            f'{table.where(i)} opens a quote (") that is never closed, so the following lines '
            "run into it. Remove the stray quote or close it.",
        )
    hint = ""
    if len(cells) > n and table.sep == ",":
        hint = " If the numbers use decimal commas (1,5), separate the columns with ';' instead."
    raise _BadShape(
        "fields",
        f"{table.where(i)} has {len(cells)} field{'s' * (len(cells) != 1)}, but the header "
        f"row has {n} columns "
        f"({', '.join(table.header)}). Check that row for a missing or extra "
        f"{SEPARATOR_NAMES[table.sep]}.{hint}",
    )
