"""The live view's data: one run's compact history for the browser to paint every epoch.

The Playground's three views (probability map with the ŷ = 0.5 boundary, 3-D sigmoid sheet,
cost curve) and its numbers are drawn in the browser by the ES modules in ``live_view_js/``
(joined into one script by `js_bundle`, see `script`), from this payload:
w and b for every epoch, costs and accuracies, the points, the features and the
standardisation statistics. No grids travel: the browser evaluates ŷ = σ(w·φ(x̃) + b) on its
own grid each frame, so an α change sends kilobytes and every epoch can be shown.

The payload is a dict of JSON-able metadata plus two flat numeric arrays (float32 and
float64) that Streamlit sends as Arrow; the offline HTML export inlines the same arrays as
base64. ``meta["fields"]`` says where each named array sits in which pack.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from functools import cache
from pathlib import Path

import numpy as np

from .. import number_format
from ..edits import map_bounds
from ..experiment import Run
from ..features import BY_NAME, FEATURE_LABELS
from .js_bundle import bundle, text_module
from .narration import words_module
from .style import (
    AXIS_LINE,
    BLUE,
    BOUNDARY_COLOR,
    CLASS_COLORS,
    FAINT,
    GRID,
    INK,
    OPTIMUM_LINE,
    PAPER,
    PROB_COLORSCALE,
    WALL,
    WALL_GRID,
    Theme,
    class_name,
)

JS_DIR = Path(__file__).resolve().parent / "live_view_js"
ENTRY = "live_view.mjs"  # the module whose default export Streamlit calls
FLOAT32_MAX = float(np.finfo(np.float32).max)
# The speeds Play offers, in the menu's order: (id, what the menu says, kind, amount).
# "linger" plays the whole run in `amount` seconds, lingering on the epochs where ŷ moves
# most (the view measures it on the points) and hurrying where it barely moves; "per_second"
# is slower than the screen's frames, to talk over; "per_frame" is epochs per animation
# frame (1 shows every epoch at the screen's rate); "seconds" plays any run in `amount` s.
SPEEDS = (
    ("linger", "teacher's pace", "linger", 12),
    ("2/s", "2 epochs/s", "per_second", 2),
    ("5/s", "5 epochs/s", "per_second", 5),
    ("10/s", "10 epochs/s", "per_second", 10),
    ("30/s", "30 epochs/s", "per_second", 30),
    ("1", "1 epoch/frame", "per_frame", 1),
    ("2", "2 epochs/frame", "per_frame", 2),
    ("5", "5 epochs/frame", "per_frame", 5),
    ("10", "10 epochs/frame", "per_frame", 10),
    ("25", "25 epochs/frame", "per_frame", 25),
    ("fit", "whole run: 5 s", "seconds", 5),
)
SPEED = "1"  # Play's speed until the learner picks one: every epoch, at the screen's rate
LONG_RUN, LONG_RUN_SPEED = 600, "fit"  # beyond this many epochs, the whole run in 5 s


@cache
def css() -> str:
    """The view's stylesheet (``live_view_js/live_view.css``), as written."""
    return (JS_DIR / "live_view.css").read_text(encoding="utf-8")


@cache
def script() -> str:
    """The view's whole script: its ES modules joined by `js_bundle.bundle`, the CSS and the
    words inside it (as the modules ``view_css.mjs`` and ``view_words.mjs``, see
    `narration`), so code, style and words travel once. The same bytes on
    every call (Streamlit caches the code element by its content)."""
    generated = {"view_css.mjs": text_module("CSS", css()), "view_words.mjs": words_module()}
    return bundle(JS_DIR, ENTRY, generated)


def _f32(a) -> np.ndarray:
    return np.clip(np.asarray(a, dtype=float), -FLOAT32_MAX, FLOAT32_MAX).astype(np.float32)


def _pack(arrays: dict, dtype) -> tuple[np.ndarray, dict]:
    """Concatenate named arrays into one flat array; return it and name → [offset, size]."""
    where, parts, offset = {}, [], 0
    for name, a in arrays.items():
        flat = np.ravel(a)
        where[name] = [offset, int(flat.size)]
        parts.append(flat)
        offset += flat.size
    packed = np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype)
    return packed, where


def _arrays(run: Run) -> tuple[np.ndarray, np.ndarray, dict]:
    """The run's arrays packed: (float32 pack, float64 pack, name → [pack, offset, size])."""
    h, prep = run.history, run.prepared
    data = prep.data
    has_test = h.test_cost is not None
    is_test = np.zeros(data.m, dtype=bool)
    is_test[prep.test_idx] = True
    # float32 is plenty to draw weights and accuracies; the bias and the costs keep float64
    # so a diverging run's 1e200 stays a number instead of overflowing to infinity, and the
    # points keep it so the view's J for a hand-set neuron (hand.mjs) is neuron_core's J.
    f32, f32_where = _pack(
        {
            "w": _f32(h.w),
            "acc": h.accuracy,
            "test_acc": h.test_accuracy if has_test else np.zeros(0),
            "cls": data.y,
            "test": is_test,
        },
        np.float32,
    )
    f64, f64_where = _pack(
        {
            "b": h.b,
            "cost": h.cost,
            "test_cost": h.test_cost if has_test else np.zeros(0),
            "points": np.asarray(data.X, dtype=float),
        },
        np.float64,
    )
    fields = {k: ["f32", *v] for k, v in f32_where.items()}
    fields |= {k: ["f64", *v] for k, v in f64_where.items()}
    return f32, f64, fields


def _settings(theme: Theme) -> dict:
    """What the view takes from the app's tables: number limits, speeds, colours, sizes."""
    return {
        "numbers": {
            "small": number_format.SMALL,
            "large": number_format.LARGE,
            "at_optimum": number_format.AT_OPTIMUM,
        },
        "speeds": [dict(zip(("id", "text", "kind", "amount"), row, strict=True)) for row in SPEEDS],
        "speed": SPEED,
        "long_run": LONG_RUN,
        "long_run_speed": LONG_RUN_SPEED,
        "style": {
            "colors": list(CLASS_COLORS),
            "scale": [[float(p), c] for p, c in PROB_COLORSCALE],
            # The figures' greys, so the view and the Plotly charts draw alike.
            "ink": INK,
            "paper": PAPER,
            "axis": AXIS_LINE,
            "grid": GRID,
            "boundary": BOUNDARY_COLOR,
            "optimum": OPTIMUM_LINE["color"],
            "wall": WALL,
            "wall_grid": WALL_GRID,
            # The page's colours, as CSS variables --lv-<name> (live_view.css reads them).
            "css": {
                "ink": INK,
                "paper": PAPER,
                "accent": BLUE,
                # The focus ring: the primary blue, 5.2:1 on white (as the app's own ring).
                "focus": BLUE,
                "border": FAINT,
                "label": AXIS_LINE,
            },
            "presenter": theme.presenter,
            "font": theme.font,
            "line": theme.line,
            "marker": theme.marker,
        },
    }


def _feature_table(features, labels) -> list[dict]:
    """Every feature as the view computes it: name, label and expression (see
    `neuron_core.features.Feature.expr`); the run's own features take ``labels``."""
    label = FEATURE_LABELS | dict(zip(features, labels or features, strict=True))
    return [
        {"name": f.name, "label": str(label[f.name]), "expr": list(f.expr)}
        for f in BY_NAME.values()
    ]


def _describe(run: Run, names, feature_labels) -> dict:
    """The run's metadata: features and their statistics, the data's box and classes, the
    split, the optimum and the run's settings."""
    h, prep = run.history, run.prepared
    data = prep.data
    return {
        "epochs": h.epochs,
        "n": len(prep.features),
        "features": list(prep.features),
        "feature_table": _feature_table(prep.features, feature_labels),
        "mean": [float(v) for v in prep.scaler.mean],
        "scale": [float(v) for v in prep.scaler.scale],
        "bounds": list(map_bounds(data)),
        "axis_names": [str(v) for v in names],
        # Plain text: the view writes it with textContent (no HTML escaping here).
        "classes": [class_name(data.classes, k) for k in (0, 1)],
        "m_train": len(prep.train_idx),
        "m_test": len(prep.test_idx),
        "optimum": float(run.optimum.cost) if run.optimum.finite else None,
        "diverged_at": h.diverged_at,
        "alpha": float(run.alpha),
        "l2": float(run.l2),
    }


def live_view_payload(
    run: Run,
    *,
    theme: Theme | None = None,
    axis_names=None,
    feature_labels=None,
) -> dict:
    """What the live view needs to paint ``run``: ``{"meta": dict, "f32": …, "f64": …}``.

    Parameters
    ----------
    run : Run
    theme : Theme, optional
        Presenter sizes when ``theme.presenter``.
    axis_names : pair of str, optional
        How the two inputs are labelled (default: the dataset's feature names).
    feature_labels : sequence of str, optional
        How each feature reads beside its weight (default: its name).
    """
    f32, f64, fields = _arrays(run)
    names = tuple(axis_names or run.prepared.data.feature_names)
    meta = _describe(run, names, feature_labels)
    meta["fields"] = fields
    meta |= _settings(theme or Theme())
    meta["run"] = hashlib.blake2b(
        json.dumps(meta, sort_keys=True).encode() + f32.tobytes() + f64.tobytes(), digest_size=8
    ).hexdigest()
    return {"meta": meta, "f32": f32, "f64": f64}


def offline_html(payload: dict, title: str = "Neuron Playground", description: str = "") -> str:
    """The live view and one run's data as one self-contained HTML page that plays offline.

    The view's JS and CSS and the run's arrays (as base64) are written into the page, so it
    needs no server and no network: for a classroom whose connection is down.
    """
    data = {
        "meta": payload["meta"],
        "f32": base64.b64encode(np.ascontiguousarray(payload["f32"], "<f4").tobytes()).decode(),
        "f64": base64.b64encode(np.ascontiguousarray(payload["f64"], "<f8").tobytes()).decode(),
    }
    # No "<" at all inside the script element (no "</script>", no "<!--"); JSON stays valid.
    blob = json.dumps(data).replace("<", "\\u003c")
    code = script()
    if "</script" in code.lower() or "<!--" in code:
        raise ValueError("the view's script cannot sit inside a <script> element as it is")
    caption = f"<p>{html.escape(description)}</p>\n" if description else ""
    return (
        "<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>\n"
        f"<title>{html.escape(title)}</title>\n"
        "<style>body{font-family:'Source Sans Pro',Arial,sans-serif;margin:1rem 2rem;"
        f"color:{INK}}}h1{{font-size:1.6rem;margin:0 0 .3rem}}p{{margin:.2rem 0 .8rem}}</style>\n"
        f"</head>\n<body>\n<h1>{html.escape(title)}</h1>\n{caption}"
        "<div id='live-view-host'></div>\n"
        f"<script type='application/json' id='live-view-data'>{blob}</script>\n"
        f"<script type='module'>\n{code}\n"
        "const host = document.getElementById('live-view-host');\n"
        "const data = JSON.parse(document.getElementById('live-view-data').textContent);\n"
        "mountLiveView({data, parentElement: host, setStateValue: () => {}});\n"
        "</script>\n</body>\n</html>\n"
    )
