"""Plain powers x**i, without d2l's 1/i! scaling."""
import numpy as np
from _base import k_fold_indices, select_with  # noqa: F401

EXPECTED_MISTAKE = None


def polynomial_features(x, degree):
    return x[:, None] ** np.arange(degree + 1)


def select_degree(x, y, degrees, k, l2=0.0):
    return select_with(x, y, degrees, k, l2, k_fold_indices, lambda tr, te: tr)
