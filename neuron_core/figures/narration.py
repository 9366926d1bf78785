"""What the live view says in words: the sentences a screen-reader user hears, and its keys.

One table, `WORDS`, holds every sentence the view speaks or shows as text alternative: the
epoch scrubber's ``aria-valuetext``, the announcements of its polite live region (after Play
pauses or ends, after a scrub settles, after a new run), the text alternative of each canvas
stack, the screen summary and the keyboard help. It travels inside the view's script (the
generated module ``view_words.mjs``, sent once with the code), so a run adds no bytes; the
view fills the ``{slots}`` with the run's numbers through its one formatter
(``live_view_js/words.mjs``).
"""

from __future__ import annotations

import json

from .style import CLASS_LOOKS

# The slots the view fills (live_view_js/words.mjs, `facts`): epoch, epochs, cost, acc (at
# the epoch shown), cost0, costN, accN (first and last epoch), trend ("falls"/"rises"),
# diverged, alpha, l2, features, x1, x2, class0, class1, m (training points) and changed
# (what the new run changed, from CHANGED).
WORDS = {
    "valuetext": "epoch {epoch} of {epochs}, cost {cost}, accuracy {acc}",
    "paused": "Paused at epoch {epoch} of {epochs}: cost {cost}, accuracy {acc}.",
    "ended": "Played to the end, epoch {epochs}: cost {cost}, accuracy {acc}.",
    "settled": "Epoch {epoch} of {epochs}: cost {cost}, accuracy {acc}.",
    "run": (
        "{changed}: the cost {trend} from {cost0} to {costN} in {epochs} epochs; "
        "{accN} of the training points are on the right side."
    ),
    "diverged": (
        "{changed}: the cost {trend} from {cost0} to {costN} and blows up at epoch {diverged}; "
        "{accN} of the training points are on the right side."
    ),
    "trend": {"down": "falls", "up": "rises"},
    # What a new run changed, in the order said; "run" when none of these did.
    "changed": {
        "alpha": "α = {alpha}",
        "l2": "λ = {l2}",
        "epochs": "{epochs} epochs",
        "features": "inputs {features}",
        "data": "new data",
        "run": "New run",
    },
    "map": (
        f"Probability map over {{x1}} and {{x2}}: {{m}} training points, {{class0}} as "
        f"{CLASS_LOOKS[0]} and {{class1}} as {CLASS_LOOKS[1]}, shaded by ŷ; the line is the "
        "boundary ŷ = 0.5. At epoch {epoch}, {acc} of the training points are on the right "
        "side."
    ),
    "sheet": (
        "3-D surface: ŷ from 0 to 1 as a height over {x1} and {x2}, the points on it, at "
        "epoch {epoch}. Arrow keys turn it."
    ),
    "cost": (
        "Cost curve: the cost J per epoch over {epochs} epochs, from {cost0} to {costN}; "
        "the marker is at epoch {epoch}, cost {cost}."
    ),
    "summary": "The live view shows one neuron learning, in three pictures.",
    "help": "Keyboard shortcuts",
    "help_intro": "While the view or one of its buttons has focus:",
    "close": "Close",
    # (keys, what they do): the help dialog's rows and the scrubber's tooltip.
    "keys": [
        ["Space", "play or pause"],
        ["← →", "one epoch back or forward"],
        ["Page Down / Page Up", "a tenth of the run back or forward"],
        ["Home / End", "the first or the last epoch"],
        ["Arrow keys on the 3-D sheet", "turn it"],
        ["Escape", "close this help"],
    ],
}


def words_module() -> str:
    """`WORDS` as the generated ES module ``view_words.mjs`` (``export const WORDS = …``)."""
    return f"export const WORDS = {json.dumps(WORDS, ensure_ascii=False)};\n"
