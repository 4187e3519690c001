"""max_norm / total without the 1e-6, always applied: 1/0 for all-zero gradients, and a coefficient
slightly off wherever it clips: the 1e-6 is what is missing."""
import math

import numpy as np

EXPECTED_MISTAKE = "1e-6 missing"


def clip_grad_norm(grads, max_norm):
    total = np.sqrt(sum(np.vdot(g, g) for g in grads)) if grads else 0.0
    coef = np.minimum(max_norm / total, 1.0)
    for g in grads:
        g *= coef
    return float(total)
