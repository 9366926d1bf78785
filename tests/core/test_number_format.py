"""The one number formatter: readable sizes, no 300-digit strings, no 'nan', one minus."""

import math

import numpy as np
import pytest

from neuron_core.number_format import MINUS, gap, latex, number, update_sig


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
    ("v", "want"),
    [(0.5, "0.5"), (300.0, "300"), (1e-6, "1 × 10⁻⁶"), (1.2e-5, "1.2 × 10⁻⁵"), (-2.70, "−2.7")],
)
def test_trim_drops_trailing_zeros_only(v, want):
    assert number(v, trim=True) == want
