"""The view's numbered messages (`neuron_core.messages.unseen`): each number taken once."""

from __future__ import annotations

from neuron_core.messages import unseen


def test_each_numbered_message_is_taken_once():
    a, b = {"seq": 1, "key": "edit"}, {"seq": 2, "key": "alpha"}
    assert unseen({"view": "v", "ops": [a, b]}, None) == ([a, b], {"view": "v", "seq": 2})
    assert unseen({"view": "v", "ops": [a, b]}, {"view": "v", "seq": 1}) == (
        [b],
        {"view": "v", "seq": 2},
    )
    # An old send late: nothing new, and what is done stays done.
    assert unseen({"view": "v", "ops": [a]}, {"view": "v", "seq": 2}) == (
        [],
        {"view": "v", "seq": 2},
    )
    # Another view's numbers are its own.
    assert unseen({"view": "w", "ops": [a]}, {"view": "v", "seq": 9}) == (
        [a],
        {"view": "w", "seq": 1},
    )
    assert unseen({"view": "v", "ops": [b, a]}, None) is None
