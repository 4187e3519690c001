"""Uses the height's kernel, stride and padding for the width too."""
from _base import pair, pool

EXPECTED_MISTAKE = "square-only code"


def avg_pool2d(x, kernel_size, stride=None, padding=0):
    k = kernel_size if isinstance(kernel_size, int) else kernel_size[0]
    s = k if stride is None else (stride if isinstance(stride, int) else stride[0])
    p = padding if isinstance(padding, int) else padding[0]
    H_out = (x.shape[2] + 2 * p - k) // s + 1
    W_out = (x.shape[2] + 2 * p - k) // s + 1  # H where W belongs
    return pool(x, k, k, s, s, p, p, H_out, W_out)
