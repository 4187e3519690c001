"""Not a mutant: the correct pieces the mutants in this folder reuse, with switches for their mistakes."""
import numpy as np


def sq_dists(X, C):
    return np.maximum((X * X).sum(1)[:, None] - 2.0 * X @ C.T + (C * C).sum(1)[None, :], 0.0)


def lloyd(X, init_centroids, max_iters=100, tol=0.0, pick=None, update=None, shift_of=None, stale=False,
          count_from=1, use_tol=True):
    X, C = X.astype(np.float64), init_centroids.astype(np.float64)
    k, prev, n_iter = len(C), None, 0
    for n_iter in range(1, max_iters + 1):
        D = sq_dists(X, C)
        labels = D.argmin(1) if pick is None else pick(D)
        C_new = np.stack([X[labels == j].mean(0) if (labels == j).any() else C[j] for j in range(k)]) \
            if update is None else update(X, labels, C)
        shift = float(((C_new - C) ** 2).sum()) if shift_of is None else shift_of(C_new - C)
        C = C_new
        if (prev is not None and np.array_equal(labels, prev)) or (use_tol and shift <= tol):
            break
        prev = labels
    if not stale:
        labels = sq_dists(X, C).argmin(1) if pick is None else pick(sq_dists(X, C))
    return C, labels.astype(np.int64), n_iter - 1 + count_from


def plus_plus(X, k, rng, weight=None, nearest=True):
    X = X.astype(np.float64)
    n = len(X)
    idx = [int(rng.integers(n))]
    D2 = ((X - X[idx[0]]) ** 2).sum(1)
    for _ in range(1, k):
        w = D2 if weight is None else weight(D2)
        idx.append(int(rng.choice(n, p=w / w.sum())))
        new = ((X - X[idx[-1]]) ** 2).sum(1)
        D2 = np.minimum(D2, new) if nearest else new
    return X[idx]
