"""Every cached computation of the app, in one place: what is kept, for how long, how many.

A cache entry is keyed by its arguments, so each wrapper takes plain values or arrays (never a
whole `nc.Run`); an argument whose name starts with ``_`` is left out of the key, and then the
caller passes a key of its own. Bounded and timed: a shared server does not grow without end.
"""

from __future__ import annotations

import io

import segno
import streamlit as st
from threadpoolctl import threadpool_limits

import neuron_core as nc
from neuron_core.bug_lab import train_printed
from neuron_core.controls import Settings
from neuron_core.learning_rates import Presets, compare_rates, preset_alphas
from neuron_core.lessons import BY_KEY, run_preset

# How long a preset α is checked for (Learning rates, Cost landscape): enough to show each
# behaviour, short enough that a 5 000-epoch run does not train every candidate that long.
PRESET_EPOCHS = 500
KEEP = dict(ttl=3600, show_spinner=False)


@st.cache_resource
def one_blas_thread():
    """Once per server: numpy's BLAS on one thread. Our matrices are small (m ≤ MAX_ROWS by
    n ≤ 7), so threads cost more than they save, and on a 2-CPU shared host several users'
    threads fight each other (bench/bench_app.py: defaults 0.68 s → 0.43 s a rerun)."""
    return threadpool_limits(1, user_api="blas")


@st.cache_data(max_entries=32, **KEEP)
def generated_dataset(name, points, noise, seed) -> nc.Dataset:
    """`nc.make_dataset`, once per (dataset, points, noise, seed)."""
    return nc.make_dataset(name, points, noise, seed)


@st.cache_data(max_entries=32, **KEEP)
def trained_run(key: str, _s: Settings, _data: nc.Dataset) -> nc.Run:
    """`nc.run_for`, once per ``key``, which names the settings and the data (an upload,
    the map's edits) exactly (`ui.controls.current_run`)."""
    return nc.run_for(_s, _data, reference=reference_optimum)


@st.cache_data(max_entries=32, **KEEP)
def reference_optimum(F, y, l2) -> nc.Optimum:
    """`nc.reference_optimum` once per training rows and λ: an α, epochs or start change
    trains a new run on the same rows, whose optimum is the same (scikit-learn's fit and
    the separability check were ~40 % of a run's training at the defaults)."""
    return nc.reference_optimum(F, y, l2)


@st.cache_data(max_entries=16, **KEEP)
def _presets(F, y, l2, epochs, w0, b0) -> Presets:
    return preset_alphas(F, y, l2, epochs=epochs, w0=w0, b0=b0)


def rate_presets(run: nc.Run, epochs: int) -> Presets:
    """The preset learning rates (too small, good, too large, diverging) for the run's data
    and start, each checked for ``epochs`` epochs, at most `PRESET_EPOCHS`."""
    prep = run.prepared
    return _presets(prep.F_train, prep.y_train, run.l2, min(epochs, PRESET_EPOCHS), run.w0, run.b0)


@st.cache_data(max_entries=16, **KEEP)
def rate_results(F, y, alphas, epochs, l2, w0, target, b0=0.0):
    """`compare_rates` for these α (a tuple), from (``w0``, ``b0``); ``target`` is J* or
    None."""
    return compare_rates(F, y, alphas, epochs=epochs, l2=l2, w0=w0, b0=b0, optimum_cost=target)


@st.cache_data(max_entries=16, **KEEP)
def printed_run(F, y, alpha, epochs, w0, b0=0.0):
    """The article's printed loop (`train_printed`) on these inputs, from (``w0``, ``b0``)."""
    return train_printed(F, y, alpha=alpha, epochs=epochs, w0=w0, b0=b0)


@st.cache_data(max_entries=32, **KEEP)
def preset_thumbnail(key: str, size: int = 220, cells: int = 30) -> tuple[str, str]:
    """SVG of a preset's data over its final prediction (blue ŷ≈0 … orange ŷ≈1), and its
    text alternative."""
    from neuron_core.figures.thumbnail import thumbnail_alt, thumbnail_svg  # load plotly

    run = run_preset(BY_KEY[key])
    return thumbnail_svg(run, size, cells), thumbnail_alt(run)


@st.cache_resource(max_entries=64, **KEEP)
def _qr(link: str) -> segno.QRCode:
    """The QR code of ``link`` (error correction M), encoded once for `qr_scale` and `qr_png`:
    a new link (every α a student tries is one) otherwise cost two encodings, ~8 ms each.
    Not per-user data: the link is the page's public address; the code is never mutated."""
    return segno.make(link, error="m", micro=False)


@st.cache_data(max_entries=64, **KEEP)
def qr_png(link: str, scale: int = 8) -> bytes:
    """A QR code of ``link`` as PNG bytes (error correction M, 4-module quiet zone)."""
    buf = io.BytesIO()
    _qr(link).save(buf, kind="png", scale=scale, border=4)
    return buf.getvalue()


@st.cache_data(max_entries=64, **KEEP)
def qr_scale(link: str, target_px: int) -> tuple[int, int]:
    """(pixels per module, image width) for a QR code about ``target_px`` wide.

    A whole number of pixels per module, shown at its own size: a resized QR code gets
    blurred module edges that phone cameras misread.
    """
    n = _qr(link).symbol_size(border=4)[0]
    scale = max(3, target_px // n)
    return scale, n * scale


@st.cache_data(max_entries=8, **KEEP)
def inspected_upload(raw: bytes) -> tuple[nc.CsvPreview | None, tuple[str, ...]]:
    """An uploaded file's preview, or why it cannot be read (one sentence per kind of
    problem): once per file, not per rerun."""
    try:
        return nc.inspect_csv(raw), ()
    except nc.DataError as err:
        return None, err.problems


@st.cache_data(max_entries=8, **KEEP)
def uploaded_dataset(raw: bytes, columns, positive) -> nc.Dataset:
    """The dataset of an uploaded file, parsed once per (file, columns, class) choice."""
    return nc.load_csv(raw, columns=columns, positive=positive)
