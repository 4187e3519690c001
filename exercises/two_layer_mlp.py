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
    """Return the mean softmax cross-entropy loss of a 2-layer MLP and its parameter gradients.

    Forward pass (N samples, D inputs, H hidden units, K classes):

        z      = x @ W1 + b1            (N, H)   pre-activations
        h      = relu(z)                (N, H)
        logits = h @ W2 + b2            (N, K)
        loss   = mean over n of  -log softmax(logits[n])[y[n]]
               = mean over n of  logsumexp(logits[n]) - logits[n, y[n]]

    Backward pass: the gradient of that loss with respect to W1, b1, W2 and b2, derived by hand
    with the chain rule (start from d loss / d logits = (softmax(logits) - onehot(y)) / N).
    At z = 0 use the ReLU derivative 0, as torch does.

    Args:
        x: inputs, (N, D), float32 or float64.
        y: integer class labels in [0, K), shape (N,) (int64 or int32).
        W1: (D, H), b1: (H,), W2: (H, K), b2: (K,), all of x's dtype. Note the layout
            x @ W (weights stored (in, out)), unlike nn.Linear's (out, in).

    Returns:
        (loss, grads): loss is a Python float; grads is a dict with the keys "W1", "b1", "W2",
        "b2", each a NumPy array of the same shape and dtype as that parameter.

    Rules:
        - NumPy only: no torch, jax, tensorflow or autograd — the point is the chain rule.
        - Do not modify the inputs.
        - Numerically stable: logits of size ~1000 must give a finite loss and finite gradients
          (exp(1000) overflows; log of a softmax that underflowed to 0 is -inf).
        - The checks compare with torch autograd in float64, and compare your gradients with
          central differences of your own loss.
        - The speed check times N=1024, D=64, H=64, K=10 (x of shape (1024, 64)) in float32
          against torch's forward pass + autograd on one thread (limit 10x): vectorise over the
          batch, no loop per sample.
    """
    # TODO: forward pass (keep z, h and the softmax), the loss, then the backward pass layer by layer.
    raise NotImplementedError("two_layer_mlp: implement it in exercises/two_layer_mlp.py")
