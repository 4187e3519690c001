"""N as the row stride of x: right on a contiguous x, wrong rows on a view of a wider buffer."""
import triton
import triton.language as tl
from _base import launch

EXPECTED_MISTAKE = "wrong row stride"


@triton.jit
def softmax_kernel(out_ptr, x_ptr, x_row_stride, out_row_stride, n_cols, BLOCK: tl.constexpr):
    row = tl.program_id(0)
    cols = tl.arange(0, BLOCK)
    mask = cols < n_cols
    x = tl.load(x_ptr + row * x_row_stride + cols, mask=mask, other=-float("inf"))
    e = tl.exp(x - tl.max(x, axis=0))
    tl.store(out_ptr + row * out_row_stride + cols, e / tl.sum(e, axis=0), mask=mask)


def softmax(x):
    return launch(softmax_kernel, x, x_stride=x.shape[1])
