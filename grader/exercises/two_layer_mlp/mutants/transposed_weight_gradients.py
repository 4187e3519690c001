"""Computes dW as dout.T @ inp: the transpose of the right gradient."""
import numpy as np
from _base import dlogits_of, forward, pack, stable_loss_and_softmax

EXPECTED_MISTAKE = "transposed weight gradient"


def two_layer_mlp(x, y, W1, b1, W2, b2):
    z, h, logits = forward(x, W1, b1, W2, b2)
    loss, p = stable_loss_and_softmax(logits, y)
    d = dlogits_of(p, y)
    dz = (d @ W2.T) * (z > 0)
    return loss, pack(x, dz.T @ x, dz.sum(0), d.T @ h, d.sum(0))
