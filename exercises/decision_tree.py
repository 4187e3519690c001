"""A CART decision tree with Gini impurity in NumPy, like sklearn's DecisionTreeClassifier."""
from __future__ import annotations

from typing import Any

import numpy as np


def gini(y: np.ndarray) -> float:
    """Gini impurity of integer labels: 1 - sum_k p_k^2, p_k the fraction of samples of class k.

    Args:
        y: shape (n,), non-negative integer labels (any values, not necessarily 0..C-1). n may be 0.

    Returns:
        A Python float; 0.0 for an empty y and for a pure node.
    """
    # TODO: class counts -> proportions -> 1 - sum of squares.
    raise NotImplementedError("decision_tree: implement gini in exercises/decision_tree.py")


def best_split(X: np.ndarray, y: np.ndarray) -> tuple[int | None, float | None, float]:
    """The best axis-aligned split of one node by Gini gain.

    Candidates: for every feature f, the midpoints t = (a + b) / 2 between consecutive DISTINCT
    sorted values a < b of X[:, f] (never a sample value itself). The left child is
    X[:, f] <= t, the right child X[:, f] > t. The gain of a split is

        gain = gini(y) - (n_L / n) * gini(y_left) - (n_R / n) * gini(y_right)

    (children weighted by their share of the n samples). Return the candidate with the largest
    gain; ties (gains within 1e-12) go to the lower feature index, then to the lower threshold.
    A gain of 0 is still a split when it is the best there is.

    Args:
        X: shape (n, d), float64, n >= 1.
        y: shape (n,), integer labels.

    Returns:
        (feature, threshold, gain) as (int, float, float), or (None, None, 0.0) when no feature
        has two distinct values.

    Rules:
        - Do not modify X or y.
        - NumPy only: do not import torch, sklearn or scipy.
        - The speed check times best_split on X of shape (2000, 10) with 3 classes against
          fitting sklearn's DecisionTreeClassifier(max_depth=1) (limit 10x): one sort per feature
          and cumulative class counts are fast enough; recomputing the impurity of both children
          with a mask for every candidate threshold is not.
    """
    # TODO: per feature: sort, cumulative one-hot class counts, gains at the positions where the
    #       sorted value changes, midpoint thresholds; keep the first largest gain.
    raise NotImplementedError("decision_tree: implement best_split in exercises/decision_tree.py")


def fit_tree(X: np.ndarray, y: np.ndarray, max_depth: int, min_samples_split: int = 2) -> Any:
    """Grow a CART classification tree greedily with best_split.

    A node (the root has depth 0) becomes a leaf when depth == max_depth, when it has fewer than
    min_samples_split samples, when it is pure, or when best_split finds no split; otherwise it is
    split at best_split(X_node, y_node) and both children are grown with depth + 1. A leaf
    predicts the majority label of its samples, ties to the SMALLER label. This is scikit-learn's
    DecisionTreeClassifier(criterion="gini", max_depth=max_depth,
    min_samples_split=min_samples_split) up to how it breaks ties between equal gains.

    Args:
        X: shape (n, d), float64; y: shape (n,), integer labels; max_depth >= 0 (0: a single leaf);
        min_samples_split >= 2.

    Returns:
        The tree, in any representation you like (nested dicts, tuples, a class): only your
        predict_tree reads it.
    """
    # TODO: a recursive helper (X, y, depth) -> leaf label or (feature, threshold, left, right).
    raise NotImplementedError("decision_tree: implement fit_tree in exercises/decision_tree.py")


def predict_tree(tree: Any, X: np.ndarray) -> np.ndarray:
    """Predict with a tree from fit_tree: each row goes left when X[i, feature] <= threshold.

    Args:
        tree: what fit_tree returned; X: shape (m, d), float64.

    Returns:
        An np.int64 array of shape (m,): the label of the leaf each row reaches.
    """
    # TODO: walk each row from the root to a leaf.
    raise NotImplementedError("decision_tree: implement predict_tree in exercises/decision_tree.py")
