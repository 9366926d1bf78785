"""The numbers panel of the One step page: every quantity of one step, substituted.

`example_numbers` (one example), `batch_numbers` (the average over all m) and
`feature_table` (one row per input) write into the column they are given, `after_step` the
metrics under the plot; `Shown` carries what they need from the page.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

import neuron_core as nc
from neuron_core import equations as eq
from neuron_core.number_format import number, setting, setting_latex, update_sig
from neuron_core.palette import HIGHLIGHT
from ui.controls import FEATURE_LABELS


@dataclass(frozen=True)
class Shown:
    """What the numbers panel shows: example #i (label y) of m rows, the model's inputs."""

    i: int
    y: float
    m: int
    features: tuple
    l2: float
    alpha: float
    batch: bool

    @property
    def n(self) -> int:
        return len(self.features)

    @property
    def linear(self) -> bool:
        return nc.is_linear(self.features)


def num(v) -> str:
    """Three significant digits, the one formatter's way (`neuron_core.number_format`)."""
    return eq.num(v)


def par(v) -> str:
    """A number for a product: negative values in parentheses."""
    return f"({num(v)})" if v < 0 else num(v)


def row(v) -> str:
    return r"\big(" + r",\ ".join("{" + num(x) + "}" for x in v) + r"\big)"


def lines(*parts) -> str:
    """An equation broken after each '=': narrow columns and phones keep it readable."""
    return (
        r"\begin{aligned}"
        + parts[0]
        + "".join(r" \\ &= " + p for p in parts[1:])
        + r"\end{aligned}"
    )


def change(d) -> str:
    """A metric's delta: explicit sign, ASCII '-' (Streamlit colours the delta by it)."""
    return ("+" if d >= 0 else "") + number(d, 3, minus="-")


def dw_latex(c: Shown, formula: tuple[str, str], w, substituted: str, dw) -> str:
    """dw: its formula (vector, per input), then, for n ≤ 3, with the numbers substituted
    (and λw's) and its value; beyond 3 inputs the table below shows the numbers."""
    vec, per_input = formula
    if c.n > 3:
        return rf"dw_j = {per_input}" + (r" + \lambda w_j" if c.l2 else "") + r"\quad\text{(table)}"
    decay = rf" + {setting_latex(c.l2)}\,{eq.vector(w)}" if c.l2 else ""
    head = r"dw &= " + vec + (r" + \lambda w" if c.l2 else "")
    return lines(head, substituted + decay, eq.vector(dw))


def example_numbers(st_, e, c: Shown):
    """x, y, w, b, the forward and the backward pass of one example, numbers substituted."""
    i, y, n = c.i, c.y, c.n
    st_.subheader(f"Example #{i}")
    if n <= 2:
        st_.latex(rf"x = {row(e.x)}, \qquad y = {int(y)}")
        st_.latex(rf"w = {row(e.w)}, \qquad b = {num(e.b)}")
    else:  # long rows would run off a column: x and w as column vectors, side by side
        st_.latex(rf"x = {eq.vector(e.x)}, \qquad w = {eq.vector(e.w)}")
        st_.latex(rf"y = {int(y)}, \qquad b = {num(e.b)}")
    if not c.linear:
        st_.caption("x lists the inputs " + ", ".join(FEATURE_LABELS[f] for f in c.features))
    st_.subheader("Forward pass")
    if n <= 3:
        # w_j·x_j with the sign of w_j pulled out, tight: it has to fit a narrow column
        prods = "".join(
            ("-" if wj < 0 else ("+" if j else "")) + num(abs(wj)) + r"{\cdot}" + par(xj)
            for j, (wj, xj) in enumerate(zip(e.w, e.x, strict=True))
        )
        bias = ("-" if e.b < 0 else "+") + num(abs(e.b))
        # A long line would be cut off in a narrow column: the bias goes on its own line.
        width = len(prods.replace(r"{\cdot}", "*")) + len(bias)
        sep = r" \\ &\phantom{=}\;{}" if width > 34 else ""  # {}: a binary minus
        st_.latex(lines(r"z &= w\cdot x + b", prods + sep + bias, num(e.z)))
    else:
        st_.latex(lines(r"z &= \textstyle\sum_j w_j x_j + b", num(e.z)))
    st_.latex(
        lines(
            r"\hat y &= \sigma(z) = \frac{1}{1 + e^{-z}}",
            rf"\frac{{1}}{{1 + e^{{{num(-e.z)}}}}} = {num(e.y_hat)}",
        )
    )
    one_minus = float(nc.sigmoid(-e.z))  # 1 − ŷ without losing digits
    picked = rf"-\log {num(e.y_hat)}" if y == 1 else rf"-\log(1 - \hat y) = -\log {num(one_minus)}"
    st_.latex(lines(r"L &= -\big[y\log\hat y + (1-y)\log(1-\hat y)\big]", picked, num(e.loss)))
    st_.caption(f"y = {int(y)}, so only the {'first' if y == 1 else 'second'} term is left.")
    st_.subheader("Backward pass")
    st_.latex(rf"dz = \hat y - y = {num(e.y_hat)} - {int(y)} = {num(e.dz)}")
    st_.latex(dw_latex(c, (r"dz\,x", r"dz\,x_j"), e.w, rf"{par(e.dz)}\,{eq.vector(e.x)}", e.dw))
    st_.latex(rf"db = dz = {num(e.db)}")


def batch_numbers(st_, bs, c: Shown):
    """The per-example table, then the averages over m: J, dw and db."""
    i, m, l2 = c.i, c.m, c.l2
    st_.subheader(f"All m = {m} examples")
    st_.caption("Each row goes through the same forward and backward pass as one example.")
    table = pd.DataFrame(
        {"y": bs.y.astype(int), "z": bs.z, "ŷ": bs.y_hat, "L": bs.loss, "dz = ŷ − y": bs.dz}
    )
    for j, f in enumerate(c.features[:3]):
        table[f"dz·{FEATURE_LABELS[f]}"] = bs.dz * bs.X[:, j]
    table.index.name = "#"
    st_.dataframe(
        table.style.format({c: (lambda v: number(v, 3)) for c in table.columns if c != "y"}).apply(
            lambda r: [f"background-color: {HIGHLIGHT}" if r.name == i else "" for _ in r], axis=1
        ),
        height=230,
        width="stretch",
    )
    st_.subheader("Averages over m")
    penalty = 0.5 * l2 * float(bs.w @ bs.w)
    st_.latex(
        lines(
            r"J &= \frac{1}{m}\sum_{i=1}^{m} L_i"
            + (r" + \tfrac{\lambda}{2}\lVert w\rVert^2" if l2 else ""),
            rf"\frac{{{num(bs.loss_sum)}}}{{{m}}}" + (f" + {num(penalty)}" if l2 else ""),
            num(bs.cost),
        )
    )
    mean = r"\frac{1}{m}\sum_{i=1}^{m} dz_i\,"
    sums = rf"\frac{{1}}{{{m}}}{eq.vector(bs.dz_x_sum)}"
    st_.latex(dw_latex(c, (mean + "x_i", mean + "x_{ij}"), bs.w, sums, bs.dw))
    st_.latex(
        lines(
            r"db &= \frac{1}{m}\sum_{i=1}^{m} dz_i",
            rf"\frac{{{num(bs.dz_sum)}}}{{{m}}}",
            num(bs.db),
        )
    )


def feature_table(st_, st_step, c: Shown):
    """Per-input numbers, one row per weight and one for the bias."""
    l2, alpha = c.l2, setting(c.alpha)
    names = [FEATURE_LABELS[f] for f in c.features] + ["1 (bias b)"]
    decay = " + λw" if l2 else ""
    cols = {"input": names}
    if c.batch:
        cols["Σ dz·x"] = np.r_[st_step.dz_x_sum, st_step.dz_sum]
        cols[f"dw = Σ/m{decay}"] = np.r_[st_step.dw, st_step.db]
    else:
        cols["x"] = np.r_[st_step.x, 1.0]
        cols["w"] = np.r_[st_step.w, st_step.b]
        cols[f"dw = dz·x{decay}"] = np.r_[st_step.dw, st_step.db]
    old, new = np.r_[st_step.w, st_step.b], np.r_[st_step.w_new, st_step.b_new]
    cols[f"w − {alpha}·dw"] = new
    table = pd.DataFrame(cols)
    # Enough digits that a tiny step (α = 0.0001) still shows w changing.
    k = max(4, update_sig(old, new))
    shown = {c: (lambda v, k=k: number(v, k)) for c in table.columns if c != "input"}
    st_.dataframe(table.style.format(shown), hide_index=True, width="stretch")


def after_step(step, c: Shown, x, epoch: int) -> None:
    """The cost (batch) or the example's loss, and its ŷ, after the step, as metrics whose
    deltas are the change from before it."""
    i, y = c.i, c.y
    st.markdown("**After the step**")
    m1, m2 = st.columns(2)
    if c.batch and abs(step.cost_new - step.cost) < 1e-3 * step.cost and epoch > 0:
        st.info(
            f"By epoch {epoch} training has almost converged, so the averaged step barely "
            "moves the line. Slide the epoch towards 0 to watch the big early steps.",
            icon=":material/hourglass_bottom:",
        )
    if c.batch:
        m1.metric(
            "Cost J",
            number(step.cost_new),
            delta=f"{change(step.cost_new - step.cost)} from {number(step.cost)}",
            delta_color="inverse",
        )
        y_new = float(nc.predict_proba(step.w_new, step.b_new, x[None])[0])
        y_old = float(step.y_hat[i])
    else:
        m1.metric(
            f"Loss L on #{i}",
            number(step.loss_new),
            delta=f"{change(step.loss_new - step.loss)} from {number(step.loss)}",
            delta_color="inverse",
        )
        y_new, y_old = step.y_hat_new, step.y_hat
    m2.metric(
        f"ŷ on #{i} (label {int(y)})",
        number(y_new),
        delta=f"{change(y_new - y_old)} from {number(y_old)}",
        delta_color="normal" if y == 1 else "inverse",
    )
