"""Checks of exercises/scaled_dot_product_attention.py against F.scaled_dot_product_attention in float64."""
from __future__ import annotations

import math

import torch
from torch.nn.functional import scaled_dot_product_attention as torch_sdpa  # bound before the learner's code runs

from grader.check import (Cases, CheckFailure, OnDevice, Speed, call, call_unchanged, describe, expect_close, expect_on_device,
                          mistakes, tolerance)
from grader.check.family.sequence import as64, on, random_mask, to

MISTAKE = mistakes("scaled_dot_product_attention")
TOLERANCE = {"float32": (1e-4, 1e-5)}


def make_case(seed, batch=(), L=3, S=3, E=4, Ev=None, mask=None, is_causal=False, scale=None,
              dtype=torch.float64):
    """Inputs of one case. mask: None, "bool", "bool broadcast", "float", "bool fully masked", "float fully masked"."""
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(*batch, L, E, generator=g, dtype=dtype)
    k = torch.randn(*batch, S, E, generator=g, dtype=dtype)
    v = torch.randn(*batch, S, Ev or E, generator=g, dtype=dtype)
    m = None if mask is None else random_mask(
        g, (*(() if "broadcast" in mask else batch), L, S), mask, dtype, p=0.5, keep=lambda i: i % S,
        drop=lambda i: (i + 1) % S, hidden_row=min(1, L - 1) if "fully masked" in mask else None)  # (..., L, S)
    return dict(query=q, key=k, value=v, attn_mask=m, is_causal=is_causal, scale=scale)


def by_hand(q, k, v, *, hidden=None, scale, softmax_dim=-1, fill=float("-inf")):
    """Attention written out, for the mistakes torch's own function cannot express."""
    scores = q @ k.transpose(-2, -1) * scale  # (..., L, S)
    if hidden is not None:
        scores = scores.masked_fill(hidden, fill)
    return scores.softmax(dim=softmax_dim) @ v


def fully_masked_rows(attn_mask, is_causal, L, S):
    """(..., L, 1) True where a query has no visible key, or None when there is none."""
    if attn_mask is None:
        return None
    hidden = ~attn_mask if attn_mask.dtype == torch.bool else attn_mask.isneginf()
    if is_causal:
        hidden = hidden | ~torch.ones(L, S, dtype=torch.bool).tril()
    rows = hidden.all(dim=-1, keepdim=True)
    return rows if rows.any() else None


def mistakes_for(Q, K, V, M, is_causal, scale):
    L, S, E, Ev = Q.size(-2), K.size(-2), Q.size(-1), V.size(-1)
    default = 1 / math.sqrt(E)
    used = default if scale is None else scale
    ref = lambda **kw: torch_sdpa(Q, K, V, **{"attn_mask": M, "is_causal": is_causal, "scale": scale, **kw})  # noqa: E731
    mistakes = {}
    if scale is None:
        mistakes[MISTAKE.no_scale] = lambda: ref(scale=1.0)
        mistakes[MISTAKE.scale_by_d] = lambda: ref(scale=1 / E)
        if Ev != E:
            mistakes[MISTAKE.scale_by_value_dim] = lambda: ref(scale=1 / math.sqrt(Ev))
    else:
        mistakes[MISTAKE.scale_ignored] = lambda: ref(scale=None)
    if M is not None:
        if M.dtype == torch.bool:
            mistakes[MISTAKE.mask_inverted] = lambda: ref(attn_mask=~M)
            mistakes[MISTAKE.fully_masked_mean] = lambda: by_hand(Q, K, V, hidden=~M, scale=used, fill=-1e9)
        else:
            mistakes[MISTAKE.float_mask_ignored] = lambda: ref(attn_mask=None)
    if is_causal:
        ones = torch.ones(L, S, dtype=torch.bool)
        mistakes[MISTAKE.causal_ignored] = lambda: ref(is_causal=False)
        mistakes[MISTAKE.causal_diagonal] = lambda: ref(is_causal=False, attn_mask=ones.tril(-1))
        mistakes[MISTAKE.causal_transposed] = lambda: ref(is_causal=False, attn_mask=ones.triu())
        if L != S:
            mistakes[MISTAKE.causal_bottom_right] = lambda: ref(is_causal=False, attn_mask=ones.tril(S - L))
    if M is None and not is_causal:
        mistakes[MISTAKE.wrong_axis] = lambda: by_hand(Q, K, V, scale=used, softmax_dim=-2)
    return mistakes


def expect_no_nan_rows(got, expected, mistakes, fully_masked, case, rtol, atol):
    """NaN never passes, but NaN exactly on the fully masked rows is a classic mistake we can name."""
    if not isinstance(got, torch.Tensor) or got.shape != expected.shape or not got.dtype.is_floating_point:
        return
    got64 = got.detach().to("cpu", torch.float64)
    nan = torch.isnan(got64)
    if not nan.any():
        return
    if fully_masked is not None:
        nan_variant = expected.masked_fill(fully_masked, float("nan"))
        if torch.allclose(got64, nan_variant, rtol=rtol, atol=atol, equal_nan=True):
            raise CheckFailure(f"your output is NaN on the fully masked rows "
                               f"({int(fully_masked.sum())} of them) where torch returns zeros", case=case,
                               mistake=MISTAKE.fully_masked_nan)
    for mistake, variant in mistakes.items():  # e.g. a causal mask hiding the diagonal leaves row 0 with no key
        try:
            candidate = variant().to(torch.float64)
        except Exception:  # noqa: BLE001 - a variant that does not apply to this case
            continue
        rows = torch.isnan(candidate) | (candidate == 0).all(dim=-1, keepdim=True)
        if torch.allclose(got64, candidate.masked_fill(rows & nan.any(dim=-1, keepdim=True), float("nan")),
                          rtol=rtol, atol=atol, equal_nan=True):
            raise CheckFailure("your output contains NaN rows where torch's is finite", case=case, mistake=mistake)


def check_case(sdpa, inputs, device="cpu"):
    inputs = to(inputs, device)
    q, k, v, m, is_causal, scale = inputs.values()
    case = describe(**inputs) + on(device)
    got = call_unchanged(sdpa, q, k, v, attn_mask=m, is_causal=is_causal, scale=scale, case=case)
    expect_on_device(got, q.device, case=case, advice="create new tensors (masks) with device=query.device")

    Q, K, V, M = as64(q), as64(k), as64(v), as64(m)
    expected = torch_sdpa(Q, K, V, attn_mask=M, is_causal=is_causal, scale=scale)
    mistakes = mistakes_for(Q, K, V, M, is_causal, scale)
    expect_no_nan_rows(got, expected, mistakes, fully_masked_rows(M, is_causal, Q.size(-2), K.size(-2)),
                       case, *tolerance(q.dtype))
    expect_close(got, expected, case=case, dtype=q.dtype, mistakes=mistakes)


NAMED_CASES = {
    "smallest: L=S=3, E=4, no batch dims": dict(seed=0),
    "one batch dim": dict(seed=1, batch=(2,), L=4, S=4, E=8),
    "batch and heads (2, 3)": dict(seed=2, batch=(2, 3), L=4, S=4, E=8),
    "L != S (2 queries, 5 keys)": dict(seed=3, batch=(2,), L=2, S=5, E=4),
    "value dim != query dim": dict(seed=4, batch=(2,), L=3, S=4, E=4, Ev=6),
    "custom scale 0.3": dict(seed=5, batch=(2,), L=3, S=4, E=4, scale=0.3),
    "scale 1.0 given": dict(seed=6, batch=(2,), L=3, S=4, E=9, scale=1.0),
    "boolean mask": dict(seed=7, batch=(2, 2), L=4, S=5, E=4, mask="bool"),
    "boolean mask broadcast over the batch": dict(seed=8, batch=(2, 3), L=4, S=4, E=4, mask="bool broadcast"),
    "float mask with -inf": dict(seed=9, batch=(2,), L=4, S=5, E=4, mask="float"),
    "causal, L = S": dict(seed=10, batch=(2,), L=5, S=5, E=4, is_causal=True),
    "causal, L < S (top-left aligned)": dict(seed=11, batch=(2,), L=3, S=6, E=4, is_causal=True),
    "causal, L > S (top-left aligned)": dict(seed=12, batch=(2,), L=6, S=3, E=4, is_causal=True),
    "fully masked row, boolean mask": dict(seed=13, batch=(2,), L=4, S=5, E=4, mask="bool fully masked"),
    "fully masked row, float mask": dict(seed=14, batch=(2,), L=4, S=5, E=4, mask="float fully masked"),
    "float32 inputs": dict(seed=15, batch=(2, 4), L=8, S=6, E=16, Ev=8, mask="bool", dtype=torch.float32),
}


def random_case(seed):
    g = torch.Generator().manual_seed(1000 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi + 1, (1,), generator=g))  # noqa: E731
    batch = tuple(r(1, 3) for _ in range(r(0, 3)))
    masks = [None, "bool", "float", "bool broadcast"]
    causal = seed % 4 == 3
    return dict(seed=seed, batch=batch, L=r(1, 7), S=r(1, 7), E=r(1, 9), Ev=r(1, 9),
                mask=None if causal else masks[seed % 4], is_causal=causal,
                scale=None if seed % 2 == 0 else round(0.05 + 2 * float(torch.rand((), generator=g)), 3),
                dtype=[torch.float64, torch.float32][seed % 2])


CASES = Cases(lambda target, params, device="cpu": check_case(target.scaled_dot_product_attention,
                                                              make_case(**params), device),
              NAMED_CASES, random_case, seeds=4, cuda=True)


def on_device(target, device):
    """is_causal (a mask the learner makes) and a boolean mask (one it may turn into an additive one)."""
    fn = target.scaled_dot_product_attention
    causal = to(make_case(40, batch=(2,), L=3, S=5, is_causal=True, dtype=torch.float32), device)
    masked = to(make_case(41, batch=(2,), L=3, S=5, mask="bool", dtype=torch.float32), device)
    return call(fn, **causal), call(fn, **masked)


DEVICE = OnDevice(on_device, case="query (2, 3, 4), key (2, 5, 4), value (2, 5, 4) float32, is_causal=True, "
                             "then attn_mask (2, 3, 5) bool",
                  advice="create masks on the inputs' device: device=query.device")


def speed_setup(target, device):
    # One head of 512 queries on the CPU: the per-query overhead of a Python loop over rows stands out
    # (4x the fused kernel's cost at worst for a vectorised version, 58x for a loop over queries).
    shape, dtype = {"cpu": ((1, 1, 512, 16), torch.float32), "cuda": ((16, 16, 1024, 64), torch.float16)}[device]
    g = torch.Generator().manual_seed(0)
    q, k, v = (torch.randn(*shape, generator=g).to(device, dtype) for _ in range(3))
    return (lambda: target.scaled_dot_product_attention(q, k, v), lambda: torch_sdpa(q, k, v),
            describe(query=q, key=k, value=v) + f", on {device}")


SPEED = Speed(speed_setup, limit={"cpu": 15, "cuda": 12},
              reference={"cpu": "torch SDPA", "cuda": "torch SDPA (fused)"})
