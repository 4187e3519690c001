"""exp(x) / sum(exp(x)) without subtracting the row's max: logits of 1000 overflow."""
import triton
import triton.language as tl
from _base import launch

EXPECTED_MISTAKE = "max not subtracted (overflow)"


@triton.jit
def softmax_kernel(out_ptr, x_ptr, x_row_stride, out_row_stride, n_cols, BLOCK: tl.constexpr):
    row = tl.program_id(0)
    cols = tl.arange(0, BLOCK)
    mask = cols < n_cols
    e = tl.exp(tl.load(x_ptr + row * x_row_stride + cols, mask=mask, other=-float("inf")))
    tl.store(out_ptr + row * out_row_stride + cols, e / tl.sum(e, axis=0), mask=mask)


def softmax(x):
    return launch(softmax_kernel, x)
