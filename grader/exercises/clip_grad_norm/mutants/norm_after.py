"""Returns the norm measured after clipping."""
import math

import numpy as np

EXPECTED_MISTAKE = "norm after clipping returned"


def clip_grad_norm(grads, max_norm):
    total = math.sqrt(sum(float(np.vdot(g, g)) for g in grads))
    coef = min(max_norm / (total + 1e-6), 1.0)
    for g in grads:
        g *= coef
    return math.sqrt(sum(float(np.vdot(g, g)) for g in grads))
