"""Prints forever: the output cap stops it with a clear message."""
EXPECTED_REASON = "crash"
EXPECTED_MESSAGE = "too much output"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    while True:
        print("debugging " * 100)
