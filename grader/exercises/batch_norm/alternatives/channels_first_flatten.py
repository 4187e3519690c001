"""Correct: move channels to the front, flatten to (C, n), take row statistics."""
import torch


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    C = x.shape[1]
    shape = (1, C) + (1,) * (x.dim() - 2)
    if training:
        flat = x.transpose(0, 1).reshape(C, -1)  # (C, n)
        n = flat.shape[1]
        mean = flat.mean(dim=1)
        var = ((flat - mean[:, None]) ** 2).mean(dim=1)
        if running_mean is not None:
            with torch.no_grad():
                running_mean.copy_((1 - momentum) * running_mean + momentum * mean)
                running_var.copy_((1 - momentum) * running_var + momentum * var * n / (n - 1))
    else:
        mean, var = running_mean, running_var
    x_hat = (x - mean.reshape(shape)) / torch.sqrt(var.reshape(shape) + eps)
    w = weight.reshape(shape) if weight is not None else 1
    b = bias.reshape(shape) if bias is not None else 0
    return w * x_hat + b
