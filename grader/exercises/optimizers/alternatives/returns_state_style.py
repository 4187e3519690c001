"""Correct: the state kept under its own names, all three steps through one generic helper."""
import numpy as np


def _moments(grad, state, betas):
    b1, b2 = betas
    state["t"] = state.get("t", 0) + 1
    state["m"] = grad * (1 - b1) + b1 * state.get("m", np.zeros_like(grad))
    state["v"] = np.square(grad) * (1 - b2) + b2 * state.get("v", np.zeros_like(grad))
    t = state["t"]
    return state["m"] / (1 - b1**t), state["v"] / (1 - b2**t)


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0):
    d = grad + weight_decay * param
    if momentum > 0:
        d = state["buf"] = momentum * state["buf"] + d if "buf" in state else d.copy()
    return param - lr * d


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    m_hat, v_hat = _moments(grad + weight_decay * param, state, betas)
    return param - lr * m_hat / (np.sqrt(v_hat) + eps)


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    param = param * (1 - lr * weight_decay)
    m_hat, v_hat = _moments(grad, state, betas)
    return param - lr * m_hat / (np.sqrt(v_hat) + eps)
