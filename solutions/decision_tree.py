"""A CART decision tree with Gini impurity in NumPy, like sklearn's DecisionTreeClassifier."""
from __future__ import annotations

from typing import Any

import numpy as np


def gini(y: np.ndarray) -> float:
    if len(y) == 0:
        return 0.0
    p = np.unique(y, return_counts=True)[1] / len(y)
    return float(1.0 - np.sum(p * p))


def best_split(X: np.ndarray, y: np.ndarray) -> tuple[int | None, float | None, float]:
    n, d = X.shape
    classes, yi = np.unique(y, return_inverse=True)
    onehot = np.eye(len(classes))[yi.reshape(-1)]  # (n, C)
    parent = gini(y)
    best, best_gain = (None, None, 0.0), -np.inf
    for f in range(d):
        order = np.argsort(X[:, f], kind="stable")
        x = X[order, f]  # (n,) sorted column
        left = np.cumsum(onehot[order], axis=0)[:-1]  # (n-1, C) class counts of the left child
        right = left[-1:] + onehot[order[-1]] - left  # (n-1, C) the rest
        nl = np.arange(1, n)[:, None]  # (n-1, 1)
        g_left = 1 - np.sum((left / nl) ** 2, axis=1)
        g_right = 1 - np.sum((right / (n - nl)) ** 2, axis=1)
        gain = parent - (nl[:, 0] * g_left + (n - nl[:, 0]) * g_right) / n  # (n-1,)
        valid = np.flatnonzero(x[1:] != x[:-1])  # positions where the value changes
        if len(valid) == 0:
            continue
        i = valid[np.argmax(gain[valid])]  # the first maximum: the lowest threshold
        if gain[valid].max() > best_gain + 1e-12:
            best_gain, best = gain[i], (f, float((x[i] + x[i + 1]) / 2), float(gain[i]))
    return best


def _majority(y):
    labels, counts = np.unique(y, return_counts=True)
    return int(labels[np.argmax(counts)])  # np.unique sorts: ties go to the smaller label


def fit_tree(X: np.ndarray, y: np.ndarray, max_depth: int, min_samples_split: int = 2) -> Any:
    return _grow(X, y, max_depth, min_samples_split, 0)


def _grow(X, y, max_depth, min_samples_split, depth):
    if depth >= max_depth or len(y) < min_samples_split or len(np.unique(y)) == 1:
        return {"leaf": _majority(y)}
    f, t, _ = best_split(X, y)
    if f is None:
        return {"leaf": _majority(y)}
    m = X[:, f] <= t
    return {"feature": f, "threshold": t,
            "left": _grow(X[m], y[m], max_depth, min_samples_split, depth + 1),
            "right": _grow(X[~m], y[~m], max_depth, min_samples_split, depth + 1)}


def predict_tree(tree: Any, X: np.ndarray) -> np.ndarray:
    out = np.empty(len(X), dtype=np.int64)
    rows = [(tree, np.arange(len(X)))]
    while rows:  # route whole index sets down the tree, one node at a time
        node, idx = rows.pop()
        if "leaf" in node:
            out[idx] = node["leaf"]
            continue
        m = X[idx, node["feature"]] <= node["threshold"]
        rows += [(node["left"], idx[m]), (node["right"], idx[~m])]
    return out
