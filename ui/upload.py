"""Your own data: the CSV uploader in the sidebar, its column and class pickers (the parse is
cached in `ui.cache`), and the one notice a bad file leaves on whatever page the learner is on.

The last file that loaded stays in ``session_state.upload``; a bad file only leaves a
message (``session_state.upload_error``), so nothing on screen is lost. When the file does
not say which column is the label, or the label has more than two classes, the pickers ask
and nothing changes until the learner answers.
"""

from __future__ import annotations

import streamlit as st

import neuron_core as nc
from neuron_core.csv_rules import MAX_COLUMNS, MAX_MEGABYTES, MAX_ROWS
from neuron_core.markdown_safe import as_text
from neuron_core.number_format import count
from ui.cache import inspected_upload, uploaded_dataset

UPLOAD_HELP = (
    "A header row, two numeric feature columns and a label column (named label, class or "
    f"target). At most {count(MAX_ROWS)} rows, {MAX_COLUMNS} columns and {MAX_MEGABYTES} MB."
)


def upload_controls(sb) -> None:
    """File uploader plus, when the file leaves them in doubt, column and class pickers."""
    f = sb.file_uploader(
        "CSV file",
        type=["csv", "txt", "tsv"],
        key="upload_file",
        max_upload_size=MAX_MEGABYTES,
        help=UPLOAD_HELP,
    )
    if f is None:
        st.session_state.pop("upload_error", None)
        return
    raw = f.getvalue()
    preview, problems = inspected_upload(raw)
    if problems:
        st.session_state.upload_error = (f.name, problems)
        return
    if preview.index_column is not None:
        sb.caption(_index_note(preview.index_column))
    columns = positive = None
    if _in_doubt(preview):
        choice = _pickers(sb, preview)
        if choice is None:  # a question is open: keep what is on screen
            st.session_state.pop("upload_error", None)
            return
        columns, positive = choice
    if note := preview.merge_of(columns[2] if columns else preview.label_guess):
        sb.caption(f":material/call_merge: {as_text(note)}")
    try:
        uploaded_dataset(raw, columns, positive)
    except nc.DataError as err:
        st.session_state.upload_error = (f.name, err.problems)
        return
    st.session_state.pop("upload_error", None)
    st.session_state.upload = dict(name=f.name, raw=raw, columns=columns, positive=positive)


def upload_notice() -> None:
    """Show why the last file could not be used; `app.py` calls it on every page.

    The message is taken, not read: `upload_controls` sets it again on every run while the
    bad file sits in the uploader, and no page shows it a second time.
    """
    if said := st.session_state.pop("upload_error", None):
        name, problems = said
        kept = (
            "The previous data is still shown."
            if st.session_state.get("upload")
            else "Until a file loads, the generated dataset is shown."
        )
        st.error(_problems_text(name, problems, kept), icon=":material/description:")


def _problems_text(name: str, problems: tuple[str, ...], kept: str) -> str:
    """The notice's Markdown: the file's name and its problems (one line each), as text."""
    if len(problems) == 1:
        return f"That file could not be used. {as_text(name)}: {as_text(problems[0])}  \n{kept}"
    listed = "\n".join(f"- {as_text(p)}" for p in problems)
    return (
        f"That file could not be used: {as_text(name)} has {len(problems)} kinds of problems. "
        f"Fix them all and upload it again.\n\n{listed}\n\n{kept}"
    )


def _index_note(column: str) -> str:
    """The caption for a skipped index column (a pandas index has no name in the header)."""
    which = f"Column “{as_text(column)}”" if column else "The first column (no name in the header)"
    return f":material/format_list_numbered: {which} holds row numbers, so it is not used."


def _in_doubt(preview: nc.CsvPreview) -> bool:
    """Whether the learner must say which columns (or which class) to use."""
    return (
        len(preview.usable) > 3
        or len(preview.label_choices) != 1
        or preview.count_of(preview.label_guess) > 2
    )


def _pickers(sb, preview: nc.CsvPreview):
    """Label, feature and positive-class pickers; ``None`` while a question is unanswered."""
    cols = list(preview.usable)
    clear = len(preview.label_choices) == 1
    if not clear:
        sb.info(_label_question(preview), icon=":material/help:")
    label = sb.selectbox(
        "Label column",
        cols,
        index=cols.index(preview.label_guess) if clear else None,
        placeholder="Choose the label column",
        key="csv_label",
        help="The column that holds each row's class.",
    )
    if label is None:
        return None
    rest = [c for c in cols if c != label]
    x1 = sb.selectbox("First feature (x₁)", rest, key="csv_x1")
    x2 = sb.selectbox("Second feature (x₂)", [c for c in rest if c != x1], key="csv_x2")
    n = preview.count_of(label)
    if n <= 2:
        return (x1, x2, label), None
    values = list(preview.values_of(label))
    if n > len(values):  # more values than a picker can list: not a class column
        sb.warning(
            f"“{as_text(label)}” holds {count(n)} different values: that looks like a measurement, "
            "not a class. Choose the column that holds each row's class.",
            icon=":material/help:",
        )
        return None
    positive = sb.selectbox(
        "Positive class (class 1)",
        values,
        index=len(values) - 1,
        key="csv_positive",
        format_func=str,
        help="One neuron separates two classes: this one against all the others.",
    )
    return (x1, x2, label), positive


def _label_question(preview: nc.CsvPreview) -> str:
    names = [f"“{as_text(c)}”" for c in preview.label_choices]
    if not names:
        return "Which column holds each row's class? No column is named label, class or target."
    listed = ", ".join(names[:-1]) + " or " + names[-1]
    return f"Which column holds each row's class: {listed}?"


def stop_if_too_large(prep: nc.Prepared, l2: float) -> None:
    """Explain and stop the page when these inputs are too large for gradient descent
    (only an uploaded file, unstandardised, gets there); see `nc.descent_problem`."""
    if why := nc.descent_problem(prep.F_train, l2):
        st.error(why, icon=":material/straighten:")
        st.stop()
