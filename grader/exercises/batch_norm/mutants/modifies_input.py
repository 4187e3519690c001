"""Centres x in place (x.sub_), changing the caller's tensor."""
import torch
from _base import axes, count, normalise, update

EXPECTED_MISTAKE = "input modified in place"


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    dims, shape = axes(x)
    if training:
        mean, var = x.mean(dims), x.var(dims, unbiased=False)
        n = count(x)
        update(running_mean, mean, momentum)
        update(running_var, var * n / (n - 1), momentum)
    else:
        mean, var = running_mean, running_var
    with torch.no_grad():
        x.sub_(mean.view(shape))
    return normalise(x, torch.zeros_like(mean), var, weight, bias, eps, shape)
