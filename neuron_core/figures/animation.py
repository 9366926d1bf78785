"""Play / Pause buttons and an epoch slider for a figure whose frames are named by epoch."""

from __future__ import annotations

import base64

import numpy as np
import plotly.graph_objects as go


def animation_controls(epochs, active=-1, frame_ms=80) -> dict:
    """Layout entries (``updatemenus``, ``sliders``) that animate frames named str(epoch).

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
    return dict(
        updatemenus=[
            dict(
                type="buttons",
                direction="left",
                x=0.0,
                y=-0.06,
                xanchor="left",
                yanchor="top",
                pad=dict(t=4, r=8),
                showactive=False,
                font=dict(size=16),
                buttons=[
                    dict(label="▶ Play", method="animate", args=[None, play]),
                    dict(label="❚❚ Pause", method="animate", args=[[None], pause]),
                ],
            )
        ],
        sliders=[
            dict(
                active=active if active >= 0 else len(epochs) - 1,
                x=0.24,
                len=0.76,
                y=-0.04,
                yanchor="top",
                pad=dict(t=0, b=0),
                currentvalue=dict(prefix="Epoch ", font=dict(size=16)),
                steps=steps,
                transition=dict(duration=0),
            )
        ],
    )


def typed_array(a) -> dict:
    """A float32 array in plotly.js's typed-array form (base64), a quarter of JSON's size."""
    a = np.ascontiguousarray(a, dtype=np.float32)
    return {
        "dtype": "f4",
        "bdata": base64.b64encode(a.tobytes()).decode("ascii"),
        "shape": ", ".join(str(s) for s in a.shape),
    }


def decode_array(spec):
    """Inverse of `typed_array` (plain lists pass through): for tests and exports."""
    if isinstance(spec, dict) and "bdata" in spec:
        a = np.frombuffer(base64.b64decode(spec["bdata"]), dtype=np.dtype(spec["dtype"]))
        shape = spec.get("shape")
        return a.reshape([int(s) for s in shape.split(",")]) if shape else a
    return np.asarray(spec)


class AnimatedFigure(go.Figure):
    """A `go.Figure` whose animation frames are plain dicts, added when it is serialised.

    Validating a hundred frames of grids through plotly's graph objects costs about half a
    second per rerun; the frames are built from already-checked arrays, so they skip it.
    `to_dict` (used by `st.plotly_chart`, `to_json` and `write_html`) returns them.
    """

    def __init__(self, *args, raw_frames=(), **kwargs):
        super().__init__(*args, **kwargs)
        self._raw_frames = list(raw_frames)

    def to_dict(self):
        d = super().to_dict()
        d["frames"] = self._raw_frames
        return d
