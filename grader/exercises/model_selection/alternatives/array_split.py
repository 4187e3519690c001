"""np.array_split folds, np.vander features, pooled lstsq via the pseudo-inverse of the training block."""
import math

import numpy as np


def polynomial_features(x, degree):
    return np.vander(x, degree + 1, increasing=True) / np.cumprod(np.r_[1.0, np.arange(1, degree + 1)])


def k_fold_indices(n, k, rng=None):
    order = np.arange(n) if rng is None else rng.permutation(n)
    out = []
    for i, te in enumerate(np.array_split(order, k)):
        start = sum(len(f) for f in np.array_split(order, k)[:i])
        out.append((np.r_[order[:start], order[start + len(te):]], te))
    return out


def select_degree(x, y, degrees, k, l2=0.0):
    cv = []
    for d in degrees:
        Phi = polynomial_features(x, d)
        errs = []
        for tr, te in k_fold_indices(len(x), k):
            A, b = Phi[tr], y[tr]
            if l2 == 0:
                w = np.linalg.pinv(A) @ b
            else:
                # centre, fit the slope coefficients with ridge, then the intercept (as sklearn's Ridge does)
                mu, ym = A[:, 1:].mean(0), b.mean()
                Ac = A[:, 1:] - mu
                v = np.linalg.solve(Ac.T @ Ac + l2 * np.eye(d), Ac.T @ (b - ym)) if d else np.zeros(0)
                w = np.r_[ym - mu @ v, v]
            errs.append(np.mean((Phi[te] @ w - y[te]) ** 2))
        cv.append(np.mean(errs))
    cv = np.array(cv, dtype=np.float64)
    return int(degrees[int(np.argmin(cv))]), cv
