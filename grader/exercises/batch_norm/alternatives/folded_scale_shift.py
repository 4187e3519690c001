"""Correct: torch.var_mean once, then fold normalisation and affine into one scale and shift."""
import torch


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    C = x.shape[1]
    dims = [0] + list(range(2, x.dim()))
    if training:
        var, mean = torch.var_mean(x, dim=dims, correction=0)
        if running_mean is not None:
            n = x.numel() // C
            running_mean.lerp_(mean.detach(), momentum)
            running_var.lerp_(var.detach() * (n / (n - 1)), momentum)
    else:
        mean, var = running_mean, running_var
    scale = torch.rsqrt(var + eps)
    if weight is not None:
        scale = scale * weight
    shift = -mean * scale
    if bias is not None:
        shift = shift + bias
    view = (1, C) + (1,) * (x.dim() - 2)
    return x * scale.view(view) + shift.view(view)
