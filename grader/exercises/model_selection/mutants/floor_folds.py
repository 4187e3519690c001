"""Folds of n // k samples each: the last n % k samples are never in a test fold."""
import numpy as np
from _base import polynomial_features, select_with  # noqa: F401

EXPECTED_MISTAKE = "folds of unequal coverage"


def k_fold_indices(n, k, rng=None):
    order = np.arange(n) if rng is None else rng.permutation(n)
    m = n // k
    return [(np.concatenate([order[:i * m], order[(i + 1) * m:]]), order[i * m:(i + 1) * m]) for i in range(k)]


def select_degree(x, y, degrees, k, l2=0.0):
    return select_with(x, y, degrees, k, l2, k_fold_indices, lambda tr, te: tr)
