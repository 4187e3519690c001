"""Variance as E[x^2] - E[x]^2: loses everything in float32 when the mean is large."""
import torch
from _base import affine, trailing_dims

EXPECTED_MISTAKE = "variance as E[x^2] - E[x]^2"


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    dims = trailing_dims(normalized_shape)
    mean = x.mean(dims, keepdim=True)
    var = (x * x).mean(dims, keepdim=True) - mean ** 2
    return affine((x - mean) / torch.sqrt(var + eps), weight, bias)
