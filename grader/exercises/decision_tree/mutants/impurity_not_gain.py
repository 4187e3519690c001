"""Chooses the split with the lowest weighted child impurity (right) but returns that impurity as the gain."""
from _base import gini, split_with, tree_with  # noqa: F401

EXPECTED_MISTAKE = "child impurity returned as the gain"


def _score(parent, left, right):
    n = len(left) + len(right)
    child = len(left) / n * gini(left) + len(right) / n * gini(right)
    return -child, child


def best_split(X, y):
    return split_with(X, y, _score, lambda a, b: (a + b) / 2)


fit_tree, predict_tree = tree_with(best_split)
