"""Moving-average momentum from a buffer of zeros: the first step is (1 - momentum) too small."""
import numpy as np
from _base import adam_step, adamw_step  # noqa: F401

EXPECTED_MISTAKE = "EMA (dampened) momentum"


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0):
    g = grad + weight_decay * param
    if momentum:
        buf = state.setdefault("buf", np.zeros_like(param))
        buf[...] = momentum * buf + (1 - momentum) * g
        g = buf
    return param - lr * g
