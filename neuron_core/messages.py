"""The live view's messages to Python: numbered, and resent until Python confirms them.

Everything the view sends (a stage control, a placed point, Undo, "Train from here") goes on
one trigger, and Streamlit keeps one trigger value per rerun: a second message sent before
the server took the first replaces it, and a message can be taken twice. So the view numbers
its messages and sends, each time, every one Python has not confirmed yet; Python takes each
number once (`unseen`) and says in the next run's data how far it got (``meta.outbox``). No
message is lost and none counts twice. No streamlit here.
"""

from __future__ import annotations

import itertools

MAX_BATCH = 100  # messages one send carries (the view keeps its newest this many)
MAX_NAME = 64  # characters of a view's name


def unseen(sent, done) -> tuple[list[dict], dict] | None:
    """The messages in ``sent`` that Python has not taken yet, in order, and what is taken
    after them; None when ``sent`` is not the view's.

    ``sent`` is ``{"view": name, "ops": [{"seq": n, "key": …, "value": …}, …]}`` (seq rising
    from 1), ``done`` ``{"view": name, "seq": n}`` or None. Another view's ``done`` (a
    reloaded page, a view made again: numbered from 1 again) takes none of this one's.
    """
    if not isinstance(sent, dict):
        return None
    view, ops = sent.get("view"), sent.get("ops")
    if not isinstance(view, str) or not 0 < len(view) <= MAX_NAME or not isinstance(ops, list):
        return None
    if not 0 < len(ops) <= MAX_BATCH or not all(isinstance(op, dict) for op in ops):
        return None
    seqs = [op.get("seq") for op in ops]
    if not all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in seqs):
        return None
    if any(a >= b for a, b in itertools.pairwise(seqs)):
        return None
    last = done["seq"] if isinstance(done, dict) and done.get("view") == view else 0
    return [op for op in ops if op["seq"] > last], {"view": view, "seq": max(last, seqs[-1])}
