"""No mask: the padded lanes read the next row, and the last row reads past the end of x."""
import triton
import triton.language as tl
from _base import launch

EXPECTED_MISTAKE = "no mask on the padded lanes"


@triton.jit
def softmax_kernel(out_ptr, x_ptr, x_row_stride, out_row_stride, n_cols, BLOCK: tl.constexpr):
    row = tl.program_id(0)
    cols = tl.arange(0, BLOCK)
    x = tl.load(x_ptr + row * x_row_stride + cols)
    e = tl.exp(x - tl.max(x, axis=0))
    tl.store(out_ptr + row * out_row_stride + cols, e / tl.sum(e, axis=0), mask=cols < n_cols)


def softmax(x):
    return launch(softmax_kernel, x)
