"""Exports for the Playground: the data, the training history, the model, the animation.

Each file is built only when its download button is clicked.
"""

from __future__ import annotations

from dataclasses import asdict

import streamlit as st

import neuron_core as nc
from neuron_core import export
from neuron_core.control_kinds import number_text
from neuron_core.number_format import setting
from ui.controls import FEATURE_LABELS, Settings
from ui.share import csv_name, lazy_popover


def file_stem(s: Settings) -> str:
    """A file name that says what the run was, e.g. 'moons-seed0-alpha0.5-300ep'."""
    up = st.session_state.get("upload")
    data = csv_name(up["name"])[:-9] if s.source == "Upload CSV" and up else s.dataset
    return f"{data}-seed{s.seed}-alpha{number_text(s.alpha)}-{s.epochs}ep"  # ASCII, as a link


def export_panel(s: Settings, run: nc.Run, theme=None, container=st) -> None:
    """Download buttons; each file is built only when its button is clicked, the buttons
    only while the panel is open."""
    stem = file_stem(s)
    data = run.prepared.data
    settings = asdict(s)
    with (
        panel := lazy_popover(
            container,
            "Export",
            key="export_open",
            icon=":material/download:",
            help="Take the data, the run and the animation away",
        )
    ):
        if not panel.open:
            return
        st.markdown("**Export**")
        # (label, builder, file suffix, mime type, key, help): one button each.
        files = (
            ("Dataset (CSV)", lambda: export.dataset_csv(data), "data.csv", "text/csv",
             "export_data",
             "Every point (training and test) with its 0/1 label; loads back into the app."),
            ("Training history (CSV)", lambda: export.history_csv(run), "history.csv",
             "text/csv", "export_history",
             "Per epoch: each weight, b, cost, accuracies and test cost."),
            ("Trained model (JSON)", lambda: export.model_json(run, settings=settings),
             "model.json", "application/json", "export_model",
             "Features, standardisation, w, b, α, epochs. "
             "In Python: neuron_core.load_model(file).predict_proba(points)."),
            ("Animation (offline HTML)", lambda: animation_html(run, theme),
             "animation.html", "text/html", "export_html",
             "The three views with Play, every epoch, in one small file that plays "
             "without internet."),
        )  # fmt: skip
        for label, build, suffix, mime, key, tip in files:
            st.download_button(
                label,
                build,
                file_name=f"{stem}-{suffix}",
                mime=mime,
                on_click="ignore",
                key=key,
                help=tip,
            )


def animation_html(run: nc.Run, theme=None) -> str:
    """The Playground's live view for ``run`` as one standalone HTML page that plays offline."""
    from neuron_core.figures.live_view import live_view_payload, offline_html

    h, data = run.history, run.prepared.data
    labels = [FEATURE_LABELS[f] for f in run.prepared.features]
    payload = live_view_payload(run, theme=theme, feature_labels=labels)
    return offline_html(
        payload,
        title=f"Neuron Playground: {data.name}",
        description=(
            f"One sigmoid neuron on '{data.name}' with inputs {', '.join(labels)}, "
            f"α = {setting(run.alpha)}, λ = {setting(run.l2)}, {h.epochs} epochs. Press Play to "
            "watch the "
            "decision boundary, the sigmoid surface and the cost change epoch by epoch."
        ),
    )
