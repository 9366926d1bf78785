"""Uploading a file from the sidebar, on any page: a good file trains, a bad one explains
itself on the page the learner is on and changes nothing, and a file that leaves the label
in doubt makes the pickers ask instead of guessing."""

from __future__ import annotations

import tomllib
from pathlib import Path

import numpy as np
import pytest

import neuron_core as nc
from neuron_core import csv_loader
from neuron_core.csv_rules import MAX_MEGABYTES

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(
    f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py") if not p.name.startswith("_")
)
GOOD = b"height,weight,label\n" + b"".join(
    f"{150 + i},{50 + (i * 7) % 23},{int(i >= 20)}\n".encode() for i in range(40)
)
BROKEN = b"height,weight,label\n170,60,0\n172,sixty-five,1\n165,58,0\n"
HUGE = b"x1,x2,label\n" + b"".join(f"{i}e140,{-i}e139,{i % 2}\n".encode() for i in range(1, 30))


def _uploading(make_app):
    at = make_app()
    at.segmented_control(key="source").set_value("Upload CSV").run()
    return at


def _upload(at, name: str, data: bytes):
    return at.file_uploader(key="upload_file").upload(name, data, "text/csv").run()


def _errors(at) -> str:
    return " ".join(e.value for e in at.error)


def _not_the_notice(ui, at) -> list[str]:
    return [t for t in ui.texts(at) if "could not be used" not in t]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: Path(p).stem)
def test_a_bad_file_explains_itself_on_every_page_and_the_picture_stays(make_app, ui, page):
    at = _uploading(make_app)
    ui.go_to(at, page)
    _upload(at, "people.csv", GOOD)
    ui.assert_clean(at)
    assert "could not be used" not in _errors(at)
    before = _not_the_notice(ui, at)

    _upload(at, "broken.csv", BROKEN)
    ui.assert_clean(at)
    notices = [e.value for e in at.error if "could not be used" in e.value]
    assert notices, f"no upload notice on {page}"
    assert "broken.csv" in notices[0] and "sixty" in notices[0] and "row 2" in notices[0]
    assert "previous data is still shown" in notices[0]
    assert at.session_state.upload["name"] == "people.csv"
    assert _not_the_notice(ui, at) == before  # the page still shows the good file


def test_a_bad_first_file_says_the_generated_data_stays(make_app, ui):
    at = _upload(_uploading(make_app), "broken.csv", BROKEN)
    ui.assert_clean(at)
    assert "generated dataset is shown" in _errors(at)


def test_the_notice_shows_the_files_text_as_text(make_app, ui):
    at = _uploading(make_app)
    evil = b"x1,x2,label\n1,2,0\n3,**[click](https://example.org)** $x$,1\n"
    _upload(at, "![](http://host/p.png).csv", evil)
    ui.assert_clean(at)
    message = _errors(at)
    assert r"\[click\]" in message and r"\$x\$" in message and r"!\[\]" in message


NOT_CSV = [
    pytest.param(b'[{"x1": 1, "x2": 2, "label": 0}]', "JSON", id="json"),
    pytest.param(b"<html><body><table><tr><td>1</td></tr></table>", "HTML", id="html"),
    pytest.param(b"PK\x03\x04" + b"\x00" * 26 + b"xl/workbook.xml", "Excel", id="xlsx"),
    pytest.param(b"%PDF-1.4\n", "PDF", id="pdf"),
    pytest.param(b"x1,x2,label\n" + b"1,2,0\n" * 3 + b"3,1e400,1\n", "infinity", id="overflow"),
    pytest.param(b"x1,x2,label\n1,2,0\n3,2e160,1\n", "too large", id="beyond-the-range"),
]


@pytest.mark.parametrize(("data", "named"), NOT_CSV)
def test_a_file_that_cannot_be_used_is_named_for_what_it_is(make_app, ui, data, named):
    at = _upload(_uploading(make_app), "data.csv", data)
    ui.assert_clean(at)
    assert named in _errors(at)
    assert "no data rows" not in _errors(at)


def test_a_600000_column_header_is_refused_with_a_message(make_app, ui):
    header = ",".join(f"c{i}" for i in range(600_000)).encode()
    at = _upload(_uploading(make_app), "wide.csv", header + b"\n" + b"1," * 599_999 + b"0\n")
    ui.assert_clean(at)
    assert "characters long" in _errors(at) and "at most" in _errors(at)
    at.select_slider(key="alpha").set_value(0.1).run()  # the next rerun is an ordinary one
    ui.assert_clean(at)


def test_an_index_column_is_skipped_with_a_note(make_app, ui):
    rows = b"".join(f"{i},{i % 5},{(i * 3) % 7},{i % 2}\n".encode() for i in range(30))
    at = _upload(_uploading(make_app), "indexed.csv", b"Unnamed: 0,a,b,label\n" + rows)
    ui.assert_clean(at)
    assert not at.error
    assert any("Unnamed: 0" in c.value and "not used" in c.value for c in at.sidebar.caption)
    assert at.session_state.upload["name"] == "indexed.csv"
    assert not [s for s in at.sidebar.selectbox if s.key == "csv_x1"]  # no question to ask


TWO_LABELS = b"x1,class,target\n" + b"".join(
    f"{i},{i % 2},{int(i > 9)}\n".encode() for i in range(20)
)
NO_LABEL = b"a,b,c\n" + b"".join(f"{i},{i * i % 11},{i % 7}\n".encode() for i in range(20))


@pytest.mark.parametrize(
    ("data", "question"),
    [(TWO_LABELS, "“class” or “target”"), (NO_LABEL, "No column is named label")],
    ids=["two-label-like-columns", "no-label-like-column"],
)
def test_a_file_in_doubt_asks_which_column_is_the_label(make_app, ui, data, question):
    at = _upload(_uploading(make_app), "doubt.csv", data)
    ui.assert_clean(at)
    assert any(question in i.value and "Which column" in i.value for i in at.sidebar.info)
    assert at.selectbox(key="csv_label").value is None  # asked, not guessed
    assert "upload" not in at.session_state  # nothing trained on a guess
    assert not at.error

    label = "target" if data is TWO_LABELS else "c"
    at.selectbox(key="csv_label").set_value(label).run()
    ui.assert_clean(at)
    assert at.session_state.upload["columns"][2] == label


def test_the_positive_class_picker_appears_whenever_the_label_has_more_than_two_values(
    make_app, ui
):
    rows = b"".join(f"{i % 5},{i % 3},{i % 2},{'abc'[i % 3]}\n".encode() for i in range(30))
    at = _upload(_uploading(make_app), "kinds.csv", b"p,q,label,kind\n" + rows)
    ui.assert_clean(at)
    assert at.selectbox(key="csv_label").value == "label"  # named label: two classes
    assert not [s for s in at.sidebar.selectbox if s.key == "csv_positive"]

    at.selectbox(key="csv_label").set_value("kind").run()
    ui.assert_clean(at)
    picker = at.selectbox(key="csv_positive")
    assert list(picker.options) == ["a", "b", "c"]
    picker.set_value("b").run()
    ui.assert_clean(at)
    assert not at.error
    assert at.session_state.upload["positive"] == "b"

    at.selectbox(key="csv_label").set_value("q").run()  # numbers 0, 1, 2: three classes too
    ui.assert_clean(at)
    assert list(at.selectbox(key="csv_positive").options) == ["0", "1", "2"]
    assert not at.error
    assert not any("positive=" in t or "columns=" in t for t in ui.texts(at))


def test_a_label_column_of_measurements_is_not_offered_classes(make_app, ui):
    rows = b"".join(f"{i * 0.37:.2f},{i % 4},{i % 2},{i}\n".encode() for i in range(80))
    at = _upload(_uploading(make_app), "m.csv", b"p,q,label,r\n" + rows)
    at.selectbox(key="csv_label").set_value("r").run()
    ui.assert_clean(at)
    assert any("80 different values" in w.value for w in at.sidebar.warning)
    assert not [s for s in at.sidebar.selectbox if s.key == "csv_positive"]
    assert at.session_state.upload["columns"] == ("p", "q", "label")  # the earlier choice stays
    assert np.isfinite(float(at.session_state.alpha))


def test_the_servers_upload_cap_is_the_files_size_limit():
    # The server enforces only server.maxUploadSize (the uploader's max_upload_size is a
    # browser-side check), so the config keeps its own copy of the limit: they must agree.
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == MAX_MEGABYTES


def test_a_file_is_parsed_once_for_its_preview_and_once_for_its_data_not_on_every_rerun(
    make_app, ui, monkeypatch
):
    parsed = []
    split = csv_loader.split_table
    monkeypatch.setattr(csv_loader, "split_table", lambda *a: parsed.append(1) or split(*a))
    rows = b"".join(f"{i},{(i * 13) % 17},{int(i > 24)}\n".encode() for i in range(50))
    at = _upload(_uploading(make_app), "once.csv", b"p,q,label\n" + rows)  # new to the cache
    ui.assert_clean(at)
    assert at.session_state.upload["name"] == "once.csv"
    assert len(parsed) == 2  # inspect_csv for the pickers, load_csv for the data
    at.select_slider(key="alpha").set_value(0.1).run()
    ui.assert_clean(at)
    assert len(parsed) == 2  # a rerun reads both from the cache


def test_an_index_column_without_a_name_gets_its_caption_too(make_app, ui):
    rows = b"".join(f"{i},{i % 5},{(i * 3) % 7},{i % 2}\n".encode() for i in range(30))
    at = _upload(_uploading(make_app), "pandas.csv", b",a,b,label\n" + rows)
    ui.assert_clean(at)
    assert at.session_state.upload["name"] == "pandas.csv"
    [note] = [c.value for c in at.sidebar.caption if "row numbers" in c.value]
    assert "first column (no name in the header)" in note and "not used" in note


YES_NO_FILE = b"x1,x2,answer\n" + b"".join(
    f"{i},{(i * 7) % 5},{label}\n".encode()
    for i, label in enumerate(["Yes", "yes", "Y", "no", "NO"] * 6)
)


def test_case_and_yes_no_variants_are_one_class_each_with_a_note(make_app, ui):
    at = _upload(_uploading(make_app), "answers.csv", YES_NO_FILE)
    ui.assert_clean(at)
    assert not at.error
    assert not [s for s in at.sidebar.selectbox if s.key == "csv_positive"]  # two classes
    [note] = [c.value for c in at.sidebar.caption if "read as one class" in c.value]
    assert "“yes”, “Y” and “Yes” as “yes”" in note and "“no” and “NO” as “no”" in note
    up = at.session_state.upload
    data = nc.load_csv(up["raw"], up["columns"], up["positive"])
    assert data.classes == ("no", "yes")
    assert data.y.tolist() == [1, 1, 1, 0, 0] * 6  # Yes and Y are class 1 with yes


def test_picking_a_class_takes_every_spelling_of_it(make_app, ui):
    labels = ["Yes", "yes", "no", "NO", "maybe"] * 6
    rows = b"".join(f"{i},{(i * 7) % 5},{v}\n".encode() for i, v in enumerate(labels))
    at = _upload(_uploading(make_app), "three.csv", b"x1,x2,answer\n" + rows)
    ui.assert_clean(at)
    picker = at.selectbox(key="csv_positive")
    assert list(picker.options) == ["maybe", "no", "yes"]
    picker.set_value("yes").run()
    ui.assert_clean(at)
    up = at.session_state.upload
    y = nc.load_csv(up["raw"], up["columns"], up["positive"]).y
    assert y.tolist() == [1, 1, 0, 0, 0] * 6  # "Yes" is not left in class 0


MESSY = b"x1,x2,label\n1,2,0\n3,abc,1\n4,5\n,6,0\n7,8,\n9,xyz,1\n10,11,1,12\n2,2,1\n"


def test_a_messy_file_shows_all_its_problems_in_one_message(make_app, ui):
    at = _upload(_uploading(make_app), "messy.csv", MESSY)
    ui.assert_clean(at)
    [notice] = [e for e in at.error if "could not be used" in e.value]
    text = notice.value
    assert "messy.csv has 4 kinds of problems" in text and text.count("\n- ") == 4
    for said in ("has 2 fields", "'abc'", "'x1' is empty", "label in column 'label' is missing"):
        assert said in text, said
    assert "data row 6 (line 7)" in text and "data row 7 (line 8)" in text
    assert notice.proto.icon == ":material/description:"


def test_every_upload_message_uses_a_material_icon(make_app, ui):
    at = _uploading(make_app)
    for name, data in (("doubt.csv", TWO_LABELS), ("broken.csv", BROKEN), ("huge.csv", HUGE)):
        _upload(at, name, data)
        at.toggle(key="standardize").set_value(False).run()
        ui.go_to(at, "pages/landscape.py")  # a page that stops on inputs too large
        for kind in ("error", "warning", "info"):
            for e in at.get(kind):
                assert e.proto.icon.startswith(":material/"), (name, kind, e.proto.icon)
        ui.go_to(at, "pages/playground.py")
