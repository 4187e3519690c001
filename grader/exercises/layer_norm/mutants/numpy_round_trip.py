"""Right values through NumPy: no gradient reaches x, weight or bias."""
import torch
from _base import affine, trailing_dims

EXPECTED_MISTAKE = "computed outside autograd"


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    dims = trailing_dims(normalized_shape)
    import numpy as np
    xn = x.detach().cpu().numpy()
    mean = xn.mean(dims, keepdims=True)
    var = xn.var(dims, keepdims=True)
    y = torch.from_numpy((xn - mean) / np.sqrt(var + eps)).to(x.device)
    return affine(y, None if weight is None else weight.detach(), None if bias is None else bias.detach())
