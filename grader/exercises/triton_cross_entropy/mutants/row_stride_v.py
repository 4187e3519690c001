"""V as the row stride: right on contiguous logits, the wrong logits on a view of a wider buffer."""
import triton
import triton.language as tl
import torch

EXPECTED_MISTAKE = "wrong row stride"


@triton.jit
def cross_entropy_kernel(loss_ptr, logits_ptr, target_ptr, row_stride, n_cols, BLOCK: tl.constexpr):
    row = tl.program_id(0)
    x_row = logits_ptr + row * row_stride
    m = -float("inf")
    s = 0.0
    for start in range(0, n_cols, BLOCK):
        cols = start + tl.arange(0, BLOCK)
        x = tl.load(x_row + cols, mask=cols < n_cols, other=-float("inf"))
        m_new = tl.maximum(m, tl.max(x, axis=0))
        s = s * tl.exp(m - m_new) + tl.sum(tl.exp(x - m_new), axis=0)
        m = m_new
    tl.store(loss_ptr + row, m + tl.log(s) - tl.load(x_row + tl.load(target_ptr + row)))


def cross_entropy(logits, target):
    N, V = logits.shape
    losses = torch.empty(N, dtype=torch.float32, device=logits.device)
    cross_entropy_kernel[(N,)](losses, logits, target, V, V, BLOCK=1024)
    return losses.mean()
