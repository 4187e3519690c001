"""AdamW decays by (1 - weight_decay), without the learning rate."""
from _base import adam_update, adam_step, sgd_step  # noqa: F401

EXPECTED_MISTAKE = "decay not scaled by lr"


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    return adam_update(param * (1 - weight_decay), grad, state, lr, betas, eps)
