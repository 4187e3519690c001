"""The expansion without clipping at 0."""
import numpy as np
from _base import predict as knn_predict  # noqa: F401

EXPECTED_MISTAKE = "negative distances from cancellation"


def pairwise_squared_distances(A, B):
    A, B = A.astype(np.float64), B.astype(np.float64)
    return (A * A).sum(1)[:, None] + (B * B).sum(1)[None, :] - 2.0 * A @ B.T
