"""One step of SGD (with momentum), Adam and AdamW in NumPy, matching torch.optim step for step.

Each step function takes the parameter, its gradient and a `state` dict that belongs to that
parameter, returns the new parameter, and updates `state` in place for the next call.
"""
from __future__ import annotations

import numpy as np


def sgd_step(param: np.ndarray, grad: np.ndarray, state: dict, lr: float, momentum: float = 0.0,
             weight_decay: float = 0.0) -> np.ndarray:
    """Reference solution: L2 into the gradient, then the momentum buffer, then the step."""
    g = grad + weight_decay * param if weight_decay else grad
    if momentum:
        buf = state.get("momentum_buffer")
        # torch starts the buffer at the first gradient; afterwards buf <- momentum * buf + g
        buf = g.copy() if buf is None else momentum * buf + g
        state["momentum_buffer"] = buf
        g = buf
    return param - lr * g


def _adam_update(param: np.ndarray, grad: np.ndarray, state: dict, lr: float, betas: tuple[float, float],
                 eps: float) -> np.ndarray:
    """The Adam step shared by Adam and AdamW: moments, bias correction, normalised step."""
    beta1, beta2 = betas
    t = state["step"] = state.get("step", 0) + 1  # 1 on the first call: 1 - beta**t is never 0
    m = state["exp_avg"] = beta1 * state.get("exp_avg", 0.0) + (1 - beta1) * grad
    v = state["exp_avg_sq"] = beta2 * state.get("exp_avg_sq", 0.0) + (1 - beta2) * grad * grad
    m_hat = m / (1 - beta1**t)  # the moments start at 0: divide out the weight (1 - beta**t)
    v_hat = v / (1 - beta2**t)
    return param - lr * m_hat / (np.sqrt(v_hat) + eps)  # eps outside the square root, as torch


def adam_step(param: np.ndarray, grad: np.ndarray, state: dict, lr: float = 1e-3,
              betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
              weight_decay: float = 0.0) -> np.ndarray:
    """Reference solution: Adam's weight decay is L2, added to the gradient."""
    g = grad + weight_decay * param if weight_decay else grad
    return _adam_update(param, g, state, lr, betas, eps)


def adamw_step(param: np.ndarray, grad: np.ndarray, state: dict, lr: float = 1e-3,
               betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
               weight_decay: float = 1e-2) -> np.ndarray:
    """Reference solution: decay the parameter first (decoupled), then a plain Adam step."""
    decayed = param * (1 - lr * weight_decay)  # never enters the moments
    return _adam_update(decayed, grad, state, lr, betas, eps)
