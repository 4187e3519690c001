"""Assigns each point to the centroid with the LARGEST squared distance."""
from _base import lloyd, plus_plus as kmeans_plus_plus_init  # noqa: F401

EXPECTED_MISTAKE = "assigned to the farthest centroid"


def kmeans(X, init_centroids, max_iters=100, tol=0.0):
    return lloyd(X, init_centroids, max_iters, tol, pick=lambda D: D.argmax(1))
