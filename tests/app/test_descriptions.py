"""Every chart on every page has its description in words, for screen readers and for
anyone who cannot see the colours: a caption, a paragraph or a table that says what the
chart shows, with the same numbers, and a short alt text that names it. A chart without an
entry in `DESCRIBED` fails.
"""

from __future__ import annotations

import pytest

import neuron_core as nc
from neuron_core.bug_lab import train_printed
from neuron_core.number_format import number, percent
from tests.figure_data import decode_array

PAGES = ("playground", "one_step", "the_math", "landscape", "learning_rates", "bug_lab", "lessons")


def default_run():
    """The run every page shows at the sidebar's defaults (moons, α = 0.5, 300 epochs)."""
    prep = nc.prepare(nc.make_dataset("moons", 200, 0.1, 0), ("x1", "x2"), True, 0.25, seed=0)
    return nc.run_experiment(prep, alpha=0.5, epochs=300)


def _texts(at, kind, start):
    return [str(e.value) for e in at.get(kind) if str(e.value).startswith(start)]


def _one(at, kind, start) -> str:
    found = _texts(at, kind, start)
    assert len(found) == 1, (kind, start, found)
    return found[0]


def live_view(at, ui, _):
    h, prep = (run := default_run()).history, run.prepared
    text = _one(at, "caption", "The live view shows")
    assert "blue circles" in text and "orange squares" in text
    assert "epoch 300 of 300" in text and "3-D surface" in text
    assert f"{len(prep.train_idx)} training points" in text
    costs = f"from J = {number(h.cost[0])} at epoch 0 to J = {number(h.cost[-1])} at epoch 300"
    assert costs in text


def one_step_chart(at, ui, _):
    i = at.number_input(key="one_step_example").value
    _one(
        at,
        "markdown",
        f"**The boundary before (dashed) and after (solid) one step on example #{i}**",
    )
    text = _one(at, "caption", f"Ringed: example #{i}, ")
    assert "the numbers use the neuron's inputs" in text


def landscape_chart(at, ui, _):
    opt = default_run().optimum
    text = _one(at, "markdown", "**How to read it.**")
    assert f"b* = {number(opt.b, 3)}" in text and "only w₁ and w₂ vary" in text


def lr_costs(at, ui, fig):
    """The table under the chart has a row for every curve: its α, its verdict."""
    table = at.dataframe[0].value
    curves = {t["name"] for t in fig["data"] if t.get("name", "").startswith("α = ")}
    rows = {f"α = {a}: {v}" for a, v in zip(table["α"], table["what happened"], strict=True)}
    assert curves == rows


def lr_boundary(at, ui, fig):
    """Each boundary map's title names its α and verdict, as its row of the table does."""
    table = at.dataframe[0].value
    rows = [f"α = {a}: {v}" for a, v in zip(table["α"], table["what happened"], strict=True)]
    assert fig["layout"]["title"]["text"] in rows


def bug_costs(at, ui, fig):
    printed, fixed = (decode_array(t["y"]) for t in fig["data"][:2])
    text = _one(at, "caption", "Final cost: ")
    assert f"printed {number(printed[-1])}, corrected {number(fixed[-1])}" in text


def bug_printed(at, ui, fig):
    run = default_run()
    F, y = run.prepared.F_train, run.prepared.y_train
    w = train_printed(F, y, alpha=0.5, epochs=300, w0=run.w0).w[-1]
    text = _one(at, "markdown", "**What the printed loop learned.**")
    assert f"Its weights end at ({', '.join(number(v, 3) for v in w)})" in text


def bug_fixed(at, ui, fig):
    acc = default_run().history.accuracy[-1]
    assert f"against {percent(acc, 0)}." in _one(at, "caption", "Final cost: ")


# chart key -> the check that its description is on the page and tells its numbers
DESCRIBED = {
    "live_view": live_view,
    "one_step_chart": one_step_chart,
    "landscape_chart": landscape_chart,
    "lr_costs": lr_costs,
    **{f"lr_boundary_{k}": lr_boundary for k in range(8)},
    "bug_costs": bug_costs,
    "bug_printed": bug_printed,
    "bug_fixed": bug_fixed,
}


def _key(element) -> str:
    return element.proto.id.split("-", 2)[2]  # "$$ID-<hash>-<key>"


@pytest.mark.parametrize("page", PAGES)
def test_every_chart_has_a_description_in_words(app, ui, page):
    at = ui.go_to(app, f"pages/{page}.py")
    ui.assert_clean(at)
    views = [e for e in at.get("bidi_component") if _key(e) == "live_view"]
    charts = views + list(at.get("plotly_chart"))
    for k, chart in enumerate(charts):
        key = _key(chart)
        assert key in DESCRIBED, f"{page}: chart {key!r} has no description"
        fig = None if k < len(views) else ui.chart(at, k - len(views))
        DESCRIBED[key](at, ui, fig)
    # Assistive tech gets a name for each chart (role figure, aria-label in the browser);
    # the words above are its long description.
    for chart in at.get("plotly_chart"):
        assert chart.proto.alt.strip(), f"{page}: chart {_key(chart)!r} has no alt text"
    # Pictures too: each lesson card's thumbnail says what it shows, in its alt text.
    for image in at.get("image"):
        assert all(i.caption and i.alt.strip() for i in image.proto.imgs), page
    if page in ("playground", "one_step", "landscape", "learning_rates", "bug_lab"):
        assert charts, page  # the page's charts were found, so they were checked
