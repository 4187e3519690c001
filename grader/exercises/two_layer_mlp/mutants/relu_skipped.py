"""Backpropagates through the ReLU as if it were the identity."""
import numpy as np
from _base import dlogits_of, forward, pack, stable_loss_and_softmax

EXPECTED_MISTAKE = "ReLU skipped in the backward pass"


def two_layer_mlp(x, y, W1, b1, W2, b2):
    z, h, logits = forward(x, W1, b1, W2, b2)
    loss, p = stable_loss_and_softmax(logits, y)
    d = dlogits_of(p, y)
    dz = d @ W2.T
    return loss, pack(x, x.T @ dz, dz.sum(0), h.T @ d, d.sum(0))
