"""Divides by the standard deviation with no eps: NaN on constant rows."""
from _base import affine, trailing_dims

EXPECTED_MISTAKE = None


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    dims = trailing_dims(normalized_shape)
    mean = x.mean(dims, keepdim=True)
    return affine((x - mean) / x.std(dims, unbiased=False, keepdim=True), weight, bias)
