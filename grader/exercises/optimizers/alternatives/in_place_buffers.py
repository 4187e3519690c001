"""Correct: moment buffers preallocated on the first call and updated in place; the paper's bias-corrected step size."""
import math

import numpy as np


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0):
    g = grad + weight_decay * param  # a new array: grad stays untouched
    if momentum == 0:
        return param - lr * g
    if "momentum_buffer" not in state:
        state["momentum_buffer"] = g
    else:
        buf = state["momentum_buffer"]
        buf *= momentum
        buf += g
    return param - lr * state["momentum_buffer"]


def _adam(param, grad, state, lr, betas, eps):
    b1, b2 = betas
    if not state:
        state.update(step=0, exp_avg=np.zeros_like(param), exp_avg_sq=np.zeros_like(param))
    state["step"] += 1
    t, m, v = state["step"], state["exp_avg"], state["exp_avg_sq"]
    m *= b1
    m += (1 - b1) * grad
    v *= b2
    v += (1 - b2) * grad**2
    step_size = lr / (1 - b1**t)
    denom = np.sqrt(v) / math.sqrt(1 - b2**t) + eps  # torch's order; math.sqrt keeps float32
    return param - step_size * m / denom


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    return _adam(param, grad + weight_decay * param, state, lr, betas, eps)


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    return _adam(param - lr * weight_decay * param, grad, state, lr, betas, eps)
