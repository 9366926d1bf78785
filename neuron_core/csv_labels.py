"""A label column's values as classes, one class per thing the learner meant.

In a column of numbers, labels compare as numbers (1 and 1.0 are one class). Once a column
holds text, spellings of one answer are one class: labels that differ only in case ("Yes",
"yes", "YES") and, in a column that only ever says yes or no, the ways of saying it (Y, yes,
true, 1 against N, no, false, 0; a column of x, y and z keeps its "y"). Each class is named
by its most common spelling. A class written more than one way is
listed in `Classes.merged`, and `merge_note` says so in a sentence: the merge is never
silent. Classes are ordered no, yes, then numbers, then text (without regard to case), so
a yes/no column keeps "yes" as class 1, as 0/1 keeps 1.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from .csv_rules import parse_number

YES = frozenset({"y", "yes", "true", "1"})
NO = frozenset({"n", "no", "false", "0"})
SPELLINGS_NAMED = 4  # spellings of one class a note names
CLASSES_NAMED = 3  # merged classes a note names


@dataclass(frozen=True)
class Classes:
    """The classes of a label column.

    Attributes
    ----------
    names : tuple
        Each class as the learner wrote it (its most common spelling; numbers as numbers:
        1 rather than 1.0), in class order.
    spellings : tuple of tuple of str
        Each class's spellings in the file, most common first.
    numeric : bool
        Every label is a number (then 1 and 1.0 are simply one number).
    """

    names: tuple
    spellings: tuple[tuple[str, ...], ...]
    numeric: bool = False

    @property
    def merged(self) -> tuple[tuple[object, tuple[str, ...]], ...]:
        """(name, spellings) for every class of text labels written more than one way."""
        if self.numeric:
            return ()
        return tuple((n, s) for n, s in zip(self.names, self.spellings, strict=True) if len(s) > 1)


def display(value):
    """A label as the learner wrote it: 1 rather than 1.0, text unchanged."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def read_classes(texts, sep: str) -> tuple[Classes, list[int]]:
    """The classes of a column's (non-missing, stripped) label texts, and each text's class.

    Parameters
    ----------
    texts : sequence of str
    sep : str
        The file's separator (a decimal comma counts in ';' and tab files).

    Returns
    -------
    classes : Classes
    index : list of int
        For each of ``texts``, the position of its class in ``classes.names``.
    """
    tally = Counter(texts)
    numbers = {t: _number(t, sep) for t in tally}
    numeric = all(v is not None for v in numbers.values())
    yes_no = not numeric and all(_yes_no(t, numbers[t]) is not None for t in tally)
    key = {t: _key(t, numbers[t], yes_no) for t in tally}
    spelled: dict = {}
    for t, n in tally.items():
        spelled.setdefault(key[t], Counter())[t] = n
    order = sorted(spelled)
    # Most common first; on a tie the lower-case spelling, then the first in sorted order.
    ranked = [
        tuple(sorted(spelled[k], key=lambda t, k=k: (-spelled[k][t], t != t.lower(), t)))
        for k in order
    ]
    names = tuple(
        display(k[1]) if numeric else spellings[0]
        for k, spellings in zip(order, ranked, strict=True)
    )
    position = {k: i for i, k in enumerate(order)}
    return Classes(names, tuple(ranked), numeric), [position[key[t]] for t in texts]


def merge_note(column: str, classes: Classes) -> str | None:
    """Plain text saying which spellings of ``column`` were read as one class, or None."""
    merged = classes.merged
    if not merged:
        return None
    parts = [
        f"{_listed([_quoted(s) for s in spellings], SPELLINGS_NAMED)} as {_quoted(name)}"
        for name, spellings in merged[:CLASSES_NAMED]
    ]
    if len(merged) > CLASSES_NAMED:
        parts.append(f"{len(merged) - CLASSES_NAMED} more classes likewise")
    return (
        f"Labels in “{column}” that differ only in case, or in how they say yes or no, are "
        f"read as one class: {'; '.join(parts)}."
    )


def _number(text: str, sep: str) -> float | None:
    value = parse_number(text, sep != ",")
    return value if value is not None and math.isfinite(value) else None


def _yes_no(text: str, number: float | None) -> float | None:
    """1.0 for a way of saying yes, 0.0 for no, None for anything else."""
    folded = text.casefold()
    if folded in YES or number == 1.0:
        return 1.0
    if folded in NO or number == 0.0:
        return 0.0
    return None


def _key(text: str, number: float | None, yes_no: bool) -> tuple:
    """The sortable class key of a label: no, yes; then numbers; then text, any case."""
    if yes_no:
        return (0, _yes_no(text, number))
    if number is not None:
        return (1, number)
    return (2, text.casefold())


def _quoted(value) -> str:
    return f"“{value}”"


def _listed(items: list[str], limit: int) -> str:
    shown = items[:limit] + ([f"{len(items) - limit} more"] if len(items) > limit else [])
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
