"""Equal distances ordered by the higher index (a stable sort of the reversed columns)."""
import numpy as np
from _base import pairwise_squared_distances, predict  # noqa: F401

EXPECTED_MISTAKE = "distance ties not to the lower index"


def knn_predict(X_train, y_train, X_test, k):
    n = len(X_train)
    return predict(X_train, y_train, X_test, k,
                   order=lambda D: n - 1 - np.argsort(D[:, ::-1], axis=1, kind="stable"))
