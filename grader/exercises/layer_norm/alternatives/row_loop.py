"""Correct but slow: a Python loop over rows. Passes correctness, fails the speed check."""
import torch

TOO_SLOW = True


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    k = 1 if isinstance(normalized_shape, int) else len(normalized_shape)
    rows = x.reshape(-1, *x.shape[x.dim() - k:])
    out = []
    for r in rows:
        mean = r.mean()
        var = ((r - mean) ** 2).mean()
        y = (r - mean) / torch.sqrt(var + eps)
        if weight is not None:
            y = y * weight
        if bias is not None:
            y = y + bias
        out.append(y)
    return torch.stack(out).reshape(x.shape)
