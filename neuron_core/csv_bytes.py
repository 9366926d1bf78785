"""A learner's file as text: its bytes read from a path, bytes or an uploaded file, then decoded,
or a `DataError` saying why not.

- The source is a path, bytes or a binary file-like object (an uploaded file is rewound first).
- UTF-8 with or without BOM; UTF-16 with a BOM (Excel's "Unicode Text") is decoded too.
- Workbooks, archives, documents, images, JSON and markup are recognised and refused with
  advice.
- A file over ``MAX_BYTES`` is refused before it is read in full.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .csv_rules import MAX_BYTES, MAX_MEGABYTES, MAX_ROWS, UPLOAD_NAME, DataError
from .number_format import count

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
            f"The file is larger than {MAX_MEGABYTES} MB. The playground reads small "
            f"files (at most {count(MAX_ROWS)} rows); keep a sample of the rows and try again."
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
