"""Reading a user's CSV file into a table of stripped strings, or a `DataError` saying why not.

`neuron_core.csv_loader` builds the `Dataset` on top of this. Rules:

- the source is a path, bytes or a binary file-like object (an uploaded file is rewound first);
- UTF-8 with or without BOM; UTF-16 with a BOM (Excel's "Unicode Text") is decoded too;
  workbooks, archives and other binary files are recognised and refused with advice;
- the separator (comma, semicolon or tab) is read off the header row; an Excel ``sep=;``
  first line is honoured;
- blank lines are skipped, trailing empty header cells and trailing empty fields are ignored;
- line endings may be LF, CRLF or CR;
- the limits below are checked before anything slow: a file over ``MAX_BYTES``, a line over
  ``MAX_LINE_CHARS`` or a header over ``MAX_COLUMNS`` is refused at once (a 600 000-column
  header would otherwise take a minute to split).
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

# The limits of a learner's file, here and nowhere else (the uploader and its help read them).
MAX_ROWS = 10_000
MAX_BYTES = 5_000_000
MAX_COLUMNS = 100
MAX_LINE_CHARS = 100_000
SEPARATORS = (",", ";", "\t")
SEPARATOR_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
MISSING = frozenset({"", "nan", "na", "n/a", "null"})
UPLOAD_NAME = "uploaded CSV"

_DECIMAL_COMMA = re.compile(r"[+-]?\d*,\d+(?:[eE][+-]?\d+)?")
_SAVE_AS_CSV = "Save it as 'CSV UTF-8 (comma delimited)' and upload that file instead."
_READ_CSV = (
    "The playground reads CSV text: a header row such as x1,x2,label, then one line per example."
)
_MAGIC = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Excel workbook (.xls)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"{\\rtf", "an RTF document (WordPad, TextEdit)"),
)
# What a zip archive holds, told by the names inside it (Office files are zip archives).
_ZIP_KINDS = (
    (b"xl/", "an Excel workbook (.xlsx)"),
    (b"opendocument.spreadsheet", "a LibreOffice spreadsheet (.ods)"),
    (b"word/", "a Word document (.docx)"),
    (b"ppt/", "a PowerPoint file (.pptx)"),
)
_MARKUP = (
    (
        re.compile(r"<!doctype html|<html|<head|<body|<table|<div|<script", re.IGNORECASE),
        "a web page (HTML)",
    ),
    (re.compile(r"<svg", re.IGNORECASE), "an SVG image"),
    (re.compile(r"<\?xml", re.IGNORECASE), "an XML document"),
)


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


def read_source(source) -> tuple[bytes, str]:
    """Return the raw bytes of ``source`` and a display name for it."""
    if isinstance(source, str | os.PathLike):
        return _read_path(source)
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source), UPLOAD_NAME
    if not callable(getattr(source, "read", None)):
        raise DataError(
            f"Cannot read a CSV file from a {type(source).__name__}; "
            "pass a file path, the file's bytes or an uploaded file."
        )
    try:
        if callable(getattr(source, "seekable", None)) and source.seekable():
            source.seek(0)  # st.file_uploader files may already have been read once
        data = source.read(MAX_BYTES + 1)
    except Exception as err:  # any file-like object: report whatever went wrong
        raise DataError(
            f"Could not read the uploaded file ({err}). Try uploading it again."
        ) from err
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not isinstance(data, bytes | bytearray):
        raise DataError("The uploaded file did not return bytes when read; upload it again.")
    _check_size(len(data))
    name = getattr(source, "name", None)
    return bytes(data), Path(name).name if isinstance(name, str) and name else UPLOAD_NAME


def _read_path(source) -> tuple[bytes, str]:
    path = Path(source)
    try:
        if path.is_dir():
            raise DataError(f"'{path}' is a folder, not a file. Choose a .csv file.")
        _check_size(path.stat().st_size)
        return path.read_bytes(), path.name
    except (OSError, ValueError) as err:
        if isinstance(err, DataError):
            raise
        hint = ""
        if isinstance(source, str) and ("\n" in source or "," in source):
            hint = " To load CSV text rather than a file, pass the text's bytes: text.encode()."
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise DataError(f"Could not open the file {str(source)[:200]!r}: {reason}.{hint}") from err


def _check_size(n_bytes: int) -> None:
    if n_bytes > MAX_BYTES:
        raise DataError(
            f"The file is larger than {MAX_BYTES // 1_000_000} MB. The playground reads small "
            f"files (at most {MAX_ROWS:,} rows); keep a sample of the rows and try again."
        )


def decode(data: bytes) -> str:
    """Decode the file's bytes to text, refusing binary files with advice."""
    if not data.strip():
        raise DataError("The file is empty. It needs a header row (e.g. x1,x2,label) and data.")
    kind = _binary_kind(data)
    if kind:
        raise DataError(f"This looks like {kind}, not a CSV text file. {_SAVE_AS_CSV}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif b"\x00" in data:
        raise DataError(
            "This file contains binary data, not CSV text (it may be UTF-16 without a "
            f"byte-order mark, or not a table at all). {_SAVE_AS_CSV}"
        )
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise DataError(
            f"Line {line} of the file is not valid {encoding.removesuffix('-sig').upper()} text "
            f"(byte 0x{data[err.start]:02x} at position {err.start}). {_SAVE_AS_CSV}"
        ) from err
    if "\x00" in text:
        raise DataError(f"This file contains binary data, not CSV text. {_SAVE_AS_CSV}")
    kind = _text_kind(text)
    if kind:
        raise DataError(f"This looks like {kind}, not a CSV table. {_READ_CSV}")
    return text


def _binary_kind(data: bytes) -> str | None:
    """What a binary file is, from its first bytes (and, for a zip, the names inside)."""
    if data.startswith(b"PK\x03\x04"):
        zipped = "a zip archive (an Excel .xlsx workbook is one too)"
        return next((kind for name, kind in _ZIP_KINDS if name in data), zipped)
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


def _text_kind(text: str) -> str | None:
    """JSON or markup named as such: a table never starts with '{', '[{' or a tag."""
    start = text.lstrip()[:200]
    if start.startswith("{") or re.match(r"\[\s*[\[{\"\d\]-]", start):
        return "JSON data"
    if start.startswith("<"):
        return next((kind for pattern, kind in _MARKUP if pattern.search(start)), None)
    return None


def parse_number(text: str, decimal_comma: bool) -> float | None:
    """Read a stripped cell as a float (may be inf or nan); None if it is not a number."""
    if decimal_comma and _DECIMAL_COMMA.fullmatch(text):
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


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
                    f"The file has more than {max_rows:,} data rows; the playground trains on at "
                    f"most {max_rows:,}. Keep a sample of the rows (for example the first "
                    f"{max_rows:,}) and try again."
                )
            rows.append(cells)
            row_lines.append(start)
    except csv.Error as err:
        raise DataError(
            f"Line {reader.line_num} of the file could not be read as CSV ({err}). "
            'Check that line for an unclosed quote (") or an extremely long value.'
        ) from err
    assert header is not None  # a non-blank line exists, so the reader produced a header
    table = Table(header, rows, row_lines, sep)
    for i, cells in enumerate(rows):
        rows[i] = _fit_row(table, i, cells)
    if not rows:
        raise DataError(
            f"The file has a header row ({', '.join(header)}) but no data rows below it. "
            "Add one row per example."
        )
    return table


def _check_line_lengths(lines: list[str]) -> None:
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    if len(lines[longest]) > MAX_LINE_CHARS:
        raise DataError(
            f"Line {longest + 1} of the file is {len(lines[longest]):,} characters long; the "
            f"playground reads lines of at most {MAX_LINE_CHARS:,}, so this file could not be "
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
            f"The header row (line {line}) has {len(cells):,} columns; the playground reads "
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
        raise DataError(
            f'{table.where(i)} opens a quote (") that is never closed, so the following lines '
            "run into it. Remove the stray quote or close it."
        )
    hint = ""
    if len(cells) > n and table.sep == ",":
        hint = " If the numbers use decimal commas (1,5), separate the columns with ';' instead."
    raise DataError(
        f"{table.where(i)} has {len(cells)} field{'s' * (len(cells) != 1)}, but the header "
        f"row has {n} columns "
        f"({', '.join(table.header)}). Check that row for a missing or extra "
        f"{SEPARATOR_NAMES[table.sep]}.{hint}"
    )
