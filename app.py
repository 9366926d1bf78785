"""Neuron Playground: watch one sigmoid neuron learn by gradient descent.

Entry point: sets up the page, draws the controls every page shares, then runs the page
chosen in the navigation.
"""

from pathlib import Path

import streamlit as st

from neuron_core.links import read_link
from ui.accessibility import ACCESSIBILITY_CSS, SCROLLERS_SCRIPT
from ui.cache import one_blas_thread
from ui.controls import presenting, sidebar
from ui.links import arrive, link_notice, sync_url
from ui.share import share_panel
from ui.upload import upload_notice

# A drawn icon, not an emoji or a Material icon: those need an emoji font or, for the tab,
# a download from Google's servers that a school network may block.
FAVICON = Path(__file__).parent / "ui" / "favicon.png"

# Presenter mode starts with the sidebar closed: a projector's 1024 or 1280 pixels go to the
# Playground's three views (α and epochs are one click away, behind the sidebar's arrow; the
# page list moves to the top bar so nothing pushes them below a 720-px screen).
# Only on arrival: a teacher who switches presenter mode on keeps the sidebar they clicked in.
# Read by the one link reader, before any widget (presenter=TRUE and presenter=1 count too).
LINKED_PRESENTER = bool(
    read_link({"presenter": st.query_params.get_all("presenter")}).values.get("presenter")
)
if "_sidebar_start" not in st.session_state:
    st.session_state._sidebar_start = "collapsed" if LINKED_PRESENTER else "auto"
st.set_page_config(
    page_title="Neuron Playground",
    page_icon=str(FAVICON),
    layout="wide",
    initial_sidebar_state=st.session_state._sidebar_start,
)


one_blas_thread()  # numpy's BLAS on one thread, once per server (see ui.cache)

# Always: below 1280 px (small laptops, old projectors) the page gives its side margins to
# the charts; a metric's label and value wrap rather than end in "…"; equations shrink on
# narrow screens (their builders break long sums into lines), with a sideways scroll as the
# last resort, never a cut. A popover (Share) shows its link first; Share's QR code fills
# most of the screen's height, to scan from the back of a room (scaled pixel by pixel, so
# its modules stay sharp).
BASE_CSS = """<style>
.stMainBlockContainer { padding-top: 4rem; }
.stMainBlockContainer .katex-display { overflow-x: auto; overflow-y: hidden; padding: .2rem 4px; }
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * ,
[data-testid="stMetricValue"], [data-testid="stMetricValue"] *,
.stMainBlockContainer [data-testid="stWidgetLabel"] *,
.stMainBlockContainer label[data-baseweb="checkbox"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  overflow-wrap: anywhere; }
.stMainBlockContainer [data-testid="stBaseButton-primary"] p,
.stMainBlockContainer [data-testid="stBaseButton-secondary"] p { white-space: normal; }
@media (max-width: 1280px) {
  .stMainBlockContainer { padding-left: 1.5rem; padding-right: 1.5rem; } }
[data-testid="stPopoverBody"] [data-testid="stVerticalBlock"] > :first-child { order: -2; }
[data-testid="stPopoverBody"] [data-testid="stElementContainer"]:has([data-testid="stCode"]) {
  order: -1; }
[data-testid="stDialog"] [data-testid="stImage"] { align-items: center; }
[data-testid="stDialog"] [data-testid="stImage"] img {
  height: min(70vh, 82vw) !important; width: auto !important; image-rendering: pixelated; }
@media (max-width: 640px) {
  .stMainBlockContainer .katex-display > .katex { font-size: 1em; }
  .stMainBlockContainer { padding-left: .75rem; padding-right: .75rem; } }
</style>"""

# Presenter mode: type readable from the back of a classroom, full contrast, wide figures.
PRESENTER_CSS = """<style>
.stMainBlockContainer { max-width: 100%; padding: 4.5rem 1.5rem 2rem; }
.stMainBlockContainer, [data-testid="stSidebar"] { color: #000; }
.stMainBlockContainer h1 { font-size: 2.8rem; }
.stMainBlockContainer h2, .stMainBlockContainer h3 { font-size: 2rem; }
.stMainBlockContainer [data-testid="stMarkdownContainer"] p,
.stMainBlockContainer [data-testid="stMarkdownContainer"] li { font-size: 1.35rem; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  color: #1a1a1a; font-size: 1.15rem; }
.stMainBlockContainer .katex { font-size: 1.45em; }
.stMainBlockContainer [data-testid="stMetricValue"] p { font-size: 2.1rem; font-weight: 600; }
.stMainBlockContainer [data-testid="stMetricLabel"] p { font-size: 1.3rem; }
@media (max-width: 1300px) { .stMainBlockContainer .katex { font-size: 1.2em; } }
@media (max-width: 1100px) {
  .stMainBlockContainer [data-testid="stMetricValue"] p { font-size: 1.7rem; } }
[data-testid="stSidebar"] label p, [data-testid="stSidebar"] [data-testid="stMarkdownContainer"] p
  { font-size: 1.25rem; }
[data-testid="stSliderThumbValue"], [data-testid="stSliderTickBarMin"],
[data-testid="stSliderTickBarMax"] { font-size: 1.15rem; color: #000; }
</style>"""

# One entry per page: (file, title, icon, url path). The Playground is the home page.
PAGES = {
    "Learn": [
        ("pages/playground.py", "Playground", ":material/target:", "home"),
        ("pages/one_step.py", "One step by hand", ":material/footprint:", "one_step"),
        ("pages/the_math.py", "The math", ":material/functions:", "the_math"),
        ("pages/landscape.py", "Cost landscape", ":material/landscape:", "landscape"),
        ("pages/learning_rates.py", "Learning rates", ":material/speed:", "learning_rates"),
        ("pages/bug_lab.py", "Bug lab", ":material/bug_report:", "bug_lab"),
    ],
    "Classroom": [
        ("pages/lessons.py", "Lesson presets", ":material/school:", "lessons"),
    ],
}
nav = {
    section: [
        st.Page(path, title=title, icon=icon, url_path=url, default=(url == "home"))
        for path, title, icon, url in entries
    ]
    for section, entries in PAGES.items()
}
# The home page is served at "/" (its url_path only reserves a name). "/playground", the
# file's name and the URL Streamlit's legacy pages/ mode knows it by, opens it too.
nav[""] = [
    st.Page("pages/playground.py", title="Playground", url_path="playground", visibility="hidden")
]
presenter_now = bool(st.session_state.get("presenter", LINKED_PRESENTER))
# The sidebar lists the pages without section headings: Streamlit puts each section in a
# <div> directly inside its <ul>, which screen readers cannot read as one list (axe rules
# list/listitem). The top bar shows its sections as menus, whose markup is sound.
listed = nav if presenter_now else [p for pages in nav.values() for p in pages]
page = st.navigation(listed, position="top" if presenter_now else "sidebar")
st.session_state._page_path = page.url_path  # for share links to this page
# A link is read once, on arrival (and again on Back/Forward), before any widget is drawn.
known = {"", "playground", *(url for entries in PAGES.values() for *_, url in entries)}
arrive(page.url_path, known, home="the Playground")
# The Share button heads the sidebar: its panel then opens downwards with the whole screen
# height for the link and the QR code, not squeezed above the last control.
share_slot = st.sidebar.container()
# On the Playground its stage's controls (α, epochs, λ, the inputs) are drawn by the page's
# fragment into slots the sidebar keeps, so a change of one reruns only that fragment.
settings = sidebar(stage=page.url_path in ("", "playground"))
sync_url(settings, page.url_path)  # the address bar is always this page's share link
if page.url_path not in ("", "playground", "lessons"):  # these pages have their own
    share_panel(settings, share_slot)
st.html(BASE_CSS + ACCESSIBILITY_CSS + (PRESENTER_CSS if presenting() else ""))
st.html(SCROLLERS_SCRIPT, unsafe_allow_javascript=True)
link_notice()  # one notice, however many values were off
upload_notice()  # a bad file explains itself on whatever page the learner is on
page.run()
