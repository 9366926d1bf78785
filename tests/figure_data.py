"""Reading figures back in tests: Plotly sends numeric arrays base64-encoded."""

import base64

import numpy as np


def decode_array(spec):
    """A Plotly typed array (``{"dtype", "bdata", "shape"}``) as numpy; plain lists pass through."""
    if isinstance(spec, dict) and "bdata" in spec:
        a = np.frombuffer(base64.b64decode(spec["bdata"]), dtype=np.dtype(spec["dtype"]))
        shape = spec.get("shape")
        return a.reshape([int(s) for s in shape.split(",")]) if shape else a
    return np.asarray(spec)
