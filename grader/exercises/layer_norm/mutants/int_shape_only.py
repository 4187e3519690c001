"""Treats normalized_shape as one axis count: for (T, D) it normalises over the last T axes."""
import torch
from _base import affine, trailing_dims

EXPECTED_MISTAKE = "normalised over the wrong axes"


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    dims = trailing_dims(normalized_shape)
    k = normalized_shape if isinstance(normalized_shape, int) else normalized_shape[0]
    dims = tuple(range(-min(k, x.dim()), 0)) if not isinstance(normalized_shape, int) else (-1,)
    mean = x.mean(dims, keepdim=True)
    var = x.var(dims, unbiased=False, keepdim=True)
    return affine((x - mean) / torch.sqrt(var + eps), weight, bias)
