"""Returns the Euclidean distances (square root of the clipped expansion), not the squared ones."""
import numpy as np
from _base import pairwise_squared_distances as _sq, predict as knn_predict  # noqa: F401

EXPECTED_MISTAKE = "Euclidean distances instead of squared"


def pairwise_squared_distances(A, B):
    return np.sqrt(_sq(A, B))
