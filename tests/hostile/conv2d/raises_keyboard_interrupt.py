"""Raises KeyboardInterrupt on the third call: must not end the run early with the rest "not run"."""
from _base import correct_conv2d

EXPECTED_REASON = "crash"
EXPECTED_MESSAGE = "KeyboardInterrupt"
calls = 0


def conv2d(x, weight, bias=None, stride=1, padding=0):
    global calls
    calls += 1
    if calls == 3:
        raise KeyboardInterrupt
    return correct_conv2d(x, weight, bias, stride, padding)
