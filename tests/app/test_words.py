"""Words a teacher reads aloud: no typos in preset titles, no test internals on the lessons
page, the file's own column names on the feature chips, icons that render everywhere, the
gradient check's verdict columns first, and a tiny step that still shows its change."""

from __future__ import annotations

import re

import numpy as np
import pytest

from neuron_core.lessons import PRESETS


@pytest.mark.parametrize("preset", PRESETS, ids=[p.key for p in PRESETS])
def test_preset_title_reads_as_a_sentence_in_the_note(preset):
    # The Playground's note writes "**{title}.**": a title ending in ! or ? would read "!."
    assert not preset.title.endswith(("!", "?", "."))
    assert re.fullmatch(r":material/[a-z0-9_]+:", preset.icon), preset.icon


def test_lessons_page_says_in_words_what_each_preset_is_checked_to_show(app, ui):
    at = ui.go_to(app, "pages/lessons.py")
    ui.assert_clean(at)
    assert not any(e.label == "What the tests check" for e in at.expander)
    checked = [e for e in at.expander if e.label == "What this preset is checked to show"]
    assert len(checked) == len(PRESETS)
    text = " ".join(ui.texts(at))
    for internal in ("1 = yes", "==", "<=", ">=", "gap_fraction", "train_accuracy", "diverged ("):
        assert internal not in text, internal
    assert "The run oscillates: the cost goes up on some epochs, yet never blows up." in text


def test_after_an_upload_the_feature_chips_use_the_column_names(make_app, ui):
    at = make_app({"source": "Upload CSV"})
    rows = "\n".join(f"{i / 10},{(i * 7) % 5},{i % 2}" for i in range(30))
    csv = "height,weight,label\n" + rows
    at.file_uploader(key="upload_file").upload("mine.csv", csv.encode(), "text/csv").run()
    ui.assert_clean(at)
    chips = at.multiselect(key="features")
    assert chips.format_func("x1") == "height" and chips.format_func("x2") == "weight"
    assert chips.format_func("x1*x2") == "height·weight"
    assert "height" in chips.options and "weight²" in chips.options


def test_alerts_and_navigation_use_material_icons(app, ui):
    for page in ("pages/landscape.py", "pages/learning_rates.py", "pages/the_math.py"):
        at = ui.go_to(app, page)
        for kind in ("error", "warning", "info", "success"):
            for e in at.get(kind):
                assert e.proto.icon.startswith(":material/"), (page, e.proto.icon)


def test_gradient_check_puts_its_verdict_columns_first(app, ui):
    at = ui.go_to(app, "pages/the_math.py")
    cols = list(at.dataframe[0].value.columns)
    assert cols[:3] == ["parameter", "≤ 10⁻⁶", "relative error"]


def test_a_tiny_step_still_shows_the_weights_change(make_app, ui):
    at = make_app({"alpha": "0.0001"})
    at = ui.go_to(at, "pages/one_step.py")
    ui.assert_clean(at)
    update = next(e.value for e in at.latex if r"w &\leftarrow" in e.value)
    vectors = re.findall(r"\\begin\{pmatrix\}(.*?)\\end\{pmatrix\}", update)
    before, after = vectors[0], vectors[-1]
    assert before != after, update
    assert all(a != b for a, b in zip(before.split(r"\\"), after.split(r"\\"), strict=True)), update
    assert np.isfinite(float(before.split(r"\\")[0].strip()))
