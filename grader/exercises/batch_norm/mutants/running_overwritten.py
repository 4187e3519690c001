"""Copies the batch statistics into the running ones instead of averaging."""
import torch
from _base import axes, count, normalise, update

EXPECTED_MISTAKE = "running statistics overwritten by the batch's"


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    dims, shape = axes(x)
    if training:
        mean, var = x.mean(dims), x.var(dims, unbiased=False)
        n = count(x)
        update(running_mean, mean, 1.0)
        update(running_var, var * n / (n - 1), 1.0)
    else:
        mean, var = running_mean, running_var
    return normalise(x, mean, var, weight, bias, eps, shape)
