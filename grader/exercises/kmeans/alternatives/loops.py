"""Correct but slow: the assignment loops over the points."""
import numpy as np

TOO_SLOW = True


def nearest(x, C):
    best, best_d = 0, np.inf
    for j, c in enumerate(C):
        d = float(((x - c) ** 2).sum())
        if d < best_d:  # strict: ties keep the lower index
            best, best_d = j, d
    return best


def kmeans(X, init_centroids, max_iters=100, tol=0.0):
    X, C = X.astype(np.float64), init_centroids.astype(np.float64).copy()
    prev, n_iter = None, 0
    for n_iter in range(1, max_iters + 1):
        labels = np.array([nearest(x, C) for x in X])
        sums, counts = np.zeros_like(C), np.zeros(len(C))
        for x, j in zip(X, labels):
            sums[j] += x
            counts[j] += 1
        new = C.copy()
        for j in range(len(C)):
            if counts[j]:
                new[j] = sums[j] / counts[j]
        shift = float(((new - C) ** 2).sum())
        C = new
        if (prev is not None and (labels == prev).all()) or shift <= tol:
            break
        prev = labels
    return C, np.array([nearest(x, C) for x in X], dtype=np.int64), n_iter


def kmeans_plus_plus_init(X, k, rng):
    X = X.astype(np.float64)
    n = len(X)
    idx = [int(rng.integers(n))]
    d2 = np.array([float(((x - X[idx[0]]) ** 2).sum()) for x in X])
    for _ in range(k - 1):
        idx.append(int(rng.choice(n, p=d2 / d2.sum())))
        d2 = np.minimum(d2, [float(((x - X[idx[-1]]) ** 2).sum()) for x in X])
    return X[idx]
