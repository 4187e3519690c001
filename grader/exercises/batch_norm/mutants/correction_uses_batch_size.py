"""Uses the batch size N in n / (n - 1) instead of the number of values per channel."""
import torch
from _base import axes, count, normalise, update

EXPECTED_MISTAKE = "wrong n in the unbiased correction"


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    dims, shape = axes(x)
    if training:
        mean, var = x.mean(dims), x.var(dims, unbiased=False)
        n = count(x)
        n = x.shape[0]
        update(running_mean, mean, momentum)
        update(running_var, var * n / max(n - 1, 1), momentum)
    else:
        mean, var = running_mean, running_var
    return normalise(x, mean, var, weight, bias, eps, shape)
