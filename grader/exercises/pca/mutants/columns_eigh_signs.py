"""PCA as many tutorials write it: eigh's eigenvectors kept as columns, with eigh's own signs (never fixed)."""
import numpy as np

EXPECTED_MISTAKE = "components as columns instead of rows"


def pca(X, n_components):
    Xc = X.astype(np.float64) - X.mean(0)
    evals, evecs = np.linalg.eigh(np.cov(Xc.T))
    order = np.argsort(-evals)[:n_components]
    W = evecs[:, order]  # (D, n_components): one component per column
    return W, evals[order], Xc @ W
