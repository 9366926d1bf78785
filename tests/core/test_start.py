"""A chosen start: the ``start`` control, its link spelling, its checks, and the run from it."""

import math

import numpy as np
import pytest

from neuron_core import make_dataset, prepare, run_experiment, run_for
from neuron_core.control_kinds import allows, coerce
from neuron_core.controls import BY_KEY, INITS, defaults, settings_from
from neuron_core.links import link_pairs, read_link, share_query
from neuron_core.start import (
    START_LIMIT,
    read_start,
    show_start,
    spell_start,
    start_at_weights,
    start_from_view,
    start_problem,
    start_vector,
    with_values,
)

C = BY_KEY["start"]


def test_chosen_is_the_third_way_to_start_and_labelled_for_people():
    assert INITS == ("zeros", "random", "chosen")
    assert BY_KEY["init"].show("chosen") == "Your start"


def test_a_start_is_kept_by_input_name_so_it_survives_a_change_of_inputs():
    start = with_values((), ("x1", "x2"), [0.5, -1.0], 0.25)
    assert start == (("x1", 0.5), ("x2", -1.0), ("b", 0.25))
    w, b = start_vector(start, ("x2", "x1^2", "x1"))  # x2 moved, x1² added, order changed
    np.testing.assert_array_equal(w, [-1.0, 0.0, 0.5])
    assert b == 0.25


@pytest.mark.parametrize(
    "start",
    [
        (),
        (("x1", 0.1), ("b", 1e-7)),
        (("x1", 0.30000000000000004), ("x1^2", -3.0000000000000004), ("x1*x2", 999.99)),
        (("x2", -1000.0),),
    ],
)
def test_the_link_spelling_round_trips_exactly(start):
    text = spell_start(start)
    assert read_start(text) == start
    assert spell_start(read_start(text)) == text
    values = defaults() | {"init": "chosen", "start": start}
    reading = read_link({p: [v] for p, v in link_pairs(values)})
    assert reading.notes == ()
    assert reading.values.get("start", ()) == start


def test_the_start_travels_only_with_your_start_picked():
    start = (("x1", 2.0),)
    assert "start" not in share_query(defaults() | {"init": "zeros", "start": start})
    assert "init=chosen&start=x1:2" in share_query(defaults() | {"init": "chosen", "start": start})


@pytest.mark.parametrize(
    "text",
    ["x1:nan", "x1:inf", "x1:1e9", "y:1", "x1", "x1:1,x1:2", "x1:one", "x1:1," + "x2:1" * 200],
)
def test_a_bad_start_in_a_link_gets_a_note_and_the_zero_start(text):
    reading = read_link({"init": ["chosen"], "start": [text]})
    assert reading.values["start"] == ()
    assert len(reading.notes) == 1 and "Your start" in reading.notes[0]
    assert "w = 0 and b = 0" in reading.notes[0]


def test_coerce_and_allows_read_the_start_against_its_row():
    assert coerce(C, {"x1": 1, "b": 0}) == (("x1", 1.0),)
    assert coerce(C, {"x1": math.nan}) == ()
    assert coerce(C, "junk") == ()
    assert allows(C, (("x1", 1.0),)) and not allows(C, (("b", 1.0), ("x1", 1.0)))
    assert settings_from({"start": [["x2", 3]]}).start == (("x2", 3.0),)


def test_history_row_0_is_the_chosen_start_exactly():
    start = (("x1", 0.123456789012345), ("x2", -2.5), ("x1^2", 7.0), ("b", 0.3))
    s = settings_from(defaults() | {"init": "chosen", "start": start})
    run = run_for(s, make_dataset("moons", 200, 0.1, 0))
    np.testing.assert_array_equal(run.history.w[0], [0.123456789012345, -2.5])
    assert run.history.b[0] == 0.3 and run.b0 == 0.3
    assert run.history.epochs == s.epochs  # and it trains from there
    p = prepare(make_dataset("moons", 100, 0.1, 0), ("x1", "x1^2"))
    r = run_experiment(p, alpha=0.5, epochs=5, init="chosen", start=start)
    np.testing.assert_array_equal(r.history.w[0], [0.123456789012345, 7.0])


def test_an_unused_start_does_not_move_the_zero_or_random_start():
    s = settings_from(defaults() | {"init": "zeros", "start": (("x1", 5.0),)})
    run = run_for(s, make_dataset("moons", 100, 0.1, 0))
    assert not run.history.w[0].any() and run.history.b[0] == 0


@pytest.mark.parametrize(
    "value",
    [
        None,
        "x1:1",
        {"w": [1.0]},
        {"w": [1.0, 2.0, 3.0], "b": 0.0},
        {"w": [1.0, math.nan], "b": 0.0},
        {"w": [1.0, 2.0], "b": math.inf},
        {"w": [1.0, "2"], "b": 0.0},
        {"w": [True, 2.0], "b": 0.0},
        {"w": [1.0, 2.0]},
        {"w": [1.0, 2 * START_LIMIT], "b": 0.0},
    ],
)
def test_a_start_from_the_view_is_checked_and_junk_changes_nothing(value):
    assert start_from_view(value, ("x1", "x2"), (("x1", 9.0),)) is None
    problem = start_problem(value, ("x1", "x2"))
    assert problem and problem.endswith("the run keeps its start.")


def test_a_start_set_on_other_inputs_is_refused():
    """Inputs changed and "Train from here" sent before either run came back: the weights
    would land on the wrong inputs, even with as many of them."""
    value = {"w": [1.5, -0.25], "b": 2, "features": ["x1", "x2"]}
    assert start_from_view(value, ("x1", "x1^2"), ()) is None
    assert "inputs changed" in start_problem(value, ("x1", "x1^2"))
    assert start_from_view(value, ("x1", "x2"), ()) == (("x1", 1.5), ("x2", -0.25), ("b", 2.0))


def test_a_start_from_the_view_keeps_the_other_inputs_weights():
    got = start_from_view({"w": [1.5, -0.25], "b": 2}, ("x1", "x2"), (("x1^2", 4.0),))
    assert got == (("x1", 1.5), ("x2", -0.25), ("x1^2", 4.0), ("b", 2.0))


def test_the_start_reads_through_the_one_formatter():
    assert show_start((("x1", -1.0), ("b", 0.0000125)), ("x1", "x2")) == (
        "w₁ = −1, w₂ = 0, b = 1.25 × 10⁻⁵"
    )


def test_a_landscape_click_moves_w1_w2_and_keeps_the_rest_of_the_start():
    features = ("x1", "x2", "x1^2")
    got = start_at_weights((("x2^2", 5.0),), features, [0.3, 0.4, -0.7], 0.9, 1.2503, -2.0)
    assert got == (("x1", 1.25), ("x2", -2.0), ("x1^2", -0.7), ("x2^2", 5.0), ("b", 0.9))
    for bad in (math.nan, math.inf, 2 * START_LIMIT, "1", None):
        assert start_at_weights((), features, [0, 0, 0], 0.0, bad, 0.0) is None
