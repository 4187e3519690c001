"""Correct but slow: one Python iteration per element, state kept as lists."""
import math

import numpy as np

TOO_SLOW = True


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0):
    p, g = param.ravel().tolist(), grad.ravel().tolist()
    buf = state.get("buf")
    out = []
    for i in range(len(p)):
        d = g[i] + weight_decay * p[i]
        if momentum:
            d = d if buf is None else momentum * state["buf"][i] + d
            state.setdefault("new", []).append(d)
        out.append(p[i] - lr * d)
    if momentum:
        state["buf"] = state.pop("new")
    return np.array(out, dtype=param.dtype).reshape(param.shape)


def _adam(p, g, state, lr, betas, eps):
    b1, b2 = betas
    t = state["t"] = state.get("t", 0) + 1
    m, v = state.setdefault("m", [0.0] * len(p)), state.setdefault("v", [0.0] * len(p))
    out = []
    for i in range(len(p)):
        m[i] = b1 * m[i] + (1 - b1) * g[i]
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
        out.append(p[i] - lr * (m[i] / (1 - b1**t)) / (math.sqrt(v[i] / (1 - b2**t)) + eps))
    return out


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    p = param.ravel().tolist()
    g = [gi + weight_decay * pi for gi, pi in zip(grad.ravel().tolist(), p)]
    return np.array(_adam(p, g, state, lr, betas, eps), dtype=param.dtype).reshape(param.shape)


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    p = [pi * (1 - lr * weight_decay) for pi in param.ravel().tolist()]
    return np.array(_adam(p, grad.ravel().tolist(), state, lr, betas, eps), dtype=param.dtype).reshape(param.shape)
