"""Loop-built features and folds; least squares by QR on an augmented system for the ridge case."""
import math

import numpy as np


def polynomial_features(x, degree):
    out = np.ones((len(x), degree + 1))
    for i in range(1, degree + 1):
        out[:, i] = out[:, i - 1] * x / i  # x^i / i! from the previous column
    return out


def k_fold_indices(n, k, rng=None):
    order = list(range(n)) if rng is None else rng.permutation(n).tolist()
    folds, start = [], 0
    for i in range(k):
        size = n // k + (i < n % k)
        test = order[start:start + size]
        folds.append((np.array(order[:start] + order[start + size:], dtype=np.int64), np.array(test, dtype=np.int64)))
        start += size
    return folds


def select_degree(x, y, degrees, k, l2=0.0):
    errors = np.zeros(len(degrees))
    folds = k_fold_indices(len(x), k)
    for j, d in enumerate(degrees):
        Phi = polynomial_features(x, d)
        for tr, te in folds:
            A, b = Phi[tr], y[tr]
            if l2 > 0:  # ||Aw - b||^2 + l2 ||w[1:]||^2 as one least-squares problem
                P = np.sqrt(l2) * np.eye(d + 1)[1:]
                A, b = np.vstack([A, P]), np.r_[b, np.zeros(d)]
            w = np.linalg.lstsq(A, b, rcond=None)[0]
            errors[j] += np.mean((Phi[te] @ w - y[te]) ** 2) / k
    return int(degrees[int(np.argmin(errors))]), errors
