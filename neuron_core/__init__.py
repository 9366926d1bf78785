"""neuron_core: one sigmoid neuron trained by batch gradient descent, and what it needs.

Pure numpy and scikit-learn; importing it loads neither plotly nor streamlit. Figure
builders live in `neuron_core.figures`, imported only by code that draws.
"""

from .csv_loader import MAX_ROWS, CsvPreview, DataError, inspect_csv, load_csv
from .datasets import DATASETS, Dataset, make_dataset, split_indices
from .experiment import (
    INITS,
    Prepared,
    Run,
    descent_problem,
    initial_state,
    initial_weights,
    prepare,
    run_experiment,
    run_for,
    smoothness,
    suggested_alpha,
)
from .export import Model, load_model
from .features import (
    FEATURE_LATEX,
    FEATURES,
    PLAIN_INPUTS,
    Standardizer,
    expand_features,
    feature_label,
    is_linear,
)
from .frames import sample_frames
from .gradcheck import GradientCheck, check_gradients
from .grids import (
    Grid,
    boundary_segment,
    data_bounds,
    make_grid,
    probability_grid,
)
from .landscape import cost_landscape
from .logistic import cost, gradients, log_loss, predict_proba, sigmoid, step
from .one_step import BatchStep, ExampleStep, batch_step, example_step, worst_example
from .reference import Optimum, reference_optimum
from .training import History, Snapshot, evaluate_path, iter_epochs, train

__all__ = [
    "DATASETS",
    "FEATURES",
    "FEATURE_LATEX",
    "INITS",
    "MAX_ROWS",
    "PLAIN_INPUTS",
    "BatchStep",
    "CsvPreview",
    "DataError",
    "Dataset",
    "ExampleStep",
    "GradientCheck",
    "Grid",
    "History",
    "Model",
    "Optimum",
    "Prepared",
    "Run",
    "Snapshot",
    "Standardizer",
    "batch_step",
    "boundary_segment",
    "check_gradients",
    "cost",
    "cost_landscape",
    "data_bounds",
    "descent_problem",
    "evaluate_path",
    "example_step",
    "expand_features",
    "feature_label",
    "gradients",
    "initial_state",
    "initial_weights",
    "inspect_csv",
    "is_linear",
    "iter_epochs",
    "load_csv",
    "load_model",
    "log_loss",
    "make_dataset",
    "make_grid",
    "predict_proba",
    "prepare",
    "probability_grid",
    "reference_optimum",
    "run_experiment",
    "run_for",
    "sample_frames",
    "sigmoid",
    "smoothness",
    "split_indices",
    "step",
    "suggested_alpha",
    "train",
    "worst_example",
]
