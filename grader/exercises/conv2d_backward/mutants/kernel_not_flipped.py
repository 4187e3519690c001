"""dx scattered through the kernel as it is, not rotated by 180 degrees."""
from _base import backward

EXPECTED_MISTAKE = "kernel not flipped for dx"


def conv2d_backward(x, weight, dout, stride=1, padding=0):
    return backward(x, weight, dout, stride, padding, flip=False)
