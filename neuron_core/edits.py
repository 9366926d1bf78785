"""Points placed and removed by hand on the map: the edits, their link spelling and limits.

An edit list is plain data: ``added`` (x₁, x₂, class) triples placed on the map and
``removed`` indices into the generated dataset underneath ("Draw" starts from none). Applied
to that dataset (`apply_edits`) it gives the data every page trains on: the generated rows
left, then the placed ones, which are always training points (`Dataset.placed`; the test
share applies to the generated rows). Each operation the view sends is checked here before
anything changes (`apply_op`); a link carries the edits in two short parameters
(`encode_edits`, `decode_edits`), at most `MAX_PLACED` points and `MAX_REMOVED` removals.
No streamlit here.
"""

from __future__ import annotations

import math

import numpy as np

from .datasets import Dataset
from .experiment import Prepared, Run
from .features import Standardizer, check_features, expand_features
from .grids import data_bounds
from .number_format import count
from .reference import Optimum
from .training import History

MAX_PLACED = 300  # placed points a link carries (4 characters each)
MAX_REMOVED = 300  # removed generated points a link carries (2 characters each)
MAX_EDITS = 2000  # placed points a session keeps (a click past it changes nothing)
STEP = 0.01  # a placed point's coordinates in a link: this resolution …
REACH = 10.23  # … within ±REACH (far beyond every generator's box)
DRAW_BOX = (-2.0, 2.0, -2.0, 2.0)  # the map "Draw" starts with: (x0, x1, y0, y1)
DRAW_NAME = "draw"  # the name of the empty dataset "Draw" starts from
PARAMS = ("pts", "rm")  # the link's parameters: placed points, removed indices
EMPTY = {"added": [], "removed": []}
# What the editor says on the stage (the view shows it as text).
EDIT_HELP = (
    "Click the map to place a point of the class picked (shift-click: the other class); "
    "click a point to remove it. Placed points are training points; the test share applies "
    "to the generated ones."
)
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_INDEX = {c: i for i, c in enumerate(_B64)}


def empty_dataset() -> Dataset:
    """The empty map "Draw" starts from."""
    return Dataset(np.zeros((0, 2)), np.zeros(0, dtype=int), DRAW_NAME)


def no_edits(edits) -> bool:
    """Whether ``edits`` places and removes nothing."""
    return not edits or (not edits.get("added") and not edits.get("removed"))


def _snap(v: float) -> float:
    return round(min(max(float(v), -REACH), REACH) / STEP) * STEP


def apply_edits(base: Dataset, edits) -> Dataset:
    """``base`` without its removed rows, with the placed points after it.

    The placed points are the last ``placed`` rows (`Dataset.placed`): always training rows.
    """
    if no_edits(edits):
        return base
    removed = {int(i) for i in edits.get("removed", ()) if 0 <= int(i) < base.m}
    keep = np.array([i for i in range(base.m) if i not in removed], dtype=int)
    added = edits.get("added", ())
    Xa = np.array([[x, y] for x, y, _ in added], dtype=float).reshape(-1, 2)
    ya = np.array([c for _, _, c in added], dtype=int)
    X = np.r_[base.X[keep].reshape(-1, 2), Xa]
    y = np.r_[base.y[keep].astype(int), ya]
    return Dataset(X, y, base.name, base.feature_names, base.classes, placed=len(added))


def data_problem(data: Dataset) -> str | None:
    """Why one neuron cannot train on ``data``, in a sentence; None if it can."""
    counts = [int(np.sum(data.y == k)) for k in (0, 1)]
    if data.m < 2:
        have = "no points" if data.m == 0 else "one point"
        return (
            f"The map has {have}: click on it to place points of both classes (at least "
            "two) and the neuron trains on them."
        )
    if min(counts) == 0:
        missing = counts.index(0)
        return (
            f"Every point is class {1 - missing}: a neuron needs both classes to find a "
            f"boundary. Place a class-{missing} point: press its key in the map's legend, "
            "then click the map (or shift-click)."
        )
    return None


def apply_op(edits, op, data: Dataset, base_m: int) -> dict | None:
    """The edits after the view's operation ``op`` on the points now shown (``data``, the
    edits applied to a base of ``base_m`` rows), or None when ``op`` is not one (a stale or
    forged message changes nothing).

    ``op`` is ``{"op": "add", "x": …, "y": …, "cls": 0|1}``, ``{"op": "remove", "i": …,
    "x": …, "y": …, "cls": …}`` (the shown point's index, where it was drawn and its class,
    optional), or ``"clear"``.
    """
    edits = {"added": list(edits.get("added", ())), "removed": list(edits.get("removed", ()))}
    if not isinstance(op, dict):
        return None
    kind = op.get("op")
    if kind == "clear":
        return {"added": [], "removed": []}
    try:
        x, y = float(op["x"]), float(op["y"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (math.isfinite(x) and math.isfinite(y)):
        return None
    if kind == "add":
        cls = op.get("cls")
        if cls not in (0, 1) or isinstance(cls, bool) or len(edits["added"]) >= MAX_EDITS:
            return None
        edits["added"].append((_snap(x), _snap(y), int(cls)))
        return edits
    if kind == "remove":
        i = _drawn_row(op.get("i"), x, y, op.get("cls"), data)
        if i is None:
            return None
        kept = data.m - len(edits["added"])
        if i >= kept:
            del edits["added"][i - kept]
        else:
            removed = set(edits["removed"])
            left = [j for j in range(base_m) if j not in removed]
            edits["removed"] = sorted(removed | {left[i]})
        return edits
    return None


def _drawn_row(i, x: float, y: float, cls, data: Dataset) -> int | None:
    """The row of ``data`` the view drew at (x, y) (float32 there) as its point ``i`` (of
    class ``cls``, when given): that row if it is there, else the one row that is (a second
    click made before the first click's run arrived counts the rows as they were); None
    when no row or several are."""
    if not isinstance(i, int) or isinstance(i, bool) or i < 0:
        return None
    if cls is not None and (cls not in (0, 1) or isinstance(cls, bool)):
        return None
    near = (np.abs(data.X[:, 0] - x) <= 1e-4 * max(1, abs(x))) & (
        np.abs(data.X[:, 1] - y) <= 1e-4 * max(1, abs(y))
    )
    if cls is not None:
        near &= data.y == cls
    if i < data.m and near[i]:
        return i
    rows = np.flatnonzero(near)
    return int(rows[0]) if len(rows) == 1 else None


# ---------------------------------------------------------------- the link's spelling
def _chars(value: int, width: int) -> str:
    return "".join(_B64[(value >> (6 * k)) & 63] for k in reversed(range(width)))


def _value(text: str) -> int:
    v = 0
    for c in text:
        v = (v << 6) | _INDEX[c]
    return v


def _q(v: float) -> int:
    return round(min(max(v, -REACH), REACH) / STEP) + 1023  # 0 … 2046, 11 bits


def encode_edits(edits) -> dict[str, str]:
    """The link's parameters for ``edits`` (empty when it has none): ``pts``, 4 characters
    per placed point (11 bits each coordinate at `STEP`, 1 bit the class), and ``rm``, 2
    characters per removed index. Raises ValueError past `MAX_PLACED` or `MAX_REMOVED`
    (see `link_budget_problem`)."""
    if link_budget_problem(edits):
        raise ValueError(link_budget_problem(edits))
    out = {}
    added = (edits or EMPTY).get("added", ())
    if added:
        out["pts"] = "".join(_chars((_q(x) << 12) | (_q(y) << 1) | int(c), 4) for x, y, c in added)
    removed = (edits or EMPTY).get("removed", ())
    if removed:
        out["rm"] = "".join(_chars(int(i), 2) for i in removed)
    return out


def decode_edits(pts: str | None, rm: str | None) -> dict:
    """The edits a link's ``pts`` and ``rm`` spell; raises ValueError when they spell none
    (a wrong character or length, too many, an index twice)."""
    pts, rm = pts or "", rm or ""
    if len(pts) % 4 or len(rm) % 2 or any(c not in _INDEX for c in pts + rm):
        raise ValueError("not a placed-points spelling")
    if len(pts) // 4 > MAX_PLACED or len(rm) // 2 > MAX_REMOVED:
        raise ValueError("more points than a link carries")
    added = []
    for k in range(0, len(pts), 4):
        v = _value(pts[k : k + 4])
        qx, qy, c = v >> 12, (v >> 1) & 2047, v & 1
        if qx > 2046 or qy > 2046:
            raise ValueError("a coordinate out of range")
        added.append((round((qx - 1023) * STEP, 2), round((qy - 1023) * STEP, 2), c))
    removed = [_value(rm[k : k + 2]) for k in range(0, len(rm), 2)]
    if len(set(removed)) != len(removed):
        raise ValueError("an index twice")
    return {"added": added, "removed": sorted(removed)}


def link_budget_problem(edits) -> str | None:
    """Why a link cannot carry ``edits``, in a sentence; None if it can."""
    added = len((edits or EMPTY).get("added", ()))
    removed = len((edits or EMPTY).get("removed", ()))
    if added <= MAX_PLACED and removed <= MAX_REMOVED:
        return None
    return (
        f"A link carries at most {count(MAX_PLACED)} placed points and {count(MAX_REMOVED)} "
        f"removed ones; this map has {count(added)} placed and {count(removed)} removed. "
        "The link below opens without them: download the data (CSV) and send it along "
        "(Upload CSV reads it back)."
    )


def upload_edits_note(edits) -> str | None:
    """What Share says when points were placed on (or removed from) an uploaded file's
    data: a link cannot carry them (the file is not in it), the data CSV can; None when
    nothing was edited."""
    added = len((edits or EMPTY).get("added", ()))
    removed = len((edits or EMPTY).get("removed", ()))
    if not added and not removed:
        return None
    parts = [f"the {count(added)} point{'s' if added != 1 else ''} you placed"] if added else []
    if removed:
        parts.append(f"the {count(removed)} you removed")
    return (
        f"Nor can {' and '.join(parts)} on the map: they belong to the uploaded file, which is "
        "not in the link, so the link leaves them out. The data CSV below holds the points as "
        "the map shows them now, yours included: send that file, and Upload CSV reads it back."
    )


def map_bounds(data: Dataset) -> tuple[float, float, float, float]:
    """The map's box: the data's (`neuron_core.grids.data_bounds`), and on a drawn map at
    least `DRAW_BOX`, so the empty map has room to click and the box holds still."""
    if data.name != DRAW_NAME:
        return data_bounds(data.X)
    if data.m == 0:
        return DRAW_BOX
    x0, x1, y0, y1 = data_bounds(data.X)
    a0, a1, b0, b1 = DRAW_BOX
    return min(x0, a0), max(x1, a1), min(y0, b0), max(y1, b1)


def untrained_run(data: Dataset, features, standardize: bool, alpha: float, l2: float) -> Run:
    """The neuron at its start (w = 0, b = 0, ŷ = 0.5 everywhere, J = ln 2) on data it cannot
    train on (`data_problem`): the map still shows the points, so the learner can add more."""
    features = check_features(features)
    n = len(features)
    F = expand_features(data.X.reshape(-1, 2), features)
    scaler = Standardizer.fit(F) if standardize and data.m else Standardizer.identity(n)
    F = scaler.transform(F)
    y = data.y.astype(float)
    idx = np.arange(data.m, dtype=int)
    prep = Prepared(data, features, scaler, idx, idx[:0], F, F[:0], y, y[:0])
    # ŷ = 0.5 predicts class 1 (ŷ ≥ 0.5): the share of class-1 points are right.
    acc = float(np.mean(y == 1)) if data.m else 0.0
    history = History(
        w=np.zeros((1, n)),
        b=np.zeros(1),
        cost=np.array([math.log(2.0)]),
        accuracy=np.array([acc]),
        test_cost=None,
        test_accuracy=None,
        diverged_at=None,
    )
    optimum = Optimum(np.zeros(n), 0.0, math.log(2.0), finite=False)
    return Run(prep, history, optimum, float(alpha), float(l2))
