"""Stores the whole tile: the edge tiles write past the end of C."""
from _base import matmul_with

EXPECTED_MISTAKE = "M/N masks missing on the store"


def matmul(a, b):
    return matmul_with(a, b, store_mask=False)
