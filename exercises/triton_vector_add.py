"""Vector addition in Triton: a @triton.jit kernel and the Python wrapper that launches it."""
from __future__ import annotations

import torch
import triton
import triton.language as tl


@triton.jit
def add_kernel(x_ptr, y_ptr, out_ptr, n, BLOCK: tl.constexpr):
    """One program adds one block of BLOCK consecutive elements: out[i] = x[i] + y[i]."""
    # TODO: the program's block of offsets (tl.program_id, tl.arange), a mask for the last block,
    # tl.load both inputs, tl.store their sum.
    pass


def vector_add(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """x + y computed by your Triton kernel, like torch.add(x, y).

    The kernel `add_kernel` is launched on a 1-D grid of programs, each one handling BLOCK
    consecutive elements (BLOCK a power of two, a `tl.constexpr`, e.g. 1024):

        program p:  offs = p * BLOCK + [0, 1, …, BLOCK-1]
                    out[offs] = x[offs] + y[offs]     for the offs < n only (the mask)

    The grid has ceil(n / BLOCK) programs (triton.cdiv(n, BLOCK)): n is any length, not a multiple
    of BLOCK, so the last block is partly past the end of the tensors and its loads and stores
    must be masked (mask=offs < n).

    Args:
        x, y: 1-D tensors of the same length n >= 1, dtype float32 or float16, contiguous, on the
            same device (CUDA on a GPU; the CPU in Triton's interpreter, below).

    Returns:
        A new tensor (torch.empty_like(x)) of x's shape, dtype and device, written by your kernel.

    Rules:
        - The result is computed by your @triton.jit kernel, launched as add_kernel[grid](...). Do
          not add x and y with torch, whether x + y, torch.add, Tensor.add or Tensor.add_: the
          wrapper allocates the output, launches the kernel and returns the tensor it wrote.
        - Do not modify x or y.
        - No load or store may reach past the end of a tensor: the checks pass views of larger
          buffers and watch every access (in the interpreter, one outside the tensors fails the check).
        - The output equals torch's x + y exactly (one rounding per element).
        - The speed check times x, y of shape (16777216,) float32 on CUDA against torch's x + y with
          CUDA events (limit 2x: a kernel that handles one element per program fails it); where
          there is no GPU it is skipped, and the kernel runs in Triton's interpreter
          (TRITON_INTERPRET=1, set by the grader), on CPU tensors.
    """
    # TODO: out = torch.empty_like(x); grid = (triton.cdiv(n, BLOCK),); add_kernel[grid](...); return out.
    raise NotImplementedError("vector_add: implement it in exercises/triton_vector_add.py")
