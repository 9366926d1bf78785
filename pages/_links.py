"""The URL side of the shared controls: checking a link's values, and writing share links.

Streamlit's ``bind="query-params"`` writes what a widget *shows* into the URL: the label
from ``format_func`` (``dataset=Circles (a ring around a disc)``, ``features=x₁²``,
``init=Random``), repeated parameters for a multiselect, ``true``/``false`` for a toggle.
A link must use the same spelling or the widget ignores it, so `url_values` mirrors it and
`bad_link_values` accepts exactly what a widget accepts.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import neuron_core as nc

from ._controls import (
    ALPHAS,
    DATASET_LABELS,
    DEFAULTS,
    EPOCHS,
    FEATURE_LABELS,
    L2S,
    SOURCES,
    _fmt,
)

# The controls a share link carries, in sidebar order, then presenter mode.
LINK_KEYS = (*DEFAULTS, "presenter")
_DATASET_BY_LABEL = {v: k for k, v in DATASET_LABELS.items()}
_FEATURE_BY_LABEL = {v: k for k, v in FEATURE_LABELS.items()}
_INIT_BY_LABEL = {i.capitalize(): i for i in nc.INITS}


def _number(kind, ok):
    def check(values):
        try:
            v = kind(values[-1])
        except (TypeError, ValueError):
            return False
        return ok(v)

    return check


def _one_of(options):
    return lambda values: values[-1] in options


def _floats_in(options):
    return _number(float, lambda v: any(abs(v - o) <= 1e-9 * max(1, abs(o)) for o in options))


_BOOLS = ("true", "false", "True", "False")
CHECKS = {
    "source": _one_of(SOURCES),
    "dataset": _one_of(_DATASET_BY_LABEL),
    "points": _number(int, lambda v: 20 <= v <= 2000),
    "noise": _number(float, lambda v: 0.0 <= v <= 0.5),
    "seed": _number(int, lambda v: 0 <= v <= 9999),
    "test": _number(int, lambda v: 0 <= v <= 50),
    "features": lambda values: all(v in _FEATURE_BY_LABEL for v in values),
    "standardize": _one_of(_BOOLS),
    "alpha": _floats_in(ALPHAS),
    "epochs": _number(int, lambda v: v in EPOCHS),
    "l2": _floats_in(L2S),
    "init": _one_of(_INIT_BY_LABEL),
    "init_seed": _number(int, lambda v: 0 <= v <= 9999),
    "presenter": _one_of(_BOOLS),
}


def bad_link_values(query: dict[str, list[str]]) -> list[str]:
    """Sentences for each shared-control value in the URL that cannot be used."""
    notes = []
    for key, values in query.items():
        check = CHECKS.get(key)
        if check and values and not check(values):
            shown = ", ".join(values)
            default = DEFAULTS.get(key, False)
            notes.append(f"`{key}={shown}` is not a valid value; using the default {default!r}.")
    return notes


def _number_text(v) -> str:
    v = float(v)
    return str(int(v)) if v == int(v) else repr(v)


def url_values(key: str, value) -> list[str]:
    """How the widget bound to ``key`` spells ``value`` in the URL (one string per value)."""
    match key:
        case "dataset":
            return [DATASET_LABELS[value]]
        case "features":
            return [FEATURE_LABELS[f] for f in value]
        case "standardize" | "presenter":
            return ["true" if value else "false"]
        case "alpha" | "l2":
            return [_fmt(value)]
        case "noise":
            return [_number_text(value)]
        case "init":
            return [str(value).capitalize()]
        case _:
            return [str(value)]


def share_query(values: dict) -> str:
    """The query string for ``values`` (control key → value), every control spelled out.

    Defaults are written too, so the link keeps its meaning if a default ever changes. The
    initial-weights seed only matters (and only has a widget) for random initial weights.
    """
    skip = set() if values.get("init") == "random" else {"init_seed"}
    keys = [k for k in LINK_KEYS if k in values and k not in skip]
    pairs = [(k, v) for k in keys for v in url_values(k, values[k])]
    return urlencode(pairs)


def share_link(base_url: str, page_path: str, values: dict) -> str:
    """``base_url/page_path?query`` (the home page when ``page_path`` is empty)."""
    base = base_url.rstrip("/")
    path = f"/{page_path.strip('/')}" if page_path.strip("/") else "/"
    return f"{base}{path}?{share_query(values)}"


def values_from_link(link: str) -> dict:
    """The control values a link opens with: what it carries, defaults for the rest."""
    query = parse_qs(urlsplit(link).query, keep_blank_values=True)
    out: dict = {**DEFAULTS, "features": tuple(DEFAULTS["features"]), "presenter": False}
    for key, raw in query.items():
        if key not in LINK_KEYS or not CHECKS[key](raw):
            continue
        last = raw[-1]
        match key:
            case "dataset":
                out[key] = _DATASET_BY_LABEL[last]
            case "features":
                out[key] = tuple(f for f in nc.FEATURES if FEATURE_LABELS[f] in raw)
            case "standardize" | "presenter":
                out[key] = last.lower() == "true"
            case "points" | "seed" | "test" | "epochs" | "init_seed":
                out[key] = int(last)
            case "noise" | "alpha" | "l2":
                out[key] = float(last)
            case "init":
                out[key] = _INIT_BY_LABEL[last]
            case _:
                out[key] = last
    return out
