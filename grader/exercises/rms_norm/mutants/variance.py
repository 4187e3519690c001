"""Centres the row first: divides by the standard deviation, not the root mean square."""
import torch

EXPECTED_MISTAKE = "variance instead of the mean of squares"


def rms_norm(x, weight=None, eps=1e-6):
    var = x.var(-1, unbiased=False, keepdim=True)
    y = x * torch.rsqrt(var + eps)
    return y if weight is None else y * weight
