"""Always normalises over the last axis only, whatever normalized_shape says."""
import torch
from _base import affine, trailing_dims

EXPECTED_MISTAKE = "only the last axis normalised"


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    dims = trailing_dims(normalized_shape)
    mean = x.mean(-1, keepdim=True)
    var = x.var(-1, unbiased=False, keepdim=True)
    return affine((x - mean) / torch.sqrt(var + eps), weight, bias)
