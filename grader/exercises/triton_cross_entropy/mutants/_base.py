"""What the cross-entropy mutants share: the row kernel, right unless a switch turns one of its steps off,
and the wrapper (grid (N,), the mean of the row losses unless `reduce` says otherwise)."""
import torch
import triton
import triton.language as tl


@triton.jit
def cross_entropy_kernel(loss_ptr, logits_ptr, target_ptr, row_stride, n_cols, BLOCK: tl.constexpr,
                         PAD_INF: tl.constexpr = True, RESCALE: tl.constexpr = True, MASKED: tl.constexpr = True):
    row = tl.program_id(0)
    x_row = logits_ptr + row * row_stride
    m = -float("inf")
    s = 0.0
    for start in range(0, n_cols, BLOCK):
        cols = start + tl.arange(0, BLOCK)
        if not MASKED:  # every lane loaded, past V too
            x = tl.load(x_row + cols)
        elif PAD_INF:
            x = tl.load(x_row + cols, mask=cols < n_cols, other=-float("inf"))
        else:  # the default other: 0
            x = tl.load(x_row + cols, mask=cols < n_cols)
        m_new = tl.maximum(m, tl.max(x, axis=0))
        if RESCALE:
            s = s * tl.exp(m - m_new) + tl.sum(tl.exp(x - m_new), axis=0)
        else:
            s = s + tl.sum(tl.exp(x - m_new), axis=0)
        m = m_new
    tl.store(loss_ptr + row, m + tl.log(s) - tl.load(x_row + tl.load(target_ptr + row)))


def launch(kernel, logits, target, *, block=1024, reduce=lambda losses: losses.mean(), stride=None, **switches):
    N, V = logits.shape
    losses = torch.empty(N, dtype=torch.float32, device=logits.device)
    kernel[(N,)](losses, logits, target, logits.stride(0) if stride is None else stride, V, BLOCK=block, **switches)
    return reduce(losses)
