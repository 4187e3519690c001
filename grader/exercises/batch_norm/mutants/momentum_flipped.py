"""Weights the old running value by momentum (the Keras/TF convention), not the new one."""
import torch
from _base import axes, count, normalise, update

EXPECTED_MISTAKE = "momentum convention flipped"


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    dims, shape = axes(x)
    if training:
        mean, var = x.mean(dims), x.var(dims, unbiased=False)
        n = count(x)
        update(running_mean, mean, 1 - momentum)
        update(running_var, var * n / (n - 1), 1 - momentum)
    else:
        mean, var = running_mean, running_var
    return normalise(x, mean, var, weight, bias, eps, shape)
