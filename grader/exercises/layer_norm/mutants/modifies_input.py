"""Centres x in place."""
import torch
from _base import affine, trailing_dims

EXPECTED_MISTAKE = "input modified in place"


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    dims = trailing_dims(normalized_shape)
    mean = x.mean(dims, keepdim=True)
    var = x.var(dims, unbiased=False, keepdim=True)
    with torch.no_grad():
        x -= mean
    return affine(x / torch.sqrt(var + eps), weight, bias)
