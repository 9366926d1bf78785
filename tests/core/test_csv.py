"""`load_csv` and `inspect_csv`: good files load exactly; bad ones raise a `DataError` that says
where the problem is and what to do; nothing else ever escapes."""

from __future__ import annotations

import gzip
import io

import numpy as np
import pytest

from neuron_core.csv_loader import MAX_ROWS, CsvPreview, DataError, inspect_csv, load_csv

PLAIN = b"x1,x2,label\n0.5,1.5,0\n-2,3e2,1\n4,5,1\n"
PLAIN_X = [[0.5, 1.5], [-2.0, 300.0], [4.0, 5.0]]


class Upload(io.BytesIO):
    """Stands in for `st.file_uploader`'s UploadedFile: a BytesIO with a file name."""

    name = "my data.csv"


def check(ds, X, y, feature_names=("x1", "x2"), classes=(0, 1)):
    assert ds.X.dtype == np.float64
    assert ds.X.shape == (len(y), 2)
    np.testing.assert_array_equal(ds.X, np.array(X, dtype=float))
    assert ds.y.shape == (len(y),)
    assert np.issubdtype(ds.y.dtype, np.integer)
    np.testing.assert_array_equal(ds.y, y)
    assert ds.feature_names == feature_names
    assert ds.classes == classes
    assert all(type(c) in (int, float, str) for c in ds.classes)


# --------------------------------------------------------------------------- good files

# Each spells the PLAIN table another way: it loads as PLAIN_X, y = [0, 1, 1], x1 and x2.
SAME_AS_PLAIN = {
    "comma": PLAIN,
    "semicolon": b"x1;x2;label\n0.5;1.5;0\n-2;3e2;1\n4;5;1\n",
    "tab": b"x1\tx2\tlabel\n0.5\t1.5\t0\n-2\t3e2\t1\n4\t5\t1\n",
    "bom": b"\xef\xbb\xbf" + PLAIN,
    "crlf": PLAIN.replace(b"\n", b"\r\n"),
    "old-mac-cr": PLAIN.replace(b"\n", b"\r"),
    "utf16-with-bom": "x1,x2,label\n0.5,1.5,0\n-2,3e2,1\n4,5,1\n".encode("utf-16"),
    "blank-and-trailing-empty-lines": b"\n\nx1,x2,label\n0.5,1.5,0\n\n-2,3e2,1\n4,5,1\n\n\n  \n",
    "trailing-separators": b"x1,x2,label,\n0.5,1.5,0,\n-2,3e2,1,,\n4,5,1\n,,\n",
    "excel-sep-line": b"sep=;\nx1;x2;label\n0.5;1.5;0\n-2;3e2;1\n4;5;1\n",
    "whitespace-around-values-and-headers": (
        b"  x1 ,\t x2  , label \n 0.5 , 1.5 ,0\n-2 ,  3e2, 1 \n4,5 , 1\n"
    ),
    "quoted-numbers": b'"x1","x2","label"\n"0.5","1.5","0"\n"-2", "3e2","1"\n4,"5",1\n',
    "decimal-comma-with-semicolons": b"x1;x2;label\n0,5;1,5;0\n-2;3e2;1\n4;5,0;1\n",
    "pandas-index-column-dropped": b",x1,x2,label\n0,0.5,1.5,0\n1,-2,3e2,1\n2,4,5,1\n",
    "id-column-dropped": b"ID,x1,x2,label\n7,0.5,1.5,0\n8,-2,3e2,1\n9,4,5,1\n",
    "unnamed-0-column-dropped": b"Unnamed: 0,x1,x2,label\n0,0.5,1.5,0\n1,-2,3e2,1\n2,4,5,1\n",
}

# PLAIN's features (x1, x2) with these labels, top to bottom: (labels, y, classes).
LABELS = {
    "zero-one-kept-when-1-comes-first": (("1", "0", "0"), [1, 0, 0], (0, 1)),
    "minus-one-one": (("1", "-1", "1.0"), [1, 0, 1], (-1, 1)),
    "numeric-labels-sorted-numerically": (("10", "9", "9"), [1, 0, 0], (9, 10)),
    "float-labels": (("0.25", "-1.5", "0.25"), [1, 0, 1], (-1.5, 0.25)),
}

# The same with a positive class: (labels, positive, y, classes).
POSITIVE = {
    "positive-text-matches-number": (("2", "1", "3"), "1", [0, 1, 0], ("not 1", 1)),
    "positive-int-matches-3.0": (("2", "1", "3.0"), 3, [0, 0, 1], ("not 3", 3)),
    "positive-with-whitespace": ((" cat", "dog", "fish"), " cat ", [1, 0, 0], ("not cat", "cat")),
    "positive-flips-two-classes": (("1", "0", "0"), 0, [0, 1, 1], (1, 0)),
}

IRIS = b"sl,sw,pl,pw,species\n0.5,9,1.5,9,setosa\n-2,9,3e2,9,virginica\n4,9,5,9,setosa\n"

# (data, load_csv arguments, y, feature names, classes); X is PLAIN_X in every file.
GOOD = [
    pytest.param(
        b"x1,x2,animal\n0.5,1.5,dog\n-2,3e2,cat\n4,5, dog \n",
        {},
        [1, 0, 1],
        ("x1", "x2"),
        ("cat", "dog"),
        id="string-labels-sorted",
    ),
    pytest.param(
        b"Class,height,weight\n1,0.5,1.5\n0,-2,3e2\n0,4,5\n",
        {},
        [1, 0, 0],
        ("height", "weight"),
        (0, 1),
        id="label-named-Class-first",
    ),
    pytest.param(
        b"a,TARGET,b\n0.5,yes,1.5\n-2,no,3e2\n4,no,5\n",
        {},
        [1, 0, 0],
        ("a", "b"),
        ("no", "yes"),
        id="label-named-TARGET-middle",
    ),
    pytest.param(
        IRIS,
        {"columns": ("sl", "pl", "species"), "positive": "virginica"},
        [0, 1, 0],
        ("sl", "pl"),
        ("setosa", "virginica"),
        id="columns-from-wider-file",
    ),
    pytest.param(
        IRIS,
        {"columns": [" SL ", "PL", "Species"]},
        [0, 1, 0],
        ("sl", "pl"),
        ("setosa", "virginica"),
        id="columns-case-and-space-insensitive",
    ),
    pytest.param(
        b"pw,pl,species\n1.5,0.5,setosa\n3e2,-2,versicolor\n5,4,virginica\n",
        {"columns": ("pl", "pw", "species"), "positive": "versicolor"},
        [0, 1, 0],
        ("pl", "pw"),
        ("not versicolor", "versicolor"),
        id="one-vs-rest-three-classes",
    ),
]


@pytest.mark.parametrize("data", SAME_AS_PLAIN.values(), ids=SAME_AS_PLAIN.keys())
def test_a_file_spelling_the_plain_table_another_way_loads_exactly(data):
    check(load_csv(data), PLAIN_X, [0, 1, 1], ("x1", "x2"), (0, 1))


def _labelled(labels) -> bytes:
    rows = zip(("0.5,1.5", "-2,3e2", "4,5"), labels, strict=True)
    return ("x1,x2,label\n" + "".join(f"{x},{y}\n" for x, y in rows)).encode()


@pytest.mark.parametrize(("labels", "y", "classes"), LABELS.values(), ids=LABELS.keys())
def test_labels_map_to_0_and_1(labels, y, classes):
    check(load_csv(_labelled(labels)), PLAIN_X, y, ("x1", "x2"), classes)


@pytest.mark.parametrize(
    ("labels", "positive", "y", "classes"), POSITIVE.values(), ids=POSITIVE.keys()
)
def test_the_positive_class_becomes_1(labels, positive, y, classes):
    check(load_csv(_labelled(labels), positive=positive), PLAIN_X, y, ("x1", "x2"), classes)


@pytest.mark.parametrize(("data", "kwargs", "y", "names", "classes"), GOOD)
def test_good_file_loads_exactly(data, kwargs, y, names, classes):
    check(load_csv(data, **kwargs), PLAIN_X, y, names, classes)


def test_path_source_as_str_and_path(tmp_path):
    path = tmp_path / "points.csv"
    path.write_bytes(PLAIN)
    for source in (path, str(path)):
        ds = load_csv(source)
        check(ds, PLAIN_X, [0, 1, 1])
        assert ds.name == "points.csv"


def test_uploaded_file_is_read_from_the_start_and_named():
    upload = Upload(PLAIN)
    upload.read()  # a page may already have read it once, e.g. through inspect_csv
    ds = load_csv(upload)
    check(ds, PLAIN_X, [0, 1, 1])
    assert ds.name == "my data.csv"
    check(load_csv(upload), PLAIN_X, [0, 1, 1])


def test_bytes_like_sources():
    text_mode = io.StringIO(PLAIN.decode())  # a file opened in text mode also works
    for source in (PLAIN, bytearray(PLAIN), memoryview(PLAIN), io.BytesIO(PLAIN), text_mode):
        check(load_csv(source), PLAIN_X, [0, 1, 1])


def test_exactly_max_rows_is_accepted():
    rows = "".join(f"{i},{-i},{i % 2}\n" for i in range(MAX_ROWS))
    ds = load_csv(("x1,x2,label\n" + rows).encode())
    assert ds.X.shape == (MAX_ROWS, 2)
    assert ds.X[-1].tolist() == [MAX_ROWS - 1, -(MAX_ROWS - 1)]
    assert ds.y.sum() == MAX_ROWS // 2


def test_inspect_csv_describes_a_wide_file():
    data = b"id,sl,sw,Species\n1,5.1,3.5,setosa\n2,7.0,3.2, versicolor\n3,6.3,3.3,virginica\n"
    preview = inspect_csv(data)
    assert isinstance(preview, CsvPreview)
    assert preview == CsvPreview(
        columns=("id", "sl", "sw", "Species"),
        label_guess="Species",
        label_values=("setosa", "versicolor", "virginica"),
        n_rows=3,
        index_column="id",
        label_choices=("Species",),
        values=((1, 2, 3), (5.1, 6.3, 7), (3.2, 3.3, 3.5), ("setosa", "versicolor", "virginica")),
        counts=(3, 3, 3, 3),
        merges=(None, None, None, None),
    )
    assert preview.usable == ("sl", "sw", "Species")


def test_inspect_csv_numeric_labels_sorted_and_usable_as_positive():
    data = b"a,b,c,d\n1,2,3,10\n4,5,6,9\n7,8,9,2.5\n1,1,1,9.0\n"
    preview = inspect_csv(data)
    assert preview.label_guess == "d"
    assert preview.label_values == (2.5, 9, 10)
    assert preview.n_rows == 4
    ds = load_csv(data, columns=("a", "b", "d"), positive=preview.label_values[1])
    np.testing.assert_array_equal(ds.y, [0, 1, 0, 1])
    assert ds.classes == ("not 9", 9)


def test_inspect_csv_caps_label_values():
    rows = "".join(f"{i},{i},{i}\n" for i in range(200))
    preview = inspect_csv(("x,y,z\n" + rows).encode())
    assert len(preview.label_values) == 50
    assert preview.label_values[:3] == (0, 1, 2)


# ---------------------------------------------------------------------------- bad files

XLSX = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml"
TOO_MANY = ("x1,x2,label\n" + "1,2,0\n" * MAX_ROWS + "3,4,1\n").encode()

# (data, what the message must say): files that no argument can save.
BAD = {
    "empty-file": (b"", ["empty"]),
    "only-whitespace": (b"\n \r\n\t\n", ["empty"]),
    "xlsx-renamed-csv": (XLSX, ["Excel", "CSV UTF-8"]),
    "old-xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20, ["Excel"]),
    "gzip": (gzip.compress(PLAIN), ["gzip"]),
    "utf16-no-bom": (PLAIN.decode().encode("utf-16-le"), ["UTF-16", "UTF-8"]),
    "latin1-not-utf8": (b"x1,x2,label\n1,2,0\ncaf\xe9,3,1\n", ["Line 3", "UTF-8", "0xe9"]),
    "header-only": (b"x1,x2,label\n", ["no data rows", "x1, x2, label"]),
    "header-and-blank-lines": (b"x1,x2,label\n\n\n", ["no data rows"]),
    "one-column": (b"values\n1\n2\n", ["one column", "commas"]),
    "pipe-separated": (b"x1|x2|label\n1|2|0\n", ["one column", "'|'"]),
    "two-cols": (b"x,label\n1,0\n2,1\n", ["only 2 columns", "'x'", "'label'"]),
    "no-header-row": (b"1.5,2,0\n3,4,1\n", ["header row", "1.5, 2, 0"]),
    "three-classes": (
        b"x1,x2,label\n1,2,a\n3,4,b\n5,6,c\n",
        ["3 different values", "'a', 'b', 'c'", "positive"],
    ),
    "single-class": (b"x1,x2,label\n1,2,7\n3,4,7.0\n", ["'label'", "only one value (7)"]),
    "missing-cell": (b"x1,x2,label\n1,2,0\n3,,1\n", ["Data row 2", "line 3", "'x2'", "empty"]),
    "non-numeric-feature": (
        b"x1,x2,label\n1,2,0\n\nabc,4,1\n",
        ["Data row 2", "line 4", "'x1'", "'abc'", "not a number"],
    ),
    "overflow-1e400": (
        b"x1,x2,label\n1,2,0\n3,1e400,1\n",
        ["Data row 2", "line 3", "'x2'", "'1e400'", "infinity"],
    ),
    "too-large-to-square": (
        b"x1,x2,label\n1,2,0\n3,-2e160,1\n",
        ["Data row 2", "line 3", "'x2'", "'-2e160'", "too large", "1 × 10¹⁵⁰", "Rescale"],
    ),
    "nan-text": (b"x1,x2,label\n1,2,0\nnan,4,1\n", ["Data row 2", "'x1'", "missing", "'nan'"]),
    "inf-text": (
        b"x1,x2,label\n1,-inf,0\n3,4,1\n",
        ["Data row 1", "line 2", "'x2'", "'-inf'", "not finite"],
    ),
    "five-columns-without-columns": (
        b"a,b,c,d,e\n1,2,3,4,0\n5,6,7,8,1\n",
        ["5 columns", "'a', 'b', 'c', 'd', 'e'", "columns="],
    ),
    "four-columns-no-index": (
        b"a,b,c,label\n1,2,3,0\n5,6,7,1\n",
        ["4 columns", "Pick which three"],
    ),
    "duplicate-names": (b"x,x,label\n1,2,0\n3,4,1\n", ["more than one column 'x'", "1, 2"]),
    "too-many-rows": (TOO_MANY, ["more than 10,000 data rows"]),
    "ragged-row-too-long": (
        b"x1,x2,label\n1,2,0\n3,4,1,5\n",
        ["Data row 2", "line 3", "4 fields", "3 columns"],
    ),
    "ragged-short": (b"x1,x2,label\n1,2,0\n3,4\n", ["Data row 2", "2 fields", "3 columns"]),
    "decimal-comma-with-commas": (
        b"x1,x2,label\n1,5,2,5,0\n",
        ["Data row 1", "5 fields", "decimal commas", "';'"],
    ),
    "unclosed-quote": (b'x1,x2,label\n1,"2,0\n3,4,1\n', ["Data row 1", "line 2", "quote"]),
    "giant-field": (
        b'x1,x2,label\n1,"' + b"9" * 200_000 + b'",0\n',
        ["Line 2", "200,006 characters", "at most 100,000"],
    ),
    "long-line-under-the-limit-is-read": (
        ("x1,x2,label\n1," + "9" * 99_000 + ",0\n").encode(),
        ["Data row 1", "'x2'", "too large"],
    ),
    "label-blank": (b"x1,x2,label\n1,2,0\n3,4, \n", ["Data row 2", "line 3", "label", "missing"]),
    "two-label-columns": (b"x1,class,target\n1,2,0\n3,4,1\n", ["'class' and 'target'"]),
    "unnamed-feature": (b",x2,label\n1,2,0\n3,4,1\n", ["Column 1 has no name"]),
    "source-not-a-file": (12345, ["Cannot read", "int"]),
}

# (data, load_csv arguments, what the message must say): arguments the file cannot meet.
BAD_ARGUMENTS = [
    pytest.param(
        PLAIN,
        {"columns": ("x1", "zzz", "label")},
        ["no column named 'zzz'", "'x1', 'x2', 'label'"],
        id="columns-unknown-name",
    ),
    pytest.param(
        PLAIN, {"columns": ("x1", "x2", "x1")}, ["uses a column twice"], id="label-same-as-feature"
    ),
    pytest.param(PLAIN, {"columns": ("x1", "label")}, ["three columns"], id="columns-only-two"),
    pytest.param(PLAIN, {"columns": "x1,x2,label"}, ["three columns"], id="columns-as-one-string"),
    pytest.param(PLAIN, {"columns": 3}, ["three columns"], id="columns-not-a-sequence"),
    pytest.param(
        PLAIN, {"positive": "fish"}, ["positive='fish'", "'label'", "0, 1"], id="positive-absent"
    ),
    pytest.param(
        b"x1,x2,label\n1,2,0\n3,4,1\n", {"positive": 0.5}, ["positive=0.5"], id="positive-float"
    ),
]


def _assert_refused(data, kwargs, fragments):
    with pytest.raises(DataError) as caught:
        load_csv(data, **kwargs)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} missing from: {message}"


@pytest.mark.parametrize(("data", "fragments"), BAD.values(), ids=BAD.keys())
def test_bad_file_raises_data_error_saying_what_and_where(data, fragments):
    _assert_refused(data, {}, fragments)


@pytest.mark.parametrize(("data", "kwargs", "fragments"), BAD_ARGUMENTS)
def test_bad_arguments_raise_data_error_saying_what_and_where(data, kwargs, fragments):
    _assert_refused(data, kwargs, fragments)


def test_data_error_is_a_value_error():
    assert issubclass(DataError, ValueError)


def test_missing_path_and_folder(tmp_path):
    with pytest.raises(DataError, match="Could not open the file"):
        load_csv(tmp_path / "nope.csv")
    with pytest.raises(DataError, match="folder"):
        load_csv(tmp_path)
    with pytest.raises(DataError, match=r"text\.encode\(\)"):
        load_csv("x1,x2,label\n1,2,0\n")


def test_inspect_csv_raises_only_data_error():
    with pytest.raises(DataError, match="Excel"):
        inspect_csv(XLSX)
    with pytest.raises(DataError, match="only 2 columns"):
        inspect_csv(b"x,label\n1,0\n")
    ragged = b"x1,x2,label\n1,2,0\n3,4\n5,6,1\n"
    assert inspect_csv(ragged).n_rows == 2  # a preview of the rows that fit; load_csv says why
    with pytest.raises(DataError, match="Data row 2"):
        load_csv(ragged)


# ------------------------------------------------------------------------- random garbage

ALPHABET = [*'0123456789,;\t"\n\r .-+eE abcnaif', "\ufeff", "é", "1e400", "label"]
CELLS = ["0", "1", "-2.5", "1e3", " 7 ", '"3"', "4.", ".5", "abc", "", "nan", "1e400", "0,5"]
LABELS = ["0", "1", "1.0", "cat", "dog", "", " 1 "]


def _load_or_data_error(data, load):
    try:
        result = load(data)
    except DataError as err:
        assert str(err)
        return None
    return result


def _assert_valid(ds):
    assert ds.X.dtype == np.float64
    assert ds.X.shape == (ds.y.shape[0], 2)
    assert np.isfinite(ds.X).all()
    assert set(np.unique(ds.y)) == {0, 1}
    assert len(ds.classes) == 2


@pytest.mark.parametrize("seed", range(8))
def test_random_bytes_raise_nothing_but_data_error(seed):
    rng = np.random.default_rng(seed)
    raw = rng.integers(0, 256, size=int(rng.integers(1, 4000)), dtype=np.uint8).tobytes()
    for data in (raw, b"x1,x2,label\n" + raw, raw.replace(b"\x00", b",")):
        for load in (load_csv, inspect_csv):
            _load_or_data_error(data, load)


@pytest.mark.parametrize("seed", range(8))
def test_random_characters_raise_nothing_but_data_error(seed):
    rng = np.random.default_rng(100 + seed)
    for _ in range(40):
        body = "".join(rng.choice(ALPHABET, size=int(rng.integers(0, 300))))
        data = (("x1,x2,label\n" if rng.random() < 0.5 else "") + body).encode()
        for load in (load_csv, inspect_csv):
            _load_or_data_error(data, load)


@pytest.mark.parametrize("seed", range(8))
def test_random_tables_load_validly_or_raise_data_error(seed):
    rng = np.random.default_rng(200 + seed)
    loaded = 0
    for _ in range(60):
        sep = str(rng.choice([",", ";", "\t"]))
        end = str(rng.choice(["\n", "\r\n"]))
        clean = rng.random() < 0.5  # half the tables have only good cells
        pair = rng.choice(LABELS[:5], size=2, replace=False).tolist()  # usually two classes
        lines = [sep.join(["x1", "x2", "label"])]
        for _ in range(int(rng.integers(1, 12))):
            cells = rng.choice(CELLS[:8] if clean else CELLS, size=2).tolist()
            label = str(rng.choice(pair if clean else LABELS))
            width = 3 if clean or rng.random() < 0.9 else int(rng.integers(1, 6))
            lines.append(sep.join([*cells, label][:width] + [""] * (width - 3)))
        data = end.join(lines).encode()
        ds = _load_or_data_error(data, load_csv)
        if ds is not None:
            _assert_valid(ds)
            loaded += 1
        _load_or_data_error(data, inspect_csv)
    assert loaded > 0


# ------------------------------------------------------------- what a file is, and limits

NOT_CSV = [
    pytest.param(b'{"x1": [1, 2], "label": [0, 1]}', "JSON", id="json-object"),
    pytest.param(b'[{"x1": 1, "x2": 2, "label": 0}]\n', "JSON", id="json-records"),
    pytest.param(b"<!DOCTYPE html><html><body><table></table></body></html>", "HTML", id="html"),
    pytest.param(b"  <table><tr><td>x1</td></tr></table>", "HTML", id="html-table-fragment"),
    pytest.param(b'<?xml version="1.0"?><rows><r x1="1"/></rows>', "XML", id="xml"),
    pytest.param(b"PK\x03\x04\x14\x00" + b"\x00" * 24 + b"xl/workbook.xml", "Excel", id="xlsx"),
    pytest.param(b"PK\x03\x04\x14\x00" + b"\x00" * 24 + b"word/document.xml", "Word", id="docx"),
    pytest.param(b"PK\x03\x04\x14\x00" + b"\x00" * 24 + b"notes.txt", "zip archive", id="zip"),
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF", id="pdf"),
    pytest.param(b"\x89PNG\r\n\x1a\n" + b"\x00" * 8, "PNG image", id="png"),
    pytest.param(b"{\\rtf1\\ansi x1,x2,label}", "RTF", id="rtf"),
]


@pytest.mark.parametrize(("data", "kind"), NOT_CSV)
def test_a_file_that_is_not_csv_is_named_for_what_it_is(data, kind):
    for read in (load_csv, inspect_csv):
        with pytest.raises(DataError, match=kind) as caught:
            read(data)
        assert "no data rows" not in str(caught.value)


def test_a_bracketed_header_is_still_a_csv():
    ds = load_csv(b"[x1],[x2],label\n1,2,0\n3,4,1\n")
    assert ds.feature_names == ("[x1]", "[x2]")


def _wide(n: int) -> str:
    return ",".join(f"c{i}" for i in range(n)) + "\n" + "1," * (n - 1) + "0\n"


WIDE = [
    pytest.param(_wide(600_000), "Line 1", id="600000-column-header"),
    pytest.param(_wide(150), "150 columns", id="150-columns"),
    pytest.param("x1,x2,label\n1,2,0\n" + "3," * 60_000 + "1\n", "Line 3", id="100KB-data-line"),
]


@pytest.mark.parametrize(("text", "fragment"), WIDE)
def test_a_too_wide_file_is_refused_with_a_message(text, fragment):
    for read in (load_csv, inspect_csv):
        with pytest.raises(DataError, match=fragment) as caught:
            read(text.encode())
        assert "at most" in str(caught.value)


def test_one_hundred_columns_are_read():
    header = ",".join(f"c{i}" for i in range(99)) + ",label"
    rows = "\n".join(",".join(str(i + j) for j in range(99)) + f",{i % 2}" for i in range(4))
    assert inspect_csv(f"{header}\n{rows}\n".encode()).label_guess == "label"


def test_the_limits_are_one_table():
    from neuron_core import csv_loader, csv_rules

    assert csv_loader.MAX_ROWS is csv_rules.MAX_ROWS == 10_000
    assert csv_rules.MAX_BYTES == csv_rules.MAX_MEGABYTES * 1_000_000
    assert (csv_rules.MAX_BYTES, csv_rules.MAX_COLUMNS, csv_rules.MAX_LINE_CHARS) == (
        5_000_000,
        100,
        100_000,
    )


# ---------------------------------------------------------------- which column is what

INDEX = [
    pytest.param(b"id,a,b,label\n7,1,2,0\n8,3,4,1\n9,5,5,0\n", "id", id="named-id"),
    pytest.param(b"Unnamed: 0,a,b,label\n0,1,2,0\n1,3,4,1\n2,5,5,0\n", "Unnamed: 0", id="pandas"),
    pytest.param(b"n,a,b,label\n0,1,2,0\n1,3,4,1\n2,5,5,0\n", "n", id="values-0-to-m-1"),
    pytest.param(b"n,a,b,label\n1,1,2,0\n2,3,4,1\n3,5,5,0\n", "n", id="values-1-to-m"),
    pytest.param(b"id,a,b,c,label\n0,1,2,9,0\n1,3,4,9,1\n2,5,5,9,0\n", "id", id="five-columns"),
]


@pytest.mark.parametrize(("data", "index"), INDEX)
def test_an_index_column_is_named_and_skipped(data, index):
    preview = inspect_csv(data)
    assert preview.index_column == index
    assert index not in preview.usable
    if len(preview.usable) == 3:
        ds = load_csv(data)
        assert ds.feature_names == ("a", "b")
        np.testing.assert_array_equal(ds.X, [[1, 2], [3, 4], [5, 5]])


def test_a_first_column_that_is_a_measurement_is_not_an_index():
    preview = inspect_csv(b"n,a,b,label\n0,1,2,0\n2,3,4,1\n1,5,5,0\n")
    assert preview.index_column is None


LABEL_LIKE = [
    pytest.param(b"x1,x2,label\n1,2.5,0\n3,4,1\n5,6,0\n", ("label",), id="named"),
    pytest.param(b"h,w,kind\n1,2.5,cat\n3,4,dog\n5,6,cat\n", ("kind",), id="text"),
    pytest.param(b"h,w,y\n1,2.5,0\n3,4,1\n5,6,0\n", ("y",), id="two-valued"),
    pytest.param(b"x1,class,target\n1,0,0\n3,1,1\n5,0,1\n", ("class", "target"), id="two-named"),
    pytest.param(b"kind,w,sort\ncat,2,a\ndog,4,b\ncat,6,a\n", ("kind", "sort"), id="two-text"),
    pytest.param(b"a,b,c\n1,2.5,3\n3,4,1\n5,6,7\n", (), id="none"),
]


@pytest.mark.parametrize(("data", "choices"), LABEL_LIKE)
def test_inspect_csv_lists_the_label_like_columns(data, choices):
    assert inspect_csv(data).label_choices == choices


def test_inspect_csv_counts_every_columns_values():
    preview = inspect_csv(b"a,b,kind\n1,2,x\n1,3,y\n1,4,z\n1,5,x\n")
    assert preview.counts == (1, 4, 3)
    assert preview.values_of("kind") == ("x", "y", "z")
    assert preview.count_of("b") == 4


def test_a_pandas_index_without_a_name_is_named_as_the_empty_header():
    preview = inspect_csv(b",a,b,label\n0,1,2,0\n1,3,4,1\n2,5,5,0\n")
    assert preview.index_column == "" and preview.usable == ("a", "b", "label")


# ----------------------------------------------------- one class per thing the learner meant

YES_NO = b"x1,x2,answer\n" + b"".join(
    f"{i},{i % 3},{label}\n".encode() for i, label in enumerate(["Yes", "yes", "Y", "no", "NO"] * 4)
)


def test_case_and_yes_no_variants_are_one_class_each_and_said():
    ds = load_csv(YES_NO)
    assert ds.classes == ("no", "yes")
    np.testing.assert_array_equal(ds.y, [1, 1, 1, 0, 0] * 4)
    preview = inspect_csv(YES_NO)
    assert preview.count_of("answer") == 2 and preview.values_of("answer") == ("no", "yes")
    note = preview.merge_of("answer")
    assert "“no” and “NO” as “no”" in note and "“yes”, “Y” and “Yes” as “yes”" in note
    assert preview.merge_of("x1") is None


def test_a_picked_class_takes_every_spelling_of_it():
    data = b"x1,x2,answer\n" + b"".join(
        f"{i},{i % 3},{label}\n".encode()
        for i, label in enumerate(["Yes", "yes", "Y", "no", "maybe", "MAYBE"])
    )
    assert inspect_csv(data).values_of("answer") == ("maybe", "no", "Y", "yes")
    ds = load_csv(data, positive="yes")  # Yes and yes are one class; Y is a letter here
    np.testing.assert_array_equal(ds.y, [1, 1, 0, 0, 0, 0])
    assert ds.classes == ("not yes", "yes")


@pytest.mark.parametrize(
    ("labels", "y", "classes"),
    [
        (("TRUE", "false", "1", "0"), [1, 0, 1, 0], ("0", "1")),
        (("x", "y", "Y"), None, ("x", "y")),  # a letter, not a yes: only its case merges
        (("Cat", "dog", "cat"), [0, 1, 0], ("cat", "dog")),
    ],
    ids=["true-false-1-0", "x-and-y", "cat-Cat"],
)
def test_spellings_that_differ_only_in_case_or_as_yes_no_merge(labels, y, classes):
    data = "x1,x2,label\n" + "".join(f"{i},{i},{v}\n" for i, v in enumerate(labels))
    preview = inspect_csv(data.encode())
    assert preview.values_of("label") == classes
    assert preview.merge_of("label") is not None
    if y is not None:
        np.testing.assert_array_equal(load_csv(data.encode()).y, y)


def test_numbers_written_two_ways_are_one_number_and_not_a_merge():
    assert inspect_csv(b"x1,x2,label\n1,2,1\n3,4,1.0\n5,6,0\n").merge_of("label") is None


# ---------------------------------------------------------- every problem of a file at once

MESSY = b"x1,x2,label\n1,2,0\n3,abc,1\n4,5\n,6,0\n7,8,\n9,xyz,1\n10,11,1,12\n" + b"".join(
    f"{i},oops,1\n".encode() for i in range(20)
)


def test_a_messy_file_names_each_kind_of_problem_once_with_its_first_rows():
    with pytest.raises(DataError) as caught:
        load_csv(MESSY)
    problems = caught.value.problems
    assert len(problems) == 4  # wrong field count, text in x2, empty x1, missing label
    fields, text, empty, label = problems
    assert fields.startswith("Data row 3 (line 4") and "data row 7 (line 8)" in fields
    assert text.startswith("Data row 2 (line 3") and "'abc'" in text
    assert "data rows 6, 8, 9, 10 and 11 (lines 7, 9, 10, 11 and 12), and 16 more rows" in text
    assert "'x1' is empty" in empty and "label in column 'label' is missing" in label
    message = str(caught.value)
    assert message.startswith("The file has 4 kinds of problems") and all(
        p in message for p in problems
    )


def test_one_problem_reads_as_one_sentence():
    with pytest.raises(DataError) as caught:
        load_csv(b"x1,x2,label\n1,2,0\n3,,1\n")
    assert len(caught.value.problems) == 1 and str(caught.value).startswith("Data row 2")


def test_a_file_of_only_bad_rows_says_so_once():
    with pytest.raises(DataError) as caught:
        load_csv(b"x1,x2,label\n1,2\n3,4\n5\n")
    [problem] = caught.value.problems
    assert problem.startswith("Data row 1") and "data rows 2 and 3" in problem
