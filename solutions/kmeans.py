"""k-means in NumPy: Lloyd's algorithm and the k-means++ seeding."""
from __future__ import annotations

import numpy as np


def _sq_dists(X: np.ndarray, C: np.ndarray) -> np.ndarray:
    """||x - c||^2 for every point and centroid, clipped at 0 (the expansion can round below it)."""
    D = (X * X).sum(1)[:, None] - 2.0 * X @ C.T + (C * C).sum(1)[None, :]  # (n, k)
    return np.maximum(D, 0.0)


def kmeans(X: np.ndarray, init_centroids: np.ndarray, max_iters: int = 100,
           tol: float = 0.0) -> tuple[np.ndarray, np.ndarray, int]:
    """Reference solution: vectorised assignment, per-cluster means by bincount, the spec's stop tests."""
    X = X.astype(np.float64)
    C = init_centroids.astype(np.float64)  # (k, d), a copy
    k, n_iter, prev = len(C), 0, None
    for n_iter in range(1, max_iters + 1):
        labels = _sq_dists(X, C).argmin(1)  # (n,): argmin keeps the first (lowest) index on ties
        onehot = np.eye(k)[labels]  # (n, k)
        counts, sums = onehot.sum(0), onehot.T @ X  # (k,), (k, d)
        C_new = np.where(counts[:, None] > 0, sums / np.maximum(counts, 1)[:, None], C)  # empty: keep
        shift = float(((C_new - C) ** 2).sum())
        C = C_new
        if (prev is not None and np.array_equal(labels, prev)) or shift <= tol:
            break
        prev = labels
    labels = _sq_dists(X, C).argmin(1)  # the labels of the centroids returned
    return C, labels.astype(np.int64), n_iter


def kmeans_plus_plus_init(X: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Reference solution: the first centre uniformly, then each with probability D(x)^2 / sum D^2."""
    X = X.astype(np.float64)
    n = len(X)
    idx = [int(rng.integers(n))]
    D2 = ((X - X[idx[0]]) ** 2).sum(1)  # (n,)
    for _ in range(1, k):
        idx.append(int(rng.choice(n, p=D2 / D2.sum())))
        D2 = np.minimum(D2, ((X - X[idx[-1]]) ** 2).sum(1))
    return X[idx]  # (k, d)
