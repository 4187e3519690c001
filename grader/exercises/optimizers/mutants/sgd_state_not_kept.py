"""Keeps the momentum buffer in a fresh local dict: every step forgets it."""
from _base import adam_step, adamw_step  # noqa: F401

EXPECTED_MISTAKE = "momentum buffer not kept"


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0):
    state = dict(state)  # a copy: the caller's dict never sees the buffer
    g = grad + weight_decay * param
    if momentum:
        buf = state.get("buf")
        buf = g.copy() if buf is None else momentum * buf + g
        state["buf"] = buf
        g = buf
    return param - lr * g
