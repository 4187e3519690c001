"""SGD that takes weight_decay but never adds it to the gradient."""
import _base
from _base import adam_step, adamw_step  # noqa: F401

EXPECTED_MISTAKE = "weight decay ignored"


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0):
    return _base.sgd_step(param, grad, state, lr, momentum)
