"""Fits every fold's model on all the data, test fold included."""
import numpy as np
from _base import k_fold_indices, polynomial_features, select_with  # noqa: F401

EXPECTED_MISTAKE = "test fold leaking into the fit"


def select_degree(x, y, degrees, k, l2=0.0):
    return select_with(x, y, degrees, k, l2, k_fold_indices, lambda tr, te: np.arange(len(x)))
