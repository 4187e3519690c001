"""Forward and backward pass of a 2-layer MLP with softmax cross-entropy, by hand in NumPy."""
from __future__ import annotations

import numpy as np


def two_layer_mlp(
    x: np.ndarray,
    y: np.ndarray,
    W1: np.ndarray,
    b1: np.ndarray,
    W2: np.ndarray,
    b2: np.ndarray,
) -> tuple[float, dict[str, np.ndarray]]:
    """Reference solution: one vectorised forward pass, then the chain rule backwards."""
    N = x.shape[0]
    # Forward
    z = x @ W1 + b1  # (N, H) pre-activations
    h = np.maximum(z, 0)  # (N, H)
    logits = h @ W2 + b2  # (N, K)
    shifted = logits - logits.max(axis=1, keepdims=True)  # the largest logit is 0: exp cannot overflow
    log_sum = np.log(np.exp(shifted).sum(axis=1))  # (N,)
    loss = float(np.mean(log_sum - shifted[np.arange(N), y]))

    # Backward: d loss / d logits = (softmax - onehot) / N
    dlogits = np.exp(shifted - log_sum[:, None])  # (N, K) softmax probabilities
    dlogits[np.arange(N), y] -= 1
    dlogits /= N
    dW2 = h.T @ dlogits  # (H, K)
    db2 = dlogits.sum(axis=0)  # (K,)
    dh = dlogits @ W2.T  # (N, H)
    dz = dh * (z > 0)  # ReLU passes the gradient where its input was positive
    dW1 = x.T @ dz  # (D, H)
    db1 = dz.sum(axis=0)  # (H,)
    grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
    return loss, {k: v.astype(x.dtype, copy=False) for k, v in grads.items()}
