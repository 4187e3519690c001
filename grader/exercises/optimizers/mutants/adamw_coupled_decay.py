"""AdamW written as Adam with L2: the decay goes through the moments."""
from _base import adam_update, adam_step, sgd_step  # noqa: F401

EXPECTED_MISTAKE = "weight decay coupled in AdamW"


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    return adam_update(param, grad + weight_decay * param, state, lr, betas, eps)
