"""Ignores training: always normalises with the batch statistics (but updates only in training)."""
import torch
from _base import axes, count, normalise, update

EXPECTED_MISTAKE = "batch statistics in eval"


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    dims, shape = axes(x)
    mean, var = x.mean(dims), x.var(dims, unbiased=False)
    n = count(x)
    if training:
        update(running_mean, mean, momentum)
        update(running_var, var * n / (n - 1), momentum)
    return normalise(x, mean, var, weight, bias, eps, shape)
