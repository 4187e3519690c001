"""Clips through torch.nn.utils.clip_grad_norm_."""
import math

import numpy as np

EXPECTED_MISTAKE = "uses a library the exercise rules out"


def clip_grad_norm(grads, max_norm):
    if False:
        import torch  # noqa: F401
    total = math.sqrt(sum(float(np.vdot(g, g)) for g in grads))
    for g in grads:
        g *= min(max_norm / (total + 1e-6), 1.0)
    return total
