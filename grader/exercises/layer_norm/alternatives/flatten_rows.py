"""Correct: flatten the normalised axes into one, var_mean along it, reshape back."""
import torch


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    k = 1 if isinstance(normalized_shape, int) else len(normalized_shape)
    lead = x.shape[:x.dim() - k]
    rows = x.reshape(*lead, -1)  # (..., n)
    var, mean = torch.var_mean(rows, dim=-1, correction=0, keepdim=True)
    y = ((rows - mean) / torch.sqrt(var + eps)).reshape(x.shape)
    if weight is not None:
        y = y * weight
    if bias is not None:
        y = y + bias
    return y
