import ctypes

EXPECTED = "SIGSEGV"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    ctypes.string_at(0)
