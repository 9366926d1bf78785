"""Uploading a CSV in a real browser: a good file trains, a bad one explains itself and
changes nothing, a wide one lets the learner pick the columns and the positive class."""

from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import (
    LIVE,
    combobox_text,
    exceptions,
    expect_rerun,
    goto,
    live_view,
    sidebar,
    wait_for_app,
)


def _csv(header, rows) -> str:
    return "\n".join([",".join(header), *(",".join(str(v) for v in r) for r in rows)]) + "\n"


@pytest.fixture(scope="module")
def csv_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("csv")
    rng = np.random.default_rng(3)
    # 40 people, two features in their own units, two classes a line can almost separate.
    y = np.repeat([0, 1], 20)
    height = np.round(160 + 12 * y + rng.normal(0, 4, 40), 1)
    weight = np.round(55 + 10 * y + rng.normal(0, 5, 40), 1)
    good = _csv(["height", "weight", "label"], zip(height, weight, y, strict=True))
    # Text where a number must be: load_csv says which row and column.
    bad = "height,weight,label\n170,60,0\n172,sixty-five,1\n165,58,0\n"
    # Four numeric columns and a three-class text label, like the iris data.
    species = np.repeat(["setosa", "versicolor", "virginica"], 20)
    cols = rng.normal(0, 1, (60, 4)) + np.repeat([[0, 0, 0, 0], [1, 1, 2, 2], [2, 2, 4, 4]], 20, 0)
    wide = _csv(
        ["a", "b", "c", "d", "species"],
        [[*np.round(r, 3), s] for r, s in zip(cols, species, strict=True)],
    )
    # Names that look like markup or HTML codes: the view must show them as typed.
    x = np.round(rng.normal(0, 1, (30, 2)), 3)
    markup = _csv(
        ["<i>len</i>", "a&amp;b", "label"],
        [[*r, "<=50K" if r[0] > 0 else "<b>&amp;"] for r in x],
    )
    paths = {}
    files = {"people.csv": good, "broken.csv": bad, "iris-like.csv": wide, "<b>.csv": markup}
    for name, text in files.items():
        paths[name] = folder / name
        paths[name].write_text(text)
    return paths


def _upload(page, path, shows):
    """Upload ``path`` and return once the run that read it has finished and drawn ``shows``.

    Replacing the file of a single-file uploader makes Streamlit's frontend send two widget
    values: first the old file removed (an empty uploader), then, once the bytes are sent,
    the new file. Each is a rerun, and the app sits idle between them, so waiting for "a
    rerun" can return after the first: the page still shows the state before the new file.
    The real event is what the run with the new file draws (``shows``, a locator).
    """
    with expect_rerun(page):
        sidebar(page).get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    expect(shows).not_to_have_count(0)
    wait_for_app(page)


def _names_file(page, path):
    """The caption that names the file the live view is drawing."""
    return page.get_by_test_id("stCaptionContainer").filter(has_text=path.name)


def _pick(page, label: str, option: str) -> None:
    """Choose ``option`` in a sidebar selectbox; return once the live view paints the new run.

    A quick rerun can start and finish between two paints, leaving no trace in the app's
    script-state attribute, so the real event is the live view's new run id.
    """
    before = live_view(page)["run"]
    box = sidebar(page).get_by_role("combobox", name=label, exact=True)
    box.click()
    box.press_sequentially(option[:1])
    page.get_by_role("option", name=option, exact=True).click()
    expect(page.locator(LIVE)).not_to_have_attribute("data-run", before)
    wait_for_app(page)
    if box.get_attribute("aria-expanded") == "true":
        page.keyboard.press("Escape")


def _chart(page) -> dict:
    """Axis names and how many points of each class the live view paints."""
    v = live_view(page)
    return {"x": v["axis"][0], "y": v["axis"][1], "names": v["classes"],
            "class0": v["class0"], "class1": v["class1"], "run": v["run"]}  # fmt: skip


def _error_alert(page):
    return page.get_by_test_id("stAlert").filter(has_text="could not be used")


def test_good_csv_trains_and_bad_csv_keeps_the_picture(page, app_url, csv_files, snap):
    goto(page, app_url)
    sidebar(page).get_by_role("radio", name="Upload CSV").click()
    note = page.locator("[class*='st-key-stage_note_'] summary")
    expect(note.filter(has_text="Upload a CSV")).to_have_count(1)
    wait_for_app(page)

    _upload(page, csv_files["people.csv"], _names_file(page, csv_files["people.csv"]))
    assert exceptions(page) == []
    assert _error_alert(page).count() == 0
    chart = _chart(page)
    assert (chart["x"], chart["y"]) == ("height", "weight")
    assert chart["class0"] == chart["class1"] == 20  # every row of the file is on the chart
    assert "people.csv" in page.get_by_test_id("stCaptionContainer").all_inner_texts().__str__()
    trained = _chart(page)["run"]
    snap(page, "good-csv")

    alert = _error_alert(page).filter(has_text="broken.csv")
    _upload(page, csv_files["broken.csv"], alert)
    assert alert.count() == 1
    text = alert.inner_text()
    assert "broken.csv" in text and "sixty-five" in text  # says which file and which value
    assert "Traceback" not in page.content()
    assert exceptions(page) == []
    assert _chart(page)["run"] == trained  # the old picture stays
    assert _chart(page)["x"] == "height"
    snap(page, "bad-csv")


def test_wide_csv_picks_columns_and_positive_class(page, app_url, csv_files, snap):
    goto(page, app_url, query="source=Upload+CSV")
    _upload(page, csv_files["iris-like.csv"], _names_file(page, csv_files["iris-like.csv"]))
    assert exceptions(page) == []
    assert combobox_text(page, "Label column") == "species"
    first = _chart(page)
    assert first["class0"] + first["class1"] == 60
    snap(page, "wide-csv-defaults")

    _pick(page, "First feature (x₁)", "c")
    _pick(page, "Second feature (x₂)", "d")
    _pick(page, "Positive class (class 1)", "setosa")
    chart = _chart(page)
    assert (chart["x"], chart["y"]) == ("c", "d")
    assert (chart["class0"], chart["class1"]) == (40, 20)  # setosa against the other two
    assert any("setosa" in name for name in chart["names"]), chart["names"]
    assert exceptions(page) == []
    assert _error_alert(page).count() == 0
    snap(page, "wide-csv-picked")


def test_names_that_look_like_markup_show_as_typed_in_the_view(page, app_url, csv_files):
    """Class and column names reach the live view unescaped and are written as text: the
    legend reads '<=50K', not '&lt;=50K', and no element is made of '<b>'."""
    path = csv_files["<b>.csv"]
    goto(page, app_url, query="source=Upload+CSV")
    _upload(page, path, page.locator(LIVE).filter(has_text="<=50K"))
    assert exceptions(page) == []
    legend = page.locator(LIVE).locator(".lv-map .lv-legend")
    keys = legend.locator(".lv-key").all_text_contents()
    assert keys[:2] == ["class 0 (<=50K)", "class 1 (<b>&amp;)"]
    assert legend.locator("b, i:not(.lv-sym)").count() == 0  # no name became an element
    chart = _chart(page)
    assert (chart["x"], chart["y"]) == ("<i>len</i>", "a&amp;b")  # drawn on the canvas as is
