"""Not a mutant: correct pieces the mutants in this folder reuse."""
import math

import numpy as np


def polynomial_features(x, degree):
    return np.stack([x ** i / math.factorial(i) for i in range(degree + 1)], axis=1)


def k_fold_indices(n, k, rng=None):
    order = np.arange(n) if rng is None else rng.permutation(n)
    tests = np.array_split(order, k)
    return [(np.setdiff1d(order, te, assume_unique=True), te) for te in tests]


def fit(Phi, y, l2, penalise_bias=False):
    if l2 == 0:
        return np.linalg.lstsq(Phi, y, rcond=None)[0]
    D = np.eye(Phi.shape[1])
    if not penalise_bias:
        D[0, 0] = 0
    return np.linalg.solve(Phi.T @ Phi + l2 * D, Phi.T @ y)


def select_with(x, y, degrees, k, l2, folds, fit_on, penalise_bias=False):
    errors = []
    for d in degrees:
        Phi = polynomial_features(x, d)
        per_fold = []
        for tr, te in folds(len(x), k):
            idx = fit_on(tr, te)
            w = fit(Phi[idx], y[idx], l2, penalise_bias)
            per_fold.append(np.mean((Phi[te] @ w - y[te]) ** 2))
        errors.append(np.mean(per_fold))
    errors = np.array(errors)
    return int(degrees[int(np.argmin(errors))]), errors
