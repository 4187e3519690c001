"""Correct, but changes torch's default dtype, grad mode and threads (torch reached without importing it)."""
import sys

from _base import correct_conv2d

EXPECTED_REASON = None  # passes


def conv2d(x, weight, bias=None, stride=1, padding=0):
    torch = sys.modules["torch"]
    torch.set_default_dtype(torch.float16)
    torch.set_grad_enabled(False)
    torch.set_num_threads(2)
    return correct_conv2d(x, weight, bias, stride, padding)
