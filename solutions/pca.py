"""Principal component analysis in NumPy: eigh of the covariance, components as rows, signs fixed."""
from __future__ import annotations

import numpy as np


def pca(X: np.ndarray, n_components: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Reference solution."""
    X = X.astype(np.float64)
    N = X.shape[0]
    Xc = X - X.mean(axis=0)  # (N, D)
    evals, evecs = np.linalg.eigh(Xc.T @ Xc / (N - 1))  # (D,), (D, D) columns, increasing
    order = np.argsort(evals)[::-1][:n_components]  # (k,) largest first
    comps = evecs[:, order].T  # (k, D) one component per row
    big = np.argmax(np.abs(comps), axis=1)  # (k,) first largest-magnitude entry
    comps = comps * np.sign(comps[np.arange(len(comps)), big])[:, None]  # (k, D)
    return comps, evals[order], Xc @ comps.T  # (k, D), (k,), (N, k)
