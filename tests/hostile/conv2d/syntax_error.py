"""A syntax error: the report quotes the line and points at it."""
EXPECTED_REASON = "import_error"
EXPECTED_MESSAGE = "syntax error in conv2d.py, line 6: expected ':'"


def conv2d(x, weight, bias=None, stride=1, padding=0)
    return x
