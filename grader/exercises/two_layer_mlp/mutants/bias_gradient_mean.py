"""Averages the bias gradients over the batch although dlogits already holds the 1/N."""
import numpy as np
from _base import dlogits_of, forward, pack, stable_loss_and_softmax

EXPECTED_MISTAKE = "bias gradient averaged wrongly"


def two_layer_mlp(x, y, W1, b1, W2, b2):
    z, h, logits = forward(x, W1, b1, W2, b2)
    loss, p = stable_loss_and_softmax(logits, y)
    d = dlogits_of(p, y)
    dz = (d @ W2.T) * (z > 0)
    return loss, pack(x, x.T @ dz, dz.mean(0), h.T @ d, d.mean(0))
