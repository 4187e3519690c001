"""Correct: keepdim statistics, unbiased running variance from torch.var's default."""
import torch


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    dims = tuple(d for d in range(x.dim()) if d != 1)
    view = [-1 if d == 1 else 1 for d in range(x.dim())]
    if training:
        mean = x.mean(dim=dims, keepdim=True)
        var = x.var(dim=dims, unbiased=False, keepdim=True)
        if running_mean is not None:
            with torch.no_grad():
                running_mean *= 1 - momentum
                running_mean += momentum * mean.flatten()
                running_var *= 1 - momentum
                running_var += momentum * x.var(dim=dims).flatten()  # unbiased by default
    else:
        mean, var = running_mean.view(view), running_var.view(view)
    out = (x - mean) / (var + eps).sqrt()
    if weight is not None:
        out = out * weight.view(view)
    if bias is not None:
        out = out + bias.view(view)
    return out
