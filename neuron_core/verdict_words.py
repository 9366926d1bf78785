"""Every sentence the app says about what a run did, in one place: the verdict's few words
for tables, legends and titles, and its banners (diverged, oscillating, crawling, converged,
no best finite w), with the advice that follows an overshoot.

Pure strings (Markdown: ``**bold**`` heads) from a `neuron_core.verdict.Verdict` and plain
numbers, written with the one formatter. Pages choose which sentences to show and where;
how a run's behaviour is worded lives only here, so "diverges" reads the same on the
Playground, the Cost landscape, Learning rates, Bug lab and the lesson cards. Every run
state has finite, readable words, "diverged at epoch 0" (not even the start is finite)
included.
"""

from __future__ import annotations

from .number_format import gap, number, percent, setting
from .verdict import WITHIN

NEAR = f"within {percent(WITHIN, 0)} of"  # "close to the optimum", as the verdict measures it

VERBS = {  # the verdict's kinds as a verb: "α = 0.5 converges"
    "converged": "converges",
    "crawling": "crawls",
    "oscillating": "oscillates",
    "diverged": "diverges",
}
# What each kind means, as a clause after "the run …:" (lesson cards, checked claims).
MEANINGS = {
    "converged": f"the cost only falls and ends {NEAR} the best possible J*",
    "crawling": "the cost only falls, but ends more than "
    f"{percent(WITHIN, 0)} above the best possible J*",
    "oscillating": "the cost goes up on some epochs, yet never blows up",
    "diverged": "the numbers overflow and training stops early",
}
OVERSHOOT = (
    "Each step overshoots the bottom of the valley and lands higher up the other side, until "
    "the numbers overflow."
)


def short(v) -> str:
    """A few words for tables, legends and titles: 'converges', 'crawls (too slow)',
    'oscillates' or 'oscillates, then settles', 'diverges'."""
    if v.kind == "oscillating" and v.settles:
        return "oscillates, then settles"
    if v.kind == "crawling":
        return "crawls (too slow)"
    return VERBS[v.kind]


def titled(alpha, v) -> str:
    """'α = 0.5: converges', the name of one α's curve, panel and table row."""
    return f"α = {setting(alpha)}: {short(v)}"


def claim(kind: str) -> str:
    """The verdict as a lesson card's checked claim: 'the run diverges: the numbers …'."""
    return f"the run {VERBS[kind]}: {MEANINGS[kind]}"


def stopped_at(diverged_at) -> str:
    """The 'diverged at' cell of a table: 'epoch 12', or '—' for a run that stayed finite."""
    return "—" if diverged_at is None else f"epoch {diverged_at}"


def diverged(epoch: int, alpha=None, who: str | None = None) -> str:
    """A run that stopped being finite at ``epoch`` (the first epoch that was not).

    ``who`` names the run ('The printed loop'); by default it is 'α = …'. At epoch 0 not
    even the starting weights give a finite cost, whatever α: there is no epoch to show, and
    the sentence says how to get one.
    """
    if epoch <= 0:
        return (
            f"**{who or 'Training'} diverges at epoch 0.** Even the starting weights give a "
            "cost too large for the computer's numbers on these inputs, so there is no epoch "
            "to show. Switch on **Standardise inputs**, start from zero weights (**Initial "
            "weights**) or rescale your data."
        )
    who = who or (f"α = {setting(alpha)}" if alpha is not None else "Training")
    return (
        f"**{who} diverges at epoch {epoch}.** {OVERSHOOT} Training stops at epoch "
        f"{epoch - 1}, the last finite one."
    )


def oscillating(v, alpha) -> str:
    """A run whose cost went up at epoch ``v.epoch`` but stayed finite."""
    end = (
        "then they settle near the bottom"
        if v.settles
        else "the cost stays finite, but it does not settle"
    )
    return (
        f"**α = {setting(alpha)} oscillates.** The cost first goes up at epoch {v.epoch}: the "
        f"steps overshoot the bottom of the valley and jump across it; {end}."
    )


def crawling(alpha, epochs: int, cost, optimum_cost) -> str:
    """A run that only fell but ends more than 1 % above J*."""
    return (
        f"**α = {setting(alpha)} crawls.** After {epochs} epochs the cost is still "
        f"{gap(cost, optimum_cost)} above the best possible J* = {number(optimum_cost)}: the "
        "steps are too short; more epochs or a larger α would get there."
    )


def converged(v, alpha) -> str:
    """A run that only fell (to within 1 % of J*, when there is one)."""
    where = (
        f"is {NEAR} the best possible J* from epoch {v.epoch} on"
        if v.epoch is not None
        else "falls at every epoch"
    )
    return (
        f"**α = {setting(alpha)} converges.** It walks steadily down into the valley: the "
        f"cost {where}."
    )


def sentence(v, alpha, history, optimum_cost=None) -> str:
    """The banner for any verdict ``v`` of a run trained with ``alpha``.

    ``history`` gives the epochs run and the last cost (crawling); ``optimum_cost`` is J*.
    """
    if v.kind == "diverged":
        return diverged(v.epoch, alpha)
    if v.kind == "oscillating":
        return oscillating(v, alpha)
    if v.kind == "crawling":
        return crawling(alpha, history.epochs, history.cost[-1], optimum_cost)
    return converged(v, alpha)


def advice(safe_alpha: float, smallest_alpha: float) -> str:
    """What to do after an overshoot: α ≤ 1/L for this data, or standardise when even the
    smallest α the slider offers is too large."""
    if safe_alpha >= smallest_alpha:
        return f"Try α ≤ {setting(safe_alpha)} (1/L for this data)."
    return (
        "These inputs are so large that even the smallest α on the slider overshoots: "
        "switch on **Standardise inputs** (or rescale your data)."
    )


def separable(accuracy=None, epochs: int | None = None) -> str:
    """Data some boundary splits perfectly: no best finite w, the cost falls for ever.

    With the run's final training ``accuracy`` (and ``epochs``), also how far it got.
    """
    text = (
        "**The training points can be split perfectly** (some boundary puts every one on its "
        "own side), so J has no lowest point: making the neuron more confident always lowers "
        "the cost, the weights grow for ever and there is no best finite w."
    )
    if accuracy is None:
        return text
    now = (
        "The neuron already gets every training point right."
        if accuracy >= 1.0
        else f"After {epochs} epochs the neuron gets {percent(accuracy)} of them right and is "
        "still closing in."
    )
    return f"{text} {now}"


SEPARABLE_TAME = "Add a little L2 (λ) to tame it."
SEPARABLE_ARROW = "The arrow points the way the weights head, towards infinity."
SEPARABLE_NO_TARGET = f"There is no optimum to get {NEAR}."


def step_overflows(alpha) -> str:
    """One hand step whose new weights are beyond what a float holds."""
    return (
        f"**This step overflows:** with α = {setting(alpha)} the weights have grown past what "
        "a computer can hold. Press **Reset** or pick a smaller α in the sidebar."
    )
