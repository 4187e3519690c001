"""k-means++ weighting each point by its squared distance to the centre chosen last, not the nearest one."""
from _base import lloyd as kmeans, plus_plus  # noqa: F401

EXPECTED_MISTAKE = "k-means++ distance to the last centre only"


def kmeans_plus_plus_init(X, k, rng):
    return plus_plus(X, k, rng, nearest=False)
