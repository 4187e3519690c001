"""d2l's get_k_fold_data read as indices: folds of n // k, the last n % k samples in no fold, test or train."""
import numpy as np
from _base import polynomial_features, select_with  # noqa: F401

EXPECTED_MISTAKE = "folds of unequal coverage"


def k_fold_indices(n, k, rng=None):
    order = np.arange(n) if rng is None else rng.permutation(n)
    m = n // k
    parts = [order[j * m:(j + 1) * m] for j in range(k)]
    return [(np.concatenate([parts[j] for j in range(k) if j != i]), parts[i]) for i in range(k)]


def select_degree(x, y, degrees, k, l2=0.0):
    return select_with(x, y, degrees, k, l2, k_fold_indices, lambda tr, te: tr)
