"""Bias correction with t - 1: the first step divides by 1 - beta**0 = 0."""
from _base import adam_update, adamw_step, sgd_step  # noqa: F401

EXPECTED_MISTAKE = "step count starts at 0"


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    return adam_update(param, grad + weight_decay * param, state, lr, betas, eps, t_offset=-1)
