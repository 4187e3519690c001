"""The loads mask rows and columns but not k: the last K tile reads past the end of A and B."""
from _base import matmul_with

EXPECTED_MISTAKE = "K loop without masks"


def matmul(a, b):
    return matmul_with(a, b, k_mask=False)
