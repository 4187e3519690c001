"""Logistic regression in NumPy: a stable sigmoid and full-batch gradient descent on the mean BCE."""
from __future__ import annotations

import numpy as np


def predict_proba(X: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    """P(y = 1 | x) = sigmoid(x @ w + b) for every row of X.

    Args:
        X: shape (N, D), float32 or float64. w: shape (D,). b: a float.

    Returns:
        A float64 array of shape (N,), values in [0, 1].

    Rules:
        - Numerically stable: logits z = X @ w + b up to |z| = 1e4 are tested, and NumPy must not
          warn (no overflow in exp, no division by zero, no NaN), even in a branch np.where discards.
        - Do not modify the inputs. NumPy only: do not import torch, sklearn or scipy.
    """
    # TODO: z = X @ w + b; a sigmoid that never computes exp of a large positive number.
    raise NotImplementedError("logistic_regression: implement predict_proba in exercises/logistic_regression.py")


def fit_logistic_regression(X: np.ndarray, y: np.ndarray, lr: float, steps: int,
                            l2: float = 0.0) -> tuple[np.ndarray, float, np.ndarray]:
    """Full-batch gradient descent on the mean binary cross-entropy plus l2 / 2 * |w|^2.

    J(w, b) = mean_n [ -y_n log p_n - (1 - y_n) log(1 - p_n) ] + l2 / 2 * sum(w ** 2),
    p = sigmoid(X @ w + b). The bias is NOT penalised.

    Start from w = zeros(D), b = 0.0. At each of the `steps` steps, with z = X @ w + b:
        losses[t] = J(w, b)                       (the loss BEFORE the update)
        w <- w - lr * (X.T @ (p - y) / N + l2 * w)
        b <- b - lr * mean(p - y)
    (simultaneous update from the same p).

    Args:
        X: shape (N, D), float32 or float64. y: shape (N,), labels 0 or 1 (int, float or bool).
        lr: the learning rate (> 0). steps: the number of updates (>= 1). l2: >= 0.

    Returns:
        (w, b, losses): w float64 of shape (D,), b a Python float, losses float64 of shape
        (steps,). Every step is compared with the same loop in torch autograd (float64).

    Rules:
        - Numerically stable for large margins: separable data with features of size 1000 is
          tested, where the logits reach thousands; the losses must stay finite and exact, and
          NumPy must not warn (compute the loss from the logits, not as log(p)).
        - Speed: X of shape (4000, 64), lr = 0.5, steps = 200, against the same loop in torch
          autograd on one thread; limit 10x (each step vectorised over the samples; a loop over the
          samples does not pass).
        - Do not modify the inputs. NumPy only: do not import torch, sklearn or scipy.
    """
    # TODO: loop over steps; vectorised over samples.
    raise NotImplementedError("logistic_regression: implement fit_logistic_regression in exercises/logistic_regression.py")
