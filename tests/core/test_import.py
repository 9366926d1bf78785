"""`import neuron_core` is light: the engine runs in a notebook or script without the UI stack."""

import subprocess
import sys
from pathlib import Path

import pytest

import neuron_core

CONTRACT_NAMES = [
    "sigmoid",
    "cost",
    "gradients",
    "step",
    "iter_epochs",
    "train",
    "History",
    "DATASETS",
    "make_dataset",
    "Dataset",
    "load_csv",
    "DataError",
    "MAX_ROWS",
    "FEATURES",
    "expand_features",
]


# The package, and the modules the tables and exports live in, each in a fresh interpreter.
LIGHT_MODULES = [
    "neuron_core",
    "neuron_core.lessons, neuron_core.export",
    "neuron_core.controls, neuron_core.links",
]


@pytest.mark.parametrize("modules", LIGHT_MODULES)
def test_import_loads_neither_plotly_nor_streamlit(modules):
    code = (
        f"import sys, {modules}; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'plotly', 'streamlit'}))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        cwd=root,
    )
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("name", CONTRACT_NAMES)
def test_contract_name_is_importable_from_the_package(name):
    assert hasattr(neuron_core, name)
    assert name in neuron_core.__all__
