"""Linear and ridge regression in NumPy: the closed form and full-batch gradient descent."""
from __future__ import annotations

import numpy as np


def fit_linear_regression(X: np.ndarray, y: np.ndarray, l2: float = 0.0) -> tuple[np.ndarray, float]:
    """Fit y ≈ X @ w + b exactly (closed form), with an optional ridge penalty on w.

    Minimise J(w, b) = mean((X @ w + b - y) ** 2) / 2 + l2 / 2 * sum(w ** 2)
    (the same objective as linear_regression_gd). The bias b is NOT penalised. This is
    scikit-learn's Ridge(alpha=N * l2) (and LinearRegression when l2 == 0).

    Args:
        X: shape (N, D), float32 or float64, N >= 2. Features may be nearly collinear.
        y: shape (N,), the same dtype.
        l2: the penalty, >= 0.

    Returns:
        (w, b): w a float64 array of shape (D,), b a Python float. Compute in float64.

    Rules:
        - Solve the problem accurately on nearly collinear features (condition number of X about 2e7,
          shape (50, 3), is tested with l2 == 0 and must match lstsq to 1e-6): do not form the inverse of X.T @ X with np.linalg.inv;
          np.linalg.lstsq (QR / SVD) keeps the digits. With l2 > 0, np.linalg.solve on
          X.T @ X + N * l2 * I is fine.
        - Do not modify X or y.
        - NumPy only: do not import torch, sklearn or scipy.
    """
    # TODO: centre X and y; w from lstsq (l2 == 0) or the regularised normal equations; b from the means.
    raise NotImplementedError("linear_regression: implement fit_linear_regression in exercises/linear_regression.py")


def linear_regression_gd(X: np.ndarray, y: np.ndarray, lr: float, steps: int,
                         l2: float = 0.0) -> tuple[np.ndarray, float, np.ndarray]:
    """Full-batch gradient descent on J(w, b) = mean((X @ w + b - y) ** 2) / 2 + l2 / 2 * sum(w ** 2).

    Start from w = zeros(D), b = 0.0. At each of the `steps` steps:
        r = X @ w + b - y                        (N,)
        losses[t] = mean(r ** 2) / 2 + l2 / 2 * sum(w ** 2)   (the loss BEFORE the update)
        w <- w - lr * (X.T @ r / N + l2 * w)
        b <- b - lr * mean(r)                    (the bias is not penalised)
    w and b are updated simultaneously from the same r.

    Args:
        X: shape (N, D), float32 or float64. y: shape (N,), the same dtype.
        lr: the learning rate (> 0). steps: the number of updates (>= 1). l2: >= 0.

    Returns:
        (w, b, losses): w float64 of shape (D,), b a Python float, losses a float64 array of
        shape (steps,). Compute in float64; the checks compare every step's loss with the same
        loop in torch autograd.

    Rules:
        - Do not modify X or y.
        - Speed: X of shape (4000, 64), lr = 0.1, steps = 200, against the same loop in torch
          autograd on one thread; limit 10x (each step vectorised over the samples: X @ w and X.T @ r;
          a loop over the samples does not pass).
        - NumPy only: do not import torch, sklearn or scipy.
    """
    # TODO: loop over steps; one vectorised gradient per step (no loop over samples).
    raise NotImplementedError("linear_regression: implement linear_regression_gd in exercises/linear_regression.py")
