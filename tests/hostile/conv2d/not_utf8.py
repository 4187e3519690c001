"""Bytes that are not UTF-8 in a string: the interpreter refuses the file."""
EXPECTED_REASON = "import_error"
EXPECTED_MESSAGE = "utf-8"
GREETING = "café"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    return x
