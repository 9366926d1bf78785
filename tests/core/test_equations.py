"""The live equations' LaTeX (neuron_core/equations.py): the one formatter's numbers, long sums
broken into lines, a tiny update shown with enough digits."""

import re

import numpy as np

import neuron_core as nc
from neuron_core import equations as eq
from neuron_core.number_format import latex


def test_numbers_come_from_the_one_formatter():
    assert eq.num(-0.000126) == latex(-0.000126, 3) == "-0.000126"
    assert eq.num(3.1e300) == r"3.10\times 10^{300}"  # never 300 digits
    assert "−" not in eq.vector([-1.5, 2.0])  # LaTeX's own minus, which KaTeX sets as one


def test_a_sum_of_seven_inputs_breaks_into_lines():
    w = np.linspace(-1, 1, 7)
    text = eq.forward(nc.FEATURES, w, 0.1, standardized=True)
    assert text.startswith("z = ") and text.count(r"\\") == 2  # three lines of ≤ 3 terms
    assert "z = " in eq.forward(("x1", "x2"), w[:2], 0.1, False)
    assert r"\\" not in eq.forward(("x1", "x2"), w[:2], 0.1, False)


def test_update_at_a_tiny_alpha_shows_each_weight_move():
    w, dw = np.array([1.234567, -0.5, 0.25]), np.array([0.5, 0.3, -0.2])
    text = eq.update_w(w, 0.0001, dw)
    vecs = re.findall(r"\\begin\{pmatrix\}(.*?)\\end\{pmatrix\}", text)
    before, after = vecs[0].split(r" \\ "), vecs[-1].split(r" \\ ")
    assert all(a != b for a, b in zip(before, after, strict=True)), text
    b_text = eq.update_b(0.1, 0.0001, 0.3)
    assert "= 0.1000 -" in b_text and "= 0.09997" in b_text
