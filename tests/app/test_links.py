"""Shared links in the app (AppTest): hostile and careless links, round trips, page choices.

Each bad link opens a fresh session, as a student's device would: the page must run
without an exception, use the value the one link reader decided, and say so in one notice
in which the link's own text is inert (inside code spans only).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from neuron_core.controls import BY_KEY, CONTROLS, RUN_KEYS, defaults, settings_from
from neuron_core.features import FEATURES
from neuron_core.links import link_pairs, read_link, share_query
from neuron_core.start import canonical
from tests.apptest import open_panels

APP = Path(__file__).resolve().parents[2] / "app.py"
DEFAULTS = defaults()
PAYLOAD = "**x** [click me](https://example.org) ![](http://pixel.example/p.png) <img src=x>"

# (query, {control: the value the page must use}, what the notice must say, or None: no notice)
BATTERY = {
    "seed-inf": ({"seed": "inf"}, {"seed": 0}, "the default, 0"),
    "seed-1e400": ({"seed": "1e400"}, {"seed": 0}, "the default, 0"),
    "seed-minus-inf": ({"seed": "-inf"}, {"seed": 0}, "the default, 0"),
    "seed-nan": ({"seed": "NaN"}, {"seed": 0}, "the default, 0"),
    "init-seed-1e400": (
        {"init": "random", "init_seed": "1e400"},
        {"init": "random", "init_seed": 0},
        "the default, 0",
    ),
    "points-300.0": ({"points": "300.0"}, {"points": 300}, None),
    "points-1e3": ({"points": "1e3"}, {"points": 1000}, None),
    "points-between-steps": ({"points": "305"}, {"points": 310}, "the nearest, 310"),
    "points-too-many": ({"points": "1e9"}, {"points": 200}, "the default, 200"),
    "seed-1.0": ({"seed": "1.0"}, {"seed": 1}, None),
    "test-0.07": ({"test": "0.07"}, {"test": 0}, "the nearest, 0"),
    "noise-between-steps": ({"noise": "0.12"}, {"noise": 0.1}, "the nearest, 0.1"),
    "standardize-FALSE": ({"standardize": "FALSE"}, {"standardize": False}, None),
    "features-empty": ({"features": ""}, {"features": []}, None),
    "features-short": (
        {"features": "x1,x2,x1^2"},
        {"features": ["x1", "x2", "x1^2"]},
        None,
    ),
    "features-unknown": ({"features": "x9,zz"}, {"features": ["x1", "x2"]}, "x₁, x₂"),
    "features-partly-unknown": ({"features": "x1,x9"}, {"features": ["x1"]}, "` x9 ` in"),
    "features-partly-markup": (
        {"features": ["<svg onload=alert(1)>", "x1^2"]},
        {"features": ["x1^2"]},
        "` <svg onload=alert(1)> ` in ` features ` is not an option",
    ),
    "alpha-1.0": ({"alpha": "1.0"}, {"alpha": 1.0}, None),
    "alpha-repeated": ({"alpha": ["0.5", "2"]}, {"alpha": 2.0}, None),
    "alpha-between-steps": ({"alpha": "0.51"}, {"alpha": 0.5}, "the nearest, 0.5"),
    "alpha-word": ({"alpha": "banana"}, {"alpha": 0.5}, "the default, 0.5"),
    "epochs-1e3": ({"epochs": "1e3"}, {"epochs": 1000}, None),
    "epochs-between-steps": ({"epochs": "7"}, {"epochs": 5}, "the nearest, 5"),
    "l2-negative": ({"l2": "-1"}, {"l2": 0.0}, "the default, 0"),
    "dataset-short": ({"dataset": "circles"}, {"dataset": "circles"}, None),
    "dataset-old-label": (
        {"dataset": "Moons (two crescents)"},
        {"dataset": "moons"},
        None,
    ),
    "dataset-unknown": ({"dataset": "nope"}, {"dataset": "moons"}, "Moons (two crescents)"),
    "source-upload": ({"source": "upload"}, {"source": "Upload CSV"}, None),
    "presenter-TRUE": ({"presenter": "TRUE"}, {"presenter": True}, None),
    "five-kb": ({"alpha": "9" * 5000}, {"alpha": 0.5}, "5,000 characters"),
    "control-chars": ({"alpha": "1\x00\x1b[31m\u202e"}, {"alpha": 0.5}, r"\x00\x1b[31m\u202e"),
    "unknown-key": ({"colour": "red"}, {}, "no setting called that"),
    "markdown-payload": ({"alpha": PAYLOAD}, {"alpha": 0.5}, "the default, 0.5"),
    "markdown-payload-key": ({PAYLOAD: "1"}, {}, "no setting called that"),
    "other-page-choice": ({"example": "3"}, {}, "belongs to another page"),
}


def _notices(at) -> list[str]:
    return [w.value for w in at.warning if "This link had" in w.value]


def _outside_code(markdown: str) -> str:
    """The notice's Markdown with every code span removed: what could render."""
    return re.sub(r"(`+) .*? \1", "", markdown)


@pytest.mark.parametrize(("query", "uses", "says"), BATTERY.values(), ids=BATTERY.keys())
def test_a_bad_or_odd_link_opens_with_what_the_reader_decided(make_app, ui, query, uses, says):
    at = make_app(query)
    ui.assert_clean(at)
    for key, value in uses.items():
        got = at.session_state[key]
        assert got == pytest.approx(value) if isinstance(value, float) else got == value, key
    notices = _notices(at)
    if says is None:
        assert notices == []
        return
    [notice] = notices
    assert says in notice
    # The link's own text is quoted only inside code spans, cut short and escaped.
    rest = _outside_code(notice)
    for danger in ("![", "](", "<img", "**x**", "\x00", "9999999999"):
        assert danger not in rest, danger
    assert all(len(span) < 80 for span in re.findall(r"(`+) (.*?) \1", notice))
    # The page's URL now says what the page uses, in the short spelling.
    settings = settings_from({k: at.session_state[k] for k in RUN_KEYS if k in at.session_state})
    written = {k: at.query_params[k] for k in at.query_params}
    expected = parse_qs(share_query({**vars(settings), "presenter": at.session_state["presenter"]}))
    assert written == {k: v[-1] for k, v in expected.items()}


def test_a_link_with_many_bad_values_lists_them_all_in_one_notice(make_app, ui):
    at = make_app({"alpha": "banana", "seed": "inf", "epochs": "7", "colour": "red"})
    ui.assert_clean(at)
    [notice] = _notices(at)
    assert "4 values" in notice
    for text in ("alpha=banana", "seed=inf", "epochs=7", "colour=red"):
        assert text in notice


def test_a_link_with_900_unknown_keys_names_ten_and_counts_the_rest(make_app, ui):
    at = make_app({f"key{i}": "x" * 30 for i in range(900)})
    ui.assert_clean(at)
    [notice] = _notices(at)
    assert "900 values" in notice and "890 more" in notice
    assert notice.count("\n- ") == 11  # ten problems and the count of the rest
    assert len(notice) < 1500


def test_the_notice_goes_once_a_control_moves(make_app):
    at = make_app({"alpha": "banana"})
    assert _notices(at)
    at.run()
    assert _notices(at)  # still the page the link opened
    at.select_slider(key="alpha").set_value(2.0).run()
    assert not _notices(at)  # it would describe a page no longer on screen


def test_the_share_panel_warns_that_localhost_is_not_reachable_from_students_devices():
    def script():
        from ui.share import local_address_warning

        local_address_warning("http://localhost:8501")
        local_address_warning("http://127.0.0.1:8501/landscape")
        local_address_warning("https://neuron.streamlit.app")

    at = AppTest.from_function(script).run()
    assert not at.exception
    assert len(at.warning) == 2
    assert all("only works on this computer" in w.value for w in at.warning)
    assert all("Network URL" in w.value and "hosted copy" in w.value for w in at.warning)


def _random_values(rng) -> dict:
    out = {}
    for c in CONTROLS:
        if c.part != "run":
            continue
        if c.kind == "multiselect":
            out[c.key] = tuple(o for o in c.options if rng.random() < 0.5)
        elif c.kind == "toggle":
            out[c.key] = bool(rng.random() < 0.5)
        elif c.kind == "start":  # any floats, by input name (`neuron_core.start`)
            names = [n for n in (*FEATURES, "b") if rng.random() < 0.5]
            out[c.key] = canonical({n: float(rng.normal(0, 3)) for n in names})
        elif c.options:
            out[c.key] = c.options[rng.integers(len(c.options))]
        else:
            lo, hi, step = c.span
            v = lo + step * int(rng.integers(round((hi - lo) / step) + 1))
            out[c.key] = int(v) if isinstance(c.default, int) else round(v, 10)
    out["presenter"] = bool(rng.random() < 0.5)
    return out


def test_every_control_round_trips_through_a_link_for_random_settings():
    rng = np.random.default_rng(12)
    for _ in range(300):
        values = _random_values(rng)
        query = parse_qs(share_query(values), keep_blank_values=True)
        reading = read_link(query)
        assert reading.notes == ()
        back = {**DEFAULTS, "presenter": False, **reading.values}
        if values["init"] != "random":  # the seed only travels for random weights
            back["init_seed"] = values["init_seed"]
        if values["init"] != "chosen":  # the start only travels for "Your start"
            back["start"] = values["start"]
        assert settings_from(back) == settings_from(values)
        assert back["presenter"] == values["presenter"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_app_reproduces_random_settings_from_their_share_link(make_app, ui, seed):
    values = _random_values(np.random.default_rng(seed))
    query = parse_qs(share_query(values), keep_blank_values=True)
    at = make_app(query)
    ui.assert_clean(at)
    assert not _notices(at)
    got = settings_from({k: at.session_state[k] for k in RUN_KEYS if k in at.session_state})
    want = dict(values) if values["init"] == "random" else {**values, "init_seed": 0}
    if values["init"] != "chosen":
        want["start"] = got.start  # not in the link: the session's own (the default)
    assert got == settings_from(want)
    [link] = [c.value for c in at.code if c.value.startswith("http")]
    # Share's link opens in the normal layout unless the teacher asks (students' phones).
    student = {k: v for k, v in query.items() if k != "presenter"}
    assert parse_qs(urlsplit(link).query, keep_blank_values=True) == student


# ---------------------------------------------------------------- every page's own choices
def _page_app(ui, page: str, query: dict | None = None):
    """A fresh session that opens on ``page`` (a path like "pages/landscape.py")."""
    at = open_panels(AppTest.from_file(str(APP), default_timeout=60))
    at.query_params.update(query or {})
    at.switch_page(page)
    return at.run()


def _sidebar_link(at) -> str:
    [link] = [c.value for c in at.sidebar.code if c.value.startswith("http")]
    return link


PAGE_CHOICES = {
    # page: (what a learner does there, the session keys it sets, what the link says)
    "landscape": (
        "pages/landscape.py",
        lambda at: (
            at.segmented_control(key="landscape_alpha").set_value("good"),
            at.toggle(key="landscape_3d").set_value(True),
        ),
        {"landscape_alpha": "good", "landscape_3d": True},
        {"map_alpha": ["good"], "surface": ["true"]},
    ),
    "learning_rates": (
        "pages/learning_rates.py",
        lambda at: (
            at.number_input(key="lr_1").set_value(0.25),
            at.toggle(key="lr_log").set_value(True),
        ),
        {"lr_1": 0.25, "lr_log": True},
        {"a2": ["0.25"], "log": ["true"]},
    ),
    "one_step": (
        "pages/one_step.py",
        lambda at: (
            at.number_input(key="one_step_example").set_value(7),
            at.slider(key="one_step_epoch").set_value(40),
            at.toggle(key="one_step_batch").set_value(True),
        ),
        {"one_step_example": 7, "one_step_epoch": 40, "one_step_batch": True},
        {"example": ["7"], "epoch": ["40"], "batch": ["true"]},
    ),
}


@pytest.mark.parametrize(("page", "act", "state", "says"), PAGE_CHOICES.values(), ids=PAGE_CHOICES)
def test_a_page_choice_round_trips_through_the_share_link(ui, page, act, state, says):
    at = _page_app(ui, page, {"alpha": "1.5"})
    ui.assert_clean(at)
    untouched = parse_qs(urlsplit(_sidebar_link(at)).query)
    assert untouched == {"alpha": ["1.5"]}  # the page's defaults are left out
    act(at)
    at.run()
    ui.assert_clean(at)
    at.run()  # the link is written from what the previous run left in session state
    link = _sidebar_link(at)
    query = parse_qs(urlsplit(link).query)
    assert query == {"alpha": ["1.5"], **says}
    assert urlsplit(link).path == "/" + page.split("/")[1].removesuffix(".py")

    fresh = _page_app(ui, page, query)  # a student opens the link
    ui.assert_clean(fresh)
    assert not _notices(fresh)
    for key, value in state.items():
        assert fresh.session_state[key] == value, key
    fresh.run()
    assert _sidebar_link(fresh) == link


def test_an_example_beyond_this_data_says_which_example_is_shown(ui):
    at = _page_app(ui, "pages/one_step.py", {"example": "9000"})
    ui.assert_clean(at)
    [note] = [i.value for i in at.info if "The link asked for training example #9000" in i.value]
    m = int(at.number_input(key="one_step_example").max) + 1
    assert f"this data has {m}" in note
    assert f"showing #{at.session_state['one_step_example']}" in note
    assert "example" not in parse_qs(urlsplit(_sidebar_link(at.run())).query)


def test_page_choices_for_another_page_are_left_out_with_a_note(ui):
    at = _page_app(ui, "pages/the_math.py", {"example": "3", "map_alpha": "good"})
    ui.assert_clean(at)
    [notice] = _notices(at)
    assert notice.count("belongs to another page") == 2
    assert parse_qs(urlsplit(_sidebar_link(at)).query) == {}


def test_the_page_local_controls_have_their_widgets_keys():
    # The table names each page's own widget key, so the reader and the page agree.
    local = {c.key for c in CONTROLS if c.part not in ("run", "view")}
    assert local == {
        "landscape_alpha",
        "landscape_3d",
        "lr_0",
        "lr_1",
        "lr_2",
        "lr_3",
        "lr_log",
        "lr_log_epochs",
        "bug_log_epochs",
        "one_step_example",
        "one_step_epoch",
        "one_step_batch",
    }
    assert all(BY_KEY[k].url != k for k in local)  # short URL names
    assert link_pairs({**DEFAULTS, "presenter": False}, "landscape") == []


@pytest.mark.parametrize(
    ("page", "param", "key"),
    [("pages/learning_rates.py", "log_epochs", "lr_log_epochs"),
     ("pages/bug_lab.py", "epoch_log", "bug_log_epochs")],
    ids=["learning-rates", "bug-lab"],
)  # fmt: skip
def test_the_log_epoch_choice_travels_in_the_link(ui, page, param, key):
    at = _page_app(ui, page, {param: "true"})
    ui.assert_clean(at)
    assert at.toggle(key=key).value is True
    assert parse_qs(urlsplit(_sidebar_link(at)).query)[param] == ["true"]
