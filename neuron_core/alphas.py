"""The learning rates the app offers, and every recommended α rounded onto them.

One grid serves the Playground's α (the sidebar and the stage), the lesson presets, links and
every α the app recommends (1/L, the Learning rates page's presets, the Cost landscape's),
so a recommendation is always a value the Playground can be set to.

The grid has 16 steps a decade, none more than 25 % from the next (the E12 series, which
holds 1/L ≈ 2.7 on the moons, plus the 1, 1.5, 2, 3, 5 and 7 older links and presets use),
from 10⁻⁶ (1/L of raw inputs in the hundreds) to 10⁴ (the largest α the presets' search
tries on standardised inputs).
"""

from __future__ import annotations

import math

import numpy as np

MANTISSAS = (1, 1.2, 1.5, 1.8, 2, 2.2, 2.7, 3, 3.3, 3.9, 4.7, 5, 5.6, 6.8, 7, 8.2)
LOWEST, HIGHEST = -6, 4  # powers of ten the grid spans
ALPHAS = (
    *(float(f"{m * 10.0**e:.2g}") for e in range(LOWEST, HIGHEST) for m in MANTISSAS),
    10.0**HIGHEST,
)
_LOGS = np.log(ALPHAS)


def on_grid(alpha: float) -> float | None:
    """The offered α nearest to ``alpha`` on a log scale, or None when ``alpha`` is not a
    positive finite number or lies beyond the grid's ends by more than a step (25 %)."""
    a = float(alpha)
    if not (math.isfinite(a) and a > 0):
        return None
    if a < ALPHAS[0] / 1.25 or a > ALPHAS[-1] * 1.25:
        return None
    return ALPHAS[int(np.argmin(np.abs(_LOGS - math.log(a))))]


def recommended(alpha: float) -> float:
    """An α the app recommends, as it says it: on the grid where the grid reaches, else two
    significant figures (a value that small comes with the advice to standardise)."""
    a = float(alpha)
    return on_grid(a) or (float(f"{a:.2g}") if math.isfinite(a) else 0.0)
