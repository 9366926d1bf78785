"""The classroom kit in the app (AppTest): presets, presenter mode, share links, exports."""

from __future__ import annotations

import io
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest
import segno
from PIL import Image
from streamlit.testing.v1 import AppTest

import neuron_core as nc
from neuron_core.controls import ALPHAS, EPOCHS, L2S, defaults
from neuron_core.controls import BY_KEY as CONTROL
from neuron_core.datasets import DATASET_LABELS
from neuron_core.lessons import BY_KEY, PRESETS, run_preset
from neuron_core.links import link_pairs, read_link, share_link, values_from_link
from tests.app.conftest import stage_note
from tests.apptest import open_panels
from ui.cache import qr_png, qr_scale
from ui.share import ROOM_QR_PX

APP = str(Path(__file__).resolve().parents[2] / "app.py")
DEFAULTS = defaults()
CONTROL_KEYS = tuple(DEFAULTS)
IDS = [p.key for p in PRESETS]


def _app(query: dict | None = None) -> AppTest:
    at = open_panels(AppTest.from_file(APP, default_timeout=90))
    for k, v in (query or {}).items():
        at.query_params[k] = v
    return at.run()


def _values(at: AppTest) -> dict:
    """The shared controls' values as the app holds them (session state, defaults)."""
    ss = at.session_state
    out = {}
    for k in CONTROL_KEYS:
        v = ss[k] if k in ss else DEFAULTS[k]
        out[k] = tuple(f for f in nc.FEATURES if f in v) if k == "features" else v
    out["presenter"] = bool(ss["presenter"]) if "presenter" in ss else False
    return out


def _same(a: dict, b: dict) -> None:
    assert set(a) == set(b)
    for k in a:
        if isinstance(b[k], float) or isinstance(a[k], float):
            assert float(a[k]) == pytest.approx(float(b[k]), rel=1e-12), k
        else:
            assert a[k] == b[k], k


def _link(at: AppTest) -> str:
    [code] = [c.value for c in at.code if c.value.startswith("http")]
    return code


def _presenter_css(at: AppTest) -> bool:
    return any("h1 { font-size: 2.8rem; }" in getattr(n.proto, "body", "") for n in _nodes(at))


def _nodes(at: AppTest):
    """Every element of the run, in every container (st.html of styles sits in its own)."""
    stack = list(at._tree.children.values())
    while stack:
        node = stack.pop()
        yield node
        stack.extend(getattr(node, "children", {}).values())


def _view(at: AppTest) -> dict:
    """The metadata the Playground's live view is sent."""
    return json.loads(at.get("bidi_component")[0].proto.mixed.json)["meta"]


# ---------------------------------------------------------------- presets
@pytest.mark.parametrize("preset", PRESETS, ids=IDS)
def test_preset_values_come_from_the_controls_own_option_lists(preset):
    s = preset.settings()
    assert s["alpha"] in ALPHAS
    assert s["epochs"] in EPOCHS
    assert s["l2"] in L2S
    # A preset's values read back from their link spellings, with nothing to complain about.
    query = {k: [CONTROL[k].spelled(v)] for k, v in s.items()}
    reading = read_link(query)
    assert not reading.notes
    _same(reading.values, s)


def test_every_preset_loads_from_the_playground_picker():
    at = _app()
    for preset in PRESETS:
        at.selectbox(key="preset_pick").set_value(preset.key).run()
        assert not at.exception, preset.key
        want = {**preset.settings(), "presenter": False}
        _same(_values(at), want)
        assert at.session_state["preset_pick"] is None  # ready for the next pick
        _, note = stage_note(at)
        assert preset.title in note and preset.question in note, preset.key
        h = run_preset(preset).history
        assert _view(at)["epochs"] == h.epochs, preset.key
        heading = next(e.value for e in at.subheader if e.value.startswith("The equations at"))
        assert heading == f"The equations at epoch {h.epochs}", preset.key


def test_diverging_preset_shows_the_divergence_message():
    at = _app()
    at.selectbox(key="preset_pick").set_value("alpha-diverges").run()
    _, note = stage_note(at)
    assert "diverges at epoch" in note


def test_no_preset_note_once_a_control_differs_from_the_preset():
    at = _app({"presenter": "false"})
    at.selectbox(key="preset_pick").set_value("xor-product").run()
    assert "XOR" in stage_note(at)[1]
    at.session_state["alpha"] = 0.5
    at.run()
    assert "XOR needs" not in stage_note(at)[1]


def test_gallery_card_opens_its_preset_in_the_playground():
    at = _app()
    at.switch_page("pages/lessons.py").run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Lesson presets"]
    assert {f"open_{p.key}" for p in PRESETS} <= {b.key for b in at.button}
    assert len(at.get("image")) >= len(PRESETS)  # a thumbnail per card
    at.button(key="open_circles-squares").click().run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Watch one neuron learn"]
    _same(_values(at), {**BY_KEY["circles-squares"].settings(), "presenter": False})


def test_thumbnail_draws_every_point_with_its_class_shape():
    from neuron_core.figures.thumbnail import thumbnail_svg

    run = run_preset(BY_KEY["xor-product"])
    svg = thumbnail_svg(run, size=200, cells=10)
    y = run.prepared.data.y
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count("<circle") == (y == 0).sum()  # class 0: circles
    assert svg.count("<rect") == 1 + 10 * 10 + (y == 1).sum()  # background, cells, squares


@pytest.mark.parametrize(
    ("key", "boundary", "pale"),
    [("good-alpha", "straight", False), ("alpha-too-small", "straight", True),
     ("circles-squares", "curved", False), ("alpha-diverges", "straight", False)],
)  # fmt: skip
def test_thumbnail_alt_tells_the_data_the_boundary_and_the_points_on_their_side(
    key, boundary, pale
):
    from neuron_core.figures.thumbnail import thumbnail_alt

    run = run_preset(BY_KEY[key])
    X, y, h = run.prepared.data.X, run.prepared.data.y, run.history
    z = run.prepared.inputs(X) @ h.w[-1] + h.b[-1]  # ŷ ≥ 0.5 exactly where z ≥ 0
    right = np.mean((z >= 0) == (y == 1))
    text = thumbnail_alt(run)
    assert text.startswith(DATASET_LABELS[run.prepared.data.name])
    assert f"{(y == 0).sum()} blue circles (class 0) and {(y == 1).sum()} orange squares" in text
    assert f"a {boundary} boundary with {100 * right:.0f} % of the points" in text
    assert ("pale everywhere" in text) == pale


# ---------------------------------------------------------------- presenter mode
def test_presenter_mode_changes_what_is_shown():
    normal, presenting = _app(), _app({"presenter": "true"})
    assert not normal.exception and not presenting.exception
    # Controls: all in view normally; only α and epochs in view, the rest folded away.
    assert not normal.sidebar.expander
    [folded] = presenting.sidebar.expander
    assert "All controls" in folded.label
    assert {s.key for s in presenting.sidebar.select_slider if s not in folded.select_slider} == {
        "alpha",
        "epochs",
    }
    assert {w.key for w in folded.selectbox} == {"dataset"}
    # Export buttons off the projector; share stays.
    assert normal.get("download_button") and not presenting.get("download_button")
    # Student links open in the normal layout unless the teacher asks (Share's switch).
    assert "presenter" not in _link(presenting)
    # Bigger type in figures and on the page.
    assert _view(presenting)["style"]["font"] > _view(normal)["style"]["font"]
    assert _presenter_css(presenting) and not _presenter_css(normal)


def test_leaving_presenter_mode_keeps_every_control():
    at = _app()
    at.selectbox(key="preset_pick").set_value("noisy-small").run()
    want = _values(at)
    at.session_state["presenter"] = True
    at.run()
    at.run()  # a second run: hidden widgets must not lose their state
    _same(_values(at), {**want, "presenter": True})
    at.session_state["presenter"] = False
    at.run()
    _same(_values(at), want)


# ---------------------------------------------------------------- share links
@pytest.mark.parametrize("key", ["unscaled", "xor-product", "alpha-diverges"])
@pytest.mark.parametrize("presenter", [False, True], ids=["normal", "presenter"])
def test_share_link_round_trips_the_full_state(key, presenter):
    at = _app({"presenter": "true"} if presenter else None)
    at.selectbox(key="preset_pick").set_value(key).run()
    if presenter:  # a link for another projector: the teacher asks for presenter mode
        at.toggle(key="share_presenter").set_value(True).run()
    link = _link(at)
    query = parse_qs(urlsplit(link).query, keep_blank_values=True)
    # Only what differs from the defaults travels: shorter links, smaller QR codes.
    now = _values(at)
    differ = {k for k in now if k != "init_seed" and now[k] != CONTROL[k].default}
    assert set(query) == differ
    fresh = _app(query)  # a new session, as on a student's device
    assert not fresh.exception
    assert not [w.value for w in fresh.warning if "link" in w.value]
    _same(_values(fresh), _values(at))
    _same(values_from_link(link), _values(at))
    if presenter:
        fresh.toggle(key="share_presenter").set_value(True).run()
    assert _link(fresh) == link


def test_share_link_carries_the_initial_weights_seed_for_random_weights():
    at = _app({"init": "Random", "init_seed": "42", "alpha": "2"})
    link = _link(at)
    assert parse_qs(urlsplit(link).query)["init_seed"] == ["42"]
    fresh = _app(parse_qs(urlsplit(link).query))
    _same(_values(fresh), _values(at))
    assert _values(fresh)["init_seed"] == 42 and _values(fresh)["init"] == "random"


def test_share_links_open_in_the_normal_layout_unless_the_teacher_asks():
    at = _app({"presenter": "true"})
    assert "presenter" not in parse_qs(urlsplit(_link(at)).query)  # students' phones
    [switch] = [t for t in at.toggle if t.label == "Link opens in presenter mode"]
    switch.set_value(True).run()
    assert _link(at).endswith("presenter=true")  # another projector in the room
    assert at.session_state["presenter"] is True  # the teacher's own screen stays big
    normal = _app()
    [switch] = [t for t in normal.toggle if t.label == "Link opens in presenter mode"]
    switch.set_value(True).run()
    assert _link(normal).endswith("presenter=true")


def test_share_link_points_at_the_page_it_was_made_on():
    at = _app()
    assert urlsplit(_link(at)).path == "/"  # the Playground is the home page
    at.switch_page("pages/lessons.py").run()
    assert urlsplit(_link(at)).path == "/lessons"


def test_every_other_page_offers_the_share_panel_in_the_sidebar():
    for path, url in [("pages/the_math.py", "/the_math"), ("pages/landscape.py", "/landscape")]:
        at = _app()
        at.switch_page(path).run()
        assert not at.exception, path
        links = [c.value for c in at.sidebar.code if c.value.startswith("http")]
        assert len(links) == 1 and urlsplit(links[0]).path == url, path


def test_share_link_spells_values_short_and_leaves_out_the_defaults():
    values = {**DEFAULTS, "dataset": "circles", "features": ("x1", "x1^2"), "init": "random"}
    link = share_link("https://example.org/app/", "lessons", {**values, "presenter": True})
    assert link == (
        "https://example.org/app/lessons?dataset=circles&features=x1,x1^2&init=random"
        "&presenter=true"
    )
    assert share_link("https://example.org/", "", {**DEFAULTS, "presenter": False}) == (
        "https://example.org/"
    )
    assert values_from_link(link) == {**values, "presenter": True}


def test_links_accept_short_spellings_and_the_old_widget_labels():
    new = {"dataset": ["xor"], "features": ["x1,x2,x1*x2"], "init": ["random"], "alpha": ["0.0015"]}
    old = {
        "dataset": ["XOR (four quadrants)"],
        "features": ["x₁", "x₂", "x₁·x₂"],
        "init": ["Random"],
        "presenter": ["true"],
        "alpha": ["0.0015"],
    }
    want = {"dataset": "xor", "features": ("x1", "x2", "x1*x2"), "init": "random", "alpha": 0.0015}
    assert read_link(new).values == want and not read_link(new).notes
    assert read_link(old).values == {**want, "presenter": True} and not read_link(old).notes
    assert (
        len(read_link({"dataset": ["xo"], "features": ["x9"], "presenter": ["maybe"]}).notes) == 3
    )
    assert link_pairs({**DEFAULTS, "presenter": False}) == []


def _qr_modules(png: bytes, scale: int, border: int = 4) -> np.ndarray:
    """Dark (True) / light modules read back from a QR PNG, one sample per module centre."""
    img = np.asarray(Image.open(io.BytesIO(png)).convert("L"))
    n = img.shape[0] // scale - 2 * border
    centres = (np.arange(n) + border) * scale + scale // 2
    return img[np.ix_(centres, centres)] < 128


def test_qr_code_encodes_the_share_link():
    at = _app({"presenter": "true"})
    link = _link(at)
    modules = _qr_modules(qr_png(link, scale=8), scale=8)
    expected = np.array(segno.make(link, error="m", micro=False).matrix, dtype=bool)
    np.testing.assert_array_equal(modules, expected)
    other = np.array(segno.make(link + "x", error="m", micro=False).matrix, dtype=bool)
    assert modules.shape != other.shape or not np.array_equal(modules, other)
    assert not [i for i in at.get("image") if "QR code" in i.proto.imgs[0].caption]
    at.button(key="share_show_qr").click().run()  # the room-sized code, on demand
    [image] = [i for i in at.get("image") if "QR code" in i.proto.imgs[0].caption]
    assert image.proto.imgs[0].url.endswith(".png")  # lossless: JPEG blurs the modules
    scale, px = qr_scale(link, ROOM_QR_PX)
    assert px % scale == 0 and 0.8 * ROOM_QR_PX <= px <= ROOM_QR_PX  # whole pixels a module


def test_uploaded_data_cannot_travel_in_a_link_and_can_be_downloaded():
    at = _app({"source": "Upload CSV"})
    csv = "a,b,label\n" + "\n".join(f"{i / 10},{(i * 7) % 5},{i % 2}" for i in range(30))
    at.file_uploader(key="upload_file").upload("mine.csv", csv.encode(), "text/csv").run()
    assert not at.exception
    assert any("cannot travel in a link" in w.value for w in at.warning)
    keys = {d.key for d in at.get("download_button")}
    assert "share_data_csv" in keys
    assert parse_qs(urlsplit(_link(at)).query)["source"] == ["upload"]


# ---------------------------------------------------------------- exports
# (every chart's description in words: test_descriptions.py)
def test_share_and_export_build_their_panels_only_while_open():
    at = AppTest.from_file(APP, default_timeout=90).run()  # both closed, as on arrival
    assert not at.exception
    assert not at.get("download_button") and not at.code
    assert "share_presenter" not in at.session_state
    open_panels(at).run()  # a learner opens them: the page (its stage) reruns and fills them
    assert {"export_data", "export_html"} <= {d.key for d in at.get("download_button")}
    assert any("http" in c.value for c in at.code)  # the share link
    # Share's own switch keeps its value while the panel is closed (not drawn) again.
    at.toggle(key="share_presenter").set_value(True).run()
    at.session_state["share_open"] = False
    at.run()
    assert not at.code and at.session_state["share_presenter"] is True
    open_panels(at).run()
    assert at.toggle(key="share_presenter").value is True
    assert any("presenter=true" in c.value for c in at.code)


def test_export_buttons_are_offered_and_build_their_files_only_when_clicked():
    at = _app()
    at.selectbox(key="preset_pick").set_value("good-alpha").run()
    buttons = {d.key: d for d in at.get("download_button")}
    assert {"export_data", "export_history", "export_model", "export_html"} <= set(buttons)
    # Deferred: the HTML and the CSVs are made on click, not on every rerun.
    assert all(b.proto.deferred_file_id for b in buttons.values())
