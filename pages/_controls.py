"""Kept so older imports keep working: the shared controls live in `ui.controls`."""

from ui.controls import (  # noqa: F401
    ALPHAS,
    DATASET_LABELS,
    DEFAULTS,
    EPOCHS,
    FEATURE_LABELS,
    L2S,
    SOURCES,
    Settings,
    current_data,
    current_run,
    current_settings,
    current_theme,
    presenting,
    sidebar,
)
