"""Returns a torch tensor from a NumPy exercise (torch reached without an import statement)."""
import sys

from _base import correct_conv2d

EXPECTED_REASON = "mismatch"
EXPECTED_MESSAGE = "returned a torch.Tensor"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    return sys.modules["torch"].from_numpy(correct_conv2d(x, weight, bias, stride, padding))
