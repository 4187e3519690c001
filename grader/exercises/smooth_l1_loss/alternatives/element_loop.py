"""Correct but slow: one Python iteration per element."""
import numpy as np

TOO_SLOW = True


def smooth_l1_loss(pred, target, beta=1.0):
    total = 0.0
    for p, t in zip(pred.ravel().tolist(), target.ravel().tolist()):
        d = abs(p - t)
        total += 0.5 * d * d / beta if d < beta else d - 0.5 * beta
    return np.asarray(total / pred.size, dtype=pred.dtype)
