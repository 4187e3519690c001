"""PCA with one mistake: component signs not fixed."""
from _base import pca as _pca

EXPECTED_MISTAKE = "component signs not fixed"


def pca(X, n_components):
    return _pca(X, n_components, fix_sign=False)
