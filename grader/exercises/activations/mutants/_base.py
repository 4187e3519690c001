"""Not a mutant: correct activations; each mutant in this folder replaces one of them."""
import math

import numpy as np

C, K = math.sqrt(2 / math.pi), 0.044715


def relu(x):
    return np.maximum(x, 0), (x > 0).astype(x.dtype)


def sigmoid(x):
    z = np.exp(-np.abs(x))
    s = np.where(x >= 0, 1 / (1 + z), z / (1 + z))
    return s, s * (1 - s)


def tanh(x):
    t = np.tanh(x)
    return t, 1 - t * t


def gelu(x):
    t = np.tanh(C * (x + K * x**3))
    return 0.5 * x * (1 + t), 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * C * (1 + 3 * K * x * x)
