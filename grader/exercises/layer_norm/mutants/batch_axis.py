"""Normalises over the batch axis (BatchNorm-style statistics) instead of each sample's features."""
import torch
from _base import affine, trailing_dims

EXPECTED_MISTAKE = "normalised over the wrong axes"


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    dims = trailing_dims(normalized_shape)
    mean = x.mean(0, keepdim=True)
    var = x.var(0, unbiased=False, keepdim=True)
    return affine((x - mean) / torch.sqrt(var + eps), weight, bias)
