"""PCA with one mistake: covariance divided by N instead of N - 1."""
from _base import pca as _pca

EXPECTED_MISTAKE = "covariance divided by N instead of N - 1"


def pca(X, n_components):
    return _pca(X, n_components, ddof=0)
