"""Your own data: the CSV uploader in the sidebar, its column and class pickers, and the
cached parse. A bad file leaves an error for the page to show; the last good file stays.
"""

from __future__ import annotations

import streamlit as st

import neuron_core as nc


def upload_controls(sb):
    """File uploader plus, for wide or multi-class files, column and positive-class pickers.

    The last file that loaded stays in ``session_state.upload``; a bad file only adds an
    error message (``session_state.upload_error``), so nothing on screen is lost.
    """
    f = sb.file_uploader(
        "CSV file",
        type=["csv", "txt", "tsv"],
        key="upload_file",
        max_upload_size=5,
        help="A header row, two numeric feature columns and a label column "
        "(named label, class or target, or the last column). At most 10 000 rows.",
    )
    if f is None:
        st.session_state.pop("upload_error", None)
        return
    raw = f.getvalue()
    try:
        preview = nc.inspect_csv(raw)
    except nc.DataError as err:
        st.session_state.upload_error = f"{f.name}: {err}"
        return
    columns = positive = None
    if len(preview.columns) > 3 or len(preview.label_values) > 2:
        columns, positive = _pickers(sb, preview)
    try:
        data = nc.load_csv(raw, columns=columns, positive=positive)
    except nc.DataError as err:
        st.session_state.upload_error = f"{f.name}: {err}"
        return
    st.session_state.pop("upload_error", None)
    st.session_state.upload = dict(
        name=f.name, raw=raw, columns=columns, positive=positive, m=data.m
    )


def _pickers(sb, preview):
    cols = list(preview.columns)
    label = sb.selectbox(
        "Label column",
        cols,
        index=cols.index(preview.label_guess),
        key="csv_label",
        help="The column that holds each row's class.",
    )
    rest = [c for c in cols if c != label]
    x1 = sb.selectbox("First feature (x₁)", rest, index=0, key="csv_x1")
    x2 = sb.selectbox("Second feature (x₂)", [c for c in rest if c != x1], index=0, key="csv_x2")
    values = list(preview.label_values)
    positive = None
    if label == preview.label_guess and values:
        positive = sb.selectbox(
            "Positive class (class 1)",
            values,
            index=len(values) - 1,
            key="csv_positive",
            format_func=str,
            help="One neuron separates two classes: this one against all the others.",
        )
    return (x1, x2, label), positive


@st.cache_data(max_entries=8, ttl=3600, show_spinner=False)
def uploaded_dataset(raw: bytes, columns, positive) -> nc.Dataset:
    """The dataset of an uploaded file, parsed once per (file, columns, class) choice."""
    return nc.load_csv(raw, columns=columns, positive=positive)
