"""Placed points meet presets and uploads (AppTest): a lesson preset starts from its own data
(Undo or Back brings the points back, and a toast says so); points placed on an uploaded
file cannot travel in a link, and Share says so and offers the CSV that holds them."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from neuron_core import export
from neuron_core.edits import apply_edits
from neuron_core.links import values_from_link
from tests.apptest import send_control


def edit(at, **op):
    return send_control(at, "edit", op)


def placed(ui, at) -> int:
    return ui.live(at)["meta"]["edit"]["placed"]


def toasts(at) -> list[str]:
    return [t.value for t in at.get("toast")]


def test_a_preset_on_the_same_data_clears_the_map_and_undo_brings_the_points_back(make_app, ui):
    at = edit(make_app(), op="add", x=0.25, y=0.5, cls=1)
    assert placed(ui, at) == 1
    at.selectbox(key="preset_pick").set_value("alpha-too-small").run()  # moons, seed 0 too
    ui.assert_clean(at)
    assert placed(ui, at) == 0
    [said] = toasts(at)
    assert "placed points are off the map" in said and "Undo" in said
    at = edit(at, op="undo")
    assert placed(ui, at) == 1
    assert not toasts(at)  # said once


def test_a_preset_on_other_data_clears_the_map_and_says_back_brings_them_back(make_app, ui):
    at = edit(make_app(), op="add", x=0.25, y=0.5, cls=1)
    link = at.query_params["pts"]
    assert link  # the link Back returns to holds the point
    at.selectbox(key="preset_pick").set_value("circles-squares").run()
    ui.assert_clean(at)
    assert placed(ui, at) == 0
    [said] = toasts(at)
    assert "Back button" in said and "Undo" not in said
    assert "pts" not in at.query_params


def test_a_preset_without_placed_points_says_nothing(make_app, ui):
    at = make_app()
    at.selectbox(key="preset_pick").set_value("alpha-too-small").run()
    assert not toasts(at)


CSV = "a,b,label\n" + "\n".join(f"{i / 10},{(i * 7) % 5},{i % 2}" for i in range(30))


def test_points_placed_on_an_upload_cannot_travel_and_share_says_so(make_app, ui):
    at = make_app({"source": "Upload CSV"})
    at.file_uploader(key="upload_file").upload("mine.csv", CSV.encode(), "text/csv").run()
    warned = " ".join(w.value for w in at.warning)
    assert "Nor can" not in warned  # nothing placed yet: the upload's words only
    at = edit(at, op="add", x=1.5, y=2.0, cls=0)
    ui.assert_clean(at)
    assert placed(ui, at) == 1
    warned = " ".join(w.value for w in at.warning)
    assert "Nor can the 1 point you placed on the map" in warned
    assert "The data CSV below holds the points" in warned
    assert "share_data_csv" in {d.key for d in at.get("download_button")}
    # The link leaves them out (they would land on other data), and says Upload CSV.
    share = next(c.value for c in at.get("code") if "source=upload" in c.value)
    assert "pts=" not in share
    assert "pts" not in values_from_link(share).get("edits", {})
    assert parse_qs(urlsplit(share).query)["source"] == ["upload"]


def test_the_data_csv_of_an_edited_upload_holds_the_placed_point():
    from neuron_core import load_csv

    data = load_csv(CSV.encode())
    edited = apply_edits(data, {"added": [(1.5, 2.0, 0)], "removed": [0]})
    rows = export.dataset_csv(edited).strip().splitlines()
    assert len(rows) == 1 + 30  # 30 rows: one removed, one placed
    assert rows[1] == "0.1,2.0,1"  # row 0 removed
    assert rows[-1] == "1.5,2.0,0"  # the placed point, class 0
