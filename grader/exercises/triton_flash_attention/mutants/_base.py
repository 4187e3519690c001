"""The solution's kernel with a switch for each classic mistake (the mutants turn one on)."""
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
                           BLOCK_M: tl.constexpr, BLOCK_N: tl.constexpr,
                           RESCALE_SUM: tl.constexpr, RESCALE_ACC: tl.constexpr, DIAGONAL: tl.constexpr,
                           KEY_SCORES: tl.constexpr, STORE_MASK: tl.constexpr):
    start_m = tl.program_id(0) * BLOCK_M
    bh = tl.program_id(1)
    b, h = bh // H, bh % H
    rows = start_m + tl.arange(0, BLOCK_M)            # the query positions of this program
    cols = tl.arange(0, BLOCK_N)
    e = tl.arange(0, E)
    q_base, k_base = q_ptr + b * stride_qb + h * stride_qh, k_ptr + b * stride_kb + h * stride_kh
    v_base, o_base = v_ptr + b * stride_vb + h * stride_vh, o_ptr + b * stride_ob + h * stride_oh
    q = tl.load(q_base + rows[:, None] * stride_ql + e[None, :] * stride_qe, mask=rows[:, None] < L, other=0.0)
    m = tl.full((BLOCK_M,), float("-inf"), tl.float32)  # running max of the scores of each row
    s_sum = tl.zeros((BLOCK_M,), tl.float32)              # running sum of exp(score - m)
    acc = tl.zeros((BLOCK_M, E), tl.float32)              # running sum of exp(score - m) * v
    end = tl.minimum(L, start_m + BLOCK_M) if IS_CAUSAL else L  # causal: no key block past the diagonal
    for start_n in range(0, end, BLOCK_N):
        keys = start_n + cols
        k = tl.load(k_base + keys[None, :] * stride_kl + e[:, None] * stride_ke, mask=keys[None, :] < L, other=0.0)
        s = tl.dot(q, k, input_precision="ieee") * scale  # (BLOCK_M, BLOCK_N) scores
        allowed = keys[None, :] < L if KEY_SCORES else keys[None, :] >= 0
        if IS_CAUSAL and DIAGONAL:
            allowed = allowed & (keys[None, :] <= rows[:, None])
        s = tl.where(allowed, s, float("-inf"))
        m_new = tl.maximum(m, tl.max(s, axis=1))
        p = tl.exp(s - m_new[:, None])
        alpha = tl.exp(m - m_new)                          # rescales what was summed under the old max
        s_sum = (s_sum * alpha if RESCALE_SUM else s_sum) + tl.sum(p, axis=1)
        v = tl.load(v_base + keys[:, None] * stride_vl + e[None, :] * stride_ve, mask=keys[:, None] < L, other=0.0)
        acc = (acc * alpha[:, None] if RESCALE_ACC else acc) + tl.dot(p.to(v.dtype), v, input_precision="ieee")
        m = m_new
    out = acc / s_sum[:, None]
    if STORE_MASK:
        tl.store(o_base + rows[:, None] * stride_ol + e[None, :] * stride_oe, out.to(o_ptr.dtype.element_ty),
                 mask=rows[:, None] < L)
    else:
        tl.store(o_base + rows[:, None] * stride_ol + e[None, :] * stride_oe, out.to(o_ptr.dtype.element_ty))


def attention_with(q, k, v, is_causal, rescale_sum=True, rescale_acc=True, diagonal=True, key_scores=True,
                   store_mask=True, scaled=True, causal=None):
    B, H, L, E = q.shape
    o = torch.empty_like(q)
    grid = (triton.cdiv(L, 32), B * H)
    flash_attention_kernel[grid](q, k, v, o, *q.stride(), *k.stride(), *v.stride(), *o.stride(),
                                 H, L, 1.0 / math.sqrt(E) if scaled else 1.0,
                                 IS_CAUSAL=is_causal if causal is None else causal, E=E, BLOCK_M=32, BLOCK_N=32,
                                 RESCALE_SUM=rescale_sum, RESCALE_ACC=rescale_acc, DIAGONAL=diagonal,
                                 KEY_SCORES=key_scores, STORE_MASK=store_mask)
    return o
