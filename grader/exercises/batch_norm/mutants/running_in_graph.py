"""Updates the running statistics with graph-connected values, outside torch.no_grad()."""
import torch
from _base import axes, count, normalise, update

EXPECTED_MISTAKE = "running statistics carry autograd history"


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    dims, shape = axes(x)
    if training:
        mean, var = x.mean(dims), x.var(dims, unbiased=False)
        n = count(x)
        if running_mean is not None:
            running_mean.mul_(1 - momentum).add_(momentum * mean)
            running_var.mul_(1 - momentum).add_(momentum * var * n / (n - 1))
    else:
        mean, var = running_mean, running_var
    return normalise(x, mean, var, weight, bias, eps, shape)
