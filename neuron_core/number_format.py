"""The one way numbers are written for people: costs, gradients, weights, gaps.

Every page, figure and equation formats through these functions, so a number reads the
same everywhere: a few significant digits in plain decimals between 10⁻⁴ and 10⁵
(0.476, 0.000126, 0.2100), powers of ten outside (1.26 × 10⁻⁵, 3.1 × 10³⁰⁰), never a
300-digit string, never "nan". Plain text uses the real minus sign (U+2212); LaTeX uses
'-', which KaTeX already draws as a minus in math mode.
"""

from __future__ import annotations

import math

import numpy as np

MINUS = "\u2212"
SMALL, LARGE = 1e-4, 1e5  # plain decimals in [SMALL, LARGE); powers of ten outside
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
SETTING_DIGITS = 6  # a picked or typed value (α, λ) is written with at most this many
# A cost gap this small, relative to J*, is the rounding of two nearly equal sums.
AT_OPTIMUM = 1e-10


def _parts(v: float, sig: int, trim: bool = False) -> tuple[str, int | None]:
    """(digits without sign, power of ten or None) for a finite non-zero |v|; ``trim``
    drops trailing zeros after the decimal point."""
    a = abs(v)
    if SMALL <= a < LARGE:
        decimals = max(0, sig - 1 - math.floor(math.log10(a)))
        text = f"{a:.{decimals}f}"
        if float(text) >= LARGE:  # rounding carried into the next decade
            return _parts(float(text), sig, trim)
        digits, exp = text, None
    else:
        digits, exp = f"{a:.{sig - 1}e}".split("e")
        exp = int(exp)
    if trim and "." in digits:
        digits = digits.rstrip("0").rstrip(".")
    return digits, exp


def number(v, sig: int = 4, *, minus: str = MINUS, trim: bool = False) -> str:
    """``v`` as plain text with ``sig`` significant digits (trailing zeros kept, so a number
    that changes every frame keeps its width; ``trim`` drops them, for labels and options).

    >>> number(0.21), number(-0.000126, 3), number(1.26e-5, 3), number(3.1e300, 2)
    ('0.2100', '−0.000126', '1.26 × 10⁻⁵', '3.1 × 10³⁰⁰')
    >>> number(0.5, trim=True), number(1.2e-5, trim=True)
    ('0.5', '1.2 × 10⁻⁵')

    Not-finite values read "∞", "−∞" or "not a number", so no page shows "nan".
    """
    v = float(v)
    if math.isnan(v):
        return "not a number"
    sign = minus if v < 0 else ""
    if math.isinf(v):
        return sign + "∞"
    if v == 0:
        return "0"
    digits, exp = _parts(v, sig, trim)
    if exp is None:
        return sign + digits
    return f"{sign}{digits} × 10{str(exp).translate(_SUPERSCRIPT)}"


def latex(v, sig: int = 4, *, trim: bool = False) -> str:
    """``v`` for LaTeX math: as `number`, with ``\\times 10^{n}`` and '-' as the minus."""
    v = float(v)
    if not math.isfinite(v):
        return r"\text{not a number}" if math.isnan(v) else ("-" if v < 0 else "") + r"\infty"
    if v == 0:
        return "0"
    digits, exp = _parts(v, sig, trim)
    sign = "-" if v < 0 else ""
    return sign + digits + ("" if exp is None else rf"\times 10^{{{exp}}}")


def setting(v) -> str:
    """A value the learner picked or typed (α, λ), as picked: at most six significant
    digits without padding zeros (`number` with ``trim``), powers of ten outside
    [10⁻⁴, 10⁵) as everywhere else.

    >>> setting(0.0001), setting(1.5), setting(10.0), setting(1e-05), setting(0.1 + 0.2)
    ('0.0001', '1.5', '10', '1 × 10⁻⁵', '0.3')
    """
    return number(v, SETTING_DIGITS, trim=True)


def setting_latex(v) -> str:
    """`setting` for LaTeX math (see `latex`)."""
    return latex(v, SETTING_DIGITS, trim=True)


def count(n) -> str:
    """A whole number of things (rows, characters, values): '10,000'."""
    return f"{int(n):,}"


def power_of_ten(v) -> str:
    """A round size as a power of ten: 1e-07 → '10⁻⁷' (other mantissas: '3 × 10⁻⁵')."""
    mant, exp = f"{float(v):.0e}".split("e")
    sup = str(int(exp)).translate(_SUPERSCRIPT)
    return ("" if mant == "1" else mant + " × ") + "10" + sup


def percent(share, decimals: int = 1) -> str:
    """A share in [0, 1] as '90.0 %' (the space as in the page texts); `number`'s words
    for a share that is not finite."""
    share = float(share)
    if not math.isfinite(share):
        return number(share)
    return f"{100.0 * share:.{decimals}f} %"


def gap(cost, optimum_cost, sig: int = 3) -> str:
    """How far a cost is above J*: '0.0123', or '0 (at the optimum)' below rounding.

    A run can end a hair *below* J* (scikit-learn stops at its own tolerance); such a gap,
    and any gap within rounding of J*, reads as the optimum rather than a negative number.
    """
    d = float(cost) - float(optimum_cost)
    if not math.isfinite(d):
        return number(d, sig)
    if d <= AT_OPTIMUM * max(1.0, abs(float(optimum_cost))):
        return "0 (at the optimum)"
    return number(d, sig)


def update_sig(before, after, sig: int = 3, most: int = 12) -> int:
    """Significant digits that make every changed value differ from its old one on screen.

    At α = 0.0001 a weight may move from 1.23456 to 1.23451: three digits would show
    "1.23 → 1.23". This returns the smallest count ≥ ``sig`` (at most ``most``) at which
    each pair that differs at all is written differently.
    """
    old = np.atleast_1d(np.asarray(before, dtype=float)).ravel()
    new = np.atleast_1d(np.asarray(after, dtype=float)).ravel()
    pairs = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    pairs = [(a, b) for a, b in pairs if math.isfinite(a) and math.isfinite(b)]

    def shown(v, k):  # the value as written with k significant digits
        return float(f"{v:.{k - 1}e}")

    for k in range(sig, most + 1):
        if all(shown(a, k) != shown(b, k) for a, b in pairs):
            return k
    return most
