"""Every page at the ends of every control, and with the largest and smallest values the
loader accepts: finite, readable numbers or a sentence that explains, never an exception,
a numpy warning (pytest turns them into errors), nan or a 300-digit number."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

import neuron_core as nc
from neuron_core.controls import ALPHAS
from neuron_core.csv_rules import MAX_ABS

PAGES = sorted(
    (
        f"pages/{p.name}"
        for p in (Path(__file__).resolve().parents[2] / "pages").glob("*.py")
        if not p.name.startswith("_")
    ),
    key=lambda p: "playground" not in p,
)
ALL, XY = list(nc.FEATURES), ["x1", "x2"]
TOP = max(ALPHAS)  # the largest α the slider offers
# An infinite or missing value, or a number the formatter would never write ("‖w‖ → ∞" is
# the math's own limit, not a value).
NOT_A_NUMBER = re.compile(r"\bnan\b|\binf\b|NaN|Infinity|(?<!→ )∞|\d{25,}")


def _file(low: float, high: float) -> bytes:
    """40 rows whose magnitudes run from 10^low to 10^high, the two classes on either side;
    at the top of the loader's range (high = 150) the first and last values are exactly
    ±`MAX_ABS`, the largest it accepts."""
    rng = np.random.default_rng(0)
    y = np.repeat([0, 1], 20)
    X = 10.0 ** rng.uniform(low, high, (40, 2)) * np.where(y[:, None] == 1, 1.0, -1.0)
    if high >= np.log10(MAX_ABS):
        X[0, 0], X[-1, 1] = -MAX_ABS, MAX_ABS
    rows = "".join(f"{float(a)!r},{float(b)!r},{c}\n" for (a, b), c in zip(X, y, strict=True))
    return ("x1,x2,label\n" + rows).encode()


# (file or None for generated data, features, standardise, α, λ, epochs, initial weights)
CASES = [
    pytest.param(_file(80, 150), XY, False, 0.5, 0.0, 300, "zeros", id="1e150-raw"),
    pytest.param(_file(80, 150), ALL, False, TOP, 0.0, 300, "zeros", id="1e150-raw-all-a10"),
    # Not even the random start is finite on x₁² ≈ 1e300: diverged at epoch 0.
    pytest.param(
        _file(80, 150), ALL, False, TOP, 0.0, 300, "random", id="1e150-raw-all-a10-random"
    ),
    pytest.param(_file(10, 14.4), XY, False, TOP, 0.0, 300, "zeros", id="1e14-raw-a10"),
    pytest.param(_file(-150, -100), XY, False, 0.0001, 0.0, 5000, "zeros", id="1e-150-raw"),
    pytest.param(_file(80, 150), ALL, True, TOP, 1.0, 5000, "random", id="1e150-standardised-l2"),
    pytest.param(None, ALL, True, TOP, 1.0, 5000, "zeros", id="generated-a10-l2-diverges"),
    pytest.param(None, ALL, False, TOP, 0.0, 300, "random", id="generated-raw-all-a10-random"),
    pytest.param(None, ["x1"], False, 0.0001, 0.0, 1, "zeros", id="generated-one-epoch"),
]


def _shown_numbers_are_readable(ui, at, page):
    ui.assert_clean(at)
    bad = [t for t in ui.texts(at) if NOT_A_NUMBER.search(t)]
    assert not bad, f"{page}: {bad[:3]}"
    for chart in at.get("plotly_chart"):
        constants = []
        json.loads(chart.proto.spec, parse_constant=constants.append)
        assert constants == [], f"{page}: a chart holds {set(constants)}"


@pytest.mark.parametrize(
    ("data", "features", "standardize", "alpha", "l2", "epochs", "init"), CASES
)
def test_every_page_shows_readable_numbers_or_explains(
    make_app, ui, data, features, standardize, alpha, l2, epochs, init
):
    at = make_app()
    if data is not None:
        at.segmented_control(key="source").set_value("Upload CSV").run()
        at.file_uploader(key="upload_file").upload("extreme.csv", data, "text/csv").run()
        assert at.session_state.upload["name"] == "extreme.csv"  # the file loaded
    at.multiselect(key="features").set_value(features)
    at.toggle(key="standardize").set_value(standardize)
    at.select_slider(key="alpha").set_value(alpha)
    at.select_slider(key="l2").set_value(l2)
    at.radio(key="init").set_value(init)
    at.select_slider(key="epochs").set_value(epochs).run()
    assert at.multiselect(key="features").value == list(features)  # the settings took
    for page in PAGES:  # the Playground first: it trains on anything the loader accepts
        ui.go_to(at, page)
        _shown_numbers_are_readable(ui, at, page)


@pytest.mark.parametrize("page", [p for p in PAGES if "playground" not in p and "lessons" not in p])
def test_inputs_too_large_for_descent_get_a_sentence_on_every_page(make_app, ui, page):
    at = make_app()
    at.segmented_control(key="source").set_value("Upload CSV").run()
    at.file_uploader(key="upload_file").upload("huge.csv", _file(80, 150), "text/csv")
    at.toggle(key="standardize").set_value(False).run()
    ui.go_to(at, page)
    ui.assert_clean(at)
    assert any("too large for gradient descent" in e.value for e in at.error), page

    at.toggle(key="standardize").set_value(True).run()
    ui.assert_clean(at)
    assert not any("too large for gradient descent" in e.value for e in at.error), page
