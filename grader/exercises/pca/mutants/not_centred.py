"""PCA with one mistake: data not centred."""
from _base import pca as _pca

EXPECTED_MISTAKE = "data not centred"


def pca(X, n_components):
    return _pca(X, n_components, centre=False)
