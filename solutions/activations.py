"""Activation functions and their derivatives in NumPy, like torch's with autograd.

Each function returns the pair (value, derivative): f(x) and f'(x), element by element.
"""
from __future__ import annotations

import math

import numpy as np

SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
GELU_CUBIC = 0.044715


def relu(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Reference solution: max(x, 0); slope 1 where x > 0, else 0 (0 at x = 0, as torch)."""
    return np.maximum(x, 0), (x > 0).astype(x.dtype)


def sigmoid(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Reference solution: only ever exponentiate -|x|, so nothing overflows."""
    z = np.exp(-np.abs(x))  # in (0, 1]
    s = np.where(x >= 0, 1 / (1 + z), z / (1 + z))  # both branches are finite for every x
    return s, s * (1 - s)


def tanh(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Reference solution: the derivative from the output, 1 - tanh(x)**2."""
    t = np.tanh(x)
    return t, 1 - t * t


def gelu(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Reference solution: the tanh approximation and its derivative by the product and chain rules."""
    u = SQRT_2_OVER_PI * (x + GELU_CUBIC * x**3)
    t = np.tanh(u)
    du_dx = SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * x * x)
    return 0.5 * x * (1 + t), 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * du_dx
