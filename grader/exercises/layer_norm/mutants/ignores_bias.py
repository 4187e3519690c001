"""Applies the weight but forgets the bias."""
import torch
from _base import affine, trailing_dims

EXPECTED_MISTAKE = "weight or bias ignored"


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    dims = trailing_dims(normalized_shape)
    mean = x.mean(dims, keepdim=True)
    var = x.var(dims, unbiased=False, keepdim=True)
    return affine((x - mean) / torch.sqrt(var + eps), weight, None)
