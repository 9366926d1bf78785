"""The one number formatter: readable sizes, no 300-digit strings, no 'nan', one minus."""

import ast
import math
import re
from pathlib import Path

import numpy as np
import pytest

from neuron_core.number_format import (
    MINUS,
    count,
    gap,
    latex,
    number,
    percent,
    setting,
    setting_latex,
    update_sig,
)


@pytest.mark.parametrize(
    ("value", "sig", "text"),
    [
        (0.21, 4, "0.2100"),
        (0.476, 3, "0.476"),
        (0.000126, 3, "0.000126"),
        (-0.000126, 3, MINUS + "0.000126"),
        (1.26e-5, 3, "1.26 × 10⁻⁵"),
        (123.456, 4, "123.5"),
        (5000, 4, "5000"),
        (99999.7, 4, "1.000 × 10⁵"),
        (3.14e300, 2, "3.1 × 10³⁰⁰"),
        (0.0, 4, "0"),
        (math.inf, 4, "∞"),
        (-math.inf, 4, MINUS + "∞"),
        (math.nan, 4, "not a number"),
    ],
    ids=lambda v: str(v),
)
def test_number_reads_like_a_person_writes_it(value, sig, text):
    assert number(value, sig) == text


@pytest.mark.parametrize("exp", range(-320, 309, 7))
def test_no_size_gives_a_long_string_or_nan(exp):
    v = 3.7 * 10.0**exp
    for s in (number(v), number(-v), latex(v)):
        assert len(s) <= 22 and "nan" not in s.lower() and "e+" not in s and "e-" not in s


def test_latex_uses_times_ten_and_a_math_minus():
    assert latex(-1.26e-5, 3) == r"-1.26\times 10^{-5}"
    assert latex(0.476, 3) == "0.476"
    assert MINUS not in latex(-2.5)  # KaTeX draws '-' as a minus in math mode


def test_gap_below_rounding_is_the_optimum():
    assert gap(0.2 - 2.78e-17, 0.2) == "0 (at the optimum)"
    assert gap(0.2 + 2.78e-17, 0.2) == "0 (at the optimum)"
    assert gap(0.6, 0.124) == "0.476"
    assert gap(0.2 + 1.26e-5, 0.2) == "1.26 × 10⁻⁵"


def test_update_shows_enough_digits_to_see_a_tiny_step():
    w = np.array([1.234567, -0.5, 2.0])
    new = w - 0.0001 * np.array([0.5, 0.3, 0.0])
    k = update_sig(w, new)
    assert all(number(a, k) != number(b, k) for a, b in zip(w[:2], new[:2], strict=True))
    assert k > 3 and update_sig([1.0], [2.0]) == 3


@pytest.mark.parametrize(
    ("value", "text", "tex"),
    [
        (0.0001, "0.0001", "0.0001"),
        (0.00015, "0.00015", "0.00015"),
        (1.5, "1.5", "1.5"),
        (10.0, "10", "10"),
        (1500.0, "1500", "1500"),
        (1e-5, "1 × 10⁻⁵", r"1\times 10^{-5}"),
        (2.5e-7, "2.5 × 10⁻⁷", r"2.5\times 10^{-7}"),
        (0.1 + 0.2, "0.3", "0.3"),
        (1 / 3, "0.333333", "0.333333"),
        (-0.5, MINUS + "0.5", "-0.5"),
        (0.0, "0", "0"),
    ],
    ids=lambda v: str(v),
)
def test_a_setting_reads_as_picked(value, text, tex):
    assert setting(value) == text and setting_latex(value) == tex


def test_counts_and_shares():
    assert count(10_000) == "10,000" and count(7) == "7"
    assert percent(0.123, 0) == "12 %" and percent(0.9) == "90.0 %"
    assert percent(math.nan) == "not a number"


# Formats that write no text for a person: a value rounded to two significant figures (read
# back with float()), the link's ASCII spelling, SVG coordinates.
NOT_FOR_PEOPLE = {
    "neuron_core/number_format.py": "the formatter itself",
    "neuron_core/control_kinds.py": "number_text: a link's ASCII spelling",
    "neuron_core/alphas.py": "the α grid's values, rounded to two figures",
    "neuron_core/figures/thumbnail.py": "SVG coordinates",
}
ROOT = Path(__file__).resolve().parents[2]


NUMBER_SPEC = re.compile(r"[eEfFgGn%,_]|\.\d")  # a float's or a count's format ('02x' is a code)


def _raw_formats(path: Path) -> list[str]:
    """Every f-string field that formats a number (``{x:.3f}``, ``{a:g}``, ``{n:,}``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            spec = "".join(v.value for v in node.format_spec.values if isinstance(v, ast.Constant))
            if NUMBER_SPEC.search(spec) or not spec:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_every_number_for_people_goes_through_the_formatter():
    files = [
        p
        for folder in ("pages", "ui", "neuron_core")
        for p in sorted((ROOT / folder).rglob("*.py"))
        if str(p.relative_to(ROOT)) not in NOT_FOR_PEOPLE
    ] + [ROOT / "app.py"]
    raw = [line for p in files for line in _raw_formats(p)]
    assert not raw, "\n".join(raw)


@pytest.mark.parametrize(
    ("v", "want"),
    [(0.5, "0.5"), (300.0, "300"), (1e-6, "1 × 10⁻⁶"), (1.2e-5, "1.2 × 10⁻⁵"), (-2.70, "−2.7")],
)
def test_trim_drops_trailing_zeros_only(v, want):
    assert number(v, trim=True) == want
