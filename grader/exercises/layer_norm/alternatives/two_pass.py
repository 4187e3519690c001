"""Correct: explicit two-pass variance and rsqrt."""
import torch


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    if isinstance(normalized_shape, int):
        normalized_shape = [normalized_shape]
    dims = [x.dim() - 1 - i for i in range(len(normalized_shape))]
    centred = x - x.mean(dim=dims, keepdim=True)
    var = (centred * centred).mean(dim=dims, keepdim=True)
    y = centred * torch.rsqrt(var + eps)
    if weight is not None:
        y = weight * y
    if bias is not None:
        y = y + bias
    return y
