"""AdamW with weight_decay defaulting to 0 and so no decay in the default case."""
from _base import adam_update, adam_step, sgd_step  # noqa: F401

EXPECTED_MISTAKE = "weight decay ignored"


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    return adam_update(param * (1 - lr * weight_decay), grad, state, lr, betas, eps)
