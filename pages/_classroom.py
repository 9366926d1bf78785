"""Classroom kit for pages: lesson presets, the share panel with its QR code, exports.

Presets are applied in a button or selectbox callback, which runs before the sidebar
draws its widgets, so the widgets (and through ``bind="query-params"`` the URL) show the
preset at once.
"""

from __future__ import annotations

import io
from dataclasses import asdict

import numpy as np
import segno
import streamlit as st

import neuron_core as nc
from neuron_core import export
from neuron_core.presets import BY_KEY, PRESETS, Preset, run_preset
from pages._controls import FEATURE_LABELS, Settings, current_data, presenting
from pages._links import share_link

FALLBACK_BASE = "http://localhost:8501"


# ---------------------------------------------------------------- presets
def apply_preset(key: str) -> None:
    """Set every shared control to the preset's value (call from a widget callback)."""
    for name, value in BY_KEY[key].settings().items():
        st.session_state[name] = list(value) if name == "features" else value


def _pick_changed() -> None:
    key = st.session_state.get("preset_pick")
    if key:
        apply_preset(key)
    st.session_state.preset_pick = None  # a picker, not a state: ready for the next lesson


def settings_values(s: Settings) -> dict:
    """Settings as control key → value, the way presets and links hold them."""
    return asdict(s)


def matching_preset(s: Settings) -> Preset | None:
    """The preset whose every control equals the current settings, if any."""
    now = settings_values(s)
    for p in PRESETS:
        want = p.settings()
        if all(_same(now[k], want[k]) for k in want if k != "init_seed" or want["init"] != "zeros"):
            return p
    return None


def _same(a, b) -> bool:
    if isinstance(b, float) or isinstance(a, float):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))
    if isinstance(b, tuple | list):
        return tuple(a) == tuple(b)
    return a == b


def preset_picker(container=st) -> None:
    """A compact selectbox that loads a lesson preset into every control."""
    container.selectbox(
        "Lesson preset",
        [p.key for p in PRESETS],
        index=None,
        key="preset_pick",
        format_func=lambda k: f"{BY_KEY[k].icon} {BY_KEY[k].title}",
        placeholder="Load a lesson preset…",
        on_change=_pick_changed,
        label_visibility="collapsed",
        help="Sets every control to a scenario from the Lesson presets page.",
    )


def preset_note(s: Settings) -> None:
    """While the controls match a preset, show what to notice and what to ask."""
    p = matching_preset(s)
    if p is None:
        return
    st.info(
        f"**{p.icon} {p.title}.** {p.notice}  \n**Ask the class:** {p.question}",
        icon="🧑‍🏫",
    )


# ---------------------------------------------------------------- share
def app_base_url() -> str:
    """The app's address without page path or query (from the browser, else the host)."""
    url = (st.context.url or "").split("?")[0].rstrip("/")
    page = st.session_state.get("_page_path", "")
    if url and page and url.endswith("/" + page):
        url = url[: -len(page) - 1]
    if url:
        return url
    host = st.context.headers.get("host") if st.context.headers else None
    return f"http://{host}" if host else FALLBACK_BASE


def current_link(s: Settings, page_path: str | None = None, presenter: bool | None = None) -> str:
    """The share link for these settings on this page (presenter mode as now, by default)."""
    values = {**settings_values(s), "presenter": presenting() if presenter is None else presenter}
    page = st.session_state.get("_page_path", "") if page_path is None else page_path
    return share_link(app_base_url(), page, values)


@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def qr_png(link: str, scale: int = 8) -> bytes:
    """A QR code of ``link`` as PNG bytes (error correction M, 4-module quiet zone)."""
    buf = io.BytesIO()
    segno.make(link, error="m", micro=False).save(buf, kind="png", scale=scale, border=4)
    return buf.getvalue()


@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def qr_scale(link: str, target_px: int) -> tuple[int, int]:
    """(pixels per module, image width) for a QR code about ``target_px`` wide.

    A whole number of pixels per module, shown at its own size: a resized QR code gets
    blurred module edges that phone cameras misread.
    """
    n = segno.make(link, error="m", micro=False).symbol_size(border=4)[0]
    scale = max(3, target_px // n)
    return scale, n * scale


def share_panel(s: Settings, container=st) -> None:
    """'Share this experiment': the full link, a QR code to project, the upload caveat."""
    with container.popover("🔗 Share", help="A link and QR code that open this exact experiment"):
        st.markdown("**Share this experiment**")
        if s.source == "Upload CSV":
            up = st.session_state.get("upload")
            st.warning(
                "Uploaded data cannot travel in a link. The link opens with **Upload CSV** "
                "selected; send the data file along so others can upload it.",
                icon="📄",
            )
            if up:
                data = current_data(s)
                st.download_button(
                    "Download the data (CSV)",
                    lambda: export.dataset_csv(data),
                    file_name=_csv_name(up["name"]),
                    mime="text/csv",
                    on_click="ignore",
                    key="share_data_csv",
                )
        # No key: the switch follows presenter mode until the teacher flips it.
        big = st.toggle(
            "Link opens in presenter mode",
            presenting(),
            help="Big type for a projector. Students on phones usually want it off.",
        )
        link = current_link(s, presenter=big)
        # Fits a 720-px-high projector and scans from afar; PNG, never JPEG (artefacts).
        scale, px = qr_scale(link, 330)
        st.image(
            qr_png(link, scale),
            width=px,
            caption="QR code of the link below",
            output_format="PNG",
        )
        st.code(link, language=None, wrap_lines=True)
        st.caption(
            "Everything travels in the link: data, seed, features, α, epochs, L2, start, "
            "presenter mode and this page. Scan the code to open it on a phone or tablet."
        )


def _csv_name(name: str) -> str:
    stem = name.rsplit(".", 1)[0] or "data"
    return f"{stem}-data.csv"


# ---------------------------------------------------------------- exports
def file_stem(s: Settings) -> str:
    """A file name that says what the run was, e.g. 'moons-seed0-alpha0.5-300ep'."""
    up = st.session_state.get("upload")
    data = _csv_name(up["name"])[:-9] if s.source == "Upload CSV" and up else s.dataset
    return f"{data}-seed{s.seed}-alpha{s.alpha:g}-{s.epochs}ep"


def export_panel(s: Settings, run: nc.Run, theme=None, container=st) -> None:
    """Download buttons; each file is built only when its button is clicked."""
    stem = file_stem(s)
    data = run.prepared.data
    settings = settings_values(s)
    with container.popover("⬇️ Export", help="Take the data, the run and the animation away"):
        st.markdown("**Export**")
        st.download_button(
            "Dataset (CSV)",
            lambda: export.dataset_csv(data),
            file_name=f"{stem}-data.csv",
            mime="text/csv",
            on_click="ignore",
            key="export_data",
            help="Every point (training and test) with its 0/1 label; loads back into the app.",
        )
        st.download_button(
            "Training history (CSV)",
            lambda: export.history_csv(run),
            file_name=f"{stem}-history.csv",
            mime="text/csv",
            on_click="ignore",
            key="export_history",
            help="Per epoch: each weight, b, cost, accuracies and test cost.",
        )
        st.download_button(
            "Trained model (JSON)",
            lambda: export.model_json(run, settings=settings),
            file_name=f"{stem}-model.json",
            mime="application/json",
            on_click="ignore",
            key="export_model",
            help="Features, standardisation, w, b, α, epochs. "
            "Load it with neuron_core.export.load_model and predict_proba.",
        )
        st.download_button(
            "Animation (offline HTML, ~6 MB)",
            lambda: animation_html(run, theme),
            file_name=f"{stem}-animation.html",
            mime="text/html",
            on_click="ignore",
            key="export_html",
            help="The three views with Play and the epoch slider, in one file that plays "
            "without internet.",
        )


def animation_html(run: nc.Run, theme=None) -> str:
    """The Playground figure for ``run`` as one standalone HTML page."""
    from neuron_core.figures import playground_figure
    from neuron_core.figures.html import standalone_html

    h = run.history
    fig = playground_figure(run, nc.sample_frames(h.cost, 100), shown=0, theme=theme)
    data = run.prepared.data
    return standalone_html(
        fig,
        title=f"Neuron Playground: {data.name}",
        description=(
            f"One sigmoid neuron on '{data.name}' with inputs "
            f"{', '.join(FEATURE_LABELS[f] for f in run.prepared.features)}, "
            f"α = {run.alpha:g}, λ = {run.l2:g}, {h.epochs} epochs. Press Play to watch the "
            "decision boundary, the sigmoid surface and the cost change epoch by epoch."
        ),
    )


# ---------------------------------------------------------------- thumbnails
@st.cache_data(max_entries=32, ttl=3600, show_spinner=False)
def preset_thumbnail(key: str, size: int = 220, cells: int = 30) -> str:
    """SVG of a preset's data over its final prediction (blue ŷ≈0 … orange ŷ≈1)."""
    run = run_preset(BY_KEY[key])
    return thumbnail_svg(run, size, cells)


def thumbnail_svg(run: nc.Run, size: int = 220, cells: int = 18) -> str:
    """A small picture of a run: shaded final ŷ on a coarse grid, points as ● and ■."""
    from neuron_core.figures.style import CLASS_COLORS

    X, y = run.prepared.data.X, run.prepared.data.y
    lo, hi = X.min(axis=0), X.max(axis=0)
    pad = 0.08 * (hi - lo)
    lo, hi = lo - pad, hi + pad
    edges = [np.linspace(lo[j], hi[j], cells + 1) for j in range(2)]
    mids = [(e[:-1] + e[1:]) / 2 for e in edges]
    g1, g2 = np.meshgrid(mids[0], mids[1])
    h = run.history
    P = nc.predict_proba(h.w[-1], h.b[-1], run.prepared.inputs(np.c_[g1.ravel(), g2.ravel()]))
    c = size / cells

    def px(p):
        return (p[0] - lo[0]) / (hi[0] - lo[0]) * size, (hi[1] - p[1]) / (hi[1] - lo[1]) * size

    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{size}' height='{size}' "
        f"viewBox='0 0 {size} {size}'><rect width='{size}' height='{size}' fill='#f7f7f7'/>"
    ]
    for k, p in enumerate(P):
        i, j = k % cells, k // cells
        parts.append(
            f"<rect x='{i * c:.1f}' y='{size - (j + 1) * c:.1f}' width='{c + 0.5:.1f}' "
            f"height='{c + 0.5:.1f}' fill='{_shade(p)}'/>"
        )
    r = 2.6
    for p, label in zip(X, y, strict=True):
        x0, y0 = px(p)
        col = CLASS_COLORS[int(label)]
        if label:
            parts.append(
                f"<rect x='{x0 - r:.1f}' y='{y0 - r:.1f}' width='{2 * r:.1f}' "
                f"height='{2 * r:.1f}' fill='{col}'/>"
            )
        else:
            parts.append(f"<circle cx='{x0:.1f}' cy='{y0:.1f}' r='{r:.1f}' fill='{col}'/>")
    parts.append("</svg>")
    return "".join(parts)


def _shade(p: float) -> str:
    # The Playground's scale: pale blue (ŷ = 0) → near-white (0.5) → pale orange (1).
    lo, mid, hi = np.array([143, 195, 230]), np.array([247, 247, 247]), np.array([245, 184, 143])
    rgb = mid + (lo - mid) * (1 - 2 * p) if p < 0.5 else mid + (hi - mid) * (2 * p - 1)
    return "#{:02x}{:02x}{:02x}".format(*np.clip(rgb, 0, 255).astype(int))
