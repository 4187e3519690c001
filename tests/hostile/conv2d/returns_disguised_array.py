"""Returns an ndarray subclass whose comparisons always say "equal"."""
import numpy as np

EXPECTED_REASON = "crash"
EXPECTED_MESSAGE = "subclass defined in your file"


class AlwaysEqual(np.ndarray):
    def __eq__(self, other):
        return True

    def __array_function__(self, func, types, args, kwargs):
        return True


def conv2d(x, weight, bias=None, stride=1, padding=0):
    N, C, H, W = x.shape
    return np.zeros((N, weight.shape[0], H, W), dtype=x.dtype).view(AlwaysEqual)
