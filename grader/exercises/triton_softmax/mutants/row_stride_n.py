"""N as the row stride of x: right on a contiguous x, wrong rows on a view of a wider buffer."""
from _base import launch, softmax_kernel

EXPECTED_MISTAKE = "wrong row stride"


def softmax(x):
    return launch(softmax_kernel, x, x_stride=x.shape[1])
