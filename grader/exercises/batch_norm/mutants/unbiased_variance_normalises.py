"""Normalises the batch with its unbiased variance (torch.var's default)."""
import torch
from _base import axes, count, normalise, update

EXPECTED_MISTAKE = "unbiased variance used to normalise"


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    dims, shape = axes(x)
    if training:
        mean, var = x.mean(dims), x.var(dims)
        update(running_mean, mean, momentum)
        update(running_var, var, momentum)
    else:
        mean, var = running_mean, running_var
    return normalise(x, mean, var, weight, bias, eps, shape)
