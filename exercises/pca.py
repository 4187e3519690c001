"""Principal component analysis in NumPy: eigh of the covariance, components as rows, signs fixed."""
from __future__ import annotations

import numpy as np


def pca(X: np.ndarray, n_components: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The top principal components of X, their variances, and X projected onto them.

    Centre X (subtract the mean of each feature). The components are the eigenvectors of the
    unbiased covariance C = Xc.T @ Xc / (N - 1), by decreasing eigenvalue; the explained variance
    of a component is its eigenvalue (as scikit-learn's PCA.explained_variance_).

    Conventions (all tested):
        - components has ONE COMPONENT PER ROW: shape (n_components, D), each row of unit norm.
        - Sign: each component is flipped so that its largest-magnitude entry is positive (on a
          tie of magnitudes, the first such entry).
        - X_projected = Xc @ components.T, with the flipped components.
        - Test data have distinct eigenvalues (no degenerate subspaces).

    Args:
        X: shape (N, D), float32 or float64, N >= 2. n_components: 1 <= n_components <= D.

    Returns:
        (components, explained_variance, X_projected): float64 arrays of shapes
        (n_components, D), (n_components,) and (N, n_components).

    Rules:
        - Speed: X of shape (20000, 16), n_components = 4, against scikit-learn's
          PCA(svd_solver="full").fit_transform on one thread; limit 2.5x (the covariance from one
          matrix product; an SVD of the centred X passes too; a loop over the samples does not).
        - Do not modify X. NumPy only: do not import torch, sklearn or scipy.
    """
    # TODO: centre; covariance / (N - 1); eigh; sort decreasing; rows; fix signs; project.
    raise NotImplementedError("pca: implement it in exercises/pca.py")
