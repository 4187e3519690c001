"""Polynomial features, k-fold cross-validation and choosing a polynomial degree, in NumPy."""
from __future__ import annotations

import math

import numpy as np


def polynomial_features(x: np.ndarray, degree: int) -> np.ndarray:
    i = np.arange(degree + 1)
    fact = np.array([math.factorial(j) for j in i], dtype=np.float64)  # (degree + 1,)
    return x[:, None] ** i / fact  # (n, degree + 1)


def k_fold_indices(n: int, k: int, rng: np.random.Generator | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    order = np.arange(n) if rng is None else rng.permutation(n)
    sizes = np.full(k, n // k) + (np.arange(k) < n % k)  # (k,)
    stops = np.cumsum(sizes)
    return [(np.concatenate([order[:stop - size], order[stop:]]), order[stop - size:stop])
            for size, stop in zip(sizes, stops)]


def _fit(Phi, y, l2):
    if l2 == 0:
        return np.linalg.lstsq(Phi, y, rcond=None)[0]
    D = np.eye(Phi.shape[1])
    D[0, 0] = 0.0  # the constant column is not penalised
    return np.linalg.solve(Phi.T @ Phi + l2 * D, Phi.T @ y)


def select_degree(x: np.ndarray, y: np.ndarray, degrees: list[int], k: int,
                  l2: float = 0.0) -> tuple[int, np.ndarray]:
    folds = k_fold_indices(len(x), k)
    errors = np.empty(len(degrees))
    for j, d in enumerate(degrees):
        Phi = polynomial_features(x, d)  # (n, d + 1)
        errors[j] = np.mean([np.mean((Phi[te] @ _fit(Phi[tr], y[tr], l2) - y[te]) ** 2) for tr, te in folds])
    return int(degrees[int(np.argmin(errors))]), errors
