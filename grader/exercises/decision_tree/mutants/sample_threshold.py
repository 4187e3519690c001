"""Splits at x <= a sample value: the same training partition, a different threshold."""
from _base import gini, split_with, tree_with  # noqa: F401

EXPECTED_MISTAKE = "threshold at a sample value"


def _score(parent, left, right):
    n = len(left) + len(right)
    g = parent - len(left) / n * gini(left) - len(right) / n * gini(right)
    return g, g


def best_split(X, y):
    return split_with(X, y, _score, lambda a, b: a)


fit_tree, predict_tree = tree_with(best_split)
