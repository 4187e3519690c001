"""Returns the labels of the last assignment, made before the last update moved the centroids."""
from _base import lloyd, plus_plus as kmeans_plus_plus_init  # noqa: F401

EXPECTED_MISTAKE = "labels of the previous centroids"


def kmeans(X, init_centroids, max_iters=100, tol=0.0):
    return lloyd(X, init_centroids, max_iters, tol, stale=True)
