"""k-means++ drawing with probability proportional to D(x), not D(x)^2."""
import numpy as np
from _base import lloyd as kmeans, plus_plus  # noqa: F401

EXPECTED_MISTAKE = "k-means++ with distances not squared"


def kmeans_plus_plus_init(X, k, rng):
    return plus_plus(X, k, rng, weight=np.sqrt)
