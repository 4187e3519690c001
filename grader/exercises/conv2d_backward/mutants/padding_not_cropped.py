"""Returns the gradient of the padded input."""
from _base import backward

EXPECTED_MISTAKE = "padding not cropped from dx"


def conv2d_backward(x, weight, dout, stride=1, padding=0):
    return backward(x, weight, dout, stride, padding, crop=False)
