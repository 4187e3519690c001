"""Correct but slow: forward and backward one sample at a time. Passes correctness, fails speed."""
import numpy as np

TOO_SLOW = True


def two_layer_mlp(x, y, W1, b1, W2, b2):
    N = x.shape[0]
    grads = {"W1": np.zeros_like(W1), "b1": np.zeros_like(b1), "W2": np.zeros_like(W2), "b2": np.zeros_like(b2)}
    total = 0.0
    for n in range(N):
        z = x[n] @ W1 + b1
        h = np.maximum(z, 0)
        s = h @ W2 + b2
        s = s - s.max()
        e = np.exp(s)
        total += np.log(e.sum()) - s[y[n]]
        d = e / e.sum()
        d[y[n]] -= 1
        d /= N
        grads["W2"] += np.outer(h, d)
        grads["b2"] += d
        dz = (W2 @ d) * (z > 0)
        grads["W1"] += np.outer(x[n], dz)
        grads["b1"] += dz
    return total / N, grads
