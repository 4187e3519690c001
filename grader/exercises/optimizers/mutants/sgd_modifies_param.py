"""Right values, but updates the caller's param in place (as torch does) instead of returning a new one."""
from _base import adam_step, adamw_step  # noqa: F401

EXPECTED_MISTAKE = "input modified in place"


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0):
    g = grad + weight_decay * param
    if momentum:
        buf = state.get("buf")
        buf = g.copy() if buf is None else momentum * buf + g
        state["buf"] = buf
        g = buf
    param -= lr * g
    return param
