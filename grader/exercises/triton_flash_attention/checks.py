"""Checks of exercises/triton_flash_attention.py against F.scaled_dot_product_attention in float64.

The oracle is torch's SDPA of the inputs in float64 on the CPU. The online-softmax mistakes are the
same algorithm written out in float64, key block by key block, for each block size a learner may
choose; the masking mistakes are SDPA with the wrong mask; a missing load or store mask is seen by the
interpreter's out-of-bounds guard (grader.check.kernels).
"""
from __future__ import annotations

import math

import torch
from torch.nn.functional import scaled_dot_product_attention as sdpa  # bound before the learner's code runs

from grader.check import Cases, KernelLaunch, call_unchanged, describe, expect_close, expect_on_device, kernel_speed, mistakes

MISTAKE = mistakes("triton_flash_attention")
LAUNCH = KernelLaunch(out_of_bounds=MISTAKE.no_mask)
TOLERANCE = {"float16": (3e-3, 3e-3)}  # p is rounded to float16 for the second tl.dot, as on a GPU
BLOCKS = (16, 32, 64, 128)  # the key (and query) block sizes a learner may choose


def make_case(seed, b, h, l, e, is_causal=False, dtype=torch.float32, spread=1.0, blhe=False, device=None):
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    g = torch.Generator().manual_seed(seed)
    shape = (b, l, h, e) if blhe else (b, h, l, e)
    q, k, v = (torch.randn(shape, generator=g, dtype=torch.float64) for _ in range(3))
    if spread != 1.0:  # keys grow along the sequence: each new key block raises the running maximum
        grow = torch.linspace(1.0, spread, l, dtype=torch.float64)
        k = k * (grow[None, :, None, None] if blhe else grow[None, None, :, None])
    to = lambda t: t.to(dtype=dtype, device=device)  # noqa: E731
    q, k, v = (to(t).transpose(1, 2) if blhe else to(t) for t in (q, k, v))  # blhe: (B, H, L, E) views
    return dict(q=q, k=k, v=v, is_causal=is_causal)


def case_text(c):
    return describe(q=c["q"], k=c["k"], v=c["v"], is_causal=c["is_causal"]) + \
        ("" if c["q"].is_contiguous() else ", views of (B, L, H, E) tensors")


def online(q, k, v, causal, block, rescale_sum=True, rescale_acc=True):
    """The flash-attention forward in float64, key block by key block (a mistake's switches off)."""
    L, E = q.shape[-2], q.shape[-1]
    s_all = q @ k.transpose(-1, -2) / math.sqrt(E)  # (B, H, L, L)
    if causal:
        s_all = s_all.masked_fill(torch.ones(L, L, dtype=torch.bool).triu(1), float("-inf"))
    m = torch.full(q.shape[:-1], float("-inf"), dtype=q.dtype)
    total, acc = torch.zeros(q.shape[:-1], dtype=q.dtype), torch.zeros_like(q)
    for j in range(0, L, block):
        s = s_all[..., j:j + block]
        m_new = torch.maximum(m, s.amax(-1))
        p = torch.exp(s - m_new[..., None])
        alpha = torch.exp(m - m_new)
        total = (total * alpha if rescale_sum else total) + p.sum(-1)
        acc = (acc * alpha[..., None] if rescale_acc else acc) + p @ v[..., j:j + block, :]
        m = m_new
    return acc / total[..., None]


def up(n, block):
    return -(-n // block) * block


def diagonal_unmasked(q, k, v, bm, bn):
    """Causal by blocks only: query i sees every key of the key blocks that start before its query
    block ends (bm rows), the diagonal block included whole."""
    L = q.shape[-2]
    i = torch.arange(L)[:, None]
    limit = torch.clamp(torch.tensor([up((r // bm + 1) * bm, bn) for r in range(L)])[:, None], max=L)
    return sdpa(q, k, v, attn_mask=torch.arange(L)[None, :] < limit) if bool((limit > i + 1).any()) else None


def padded_keys(q, k, v, block):
    """Keys padded to a multiple of the block with zeros, their scores 0 instead of -inf."""
    L = k.shape[-2]
    pad = up(L, block) - L
    if pad == 0:
        raise ValueError("no padding")
    z = torch.zeros((*k.shape[:-2], pad, k.shape[-1]), dtype=k.dtype)
    return sdpa(q, torch.cat([k, z], -2), torch.cat([v, z], -2))


def variants(c64, causal):
    q, k, v = c64["q"], c64["k"], c64["v"]
    E = q.shape[-1]
    m = {MISTAKE.running_sum: [lambda n=n: online(q, k, v, causal, n, rescale_sum=False) for n in BLOCKS],
         MISTAKE.accumulator: [lambda n=n: online(q, k, v, causal, n, rescale_acc=False) for n in BLOCKS],
         MISTAKE.causal_ignored: lambda: sdpa(q, k, v, is_causal=not causal),
         MISTAKE.no_scale: lambda: sdpa(q, k, v, is_causal=causal, scale=1.0) if E != 1 else None}
    if causal:
        m[MISTAKE.diagonal] = [lambda a=a, b=b: diagonal_unmasked(q, k, v, a, b) for a in BLOCKS for b in BLOCKS]
    else:
        m[MISTAKE.padded_keys] = [lambda n=n: padded_keys(q, k, v, n) for n in BLOCKS]
    return m


def check_case(target, params, device=None):
    c = make_case(**params, device=device)
    case = case_text(c)
    c64 = {n: c[n].detach().to("cpu", torch.float64) for n in ("q", "k", "v")}
    expected = sdpa(c64["q"], c64["k"], c64["v"], is_causal=c["is_causal"])
    got = call_unchanged(target.flash_attention, c["q"], c["k"], c["v"], is_causal=c["is_causal"], case=case)
    expect_on_device(got, c["q"].device, case=case)
    expect_close(got, expected, case=case, dtype=c["q"].dtype, mistakes=variants(c64, c["is_causal"]))


NAMED_CASES = {
    "smallest: L = 1, E = 16": dict(seed=0, b=1, h=1, l=1, e=16),
    "(B, H, L, E) = (2, 3, 64, 32)": dict(seed=1, b=2, h=3, l=64, e=32),
    "L = 50: the last key block is ragged": dict(seed=2, b=1, h=2, l=50, e=16),
    "several key blocks, the maximum rising": dict(seed=3, b=1, h=1, l=160, e=16, spread=4.0),
    "causal, L = 64": dict(seed=4, b=2, h=2, l=64, e=16, is_causal=True),
    "causal, L = 45": dict(seed=5, b=1, h=3, l=45, e=32, is_causal=True),
    "causal, several blocks, the maximum rising": dict(seed=6, b=1, h=1, l=150, e=16, is_causal=True, spread=4.0),
    "E = 128": dict(seed=7, b=1, h=1, l=40, e=128),
    "float16, causal": dict(seed=8, b=1, h=2, l=80, e=64, is_causal=True, dtype=torch.float16),
    "float16": dict(seed=9, b=2, h=1, l=70, e=32, dtype=torch.float16),
    "views of (B, L, H, E) tensors": dict(seed=10, b=2, h=2, l=37, e=16, blhe=True, is_causal=True),
}


def random_case(seed):
    g = torch.Generator().manual_seed(1000 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi, (), generator=g))  # noqa: E731
    return dict(seed=seed, b=r(1, 3), h=r(1, 3), l=r(1, 100), e=[16, 32, 64][r(0, 3)], is_causal=bool(r(0, 2)),
                dtype=[torch.float32, torch.float16][seed % 2], spread=[1.0, 3.0][r(0, 2)], blhe=bool(r(0, 2)))


CASES = Cases(check_case, NAMED_CASES, random_case)

SPEED_SHAPE = (4, 16, 4096, 64)


def speed_setup(target, device):
    c = make_case(0, *SPEED_SHAPE, is_causal=True, dtype=torch.float16, device=device)
    return (lambda: target.flash_attention(c["q"], c["k"], c["v"], is_causal=True),
            lambda: sdpa(c["q"], c["k"], c["v"], is_causal=True), case_text(c))


# Not yet measured on a GPU: Triton's fused-attention tutorial is on par with FlashAttention-2 (what SDPA
# runs on an H100/H200 in float16); 6x leaves room for untuned blocks without pipelining, and an unfused
# kernel that writes the (L, L) scores out, or one query row per program, is far slower.
SPEED = kernel_speed(speed_setup, limit=6, reference="F.scaled_dot_product_attention")
