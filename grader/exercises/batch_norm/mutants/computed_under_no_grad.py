"""Wraps everything in torch.no_grad(): right values, no gradients."""
import torch
from _base import axes, count, normalise, update

EXPECTED_MISTAKE = "computed outside autograd"


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    dims, shape = axes(x)
    with torch.no_grad():
        if training:
            mean, var = x.mean(dims), x.var(dims, unbiased=False)
            n = count(x)
            update(running_mean, mean, momentum)
            update(running_var, var * n / (n - 1), momentum)
        else:
            mean, var = running_mean, running_var
        return normalise(x, mean, var, weight, bias, eps, shape)
