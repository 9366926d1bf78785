"""The figure tests' data, and reading figures back: Plotly sends numeric arrays base64-encoded."""

import base64

import numpy as np

import neuron_core as nc


def prepared(name="moons", features=("x1", "x2"), *, points=200, noise=0.1, standardize=True):
    """A generated dataset (seed 0) prepared as the app does, a quarter of it held out."""
    data = nc.make_dataset(name, points, noise, 0)
    return nc.prepare(data, features, standardize, 0.25, seed=0)


def decode_array(spec):
    """A Plotly typed array (``{"dtype", "bdata", "shape"}``) as numpy; plain lists pass through."""
    if isinstance(spec, dict) and "bdata" in spec:
        a = np.frombuffer(base64.b64decode(spec["bdata"]), dtype=np.dtype(spec["dtype"]))
        shape = spec.get("shape")
        return a.reshape([int(s) for s in shape.split(",")]) if shape else a
    return np.asarray(spec)
