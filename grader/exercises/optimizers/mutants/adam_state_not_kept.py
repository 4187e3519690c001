"""Rebinds `state` to a new dict: every step is a first step."""
from _base import adam_update, adamw_step, sgd_step  # noqa: F401

EXPECTED_MISTAKE = "state not kept between steps"


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    state = {}
    return adam_update(param, grad + weight_decay * param, state, lr, betas, eps)
