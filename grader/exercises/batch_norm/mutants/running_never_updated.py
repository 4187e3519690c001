"""Rebinds the names to new tensors: the caller's running statistics never change."""
import torch
from _base import axes, count, normalise, update

EXPECTED_MISTAKE = "running statistics never updated"


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    dims, shape = axes(x)
    if training:
        mean, var = x.mean(dims), x.var(dims, unbiased=False)
        n = count(x)
        if running_mean is not None:
            running_mean = (1 - momentum) * running_mean + momentum * mean.detach()
            running_var = (1 - momentum) * running_var + momentum * var.detach() * n / (n - 1)
    else:
        mean, var = running_mean, running_var
    return normalise(x, mean, var, weight, bias, eps, shape)
