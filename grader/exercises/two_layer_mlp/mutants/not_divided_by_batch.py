"""Forgets the 1/N of the mean in d loss / d logits."""
import numpy as np
from _base import dlogits_of, forward, pack, stable_loss_and_softmax

EXPECTED_MISTAKE = "gradient not divided by the batch size"


def two_layer_mlp(x, y, W1, b1, W2, b2):
    z, h, logits = forward(x, W1, b1, W2, b2)
    loss, p = stable_loss_and_softmax(logits, y)
    d = dlogits_of(p, y) * x.shape[0]
    dz = (d @ W2.T) * (z > 0)
    return loss, pack(x, x.T @ dz, dz.sum(0), h.T @ d, d.sum(0))
