"""The remainder piled into the last fold."""
import numpy as np
from _base import polynomial_features, select_with  # noqa: F401

EXPECTED_MISTAKE = "folds of unequal coverage"


def k_fold_indices(n, k, rng=None):
    order = np.arange(n) if rng is None else rng.permutation(n)
    m, out = n // k, []
    for i in range(k):
        stop = n if i == k - 1 else (i + 1) * m
        out.append((np.concatenate([order[:i * m], order[stop:]]), order[i * m:stop]))
    return out


def select_degree(x, y, degrees, k, l2=0.0):
    return select_with(x, y, degrees, k, l2, k_fold_indices, lambda tr, te: tr)
