"""Right values through math-free float arithmetic: returns floats."""
import numpy as np

EXPECTED_MISTAKE = "returned a float"


def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    stride = stride or kernel_size
    last = size + 2 * padding - dilation * (kernel_size - 1) - 1
    out = (np.ceil(last / stride) if ceil_mode else np.floor(last / stride)) + 1
    if ceil_mode and (out - 1) * stride >= size + padding:
        out -= 1
    return out
