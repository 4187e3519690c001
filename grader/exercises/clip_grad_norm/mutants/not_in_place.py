"""Puts clipped copies into the list; the caller's arrays stay as they were."""
import math

import numpy as np

EXPECTED_MISTAKE = "gradients not clipped in place"


def clip_grad_norm(grads, max_norm):
    total = math.sqrt(sum(float(np.sum(g * g)) for g in grads))
    coef = min(max_norm / (total + 1e-6), 1.0)
    for i, g in enumerate(grads):
        grads[i] = g * coef
    return total
