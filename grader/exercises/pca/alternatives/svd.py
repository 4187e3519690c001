"""Correct: the SVD of the centred data (singular values squared / (N - 1) are the variances)."""
import numpy as np


def pca(X, n_components):
    X = X.astype(np.float64)
    Xc = X - X.mean(0)
    _, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    comps = Vt[:n_components]
    signs = np.sign(comps[np.arange(n_components), np.abs(comps).argmax(1)])
    comps = comps * signs[:, None]
    return comps, s[:n_components] ** 2 / (len(X) - 1), Xc @ comps.T
