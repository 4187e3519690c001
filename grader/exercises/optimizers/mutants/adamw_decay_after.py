"""AdamW decays the parameter after the Adam step instead of before."""
from _base import adam_update, adam_step, sgd_step  # noqa: F401

EXPECTED_MISTAKE = "decay applied after the step"


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    return adam_update(param, grad, state, lr, betas, eps) * (1 - lr * weight_decay)
