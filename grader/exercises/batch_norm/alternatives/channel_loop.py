"""Correct but slow: a Python loop over channels. Passes correctness, fails the speed check."""
import torch

TOO_SLOW = True


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    outs = []
    for c in range(x.shape[1]):
        xc = x[:, c]
        if training:
            mean, var = xc.mean(), xc.var(unbiased=False)
            if running_mean is not None:
                n = xc.numel()
                with torch.no_grad():
                    running_mean[c] = (1 - momentum) * running_mean[c] + momentum * mean
                    running_var[c] = (1 - momentum) * running_var[c] + momentum * var * n / (n - 1)
        else:
            mean, var = running_mean[c], running_var[c]
        y = (xc - mean) / torch.sqrt(var + eps)
        if weight is not None:
            y = y * weight[c]
        if bias is not None:
            y = y + bias[c]
        outs.append(y)
    return torch.stack(outs, dim=1)
