"""Not a mutant: the correct pieces the mutants in this folder reuse (so each differs by one mistake)."""
import numpy as np


def forward(x, W1, b1, W2, b2):
    z = x @ W1 + b1
    h = np.maximum(z, 0)
    return z, h, h @ W2 + b2


def stable_loss_and_softmax(logits, y):
    N = logits.shape[0]
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_sum = np.log(np.exp(shifted).sum(axis=1))
    loss = float(np.mean(log_sum - shifted[np.arange(N), y]))
    return loss, np.exp(shifted - log_sum[:, None])


def dlogits_of(softmax, y):
    N = softmax.shape[0]
    d = softmax.copy()
    d[np.arange(N), y] -= 1
    return d / N


def pack(x, dW1, db1, dW2, db2):
    return {k: v.astype(x.dtype) for k, v in dict(W1=dW1, b1=db1, W2=dW2, b2=db2).items()}
