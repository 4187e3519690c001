"""In eval, normalises correctly but still nudges the running statistics towards the batch's."""
from _base import axes, count, normalise, update

EXPECTED_MISTAKE = "running statistics changed in eval"


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    dims, shape = axes(x)
    mean, var = x.mean(dims), x.var(dims, unbiased=False)
    if not training:
        mean, var = running_mean.clone(), running_var.clone()
    update(running_mean, x.mean(dims), momentum)
    update(running_var, x.var(dims), momentum)
    return normalise(x, mean, var, weight, bias, eps, shape)
