"""Stores all BLOCK_N lanes: the padded ones write past the row (past the tensor on the last row)."""
from _base import layer_norm_with

EXPECTED_MISTAKE = "no mask on the padded lanes"


def layer_norm(x, weight, bias, eps=1e-5):
    return layer_norm_with(x, weight, bias, eps, store_mask=False)
