"""Correct: sigmoid(x) = (1 + tanh(x/2)) / 2, and the gelu derivative written with sech^2 = 1 - tanh^2."""
import numpy as np

C = np.sqrt(2 / np.pi)


def relu(x):
    positive = x > 0
    return np.where(positive, x, 0).astype(x.dtype), positive.astype(x.dtype)


def sigmoid(x):
    s = 0.5 * (1 + np.tanh(0.5 * x))
    return s, s * (1 - s)


def tanh(x):
    t = np.tanh(x)
    return t, (1 - t) * (1 + t)


def gelu(x):
    x64 = x.astype(np.float64)  # compute in float64, hand back x's dtype
    t = np.tanh(C * (x64 + 0.044715 * x64**3))
    sech2 = 1 - t**2
    value = 0.5 * x64 * (1 + t)
    slope = 0.5 * (1 + t) + 0.5 * x64 * sech2 * C * (1 + 0.134145 * x64**2)
    return value.astype(x.dtype), slope.astype(x.dtype)
