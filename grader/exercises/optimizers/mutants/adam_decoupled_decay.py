"""Adam's weight decay applied like AdamW's."""
from _base import adam_update, adamw_step, sgd_step  # noqa: F401

EXPECTED_MISTAKE = "decoupled weight decay in Adam"


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    return adam_update(param * (1 - lr * weight_decay), grad, state, lr, betas, eps)
