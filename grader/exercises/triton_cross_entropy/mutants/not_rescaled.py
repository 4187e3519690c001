"""The running max is kept, but the sum so far is not rescaled when it grows."""
import triton
import triton.language as tl
from _base import launch

EXPECTED_MISTAKE = "running sum not rescaled"


@triton.jit
def cross_entropy_kernel(loss_ptr, logits_ptr, target_ptr, row_stride, n_cols, BLOCK: tl.constexpr):
    row = tl.program_id(0)
    x_row = logits_ptr + row * row_stride
    m = -float("inf")
    s = 0.0
    for start in range(0, n_cols, BLOCK):
        cols = start + tl.arange(0, BLOCK)
        x = tl.load(x_row + cols, mask=cols < n_cols, other=-float("inf"))
        m = tl.maximum(m, tl.max(x, axis=0))
        s = s + tl.sum(tl.exp(x - m), axis=0)
    tl.store(loss_ptr + row, m + tl.log(s) - tl.load(x_row + tl.load(target_ptr + row)))


def cross_entropy(logits, target):
    return launch(cross_entropy_kernel, logits, target, block=256)
