"""All features at once: one argsort of the whole matrix, class counts by cumulative sums along axis 0."""
import numpy as np


def gini(y):
    if y.size == 0:
        return 0.0
    counts = np.bincount(np.unique(y, return_inverse=True)[1].reshape(-1))
    return float(1 - np.dot(counts, counts) / y.size ** 2)


def best_split(X, y):
    n, d = X.shape
    _, yi = np.unique(y, return_inverse=True)
    yi = yi.reshape(-1)
    C = yi.max() + 1
    order = np.argsort(X, axis=0, kind="stable")  # (n, d)
    xs = np.take_along_axis(X, order, axis=0)  # (n, d)
    onehot = (yi[order][..., None] == np.arange(C)).astype(np.float64)  # (n, d, C)
    left = np.cumsum(onehot, axis=0)[:-1]  # (n-1, d, C)
    right = left[-1:] * 0 + np.bincount(yi, minlength=C) - left
    nl = np.arange(1, n, dtype=np.float64)[:, None]  # (n-1, 1)
    weighted = ((nl - (left ** 2).sum(-1) / nl) + ((n - nl) - (right ** 2).sum(-1) / (n - nl))) / n  # (n-1, d)
    gain = gini(y) - weighted
    gain[xs[1:] == xs[:-1]] = -np.inf
    if not np.isfinite(gain).any():
        return (None, None, 0.0)
    top = gain.max()
    cand = np.argwhere(gain >= top - 1e-12)  # (k, 2) rows (position, feature)
    cand = cand[np.lexsort((xs[cand[:, 0], cand[:, 1]], cand[:, 1]))]  # lower feature, then lower threshold
    i, f = cand[0]
    return (int(f), float((xs[i, f] + xs[i + 1, f]) / 2), float(gain[i, f]))


def fit_tree(X, y, max_depth, min_samples_split=2):
    nodes = []  # flat arrays: [feature, threshold, left, right, label]

    def grow(idx, depth):
        labels, counts = np.unique(y[idx], return_counts=True)
        me = len(nodes)
        nodes.append([-1, 0.0, -1, -1, int(labels[np.argmax(counts)])])
        if depth < max_depth and len(idx) >= min_samples_split and len(labels) > 1:
            f, t, _ = best_split(X[idx], y[idx])
            if f is not None:
                m = X[idx, f] <= t
                nodes[me][:2] = [f, t]
                nodes[me][2] = grow(idx[m], depth + 1)
                nodes[me][3] = grow(idx[~m], depth + 1)
        return me
    grow(np.arange(len(y)), 0)
    return nodes


def predict_tree(tree, X):
    at = np.zeros(len(X), dtype=np.int64)
    for _ in range(len(tree)):
        feature = np.array([tree[a][0] for a in at])
        inner = feature >= 0
        if not inner.any():
            break
        go_left = np.zeros(len(X), dtype=bool)
        rows = np.flatnonzero(inner)
        go_left[rows] = X[rows, feature[rows]] <= np.array([tree[a][1] for a in at[rows]])
        at[rows] = np.where(go_left[rows], [tree[a][2] for a in at[rows]], [tree[a][3] for a in at[rows]])
    return np.array([tree[a][4] for a in at], dtype=np.int64)
