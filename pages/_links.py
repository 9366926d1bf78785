"""Kept so older imports keep working: links are read and written by `neuron_core.links`."""

from neuron_core.links import (  # noqa: F401
    link_pairs,
    read_link,
    share_link,
    share_query,
    values_from_link,
)
