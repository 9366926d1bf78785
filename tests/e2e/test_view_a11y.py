"""The live view for a keyboard-only learner and a screen-reader user, in a real browser: Tab
reaches Play, Space plays and pauses, the arrows step, the scrubber's value text says the
epoch, cost and accuracy, the view says what changed after a pause, a seek and an α change
(never every frame), the keyboard help opens and closes by keyboard; with reduced motion a
new run waits for Play and Play still works; axe finds nothing in the view.
"""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe

from neuron_core.figures.narration import WORDS
from tests.e2e.helpers import LIVE, expect_rerun, goto, live_view

# The element that has focus, inside shadow roots too, as {label, tag, live}.
_FOCUSED_JS = """() => {
  let e = document.activeElement;
  while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
  return e ? {label: e.getAttribute('aria-label') || e.textContent.trim().slice(0, 40),
              tag: e.tagName, live: !!e.closest('[data-testid=live-view]')} : null;
}"""
SAYS = "[data-testid='live-view-says']"


def focused(page) -> dict:
    return page.evaluate(_FOCUSED_JS)


def says(page) -> str:
    return page.locator(LIVE).locator(SAYS).text_content()


def wait_until_said(page, pattern: str) -> str:
    """Wait for the view's live region to say something matching ``pattern``; return it."""
    page.locator(LIVE).locator(SAYS).filter(has_text=re.compile(pattern)).wait_for(state="attached")
    return says(page)


def epoch_text(page) -> str:
    """The scrubber's value text as the words say it, from the numbers the view shows."""
    shown = live_view(page)
    return WORDS["valuetext"].format(
        epoch=shown["epoch"],
        epochs=shown["epochs"],
        cost=shown["numbers"]["cost"].split(" (")[0],  # training cost (test in brackets)
        acc=shown["numbers"]["acc"].split(" (")[0],
    )


def test_a_lesson_with_the_keyboard_alone(page, app_url):
    goto(page, app_url)
    view = page.locator(LIVE)
    # Nothing is said on load; the summary and the pictures' labels already tell the run.
    assert says(page) == ""
    summary = view.get_by_test_id("live-view-summary").text_content()
    assert summary.startswith(WORDS["summary"]) and "Probability map over" in summary
    assert view.get_by_role("img", name=re.compile("^Cost curve: the cost J per epoch")).count()

    # Tab from the top of the page to Play.
    page.locator("body").focus()
    for _ in range(120):
        page.keyboard.press("Tab")
        if focused(page) == {"label": "Play", "tag": "BUTTON", "live": True}:
            break
    assert focused(page)["label"] == "Play"
    page.keyboard.press("Space")
    page.wait_for_function(
        "el => el.dataset.playing === 'true'", arg=view.element_handle(), timeout=10_000
    )
    with expect_rerun(page):  # the pause tells the page its epoch
        page.keyboard.press("Space")
    paused = live_view(page)
    assert not paused["playing"]
    said = wait_until_said(page, "^Paused at epoch")
    assert said.startswith(f"Paused at epoch {paused['epoch']} of {paused['epochs']}: cost ")

    # → steps one epoch (focus stays on the Pause/Play button); once it rests, it is said.
    with expect_rerun(page):
        page.keyboard.press("ArrowRight")
    k = paused["epoch"] + 1
    assert live_view(page)["epoch"] == k
    wait_until_said(page, f"^Epoch {k} of ")

    # The scrubber, six Tabs on: its value text follows its own keys (W3C's seek slider).
    for _ in range(6):
        page.keyboard.press("Tab")
    assert focused(page)["label"] == "Epoch"
    scrub = view.get_by_role("slider", name="Epoch")
    for key, to in (("Home", 0), ("PageUp", 30), ("ArrowRight", 31), ("PageDown", 1)):
        with expect_rerun(page):
            page.keyboard.press(key)
        assert live_view(page)["epoch"] == to, key
        assert scrub.get_attribute("aria-valuetext") == epoch_text(page), key
    with expect_rerun(page):
        page.keyboard.press("End")
    last = live_view(page)["epochs"]
    assert scrub.get_attribute("aria-valuetext").startswith(f"epoch {last} of {last}, cost ")

    # α one step smaller on the stage: the new run is said, with how it went.
    alpha = view.get_by_role("slider", name="Learning rate α")
    with expect_rerun(page):
        alpha.focus()
        page.keyboard.press("ArrowLeft")
    setting = alpha.get_attribute("aria-valuetext")  # "α = 0.56"
    said = wait_until_said(page, "^α = ")
    assert re.fullmatch(
        re.escape(setting) + r": the cost falls from 0\.6931 to 0\.\d{4} in \d+ epochs; "
        r"\d+\.\d % of the training points are on the right side\.",
        said,
    ), said
    # and the pictures' labels and the summary follow the new run
    shown = live_view(page)
    cost_label = view.locator(".lv-cost .lv-canvas").get_attribute("aria-label")
    cost = shown["numbers"]["cost"].split(" (")[0]
    assert f"marker is at epoch {shown['epoch']}, cost {cost}." in cost_label


def test_play_to_the_end_says_one_sentence_not_one_per_frame(page, app_url):
    goto(page, app_url)
    view = page.locator(LIVE)
    view.get_by_role("combobox", name="Speed").select_option("5")  # 5 epochs a frame
    with expect_rerun(page):
        view.get_by_role("button", name="Restart").click()
    wait_until_said(page, "^Epoch 0 of ")  # where the seek rested, once
    said = view.locator(SAYS)
    before = int(said.get_attribute("data-said"))
    with expect_rerun(page):  # reaching the end tells the page its epoch
        view.get_by_role("button", name="Play").click()
    shown = live_view(page)
    assert not shown["playing"] and shown["epoch"] == shown["epochs"]
    text = wait_until_said(page, "^Played to the end")
    assert text.startswith(f"Played to the end, epoch {shown['epochs']}: cost ")
    assert int(said.get_attribute("data-said")) == before + 1  # the frames said nothing
    scrub = view.get_by_role("slider", name="Epoch")
    assert scrub.get_attribute("aria-valuetext") == epoch_text(page)  # current once it stops


def test_the_keyboard_help_opens_and_closes_by_keyboard(page, app_url):
    goto(page, app_url)
    view = page.locator(LIVE)
    button = view.get_by_role("button", name=WORDS["help"])
    button.focus()
    page.keyboard.press("Enter")
    dialog = view.get_by_role("dialog", name=WORDS["help"])
    dialog.wait_for()
    text = dialog.text_content()
    for keys, does in WORDS["keys"]:
        assert keys in text and does in text
    assert focused(page)["label"] == WORDS["close"]  # the dialog took the focus
    before = live_view(page)["epoch"]
    page.keyboard.press("ArrowLeft")  # inside the help, the arrows do not move the epoch
    assert live_view(page)["epoch"] == before
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert focused(page)["label"] == WORDS["help"]  # back on the button
    page.keyboard.press("Enter")
    dialog.wait_for()
    page.keyboard.press("Enter")  # Close
    dialog.wait_for(state="hidden")
    assert focused(page)["label"] == WORDS["help"]


def test_with_reduced_motion_a_new_run_waits_for_play(page, app_url):
    page.emulate_media(reduced_motion="reduce")
    goto(page, app_url)
    view = page.locator(LIVE)
    assert not live_view(page)["playing"]  # nothing plays on load
    assert view.get_by_role("button", name="Play").evaluate(
        "b => getComputedStyle(b).transitionDuration"
    ) in ("0s", "0s, 0s")
    view.get_by_role("combobox", name="Speed").select_option("2/s")
    with expect_rerun(page):
        view.get_by_role("button", name="Restart").click()
    view.get_by_role("button", name="Play").click()  # Play works when asked
    page.wait_for_function("el => +el.dataset.epoch >= 1", arg=view.element_handle())
    alpha = view.get_by_role("slider", name="Learning rate α")
    with expect_rerun(page):
        alpha.focus()
        page.keyboard.press("ArrowLeft")
    # The new run arrived while playing: it does not go on moving by itself.
    assert not live_view(page)["playing"]
    wait_until_said(page, "^α = ")
    view.get_by_role("button", name="Play").click()
    page.wait_for_function("el => el.dataset.playing === 'true'", arg=view.element_handle())


def test_axe_finds_nothing_in_the_view(page, app_url):
    goto(page, app_url)
    options = {
        "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        "resultTypes": ["violations"],
    }
    axe = Axe()

    def in_view() -> list[str]:
        found = axe.run(page, options=options).response["violations"]
        return [
            f"{v['id']} at {n['target']}: {' '.join(n['failureSummary'].split())}"
            for v in found
            for n in v["nodes"]
            if isinstance(n["target"][0], list)  # inside a shadow root: the view's
        ]

    assert in_view() == []
    view = page.locator(LIVE)
    view.get_by_role("button", name=WORDS["help"]).click()
    view.get_by_role("dialog").wait_for()
    assert in_view() == []
