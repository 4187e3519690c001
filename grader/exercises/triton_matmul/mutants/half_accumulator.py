"""The accumulator has the inputs' dtype: float16 partial sums."""
from _base import matmul_with

EXPECTED_MISTAKE = "accumulator in the input dtype"


def matmul(a, b):
    return matmul_with(a, b, acc_fp32=False)
