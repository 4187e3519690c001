"""dx[idx] = dout: where windows overlap, one window's gradient survives."""
from _base import backward

EXPECTED_MISTAKE = "gradient overwritten, not accumulated"


def max_pool2d_backward(x, dout, kernel_size, stride=None, padding=0):
    return backward(x, dout, kernel_size, stride, padding, combine="assign")
