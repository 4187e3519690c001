"""Returns float64 gradients for float32 inputs."""
import numpy as np
from _base import dlogits_of, forward, stable_loss_and_softmax

EXPECTED_MISTAKE = None


def two_layer_mlp(x, y, W1, b1, W2, b2):
    z, h, logits = forward(x, W1, b1, W2, b2)
    loss, p = stable_loss_and_softmax(logits, y)
    d = dlogits_of(p.astype(np.float64), y)
    dz = (d @ W2.T) * (z > 0)
    return loss, dict(W1=x.T @ dz, b1=dz.sum(0), W2=h.T @ d, b2=d.sum(0))
