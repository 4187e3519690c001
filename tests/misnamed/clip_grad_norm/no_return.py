"""Clips the gradients right, in place, and forgets to return the total norm (returns None). Once told
"expected a NumPy array"."""
import numpy as np

EXPECTED_MISTAKE = None  # no classic mistake: the message must say a float was expected and None came
EXPECTED_MESSAGE = "expected a float"


def clip_grad_norm(grads, max_norm):
    total = np.sqrt(sum(np.sum(g * g) for g in grads))
    coef = min(max_norm / (total + 1e-6), 1.0)
    for g in grads:
        g *= coef
