"""Momentum as a moving average: buf = m * buf + (1 - m) * g, started at the first gradient."""
from _base import adam_step, adamw_step  # noqa: F401

EXPECTED_MISTAKE = "EMA (dampened) momentum"


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0):
    g = grad + weight_decay * param
    if momentum:
        buf = state.get("buf")
        buf = g.copy() if buf is None else momentum * buf + (1 - momentum) * g
        state["buf"] = buf
        g = buf
    return param - lr * g
