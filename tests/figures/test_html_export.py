"""The standalone HTML export: one file, plotly.js inside, every animation frame inside."""

import json
import re

import pytest

import neuron_core as nc
from neuron_core.figures import playground_figure
from neuron_core.figures.html import standalone_html


@pytest.fixture(scope="module")
def exported():
    data = nc.make_dataset("circles", 160, 0.1, seed=2)
    prep = nc.prepare(data, ("x1", "x2", "x1^2", "x2^2"), True, 0.25, seed=2)
    run = nc.run_experiment(prep, alpha=1.0, epochs=200)
    frames = nc.sample_frames(run.history.cost, 60)
    fig = playground_figure(run, frames)
    text = standalone_html(fig, "Circles lesson", description="Boundary <and> cost.")
    return run, frames, text


def _call_args(text, func):
    """The JSON arguments after the element id in the page's last ``Plotly.<func>(`` call."""
    start = text.rindex(f"Plotly.{func}(")
    after_id = text.index(",", start) + 1
    decoder = json.JSONDecoder()
    return decoder, text, after_id


def _frames(text):
    decoder, text, i = _call_args(text, "addFrames")
    frames, _ = decoder.raw_decode(text[i:].lstrip())
    return frames


def test_export_is_a_full_page_with_no_external_scripts_or_styles(exported):
    _, _, text = exported
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert not re.search(r"<script[^>]+src=", text), "every script must be inline"
    assert not re.search(r"<link[^>]+href=['\"]?https?:", text)
    assert "<title>Circles lesson</title>" in text
    assert "Boundary &lt;and&gt; cost." in text  # description escaped, shown as text


def test_export_inlines_plotly_js(exported):
    _, _, text = exported
    assert len(text) > 3_000_000  # the library itself is several megabytes
    assert "Plotly.newPlot" in text and "plotly.js" in text.lower()


def test_export_contains_every_animation_frame_by_epoch(exported):
    run, frames, text = exported
    got = _frames(text)
    assert [f["name"] for f in got] == [str(int(e)) for e in frames]
    assert all(f["traces"] and f["data"] for f in got)
    assert got[-1]["name"] == str(run.history.epochs)


def test_export_keeps_play_button_and_epoch_slider(exported):
    _, frames, text = exported
    decoder, text, i = _call_args(text, "newPlot")
    data, end = decoder.raw_decode(text[i:].lstrip())
    rest = text[i:].lstrip()[end:].lstrip(" ,\n")
    layout, _ = decoder.raw_decode(rest)
    labels = [b["label"] for b in layout["updatemenus"][0]["buttons"]]
    assert any("Play" in label for label in labels)
    assert len(layout["sliders"][0]["steps"]) == len(frames)
    assert len(data) >= 5
