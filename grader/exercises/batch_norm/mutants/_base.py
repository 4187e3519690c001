"""Not a mutant: the correct pieces the mutants in this folder reuse (so each differs by one mistake)."""
import torch


def axes(x):
    """Reduction axes and the broadcast shape of a per-channel vector."""
    C = x.shape[1]
    return [0, *range(2, x.dim())], [1, C] + [1] * (x.dim() - 2)


def count(x):
    return x.numel() // x.shape[1]


def normalise(x, mean, var, weight, bias, eps, shape):
    y = (x - mean.view(shape)) / torch.sqrt(var.view(shape) + eps)
    if weight is not None:
        y = y * weight.view(shape)
    if bias is not None:
        y = y + bias.view(shape)
    return y


def update(running, value, momentum):
    if running is not None:
        with torch.no_grad():
            running.mul_(1 - momentum).add_(momentum * value)
