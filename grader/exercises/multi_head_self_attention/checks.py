"""Checks of exercises/multi_head_self_attention.py against nn.MultiheadAttention (same weights) in float64."""
from __future__ import annotations

import torch
from torch import nn
from torch.nn import MultiheadAttention  # bound before the learner's code runs
from torch.nn.functional import linear
from torch.nn.functional import scaled_dot_product_attention as torch_sdpa

from grader.check import (Cases, CheckFailure, OnDevice, Speed, call, call_unchanged, describe, expect_close,
                          expect_on_device, mistakes)
from grader.check.family.sequence import as64, on, random_mask

MISTAKE = mistakes("multi_head_self_attention")
TOLERANCE = {"float32": (1e-4, 1e-5)}


def build(cls, dim, heads, qkv_bias, *, seed, dtype=torch.float64, device="cpu"):
    """The learner's module with known weights, after checking it has the layers the spec names."""
    module = call(cls, dim, heads, qkv_bias=qkv_bias)
    if not isinstance(module, nn.Module):
        raise CheckFailure(f"MultiHeadSelfAttention({dim}, {heads}) is a {type(module).__name__}, not an nn.Module")
    for name, shape in (("qkv", (3 * dim, dim)), ("proj", (dim, dim))):
        layer = getattr(module, name, None)
        if not isinstance(layer, nn.Linear) or tuple(layer.weight.shape) != shape:
            raise CheckFailure(f"self.{name} must be nn.Linear({shape[1]}, {shape[0]}); found {layer!r}",
                               case=f"MultiHeadSelfAttention({dim}, {heads}, qkv_bias={qkv_bias})",
                               mistake=MISTAKE.no_proj if name == "proj" and layer is None else None)
    if (module.qkv.bias is not None) != qkv_bias:
        raise CheckFailure(f"with qkv_bias={qkv_bias}, self.qkv must be nn.Linear(dim, 3 * dim, bias={qkv_bias})",
                           case=f"MultiHeadSelfAttention({dim}, {heads}, qkv_bias={qkv_bias})")
    if module.proj.bias is None:
        raise CheckFailure("self.proj must have a bias: nn.Linear(dim, dim)")
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in (module.qkv.weight, module.qkv.bias, module.proj.weight, module.proj.bias):
            if p is not None:
                p.copy_(torch.randn(p.shape, generator=g) * dim ** -0.5 * 2)
    return call(module.to, device=device, dtype=dtype)


def make_case(seed, B=2, N=3, dim=4, heads=2, qkv_bias=False, mask=None, dtype=torch.float64):
    """x and a mask: None, "bool (N, N)", "float (N, N)", "bool (B, heads, N, N)", "bool (B, 1, N, N)"."""
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(B, N, dim, generator=g, dtype=dtype)
    shapes = {"(N, N)": (N, N), "(B, heads, N, N)": (B, heads, N, N), "(B, 1, N, N)": (B, 1, N, N)}
    m = None if mask is None else random_mask(g, shapes[mask.split(" ", 1)[1]], mask, dtype, p=0.6,
                                              keep=lambda i: (2 * i + 1) % N, drop=lambda i: 2 * i % N)
    return dict(seed=seed, dim=dim, heads=heads, qkv_bias=qkv_bias), x, m


def torch_mha(Wqkv, bqkv, Wp, bp, heads, **factory):
    """nn.MultiheadAttention with the learner's weights (no qkv bias: zeros)."""
    C = Wp.shape[0]
    mha = MultiheadAttention(C, heads, bias=True, batch_first=True, **factory)
    with torch.no_grad():
        mha.in_proj_weight.copy_(Wqkv)
        mha.in_proj_bias.copy_(bqkv if bqkv is not None else torch.zeros(3 * C))
        mha.out_proj.weight.copy_(Wp)
        mha.out_proj.bias.copy_(bp)
    return mha


def oracle(X, Wqkv, bqkv, Wp, bp, heads, M):
    """nn.MultiheadAttention in float64 with the learner's weights; its boolean mask means True = hidden."""
    B, N, C = X.shape
    if M is not None:
        M = M.expand(B, heads, N, N).reshape(B * heads, N, N) if M.dim() == 4 else M  # (B * heads, N, N)
        M = ~M if M.dtype == torch.bool else M
    mha = torch_mha(Wqkv, bqkv, Wp, bp, heads, dtype=torch.float64)
    with torch.no_grad():
        return mha(X, X, X, attn_mask=M, need_weights=False)[0]


def by_parts(X, Wqkv, bqkv, Wp, bp, heads, M, *, split="right", merge="right", scale=None, proj=True,
             softmax_dim=-1):
    """The same module written out, with switches for the mistakes nn.MultiheadAttention cannot make."""
    B, N, C = X.shape
    D = C // heads
    qkv = linear(X, Wqkv, bqkv)  # (B, N, 3C)
    if split == "right":
        q, k, v = qkv.view(B, N, 3, heads, D).permute(2, 0, 3, 1, 4)  # 3 x (B, heads, N, D)
    elif split == "no transpose":
        q, k, v = (t.reshape(B, heads, N, D) for t in qkv.chunk(3, dim=-1))  # 3 x (B, heads, N, D), tokens mixed
    else:  # "interleaved": per head [q | k | v]
        q, k, v = qkv.view(B, N, heads, 3, D).permute(3, 0, 2, 1, 4)  # 3 x (B, heads, N, D)
    if softmax_dim == -1:
        y = torch_sdpa(q, k, v, attn_mask=M, scale=scale)
    else:
        s = q @ k.transpose(-2, -1) * (D ** -0.5 if scale is None else scale)  # (B, heads, N, N)
        y = s.softmax(dim=softmax_dim) @ v
    y = y.transpose(1, 2).reshape(B, N, C) if merge == "right" else y.reshape(B, N, C)  # (B, N, C)
    return linear(y, Wp, bp) if proj else y


def check_case(cls, params, x, m, device="cpu"):
    dim, heads, qkv_bias = params["dim"], params["heads"], params["qkv_bias"]
    module = build(cls, dim, heads, qkv_bias, seed=params["seed"], dtype=x.dtype, device=device)
    x = x.to(device)
    mask = {} if m is None else {"attn_mask": m.to(device)}
    case = f"MultiHeadSelfAttention({dim}, num_heads={heads}, qkv_bias={qkv_bias}), " + \
        describe(x=x, **mask) + on(device)

    def forward(x, attn_mask=None):  # call_unchanged names the inputs from this signature; a Module's is (*args)
        return module(x) if attn_mask is None else module(x, attn_mask=attn_mask)

    with torch.no_grad():
        got = call_unchanged(forward, x, case=case, **mask)
    expect_on_device(got, x.device, case=case)

    weights = tuple(as64(p) for p in (module.qkv.weight, module.qkv.bias, module.proj.weight, module.proj.bias))
    X, M = as64(x), as64(m)
    expected = oracle(X, *weights, heads, M)
    parts = lambda **kw: by_parts(X, *weights, heads, M, **kw)  # noqa: E731
    D = dim // heads
    mistakes = {MISTAKE.heads_no_transpose: lambda: parts(split="no transpose"),
                MISTAKE.merge_no_transpose: lambda: parts(merge="no transpose"),
                MISTAKE.qkv_interleaved: lambda: parts(split="interleaved"),
                MISTAKE.no_proj: lambda: parts(proj=False),
                MISTAKE.scale_by_dim: lambda: parts(scale=dim ** -0.5),
                MISTAKE.no_scale: lambda: parts(scale=1.0),
                MISTAKE.one_head: lambda: by_parts(X, *weights, 1, M, scale=D ** -0.5)}
    if M is None:
        mistakes[MISTAKE.wrong_axis] = lambda: parts(softmax_dim=-2)
    else:
        mistakes[MISTAKE.mask_ignored] = lambda: by_parts(X, *weights, heads, None)
        if M.dtype == torch.bool:
            mistakes[MISTAKE.mask_inverted] = lambda: by_parts(X, *weights, heads, ~M)
    if heads == 1:
        for mistake in (MISTAKE.heads_no_transpose, MISTAKE.merge_no_transpose, MISTAKE.scale_by_dim,
                        MISTAKE.one_head):
            mistakes.pop(mistake)  # the same as the right answer with one head
    expect_close(got, expected, case=case, dtype=x.dtype, mistakes=mistakes)


NAMED_CASES = {
    "smallest: B=1, N=3, dim=4, 2 heads": dict(seed=0, B=1),
    "batch of 2, 2 heads": dict(seed=1, B=2, N=5, dim=8, heads=2),
    "one head": dict(seed=2, B=2, N=4, dim=6, heads=1),
    "4 heads of 3 features": dict(seed=3, B=2, N=6, dim=12, heads=4),
    "qkv_bias=True": dict(seed=4, B=2, N=5, dim=8, heads=2, qkv_bias=True),
    "one token": dict(seed=5, B=3, N=1, dim=8, heads=4),
    "boolean mask (N, N)": dict(seed=6, B=2, N=5, dim=8, heads=2, mask="bool (N, N)"),
    "float mask (N, N) with -inf": dict(seed=7, B=2, N=5, dim=8, heads=2, mask="float (N, N)"),
    "boolean mask per sample and head (B, heads, N, N)": dict(seed=8, B=2, N=4, dim=8, heads=2,
                                                             mask="bool (B, heads, N, N)"),
    "boolean mask (B, 1, N, N) broadcast over heads": dict(seed=9, B=2, N=4, dim=8, heads=4, mask="bool (B, 1, N, N)"),
    "float32": dict(seed=10, B=2, N=7, dim=16, heads=4, qkv_bias=True, mask="bool (N, N)", dtype=torch.float32),
}


def random_params(seed):
    g = torch.Generator().manual_seed(500 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi + 1, (1,), generator=g))  # noqa: E731
    heads = r(1, 4)
    return dict(seed=100 + seed, B=r(1, 3), N=r(1, 8), dim=heads * r(1, 5), heads=heads, qkv_bias=bool(seed % 2),
                mask=[None, "bool (N, N)", "float (N, N)"][seed % 3],
                dtype=[torch.float64, torch.float32][seed % 2])


CASES = Cases(lambda target, params, device="cpu": check_case(target.MultiHeadSelfAttention, *make_case(**params),
                                                              device=device),
              NAMED_CASES, random_params, seeds=3, cuda=True)


def on_device(target, device):
    params, x, m = make_case(42, B=2, N=3, dim=4, heads=2, mask="bool (N, N)", dtype=torch.float32)
    module = build(target.MultiHeadSelfAttention, 4, 2, False, seed=42, dtype=torch.float32, device=device)
    with torch.no_grad():
        return call(module, x.to(device)), call(module, x.to(device), attn_mask=m.to(device))


DEVICE = OnDevice(on_device, case="MultiHeadSelfAttention(4, num_heads=2), x (2, 3, 4) float32, "
                                  "without and with attn_mask (3, 3) bool")


def speed_setup(target, device):
    (B, N, dim, heads), dtype = {"cpu": ((2, 256, 128, 8), torch.float32),
                                 "cuda": ((16, 1024, 1024, 16), torch.float16)}[device]
    module = build(target.MultiHeadSelfAttention, dim, heads, True, seed=0, dtype=dtype, device=device)
    mha = torch_mha(module.qkv.weight, module.qkv.bias, module.proj.weight, module.proj.bias, heads,
                    device=device, dtype=dtype)
    x = torch.randn(B, N, dim, generator=torch.Generator().manual_seed(0)).to(device, dtype)

    def yours():
        with torch.no_grad():
            return module(x)

    def torchs():
        with torch.no_grad():
            return mha(x, x, x, need_weights=False)[0]

    return yours, torchs, f"MultiHeadSelfAttention({dim}, num_heads={heads}), " + describe(x=x) + \
        f", no gradients, on {device}"


SPEED = Speed(speed_setup, limit={"cpu": 8, "cuda": 10}, reference="nn.MultiheadAttention")
