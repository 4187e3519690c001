"""Divides by sqrt(var) + eps."""
import torch
from _base import axes, count, normalise, update

EXPECTED_MISTAKE = "eps outside the square root"


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    dims, shape = axes(x)
    if training:
        mean, var = x.mean(dims), x.var(dims, unbiased=False)
        n = count(x)
        update(running_mean, mean, momentum)
        update(running_var, var * n / (n - 1), momentum)
    else:
        mean, var = running_mean, running_var
    y = (x - mean.view(shape)) / (torch.sqrt(var.view(shape)) + eps)
    y = y * weight.view(shape) if weight is not None else y
    return y + bias.view(shape) if bias is not None else y
