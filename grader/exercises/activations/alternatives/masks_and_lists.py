"""Correct: boolean masks fill the two halves of the sigmoid; results returned as a list."""
import numpy as np


def relu(x):
    value = x.copy()
    value[value < 0] = 0
    return [value, np.heaviside(x, 0.0).astype(x.dtype)]


def sigmoid(x):
    s = np.empty_like(x)
    pos = x >= 0
    s[pos] = 1 / (1 + np.exp(-x[pos]))
    e = np.exp(x[~pos])
    s[~pos] = e / (1 + e)
    return [s, s * (1 - s)]


def tanh(x):
    t = np.tanh(x)
    return [t, 1 - t**2]


def gelu(x):
    c = float(np.sqrt(2 / np.pi))  # a Python float: a NumPy float64 scalar would promote float32 x
    inner = c * (x + 0.044715 * x**3)
    t = np.tanh(inner)
    return [0.5 * x * (1 + t), 0.5 * (1 + t) + 0.5 * x * (1 - t**2) * c * (1 + 3 * 0.044715 * x**2)]
