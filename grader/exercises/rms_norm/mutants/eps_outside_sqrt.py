"""Divides by rms + eps."""
import torch

EXPECTED_MISTAKE = "eps outside the square root"


def rms_norm(x, weight=None, eps=1e-6):
    y = x / (x.pow(2).mean(-1, keepdim=True).sqrt() + eps)
    return y if weight is None else y * weight
