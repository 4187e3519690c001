"""Right values through a NumPy round trip: the output has no gradient path to the inputs."""
import torch
from _base import axes, count, normalise, update

EXPECTED_MISTAKE = "computed outside autograd"


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    dims, shape = axes(x)
    import numpy as np
    xn = x.detach().cpu().numpy()
    d = tuple(dims)
    if training:
        mean, var = xn.mean(d), xn.var(d)
        n = count(x)
        update(running_mean, torch.from_numpy(mean).to(x), momentum)
        update(running_var, torch.from_numpy(var * n / (n - 1)).to(x), momentum)
    else:
        mean, var = running_mean.cpu().numpy(), running_var.cpu().numpy()
    y = (xn - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + eps)
    if weight is not None:
        y = y * weight.detach().cpu().numpy().reshape(shape)
    if bias is not None:
        y = y + bias.detach().cpu().numpy().reshape(shape)
    return torch.from_numpy(y).to(x.device)
