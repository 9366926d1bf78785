"""Play / Pause buttons and an epoch slider for a figure whose frames are named by epoch."""

from __future__ import annotations

import base64

import numpy as np
import plotly.graph_objects as go
from _plotly_utils.utils import convert_to_base64


def animation_controls(epochs, active=-1, frame_ms=80, font=16, plot_height=700, below=62) -> dict:
    """Layout entries (``updatemenus``, ``sliders``) that animate frames named str(epoch).

    Play / Pause sit ``below`` pixels under the plotting area (clear of the lowest axis
    title) and the epoch slider runs full width under them, so neither overlaps the other
    on a narrow phone. ``plot_height`` is the plotting area's height in pixels, used to turn
    those pixel offsets into Plotly's paper units. The slider's per-step labels are hidden
    (a hundred epoch numbers are unreadable); the current epoch shows above it instead.
    Heatmaps, contours and surfaces only repaint with ``redraw=True``.
    """
    play = dict(
        frame=dict(duration=frame_ms, redraw=True),
        transition=dict(duration=0),
        fromcurrent=False,
        mode="immediate",
    )
    pause = dict(
        frame=dict(duration=0, redraw=False), mode="immediate", transition=dict(duration=0)
    )
    steps = [
        dict(
            method="animate",
            label=str(e),
            args=[
                [str(e)],
                dict(
                    mode="immediate",
                    frame=dict(duration=0, redraw=True),
                    transition=dict(duration=0),
                ),
            ],
        )
        for e in epochs
    ]
    px = 1.0 / max(plot_height, 1)
    return dict(
        updatemenus=[
            dict(
                type="buttons",
                direction="left",
                x=0.0,
                y=-below * px,
                xanchor="left",
                yanchor="top",
                pad=dict(t=0, r=8),
                showactive=False,
                font=dict(size=font),
                buttons=[
                    dict(label="▶ Play", method="animate", args=[None, play]),
                    dict(label="❚❚ Pause", method="animate", args=[[None], pause]),
                ],
            )
        ],
        sliders=[
            dict(
                active=active if active >= 0 else len(epochs) - 1,
                x=0.0,
                len=1.0,
                y=-(below + 2.6 * font) * px,
                yanchor="top",
                pad=dict(t=0, b=0, l=0, r=0),
                currentvalue=dict(
                    prefix="Epoch ", xanchor="right", font=dict(size=font, color="#111111")
                ),
                font=dict(color="rgba(0,0,0,0)", size=8),  # hides the step labels only
                ticklen=0,
                minorticklen=0,
                tickcolor="rgba(0,0,0,0)",
                steps=steps,
                transition=dict(duration=0),
            )
        ],
    )


def typed_array(a) -> dict:
    """A float32 array in plotly.js's typed-array form (base64), a quarter of JSON's size.

    float64 when a value is beyond float32's range (a diverging run's weights), which would
    otherwise be sent as infinity.
    """
    a = np.asarray(a, dtype=float)
    wide = bool(np.any(np.abs(a[np.isfinite(a)]) > np.finfo(np.float32).max))
    a = np.ascontiguousarray(a, dtype=np.float64 if wide else np.float32)
    return {
        "dtype": "f8" if wide else "f4",
        "bdata": base64.b64encode(a.tobytes()).decode("ascii"),
        "shape": ", ".join(str(s) for s in a.shape),
    }


class AnimatedFigure(go.Figure):
    """A `go.Figure` whose bulk (traces, layout, animation frames) is plain dicts.

    Validating a figure this size through plotly's graph objects costs a few tenths of a
    second per rerun; these parts are built from already-checked arrays, so they skip it.
    `to_dict` (used by `st.plotly_chart`, `to_json` and `write_html`) puts the raw traces
    first, then any added the usual way, and merges the raw layout under the validated one
    (so ``fig.update_layout(...)`` still wins). Numpy arrays in the traces become typed
    arrays, as plotly's own `to_dict` does. The raw parts are shared, not copied: do not mutate the
    returned dict.
    """

    def __init__(self, *args, raw_frames=(), raw_data=(), raw_layout=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._raw_frames = list(raw_frames)
        self._raw_data = list(raw_data)
        self._raw_layout = dict(raw_layout or {})
        convert_to_base64(self._raw_data)  # layouts hold no arrays worth encoding

    def to_dict(self):
        d = super().to_dict()
        d["data"] = self._raw_data + d["data"]
        d["layout"] = _merged(self._raw_layout, d["layout"])
        d["frames"] = self._raw_frames
        return d


def _merged(base: dict, top: dict) -> dict:
    """``base`` updated by ``top``, recursively for nested dicts (neither is changed)."""
    out = dict(base)
    for k, v in top.items():
        out[k] = _merged(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def animated_figure(
    data, layout, height, frames, moving, traces, title, *, active=-1, frame_ms=80, font=16, pad=62
) -> AnimatedFigure:
    """Assemble an `AnimatedFigure` whose ``traces`` move with the epochs.

    ``data`` and ``layout`` are the raw first picture (``layout`` holds ``margin`` and
    ``template``); frame ``e`` of ``frames`` replaces ``traces`` by ``moving(e)`` and the
    title by ``title(e)``. Play/Pause and the epoch slider come from `animation_controls`,
    starting at frame ``active`` and sitting ``pad`` pixels below the plot.
    """
    plot_height = height - layout["margin"]["t"] - layout["margin"]["b"]
    layout.update(animation_controls(frames, active, frame_ms, font, plot_height, pad))
    return AnimatedFigure(
        layout=dict(height=height, template=layout.pop("template")),
        raw_data=data,
        raw_layout=layout,
        raw_frames=[
            dict(name=str(e), data=moving(e), traces=traces, layout={"title": title(e)})
            for e in frames
        ],
    )
