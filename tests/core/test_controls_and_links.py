"""The controls table and the link reader/writer, without a server."""

from __future__ import annotations

from dataclasses import fields

import pytest

from neuron_core.control_kinds import allows
from neuron_core.controls import BY_KEY, CONTROLS, RUN_KEYS, Settings, defaults
from neuron_core.links import inert, is_local, notice, read_link, share_link, values_from_link


def test_settings_has_one_field_per_run_control_in_table_order():
    assert tuple(f.name for f in fields(Settings)) == RUN_KEYS
    assert Settings(**defaults()) == Settings(**defaults())  # frozen, comparable, hashable
    hash(Settings(**defaults()))


@pytest.mark.parametrize("c", [c for c in CONTROLS if c.default is not None], ids=lambda c: c.key)
def test_every_default_is_an_allowed_value_and_reads_back_from_its_spelling(c):
    assert allows(c, c.default)
    reading = read_link({c.url: [c.spelled(c.default)]}, c.part)
    assert reading.notes == ()
    assert reading.values == {c.key: c.default}


def test_link_parameters_are_unique():
    assert len({c.url for c in CONTROLS}) == len(CONTROLS)


@pytest.mark.parametrize(
    "text",
    [
        "![](http://h/p.png)",
        "`",
        "a``b```c",
        "**x**\n\n# heading",
        "\x00\x1b\u202e",
        "$x$ :red[r] :material/home:",
    ],
)
def test_inert_text_is_one_code_span_with_nothing_outside_it(text):
    md = inert(text)
    fence = md.split(" ", 1)[0]
    assert set(fence) == {"`"} and md.endswith(" " + fence)
    inner = md[len(fence) + 1 : -len(fence) - 1]
    assert fence not in inner  # nothing inside can close the span
    assert "\n" not in md and "\x00" not in md and "\u202e" not in md
    assert ":material/" not in md  # Streamlit's frontend would rewrite it


def test_long_values_are_cut_with_an_ellipsis():
    md = inert("x" * 5000)
    assert md.count("x") == 40 and "…" in md


def test_a_link_never_raises_whatever_it_holds():
    nasty = ["inf", "-inf", "nan", "1e400", "-1e400", "9" * 5000, "", " ", "\x00", "0x1p3", "1_0"]
    for c in CONTROLS:
        for text in nasty:
            reading = read_link({c.url: [text]}, c.part)
            if c.key in reading.values:
                value = reading.values[c.key]
                assert allows(c, value), (c.key, text, value)


def test_values_from_link_reads_the_page_from_the_path():
    link = share_link("https://example.org/app", "one_step", {"one_step_example": 4, **defaults()})
    assert link == "https://example.org/app/one_step?example=4"
    assert values_from_link(link)["one_step_example"] == 4
    assert BY_KEY["one_step_example"].part == "one_step"


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://localhost:8501", True),
        ("http://127.0.0.1:8501/the_math", True),
        ("http://[::1]:8501", True),
        ("http://192.168.1.20:8501", False),
        ("https://neuron.streamlit.app", False),
    ],
)
def test_local_addresses_are_recognised(url, local):
    assert is_local(url) is local


def test_a_partly_unusable_list_says_which_parts_it_left_out():
    reading = read_link({"features": ["<svg/onload=alert(1)>", "x1", "x1^2,nope"]})
    assert reading.values["features"] == ("x1", "x1^2")
    [note] = reading.notes
    assert "` <svg/onload=alert(1)> ` and ` nope ` in ` features `" in note
    assert note.endswith("uses x₁, x₁².")


def test_a_long_list_of_bad_parts_is_counted_not_listed():
    reading = read_link({"features": [",".join(["x1", *(f"bad{i}" for i in range(30))])]})
    [note] = reading.notes
    assert "` bad2 ` and 27 more in" in note and "bad3" not in note


def test_the_notice_names_ten_problems_and_counts_the_rest():
    notes = read_link({f"k{i}": ["v"] for i in range(900)}).notes
    text = notice(notes)
    assert len(notes) == 900 and len(text) < 1000
    assert "This link had 900 values" in text and "… and 890 more" in text
    assert notice(notes[:1]).startswith("This link had a value")
