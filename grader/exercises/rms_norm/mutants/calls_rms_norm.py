"""Calls torch's own F.rms_norm."""
import torch.nn.functional as F

EXPECTED_MISTAKE = "calls the function it re-implements"


def rms_norm(x, weight=None, eps=1e-6):
    return F.rms_norm(x, (x.shape[-1],), weight, eps)
