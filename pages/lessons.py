"""Lesson presets: one click sets every control to a scenario worth discussing in class."""

import streamlit as st

from neuron_core.lessons import PRESETS
from ui.cache import preset_thumbnail
from ui.lessons import apply_preset, matching_preset
from ui.page import start_page
from ui.share import share_panel

s = start_page()

st.title("Lesson presets")
st.caption(
    "Each card sets every control (data, features, α, epochs, L2, start) to a scenario, "
    "says what to notice and gives a question for the class. The picture shows the data "
    "over the neuron's final prediction: blue where it says class 0, orange where it says "
    "class 1; circles are class 0, squares class 1."
)
share_panel(s)

active = matching_preset(s)
COLUMNS = 3
for row in range(0, len(PRESETS), COLUMNS):
    cols = st.columns(COLUMNS)
    for col, preset in zip(cols, PRESETS[row : row + COLUMNS], strict=False):
        with col.container(border=True, key=f"card_{preset.key}"):
            st.markdown(f"#### {preset.icon} {preset.title}")
            picture, words = preset_thumbnail(preset.key)
            st.image(
                picture,
                width=220,
                caption="The data over the neuron's final prediction",
                alt=words,
            )
            st.markdown(f"**Notice:** {preset.notice}")
            st.markdown(f"**Ask the class:** {preset.question}")
            label = "Open in Playground" + (" (loaded)" if preset is active else "")
            if st.button(
                label,
                key=f"open_{preset.key}",
                on_click=apply_preset,
                args=(preset.key,),
                type="primary",
                icon=":material/play_arrow:",
                width="stretch",
            ):
                # app.py writes the preset's link into the URL on the Playground's run.
                st.switch_page("pages/playground.py", query_params={})
            with st.expander("What this preset is checked to show"):
                st.caption("Every time the app is tested, it trains this preset and checks:")
                st.markdown("\n".join(f"- {c.describe()}" for c in preset.claims))
