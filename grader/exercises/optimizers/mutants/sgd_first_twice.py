"""Initialises the buffer to the first gradient and then also adds it: (1 + momentum) * g."""
from _base import adam_step, adamw_step  # noqa: F401

EXPECTED_MISTAKE = "first gradient counted twice"


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0):
    g = grad + weight_decay * param
    if momentum:
        buf = state.get("buf", g)
        buf = momentum * buf + g
        state["buf"] = buf
        g = buf
    return param - lr * g
