"""Correct but slow: every candidate threshold's children recomputed with a mask."""
import numpy as np

TOO_SLOW = True


def gini(y):
    if len(y) == 0:
        return 0.0
    _, counts = np.unique(y, return_counts=True)
    return float(1 - ((counts / len(y)) ** 2).sum())


def best_split(X, y):
    n, best, best_gain = len(y), (None, None, 0.0), -np.inf
    parent = gini(y)
    for f in range(X.shape[1]):
        values = np.unique(X[:, f])
        for t in (values[:-1] + values[1:]) / 2:
            m = X[:, f] <= t
            g = parent - m.sum() / n * gini(y[m]) - (n - m.sum()) / n * gini(y[~m])
            if g > best_gain + 1e-12:
                best_gain, best = g, (f, float(t), float(g))
    return best


class Node:
    def __init__(self, label=None, feature=None, threshold=None, left=None, right=None):
        self.label, self.feature, self.threshold, self.left, self.right = label, feature, threshold, left, right


def fit_tree(X, y, max_depth, min_samples_split=2):
    def grow(idx, depth):
        labels, counts = np.unique(y[idx], return_counts=True)
        leaf = Node(label=int(labels[np.argmax(counts)]))
        if depth == max_depth or len(idx) < min_samples_split or len(labels) == 1:
            return leaf
        f, t, _ = best_split(X[idx], y[idx])
        if f is None:
            return leaf
        m = X[idx, f] <= t
        return Node(feature=f, threshold=t, left=grow(idx[m], depth + 1), right=grow(idx[~m], depth + 1))
    return grow(np.arange(len(y)), 0)


def predict_tree(tree, X):
    def one(row):
        node = tree
        while node.label is None:
            node = node.left if row[node.feature] <= node.threshold else node.right
        return node.label
    return np.array([one(row) for row in X], dtype=np.int64)
