"""Checks of exercises/grouped_query_attention.py against F.scaled_dot_product_attention(enable_gqa=True)
in float64.

The oracle is torch's own SDPA with enable_gqa=True in float64 on CPU (and autograd through it for the
gradients). Classic mistakes are variants written out below in float64, used only to name them.
"""
from __future__ import annotations

import math

import torch
from torch.nn.functional import scaled_dot_product_attention as torch_sdpa  # bound before the learner's code runs

from grader.check import Cases, CheckFailure, OnDevice, Speed, call, call_unchanged, describe, expect_close, \
    expect_on_device, mistakes

MISTAKE = mistakes("grouped_query_attention")


def make_case(seed, B, Hq, Hkv, L, S, E, Ev=None, is_causal=False, scale=None, dtype=torch.float64, device="cpu"):
    g = torch.Generator().manual_seed(seed)
    r = lambda *s: torch.randn(s, generator=g, dtype=torch.float64).to(dtype=dtype, device=device)  # noqa: E731
    return dict(query=r(B, Hq, L, E), key=r(B, Hkv, S, E), value=r(B, Hkv, S, Ev or E), is_causal=is_causal,
                scale=scale)


def attention(q, k, v, is_causal, scale, *, bottom_right=False, softmax_dim=-1):
    """Spec-literal attention on already-matched heads, with the switches of the classic mistakes."""
    L, S = q.shape[-2], k.shape[-2]
    s = q @ k.transpose(-2, -1) * (1 / math.sqrt(q.shape[-1]) if scale is None else scale)
    if is_causal:
        keep = torch.ones(L, S, dtype=torch.bool).tril(S - L if bottom_right else 0)
        s = s.masked_fill(~keep, float("-inf"))
    w = s.softmax(softmax_dim)  # fully masked rows (bottom-right, L > S) stay NaN, as a learner's would
    return (w if bottom_right else torch.nan_to_num(w)) @ v


def grouped(q, k, v, is_causal, scale, *, tile=False, **kw):
    G = q.shape[1] // k.shape[1]
    rep = (lambda t: t.repeat(1, G, 1, 1)) if tile else (lambda t: t.repeat_interleave(G, 1))
    return attention(q, rep(k), rep(v), is_causal, scale, **kw)


def output_mistakes(q, k, v, is_causal, scale):
    E, Hq = q.shape[-1], q.shape[1]
    m = {MISTAKE.softmax_axis: lambda: grouped(q, k, v, is_causal, scale, softmax_dim=-2),
         MISTAKE.wrong_scale: [lambda s=s: grouped(q, k, v, is_causal, s) for s in (1.0, 1 / E, 1 / math.sqrt(E * Hq))
                               if scale is None]}
    if k.shape[1] not in (1, Hq):
        m[MISTAKE.repeat_not_interleave] = lambda: grouped(q, k, v, is_causal, scale, tile=True)
    if scale is not None:
        m[MISTAKE.scale_ignored] = lambda: grouped(q, k, v, is_causal, None)
    if is_causal:
        m[MISTAKE.causal_ignored] = lambda: grouped(q, k, v, False, scale)
        if q.shape[-2] != k.shape[-2]:
            m[MISTAKE.causal_bottom_right] = lambda: grouped(q, k, v, is_causal, scale, bottom_right=True)
    return m


def f64(t):
    return t.detach().to("cpu", torch.float64)


def check_case(target, c):
    case = describe(**c)
    got = call_unchanged(target.grouped_query_attention, c["query"], c["key"], c["value"], case=case,
                         is_causal=c["is_causal"], scale=c["scale"])
    if not isinstance(got, torch.Tensor):
        raise CheckFailure(f"expected a torch.Tensor, your function returned {type(got).__name__}", case=case)
    expect_on_device(got, c["query"].device, case=case)
    q, k, v = f64(c["query"]), f64(c["key"]), f64(c["value"])
    expected = torch_sdpa(q, k, v, is_causal=c["is_causal"], scale=c["scale"], enable_gqa=True)
    expect_close(got, expected, case=case, dtype=c["query"].dtype,
                 mistakes=output_mistakes(q, k, v, c["is_causal"], c["scale"]))


NAMED_CASES = {
    "smallest GQA: Hq=2, Hkv=1 (MQA), L=S=1": dict(seed=0, B=1, Hq=2, Hkv=1, L=1, S=1, E=2),
    "GQA Hq=4, Hkv=2": dict(seed=1, B=2, Hq=4, Hkv=2, L=3, S=3, E=4),
    "GQA Hq=6, Hkv=3, L != S": dict(seed=2, B=1, Hq=6, Hkv=3, L=2, S=5, E=4),
    "MQA Hq=4, Hkv=1": dict(seed=3, B=2, Hq=4, Hkv=1, L=4, S=4, E=8),
    "Hq = Hkv: plain multi-head attention": dict(seed=4, B=1, Hq=3, Hkv=3, L=3, S=4, E=4),
    "GQA, causal, L = S": dict(seed=5, B=2, Hq=4, Hkv=2, L=5, S=5, E=4, is_causal=True),
    "GQA, causal, L < S (top-left aligned)": dict(seed=6, B=1, Hq=8, Hkv=2, L=3, S=6, E=4, is_causal=True),
    "GQA, causal, L > S (top-left aligned)": dict(seed=7, B=1, Hq=4, Hkv=2, L=6, S=3, E=4, is_causal=True),
    "scale=0.3": dict(seed=8, B=1, Hq=4, Hkv=2, L=3, S=3, E=4, scale=0.3),
    "value head size != query head size": dict(seed=9, B=1, Hq=4, Hkv=2, L=3, S=4, E=4, Ev=6),
    "float32": dict(seed=10, B=2, Hq=8, Hkv=4, L=8, S=8, E=16, dtype=torch.float32, is_causal=True),
}


def check_gradients(target, c):
    case = describe(**c)
    leaves = [c[n].detach().clone().requires_grad_(True) for n in ("query", "key", "value")]
    out = call(target.grouped_query_attention, *leaves, is_causal=c["is_causal"], scale=c["scale"])
    if not isinstance(out, torch.Tensor) or out.grad_fn is None:
        raise CheckFailure("your output has no grad_fn: autograd cannot compute any gradient through it", case=case)
    g = torch.randn(out.shape, generator=torch.Generator().manual_seed(7), dtype=torch.float64)
    got = call(lambda: torch.autograd.grad((out * g.to(out)).sum(), leaves, allow_unused=True))
    ref = [f64(t).requires_grad_(True) for t in leaves]
    exp = torch.autograd.grad((torch_sdpa(*ref, is_causal=c["is_causal"], scale=c["scale"], enable_gqa=True)
                               * g).sum(), ref)
    for name, a, b in zip(("query", "key", "value"), got, exp):
        if a is None:
            raise CheckFailure(f"no gradient reaches `{name}`", case=case)
        expect_close(a, b, case=case, dtype=c["query"].dtype, what=f"the gradient of `{name}`")


GRAD_CASES = {"GQA Hq=4, Hkv=2, causal, L = S": dict(seed=20, B=1, Hq=4, Hkv=2, L=4, S=4, E=4, is_causal=True)}


def random_case(seed, device):
    g = torch.Generator().manual_seed(1000 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi, (), generator=g))  # noqa: E731
    Hkv, G = r(1, 4), r(1, 4)
    return make_case(seed, r(1, 3), Hkv * G, Hkv, r(1, 7), r(1, 7), r(1, 9), is_causal=bool(r(0, 2)),
                     scale=[None, 0.5][r(0, 2)], dtype=[torch.float64, torch.float32][seed % 2], device=device)


def check_random(target, seeds, device="cpu"):
    for seed in seeds:
        check_case(target, random_case(seed, device))


CASES = [Cases(lambda target, p: check_case(target, make_case(**p)), NAMED_CASES),
         Cases(lambda target, p: check_gradients(target, make_case(**p)), GRAD_CASES, name="gradients match autograd"),
         Cases(check_random, {"cpu": range(4)}, cuda=True, name="random cases")]

DEVICE = OnDevice(lambda target, device: call(
    target.grouped_query_attention, *list(make_case(44, 1, 4, 2, 5, 3, 4, is_causal=True, dtype=torch.float32,
                                                    device=device).values())[:3], is_causal=True),
    case="query (1, 4, 5, 4), key/value (1, 2, 3, 4) float32, is_causal=True (L > S)")


def speed_setup(target, device):
    B, Hq, Hkv, T, E = {"cpu": (2, 8, 2, 128, 32), "cuda": (8, 32, 8, 1024, 128)}[device]
    c = make_case(0, B, Hq, Hkv, T, T, E, is_causal=True, dtype=torch.float32, device=device)
    q, k, v = c["query"], c["key"], c["value"]
    return (lambda: target.grouped_query_attention(q, k, v, is_causal=True),
            lambda: torch_sdpa(q, k, v, is_causal=True, enable_gqa=True), describe(**c))


SPEED = Speed(speed_setup, limit={"cpu": 20, "cuda": 20}, reference="torch scaled_dot_product_attention")
