"""LaTeX for the live equations, with the current numbers substituted."""

from __future__ import annotations

import numpy as np

import neuron_core as nc


def num(v, digits=3) -> str:
    """A number for LaTeX: fixed digits, real minus sign, scientific when tiny or huge."""
    v = float(v)
    if v != 0 and (abs(v) < 10**-(digits) or abs(v) >= 1e5):
        mant, exp = f"{v:.{digits - 1}e}".split("e")
        return rf"{mant.replace('-', '-')}\times 10^{{{int(exp)}}}"
    return f"{v:.{digits}f}"


def signed_sum(coefs, terms) -> str:
    """'2.310\\,x_1 - 0.520\\,x_2 + 0.110' from coefficients and LaTeX terms ('' = constant)."""
    out = []
    for c, t in zip(coefs, terms, strict=True):
        sign = "-" if c < 0 else "+"
        body = num(abs(c)) + (rf"\,{t}" if t else "")
        out.append((sign if out or sign == "-" else "") + " " + body)
    return " ".join(out).strip()


def vector(v) -> str:
    return r"\begin{pmatrix}" + r" \\ ".join(num(x) for x in np.atleast_1d(v)) + r"\end{pmatrix}"


def forward(features, w, b, standardized) -> str:
    terms = [nc.FEATURE_LATEX[f] for f in features]
    if standardized:
        terms = [rf"\widetilde{{{t}}}" if " " in t else rf"\tilde{{{t[0]}}}{t[1:]}" for t in terms]
    return rf"z = {signed_sum([*w, b], [*terms, ''])}"


def _alpha(alpha) -> str:
    return f"{alpha:g}"


def update_w(w, alpha, dw) -> str:
    new = np.asarray(w) - alpha * np.asarray(dw)
    return (
        r"\begin{aligned} w &\leftarrow w - \alpha\,dw \\ "
        rf"&= {vector(w)} - {_alpha(alpha)} \cdot {vector(dw)} \\ &= {vector(new)}"
        r"\end{aligned}"
    )


def update_b(b, alpha, db) -> str:
    return (
        r"\begin{aligned} b &\leftarrow b - \alpha\,db \\ "
        rf"&= {num(b)} - {_alpha(alpha)} \cdot ({num(db)}) = {num(b - alpha * db)}"
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
