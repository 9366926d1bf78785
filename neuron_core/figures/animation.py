"""Play / Pause buttons and an epoch slider for a figure whose frames are named by epoch."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from .style import INK

# Jump straight to a frame: no tweening between epochs (heatmaps, contours and surfaces
# only repaint with redraw=True).
_NO_TRANSITION = dict(duration=0)


def animation_controls(epochs, active=-1, frame_ms=80, font=16, plot_height=700, below=62) -> dict:
    """Layout entries (``updatemenus``, ``sliders``) that animate frames named str(epoch).

    Play / Pause sit ``below`` pixels under the plotting area (clear of the lowest axis
    title) and the epoch slider runs full width under them, so neither overlaps the other
    on a narrow phone. ``plot_height`` is the plotting area's height in pixels, used to turn
    those pixel offsets into Plotly's paper units. The slider's per-step labels are hidden
    (a hundred epoch numbers are unreadable); the current epoch shows above it instead.
    """
    px = 1.0 / max(plot_height, 1)
    return dict(
        updatemenus=[_buttons(frame_ms, font, y=-below * px)],
        sliders=[
            _slider(
                epochs,
                active if active >= 0 else len(epochs) - 1,
                font,
                y=-(below + 2.6 * font) * px,
            )
        ],
    )


def _buttons(frame_ms, font, y) -> dict:
    """▶ Play (from the first frame) and ❚❚ Pause, left-aligned at paper height ``y``."""
    play = dict(
        frame=dict(duration=frame_ms, redraw=True),
        transition=_NO_TRANSITION,
        fromcurrent=False,
        mode="immediate",
    )
    pause = dict(frame=dict(duration=0, redraw=False), mode="immediate", transition=_NO_TRANSITION)
    return dict(
        type="buttons",
        direction="left",
        x=0.0,
        y=y,
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


def _slider(epochs, active, font, y) -> dict:
    """A full-width epoch slider at paper height ``y``, its step labels hidden."""
    jump = dict(mode="immediate", frame=dict(duration=0, redraw=True), transition=_NO_TRANSITION)
    return dict(
        active=active,
        x=0.0,
        len=1.0,
        y=y,
        yanchor="top",
        pad=dict(t=0, b=0, l=0, r=0),
        currentvalue=dict(prefix="Epoch ", xanchor="right", font=dict(size=font, color=INK)),
        font=dict(color="rgba(0,0,0,0)", size=8),  # hides the step labels only
        ticklen=0,
        minorticklen=0,
        tickcolor="rgba(0,0,0,0)",
        steps=[dict(method="animate", label=str(e), args=[[str(e)], jump]) for e in epochs],
        transition=_NO_TRANSITION,
    )


def compact(a) -> np.ndarray:
    """A float array as float32, which plotly sends as a base64 typed array of half
    float64's size; float64 when a value is beyond float32's range (a diverging run's
    weights), which would otherwise be sent as infinity."""
    a = np.asarray(a, dtype=float)
    wide = bool(np.any(np.abs(a[np.isfinite(a)]) > np.finfo(np.float32).max))
    return np.ascontiguousarray(a, dtype=np.float64 if wide else np.float32)


def animated_figure(
    data, layout, height, frames, moving, moves, title, *, active=-1, frame_ms=80, font=16, pad=62
) -> go.Figure:
    """A figure whose traces named ``moves`` move with the epochs.

    ``data`` (trace dicts, each with a ``name``) and ``layout`` (with ``margin``) are the
    first picture; frame ``e`` of ``frames`` replaces the ``moves`` traces by ``moving(e)``
    (in the order of ``moves``) and the title by ``title(e)``. Play/Pause and the epoch
    slider come from `animation_controls`, starting at frame ``active`` and sitting ``pad``
    pixels below the plot.
    """
    names = [t.get("name") for t in data]
    traces = [names.index(n) for n in moves]
    plot_height = height - layout["margin"]["t"] - layout["margin"]["b"]
    layout = layout | animation_controls(frames, active, frame_ms, font, plot_height, pad)
    return go.Figure(
        data=data,
        layout=layout | dict(height=height),
        frames=[
            dict(name=str(e), data=moving(e), traces=traces, layout={"title": title(e)})
            for e in frames
        ],
    )
