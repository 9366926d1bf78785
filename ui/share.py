"""The Share panel: the link to this exact experiment and a QR code to project."""

from __future__ import annotations

import streamlit as st

from neuron_core import export
from neuron_core.edits import link_budget_problem, upload_edits_note
from neuron_core.links import is_local, share_link
from ui.cache import qr_png, qr_scale
from ui.controls import Settings, current_data, hold_values
from ui.edits import current_edits
from ui.links import link_values, local_defaults

FALLBACK_BASE = "http://localhost:8501"


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
    """The share link for these settings and this page's own choices (presenter mode as
    now, by default); values equal to their defaults are left out."""
    page = st.session_state.get("_page_path", "") if page_path is None else page_path
    values = link_values(s, page)
    if presenter is not None:
        values["presenter"] = presenter
    return share_link(app_base_url(), page, values, local_defaults())


def _network_url(base: str) -> str | None:
    """The address other devices on this network may reach, as ``streamlit run`` prints it."""
    try:
        from streamlit.net_util import get_internal_ip
    except ImportError:  # a future Streamlit without it
        return None
    ip = get_internal_ip()
    port = base.rsplit(":", 1)[-1] if base.count(":") == 2 else "8501"
    return f"http://{ip}:{port.split('/')[0]}" if ip else None


def local_address_warning(base: str) -> None:
    """On localhost, say that students' devices cannot open the link, and what they can."""
    if not is_local(base):
        return
    net = _network_url(base)
    where = (
        f"the **Network URL** Streamlit printed when it started (probably {net})"
        if net
        else "the **Network URL** Streamlit printed when it started"
    )
    st.warning(
        "This address only works on this computer: on a student's phone or laptop, "
        "localhost is that device itself. Open the app through "
        f"{where}, on the same Wi-Fi, or use a hosted copy (e.g. on Streamlit Community "
        "Cloud), then share from there.",
        icon=":material/computer:",
    )


def lazy_popover(container, label: str, *, key: str, keep=(), **options):
    """A popover whose content the caller draws only while it is open (``.open``): opening
    it reruns the page (or the fragment that draws it), so the reruns of an α change do not
    build and send a panel nobody looks at. ``keep``: the keys of widgets inside, whose
    values would otherwise be forgotten while the panel is closed (not drawn)."""
    hold_values(keep)
    return container.popover(label, key=key, on_change="rerun", **options)


def share_panel(s: Settings, container=st) -> None:
    """'Share this experiment': the full link, a room-sized QR code, the upload caveat
    (built only while the panel is open)."""
    with (
        panel := lazy_popover(
            container,
            "Share",
            key="share_open",
            keep=("share_presenter",),
            icon=":material/share:",
            help="A link and QR code that open this exact experiment",
        )
    ):
        if not panel.open:
            return
        st.markdown("**Share this experiment**")
        if s.source == "Upload CSV":
            up = st.session_state.get("upload")
            edited = upload_edits_note(current_edits(s))
            st.warning(
                "Uploaded data cannot travel in a link. The link opens with **Upload CSV** "
                "selected; send the data file along so others can upload it."
                + (f"\n\n{edited}" if edited else ""),
                icon=":material/description:",
            )
            if up:
                data = current_data(s)
                st.download_button(
                    "Download the data (CSV)",
                    lambda: export.dataset_csv(data),
                    file_name=csv_name(up["name"]),
                    mime="text/csv",
                    on_click="ignore",
                    key="share_data_csv",
                )
        # (An upload's points never travel: said above, with its CSV.)
        too_many = s.source != "Upload CSV" and link_budget_problem(current_edits(s))
        if too_many:
            st.warning(too_many, icon=":material/scatter_plot:")
            data = current_data(s)
            st.download_button(
                "Download the data (CSV)",
                lambda: export.dataset_csv(data),
                file_name=f"{s.source.lower()}-points.csv",
                mime="text/csv",
                on_click="ignore",
                key="share_drawn_csv",
            )
        # Students open the link on phones and laptops: the normal layout, unless the teacher
        # asks for the projector's (another screen in the room, a colleague's class).
        big = st.toggle(
            "Link opens in presenter mode",
            False,
            key="share_presenter",
            help="Big type for a projector. Leave it off for students' phones and laptops.",
        )
        link = current_link(s, presenter=big)
        if st.context.url or (st.context.headers and st.context.headers.get("host")):
            local_address_warning(app_base_url())  # only where the real address is known
        st.code(link, language=None, wrap_lines=True)
        if st.button(
            "Show QR code",
            icon=":material/qr_code_2:",
            type="primary",
            key="share_show_qr",
            help="The QR code filling the screen, to scan from the back of the room.",
        ):
            qr_dialog(link)
        st.caption(
            "Everything travels in the link: data, seed, features, α, epochs, L2, start, "
            "this page and its own choices (values left at their defaults are left out)."
        )


# Big enough to scan from the back of a classroom: the image is drawn this many pixels wide
# (whole pixels per module, so its edges stay sharp) and the dialog's CSS (app.py) shows it
# at about 70 % of the window's height.
ROOM_QR_PX = 900


@st.dialog("Scan to open this experiment", width="large")
def qr_dialog(link: str) -> None:
    """The share link's QR code, filling most of the screen, with the link below it."""
    scale, _ = qr_scale(link, ROOM_QR_PX)
    st.image(
        qr_png(link, scale),
        caption="QR code of the link",
        output_format="PNG",
        alt="A QR code that opens the link below on a phone or tablet.",
    )
    st.code(link, language=None, wrap_lines=True)


def csv_name(name: str) -> str:
    """The download name for an uploaded file's data, e.g. 'grades.csv' → 'grades-data.csv'."""
    stem = name.rsplit(".", 1)[0] or "data"
    return f"{stem}-data.csv"
