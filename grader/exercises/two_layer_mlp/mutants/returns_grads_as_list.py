"""Returns the gradients as a list instead of a dict."""
from _base import dlogits_of, forward, stable_loss_and_softmax

EXPECTED_MISTAKE = None


def two_layer_mlp(x, y, W1, b1, W2, b2):
    z, h, logits = forward(x, W1, b1, W2, b2)
    loss, p = stable_loss_and_softmax(logits, y)
    d = dlogits_of(p, y)
    dz = (d @ W2.T) * (z > 0)
    return loss, [x.T @ dz, dz.sum(0), h.T @ d, d.sum(0)]
