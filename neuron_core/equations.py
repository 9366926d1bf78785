"""LaTeX for the live equations, with the current numbers substituted.

Every number goes through `neuron_core.number_format.latex`, the same formatter the metrics and
figures use, so a value reads the same in an equation and beside it.
"""

from __future__ import annotations

import numpy as np

import neuron_core as nc
from neuron_core.number_format import latex, setting_latex, update_sig

TERMS_PER_LINE = 3  # a sum of more terms breaks into lines instead of running off the page


def num(v, digits=3) -> str:
    """A number for LaTeX with ``digits`` significant digits (see `neuron_core.number_format`).

    The minus is LaTeX's own '-', which KaTeX sets as a real minus sign in math mode.
    """
    return latex(v, digits)


def signed_sum(coefs, terms, digits=3, per_line=None) -> str:
    """'2.31\\,x_1 - 0.520\\,x_2 + 0.110' from coefficients and LaTeX terms ('' = constant).

    With ``per_line``, a line break (``\\\\``, then an indent) follows every ``per_line``
    terms, for use inside a one-column ``array``.
    """
    out = []
    for k, (c, t) in enumerate(zip(coefs, terms, strict=True)):
        sign = "-" if c < 0 else "+"
        body = num(abs(c), digits) + (rf"\,{t}" if t else "")
        brk = r"\\ \quad " if per_line and k and k % per_line == 0 else ""
        out.append(brk + (sign if out or sign == "-" else "") + " " + body)
    return " ".join(out).strip()


def vector(v, digits=3) -> str:
    return (
        r"\begin{pmatrix}"
        + r" \\ ".join(num(x, digits) for x in np.atleast_1d(v))
        + r"\end{pmatrix}"
    )


def forward(features, w, b, standardized) -> str:
    terms = [nc.FEATURE_LATEX[f] for f in features]
    if standardized:
        terms = [rf"\widetilde{{{t}}}" if " " in t else rf"\tilde{{{t[0]}}}{t[1:]}" for t in terms]
    if len(terms) < TERMS_PER_LINE + 1:
        return rf"z = {signed_sum([*w, b], [*terms, ''])}"
    body = signed_sum([*w, b], [*terms, ""], per_line=TERMS_PER_LINE)
    return rf"z = \begin{{array}}{{l}} {body}\end{{array}}"


def _alpha(alpha) -> str:
    return setting_latex(alpha)  # a setting picked from a list, shown as typed


def update_w(w, alpha, dw) -> str:
    """w ← w − α·dw with enough digits that every weight that moved shows its change."""
    w, dw = np.asarray(w, dtype=float), np.asarray(dw, dtype=float)
    new = w - alpha * dw
    k = update_sig(w, new)
    # Many inputs or many digits: the subtraction gets a line of its own, so it fits a column.
    brk = r" \\ &\quad" if len(w) > 3 or k > 4 else ""
    return (
        r"\begin{aligned} w &\leftarrow w - \alpha\,dw \\ "
        rf"&= {vector(w, k)}{brk} - {_alpha(alpha)} \cdot {vector(dw)} \\ &= {vector(new, k)}"
        r"\end{aligned}"
    )


def update_b(b, alpha, db) -> str:
    new = b - alpha * db
    k = update_sig(b, new)
    return (
        r"\begin{aligned} b &\leftarrow b - \alpha\,db \\ "
        rf"&= {num(b, k)} - {_alpha(alpha)} \cdot ({num(db)}) \\ &= {num(new, k)}"
        r"\end{aligned}"
    )


def boundary_line(w_raw, b_raw) -> str | None:
    """x₂ = −(w₁x₁ + b)/w₂ in the data's own units, or None when w₂ is 0."""
    w1, w2 = float(w_raw[0]), float(w_raw[1])
    if abs(w2) < 1e-12:
        return None
    slope, icpt = -w1 / w2, -b_raw / w2
    return (
        r"\begin{aligned} x_2 &= -\frac{w_1 x_1 + b}{w_2} = -\frac{"
        + signed_sum([w1, b_raw], ["x_1", ""])
        + rf"}}{{{num(w2)}}} \\ &= {signed_sum([slope, icpt], ['x_1', ''])}"
        + r"\end{aligned}"
    )
