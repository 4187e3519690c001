"""The tutorials' find_best_split: thresholds from np.unique (sample values), the weighted child Gini minimised and
returned in the gain's place."""
import numpy as np
from _base import gini, tree_with

EXPECTED_MISTAKE = "child impurity returned as the gain"


def best_split(X, y):
    n = len(y)
    best = (None, None, 0.0)
    best_child = np.inf
    for f in range(X.shape[1]):
        for t in np.unique(X[:, f])[:-1]:
            left, right = y[X[:, f] <= t], y[X[:, f] > t]
            child = len(left) / n * gini(left) + len(right) / n * gini(right)
            if child < best_child - 1e-12:
                best_child, best = child, (f, float(t), float(child))
    return best


fit_tree, predict_tree = tree_with(best_split)
