"""Uses 1e-6 whatever eps is passed."""
import torch

EXPECTED_MISTAKE = "eps argument ignored"


def rms_norm(x, weight=None, eps=1e-6):
    y = x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-6)
    return y if weight is None else y * weight
