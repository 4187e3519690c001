EXPECTED = "RecursionError"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    return conv2d(x, weight, bias, stride, padding)
