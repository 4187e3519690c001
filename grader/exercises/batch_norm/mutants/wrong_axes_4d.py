"""Flattens with x.reshape(C, -1) without moving the channel axis first: mixes channels on 3-D and 4-D input."""
import torch
from _base import axes, count, normalise, update

EXPECTED_MISTAKE = "wrong reduction axes"


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    dims, shape = axes(x)
    C = x.shape[1]
    flat = x.reshape(C, -1) if x.dim() > 2 else x.t()  # (C, n) — but for x.dim() > 2 the wrong values
    if training:
        mean, var = flat.mean(1), flat.var(1, unbiased=False)
        n = flat.shape[1]
        update(running_mean, mean, momentum)
        update(running_var, var * n / (n - 1), momentum)
    else:
        mean, var = running_mean, running_var
    return normalise(x, mean, var, weight, bias, eps, shape)
