"""The Playground's stage: its one header row, its one note, and the controls on the view.

The live view is the first thing on the page and fits the window; everything that used to
stack above it now sits in two rows of fixed height: the header (title, lesson preset,
"What am I looking at?", Share, Export) and one note (the preset's text and the run's
verdict together, one line until opened), which is always there, so the view's top does
not move when a note comes or goes. α, epochs, λ and the inputs are drawn by the view
itself (`neuron_core.stage` describes them); a change there comes back through
`ui.live_view`, which sets the same session-state value the sidebar's widget holds.
"""

from __future__ import annotations

import streamlit as st

import neuron_core as nc
from neuron_core.alphas import ALPHAS, on_grid
from neuron_core.number_format import number
from neuron_core.palette import BLUE, ORANGE, VERMILLION
from neuron_core.verdict import run_verdict
from neuron_core.verdict_words import short
from ui.lessons import matching_preset
from ui.notices import ICONS, separable_text, verdict_text

# What the view says it shows, for the one line when the run needs no warning.
WHAT_IT_SHOWS = (
    "- **The map**: each point is an example; colour *and* shape give its class; hollow "
    "points are held out for testing. The background is the neuron's output ŷ, the "
    "probability of class 1; the black line is where ŷ = 0.5.\n"
    "- **The surface**: the same ŷ as a height (drag it to turn it; on a touch screen, two "
    "fingers). One neuron always makes an S-shaped sheet; training tilts and sharpens it "
    "until class-1 points sit high and class-0 points low.\n"
    "- **The cost curve**: the cost J, the average cross-entropy, per epoch; the dot is "
    "the epoch shown. Each epoch computes the gradient over all training points and takes "
    "one step of size α downhill.\n"
    "- **Play** runs the epochs at the speed chosen beside it (slow enough to talk over, "
    "or 'teacher's pace', which lingers where the boundary moves); the step buttons and "
    "the slider go to any epoch. With the view focused: Space plays or pauses, ← → step "
    "one epoch, Home and End jump to the ends.\n"
    "- **A click on the map** places a point of the class pressed in its legend "
    "(shift-click: the other class); a click on a point removes it; Undo and Clear take "
    "it back. Placed points are training points; the link carries them.\n"
    "- **α, epochs, λ and the inputs** on the view are the sidebar's controls: change "
    "either, both follow, and the link keeps it."
)


def stage_header(title: str) -> st.delta_generator.DeltaGenerator:
    """The one header row (wraps on a phone); returns it for the preset picker and buttons."""
    row = st.container(horizontal=True, vertical_alignment="center", key="stage_head")
    row.title(title, anchor=False)
    return row


def what_am_i_looking_at(container) -> None:
    """The views explained, one click from them (a popover: it opens over the page)."""
    with container.popover("What am I looking at?", icon=":material/help:"):
        st.markdown(WHAT_IT_SHOWS)


def stage_note(s, run: nc.Run, waiting_for_upload: bool = False) -> None:
    """The one note above the view: a single line (the preset's title, else the run's
    verdict) that opens to the whole text. Always drawn, so the view never moves."""
    preset = matching_preset(s)
    said = verdict_text(run, smallest_alpha=min(ALPHAS))
    separable = separable_text(run)
    kind = said[0] if said else ("separable" if separable else "converged")
    parts = []
    if waiting_for_upload:
        head = "Upload a CSV in the sidebar to train on your own data"
        icon = ":material/upload_file:"
        parts.append(head + ". Until then, the generated dataset is shown.")
    elif preset is not None:
        head, icon = f"**{preset.title}.** {preset.notice}", preset.icon
        parts.append(f"{preset.notice}  \n**Ask the class:** {preset.question}")
    elif said or separable:
        head, icon = (said[1] if said else separable), ICONS[kind]
    else:
        v = run_verdict(run)
        head = f"The run {short(v)}: pick a lesson preset, or change α, the epochs or the inputs"
        icon = ":material/check_circle:"
    parts += [t for t in (said[1] if said else None, separable) if t]
    box = st.container(key=f"stage_note_{kind}")
    with box.expander(head, icon=icon, key="stage_note"):
        for text in parts or [WHAT_IT_SHOWS]:
            st.markdown(text)
        if kind in ("diverged", "oscillating"):  # 1/L only then (an eigenvalue problem)
            safe = nc.suggested_alpha(run.prepared.F_train, run.l2)
            if on_grid(safe) and safe < run.alpha:
                alpha_button(st, safe, "stage_note_alpha", go=False, why=" (1/L for this data)")


def drawing_note(problem: str) -> None:
    """The one note while the map's points cannot train a neuron: what to place next."""
    box = st.container(key="stage_note_drawing")
    with box.expander(problem, icon=":material/scatter_plot:", key="stage_note"):
        st.markdown(problem)


def stage_css(presenter: bool) -> str:
    """The header's and the note's look: a compact title, one line of note with a stripe in
    the run's colour (from the one palette)."""
    stripe = {"diverged": VERMILLION, "oscillating": ORANGE}
    kinds = "".join(
        f".st-key-stage_note_{kind} details {{ border-left: 6px solid {stripe.get(kind, BLUE)}; }}"
        for kind in (*ICONS, "converged")
    )
    # In presenter mode the title folds away (still there for screen readers and the
    # browser's tab): on a projector every row goes to the stage.
    fold = (
        ".st-key-stage_head > div:first-child { position: absolute !important; "
        "width: 1px !important; height: 1px !important; min-width: 0 !important; "
        "padding: 0 !important; overflow: hidden; "
        "clip-path: inset(50%); white-space: nowrap; }"
        if presenter
        else ""
    )
    return f"""<style>
.st-key-stage_head {{ row-gap: .4rem; }}
.st-key-stage_head > div:first-child {{ flex: 0 1 auto; }}
.st-key-stage_head h1 {{ font-size: 1.6rem; padding: 0; margin: 0; line-height: 1.15;
  white-space: nowrap; }}
{fold}
.st-key-stage_head [data-testid="stMarkdownContainer"] {{ margin-bottom: 0; }}
@media (max-width: 640px) {{ .st-key-stage_head h1 {{ font-size: 1.35rem; }}
  .st-key-stage_head {{ gap: .4rem .5rem; }} }}
.st-key-stage_head .st-key-preset_pick {{ flex: 1 1 11rem; min-width: 10rem; }}
.st-key-stage_head button p {{ font-size: 1.05rem !important; }}
[class*="st-key-stage_note_"] summary {{ min-width: 0; }}
[class*="st-key-stage_note_"] summary p {{
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
[class*="st-key-stage_note_"] summary > span, [class*="st-key-stage_note_"] summary div {{
  min-width: 0; }}
{kinds}
</style>"""


def _set_alpha(alpha: float) -> None:
    st.session_state["alpha"] = alpha


def alpha_button(container, alpha: float, key: str, *, go: bool, why: str = "") -> None:
    """One click to the Playground at ``alpha`` (``go``: from another page; else: set it
    here). An α between the offered ones opens at the nearest (the label says which);
    one beyond them all is a disabled button that says so."""
    a = on_grid(alpha)
    if a is None:
        container.button(
            f"α = {number(alpha, 3, trim=True)} is beyond the Playground's α",
            key=key,
            disabled=True,
            help=f"The Playground offers α from {number(ALPHAS[0], 2, trim=True)} "
            f"to {number(ALPHAS[-1], 2, trim=True)}.",
        )
        return
    text = number(a, 4, trim=True)
    label = f"Open on the Playground at α = {text}" if go else f"Set α = {text}{why}"
    nearest = "" if a == alpha else " (the nearest α it offers)"
    clicked = container.button(
        label,
        key=key,
        icon=":material/play_arrow:" if go else ":material/tune:",
        on_click=_set_alpha,
        args=(a,),
        help=f"Sets the Playground's learning rate to {text}{nearest}; everything else stays.",
    )
    if clicked and go:
        st.switch_page("pages/playground.py", query_params={})
