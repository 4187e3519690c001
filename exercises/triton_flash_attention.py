"""Flash attention (forward) as one Triton kernel: softmax(q k^T / sqrt(E)) v with an online softmax."""
from __future__ import annotations

import math

import torch
import triton
import triton.language as tl


@triton.jit
def flash_attention_kernel(q_ptr, k_ptr, v_ptr, o_ptr,
                           stride_qb, stride_qh, stride_ql, stride_qe,
                           stride_kb, stride_kh, stride_kl, stride_ke,
                           stride_vb, stride_vh, stride_vl, stride_ve,
                           stride_ob, stride_oh, stride_ol, stride_oe,
                           H, L, scale,
                           IS_CAUSAL: tl.constexpr, E: tl.constexpr,
                           BLOCK_M: tl.constexpr, BLOCK_N: tl.constexpr):
    """Attention for the BLOCK_M query rows tl.program_id(0) of batch x head tl.program_id(1)."""
    # TODO: load the q block; loop over key blocks: scores, masks, online softmax (m, l, acc);
    # store acc / l.
    pass


def flash_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, is_causal: bool = False) -> torch.Tensor:
    """Scaled dot-product attention computed by your Triton kernel, one key block at a time.

        out = softmax(q @ k^T / sqrt(E) + mask) @ v          over the last axis of the scores

    equal to F.scaled_dot_product_attention(q, k, v, is_causal=is_causal). With is_causal=True
    query i attends to keys 0..i only (the mask is -inf above the diagonal).

    The kernel never forms the (L, L) score matrix. Grid (triton.cdiv(L, BLOCK_M), B * H): each
    program loads one (BLOCK_M, E) block of queries, then loops over the keys in blocks of BLOCK_N
    (tl.constexpr powers of two, at least 16 for tl.dot), keeping for each of its rows a running
    maximum m, a running sum l of exp(score - m) and an accumulator acc of exp(score - m) @ v, all
    float32. When a block raises a row's maximum from m to m_new, what was summed before is too
    large by exp(m_new - m): multiply BOTH l and acc by alpha = exp(m - m_new) before adding the
    block. At the end out = acc / l. Scores are q·k * scale with scale = 1 / sqrt(E).
    Causal: key blocks that start past the end of the query block may be skipped, but the block
    on the diagonal must be masked element by element (key j > query i gets -inf).
    L need not be a multiple of a block: mask loads and the store on positions < L, and give the
    padded keys of the last block a score of -inf (a masked load of k gives 0, not -inf).

    Args:
        q, k, v: (B, H, L, E), the same shape, dtype and device: float32 or float16, on the CPU
            (Triton's interpreter, TRITON_INTERPRET=1) or on CUDA. E is 16, 32, 64 or 128; L >= 1.
            Any strides: they may be (B, H, L, E) views of (B, L, H, E) tensors (q.transpose(1, 2)),
            so pass every stride (q.stride() gives four).
        is_causal: mask the keys after each query.

    Returns:
        A new (B, H, L, E) tensor of q's dtype and device.

    Precision:
        float32 inputs: tl.dot(..., input_precision="ieee") (no TF32), tolerance 1e-4. float16
        inputs: cast p to float16 for the second tl.dot, accumulate in float32, tolerance 3e-3.

    Rules:
        - The result is computed in your @triton.jit kernel, launched by flash_attention: do not call
          F.scaled_dot_product_attention, F.multi_head_attention_forward, torch.softmax,
          F.softmax, Tensor.softmax, torch.matmul, torch.bmm, torch.baddbmm or torch.einsum, do
          not call torch's own flash_attention_forward or efficient_attention kernels, and do not
          use the @ operator, Tensor.__matmul__, on tensors.
        - Do not modify q, k or v.
        - Every lane a tl.load or tl.store touches while its mask is on must lie inside the tensor it
          points into: the checks stop an out-of-bounds access and say which.
        - Speed (only where there is a CUDA GPU; skipped on the CPU): float16 q, k, v of shape
          (4, 16, 4096, 64), causal, against F.scaled_dot_product_attention, timed with CUDA events,
          limit 6x.
    """
    # TODO: allocate the output, launch flash_attention_kernel[grid](...) with all the strides,
    # scale = 1 / math.sqrt(E), and return the output.
    raise NotImplementedError("triton_flash_attention: implement it in exercises/triton_flash_attention.py")
