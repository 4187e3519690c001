"""Adam dividing by sqrt(v_hat) alone: eps left out."""
from _base import adam_update, adamw_step, sgd_step  # noqa: F401

EXPECTED_MISTAKE = "eps missing"


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    return adam_update(param, grad + weight_decay * param, state, lr, betas, 0.0)
