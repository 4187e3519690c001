"""Normalises but never loads weight and bias."""
from _base import layer_norm_with

EXPECTED_MISTAKE = "weight or bias not applied"


def layer_norm(x, weight, bias, eps=1e-5):
    return layer_norm_with(x, weight, bias, eps, affine=False)
