"""Streamlit helpers the pages share (controls, state and caches, upload, share, exports,
the live view). Pages import from here; `neuron_core` never does."""
