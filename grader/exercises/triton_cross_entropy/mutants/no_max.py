"""log(sum(exp(x))) without a running max: logits past ~88 overflow float32."""
import triton
import triton.language as tl
from _base import launch

EXPECTED_MISTAKE = "max not subtracted (overflow)"


@triton.jit
def cross_entropy_kernel(loss_ptr, logits_ptr, target_ptr, row_stride, n_cols, BLOCK: tl.constexpr):
    row = tl.program_id(0)
    x_row = logits_ptr + row * row_stride
    s = 0.0
    for start in range(0, n_cols, BLOCK):
        cols = start + tl.arange(0, BLOCK)
        s += tl.sum(tl.exp(tl.load(x_row + cols, mask=cols < n_cols, other=-float("inf"))), axis=0)
    tl.store(loss_ptr + row, tl.log(s) - tl.load(x_row + tl.load(target_ptr + row)))


def cross_entropy(logits, target):
    return launch(cross_entropy_kernel, logits, target)
