"""Not a mutant: the correct pieces the mutants in this folder reuse."""
import numpy as np


def pairwise_squared_distances(A, B):
    A, B = A.astype(np.float64), B.astype(np.float64)
    return np.maximum((A * A).sum(1)[:, None] + (B * B).sum(1)[None, :] - 2.0 * A @ B.T, 0.0)


def predict(X_train, y_train, X_test, k, order=None, pick=None):
    D = pairwise_squared_distances(X_test, X_train)
    nearest = (np.argsort(D, axis=1, kind="stable") if order is None else order(D))[:, :k]
    labels, codes = np.unique(y_train, return_inverse=True)
    votes = np.zeros((len(X_test), len(labels)), dtype=np.int64)
    np.add.at(votes, (np.arange(len(X_test))[:, None], codes.reshape(-1)[nearest]), 1)
    return labels[votes.argmax(1) if pick is None else pick(votes)].astype(np.int64)
