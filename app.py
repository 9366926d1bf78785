"""Neuron Playground: watch one sigmoid neuron learn by gradient descent.

Entry point: sets up the page, draws the controls every page shares, then runs the page
chosen in the navigation.
"""

import streamlit as st

from pages._controls import sidebar
from pages._links import bad_link_values

st.set_page_config(page_title="Neuron Playground", page_icon="🧠", layout="wide")

if "link_notes" not in st.session_state:  # a shared link is read once, on arrival
    st.session_state.link_notes = bad_link_values(
        {k: st.query_params.get_all(k) for k in st.query_params}
    )

page = st.navigation(
    [
        st.Page("pages/playground.py", title="Playground", icon="🎯", default=True),
    ]
)
settings = sidebar()
for note in st.session_state.link_notes:
    st.warning("This link had a value the app cannot use. " + note, icon="🔗")
page.run()
