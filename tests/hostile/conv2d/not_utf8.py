"""Bytes that are not UTF-8: the interpreter refuses the file."""
EXPECTED_REASON = "import_error"
EXPECTED_MESSAGE = "utf-8"
# café

def conv2d(x, weight, bias=None, stride=1, padding=0):
    return x
