"""Divides by std + eps."""
import torch
from _base import affine, trailing_dims

EXPECTED_MISTAKE = "eps outside the square root"


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    dims = trailing_dims(normalized_shape)
    mean = x.mean(dims, keepdim=True)
    std = x.std(dims, unbiased=False, keepdim=True)
    return affine((x - mean) / (std + eps), weight, bias)
