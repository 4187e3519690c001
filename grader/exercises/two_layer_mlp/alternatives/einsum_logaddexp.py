"""Correct: einsum for the weight gradients, np.logaddexp.reduce for the log-sum-exp."""
import numpy as np


def two_layer_mlp(x, y, W1, b1, W2, b2):
    N = len(y)
    z = np.einsum("nd,dh->nh", x, W1) + b1
    h = z * (z > 0)
    logits = np.einsum("nh,hk->nk", h, W2) + b2
    lse = np.logaddexp.reduce(logits, axis=1)
    loss = np.mean(lse - logits[np.arange(N), y])
    probs = np.exp(logits - lse[:, None])
    onehot = np.eye(logits.shape[1], dtype=x.dtype)[y]
    dlogits = (probs - onehot) / N
    dh = np.einsum("nk,hk->nh", dlogits, W2)
    dz = np.where(z > 0, dh, 0)
    grads = {"W2": np.einsum("nh,nk->hk", h, dlogits), "b2": dlogits.sum(0),
             "W1": np.einsum("nd,nh->dh", x, dz), "b1": dz.sum(0)}
    return np.float64(loss), {k: v.astype(x.dtype) for k, v in grads.items()}
