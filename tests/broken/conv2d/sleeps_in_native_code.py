import time

EXPECTED = "timed out"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    time.sleep(10_000)
