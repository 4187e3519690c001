"""Not a mutant: correct steps; each mutant in this folder replaces one of them."""
import numpy as np


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0):
    g = grad + weight_decay * param
    if momentum:
        buf = state.get("momentum_buffer")
        buf = g.copy() if buf is None else momentum * buf + g
        state["momentum_buffer"] = buf
        g = buf
    return param - lr * g


def adam_update(param, grad, state, lr, betas, eps, *, t_offset=0, correct=(True, True), eps_mode="outside"):
    b1, b2 = betas
    t = state["step"] = state.get("step", 0) + 1
    m = state["m"] = b1 * state.get("m", 0.0) + (1 - b1) * grad
    v = state["v"] = b2 * state.get("v", 0.0) + (1 - b2) * grad * grad
    bc1 = 1 - b1 ** (t + t_offset) if correct[0] else 1.0
    bc2 = 1 - b2 ** (t + t_offset) if correct[1] else 1.0
    if eps_mode == "inside":
        denom = np.sqrt(v / bc2 + eps)
    elif eps_mode == "before":
        denom = (np.sqrt(v) + eps) / np.sqrt(bc2)
    else:
        denom = np.sqrt(v / bc2) + eps
    return param - lr * (m / bc1) / denom


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    return adam_update(param, grad + weight_decay * param, state, lr, betas, eps)


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    return adam_update(param * (1 - lr * weight_decay), grad, state, lr, betas, eps)
