"""Correct: distances by a broadcast difference, each centroid's mean in a loop over the k clusters."""
import numpy as np


def kmeans(X, init_centroids, max_iters=100, tol=0.0):
    X = np.asarray(X, dtype=np.float64)
    C = np.array(init_centroids, dtype=np.float64)
    previous, it = None, 0
    while it < max_iters:
        it += 1
        labels = np.argmin(((X[:, None, :] - C[None]) ** 2).sum(axis=2), axis=1)
        old = C.copy()
        for j in range(len(C)):
            if np.any(labels == j):
                C[j] = X[labels == j].mean(axis=0)
        same = previous is not None and (labels == previous).all()
        if same or np.sum((C - old) ** 2) <= tol:
            break
        previous = labels
    labels = np.argmin(((X[:, None, :] - C[None]) ** 2).sum(axis=2), axis=1)
    return C, labels.astype(np.int64), it


def kmeans_plus_plus_init(X, k, rng):
    X = np.asarray(X, dtype=np.float64)
    chosen = [X[rng.choice(len(X))]]  # rng.choice(n) draws the same index as rng.integers(n)
    for _ in range(k - 1):
        d2 = np.min(((X[:, None, :] - np.array(chosen)[None]) ** 2).sum(axis=2), axis=1)
        chosen.append(X[rng.choice(len(X), p=d2 / d2.sum())])
    return np.array(chosen)
