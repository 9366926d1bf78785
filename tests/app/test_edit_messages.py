"""The view's numbered messages in AppTest (`neuron_core.messages`): Streamlit keeps one
trigger value per rerun, so a quick second message replaces the first before the server
takes it, and a message may be taken twice. Each send carries every message not yet
confirmed: none is lost, none is taken twice, and the run's ``meta.outbox.done`` says how far
Python got. For placed points, stage controls and "Train from here" alike."""

from __future__ import annotations

import pytest

from neuron_core.control_kinds import number_text
from neuron_core.messages import MAX_BATCH
from tests.apptest import send_messages, send_trigger

A = {"op": "add", "x": 0.4, "y": 0.6, "cls": 0}
B = {"op": "add", "x": -0.8, "y": -0.3, "cls": 1}


def edit(seq, op):
    return {"seq": seq, "key": "edit", "value": op}


def drawn(make_app):
    return make_app({"source": "draw"})


def placed(ui, at) -> list[tuple]:
    """The placed points the view got, as (x, y, class)."""
    p = ui.live(at)
    n = p["meta"]["edit"]["placed"]
    xy = p["points"].reshape(-1, 2).astype(float)[-n:] if n else []
    return [(round(x, 2), round(y, 2), int(c)) for (x, y), c in zip(xy, p["cls"][-n:], strict=True)]


def done(ui, at):
    return ui.live(at)["meta"]["outbox"]["done"]


def test_the_second_clicks_send_brings_the_first_click_too(make_app, ui):
    """The first click's send was replaced before a rerun took it: nothing is lost."""
    at = send_messages(drawn(make_app), "v", [edit(1, A), edit(2, B)])
    assert placed(ui, at) == [(0.4, 0.6, 0), (-0.8, -0.3, 1)]
    assert done(ui, at) == {"view": "v", "seq": 2}
    assert ui.live(at)["meta"]["outbox"]["batch"] == MAX_BATCH


def test_a_send_taken_twice_places_its_points_once(make_app, ui):
    at = send_messages(drawn(make_app), "v", [edit(1, A)])
    at = send_messages(at, "v", [edit(1, A), edit(2, B)])  # 1 not yet confirmed to the view
    at = send_messages(at, "v", [edit(1, A), edit(2, B)])  # the same send again
    assert placed(ui, at) == [(0.4, 0.6, 0), (-0.8, -0.3, 1)]
    at = send_messages(at, "v", [edit(1, A)])  # an old send late: changes nothing
    assert placed(ui, at) == [(0.4, 0.6, 0), (-0.8, -0.3, 1)]
    assert done(ui, at) == {"view": "v", "seq": 2}


def test_a_new_view_numbers_from_one_again(make_app, ui):
    """A reloaded page or a view made again is a new view: its message 1 is new."""
    at = send_messages(drawn(make_app), "old", [edit(1, A), edit(2, A)])
    at = send_messages(at, "new", [edit(1, B)])
    assert placed(ui, at) == [(0.4, 0.6, 0), (0.4, 0.6, 0), (-0.8, -0.3, 1)]
    assert done(ui, at) == {"view": "new", "seq": 1}


def test_undo_and_clear_in_one_send_are_taken_in_order(make_app, ui):
    at = send_messages(drawn(make_app), "v", [edit(1, A)])
    at = send_messages(at, "v", [edit(2, B), edit(3, {"op": "undo"}), edit(4, {"op": "undo"})])
    assert placed(ui, at) == []
    at = send_messages(at, "v", [edit(5, B), edit(6, {"op": "clear"}), edit(7, A)])
    assert placed(ui, at) == [(0.4, 0.6, 0)]
    at = send_messages(at, "v", [edit(7, A), edit(8, {"op": "undo"})])  # 7 again: once
    assert placed(ui, at) == []


def test_two_removals_clicked_before_either_run_arrived(make_app, ui):
    """Both name points by the indices the view drew before either went: both go."""
    at = make_app()
    xy = ui.live(at)["points"].reshape(-1, 2).astype(float)
    ops = [
        edit(n, {"op": "remove", "i": i, "x": xy[i, 0], "y": xy[i, 1]}) for n, i in ((1, 3), (2, 7))
    ]
    at = send_messages(at, "v", ops)
    after = ui.live(at)["points"].reshape(-1, 2).astype(float)
    assert len(after) == len(xy) - 2
    assert not {tuple(xy[3]), tuple(xy[7])} & {tuple(r) for r in after}
    assert at.session_state["edits"]["removed"] == [3, 7]


def test_stage_controls_and_a_start_in_one_send_all_apply(make_app, ui):
    """α, then the epochs, then "Train from here" before any rerun took the first: all three."""
    at = make_app()
    ops = [
        {"seq": 1, "key": "alpha", "value": number_text(2.0)},
        {"seq": 2, "key": "epochs", "value": number_text(50)},
        {"seq": 3, "key": "start", "value": {"w": [0.5, -1.0], "b": 0.25}},
    ]
    at = send_messages(at, "v", ops)
    assert at.session_state["alpha"] == 2.0 and at.session_state["epochs"] == 50
    assert at.session_state["init"] == "chosen"
    p = ui.live(at)
    assert list(p["w"][:2].astype(float)) == [0.5, -1.0] and float(p["b"][0]) == 0.25
    # The same send again, after the learner moved α in the sidebar: α stays theirs.
    at.session_state["alpha"] = 0.5
    at = send_messages(at.run(), "v", ops)
    assert at.session_state["alpha"] == 0.5
    ui.assert_clean(at)


@pytest.mark.parametrize(
    "junk",
    [
        {"key": "edit", "value": A},  # one bare message, as the view sent before numbering
        None,
        "edit",
        {"view": "", "ops": [edit(1, A)]},
        {"view": "v" * 65, "ops": [edit(1, A)]},
        {"view": "v", "ops": []},
        {"view": "v", "ops": edit(1, A)},
        {"view": "v", "ops": [edit(0, A)]},
        {"view": "v", "ops": [edit(True, A)]},
        {"view": "v", "ops": [edit("1", A)]},
        {"view": "v", "ops": [edit(2, A), edit(2, B)]},  # not rising
        {"view": "v", "ops": [edit(k + 1, A) for k in range(MAX_BATCH + 1)]},
        {"view": "v", "ops": [edit(1, A), "edit"]},
    ],
)
def test_a_send_that_is_not_the_views_changes_nothing(make_app, ui, junk):
    at = send_trigger(drawn(make_app), "control", junk)
    assert placed(ui, at) == [] and done(ui, at) is None
    ui.assert_clean(at)


def test_a_message_that_names_nothing_the_view_sends_is_taken_and_changes_nothing(make_app, ui):
    at = send_messages(drawn(make_app), "v", [{"seq": 1, "key": "fly"}, edit(2, A)])
    assert placed(ui, at) == [(0.4, 0.6, 0)] and done(ui, at) == {"view": "v", "seq": 2}
    ui.assert_clean(at)


def test_a_start_set_before_the_inputs_changed_in_the_same_send_is_refused(make_app, ui):
    """The learner clicked an input tile, then "Train from here" before the run came back:
    the hand-set weights belong to the old inputs, so the run keeps its start and says so."""
    at = make_app()
    ops = [
        {"seq": 1, "key": "features", "value": ["x1", "x1^2"]},
        {
            "seq": 2,
            "key": "start",
            "value": {"w": [0.5, -1.0], "b": 0.25, "features": ["x1", "x2"]},
        },
    ]
    at = send_messages(at, "v", ops)
    ui.assert_clean(at)
    assert at.session_state["features"] == ["x1", "x1^2"] and at.session_state["init"] != "chosen"
    [warning] = [w.value for w in at.warning]
    assert "inputs changed" in warning and warning.endswith("the run keeps its start.")
