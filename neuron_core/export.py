"""Take results away: the data and the training history as CSV, the trained neuron as JSON.

Numbers are written with Python's shortest round-trip repr, so every export parses back to
exactly the same floats. Text cells (column names from a learner's file) that a spreadsheet
would run as a formula get a leading ``'`` (OWASP's rule for CSV injection); the model JSON
escapes ``<``, ``>`` and ``&`` so it stays inert even pasted inside an HTML page.
`load_model` and `predict_proba` read the JSON back and predict on raw 2-D points, with no
app and no plotting library.
"""

from __future__ import annotations

import csv
import io
import json
import numbers
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .datasets import Dataset
from .experiment import Run
from .features import check_features, expand_features
from .logistic import sigmoid

MODEL_FORMAT = "neuron-playground-model"
MODEL_VERSION = 1


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_text(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet runs: a leading ``'`` if it could start a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv(rows) -> str:
    """Rows of numbers (written as numbers) and text (made inert) as CSV text."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")  # RFC 4180; a lone CR in a cell gets quoted
    for row in rows:
        writer.writerow(inert_text(c) if isinstance(c, str) else _num(c) for c in row)
    return buf.getvalue()


def _num(v) -> str:
    if v is None:
        return ""
    if isinstance(v, numbers.Integral):
        return str(int(v))
    return repr(float(v))


def dataset_csv(data: Dataset) -> str:
    """The dataset as CSV: its two feature columns and a 0/1 ``label`` column.

    `neuron_core.load_csv` reads it back to the same ``X`` and ``y``.
    """
    names = [str(n) for n in data.feature_names]
    if "label" in (n.strip().lower() for n in names):  # keep the label column unambiguous
        names = ["x1", "x2"]
    rows = [[*names, "label"]]
    rows += [[float(a), float(b), int(c)] for (a, b), c in zip(data.X, data.y, strict=True)]
    return _csv(rows)


def history_columns(features) -> list[str]:
    """Column names of `history_csv` for these features."""
    return [
        "epoch",
        *(f"w[{f}]" for f in features),
        "b",
        "cost",
        "train_accuracy",
        "test_cost",
        "test_accuracy",
    ]


def history_csv(run: Run) -> str:
    """One row per recorded epoch: epoch, each weight, b, cost, accuracies, test cost.

    The test columns are empty when the run had no test set. A diverged run ends at its
    last finite epoch, like `History`.
    """
    h = run.history
    rows = [history_columns(run.prepared.features)]
    for k in range(len(h.cost)):
        test = (
            [float(h.test_cost[k]), float(h.test_accuracy[k])]
            if h.test_cost is not None
            else [None, None]
        )
        rows.append(
            [k, *map(float, h.w[k]), float(h.b[k]), float(h.cost[k]), float(h.accuracy[k]), *test]
        )
    return _csv(rows)


@dataclass(frozen=True, eq=False)
class Model:
    """A trained neuron read back from JSON.

    Attributes
    ----------
    features : tuple of str
        Names from `FEATURES`, in the order of ``w``.
    mean, scale : ndarray of shape (n,)
        Standardisation statistics (zeros and ones when inputs were not standardised).
    w : ndarray of shape (n,)
    b : float
    info : dict
        Everything else the file held (alpha, epochs, l2, classes, input names, ...).
    """

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    w: np.ndarray
    b: float
    info: dict

    def predict_proba(self, X) -> np.ndarray:
        """P(class 1) for raw points X (m, 2); see the module-level `predict_proba`."""
        return predict_proba(self, X)


def model_dict(run: Run, epoch: int | None = None, settings: dict | None = None) -> dict:
    """The neuron after ``epoch`` epochs (default: the last) as plain JSON-able data."""
    h, prep = run.history, run.prepared
    k = h.epochs if epoch is None else int(epoch)
    if not 0 <= k <= h.epochs:
        raise ValueError(f"epoch must be between 0 and {h.epochs}, got {epoch!r}")
    standardized = bool(np.any(prep.scaler.mean != 0) or np.any(prep.scaler.scale != 1))
    return {
        "format": MODEL_FORMAT,
        "version": MODEL_VERSION,
        "model": "one sigmoid neuron: p = sigmoid(w · standardised(features(x1, x2)) + b)",
        "input_names": [str(n) for n in prep.data.feature_names],
        "classes": [_plain(c) for c in prep.data.classes],
        "features": list(prep.features),
        "standardized": standardized,
        "mean": [float(v) for v in prep.scaler.mean],
        "scale": [float(v) for v in prep.scaler.scale],
        "w": [float(v) for v in h.w[k]],
        "b": float(h.b[k]),
        "alpha": float(run.alpha),
        "l2": float(run.l2),
        "epochs": k,
        "diverged_at": h.diverged_at,
        "cost": float(h.cost[k]),
        "train_accuracy": float(h.accuracy[k]),
        "settings": _plain(settings or {}),
    }


def model_json(run: Run, epoch: int | None = None, settings: dict | None = None) -> str:
    """`model_dict` as indented JSON text, with ``<``, ``>`` and ``&`` written as escapes."""
    text = json.dumps(model_dict(run, epoch, settings), indent=2, ensure_ascii=False)
    # JSON only has these characters inside strings, where \uXXXX means the same character.
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _plain(v):
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, np.generic):
        return v.item()
    return v


def load_model(source) -> Model:
    """Read a model written by `model_json`: a file path, JSON text, bytes or a parsed dict.

    Raises
    ------
    ValueError
        When the text is not such a model, naming what is missing or wrong.
    """
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and not source.lstrip().startswith("{")
    ):
        try:
            source = Path(source).read_bytes()
        except OSError as err:
            raise ValueError(f"cannot read the model file: {err}") from None
    if isinstance(source, bytes):
        source = source.decode("utf-8-sig")
    if isinstance(source, str):
        try:
            source = json.loads(source)
        except json.JSONDecodeError as err:
            raise ValueError(f"this is not valid JSON: {err}") from None
    if not isinstance(source, dict) or source.get("format") != MODEL_FORMAT:
        raise ValueError(f"this is not a Neuron Playground model (format {MODEL_FORMAT!r})")
    missing = [k for k in ("features", "mean", "scale", "w", "b") if k not in source]
    if missing:
        raise ValueError(f"the model file lacks {', '.join(missing)}")
    features = check_features(source["features"])
    arrays = {k: np.asarray(source[k], dtype=float) for k in ("mean", "scale", "w")}
    for k, a in arrays.items():
        if a.shape != (len(features),) or not np.all(np.isfinite(a)):
            raise ValueError(f"{k} must hold {len(features)} finite numbers, one per feature")
    if np.any(arrays["scale"] <= 0):
        raise ValueError("scale must be positive")
    info = {k: v for k, v in source.items() if k not in ("features", "mean", "scale", "w", "b")}
    return Model(features, arrays["mean"], arrays["scale"], arrays["w"], float(source["b"]), info)


def predict_proba(model: Model, X) -> np.ndarray:
    """P(class 1) for raw points X of shape (m, 2), in the units of the original data."""
    F = (expand_features(X, model.features) - model.mean) / model.scale
    return sigmoid(F @ model.w + model.b)
