"""Adds the weight decay after the momentum, not into the gradient."""
from _base import adam_step, adamw_step  # noqa: F401

EXPECTED_MISTAKE = "weight decay outside the momentum"


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0):
    g = grad
    if momentum:
        buf = state.get("buf")
        buf = g.copy() if buf is None else momentum * buf + g
        state["buf"] = buf
        g = buf
    return param - lr * (g + weight_decay * param)
