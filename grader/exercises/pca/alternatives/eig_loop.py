"""Correct: np.linalg.eig on the covariance (real parts), a loop over components for the signs."""
import numpy as np


def pca(X, n_components):
    X = np.array(X, dtype=np.float64)
    mean = np.mean(X, axis=0)
    Xc = X - mean
    cov = np.cov(Xc, rowvar=False, ddof=1).reshape(X.shape[1], X.shape[1])
    vals, vecs = np.linalg.eig(cov)
    vals, vecs = vals.real, vecs.real
    idx = sorted(range(len(vals)), key=lambda i: -vals[i])[:n_components]
    comps = []
    for i in idx:
        v = vecs[:, i] / np.linalg.norm(vecs[:, i])
        j = int(np.argmax(np.abs(v)))
        comps.append(v if v[j] > 0 else -v)
    comps = np.array(comps)
    return comps, vals[idx], np.einsum("nd,kd->nk", Xc, comps)
