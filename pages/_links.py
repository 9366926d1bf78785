"""Checks on values arriving in a shared link, so a bad one gets a notice, not an error."""

from __future__ import annotations

import neuron_core as nc

from ._controls import ALPHAS, DEFAULTS, EPOCHS, L2S, SOURCES


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


CHECKS = {
    "source": _one_of(SOURCES),
    "dataset": _one_of(nc.DATASETS),
    "points": _number(int, lambda v: 20 <= v <= 2000),
    "noise": _number(float, lambda v: 0.0 <= v <= 0.5),
    "seed": _number(int, lambda v: 0 <= v <= 9999),
    "test": _number(int, lambda v: 0 <= v <= 50),
    "features": lambda values: all(v in nc.FEATURES for v in values),
    "standardize": _one_of(("true", "false", "True", "False")),
    "alpha": _floats_in(ALPHAS),
    "epochs": _number(int, lambda v: v in EPOCHS),
    "l2": _floats_in(L2S),
    "init": _one_of(nc.INITS),
    "init_seed": _number(int, lambda v: 0 <= v <= 9999),
}


def bad_link_values(query: dict[str, list[str]]) -> list[str]:
    """Sentences for each shared-control value in the URL that cannot be used."""
    notes = []
    for key, values in query.items():
        check = CHECKS.get(key)
        if check and values and not check(values):
            shown = ", ".join(values)
            notes.append(
                f"`{key}={shown}` is not a valid value; using the default {DEFAULTS[key]!r}."
            )
    return notes
