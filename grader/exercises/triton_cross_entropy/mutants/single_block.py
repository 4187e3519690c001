"""One block of 1024 lanes per row, no loop: a vocabulary past 1024 is cut off."""
import triton
import triton.language as tl
from _base import launch

EXPECTED_MISTAKE = "only the first block of the row"


@triton.jit
def cross_entropy_kernel(loss_ptr, logits_ptr, target_ptr, row_stride, n_cols, BLOCK: tl.constexpr):
    row = tl.program_id(0)
    x_row = logits_ptr + row * row_stride
    cols = tl.arange(0, BLOCK)
    x = tl.load(x_row + cols, mask=cols < n_cols, other=-float("inf"))
    m = tl.max(x, axis=0)
    lse = m + tl.log(tl.sum(tl.exp(x - m), axis=0))
    tl.store(loss_ptr + row, lse - tl.load(x_row + tl.load(target_ptr + row)))


def cross_entropy(logits, target):
    return launch(cross_entropy_kernel, logits, target)
