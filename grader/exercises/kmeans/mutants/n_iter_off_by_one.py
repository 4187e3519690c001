"""Counts the iterations from 0: the last one (which finds nothing changed) is not counted."""
from _base import lloyd, plus_plus as kmeans_plus_plus_init  # noqa: F401

EXPECTED_MISTAKE = "n_iter off by one"


def kmeans(X, init_centroids, max_iters=100, tol=0.0):
    return lloyd(X, init_centroids, max_iters, tol, count_from=0)
