"""Stops only when no label changes or at max_iters: tol is never looked at."""
from _base import lloyd, plus_plus as kmeans_plus_plus_init  # noqa: F401

EXPECTED_MISTAKE = "tol ignored"


def kmeans(X, init_centroids, max_iters=100, tol=0.0):
    return lloyd(X, init_centroids, max_iters, tol, use_tol=False)
