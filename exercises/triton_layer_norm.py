"""LayerNorm forward as a Triton kernel: one program per row, like F.layer_norm over the last axis."""
from __future__ import annotations

import torch
import triton
import triton.language as tl


@triton.jit
def layer_norm_kernel(x_ptr, w_ptr, b_ptr, y_ptr, x_row_stride, y_row_stride, N, eps, BLOCK_N: tl.constexpr):
    """Normalise row tl.program_id(0) of x (N values, the lanes cols >= N masked off) into y."""
    # TODO: load the row as float32, mean, centred variance, y = xc / sqrt(var + eps) * w + b, store.
    pass


def layer_norm(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor, eps: float = 1e-5) -> torch.Tensor:
    """LayerNorm over the last axis of x, computed by your Triton kernel, equal to F.layer_norm.

    For every row of x (its last axis, size N):

        mean = sum(x) / N
        var  = sum((x - mean)**2) / N                  (biased: divided by N, not N - 1)
        y    = (x - mean) / sqrt(var + eps) * weight + bias     (eps INSIDE the square root)

    which is F.layer_norm(x, (N,), weight, bias, eps).

    The kernel: one program per row, grid = (M,) for the M = x.numel() // N rows of
    x.reshape(-1, N). Each program holds its whole row in one block of BLOCK_N lanes, a
    tl.constexpr power of two >= N (triton.next_power_of_2(N)); the lanes cols >= N are padding:
    mask them on every tl.load and tl.store, and keep them out of the mean and the variance.
    Compute the statistics in float32 whatever x's dtype, in two passes over the row held in
    registers (the mean, then the mean of (x - mean)**2): the one-pass E[x**2] - E[x]**2 loses every
    digit on rows with a large mean (the checks have rows of 1000 + noise in float32). Store y in
    x's dtype.

    Args:
        x: (..., N) with 1 <= N <= 16384 (the widest row one block holds here), float32 or float16,
            on the CPU (Triton's interpreter, TRITON_INTERPRET=1) or on CUDA. 1-D x is one
            row. x may be a view whose rows are not N apart (a column slice of a wider tensor): use
            its row stride, x2.stride(0), after x2 = x.reshape(-1, N) (make it .contiguous() if the
            last axis is not).
        weight: (N,) contiguous, x's dtype and device: the elementwise scale.
        bias: (N,) contiguous, x's dtype and device: the elementwise shift.
        eps: added to the variance inside the square root (default 1e-5, as in nn.LayerNorm).

    Returns:
        A new tensor of x's shape, dtype and device (allocate it with torch.empty(..., device=x.device)
        and let the kernel fill it).

    Rules:
        - The result is computed in your @triton.jit kernel, launched by layer_norm: do not call
          F.layer_norm, torch.layer_norm, torch.native_layer_norm, nn.LayerNorm, F.group_norm or
          F.normalize, and do not compute the statistics with torch.mean, torch.var, torch.std, var_mean or std_mean.
        - Do not modify x, weight or bias.
        - Every lane a tl.load or tl.store touches while its mask is on must lie inside the tensor it
          points into: the checks stop an out-of-bounds access and say which.
        - Tolerances: float32 1e-4 (2e-3 on the rows of mean 1000, where float32 holds x itself only
          to ~1e-4), float16 1e-3.
        - Speed (only where there is a CUDA GPU; skipped on the CPU): float16 x of shape
          (8192, 4096) against F.layer_norm, timed with CUDA events, limit 4x.
    """
    # TODO: reshape to (M, N), allocate y, launch layer_norm_kernel[(M,)](...), reshape back.
    raise NotImplementedError("triton_layer_norm: implement it in exercises/triton_layer_norm.py")
