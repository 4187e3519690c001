"""The children's impurities averaged, not weighted by their sizes."""
from _base import gini, split_with, tree_with  # noqa: F401

EXPECTED_MISTAKE = "unweighted child impurity"


def _score(parent, left, right):
    g = parent - (gini(left) + gini(right)) / 2
    return g, g


def best_split(X, y):
    return split_with(X, y, _score, lambda a, b: (a + b) / 2)


fit_tree, predict_tree = tree_with(best_split)
