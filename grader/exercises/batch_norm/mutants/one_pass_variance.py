"""Computes the variance as E[x^2] - E[x]^2: cancels in float32 when the mean is large."""
import torch
from _base import axes, count, normalise, update

EXPECTED_MISTAKE = "variance as E[x^2] - E[x]^2"


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    dims, shape = axes(x)
    if training:
        mean = x.mean(dims)
        var = (x * x).mean(dims) - mean * mean
        n = count(x)
        update(running_mean, mean, momentum)
        update(running_var, var * n / (n - 1), momentum)
    else:
        mean, var = running_mean, running_var
    return normalise(x, mean, var, weight, bias, eps, shape)
