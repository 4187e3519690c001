"""Vote ties to the larger label: argmax over the reversed counts."""
from _base import pairwise_squared_distances, predict  # noqa: F401

EXPECTED_MISTAKE = "vote ties not to the smaller label"


def knn_predict(X_train, y_train, X_test, k):
    return predict(X_train, y_train, X_test, k, pick=lambda v: v.shape[1] - 1 - v[:, ::-1].argmax(1))
