"""SGD whose momentum is an exponential moving average from zeros, m = beta*m + (1 - beta)*g (Adam's first
moment, no bias correction); Adam and AdamW right. Once told "momentum buffer started at zero"."""
import numpy as np

EXPECTED_MISTAKE = "EMA (dampened) momentum"


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0):
    g = grad + weight_decay * param
    if momentum:
        m = state.get("m", np.zeros_like(param))
        m = momentum * m + (1 - momentum) * g
        state["m"] = m
        g = m
    return param - lr * g


def _adam(param, grad, state, lr, betas, eps):
    b1, b2 = betas
    t = state["t"] = state.get("t", 0) + 1
    m = state["m"] = b1 * state.get("m", 0.0) + (1 - b1) * grad
    v = state["v"] = b2 * state.get("v", 0.0) + (1 - b2) * grad ** 2
    return param - lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps)


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    return _adam(param, grad + weight_decay * param, state, lr, betas, eps)


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    return _adam(param * (1 - lr * weight_decay), grad, state, lr, betas, eps)
