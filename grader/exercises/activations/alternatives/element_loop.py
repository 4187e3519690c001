"""Correct but slow: one Python iteration per element, with the math module."""
import math

import numpy as np

TOO_SLOW = True


def _apply(x, f):
    pairs = [f(v) for v in x.ravel().tolist()]
    value = np.array([p[0] for p in pairs], dtype=x.dtype).reshape(x.shape)
    slope = np.array([p[1] for p in pairs], dtype=x.dtype).reshape(x.shape)
    return value, slope


def _relu(v):
    return (v, 1.0) if v > 0 else (0.0, 0.0)


def _sigmoid(v):
    s = 1 / (1 + math.exp(-v)) if v >= 0 else math.exp(v) / (1 + math.exp(v))
    return s, s * (1 - s)


def _tanh(v):
    t = math.tanh(v)
    return t, 1 - t * t


def _gelu(v):
    c = math.sqrt(2 / math.pi)
    t = math.tanh(c * (v + 0.044715 * v**3))
    return 0.5 * v * (1 + t), 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * c * (1 + 3 * 0.044715 * v * v)


def relu(x):
    return _apply(x, _relu)


def sigmoid(x):
    return _apply(x, _sigmoid)


def tanh(x):
    return _apply(x, _tanh)


def gelu(x):
    return _apply(x, _gelu)
