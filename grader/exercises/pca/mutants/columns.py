"""PCA with one mistake: components as columns instead of rows."""
from _base import pca as _pca

EXPECTED_MISTAKE = "components as columns instead of rows"


def pca(X, n_components):
    return _pca(X, n_components, rows=False)
