"""Correct but too slow: the covariance summed one sample's outer product at a time."""
import numpy as np

TOO_SLOW = True


def pca(X, n_components):
    X = X.astype(np.float64)
    N, D = X.shape
    Xc = X - X.mean(axis=0)
    C = np.zeros((D, D))
    for row in Xc:
        C += np.outer(row, row)
    evals, evecs = np.linalg.eigh(C / (N - 1))
    order = np.argsort(evals)[::-1][:n_components]
    comps = evecs[:, order].T
    for i, c in enumerate(comps):
        if c[np.argmax(np.abs(c))] < 0:
            comps[i] = -c
    return comps, evals[order], Xc @ comps.T
