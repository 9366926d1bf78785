"""Points placed by hand: applying edits, the view's operations, the link spelling, limits."""

from __future__ import annotations

import numpy as np
import pytest

import neuron_core as nc
from neuron_core import edits as ed
from neuron_core.controls import defaults
from neuron_core.links import read_link, share_query


@pytest.fixture
def base():
    return nc.make_dataset("blobs", 20, 0.1, 0)


def test_edits_remove_rows_and_append_placed_training_points(base):
    edits = {"added": [(0.5, -0.25, 1), (1.0, 1.0, 0)], "removed": [2, 4]}
    data = ed.apply_edits(base, edits)
    assert data.m == 20 and data.placed == 2
    np.testing.assert_array_equal(data.X[:18], np.delete(base.X, [2, 4], axis=0))
    np.testing.assert_array_equal(data.X[18:], [(0.5, -0.25), (1.0, 1.0)])
    prep = nc.prepare(data, test_share=0.5)
    assert {18, 19} <= set(prep.train_idx) and not {18, 19} & set(prep.test_idx)
    assert ed.apply_edits(base, ed.EMPTY) is base


def test_the_views_operations_are_checked_before_anything_changes(base):
    data = ed.apply_edits(base, ed.EMPTY)
    added = ed.apply_op(ed.EMPTY, {"op": "add", "x": 0.123, "y": -0.456, "cls": 1}, data, 20)
    assert added == {"added": [(0.12, -0.46, 1)], "removed": []}
    shown = ed.apply_edits(base, added)
    # Removing a generated point records its index in the base; a placed one just goes.
    x, y = shown.X[3]
    gone = ed.apply_op(added, {"op": "remove", "i": 3, "x": x, "y": y}, shown, 20)
    assert gone["removed"] == [3]
    px, py = shown.X[20]
    assert ed.apply_op(added, {"op": "remove", "i": 20, "x": px, "y": py}, shown, 20) == ed.EMPTY
    # Removing again after one went: the index is the shown one, the base's is recorded.
    after = ed.apply_edits(base, gone)
    x, y = after.X[3]
    assert ed.apply_op(gone, {"op": "remove", "i": 3, "x": x, "y": y}, after, 20)["removed"] == [
        3,
        4,
    ]
    for bad in (
        None,
        "add",
        {"op": "add", "x": "nan", "y": 0, "cls": 0},
        {"op": "add", "x": 0, "y": 0, "cls": 2},
        {"op": "add", "x": 0, "y": 0, "cls": True},
        {"op": "remove", "i": 3, "x": x + 1, "y": y},  # stale: not where the view drew it
        {"op": "remove", "i": 99, "x": 0, "y": 0},
        {"op": "fly"},
    ):
        assert ed.apply_op(gone, bad, after, 20) is None, bad
    assert ed.apply_op(gone, {"op": "clear"}, after, 20) == ed.EMPTY


def test_the_link_spelling_round_trips_within_a_map_cell():
    rng = np.random.default_rng(1)
    xs, ys = rng.uniform(-3, 3, (2, 300))
    cls = rng.integers(0, 2, 300)
    added = [(float(x), float(y), int(c)) for x, y, c in zip(xs, ys, cls, strict=True)]
    edits = {"added": added, "removed": [0, 5, 1999]}
    spelled = ed.encode_edits(edits)
    assert len(spelled["pts"]) == 4 * 300 and len(spelled["rm"]) == 6
    back = ed.decode_edits(spelled["pts"], spelled["rm"])
    assert back["removed"] == [0, 5, 1999]
    assert [c for *_, c in back["added"]] == [c for *_, c in added]
    got = np.array([p[:2] for p in back["added"]])
    assert np.abs(got - np.array([p[:2] for p in added])).max() <= ed.STEP / 2 + 1e-12
    for pts, rm in [("QQQ", ""), ("!!!!", ""), ("", "A"), ("", "AAAA"), ("A" * 1204, "")]:
        with pytest.raises(ValueError):
            ed.decode_edits(pts, rm)


def test_links_carry_the_edits_and_leave_them_out_past_the_budget():
    edits = {"added": [(0.5, 0.5, 1), (-1.0, 1.0, 0)], "removed": [3]}
    values = {**defaults(), "source": "Draw", "edits": edits}
    q = share_query(values)
    assert q == "source=draw&pts=" + ed.encode_edits(edits)["pts"] + "&rm=AD"
    reading = read_link({k: [v] for k, v in (p.split("=") for p in q.split("&"))})
    assert reading.values["edits"] == edits and not reading.notes
    many = {"added": [(0.0, 0.0, 0)] * (ed.MAX_PLACED + 1), "removed": []}
    assert "pts" not in share_query({**values, "edits": many})
    assert "301 placed" in ed.link_budget_problem(many)
    assert "cannot be read" in read_link({"pts": ["QQQ"]}).notes[0]


def test_what_the_neuron_cannot_train_on_gets_a_sentence(base):
    empty = ed.empty_dataset()
    assert "no points" in ed.data_problem(empty)
    one = ed.apply_edits(empty, {"added": [(0.0, 0.0, 1)], "removed": []})
    assert "one point" in ed.data_problem(one)
    same = ed.apply_edits(empty, {"added": [(0.0, 0.0, 1), (1.0, 0.0, 1)], "removed": []})
    assert "Every point is class 1" in ed.data_problem(same)
    # The class toggle is the map's legend (its keys are the buttons): the words say so.
    assert "class-0 point: press its key in the map's legend" in ed.data_problem(same)
    assert ed.data_problem(base) is None
    run = ed.untrained_run(one, ("x1", "x2", "x1^2"), True, 0.5, 0.0)
    assert run.history.epochs == 0 and np.isfinite(run.history.cost).all()
    assert ed.map_bounds(empty) == ed.DRAW_BOX


def test_a_link_to_an_uploaded_files_data_leaves_the_placed_points_out():
    from neuron_core.controls import defaults
    from neuron_core.links import link_pairs

    edits = {"added": [(0.5, 0.5, 1)], "removed": [3]}
    on_generated = dict(link_pairs(defaults() | {"edits": edits}))
    assert "pts" in on_generated and "rm" in on_generated
    on_upload = dict(link_pairs(defaults() | {"source": "Upload CSV", "edits": edits}))
    assert "pts" not in on_upload and "rm" not in on_upload
    said = ed.upload_edits_note(edits)
    assert "the 1 point you placed and the 1 you removed" in said and "CSV" in said
    assert ed.upload_edits_note({"added": [], "removed": []}) is None


def test_a_removal_finds_its_point_where_the_view_drew_it(base):
    data = ed.apply_edits(base, ed.EMPTY)
    x, y = data.X[7]
    # Index 7 was drawn before another removal moved it to 6: found by where it is.
    gone = ed.apply_op(
        ed.EMPTY, {"op": "remove", "i": 3, "x": data.X[3, 0], "y": data.X[3, 1]}, data, 20
    )
    after = ed.apply_edits(base, gone)
    assert ed.apply_op(gone, {"op": "remove", "i": 7, "x": x, "y": y}, after, 20)["removed"] == [
        3,
        7,
    ]
    # Two points where the view drew one: which was meant is not known, nothing changes.
    twice = ed.apply_edits(base, {"added": [(0.5, 0.5, 0), (0.5, 0.5, 1)], "removed": []})
    assert ed.apply_op(ed.EMPTY, {"op": "remove", "i": 99, "x": 0.5, "y": 0.5}, twice, 20) is None
    # Two placed points of different classes in one cell: the class says which, even when a
    # stale index lands on the other one.
    edits = {"added": [(0.5, 0.5, 0), (0.5, 0.5, 1)], "removed": []}
    last = twice.m - 1  # the class-1 point
    one = ed.apply_op(edits, {"op": "remove", "i": last, "x": 0.5, "y": 0.5, "cls": 0}, twice, 20)
    assert one["added"] == [(0.5, 0.5, 1)]
    one = ed.apply_op(edits, {"op": "remove", "i": 99, "x": 0.5, "y": 0.5, "cls": 1}, twice, 20)
    assert one["added"] == [(0.5, 0.5, 0)]
    # An in-range index with no point where the view drew it: stale, nothing changes.
    assert (
        ed.apply_op(edits, {"op": "remove", "i": 5, "x": 9.0, "y": 9.0, "cls": 0}, twice, 20)
        is None
    )
    for cls in (2, True, "1"):
        bad = {"op": "remove", "i": last, "x": 0.5, "y": 0.5, "cls": cls}
        assert ed.apply_op(edits, bad, twice, 20) is None
