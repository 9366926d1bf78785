"""Classroom kit in a real browser: a preset in presenter mode travels by QR code to another
device, and every download parses back to the run's numbers."""

from __future__ import annotations

import csv
import io
import json
import re

import numpy as np
import segno
from PIL import Image

import neuron_core as nc
from neuron_core.export import load_model, predict_proba
from neuron_core.lessons import BY_KEY, run_preset
from neuron_core.links import values_from_link
from neuron_core.number_format import number
from tests.e2e.helpers import LIVE, PHONE, TIMEOUT_MS, expect_rerun, goto, wait_for_app

SIDEBAR = "[data-testid='stSidebar']"


def _popover(page, label):
    with expect_rerun(page):  # a panel is built when it opens (ui.share.lazy_popover)
        button = page.locator("[data-testid='stPopover']").filter(has_text=label)
        button.locator("button").first.click()
    body = page.locator("[data-testid='stPopoverBody']")
    body.wait_for(state="visible")
    return body


def _qr_modules(png: bytes) -> np.ndarray:
    """Dark modules of a QR PNG: find the quiet zone and module size from the finder pattern."""
    img = np.asarray(Image.open(io.BytesIO(png)).convert("L")) < 128
    rows, cols = np.nonzero(img)
    top, left, bottom = rows.min(), cols.min(), rows.max()
    run = 0
    while img[top, left + run]:
        run += 1
    module = run / 7  # the finder pattern is 7 modules wide
    n = round((bottom - top + 1) / module)
    centres = top + (np.arange(n) + 0.5) * module
    return img[np.ix_(centres.astype(int), (left - top + centres).astype(int))]


def _font_px(locator) -> float:
    return float(locator.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))


def test_preset_in_presenter_mode_opens_from_its_qr_code_on_another_device(
    page, browser, app_url, snap
):
    # The teacher: gallery → preset → presenter mode.
    goto(page, app_url)
    goto(page, app_url, "lessons")
    with expect_rerun(page):
        page.locator(".st-key-open_circles-squares button").click()
    page.wait_for_selector("h1:has-text('Watch one neuron learn')")
    wait_for_app(page)
    assert "dataset=circles" in page.url
    dataset = page.locator(SIDEBAR).get_by_role("combobox", name="Dataset")
    assert dataset.input_value() == "Circles (a ring around a disc)"  # the widget shows it
    with expect_rerun(page):
        page.locator(SIDEBAR).locator("label").filter(has_text="Presenter mode").click()
    assert "presenter=true" in page.url
    assert not dataset.is_visible()  # folded into "All controls"

    body = _popover(page, "Share")
    # A link for another projector in the room: the teacher asks for presenter mode in it
    # (students' links open in the normal layout).
    assert "presenter" not in body.locator("code").first.inner_text()
    with expect_rerun(page):
        body.get_by_text("Link opens in presenter mode").click()
    link = body.locator("code").first.inner_text().replace("\n", "").strip()
    assert values_from_link(link) == {
        **BY_KEY["circles-squares"].settings(),
        "presenter": True,
    }
    # The room-sized QR code encodes exactly that link.
    with expect_rerun(page):
        body.get_by_role("button", name="Show QR code").click()
    image = page.get_by_role("dialog").locator("img").first
    src = image.get_attribute("src")
    png = page.request.get(app_url + src if src.startswith("/") else src).body()
    expected = np.array(segno.make(link, error="m", micro=False).matrix, dtype=bool)
    np.testing.assert_array_equal(_qr_modules(png), expected)
    snap(page, "teacher-share")
    page.get_by_role("dialog").get_by_role("button", name="Close").click()
    page.get_by_role("dialog").wait_for(state="detached")
    page.keyboard.press("Escape")  # and the Share panel

    # A student's phone "scans" it: a separate browser context, nothing shared but the link.
    student = browser.new_context(viewport=PHONE)
    student.set_default_timeout(TIMEOUT_MS)
    phone = student.new_page()
    try:
        goto(phone, app_url)  # wake the session on the home page first
        phone.goto(link, wait_until="domcontentloaded")
        wait_for_app(phone)
        phone.wait_for_selector(LIVE)
        assert not phone.locator("[data-testid='stException']").count()
        note = phone.locator("[class*='st-key-stage_note_'] summary").first.inner_text()
        assert "Circles: a line cannot" in note  # the preset's one note
        assert _font_px(phone.locator(LIVE)) == 20  # presenter-size type in the live view
        # The page's title folds away in presenter mode (the stage gets the room), and stays
        # for screen readers.
        assert phone.locator("h1").first.inner_text() == "Watch one neuron learn"
        assert phone.locator(".st-key-stage_head > div").first.bounding_box()["width"] <= 1
        # The controls a student sees when opening the sidebar: presenter on, α = 1, epochs 500.
        phone.locator("[data-testid='stExpandSidebarButton']").click()
        side = phone.locator(SIDEBAR)
        assert side.get_by_role("switch").first.is_checked()
        assert side.get_by_text("Learning rate α").is_visible()
        values = side.locator("[data-testid='stSliderThumbValue']").all_inner_texts()
        assert values[:2] == ["1", "500"]
        assert not side.get_by_text("Number of points").is_visible()  # folded away
        assert values_from_link(phone.url)["dataset"] == "circles"
        snap(phone, "student-phone")
    finally:
        student.close()

    # Back on the teacher's screen: presenter mode off brings every control back unchanged.
    with expect_rerun(page):
        page.locator(SIDEBAR).locator("label").filter(has_text="Presenter mode").click()
    assert "presenter=true" not in page.url
    assert dataset.input_value() == "Circles (a ring around a disc)"
    assert values_from_link(page.url)["features"] == ("x1", "x2", "x1^2", "x2^2")


def _download(page, button_text, names) -> bytes:
    with page.expect_download() as info:
        page.locator("[data-testid='stPopoverBody']").get_by_role(
            "button", name=button_text
        ).click()
    names.append(info.value.suggested_filename)
    with open(info.value.path(), "rb") as f:
        return f.read()


def test_every_export_downloads_and_parses_back_to_the_runs_numbers(page, app_url):
    preset = BY_KEY["xor-product"]
    run = run_preset(preset)
    h = run.history
    goto(page, app_url)
    page.locator("[data-testid='stMain'] [data-testid='stSelectbox']").first.click()
    with expect_rerun(page):
        page.get_by_role("option").filter(has_text="XOR needs").click()
    _popover(page, "Export")
    names: list[str] = []

    data = nc.load_csv(_download(page, "Dataset (CSV)", names))
    np.testing.assert_array_equal(data.X, run.prepared.data.X)
    np.testing.assert_array_equal(data.y, run.prepared.data.y)

    rows = list(
        csv.DictReader(io.StringIO(_download(page, "Training history (CSV)", names).decode()))
    )
    np.testing.assert_array_equal([float(r["cost"]) for r in rows], h.cost)
    np.testing.assert_array_equal([float(r["w[x1*x2]"]) for r in rows], h.w[:, 2])

    model = load_model(_download(page, "Trained model (JSON)", names))
    expected = nc.predict_proba(h.w[-1], h.b[-1], run.prepared.inputs(data.X))
    np.testing.assert_allclose(predict_proba(model, data.X), expected, rtol=0, atol=1e-15)
    assert model.info["settings"]["dataset"] == "xor"

    html = _download(page, "Animation", names).decode()
    assert not re.search(r"<script[^>]+src=", html)
    blob = html.split("id='live-view-data'>", 1)[1].split("</script>", 1)[0]
    assert json.loads(blob)["meta"]["epochs"] == h.epochs  # every epoch, not sampled frames
    stem = "xor-seed0-alpha1-500ep"
    assert names == [
        f"{stem}-data.csv",
        f"{stem}-history.csv",
        f"{stem}-model.json",
        f"{stem}-animation.html",
    ]


def test_presenter_view_on_a_projector_and_a_phone_has_no_errors(page, browser, app_url, snap):
    page.set_viewport_size({"width": 1280, "height": 720})
    goto(page, app_url, query="presenter=true&alpha=1.5&epochs=150")
    page.wait_for_selector(LIVE)
    note = page.locator("[class*='st-key-stage_note_'] summary").first.inner_text()
    assert "A good learning rate" in note
    assert _font_px(page.locator("[data-testid='stMarkdownContainer'] p").first) >= 20
    assert _font_px(page.locator(LIVE).locator(".lv-value").first) >= 22
    snap(page, "projector-1280x720")
    page.set_viewport_size({"width": 1024, "height": 768})
    snap(page, "projector-1024x768")
    assert not page.locator("[data-testid='stException']").count()
    assert not page.console_errors


def test_exported_animation_plays_with_the_network_off(browser, tmp_path):
    """The offline HTML export is the live view itself: it plays every epoch with no server
    and every request to the network refused."""
    from ui.exports import animation_html

    run = run_preset(BY_KEY["circles-squares"])
    path = tmp_path / "animation.html"
    path.write_text(animation_html(run), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, offline=True)
    requests: list[str] = []
    try:
        pg = context.new_page()
        pg.on("request", lambda r: requests.append(r.url))
        errors: list[str] = []
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        pg.goto(path.as_uri())
        view = pg.locator("[data-testid='live-view'][data-frames]")
        view.wait_for()
        assert view.get_attribute("data-epochs") == str(run.history.epochs)
        pg.get_by_role("button", name="Play").click()
        pg.wait_for_function(
            "() => +document.querySelector('#live-view-host .lv').dataset.epoch > 10",
            timeout=TIMEOUT_MS,
        )
        pg.get_by_role("button", name="Pause").click()
        epoch = int(view.get_attribute("data-epoch"))
        cost = view.locator(".lv-cell-cost .lv-value").text_content()
        # As the one formatter writes it (4 significant digits: 0.08576 below 0.1, 0.2099 above).
        assert cost.startswith(number(run.history.cost[epoch], 4))
        assert not errors
        assert [u for u in requests if not u.startswith("file:")] == []
    finally:
        context.close()
