"""Masks with x > 0 (the layer's input) instead of z > 0; crashes unless D == H."""
import numpy as np
from _base import dlogits_of, forward, pack, stable_loss_and_softmax

EXPECTED_MISTAKE = "ReLU mask from the wrong tensor"


def two_layer_mlp(x, y, W1, b1, W2, b2):
    z, h, logits = forward(x, W1, b1, W2, b2)
    loss, p = stable_loss_and_softmax(logits, y)
    d = dlogits_of(p, y)
    dz = (d @ W2.T) * (x > 0)
    return loss, pack(x, x.T @ dz, dz.sum(0), h.T @ d, d.sum(0))
