"""Correct: Triton-tutorial style. exp2 with log2(e) folded into the scale; causal attention in two
stages, the key blocks fully below the diagonal without a mask, then the diagonal blocks masked."""
import math

import torch
import triton
import triton.language as tl


@triton.jit
def _stage(acc, l_i, m_i, q, K, V, skl, ske, svl, sve, L, rows, lo, hi, qk_scale,
           MASKED: tl.constexpr, E: tl.constexpr, BN: tl.constexpr):
    d = tl.arange(0, E)
    for start in range(lo, hi, BN):
        n = start + tl.arange(0, BN)
        kt = tl.load(K + n[None, :] * skl + d[:, None] * ske, mask=n[None, :] < L, other=0.0)
        qk = tl.dot(q, kt, input_precision="ieee") * qk_scale
        ok = n[None, :] < L
        if MASKED:
            ok = ok & (n[None, :] <= rows[:, None])
        qk = tl.where(ok, qk, -float("inf"))
        m_ij = tl.maximum(m_i, tl.max(qk, 1))
        p = tl.math.exp2(qk - m_ij[:, None])
        alpha = tl.math.exp2(m_i - m_ij)
        l_i = l_i * alpha + tl.sum(p, 1)
        vv = tl.load(V + n[:, None] * svl + d[None, :] * sve, mask=n[:, None] < L, other=0.0)
        acc = acc * alpha[:, None] + tl.dot(p.to(vv.dtype), vv, input_precision="ieee")
        m_i = m_ij
    return acc, l_i, m_i


@triton.jit
def _attn(Q, K, V, O, sqb, sqh, sql, sqe, skb, skh, skl, ske, svb, svh, svl, sve, sob, soh, sol, soe,
          H, L, qk_scale, CAUSAL: tl.constexpr, E: tl.constexpr, BM: tl.constexpr, BN: tl.constexpr):
    start_m = tl.program_id(0) * BM
    z, h = tl.program_id(1) // H, tl.program_id(1) % H
    rows = start_m + tl.arange(0, BM)
    d = tl.arange(0, E)
    q = tl.load(Q + z * sqb + h * sqh + rows[:, None] * sql + d[None, :] * sqe, mask=rows[:, None] < L, other=0.0)
    K += z * skb + h * skh
    V += z * svb + h * svh
    m_i = tl.zeros((BM,), tl.float32) - float("inf")
    l_i = tl.zeros((BM,), tl.float32)
    acc = tl.zeros((BM, E), tl.float32)
    if CAUSAL:
        acc, l_i, m_i = _stage(acc, l_i, m_i, q, K, V, skl, ske, svl, sve, L, rows, 0, start_m, qk_scale,
                               False, E, BN)
        acc, l_i, m_i = _stage(acc, l_i, m_i, q, K, V, skl, ske, svl, sve, L, rows, start_m,
                               tl.minimum(start_m + BM, L), qk_scale, True, E, BN)
    else:
        acc, l_i, m_i = _stage(acc, l_i, m_i, q, K, V, skl, ske, svl, sve, L, rows, 0, L, qk_scale, False, E, BN)
    tl.store(O + z * sob + h * soh + rows[:, None] * sol + d[None, :] * soe, (acc / l_i[:, None]).to(O.dtype.element_ty),
             mask=rows[:, None] < L)


def flash_attention(q, k, v, is_causal=False):
    B, H, L, E = q.shape
    out = torch.empty_like(q)
    BM = BN = 32  # BN divides BM: the unmasked stage ends exactly at the query block's start
    _attn[(triton.cdiv(L, BM), B * H)](q, k, v, out, *q.stride(), *k.stride(), *v.stride(), *out.stride(),
                                       H, L, 1.4426950408889634 / math.sqrt(E), CAUSAL=is_causal, E=E, BM=BM, BN=BN)
    return out
