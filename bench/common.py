"""What the benchmarks share: the two settings they measure and a line about the machine.

Each benchmark puts the repo root on ``sys.path`` and imports this as ``bench.common``.
The settings come from the controls table, so a new limit there moves the benchmarks too.
"""

from __future__ import annotations

import os
import sys

import neuron_core as nc
from neuron_core.controls import BY_KEY, EPOCHS, defaults

DEFAULTS = defaults()
# The heaviest run the sidebar allows: the most points, the most epochs, every feature.
MAXIMA = {"points": BY_KEY["points"].span[1], "epochs": max(EPOCHS), "features": nc.FEATURES}
ALPHA = BY_KEY["alpha"]  # the control every benchmark moves (its label, options, default)


def machine() -> str:
    """Python, CPUs and the load average now: the figures mean little without it."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"Python {sys.version.split()[0]}; {os.cpu_count()} CPUs, load average {load:.1f} "
        f"at start; OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}"
    )
