"""The `Dataset` record shared by the generators and the CSV loader."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class Dataset:
    """A 2-D binary classification dataset.

    Attributes
    ----------
    X : ndarray of shape (m, 2), float64
        One example per row.
    y : ndarray of shape (m,), int
        Labels in {0, 1}.
    name : str
        Where the data came from (generator name or file name).
    feature_names : tuple of 2 str
        Names of the two input columns.
    classes : tuple
        The two original label values; class 1 is ``classes[1]``.
    """

    X: np.ndarray
    y: np.ndarray
    name: str
    feature_names: tuple[str, str] = ("x1", "x2")
    classes: tuple = (0, 1)

    @property
    def m(self) -> int:
        """Number of examples."""
        return int(self.X.shape[0])
