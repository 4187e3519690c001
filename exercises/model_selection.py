"""Polynomial features, k-fold cross-validation and choosing a polynomial degree, in NumPy."""
from __future__ import annotations

import numpy as np


def polynomial_features(x: np.ndarray, degree: int) -> np.ndarray:
    """The scaled polynomial features of d2l's under/over-fitting example.

    Column i is x**i / i! for i = 0, 1, ..., degree (column 0 is all ones). Dividing by i! keeps
    the high powers of |x| of a few units from dwarfing the others.

    Args:
        x: shape (n,), float64. degree: an int >= 0.

    Returns:
        float64 array of shape (n, degree + 1).
    """
    # TODO: powers x[:, None] ** np.arange(degree + 1), divided by the factorials.
    raise NotImplementedError("model_selection: implement polynomial_features in exercises/model_selection.py")


def k_fold_indices(n: int, k: int, rng: np.random.Generator | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    """The k (train, test) index pairs of k-fold cross-validation, as sklearn's KFold.

    order = np.arange(n), or rng.permutation(n) when rng is given (one call, nothing else drawn).
    The test folds are consecutive slices of order: the first n % k folds have n // k + 1 samples,
    the others n // k, so every sample is in exactly one test fold and fold sizes differ by at most
    one. For the slice order[start:stop], the training indices are
    np.concatenate([order[:start], order[stop:]]) (in that order).

    Args:
        n: the number of samples; k: the number of folds, 2 <= k <= n; rng: None (no shuffle) or a
            np.random.Generator.

    Returns:
        A list of k pairs (train_idx, test_idx) of integer arrays, fold 0 first.
    """
    # TODO: fold sizes, then slice order fold by fold.
    raise NotImplementedError("model_selection: implement k_fold_indices in exercises/model_selection.py")


def select_degree(x: np.ndarray, y: np.ndarray, degrees: list[int], k: int,
                  l2: float = 0.0) -> tuple[int, np.ndarray]:
    """Choose a polynomial degree by k-fold cross-validation.

    For each degree d in `degrees` and each fold of k_fold_indices(len(x), k) (no shuffle):
    Phi = polynomial_features(x, d); fit w on the TRAINING indices only,

        w = argmin ||Phi_train w - y_train||^2 + l2 * ||w[1:]||^2    (the constant w[0] not penalised)

    (l2 == 0: np.linalg.lstsq(Phi_train, y_train, rcond=None); l2 > 0: solve
    (Phi^T Phi + l2 * D) w = Phi^T y with D = identity except D[0, 0] = 0), and take the mean
    squared error of Phi_test w on y_test. The degree's cv error is the mean of its k fold errors.

    Args:
        x, y: shape (n,), float64. degrees: a list of ints >= 0, in any order. k: 2 <= k <= n.
        l2: the ridge penalty, >= 0.

    Returns:
        (best_degree, cv_errors): best_degree a Python int, the degree of the smallest cv error
        (the first in `degrees` on a tie); cv_errors a float64 array of shape (len(degrees),),
        in the order of `degrees`.

    Rules:
        - No speed check: the cost is the k x len(degrees) small least-squares fits, whatever
          the plumbing; the checks judge the folds and the selection.
        - Do not modify x or y.
        - NumPy only: do not import torch, sklearn or scipy.
    """
    # TODO: loop over degrees and folds; fit on train, score on test; average over folds.
    raise NotImplementedError("model_selection: implement select_degree in exercises/model_selection.py")
