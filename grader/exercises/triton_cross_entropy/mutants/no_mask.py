"""Blocks loaded without a mask: the last block reads past the row, and past the end of the logits."""
import triton
import triton.language as tl
from _base import launch

EXPECTED_MISTAKE = "no mask on the last block"


@triton.jit
def cross_entropy_kernel(loss_ptr, logits_ptr, target_ptr, row_stride, n_cols, BLOCK: tl.constexpr):
    row = tl.program_id(0)
    x_row = logits_ptr + row * row_stride
    m = -float("inf")
    s = 0.0
    for start in range(0, n_cols, BLOCK):
        x = tl.load(x_row + start + tl.arange(0, BLOCK))
        m_new = tl.maximum(m, tl.max(x, axis=0))
        s = s * tl.exp(m - m_new) + tl.sum(tl.exp(x - m_new), axis=0)
        m = m_new
    tl.store(loss_ptr + row, m + tl.log(s) - tl.load(x_row + tl.load(target_ptr + row)))


def cross_entropy(logits, target):
    return launch(cross_entropy_kernel, logits, target)
