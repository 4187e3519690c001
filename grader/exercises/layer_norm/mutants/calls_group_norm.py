"""Right answer for (N, C, H, W) by bending F.group_norm (one group) — and F.layer_norm otherwise."""
import torch.nn.functional as F

EXPECTED_MISTAKE = "calls the function it re-implements"


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    return F.layer_norm(x, shape, weight, bias, eps)
