"""The run banners and captions the pages share (ui.notices), in AppTest.

Each test runs a tiny script that trains a lesson preset's run and calls the helper, so it
checks exactly what a page calling it would show.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest


def banners(key, **overrides):
    from neuron_core.lessons import BY_KEY, run_preset
    from ui.notices import run_notices

    run = run_preset(BY_KEY[key], **overrides)
    run_notices(run, smallest_alpha=0.0001)


def run_script(fn, *args, **kwargs) -> AppTest:
    at = AppTest.from_function(fn, args=args, kwargs=kwargs, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at) -> list[str]:
    return [str(e.value) for kind in ("error", "warning", "info") for e in at.get(kind)]


def long_number(text: str) -> bool:
    return re.search(r"\d{12,}", text) is not None or "nan" in text.lower()


def test_diverged_run_says_diverged_with_readable_numbers():
    at = run_script(banners, "alpha-diverges")
    assert len(at.error) == 1 and "diverges at epoch" in at.error[0].value
    assert at.error[0].proto.icon == ":material/error:"
    assert not any(long_number(t) for t in shown(at))


def test_oscillation_on_unscaled_squares_is_not_called_diverged():
    at = run_script(banners, "alpha-too-large")
    assert not at.error and len(at.warning) == 1
    assert "oscillates" in at.warning[0].value and "diverg" not in at.warning[0].value


def test_crawling_run_says_how_far_it_is_from_j_star():
    at = run_script(banners, "alpha-too-small")
    [note] = [t for t in shown(at) if "crawls" in t]
    assert "above the best possible J*" in note and not long_number(note)


def test_converged_run_has_no_banner():
    assert not shown(run_script(banners, "good-alpha"))


@pytest.mark.parametrize("key", ["noisy-small", "circles-squares"])
def test_separable_notice_never_contradicts_the_accuracy(key):
    """'Can be split perfectly' beside 90 % training accuracy reads as a contradiction:
    the notice says what is perfect (some boundary exists) and how far the run is."""
    from neuron_core.lessons import BY_KEY, run_preset

    run = run_preset(BY_KEY[key])
    assert run.optimum.separable and run.history.accuracy[-1] < 1.0  # the premise
    at = run_script(banners, key)
    [note] = [t for t in shown(at) if "split perfectly" in t]
    assert f"{100 * run.history.accuracy[-1]:.1f} %" in note and "still closing in" in note


def test_non_separable_run_has_no_separable_notice():
    at = run_script(banners, "spiral-limits")
    assert not any("split perfectly" in t for t in shown(at))


@pytest.mark.parametrize("key", ["alpha-diverges", "good-alpha", "noisy-small"])
def test_optimum_caption_is_short_and_readable(key):
    from neuron_core.lessons import BY_KEY, run_preset
    from ui.notices import optimum_caption

    run = run_preset(BY_KEY[key])
    text = optimum_caption(run, run.history.epochs)
    assert not long_number(text) and "e-" not in text and "e+" not in text


def test_gap_at_the_optimum_reads_zero():
    from neuron_core.lessons import BY_KEY, run_preset
    from ui.notices import optimum_caption

    run = run_preset(BY_KEY["good-alpha"], epochs=5000, alpha=3.0)
    assert "the cost has reached it (within rounding)" in optimum_caption(run, run.history.epochs)


# A number as the formatter writes it (or as a raw f-string would): digits, separators, a
# power of ten. The formatter never writes one longer than 22 characters.
NUMBER = re.compile(r"[−-]?\d[\d,.]*(?: × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?")
LONGEST = 22


def test_the_far_too_large_presets_captions_hold_only_short_numbers(ui):
    at = ui.new_app()
    at.selectbox(key="preset_pick").set_value("alpha-diverges").run()
    ui.assert_clean(at)
    captions = [c.value for c in at.caption if c.value.startswith(("The live view", "J* = "))]
    assert len(captions) == 2
    for text in captions:
        long = [n for n in NUMBER.findall(text) if len(n) > LONGEST]
        assert not long, long


def test_diverges_has_one_wording_on_every_page(ui):
    """The same run (the 'α far too large' preset) diverges in the same words everywhere."""
    from neuron_core import verdict_words as words
    from neuron_core.lessons import BY_KEY, run_preset

    run = run_preset(BY_KEY["alpha-diverges"])
    said = words.diverged(run.history.diverged_at, run.alpha)
    at = ui.new_app()
    at.selectbox(key="preset_pick").set_value("alpha-diverges").run()
    pages = ["playground", "landscape", "learning_rates", "bug_lab"]
    for page in pages:
        ui.go_to(at, f"pages/{page}.py")
        ui.assert_clean(at)
        if page == "playground":  # its verdict is in the stage's one note
            [note] = at.main.expander
            errors = [m.value for m in note.markdown]
        else:
            errors = [e.value for e in at.error]
        assert any(e.startswith(said) for e in errors), (page, errors)
        one_wording = re.compile(
            rf"\*\*.+ diverges at epoch \d+\.\*\* {re.escape(words.OVERSHOOT)}"
        )
        assert all(one_wording.match(e) for e in errors if "diverg" in e), (page, errors)
