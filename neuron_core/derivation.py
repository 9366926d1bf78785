"""The words and LaTeX of The math page: the derivation of one neuron's gradient, step by
step, and the five slips printed in the source article.

Pure data, so the page only loops over it: each `Step` is a heading (or none, for a part of
the step before it), a paragraph, its equations and a note under them.
"""

from __future__ import annotations

from typing import NamedTuple

from .palette import VERMILLION

__all__ = ["SLIPS", "Step", "derivation"]


class Step(NamedTuple):
    """One piece of the derivation, shown as heading, Markdown text, equations, caption."""

    title: str | None
    text: str
    equations: tuple[str, ...]
    note: str = ""


def derivation(l2: bool) -> tuple[Step, ...]:
    """The derivation in order: forward pass, loss, chain rule, cancellation, cost, averaged
    gradient, update; with the L2 terms when ``l2`` (λ > 0 in the sidebar)."""
    penalty = r" + \frac{\lambda}{2}\lVert w\rVert^2" if l2 else ""
    decay_j = r" + \lambda w_j" if l2 else ""
    decay = r" + \lambda w" if l2 else ""
    return (
        *_FIRST_STEPS,
        Step(
            "5 · Cost over m examples",
            "Training uses all m examples at once: the cost J is the mean loss"
            + (", plus the L2 penalty chosen in the sidebar." if l2 else "."),
            (r"J(w, b) = \frac{1}{m}\sum_{i=1}^{m} L\big(y^{(i)}, \hat y^{(i)}\big)" + penalty,),
        ),
        Step(
            "6 · Averaged gradient",
            "The derivative of a mean is the mean of the derivatives: average dz·x over the "
            "examples. Stack the examples as the rows of X (m × n) and the sum becomes one "
            "matrix product.",
            (
                r"\frac{\partial J}{\partial w_j} = \frac{1}{m}\sum_{i=1}^{m}"
                r"\big(\hat y^{(i)} - y^{(i)}\big)\,x^{(i)}_j" + decay_j,
                r"dw = \frac{1}{m}\,X^\top(\hat y - y)" + decay,
                r"db = \frac{1}{m}\sum_{i=1}^{m}\big(\hat y^{(i)} - y^{(i)}\big)",
            ),
            "dw has one entry per input, n in all. The article stores examples as columns "
            "(X of shape n × m) and writes wᵀX; the numbers are the same.",
        ),
        Step(
            "7 · Update",
            "Step against the gradient, by the learning rate α. Compute dw and db first, then "
            "update both from the same old w and b.",
            (r"w \leftarrow w - \alpha\,dw, \qquad b \leftarrow b - \alpha\,db",),
        ),
    )


# Steps 1 to 4 read the same with and without L2.
_FIRST_STEPS = (
    Step(
        "1 · Forward pass",
        "One example x has n inputs. The neuron weighs them, adds its bias and squashes the "
        "sum into a probability of class 1.",
        (
            r"z = w\cdot x + b = \sum_{j=1}^{n} w_j x_j + b",
            r"\hat y = \sigma(z) = \frac{1}{1 + e^{-z}}",
        ),
    ),
    Step(
        "2 · Loss of one example",
        "Cross-entropy: minus the log of the probability the neuron gave to the true label. "
        "It is 0 for a confident right answer and grows without bound for a confident wrong "
        "one.",
        (
            r"L(y, \hat y) = -\big[\,y\log\hat y + (1-y)\log(1-\hat y)\,\big]",
            r"y = 1:\ L = -\log\hat y \qquad y = 0:\ L = -\log(1-\hat y)",
        ),
        "Written in z it is log(1 + eᶻ) − y·z, which the code evaluates: it never takes the "
        "log of a number that rounded to 0.",
    ),
    Step(
        "3 · Chain rule",
        "wⱼ reaches L only through z and then ŷ, so its derivative is a product of three "
        "local derivatives, one per link of the chain.",
        (
            r"\frac{\partial L}{\partial w_j} = "
            r"\frac{\partial L}{\partial \hat y}\cdot\frac{\partial \hat y}{\partial z}"
            r"\cdot\frac{\partial z}{\partial w_j}",
        ),
    ),
    Step(
        None,
        "**The loss, as a function of ŷ:**",
        (
            r"\frac{\partial L}{\partial \hat y} = -\frac{y}{\hat y} + \frac{1-y}{1-\hat y}"
            r" = \frac{\hat y - y}{\hat y\,(1-\hat y)}",
        ),
    ),
    Step(
        None,
        "**The sigmoid, as a function of z** (its slope is built from its own value):",
        (
            r"\begin{aligned}\frac{\partial \hat y}{\partial z} &= \frac{e^{-z}}{(1+e^{-z})^2}"
            r" \\ &= \underbrace{\frac{1}{1+e^{-z}}}_{\sigma(z)}\cdot"
            r"\underbrace{\frac{e^{-z}}{1+e^{-z}}}_{1-\sigma(z)} \\ &= \hat y\,(1-\hat y)"
            r"\end{aligned}",
        ),
    ),
    Step(
        None,
        "**z, as a function of one weight or the bias:**",
        (r"\frac{\partial z}{\partial w_j} = x_j, \qquad \frac{\partial z}{\partial b} = 1",),
    ),
    Step(
        "4 · Everything cancels",
        "The ŷ(1 − ŷ) of the sigmoid cancels the denominator of the loss's derivative. "
        "What is left is the error times the input:",
        (
            r"\begin{aligned}\frac{\partial L}{\partial w_j} &= \frac{\hat y - y}{\hat y(1-\hat y)}"
            r"\cdot\hat y(1-\hat y)\cdot x_j \\ &= (\hat y - y)\,x_j\end{aligned}",
            r"dz \equiv \frac{\partial L}{\partial z} = \hat y - y",
            r"dw_j = dz\,x_j, \qquad db = dz",
        ),
        "The same cancellation is why cross-entropy suits a sigmoid: the step does not shrink "
        "when ŷ saturates near 0 or 1, as it would with a squared error.",
    ),
)

# (title, why it matters): the five lines the article prints wrong, in its order; what it
# got wrong in the palette's vermillion (the colour of class 1 and of every warning).
_SLIPS = (
    (
        "Sign in the loss",
        r"It prints $-[y\log\hat y \mathbin{\color{WRONG}\mathbf{-}} (1-y)\log(1-\hat y)]$. "
        r"For y = 0 that is $\log(1-\hat y) \le 0$, smallest when $\hat y \to 1$: it would "
        "reward the wrong answer. The terms must be added (its derivative already assumes so).",
    ),
    (
        "The cost sums to n",
        r"$J = \frac{1}{m}\sum_{i=1}^{\color{WRONG}n}$ runs over n, the number of inputs, "
        "not over the m examples: only the first n examples would count. The sum runs to m.",
    ),
    (
        "x counted twice",
        r"Its $(dz)_{avg} = \frac{1}{m}\sum dz\cdot x_n$ already contains $x_n$, yet the "
        r"update $w_n - \alpha\,(dz)_{avg}\cdot{\color{WRONG}x_n}$ multiplies by it again. "
        r"Use $w_n - \alpha\,(dz)_{avg}$; and b should step by $(db)_{avg}$, the mean of dz.",
    ),
    (
        "+b missing in the pseudocode",
        "`z = np.dot(w.T, X)` drops the bias, so z = 0 at x = 0 whatever the weights: the "
        "boundary must pass through the origin, and the db it computes never reaches z.",
    ),
    (
        "dw collapsed to a scalar",
        "`np.sum(np.dot(dz.T, X))` adds the n per-input gradients into one number, so every "
        "weight gets the same update and the boundary cannot tilt freely. Keep the vector: "
        "`np.dot(X, dz.T) / m` in the article's layout, n values.",
    ),
)
SLIPS = tuple((title, why.replace("WRONG", VERMILLION)) for title, why in _SLIPS)
