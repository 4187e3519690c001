"""Passes the strides of row-major tensors, (K, 1) and (N, 1), whatever the inputs' layout."""
from _base import matmul_with

EXPECTED_MISTAKE = "strides assumed (row-major inputs)"


def matmul(a, b):
    return matmul_with(a, b, contiguous_strides=True)
