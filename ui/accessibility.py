"""What makes Streamlit's own widgets meet WCAG 2.1 AA here: page CSS (`ACCESSIBILITY_CSS`)
for one visible focus ring on every control the keyboard reaches, text colours with enough
contrast and no motion for a reader who asked their system for less; and a small script
(`SCROLLERS_SCRIPT`) that puts an equation scrolling sideways in the tab order. app.py adds
both to every page (tests/e2e/test_accessibility.py, test_keyboard.py, test_reduced_motion.py).

Colours come from the one palette. CSS inside the Playground's live view (a shadow root) is
the view's own; nothing here reaches it.
"""

from __future__ import annotations

from neuron_core.palette import BLUE, DEEP_BLUE, INK, MUTED

# Streamlit marks focus with a faint halo (its primary colour at half strength, about 2:1
# against white) or a background tint, and some controls with nothing at all. A 2-px ring
# in the primary blue (5.2:1 on white, 4.7:1 on the sidebar) outside each control, on the
# element a sighted reader sees: a checkbox, toggle or radio hides its real input, a slider
# shows its thumb, a select or number box its frame. (`:where` keeps the general rule's
# specificity low, so the offsets below for the scrolling panes and nav links win; !important
# wins over Streamlit's own styles.) A heading's link icon and a picture's toolbar, hidden
# until hovered, show while the keyboard is on them.
_RING = (
    f"outline: 2px solid {BLUE} !important; outline-offset: 2px !important;"
    " box-shadow: 0 0 0 2px white !important;"  # the gap stays white over a picture too
)
_FOCUS = f"""
:where(a, button, summary, select, textarea, [tabindex]:not([tabindex="-1"])):focus-visible,
label:has(> span > input:is([type="checkbox"], [type="radio"]):focus-visible),
[data-testid="stSlider"] [data-rac]:has(> div > input[type="range"]:focus-visible),
:is([data-testid="stSelectbox"], [data-testid="stMultiSelect"])
  [role="group"]:has(input:focus-visible),
[data-testid="stNumberInputContainer"]:has(input:focus-visible),
[data-testid="stFileUploaderDropzone"]:has(input:focus-visible) {{ {_RING} }}
:is([data-testid="stSelectbox"], [data-testid="stMultiSelect"], [data-testid="stNumberInput"])
  input:focus-visible {{ outline: none !important; box-shadow: none !important; }}
[data-testid="stHeaderActionElements"] a:focus-visible,
[data-testid="stElementToolbar"]:focus-within {{ opacity: 1 !important; }}
[data-testid="stSidebarNavLink"]:focus-visible {{
  outline-offset: -2px !important; box-shadow: none !important; }}
[data-testid="stMain"]:focus-visible, [data-testid="stSidebarContent"]:focus-visible {{
  outline-offset: -3px !important; box-shadow: none !important; }}
"""

# Text ≥ 4.5:1. The chosen segment of a segmented control is primary-blue text on a pale
# tint of the same blue (4.1:1); code blocks colour keywords, comments, numbers and operators
# in greys and pastels between 2.6:1 and 3.7:1 on their background.
_CONTRAST = f"""
[data-testid="stButtonGroup"] button[aria-checked="true"] :is(p, span) {{
  color: {DEEP_BLUE} !important; }}
[data-testid="stCode"] .token {{ color: {INK} !important; }}
[data-testid="stCode"] .token.keyword {{ color: {BLUE} !important; }}
[data-testid="stCode"] .token:is(.comment, .punctuation) {{ color: {MUTED} !important; }}
"""

# prefers-reduced-motion: transitions and animations end at once (0.01 ms rather than none,
# so a widget that waits for its transitionend still hears it).
_CALM = """
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after {
    transition-duration: 0.01ms !important; transition-delay: 0s !important;
    animation-duration: 0.01ms !important; animation-delay: 0s !important;
    animation-iteration-count: 1 !important; scroll-behavior: auto !important; } }
"""

# A display equation wider than its column scrolls sideways (app.py's BASE_CSS). Chrome and
# Firefox put such a scroller in the tab order, Safari does not (and axe asks for it): each
# equation that overflows gets a tab stop and a name, and loses them when it fits again.
# For st.html(..., unsafe_allow_javascript=True): the app's own script, no user text in it.
SCROLLERS_SCRIPT = """<script>(() => {
  if (window.__npScrollers) return;
  window.__npScrollers = true;
  let queued = false;
  const mark = () => {
    queued = false;
    for (const e of document.querySelectorAll(".katex-display")) {
      const scrolls = e.scrollWidth > e.clientWidth + 1;
      if (scrolls === (e.dataset.npScrolls === "1")) continue;
      e.dataset.npScrolls = scrolls ? "1" : "0";
      if (scrolls) {
        e.tabIndex = 0;
        e.setAttribute("role", "group");
        e.setAttribute("aria-label", "Equation, scrolls sideways");
      } else {
        for (const a of ["tabindex", "role", "aria-label"]) e.removeAttribute(a);
      }
    }
  };
  const soon = () => { if (!queued) { queued = true; requestAnimationFrame(mark); } };
  new MutationObserver(soon).observe(document.body, {childList: true, subtree: true});
  addEventListener("resize", soon);
  soon();
})();</script>"""

# The script's own st.html element would take a row of the page (Streamlit sets style-only
# HTML apart, not HTML with a script); the script has run once it is in.
_NO_ROW = """
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > script) { display: none; }
"""

ACCESSIBILITY_CSS = f"<style>{_FOCUS}{_CONTRAST}{_CALM}{_NO_ROW}</style>"
