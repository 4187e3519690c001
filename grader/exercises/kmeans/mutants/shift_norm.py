"""Compares tol with the Frobenius norm of the centroids' change, the square root of the total squared shift."""
import numpy as np
from _base import lloyd, plus_plus as kmeans_plus_plus_init  # noqa: F401

EXPECTED_MISTAKE = "shift not the total squared movement"


def kmeans(X, init_centroids, max_iters=100, tol=0.0):
    return lloyd(X, init_centroids, max_iters, tol, shift_of=lambda d: float(np.linalg.norm(d)))
