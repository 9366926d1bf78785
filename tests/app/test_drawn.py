"""Points placed on the map in AppTest: drawn datasets through links, on every page, the
limits and their sentences, and the edits in the link and the data export."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

import neuron_core as nc
from neuron_core import edits as ed
from neuron_core import export

PAGES = sorted(
    (f"pages/{p.name}" for p in (Path(__file__).resolve().parents[2] / "pages").glob("*.py")),
    key=lambda p: "playground" not in p,
)
NOT_A_NUMBER = re.compile(r"\bnan\b|\binf\b|NaN|Infinity|(?<!→ )∞|\d{25,}")


def drawn(m: int, seed: int = 0) -> dict:
    """``m`` placed points in the draw box, both classes (class by the side of a line)."""
    rng = np.random.default_rng(seed)
    xy = np.round(rng.uniform(-1.9, 1.9, (m, 2)), 2)
    cls = (xy[:, 0] + 0.3 * xy[:, 1] > 0).astype(int)
    cls[0], cls[-1] = 0, 1
    added = [(float(x), float(y), int(c)) for (x, y), c in zip(xy, cls, strict=True)]
    return {"added": added, "removed": []}


def query(edits: dict, **more) -> dict:
    return {"source": "draw", **ed.encode_edits(edits), **more}


def readable(ui, at, page):
    ui.assert_clean(at)
    bad = [t for t in ui.texts(at) if NOT_A_NUMBER.search(t)]
    assert not bad, f"{page}: {bad[:3]}"


@pytest.mark.parametrize("m", [2, 3, 300])
def test_every_page_with_a_drawn_dataset(make_app, ui, m):
    edits = drawn(m)
    at = make_app(query(edits))
    p = ui.live(at)
    got = p["points"].reshape(-1, 2).astype(float)
    want = np.array([(x, y) for x, y, _ in edits["added"]])
    np.testing.assert_allclose(got, want, atol=1e-6)  # the link's points, in its order
    assert list(p["cls"].astype(int)) == [c for _, _, c in edits["added"]]
    assert p["meta"]["m_test"] == 0  # placed points are training points
    assert p["meta"]["edit"]["placed"] == m
    for page in PAGES:
        ui.go_to(at, page)
        readable(ui, at, page)


@pytest.mark.parametrize(
    ("edits", "words"),
    [
        ({"added": [], "removed": []}, "The map has no points"),
        ({"added": [(0.5, 0.5, 1)], "removed": []}, "The map has one point"),
        ({"added": [(0.5, 0.5, 1), (-1.0, 0.2, 1)], "removed": []}, "Every point is class 1"),
    ],
)
def test_a_map_the_neuron_cannot_train_on_says_why_on_every_page(make_app, ui, edits, words):
    at = make_app(query(edits))
    _, note = ui.stage_note(at)
    assert words in note
    # The view is still there (the learner places the next point on it), at the start.
    p = ui.live(at)
    assert p["meta"]["epochs"] == 0 and len(p["cls"]) == len(edits["added"])
    readable(ui, at, "pages/playground.py")
    for page in PAGES[1:]:
        ui.go_to(at, page)
        readable(ui, at, page)
        if "lessons" not in page:
            assert any(words in w.value for w in at.warning), page


def test_placed_and_removed_points_on_generated_data_round_trip_through_the_link(make_app, ui):
    edits = {"added": [(0.25, -0.5, 1), (1.5, 1.0, 0)], "removed": [0, 7, 9]}
    at = make_app({"dataset": "blobs", "points": "60", **ed.encode_edits(edits)})
    p = ui.live(at)
    base = nc.make_dataset("blobs", 60, 0.1, 0)
    assert len(p["cls"]) == 60 - 3 + 2
    got = p["points"].reshape(-1, 2).astype(float)
    np.testing.assert_allclose(got[-2:], [(0.25, -0.5), (1.5, 1.0)], atol=1e-6)
    np.testing.assert_allclose(got[0], base.X[1], atol=1e-6)  # row 0 removed
    # The address bar is the link again, the same spelling.
    assert at.query_params["pts"] == ed.encode_edits(edits)["pts"]
    assert at.query_params["rm"] == ed.encode_edits(edits)["rm"]
    # The placed points are training points; the test share applies to the generated ones.
    prep = nc.prepare(ed.apply_edits(base, edits), test_share=0.25)
    assert {57, 58} <= set(prep.train_idx)
    assert p["meta"]["m_test"] == len(prep.test_idx)


def test_the_data_export_holds_the_placed_points():
    edits = drawn(5)
    data = ed.apply_edits(ed.empty_dataset(), edits)
    rows = export.dataset_csv(data).strip().splitlines()[1:]
    got = [tuple(float(v) for v in r.split(",")) for r in rows if not r.startswith("#")]
    assert got == [(x, y, float(c)) for x, y, c in edits["added"]]


def test_a_link_past_the_budget_is_refused_with_a_sentence(make_app, ui):
    edits = drawn(ed.MAX_PLACED)
    spelled = ed.encode_edits(edits)["pts"] + "AAAA"
    at = make_app({"source": "draw", "pts": spelled})
    ui.assert_clean(at)
    assert any("placed points (pts, rm) cannot be read" in w.value for w in at.warning)
    _, note = ui.stage_note(at)
    assert "The map has no points" in note


def test_share_says_when_the_points_are_past_the_budget_and_offers_the_csv(make_app, ui):
    at = make_app({"source": "draw"})
    at.session_state["edits"] = drawn(ed.MAX_PLACED + 1)
    at.run()
    ui.assert_clean(at)
    assert any("A link carries at most 300 placed points" in w.value for w in at.warning)
    assert "pts" not in at.query_params  # the address bar leaves them out
    assert len(ui.live(at)["cls"]) == ed.MAX_PLACED + 1
