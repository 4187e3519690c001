"""Detaches mean and variance: right values, wrong gradient for x."""
import torch
from _base import affine, trailing_dims

EXPECTED_MISTAKE = "statistics detached"


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    dims = trailing_dims(normalized_shape)
    mean = x.mean(dims, keepdim=True).detach()
    var = x.var(dims, unbiased=False, keepdim=True).detach()
    return affine((x - mean) / torch.sqrt(var + eps), weight, bias)
