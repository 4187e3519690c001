"""A tiled matrix multiply as a Triton kernel: C = A @ B, one program per output tile, tl.dot over K."""
from __future__ import annotations

import torch
import triton
import triton.language as tl


@triton.jit
def matmul_kernel(a_ptr, b_ptr, c_ptr, M, N, K,
                  stride_am, stride_ak, stride_bk, stride_bn, stride_cm, stride_cn,
                  BLOCK_M: tl.constexpr, BLOCK_N: tl.constexpr, BLOCK_K: tl.constexpr):
    """Compute the (BLOCK_M, BLOCK_N) tile (tl.program_id(0), tl.program_id(1)) of C."""
    # TODO: row and column offsets of the tile, a float32 accumulator, a K loop of masked tile loads
    # and tl.dot, then a masked store in C's dtype.
    pass


def matmul(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """C = A @ B computed by your Triton kernel, tile by tile with tl.dot.

    A is (M, K), B is (K, N), C is (M, N): C[i, j] = sum over k of A[i, k] * B[k, j].

    The kernel: a 2-D grid (triton.cdiv(M, BLOCK_M), triton.cdiv(N, BLOCK_N)); program
    (pid_m, pid_n) owns the tile of C at rows pid_m * BLOCK_M + tl.arange(0, BLOCK_M) and columns
    pid_n * BLOCK_N + tl.arange(0, BLOCK_N). It loops over K in steps of BLOCK_K, loading a
    (BLOCK_M, BLOCK_K) tile of A and a (BLOCK_K, BLOCK_N) tile of B and adding tl.dot of the two to
    the accumulator. BLOCK_M, BLOCK_N and BLOCK_K are tl.constexpr powers of two, each at least 16
    (tl.dot's smallest tile), chosen by your wrapper (64, 64, 32 is a fine start).

    Any M, N, K >= 1, none of them a multiple of a block: mask the loads on rows < M, columns < N
    and k < K (other=0.0: the ragged last K tile then adds zeros) and the store on rows < M and
    columns < N.

    Args:
        a: (M, K), float32 or float16, on the CPU (Triton's interpreter, TRITON_INTERPRET=1) or
            on CUDA. Not necessarily contiguous: it may be a transposed view (strides (1, M)) or a
            column slice of a wider tensor. Address it with a.stride(0), a.stride(1).
        b: (K, N), a's dtype and device, any strides likewise.

    Returns:
        A new (M, N) tensor of a's dtype and device (torch.empty((M, N), ...), filled by the kernel).

    Precision:
        Accumulate in float32 (acc = tl.zeros((BLOCK_M, BLOCK_N), dtype=tl.float32)) for both
        input dtypes, and cast to C's dtype only on the store. For float32 inputs call
        tl.dot(a, b, acc, input_precision="ieee"): on NVIDIA GPUs tl.dot's default is TF32 (10-bit
        mantissas, errors ~1e-3), which the float32 tolerance does not allow. Tolerances against
        the float64 product: float32 rtol 1e-4, atol 1e-5 * sqrt(K); float16 rtol 1e-3,
        atol 1e-3 * sqrt(K) (the float16 rounding of C itself).

    Rules:
        - The result is computed in your @triton.jit kernel with tl.dot, launched by matmul: do not
          call torch.matmul, torch.mm, torch.bmm, torch.addmm, torch.baddbmm, torch.addbmm,
          torch.einsum, torch.tensordot, torch.inner, torch.mv, torch.dot, torch.chain_matmul,
          torch.linalg.matmul, torch.linalg.multi_dot or F.linear, and do not use the @ operator,
          Tensor.__matmul__, Tensor.__rmatmul__, Tensor.matmul or Tensor.mm on tensors.
        - Do not modify a or b.
        - Every lane a tl.load or tl.store touches while its mask is on must lie inside the tensor it
          points into: the checks stop an out-of-bounds access and say which.
        - Speed (only where there is a CUDA GPU; skipped on the CPU): float16 a and b of shape
          (4096, 4096) against torch.matmul, timed with CUDA events, limit 8x.
    """
    # TODO: allocate C, launch matmul_kernel[grid](...) with the strides of a, b and C, return C.
    raise NotImplementedError("triton_matmul: implement it in exercises/triton_matmul.py")
