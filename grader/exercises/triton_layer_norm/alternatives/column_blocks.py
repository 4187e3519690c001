"""Correct: a fixed BLOCK of columns and three loops over the row (mean, variance, normalise), as in
Triton's layer-norm tutorial: any width, the row is read from memory three times."""
import torch
import triton
import triton.language as tl


@triton.jit
def _ln_loops(X, W, B, Y, stride_x, stride_y, N, eps, BLOCK: tl.constexpr):
    row = tl.program_id(0)
    X += row * stride_x
    Y += row * stride_y
    total = tl.zeros((BLOCK,), dtype=tl.float32)
    for off in range(0, N, BLOCK):
        c = off + tl.arange(0, BLOCK)
        total += tl.load(X + c, mask=c < N, other=0.0).to(tl.float32)
    mean = tl.sum(total, axis=0) / N
    sq = tl.zeros((BLOCK,), dtype=tl.float32)
    for off in range(0, N, BLOCK):
        c = off + tl.arange(0, BLOCK)
        d = tl.where(c < N, tl.load(X + c, mask=c < N, other=0.0).to(tl.float32) - mean, 0.0)
        sq += d * d
    rstd = 1 / tl.sqrt(tl.sum(sq, axis=0) / N + eps)
    for off in range(0, N, BLOCK):
        c = off + tl.arange(0, BLOCK)
        m = c < N
        x = tl.load(X + c, mask=m, other=0.0).to(tl.float32)
        w = tl.load(W + c, mask=m).to(tl.float32)
        b = tl.load(B + c, mask=m).to(tl.float32)
        tl.store(Y + c, ((x - mean) * rstd * w + b).to(Y.dtype.element_ty), mask=m)


def layer_norm(x, weight, bias, eps=1e-5):
    shape, N = x.shape, x.shape[-1]
    x = x.reshape(-1, N).contiguous()
    y = torch.empty_like(x)
    _ln_loops[(x.shape[0],)](x, weight, bias, y, x.stride(0), y.stride(0), N, eps,
                             BLOCK=min(1024, triton.next_power_of_2(N)))
    return y.view(shape)
