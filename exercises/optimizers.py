"""One step of SGD (with momentum), Adam and AdamW in NumPy, matching torch.optim step for step.

The design: a step function per optimiser,

    new_param = adam_step(param, grad, state, lr=1e-3, ...)

  - `param` and `grad` are arrays of the same shape and dtype (float32 or float64). Do NOT
    modify them: return the updated parameter as a new array of param's shape and dtype.
  - `state` is a dict that belongs to this one parameter. It is empty ({}) on the first call;
    store in it whatever must survive until the next step (the step count, the moving
    averages, the momentum buffer), updating it IN PLACE (state["step"] = ...). The caller
    passes the same dict back on every step, exactly as torch.optim keeps
    `optimizer.state[p]`. Torch's names are "step", "exp_avg", "exp_avg_sq" and
    "momentum_buffer" — use them if you like; the checks never read your state.

A training loop with it:

    state = {}
    for grad in gradients:
        param = adam_step(param, grad, state, lr=1e-3)

The checks run 100 steps on a fixed sequence of gradients and compare your parameter after
every step with torch.optim.SGD / Adam / AdamW fed the same gradients, in float64.

Rules for every function:
    - No NaN or Inf and no NumPy RuntimeWarning (a step count starting at 0 divides by
      1 - beta**0 = 0).
    - Keep param's dtype: scalars such as 1 - beta1**t are Python floats and keep float32
      arrays float32, but a NumPy float64 scalar (np.sqrt(1 - beta2**t)) promotes them to
      float64 — use math.sqrt for scalars.
    - NumPy only: do not import torch.
    - The speed check times one step of each optimiser on 2**16 float32 values, shape (65536,), against
      torch.optim on one thread (limit 8x): no Python loop over elements.
"""
from __future__ import annotations

import numpy as np


def sgd_step(param: np.ndarray, grad: np.ndarray, state: dict, lr: float, momentum: float = 0.0,
             weight_decay: float = 0.0) -> np.ndarray:
    """One step of torch.optim.SGD(lr, momentum, weight_decay) with dampening=0, nesterov=False.

        g   = grad + weight_decay * param              (L2 regularisation, in the gradient)
        buf = g                       on the first step (when momentum != 0)
        buf = momentum * buf + g      on later steps
        new_param = param - lr * buf                   (param - lr * g when momentum == 0)

    torch starts the buffer at the first gradient. With dampening = 0 this is what a buffer
    of zeros would give too (momentum * 0 + g = g) — but the moving-average form
    momentum * buf + (1 - momentum) * g is a different optimiser.

    Args:
        param, grad: arrays of the same shape and dtype.
        state: this parameter's dict, {} on the first call, updated in place.
        lr: the learning rate; momentum: in [0, 1), 0 means none; weight_decay: >= 0.

    Returns:
        The new parameter: a new array of param's shape and dtype.
    """
    # TODO: add the L2 term to the gradient, keep the momentum buffer in `state`, take the step.
    raise NotImplementedError("optimizers: implement sgd_step in exercises/optimizers.py")


def adam_step(param: np.ndarray, grad: np.ndarray, state: dict, lr: float = 1e-3,
              betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
              weight_decay: float = 0.0) -> np.ndarray:
    """One step of torch.optim.Adam(lr, betas, eps, weight_decay), amsgrad=False.

        g     = grad + weight_decay * param           (Adam's weight decay is L2, in the gradient)
        t     = t + 1                                  (t = 1 on the first step)
        m     = beta1 * m + (1 - beta1) * g            (m and v start at 0)
        v     = beta2 * v + (1 - beta2) * g**2
        m_hat = m / (1 - beta1**t)                     (bias correction)
        v_hat = v / (1 - beta2**t)
        new_param = param - lr * m_hat / (sqrt(v_hat) + eps)      (eps OUTSIDE the sqrt)

    Args:
        param, grad: arrays of the same shape and dtype.
        state: this parameter's dict, {} on the first call, updated in place (t, m, v).
        lr, betas=(beta1, beta2), eps, weight_decay: as in torch.optim.Adam, same defaults.

    Returns:
        The new parameter: a new array of param's shape and dtype.
    """
    # TODO: count the step, update both moving averages, correct their bias, take the step.
    raise NotImplementedError("optimizers: implement adam_step in exercises/optimizers.py")


def adamw_step(param: np.ndarray, grad: np.ndarray, state: dict, lr: float = 1e-3,
               betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
               weight_decay: float = 1e-2) -> np.ndarray:
    """One step of torch.optim.AdamW(lr, betas, eps, weight_decay), amsgrad=False.

    Decoupled weight decay: the parameter shrinks directly, and the decay never enters the
    moving averages (so it is not divided by sqrt(v_hat) like the gradient is):

        param = param * (1 - lr * weight_decay)        (first, as torch does)
        then exactly Adam's step with g = grad (no L2 term) on that decayed param.

    Note the default weight_decay is 1e-2 (Adam's is 0).

    Args:
        param, grad: arrays of the same shape and dtype.
        state: this parameter's dict, {} on the first call, updated in place (t, m, v).
        lr, betas=(beta1, beta2), eps, weight_decay: as in torch.optim.AdamW, same defaults.

    Returns:
        The new parameter: a new array of param's shape and dtype.
    """
    # TODO: decay the parameter by (1 - lr * weight_decay), then an Adam step without L2.
    raise NotImplementedError("optimizers: implement adamw_step in exercises/optimizers.py")
