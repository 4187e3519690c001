"""The grid as a function of the launch's meta-parameters, the block size passed by keyword."""
import torch
import triton
import triton.language as tl


@triton.jit
def _add(X, Y, Out, n_elements, BLOCK_SIZE: tl.constexpr):
    start = tl.program_id(axis=0) * BLOCK_SIZE
    offsets = start + tl.arange(0, BLOCK_SIZE)
    inside = offsets < n_elements
    a = tl.load(X + offsets, mask=inside, other=0.0)
    b = tl.load(Y + offsets, mask=inside, other=0.0)
    tl.store(Out + offsets, a + b, mask=inside)


def vector_add(x, y):
    out = torch.empty_like(x)
    n = out.numel()
    grid = lambda meta: (triton.cdiv(n, meta["BLOCK_SIZE"]),)  # noqa: E731
    _add[grid](x, y, out, n, BLOCK_SIZE=128)
    return out
