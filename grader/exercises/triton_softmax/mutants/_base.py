"""The wrapper every softmax mutant shares: one program per row, the strides of x and out."""
import torch
import triton


def launch(kernel, x, *, x_stride=None):
    M, N = x.shape
    out = torch.empty((M, N), dtype=x.dtype, device=x.device)
    kernel[(M,)](out, x, x.stride(0) if x_stride is None else x_stride, out.stride(0), N,
                 BLOCK=triton.next_power_of_2(N))
    return out
